"""The public Python API: what ``import storyline`` offers. The CLI and the server call it.

``storyline.brief(inputs)`` turns files, folders, records or in-memory uploads into a
``Brief`` without touching the disk; with ``store=`` it accumulates them in a database
first (SQLite file or ``postgresql://`` URL), as ``storyline brief`` does. The stage
functions (``clean``, ``find_duplicates``, ``cluster``, ``summarize``, ``extract_quotes``,
``extract_dates``, ``stance``) are the same code the pipeline runs, one stage at a time.
Heavy libraries (spaCy, trafilatura, SQLAlchemy) load on first use, not on import.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.config import Options
from storyline.model import Article, DocumentOutcome, InputReport, RawDocument, RunResult, Story

if TYPE_CHECKING:
    import pyarrow as pa

    from storyline.brief.summarize import Picked
    from storyline.cluster.stories import ClusterItem
    from storyline.model import Progress, StepTiming
    from storyline.nlp.dates import TimeExpression
    from storyline.nlp.quotes import Quote
    from storyline.store.base import Store

# What ``brief`` reads: a path (file or folder), a record ({"text", "title"?, ...}), a
# document already read, or an upload held in memory as (file name, bytes).
Input = str | os.PathLike[str] | Mapping[str, Any] | RawDocument | tuple[str, bytes]


@dataclass
class Brief(RunResult):
    """A brief over a pile: its articles (cleaned text, copies marked), its stories (cited
    summaries and the analyst's layer), what happened to every input, and the options it
    was made with."""

    options: Options = field(default_factory=Options)

    @classmethod
    def of(cls, result: RunResult, options: Options) -> Brief:
        return cls(**{f.name: getattr(result, f.name) for f in fields(result)}, options=options)

    def to_dict(self) -> dict[str, Any]:
        """The brief.json object (articles and stories sorted by id)."""
        from storyline.brief.render import brief_document

        return brief_document(self._sorted_articles(), self._sorted_stories())

    def to_json(self) -> str:
        """brief.json, byte for byte as ``write`` writes it."""
        from storyline.brief.render import dump_brief

        return dump_brief(self.to_dict())

    def to_markdown(self) -> str:
        from storyline.brief.render import render_markdown

        return render_markdown(self._sorted_articles(), self._sorted_stories())

    def to_html(self) -> str:
        """One self-contained page; article text escaped, strict Content-Security-Policy."""
        from storyline.brief.render import render_html

        return render_html(self._sorted_articles(), self._sorted_stories())

    def manifest(self) -> dict[str, Any]:
        """Version, options, every input with its status and reason, counts."""
        from storyline.brief.render import manifest_document

        return manifest_document(self, self.options)

    def write(self, outdir: str | os.PathLike[str]) -> Path:
        """Write brief.json, brief.md, brief.html and manifest.json (each replaced
        atomically) into ``outdir``; return the folder."""
        from storyline.brief.render import write_outputs

        folder = Path(outdir)
        folder.mkdir(parents=True, exist_ok=True)
        write_outputs(self, self.options, folder)
        return folder

    def _sorted_articles(self) -> list[Article]:
        return sorted(self.articles, key=lambda a: a.id)

    def _sorted_stories(self) -> list[Story]:
        return sorted(self.stories, key=lambda s: s.id)


def brief(
    inputs: Input | Iterable[Input],
    options: Options | None = None,
    *,
    store: str | os.PathLike[str] | None = None,
    full: bool = False,
    stdin: bytes | None = None,
    profile: list[StepTiming] | None = None,
    progress: Progress | None = None,
) -> Brief:
    """Read, clean, find copies, group into stories and storylines, summarise and analyse.

    Without ``store`` everything happens in memory. With ``store`` (a SQLite file or a
    database URL) the inputs are added to what it holds and the analysis is brought up to
    date incrementally (``full`` redoes every story); the brief covers the whole store.
    ``stdin`` is the bytes read for a ``"-"`` input. ``progress`` hears of every stage as
    it starts, advances and finishes (``storyline.model.Progress``).
    """
    from storyline.run.pipeline import brief_in_memory, brief_in_store

    options = options or Options()
    items = read_inputs(inputs, options, stdin)
    if store is None:
        return Brief.of(brief_in_memory(items, options, profile, progress), options)
    with open_store(store) as db:
        return Brief.of(brief_in_store(db, items, options, full, profile, progress), options)


def read_inputs(
    inputs: Input | Iterable[Input], options: Options | None = None, stdin: bytes | None = None
) -> Iterator[RawDocument | InputReport]:
    """Documents read from ``inputs`` and a report per input (and per skipped record)."""
    from storyline.ingest.files import ingest_bytes, ingest_paths
    from storyline.ingest.readers import record_to_document

    options = options or Options()
    many = (
        [inputs]
        if isinstance(inputs, str | os.PathLike | Mapping | RawDocument | tuple)
        else inputs
    )
    for index, item in enumerate(many):
        if isinstance(item, RawDocument):
            yield item
        elif isinstance(item, Mapping):
            source = str(item.get("id") or f"record#{index}")
            yield record_to_document(dict(item), source, "json", options.ingest)
        elif isinstance(item, tuple):
            name, data = item
            yield from ingest_bytes(name, data, options.ingest)
        else:
            path = os.fspath(item)
            yield from ingest_paths([path], options.ingest, stdin=stdin if path == "-" else None)


def read_record(
    record: Mapping[str, Any], source: str, options: Options | None = None
) -> RawDocument | InputReport:
    """One JSON record (``text`` or ``html``, optional metadata) as a document, or why not."""
    from storyline.ingest.readers import record_to_document

    # anything but a mapping (a JSON request's list may hold a string) is skipped, [E132]
    data = dict(record) if isinstance(record, Mapping) else record
    return record_to_document(data, source, "json", (options or Options()).ingest)


def read_upload(
    name: str, data: bytes, options: Options | None = None
) -> Iterator[RawDocument | InputReport]:
    """An uploaded file held in memory, read by its name's suffix like a file on disk."""
    from storyline.ingest.files import ingest_bytes

    return ingest_bytes(name, data, (options or Options()).ingest)


def store_documents(
    store: Store,
    items: Iterable[RawDocument | InputReport],
    options: Options | None = None,
    outcomes: list[DocumentOutcome] | None = None,
) -> tuple[list[InputReport], int, int]:
    """Clean and store documents; returns (reports, articles read, articles new) and, when
    ``outcomes`` is given, appends what became of each document (new, exists, skipped)."""
    from storyline.run.pipeline import store_items

    options = options or Options()
    return store_items(
        store, items, outcomes, options.run, record_seconds=options.ingest.record_seconds
    )


def analyse(store: Store, options: Options | None = None, full: bool = False) -> Brief:
    """Bring a store's stories, summaries and layers up to date and save them."""
    from storyline.run.pipeline import analyse_store

    options = options or Options()
    articles, stories, timings = analyse_store(store, options, incremental=not full)
    return Brief([], articles, stories, timings=timings, options=options)


def export_table(store: Store, kind: str) -> pa.Table:
    """One of the notebook tables (``stories``, ``articles``, ``quotes``, ``claims``) of
    a store as a pyarrow Table with typed columns: one row per item, with article ids and
    character offsets (needs the "export" extra, pyarrow)."""
    from storyline.store.export import export_table as _table

    return _table(store, kind)


def export(
    store: Store,
    outdir: str | os.PathLike[str],
    fmt: str = "parquet",
    kinds: Sequence[str] | None = None,
) -> list[tuple[Path, int]]:
    """Write a store's tables as OUTDIR/{kind}.{fmt} (parquet, jsonl or csv); return each
    file with its row count."""
    from storyline.store.export import KINDS, write_export

    return write_export(store, Path(outdir), fmt, tuple(kinds or KINDS))


def open_store(url: str | os.PathLike[str]) -> Store:
    """The accumulating store: a SQLite file path or a SQLAlchemy URL (postgresql://...).
    Use it as a context manager, or call ``close()``."""
    from storyline.store.factory import open_store as _open

    return _open(url)


# --- the stages, one at a time --------------------------------------------------------


def clean(document: RawDocument | str) -> Article:
    """Boilerplate lines out (kept with their reasons), metadata found in them, language
    and a content id; ``document`` may be plain text."""
    from storyline.clean.article import clean_document

    raw = document if isinstance(document, RawDocument) else RawDocument("text", document, "txt")
    return clean_document(raw)


def find_duplicates(
    articles: Sequence[Article | str], options: Options | None = None
) -> dict[str, str]:
    """{copy id: original id} over articles (or texts, ids "0", "1", ...): reposts and
    syndicated copies found by MinHash and verified by containment."""
    from storyline.dedup.near import find_duplicates as _find

    options = options or Options()
    items = [
        (a.id, a.text, a.date, a.outlet or a.publisher)
        if isinstance(a, Article)
        else (str(i), a, None, None)
        for i, a in enumerate(articles)
    ]
    return _find(items, options.dedup)


def cluster(items: Sequence[ClusterItem], options: Options | None = None) -> dict[str, str]:
    """{article id: story id} for ``ClusterItem(id, title, text, date?, outlet?)`` records."""
    from storyline.cluster.stories import StoryClusterer

    options = options or Options()
    placed = StoryClusterer(options.cluster).add_in_batches(list(items))
    return {a.id: a.story for a in placed}


def summarize(
    texts: Sequence[str],
    words: int = 120,
    dates: Sequence[str | None] | None = None,
    titles: Sequence[str | None] | None = None,
    options: Options | None = None,
) -> list[Picked]:
    """Whole source sentences covering what most documents say, within ``words``; each
    carries its document index and offsets."""
    from storyline.brief.summarize import summarize_documents

    options = options or Options()
    return summarize_documents(
        list(texts),
        words,
        list(dates) if dates is not None else None,
        options.summary,
        list(titles) if titles is not None else None,
    )


def extract_quotes(text: str, options: Options | None = None) -> list[Quote]:
    """Direct and reported speech with speaker, cue and offsets (needs the nlp extra)."""
    from storyline.nlp.quotes import extract_quotes as _extract

    return _extract(text, (options or Options()).quotes)


def extract_dates(text: str, date: str | None = None) -> list[TimeExpression]:
    """Temporal expressions with TIMEX3 values resolved against ``date`` (never the clock)."""
    from storyline.nlp.dates import extract_dates as _extract

    return _extract(text, date)
