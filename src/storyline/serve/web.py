"""The web UI: server-rendered Jinja pages (autoescaped) plus one small script.

Pages: the story list with search, filters and sorts (/), a story (/stories/{id}), an
article with the spans cleaning removed (/articles/{id}), an outlet's articles by
story, originals and copies (/outlets/{name}), a storyline's stories on one time axis
(/storylines/{id}) and an entity's stories and quotes (/entities/{id}).
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, PlainTextResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.brief.layer_view import quoted, quotes_left_out
from storyline.brief.render import render_markdown
from storyline.layer import StoryLayer
from storyline.model import Article, Citation
from storyline.serve.lines import entity_view, storyline_view
from storyline.serve.listing import outlet_view, story_filter, story_snippet
from storyline.serve.views import (
    cited_segments,
    claim_rows,
    day_ends,
    entity_rows,
    fact_rows,
    layer_citations,
    quotes_by_speaker,
    safe_url,
    timeline_rows,
)
from storyline.store.base import StoryFilter

if TYPE_CHECKING:
    from storyline.serve.app import ServerState


def untitled_name(article: Article) -> str:
    """What a page calls an article without a title: its opening words, quoted."""
    opening = article.opening
    return f"Untitled: “{opening}”" if opening else "Untitled article"


@lru_cache(maxsize=1)
def template_env() -> Environment:
    env = Environment(
        loader=PackageLoader("storyline.serve", "templates"),
        # every template is HTML: escape everything unless a template says otherwise
        autoescape=select_autoescape(["html", "j2"], default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    env.globals["quoted"] = quoted
    env.globals["untitled"] = untitled_name
    env.globals["day_ends"] = day_ends
    # a name as one path segment ("/" too is encoded: outlet names hold anything)
    env.filters["segment"] = lambda value: quote(str(value), safe="")
    return env


def mount_static(app: FastAPI) -> None:
    app.mount(
        "/static",
        StaticFiles(directory=str(files("storyline.serve") / "static")),
        name="static",
    )


def removed_segments(article: Article) -> list[dict[str, Any]]:
    """The raw text cut into kept pieces and removed spans (with why they went)."""
    out: list[dict[str, Any]] = []
    pos = 0
    for span in sorted(article.removed, key=lambda r: (r.start, r.end)):
        if span.start < pos:
            continue
        if span.start > pos:
            out.append({"text": article.raw_text[pos : span.start], "reason": None})
        out.append({"text": article.raw_text[span.start : span.end], "reason": span.reason})
        pos = span.end
    out.append({"text": article.raw_text[pos:], "reason": None})
    return out


def story_view(brief: dict[str, Any], articles: list[Article]) -> dict[str, Any]:
    by_id = {a.id: a for a in articles}
    cited: dict[str, set[tuple[int, int]]] = {}
    layer = StoryLayer.from_dict(brief)
    summary = [Citation(**c) for s in brief.get("summary", []) for c in s["citations"]]
    spans = [(c.article, c.start, c.end) for c in summary] + layer_citations(layer)
    for article, start, end in spans:
        cited.setdefault(article, set()).add((start, end))
    members = [by_id[aid] for aid in brief.get("articles", []) if aid in by_id]
    members.sort(key=lambda a: (a.duplicate_of is not None, a.date is None, a.date or "", a.id))
    sources: list[dict[str, Any]] = [
        {
            "article": a,
            "segments": cited_segments(a.text, cited.get(a.id, set()), a.id),
            "n": n,
            "origin": a.record,
        }
        for n, a in enumerate(members, start=1)
    ]
    numbers = {s["article"].id: s["n"] for s in sources}
    return {
        "story": brief,
        "sources": sources,
        "numbers": numbers,
        "outlets": sorted({a.outlet or a.publisher for a in members} - {None, ""}),
        # counted, not one "(unknown outlet)": the list counts each such original apart
        "unknown_outlets": sum(1 for a in members if not (a.outlet or a.publisher)),
        "duplicates": sum(1 for a in members if a.duplicate_of),
        "quotes": quotes_by_speaker(layer),
        # attributions with no voice, or of what someone knows or sees: in the API only
        "quotes_left_out": quotes_left_out(layer),
        "entities": entity_rows(layer.entities if layer else []),
        "facts": fact_rows(layer.facts if layer else [], {a.id: a.text for a in members}),
        "claims": claim_rows(layer.claims if layer else [], {a.id: a.text for a in members}),
        "timeline": timeline_rows(layer.timeline if layer else []),
    }


def build_web_router(state: ServerState) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    limits = state.serve

    def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = template_env().get_template(name).render(**context)
        return HTMLResponse(html, status_code=status)

    @router.api_route("/", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def index(
        q: str | None = Query(None, max_length=500),
        storyline: str | None = Query(None, max_length=64),
        since: str | None = Query(None, max_length=10),
        until: str | None = Query(None, max_length=10),
        outlet: str | None = Query(None, max_length=200),
        entity: str | None = Query(None, max_length=200),
        contradicted: str | None = Query(None, max_length=3),
        sort: str | None = Query(None, max_length=10),
        page: int = Query(1, ge=1, le=1_000_000),
    ) -> HTMLResponse:
        size = limits.page_size
        offset = (page - 1) * size
        where = story_filter(q, storyline, since, until, outlet, entity, contradicted, sort)
        listing = state.store.find_stories(where, size, offset)
        snippets = (
            {s.id: story_snippet(state.store, s.id, where.q) for s in listing.items}
            if where.q
            else {}
        )
        pages = max(1, -(-listing.total // size))
        form = {
            "q": where.q or "",
            "storyline": where.storyline or "",
            "since": where.since or "",
            "until": where.until or "",
            "outlet": where.outlet or "",
            "entity": where.entity or "",
            "contradicted": ""
            if where.contradicted is None
            else ("yes" if where.contradicted else "no"),
            "sort": where.sort or "",
        }

        def link(**change: Any) -> str:
            """This list's URL with ``change`` applied (empty values dropped)."""
            return "/?" + urlencode({k: v for k, v in (form | change).items() if v})

        return render(
            "index.html.j2",
            listing=listing,
            q=form["q"],
            storyline=form["storyline"],
            form=form,
            filtered=any(v for k, v in form.items() if k not in ("q", "sort")),
            snippets=snippets,
            link=link,
            page=page,
            pages=pages,
        )

    @router.api_route("/outlets/{name:path}", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def outlet(name: str) -> HTMLResponse:
        view = outlet_view(state.store, name)
        if view is None:
            raise HTTPException(404, "no article from this outlet")
        return render("outlet.html.j2", **view)

    @router.api_route("/storylines/{line_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def storyline(line_id: str) -> HTMLResponse:
        view = storyline_view(state.store, line_id)
        if view is None:
            raise HTTPException(404, "no such storyline")
        return render("storyline.html.j2", **view)

    @router.api_route("/entities/{entity_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def entity(entity_id: str) -> HTMLResponse:
        view = entity_view(state.store, entity_id)
        if view is None:
            raise HTTPException(404, "no story mentions this entity")
        return render("entity.html.j2", **view)

    @router.api_route("/stories/{story_id}.md", methods=["GET", "HEAD"], response_model=None)
    def story_markdown(story_id: str) -> PlainTextResponse:
        """The story's section of brief.md (summary, layer, sources), as a file."""
        found = state.store.story(story_id)
        if found is None:
            raise HTTPException(404, "no such story")
        text = render_markdown(state.store.articles(found.articles), [found])
        return PlainTextResponse(
            text,
            media_type="text/markdown; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{found.id}.md"'},
        )

    @router.api_route("/stories/{story_id}", methods=["GET", "HEAD"], response_class=HTMLResponse)
    def story(story_id: str) -> HTMLResponse:
        brief = state.store.story_brief(story_id)
        if brief is None:
            raise HTTPException(404, "no such story")
        articles = state.store.articles(brief.get("articles", []))
        line = brief.get("storyline")
        # a storyline of this one story is no storyline to link to
        line_stories = (
            state.store.find_stories(StoryFilter(storyline=line), 1, 0).total if line else 0
        )
        # the API's largest page, so the link to the story's quotes opens as many as it can
        return render("story.html.j2", **story_view(brief, articles), line_stories=line_stories,
                      api_page=limits.max_page_size)  # fmt: skip

    @router.api_route(
        "/articles/{article_id}", methods=["GET", "HEAD"], response_class=HTMLResponse
    )
    def article(article_id: str) -> HTMLResponse:
        found = state.store.articles([article_id])
        if not found:
            raise HTTPException(404, "no such article")
        a = found[0]
        story = state.store.story(a.story) if a.story else None
        return render(
            "article.html.j2",
            article=a,
            removed=removed_segments(a),
            story_title=story.title if story is not None else "",
        )

    return router
