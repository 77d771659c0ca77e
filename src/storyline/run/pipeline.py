"""The whole job: ingest → clean → store → analyse → brief files.

Articles are written to the store in transactional batches as they are read, so an
interrupted run keeps what it stored and a rerun (same inputs, same ids) completes it.
The analysis is then brought up to date (only changed stories are summarised and
analysed again: run.incremental) and saved atomically.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path

from storyline.brief.render import write_outputs
from storyline.budget import time_budget
from storyline.clean.article import clean_document
from storyline.config import Options, RunOptions
from storyline.errors import BudgetExceeded, Errors
from storyline.ingest.files import ingest_paths
from storyline.model import (
    NO_PROGRESS,
    Article,
    DocumentOutcome,
    InputReport,
    Progress,
    RawDocument,
    RunResult,
    StepTiming,
    Story,
    progress_stage,
)
from storyline.run.cluster_state import RowState
from storyline.run.executor import executor_for
from storyline.run.incremental import STATE_NAME as incremental_state
from storyline.run.incremental import Signatures, reusable, signatures
from storyline.run.stages import (
    SAVED_STATES,
    add_analysis_layer,
    build_stories,
    layer_version,
    run_stages,
)
from storyline.store.base import Store
from storyline.store.factory import open_store

log = logging.getLogger(__name__)

BATCH = 200


def clean_item(item: RawDocument | InputReport, seconds: float = 60.0) -> Article | InputReport:
    """The per-document step (runs on any executor): clean within ``seconds``, or say why not."""
    if not isinstance(item, RawDocument):
        return item
    record = item.record
    try:
        with time_budget(seconds, "cleaning"):
            article = clean_document(item)
    except BudgetExceeded:
        log.warning("cleaning %s ran over %gs", item.source, seconds)
        over = Errors.E202.format(stage="cleaning", seconds=seconds)
        return InputReport(item.source, "skipped", over, record=record)
    except ImportError:
        raise  # a missing dependency is the installation's problem, not this document's
    except Exception as exc:  # noqa: BLE001 - one bad document never sinks the batch
        log.exception("cleaning %s failed", item.source)
        error = f"{type(exc).__name__}: {exc}"
        return InputReport(item.source, "skipped", Errors.E180.format(error=error), record=record)
    if not article.text.strip():
        return InputReport(item.source, "skipped", Errors.E181.format(), record=record)
    return article


def store_items(
    store: Store,
    items: Iterable[RawDocument | InputReport],
    outcomes: list[DocumentOutcome] | None = None,
    run_options: RunOptions | None = None,
    record_seconds: float = 60.0,
    profile: list[StepTiming] | None = None,
    progress: Progress | None = None,
) -> tuple[list[InputReport], int, int]:
    """Clean and store documents in batches; return (reports, articles read, articles new).

    When ``outcomes`` is given, one entry per document or skipped record is appended.
    """
    reports: list[InputReport] = []
    batch: list[Article] = []
    batch_reports: list[InputReport] = []
    read = new = 0
    slots: list[int] = []  # where each batched article's outcome goes, in input order

    def flush() -> None:
        nonlocal new
        if outcomes is not None:
            seen = store.existing_ids(a.id for a in batch)
            for slot, article in zip(slots, batch, strict=True):
                status = "exists" if article.id in seen else "new"
                seen.add(article.id)
                outcomes[slot] = DocumentOutcome(article.source, status, article.id)
            slots.clear()
        new += store.add_articles(batch, batch_reports)
        batch.clear()
        batch_reports.clear()

    with (
        executor_for(run_options or RunOptions()) as executor,
        progress_stage(progress, "ingest", None) as watch,
    ):
        last = time.perf_counter()
        for item in executor.map(partial(clean_item, seconds=record_seconds), items):
            if profile is not None:  # reading + cleaning, as this loop waited for the item
                now = time.perf_counter()
                size = len(item.raw_text) if isinstance(item, Article) else 0
                profile.append(StepTiming(item.source, "read+clean", now - last, size))
                last = now
            if isinstance(item, Article) or item.status == "skipped":  # not an input's own report
                watch.advance("ingest", skipped=int(not isinstance(item, Article)))
            if isinstance(item, Article):
                batch.append(item)
                read += 1
                if outcomes is not None:
                    slots.append(len(outcomes))
                    outcomes.append(DocumentOutcome(item.source, "pending", item.id))
            else:
                if item.status == "skipped":
                    log.info("skipped %s: %s", item.source, item.reason)
                    if outcomes is not None:
                        outcomes.append(DocumentOutcome(item.source, "skipped", None, item.reason))
                reports.append(item)
                batch_reports.append(item)
            if len(batch) >= BATCH:
                flush()
    flush()
    return reports, read, new


def ingest_into(
    store: Store,
    paths: Sequence[str],
    options: Options,
    stdin: bytes | None = None,
    profile: list[StepTiming] | None = None,
) -> tuple[list[InputReport], int, int]:
    """Read, clean and store; return (reports, articles read, articles new)."""
    items = ingest_paths(paths, options.ingest, stdin=stdin)
    return store_items(
        store,
        items,
        run_options=options.run,
        record_seconds=options.ingest.record_seconds,
        profile=profile,
    )


def analyse_store(
    store: Store,
    options: Options,
    incremental: bool = True,
    profile: list[StepTiming] | None = None,
    progress: Progress | None = None,
) -> tuple[list[Article], list[Story], dict[str, float]]:
    """Bring the analysis up to date with everything stored and save it atomically.

    Per-article work (sentences, MinHash band keys) is read from the store and made only
    for new articles; dedup verifies only pairs with a new article and the clusterer
    continues from its saved state; summaries and analyst layers are recomputed only for
    stories and storylines whose inputs changed, and only what changed is written back
    (``incremental=False`` recomputes and rewrites it all).
    """
    started = time.perf_counter()
    articles = store.articles()
    if not incremental:
        for article in articles:
            article.work = None  # made again, as on a new store
    stored_analysis = {a.id: (a.work, a.duplicate_of, a.story) for a in articles}
    loaded = {name: store.load_state(name) for name in (*SAVED_STATES, incremental_state)}
    state = {name: value for name in SAVED_STATES if (value := loaded[name])}
    stored = store.stories() if incremental else []
    before = Signatures.from_json(loaded[incremental_state] if incremental else None)
    timings = {"load from store": time.perf_counter() - started}
    rows = RowState(store)
    timings.update(run_stages(articles, options, state=state, progress=progress, rows=rows))
    started = time.perf_counter()
    now = signatures(articles, options, layer_version(options))
    kept, current_layers = reusable(now, before, stored)
    stories = build_stories(articles, options, reuse=kept, progress=progress)
    timings["summarize"] = time.perf_counter() - started
    # a storyline is analysed again when its inputs changed or one of its stories was not
    # taken from the store (a layer is the whole storyline's)
    stale_lines = {
        s.storyline_key
        for s in stories
        if s.id not in kept or s.storyline_key not in current_layers
    }
    stale = [s for s in stories if s.storyline_key in stale_lines]
    log.info(
        "%d of %d stories summarised again, %d analysed again",
        len(stories) - len(kept),
        len(stories),
        len(stale),
    )
    if options.analysis:
        started = time.perf_counter()
        for story in stale:
            story.layer = None  # a failed storyline must not keep an outdated layer
        for line in add_analysis_layer(stale, articles, options, profile, progress):
            now.storylines.pop(line, None)  # failed: the next run tries again
        timings["entities+quotes+facts+dates+claims"] = time.perf_counter() - started
    state[incremental_state] = now.to_json()
    started = time.perf_counter()
    # only what changed is written: articles whose analysis moved, state that changed,
    # stories not taken unchanged from the store (summary and layer)
    changed = [a for a in articles if stored_analysis[a.id] != (a.work, a.duplicate_of, a.story)]
    keep = {s.id for s in stories if s.id in kept and s.storyline_key not in stale_lines}
    with progress_stage(progress, "save", len(stories)) as watch:
        store.save_analysis(
            changed,
            stories,
            {name: value for name, value in state.items() if loaded.get(name) != value},
            keep=keep if incremental else None,
            row_changes=rows.changes if rows.changes.rows or rows.changes.replace else None,
        )
        watch.advance("save", len(stories))
    timings["save analysis"] = time.perf_counter() - started
    return articles, stories, timings


def brief_in_store(
    store: Store,
    items: Iterable[RawDocument | InputReport],
    options: Options,
    full: bool = False,
    profile: list[StepTiming] | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Clean and store ``items``, then bring the analysis of everything stored up to date
    (only changed stories again, unless ``full``)."""
    started = time.perf_counter()
    reports, read, new = store_items(
        store,
        items,
        run_options=options.run,
        record_seconds=options.ingest.record_seconds,
        profile=profile,
        progress=progress,
    )
    timings = {"ingest+clean+store": time.perf_counter() - started}
    articles, stories, analysis = analyse_store(
        store, options, incremental=not full, profile=profile, progress=progress
    )
    return RunResult(reports, articles, stories, new, read, timings | analysis)


