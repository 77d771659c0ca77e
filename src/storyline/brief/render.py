"""Write the brief files: brief.json (the contract), brief.md, brief.html, manifest.json.

All outputs are sorted and carry no timestamps, so the same store and options give
byte-identical files. brief.html is one self-contained file; Jinja autoescaping escapes
every piece of article text (it is untrusted input).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.brief.html_refs import Citer
from storyline.brief.layer_view import (
    NO_JUDGED_CLAIM,
    LayerView,
    layer_markdown,
    layer_view,
    others_label,
    quoted,
    said_as,
    side_label,
)
from storyline.brief.lines import line_sections, lines_markdown
from storyline.brief.md import md_cite, md_text, source_numbers
from storyline.brief.text import plural
from storyline.clean.junk import not_news_reason
from storyline.config import Options
from storyline.model import Article, Story, iter_storylines
from storyline.version import __version__

if TYPE_CHECKING:
    from storyline.model import RunResult

CITATIONS_NOTE = (
    "Citations: [2:189-344] is source 2 in the story's Sources list and the characters 189 to"
    " 344 of its text (brief.json holds every cited span by article id)."
)
MAX_SOURCE_TEXTS = 20  # source texts in brief.html per story beyond those its summary cites
# 2: stories carry their own layer items; storyline-wide ones are under "storylines"
SCHEMA_VERSION = 2


def brief_document(articles: list[Article], stories: list[Story]) -> dict[str, Any]:
    parts = brief_records(articles, stories).items()
    return {k: list(v) if isinstance(v, Iterator) else v for k, v in parts}


def brief_records(articles: list[Article], stories: list[Story]) -> dict[str, Any]:
    """brief.json's parts, each list a generator made record by record as it is written:
    a whole brief as dicts is several times its JSON (issue 17)."""
    ordered = sorted(stories, key=lambda s: s.id)
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": (a.to_brief() for a in sorted(articles, key=lambda a: a.id)),
        "stories": (s.to_brief() for s in ordered),
        "storylines": (line.to_dict() for line in iter_storylines(ordered)),
    }


def reading_order(stories: list[Story], articles: list[Article]) -> list[Story]:
    """Stories as a reader takes them: the day of their latest article, latest first, then
    the most articles, then id; undated stories after dated ones, and what is not news at
    all (a crawl notice, a cookie wall kept apart as its own story) last of all."""
    days = {a.id: a.date[:10] for a in articles if a.date}
    texts = {a.id: a.text for a in articles}

    def latest(story: Story) -> str:
        return max((days[a] for a in story.articles if a in days), default="")

    def not_news(story: Story) -> bool:
        said = (texts[a] for a in story.articles if a in texts)
        return not story.summary and not_news_reason(said) is not None

    by_size = sorted(stories, key=lambda s: (-len(s.articles), s.id))
    by_day = sorted(by_size, key=latest, reverse=True)  # stable: equal days keep size order
    return sorted(by_day, key=not_news)


def manifest_document(result: RunResult, options: Options) -> dict[str, Any]:
    return {
        "storyline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "config": options.to_dict(),
        "inputs": [
            {
                "source": r.source,
                "status": r.status,
                "reason": r.reason,
                "sha256": r.digest,
                "documents": r.documents,
            }
            for r in result.reports
        ],
        "counts": result.counts(),
        # analysis steps not done for an article (over budget, too long, failed) and why
        "analysis_skipped": [
            s.to_dict()
            for s in sorted(
                {
                    (s.article, s.step): s
                    for story in result.stories
                    if story.layer is not None
                    for s in story.layer.skipped
                }.values(),
                key=lambda s: (s.article, s.step),
            )
        ],
    }


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def dump_brief(document: dict[str, Any]) -> str:
    """brief.json: compact JSON with one record (an article, a story, a storyline) per
    line, so its size follows its content and a line-oriented tool still reads it."""
    return "".join(brief_chunks(document))


def brief_chunks(document: dict[str, Any]) -> Iterator[str]:
    """``dump_brief``'s text in pieces, one record at a time; a list value may be any
    iterable (``brief_records``' generators), read once."""
    yield "{"
    keys = list(document)
    for n, key in enumerate(keys):
        value = document[key]
        comma = "," if n < len(keys) - 1 else ""
        if isinstance(value, (list, Iterator)):
            items = iter(value)
            first = next(items, _NOTHING)
            if first is _NOTHING:
                yield f"\n{_compact(key)}:[]{comma}"
                continue
            yield f"\n{_compact(key)}:[\n{_compact(first)}"
            for item in items:
                yield f",\n{_compact(item)}"
            yield f"\n]{comma}"
        else:
            yield f"\n{_compact(key)}:{_compact(value)}{comma}"
    yield "\n}\n"


_NOTHING = object()  # an empty iterable's first item


def article_segments(article: Article, cited: set[tuple[int, int]]) -> list[dict[str, Any]]:
    """The article text cut into plain and cited pieces, for highlighting in HTML."""
    segments: list[dict[str, Any]] = []
    pos = 0
    for start, end in sorted(cited):
        if start < pos:
            continue  # overlapping citation: keep the first
        if start > pos:
            segments.append({"text": article.text[pos:start], "cite": None})
        segments.append({"text": article.text[start:end], "cite": f"{article.id}-{start}-{end}"})
        pos = end
    segments.append({"text": article.text[pos:], "cite": None})
    return segments


def storyline_members(stories: list[Story]) -> dict[str, list[Story]]:
    """Stories by storyline id, in id order."""
    members: dict[str, list[Story]] = {}
    for story in sorted(stories, key=lambda s: s.id):
        if story.storyline is not None:
            members.setdefault(story.storyline, []).append(story)
    return members


def siblings(story: Story, members: dict[str, list[Story]]) -> list[Story]:
    """The other stories of the story's storyline."""
    return [s for s in members.get(story.storyline or "", []) if s.id != story.id]


def render_markdown(articles: list[Article], stories: list[Story]) -> str:
    """brief.md; every piece of article text goes through ``md_text`` (untrusted)."""
    return "".join(markdown_chunks(articles, stories))


def markdown_chunks(articles: list[Article], stories: list[Story]) -> Iterator[str]:
    """``render_markdown``'s text in pieces, one story at a time."""
    by_id = {a.id: a for a in articles}
    members = storyline_members(stories)
    lines = ["# Brief", "", CITATIONS_NOTE, ""]
    lines += lines_markdown(line_sections(stories, articles))
    yield "\n".join(lines)
    for story in reading_order(stories, articles):
        lines = ["", f"## {md_text(story.title)}", ""]  # "" joins it to the text before
        others = siblings(story, members)
        if others:
            names = "; ".join(f"{md_text(s.title)} (`{s.id}`)" for s in others)
            lines += [f"Same storyline (`{story.storyline}`) as: {names}", ""]
        numbers = source_numbers(story.articles)
        for n, sentence in enumerate(story.summary, start=1):
            refs = ", ".join(
                md_cite(numbers, c.article, c.start, c.end) for c in sentence.citations
            )
            cut = " …" if sentence.partial else ""
            lines.append(f"{n}. {md_text(sentence.text)}{cut} {refs}")
        if not story.summary:
            lines.append(f"_{md_text(no_summary_note(story, by_id))}_")
        lines.append("")
        texts = {aid: by_id[aid].text for aid in story.articles if aid in by_id}
        lines += layer_markdown(story.layer, texts, numbers)
        lines += ["", "Sources:", ""]
        for n, aid in enumerate(story.articles, start=1):
            a = by_id[aid]
            dup = f" (duplicate of {a.duplicate_of})" if a.duplicate_of else ""
            meta = " · ".join(md_text(x) for x in source_meta(a))
            title = md_text(a.label)
            lines.append(f"{n}. `{a.id}` {title} — {meta}{dup}")
        lines.append("")
        yield "\n".join(lines)


def source_meta(article: Article) -> list[str]:
    """What a source line tells of an article: outlet, publisher, date, URL; "outlet
    unknown" when it names neither outlet nor publisher (never an empty line)."""
    known = [x for x in (article.outlet, article.publisher, article.date, article.url) if x]
    return known if article.outlet or article.publisher else ["outlet unknown", *known]


def no_summary_note(story: Story, by_id: dict[str, Article]) -> str:
    """Why a story has no summary, so its section is never an empty heading."""
    reason = not_news_reason(by_id[a].text for a in story.articles if a in by_id)
    its = "its article is" if len(story.articles) == 1 else "its articles are"
    if reason is not None:
        return f"No summary: {its} not news ({reason})."
    of = "its article" if len(story.articles) == 1 else "its articles"
    return f"No summary: no sentence of {of} reads as news prose; see its sources."


def story_dates(story: Story, by_id: dict[str, Article]) -> str:
    """The first and last article date of a story ("2012-02-13 – 2012-05-28"), or ""."""
    dates = sorted(by_id[a].date or "" for a in story.articles if a in by_id and by_id[a].date)
    if not dates:
        return ""
    first, last = dates[0][:10], dates[-1][:10]
    return first if first == last else f"{first} – {last}"


class _StoryView:
    """One story as the HTML template reads it; its layer view and source texts are made
    when the template reaches them and dropped after, so the brief is never held whole
    as views (the table of contents reads only the story and its dates)."""

    def __init__(
        self,
        story: Story,
        by_id: dict[str, Article],
        members: dict[str, list[Story]],
        cited: dict[str, set[tuple[int, int]]],
    ) -> None:
        self.story = story
        self.dates = story_dates(story, by_id)
        self._by_id = by_id
        self._members = members
        self._cited = cited

    @property
    def siblings(self) -> list[Story]:
        return siblings(self.story, self._members)

    @property
    def summary_note(self) -> str:
        return "" if self.story.summary else no_summary_note(self.story, self._by_id)

    @property
    def layer(self) -> LayerView:
        texts = {aid: self._by_id[aid].text for aid in self.story.articles if aid in self._by_id}
        return layer_view(self.story.layer, texts)

    @property
    def articles(self) -> list[dict[str, Any]]:
        story, by_id, cited = self.story, self._by_id, self._cited
        # the texts the summary cites, and the first others: a story of hundreds of
        # articles lists the rest by title (their text is in brief.json)
        with_text = {aid for aid in story.articles if aid in cited}
        with_text |= set([a for a in story.articles if a not in with_text][:MAX_SOURCE_TEXTS])
        return [
            {
                "article": by_id[aid],
                "segments": article_segments(by_id[aid], cited.get(aid, set()))
                if aid in with_text
                else None,
            }
            for aid in story.articles
        ]


def render_html(articles: list[Article], stories: list[Story]) -> str:
    """brief.html: a table of contents, then each story (latest first) with its layer;
    long lists and every source text are folded (``<details>``) so hundreds of stories
    stay readable."""
    return "".join(html_chunks(articles, stories))


def html_chunks(articles: list[Article], stories: list[Story]) -> Iterator[str]:
    """``render_html``'s text in pieces, as the template makes them."""
    env = Environment(
        loader=PackageLoader("storyline.brief", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        keep_trailing_newline=True,
    )
    by_id = {a.id: a for a in articles}
    members = storyline_members(stories)
    cited: dict[str, set[tuple[int, int]]] = {}
    for story in stories:
        for sentence in story.summary:
            for c in sentence.citations:
                cited.setdefault(c.article, set()).add((c.start, c.end))
    view = [_StoryView(s, by_id, members, cited) for s in reading_order(stories, articles)]
    env.globals["side_label"] = side_label
    env.globals["others_label"] = others_label
    env.globals["quoted"] = quoted
    env.globals["no_judged_claim"] = NO_JUDGED_CLAIM
    env.globals["said_as"] = said_as
    env.globals["cite"] = Citer.of(stories, cited)
    env.filters["plural"] = plural
    template = env.get_template("brief.html.j2")
    yield from template.generate(stories=view, lines=line_sections(stories, articles))


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its pieces, one at a time) to a temporary file beside ``path``,
    then rename it over ``path``: a reader (or a run killed mid-write) sees the previous
    file or the new one, never half of one. The temporary file is removed if writing
    fails."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            for piece in [text] if isinstance(text, str) else text:
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())  # the data is on disk before the name points at it
        # mkstemp makes 0600: keep the previous file's mode, or the usual 0644
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_outputs(result: RunResult, options: Options, outdir: Path | None = None) -> None:
    """The four files into ``outdir`` (default: the result's own folder)."""
    folder = outdir or result.outdir
    if folder is None:
        raise ValueError("write_outputs needs a folder")
    outdir = Path(folder)
    articles = sorted(result.articles, key=lambda a: a.id)
    stories = sorted(result.stories, key=lambda s: s.id)
    # each written as it is made: the whole brief as one string (or as dicts) is several
    # times the file (issue 17)
    write_atomic(outdir / "brief.json", brief_chunks(brief_records(articles, stories)))
    write_atomic(outdir / "brief.md", markdown_chunks(articles, stories))
    write_atomic(outdir / "brief.html", html_chunks(articles, stories))
    write_atomic(outdir / "manifest.json", dump_json(manifest_document(result, options)))
