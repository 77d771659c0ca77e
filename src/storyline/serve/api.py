"""The JSON API: ingest (token), paged listings, search, story briefs, articles, export.

Every listing returns ``{"total", "limit", "offset", "items"}`` in a stable order, with
``total`` counting exactly the rows that paging through would return.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Body, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import Response, StreamingResponse

from storyline.api import read_record, read_upload, store_documents
from storyline.model import DocumentOutcome, InputReport
from storyline.serve.middleware import TICKET
from storyline.serve.schemas import (
    ArticleDetail,
    ArticlePage,
    IngestResult,
    ItemPage,
    StoryBrief,
    StoryPage,
)
from storyline.serve.views import (
    EXPORT_KINDS,
    article_detail,
    entity_items,
    export_lines,
    page_dict,
    quote_items,
    safe_upload_name,
)
from storyline.serve.writer import Analysis, QueueFull, WriteJob
from storyline.store.base import StoryFilter
from storyline.store.export import KINDS as TABLE_KINDS
from storyline.store.export import export_table, parquet_bytes

if TYPE_CHECKING:
    from storyline.serve.app import ServerState

log = logging.getLogger(__name__)


# Offsets are bound to what both backends take as a 64-bit OFFSET: a larger one is a
# validation error (422), not a database error (500).
MAX_OFFSET = 2**63 - 1
DAY = r"^\d{4}-\d{2}-\d{2}$"  # an ISO day, as the date filters take it

Items = Iterable[Any]


async def run_write(state: ServerState, request: Request, job: WriteJob) -> Any:
    """Queue ``job`` for the writer thread on this request's slot and await its result
    (the request holds no worker thread while it waits)."""
    try:
        future = state.writer.submit(job, request.scope.get(TICKET))
    except QueueFull:
        raise HTTPException(
            503,
            "too many writes queued; retry later",
            headers={"Retry-After": str(state.serve.retry_after_seconds)},
        ) from None
    return await asyncio.wrap_future(future)


def ingest_job(
    state: ServerState, make_items: Callable[[list[dict[str, Any]]], Items], analyse: bool
) -> WriteJob:
    """Read and store documents on the writer thread, then (``analyse``, and something new)
    bring the analysis up to date, as ``storyline brief`` does; bulk loads send
    ``analyse=false`` and POST /api/analyse once at the end. ``make_items`` appends each
    input's report to the list it is given."""

    def store() -> dict[str, Any]:
        inputs: list[dict[str, Any]] = []
        outcomes: list[DocumentOutcome] = []
        _reports, read, new = store_documents(
            state.store, make_items(inputs), state.options, outcomes
        )
        counts = {status: 0 for status in ("new", "exists", "skipped")}
        for outcome in outcomes:
            counts[outcome.status] += 1
        return {
            "articles": [o.to_dict() for o in outcomes],
            "inputs": inputs,
            "counts": counts,
            "read": read,
            "new": new,
        }

    def finish(stored: dict[str, Any], analysis: Analysis | None) -> dict[str, Any]:
        new = stored.pop("new")
        log.info(
            "ingest: %s new of %s read; analysis %s",
            new,
            stored["read"],
            "recomputed" if analysis is not None else "kept",
        )
        stories = len(analysis[1]) if analysis is not None else None
        return {**stored, "analysed": analysis is not None, "stories": stories}

    return WriteJob(store, lambda stored: analyse and stored["new"] > 0, finish)