def brief_in_memory(
    items: Iterable[RawDocument | InputReport],
    options: Options,
    profile: list[StepTiming] | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """The same stages as ``brief_in_store`` with no database: clean (the same content
    twice is one article), find copies, cluster, summarise, analyse."""
    started = time.perf_counter()
    reports: list[InputReport] = []
    by_id: dict[str, Article] = {}
    read = 0
    watch = progress or NO_PROGRESS
    watch.start("ingest", None)
    for item in items:
        cleaned = clean_item(item, options.ingest.record_seconds)
        if isinstance(cleaned, InputReport):
            reports.append(cleaned)
            watch.advance(
                "ingest", int(cleaned.status == "skipped"), int(cleaned.status == "skipped")
            )
            continue
        read += 1
        by_id.setdefault(cleaned.id, cleaned)
        watch.advance("ingest")
    watch.finish("ingest")
    articles = sorted(by_id.values(), key=lambda a: a.id)
    timings = {"ingest+clean": time.perf_counter() - started}
    timings.update(run_stages(articles, options, progress=progress))
    started = time.perf_counter()
    stories = build_stories(articles, options, progress=progress)
    timings["summarize"] = time.perf_counter() - started
    if options.analysis:
        started = time.perf_counter()
        add_analysis_layer(stories, articles, options, profile, progress)
        timings["entities+quotes+facts+dates+claims"] = time.perf_counter() - started
    return RunResult(reports, articles, stories, len(articles), read, timings)


def run_brief(
    paths: Sequence[str],
    outdir: Path,
    db: str | None = None,
    options: Options | None = None,
    stdin: bytes | None = None,
    full: bool = False,
    profile: list[StepTiming] | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Ingest ``paths`` into the store, analyse, write the brief files; ``full`` recomputes
    every story's summary and layer instead of only the changed ones."""
    options = options or Options()
    outdir.mkdir(parents=True, exist_ok=True)
    with open_store(db or outdir / "storyline.db") as store:
        items = ingest_paths(paths, options.ingest, stdin=stdin)
        result = brief_in_store(store, items, options, full, profile, progress)
    result.outdir = outdir
    write_outputs(result, options)
    return result
