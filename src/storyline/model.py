"""Shared record types that flow between the pipeline stages.

Offsets are always Python ``str`` indices (code points), half-open ``[start, end)``.
``Article.text`` is the cleaned text every derived item points into; ``RemovedSpan``
offsets point into ``Article.raw_text`` (the text as handed to the cleaner).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

# the analyst's layer records live in storyline.layer; StepSkip is re-exported here
from storyline.layer import StepSkip as StepSkip
from storyline.layer import StoryLayer
from storyline.storyline_layer import StorylineLayer, storyline_layer


def parse_day(date: str | None) -> float | None:
    """ISO date or datetime -> days since the epoch (float); None if missing or unparsable."""
    if not date:
        return None
    s = date.strip().replace("Z", "+00:00")
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        try:
            dt = datetime.fromisoformat(s[:10])
        except ValueError:
            return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp() / 86400.0


def calendar_day(value: str | None) -> date | None:
    """The first day of an ISO date, month or year ("2012-06-18", "2012-06", "2012"), for
    placing timeline values on a calendar; None if it is none of these."""
    text = (value or "").strip()
    for size, pad in ((10, ""), (7, "-01"), (4, "-01-01")):
        try:
            return date.fromisoformat(text[:size] + pad)
        except ValueError:
            continue
    return None


# how far before the latest date an undated story's text states another still places it
STATED_WINDOW_DAYS = 366
# how many words of its opening name an untitled article
OPENING_WORDS = 10


def placing_dates(values: list[str]) -> list[str]:
    """Of the dates an undated story's articles state, those that place the story.

    Articles name history and forecasts ("in 1800", "by 2050") beside the days they report:
    a span "1800-01-01 – 2050-12-31" tells a reader nothing. Precise dates (a day or a
    month) place the story when there are any, else years; only the latest and those
    within a year before it count, and years that disagree place nothing (the story is
    then undated)."""
    days = [(d, v) for v in values if (d := calendar_day(v)) is not None]
    precise = [(d, v) for d, v in days if len(v.strip()) >= 7]
    pool = precise or days
    if not pool:
        return []
    anchor = max(d for d, _ in pool)
    kept = [v for d, v in pool if (anchor - d).days <= STATED_WINDOW_DAYS]
    if not precise and len(kept) < len(pool):
        return []
    return kept


@dataclass(frozen=True)
class RawDocument:
    """One document as read from an input, before cleaning."""

    source: str  # "path" or "path#record" for multi-record inputs
    text: str  # for HTML: the main text trafilatura extracted
    fmt: str  # txt | html | json | jsonl | csv | warc | feed
    title: str | None = None
    url: str | None = None
    date: str | None = None  # ISO 8601 (date or datetime), as found
    outlet: str | None = None
    publisher: str | None = None
    extractor: str = "plain"  # which extractor produced ``text`` (audit trail)
    notes: tuple[str, ...] = ()  # warnings about this input that did not stop it
    record: bool = False  # one record inside an input (see InputReport.record)
    record_id: str | None = None  # the record's own id (its "id" field, a feed entry's id)


@dataclass(frozen=True)
class InputReport:
    """What happened to one input (a file, or one record inside it)."""

    source: str
    status: str  # "read" | "skipped"
    reason: str = ""
    digest: str = ""  # sha256 of the input bytes
    documents: int = 0
    # a record inside an input (a JSONL line, CSV row, WARC record, feed entry, item of a
    # JSON list), reported beside its input's own report; not stored, not in the manifest
    record: bool = False


@dataclass(frozen=True)
class RemovedSpan:
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class Span:
    start: int
    end: int


class SentenceIndex:
    """Finds the sentence holding an offset by binary search (sentences in text order), so
    extractors stay linear in an article's length instead of scanning every sentence."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]

    def containing(self, offset: int) -> Span | None:
        at = bisect_right(self._starts, offset) - 1
        if at >= 0 and self.spans[at].start <= offset < self.spans[at].end:
            return self.spans[at]
        return None


@dataclass(frozen=True)
class StepTiming:
    """Seconds one step took on one article or record (for the soak bench's slowest list)."""

    item: str  # article id, or the record's source
    step: str
    seconds: float
    chars: int


class Progress(Protocol):
    """Watches a run's stages as they go (the CLI draws it; the library only reports).

    A stage starts with its item count (None when it streams and cannot know), advances
    by the items done (``skipped`` of them were skipped, with a logged reason) and finishes.
    """

    def start(self, stage: str, total: int | None) -> None: ...

    def advance(self, stage: str, done: int = 1, skipped: int = 0) -> None: ...

    def finish(self, stage: str) -> None: ...


class NoProgress:
    """The ``Progress`` nobody watches (the default)."""

    def start(self, stage: str, total: int | None) -> None:
        return None

    def advance(self, stage: str, done: int = 1, skipped: int = 0) -> None:
        return None

    def finish(self, stage: str) -> None:
        return None


NO_PROGRESS = NoProgress()


@contextmanager
def progress_stage(progress: Progress | None, stage: str, total: int | None) -> Iterator[Progress]:
    """``progress`` (or nobody) told that ``stage`` starts now and finishes on leaving."""
    watcher = progress or NO_PROGRESS
    watcher.start(stage, total)
    try:
        yield watcher
    finally:
        watcher.finish(stage)