def build_api_router(state: ServerState, write_dependency: Any) -> APIRouter:
    router = APIRouter()
    limits = state.serve
    Limit = Query(limits.page_size, ge=1, le=limits.max_page_size, description="rows per page")
    Offset = Query(0, ge=0, le=MAX_OFFSET, description="rows to skip")
    AnalyseFlag = Query(True, description="recompute the analysis after storing new articles")

    @router.post("/analyse", dependencies=[write_dependency], tags=["ingest"])
    async def analyse(
        request: Request,
        full: bool = Query(False, description="summarise and analyse every story again"),
    ) -> dict[str, Any]:
        """Bring the analysis up to date with everything stored and save it (token required)."""

        def finish(_stored: Any, analysis: Analysis | None) -> dict[str, Any]:
            assert analysis is not None  # an analyse job always wants one
            articles, stories, timings = analysis
            return {
                "articles": len(articles),
                "stories": len(stories),
                "seconds": {k: round(v, 3) for k, v in sorted(timings.items())},
            }

        job = WriteJob(None, lambda _stored: True, finish, full=full)
        result: dict[str, Any] = await run_write(state, request, job)
        return result

    @router.post(
        "/articles", dependencies=[write_dependency], tags=["ingest"], response_model=IngestResult
    )
    async def ingest_articles(
        request: Request,
        payload: Any = Body(  # noqa: B008 - FastAPI declares parameters this way
            ...,
            description='A list of article records, or {"articles": [...]}. Each record has '
            '"text" (or "html") and optional "title", "url", "date", "outlet", "publisher".',
        ),
        analyse: bool = AnalyseFlag,
    ) -> dict[str, Any]:
        """Add articles (token required); returns each one's status, then re-analyses."""
        records = payload.get("articles") if isinstance(payload, dict) else payload
        if not isinstance(records, list):
            raise HTTPException(422, 'expected a JSON list of records or {"articles": [...]}')
        if len(records) > limits.max_records:
            raise HTTPException(
                413, f"too many records: {len(records)} > limit {limits.max_records}"
            )

        def documents(_inputs: list[dict[str, Any]]) -> Items:
            for n, record in enumerate(records):
                # each an item of the request's list, reported beside the request's own
                yield replace(read_record(record, f"request#{n}", state.options), record=True)
            yield InputReport("request", "read", "", "", len(records))

        result: dict[str, Any] = await run_write(
            state, request, ingest_job(state, documents, analyse)
        )
        return result

    @router.post(
        "/articles/upload",
        dependencies=[write_dependency],
        tags=["ingest"],
        response_model=IngestResult,
    )
    async def upload_articles(
        request: Request,
        files: list[UploadFile] = File(..., description="txt, html, json, jsonl or csv files"),  # noqa: B008
        analyse: bool = AnalyseFlag,
    ) -> dict[str, Any]:
        """Add articles from uploaded files (token required); names are only labels."""
        max_bytes = state.options.ingest.max_bytes
        # read here (bounded by the body limit); parsed on the writer thread
        uploads = [(safe_upload_name(u.filename), await u.read(max_bytes + 1)) for u in files]

        def documents(inputs: list[dict[str, Any]]) -> Items:
            for name, data in uploads:
                for item in read_upload(name, data, state.options):
                    if isinstance(item, InputReport) and item.source == name:
                        inputs.append(
                            {
                                "name": name,
                                "status": item.status,
                                "reason": item.reason,
                                "documents": item.documents,
                            }
                        )
                    yield item

        result: dict[str, Any] = await run_write(
            state, request, ingest_job(state, documents, analyse)
        )
        return result

    @router.get("/stories", tags=["stories"], response_model=StoryPage)
    def list_stories(
        q: str | None = Query(None, max_length=500, description="full-text query"),
        storyline: str | None = Query(None, max_length=64, description="one storyline's"),
        since: str | None = Query(None, pattern=DAY, description="covering this day or later"),
        until: str | None = Query(None, pattern=DAY, description="covering this day or earlier"),
        outlet: str | None = Query(None, max_length=200, description="run by this outlet"),
        entity: str | None = Query(
            None, max_length=200, description="mentioning this entity (id, name or alias)"
        ),
        contradicted: bool | None = Query(
            None, description="with (true) or without (false) a contradicted claim"
        ),
        sort: str | None = Query(
            None,
            pattern="^(latest|articles|outlets)$",
            description="latest (default), articles (most first), outlets (most independent)",
        ),
        limit: int = Limit,
        offset: int = Offset,
    ) -> dict[str, Any]:
        """Stories, latest first, narrowed by the filters given; with ``q``, the stories
        matching every word, best first (unless ``sort``). A story undated by its articles
        is placed by the dates its articles state (``dated_by``: text)."""
        where = StoryFilter(q, since, until, outlet, entity, storyline, contradicted, sort)
        return page_dict(state.store.find_stories(where, limit, offset), lambda s: s.to_dict())

    @router.get("/search", tags=["stories"], response_model=StoryPage)
    def search(
        q: str = Query(..., min_length=1, max_length=500),
        limit: int = Limit,
        offset: int = Offset,
    ) -> dict[str, Any]:
        """Full-text search over story titles, summaries and article texts."""
        page = state.store.find_stories(StoryFilter(q=q), limit, offset)
        return page_dict(page, lambda s: s.to_dict())

    @router.get("/stories/{story_id}", tags=["stories"], response_model=StoryBrief)
    def get_story(story_id: str) -> dict[str, Any]:
        """The story's brief.json object (summary with citations, and any analysis)."""
        brief = state.store.story_brief(story_id)
        if brief is None:
            raise HTTPException(404, "no such story")
        return brief

    @router.get("/stories/{story_id}/articles", tags=["stories"], response_model=ArticlePage)
    def story_articles(story_id: str, limit: int = Limit, offset: int = Offset) -> dict[str, Any]:
        if state.store.story_brief(story_id) is None:
            raise HTTPException(404, "no such story")
        page = state.store.article_page(limit, offset, story=story_id)
        return page_dict(page, lambda a: a.to_brief())

    @router.get("/articles", tags=["articles"], response_model=ArticlePage)
    def list_articles(
        story: str | None = None, limit: int = Limit, offset: int = Offset
    ) -> dict[str, Any]:
        """Articles ordered by id, optionally one story's."""
        return page_dict(
            state.store.article_page(limit, offset, story=story), lambda a: a.to_brief()
        )

    @router.get("/articles/{article_id}", tags=["articles"], response_model=ArticleDetail)
    def get_article(article_id: str) -> dict[str, Any]:
        """One article: cleaned text, the raw text and the spans removed from it (with why),
        and its sentence offsets."""
        found = state.store.articles([article_id])
        if not found:
            raise HTTPException(404, "no such article")
        return article_detail(found[0])

    @router.get("/entities", tags=["analysis"], response_model=ItemPage)
    def list_entities(
        story: str | None = None,
        type: str | None = Query(None, description="entity type, e.g. PERSON"),  # noqa: A002
        limit: int = Limit,
        offset: int = Offset,
    ) -> dict[str, Any]:
        """Entities of every story (or one), by story id then as the story lists them."""
        rows = entity_items(state.store, story, type)
        return page_dict(rows[offset : offset + limit], None, len(rows), limit, offset)

    @router.get("/quotes", tags=["analysis"], response_model=ItemPage)
    def list_quotes(
        story: str | None = None,
        speaker: str | None = Query(None, description="speaker name, case-insensitive"),
        limit: int = Limit,
        offset: int = Offset,
    ) -> dict[str, Any]:
        """Quotes of every story (or one), by story id then as the story lists them."""
        rows = quote_items(state.store, story, speaker)
        return page_dict(rows[offset : offset + limit], None, len(rows), limit, offset)

    @router.get("/export/{kind}.{fmt}", tags=["export"], response_model=None)
    def export(kind: str, fmt: str) -> StreamingResponse | Response:
        """Everything as JSON lines or CSV (``stories``, ``articles``), or as Parquet with
        typed columns for a notebook (``stories``, ``articles``, ``quotes``, ``claims``:
        one row per item, with article ids and character offsets)."""
        if fmt == "parquet" and kind in TABLE_KINDS:
            data = parquet_bytes(export_table(state.store, kind))
            return Response(
                data,
                media_type="application/vnd.apache.parquet",
                headers={"Content-Disposition": f'attachment; filename="{kind}.parquet"'},
            )
        if kind not in EXPORT_KINDS or fmt not in ("jsonl", "csv"):
            raise HTTPException(
                404,
                "export stories|articles as .jsonl or .csv, or "
                "stories|articles|quotes|claims as .parquet",
            )
        media = "application/x-ndjson" if fmt == "jsonl" else "text/csv"
        return StreamingResponse(
            export_lines(state.store, kind, fmt),
            media_type=f"{media}; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{kind}.{fmt}"'},
        )

    return router