@dataclass
class Article:
    id: str
    text: str
    raw_text: str
    source: str
    title: str | None = None
    outlet: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: str | None = None
    year: int | None = None  # from a copyright line when no date is known
    lang: str | None = None
    removed: list[RemovedSpan] = field(default_factory=list)
    # filled by later stages
    sentences: list[Span] = field(default_factory=list)
    duplicate_of: str | None = None
    story: str | None = None
    storyline: str | None = None  # derived each run; stories keep it in the store
    # the input record's own id ("id" of a JSON/JSONL/CSV record); never part of ``id``
    record_id: str | None = None
    # per-article work stored with the article and read, not redone, by later runs: the
    # version it was made with (run.incremental.work_version; None: not made yet), and
    # the LSH band keys of its MinHash signature (uint64 bytes; ``sentences`` is the rest)
    work: str | None = None
    band_keys: bytes | None = None

    def has_sentences(self) -> bool:
        """Whether sentence spans are set (a stored article answers without decoding them)."""
        return bool(self.sentences)

    @property
    def label(self) -> str:
        """What a reader calls the article: its title, else the file or record it came from
        and its opening words (a pile of untitled records is told apart by what they say)."""
        if self.title:
            return self.title
        opening = self.opening
        return f"{self.file_label}: “{opening}”" if opening else self.file_label

    @property
    def file_label(self) -> str:
        """Its title, else "(untitled)" and the file or record it came from."""
        if self.title:
            return self.title
        return f"(untitled) {self.record}" if self.record else "(untitled)"

    @property
    def record(self) -> str:
        """The file or record it came from, without folders ("pile.jsonl#L27")."""
        return self.source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]

    @property
    def opening(self) -> str:
        """The first sentence's first words (at most OPENING_WORDS, "…" when cut)."""
        text = self.text
        if self.sentences:
            first = self.sentences[0]
            text = text[first.start : first.end]
        words = text.split(maxsplit=OPENING_WORDS)
        if len(words) <= OPENING_WORDS:
            return " ".join(words)
        head = " ".join(words[:OPENING_WORDS]).rstrip(",;:—-")
        return head if head.endswith((".", "!", "?")) else head + "…"

    def sentence_texts(self) -> list[str]:
        return [self.text[s.start : s.end] for s in self.sentences]

    def to_brief(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "title": self.title,
            "outlet": self.outlet,
            "publisher": self.publisher,
            "url": self.url,
            "date": self.date,
            "year": self.year,
            "lang": self.lang,
            "source": self.source,
            "record_id": self.record_id,
            "removed": [asdict(r) for r in self.removed],
            "duplicate_of": self.duplicate_of,
            "story": self.story,
        }


@dataclass(frozen=True)
class Citation:
    article: str
    start: int
    end: int


@dataclass(frozen=True)
class SummarySentence:
    text: str
    citations: tuple[Citation, ...]
    # the start of a source sentence, not all of it (SummaryOptions.fill): shown with "…"
    partial: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "citations": [asdict(c) for c in self.citations],
            "partial": self.partial,
        }


@dataclass
class Story:
    id: str
    title: str
    articles: list[str]  # all member ids, originals and duplicates
    summary: list[SummarySentence] = field(default_factory=list)
    storyline: str | None = None
    # the analyst's layer (entities, quotes, facts, timeline, claims); None: not analysed
    layer: StoryLayer | None = None

    @property
    def storyline_key(self) -> str:
        """The storyline, or the story itself when it has none: what a layer is made over."""
        return self.storyline or self.id

    def to_brief(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "storyline": self.storyline,
            "articles": list(self.articles),
            "summary": [s.to_dict() for s in self.summary],
            **(self.layer.to_dict() if self.layer is not None else {}),
        }


def storylines(stories: list[Story]) -> list[StorylineLayer]:
    """The storyline-wide layer of every storyline with an analysed story, by id: written
    once per storyline (its stories carry their own items only)."""
    return list(iter_storylines(stories))


def iter_storylines(stories: list[Story]) -> Iterator[StorylineLayer]:
    """``storylines`` one at a time (brief.json is written as they are made)."""
    groups: dict[str, list[Story]] = {}
    for story in stories:
        if story.storyline is not None:
            groups.setdefault(story.storyline, []).append(story)
    for line, members in sorted(groups.items()):
        layers = [(s.id, s.layer) for s in members]
        if any(layer is not None for _, layer in layers):
            yield storyline_layer(line, layers)


@dataclass
class RunResult:
    """What a run made: the articles and stories, every input's report, counts, timings."""

    reports: list[InputReport]
    articles: list[Article]
    stories: list[Story]
    new_articles: int = 0
    read_articles: int = 0
    timings: dict[str, float] = field(default_factory=dict)
    outdir: Path | None = None  # where its files were written, if they were

    @property
    def usable(self) -> bool:
        """Did this run's inputs yield at least one article?"""
        return self.read_articles > 0

    def counts(self) -> dict[str, int]:
        # a record's skip (a JSONL line, a WARC record, a feed entry) is not a skipped input
        status = Counter((r.status, r.record) for r in self.reports)
        return {
            "inputs_read": status["read", False],
            "inputs_skipped": status["skipped", False],
            "records_skipped": status["skipped", True],
            "articles_read": self.read_articles,
            "articles_new": self.new_articles,
            "articles_total": len(self.articles),
            "duplicates": sum(1 for a in self.articles if a.duplicate_of),
            "stories": len(self.stories),
        }


@dataclass(frozen=True)
class DocumentOutcome:
    """What became of one document: stored as new, already stored, or skipped and why."""

    source: str
    status: str  # "new" | "exists" | "skipped"
    article: str | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, str | None]:
        return {
            "source": self.source,
            "status": self.status,
            "article": self.article,
            "reason": self.reason,
        }
