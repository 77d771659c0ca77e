"""The corpus-level analysis stages, each declaring what it needs and what it adds.

A stage is a plain function over the list of articles, the options and the stages'
saved state (name -> JSON text, kept by the store, for stages that work incrementally);
the ``Stage`` record names the ``Article`` fields it requires and assigns, and
``run_stages`` checks that order before running, as spaCy components declare
``requires``/``assigns``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from typing import TYPE_CHECKING, TypeVar

import numpy as np

from storyline.brief.summarize import summarize_documents
from storyline.budget import time_budget
from storyline.clean.junk import is_credit, not_news_reason
from storyline.cluster.stories import ClusterItem, StoryClusterer
from storyline.config import Options
from storyline.dedup.minhash import fingerprint_keys, shingle_hashes
from storyline.dedup.near import choose_originals
from storyline.dedup.update import update_near_duplicates
from storyline.errors import BudgetExceeded
from storyline.layer import LAYER_SHAPE
from storyline.model import (
    NO_PROGRESS,
    Article,
    Citation,
    Progress,
    Span,
    StepTiming,
    Story,
    SummarySentence,
    progress_stage,
)
from storyline.nlp.dateline import DATELINE
from storyline.nlp.sentences import split_paragraphs, split_sentences
from storyline.run.cluster_state import (
    CLUSTER_INDEX,
    CLUSTER_STATE,
    RowState,
    assign_with_rows,
    roots_of,
)
from storyline.run.executor import executor_for
from storyline.run.incremental import DEDUP_STATE, DedupState, work_version

if TYPE_CHECKING:  # the layer's modules are imported when it runs (spaCy is optional)
    from storyline.link.article_layer import ArticleAnalysis, ArticleJob, BatchFn

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

# Fields every article has once cleaned; stages add the rest.
CLEANED_FIELDS = frozenset({"id", "text", "title", "outlet", "publisher", "url", "date", "lang"})


@dataclass(frozen=True)
class Stage:
    name: str
    requires: frozenset[str]
    assigns: frozenset[str]
    run: Callable[[list[Article], Options, dict[str, str], RowState | None], None]


def parallel_map(fn: Callable[[T], R], items: Sequence[T], options: Options) -> list[R]:
    """``fn`` over ``items`` on the configured executor (local processes or Dask), in order."""
    with executor_for(options.run) as executor:
        return list(executor.map(fn, items, options.run.chunk_size))


def _sentences_of(job: tuple[str, str, float]) -> list[Span]:
    text, lang, seconds = job
    try:
        with time_budget(seconds, "sentences"):
            return split_sentences(text, lang)
    except BudgetExceeded:
        # an article stays usable: its lines stand in for its sentences
        log.warning("sentence splitting ran over %gs on a %d-char text", seconds, len(text))
        return split_paragraphs(text)


def add_sentences(
    articles: list[Article], options: Options, state: dict[str, str], rows: RowState | None = None
) -> None:
    """Sentence spans of the articles whose stored work (Article.work, marked made by
    mark_duplicates) is missing or of another version; the others keep the spans read
    from the store."""
    seconds = options.budget.article_seconds
    version = work_version(options)
    todo = [a for a in articles if a.work != version or not a.has_sentences()]
    found = parallel_map(_sentences_of, [(a.text, a.lang or "en", seconds) for a in todo], options)
    for article, spans in zip(todo, found, strict=True):
        article.sentences = spans
    log.info(
        "sentences: %d articles split, %d read from the store", len(todo), len(articles) - len(todo)
    )


def mark_duplicates(
    articles: list[Article], options: Options, state: dict[str, str], rows: RowState | None = None
) -> None:
    """Near-duplicates over all articles, fingerprinting only those without stored band
    keys and verifying only candidate pairs with such an article (dedup.update): the
    edges verified before are kept in ``state``; the result equals a full recompute."""
    if not articles:
        return
    version = work_version(options)
    saved = DedupState.from_json(state.get(DEDUP_STATE))
    covered = set(saved.articles) if saved.version == version else set()
    new = [a.work != version or a.band_keys is None or a.id not in covered for a in articles]
    todo = [a for a, is_new in zip(articles, new, strict=True) if is_new]
    computed = parallel_map(
        partial(fingerprint_keys, options=options.dedup), [a.text for a in todo], options
    )
    fresh = {a.id: found for a, found in zip(todo, computed, strict=True)}
    keys = [
        fresh[a.id][0] if is_new else np.frombuffer(a.band_keys or b"", dtype=np.uint64)
        for a, is_new in zip(articles, new, strict=True)
    ]

    def shingles_of(i: int) -> np.ndarray:
        article = articles[i]
        made = fresh.get(article.id)
        return made[1] if made is not None else shingle_hashes(article.text, options.dedup)

    found, edges = update_near_duplicates(
        [a.id for a in articles],
        np.array(keys, dtype=np.uint64).reshape(len(articles), -1),
        np.array(new, dtype=bool),
        saved.edges if saved.version == version else [],
        shingles_of,
        [a.date for a in articles],
        options.dedup,
    )
    duplicate_of = _originals(articles, new, found)
    for article, is_new in zip(articles, new, strict=True):
        article.duplicate_of = duplicate_of.get(article.id)
        if is_new:
            article.work = version
            article.band_keys = fresh[article.id][0].astype(np.uint64).tobytes()
    state[DEDUP_STATE] = DedupState(version, edges, [a.id for a in articles]).to_json()
    log.info(
        "dedup: %d articles fingerprinted, %d read from the store",
        len(todo),
        len(articles) - len(todo),
    )


class _RemovedCounts(Mapping[str, int]):
    """Spans of boilerplate removed per article, counted only for the articles asked."""

    def __init__(self, by_id: dict[str, Article]) -> None:
        self._by_id = by_id

    def __getitem__(self, article_id: str) -> int:
        return len(self._by_id[article_id].removed)

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)


def _originals(articles: list[Article], new: list[bool], found: dict[str, str]) -> dict[str, str]:
    """``found``'s groups re-rooted on their real original (dedup.near.choose_originals);
    a group whose members are all old and were one stored group keeps its stored links."""
    by_id = {a.id: a for a in articles}
    is_new = {a.id: n for a, n in zip(articles, new, strict=True)}
    stored: dict[str, set[str]] = {}  # a stored original -> its stored group
    for article in articles:
        root = article.duplicate_of or article.id
        stored.setdefault(root, {root}).add(article.id)
    groups: dict[str, set[str]] = {}
    for dup, root in found.items():
        groups.setdefault(root, {root}).add(dup)
    duplicate_of: dict[str, str] = {}
    changed: dict[str, str] = {}
    for root, members in groups.items():
        first = by_id[root]
        if (
            not any(is_new[m] for m in members)
            and stored.get(first.duplicate_of or first.id) == members
        ):
            duplicate_of.update((m, d) for m in members if (d := by_id[m].duplicate_of))
        else:
            changed.update((m, root) for m in members if m != root)
    duplicate_of.update(
        choose_originals(
            changed,
            lambda ids: [
                (i, by_id[i].text, by_id[i].date, by_id[i].outlet or by_id[i].publisher)
                for i in ids
            ],
            # the copy with less boilerplate around it is the better original when undated
            ranks=_RemovedCounts(by_id),
        )
    )
    return duplicate_of


def _state_digest(saved: str) -> str:
    return hashlib.sha1(saved.encode("utf-8")).hexdigest()


def _from_index(articles: list[Article], state: dict[str, str]) -> bool:
    """Stories and storylines from the saved index when no article needs clustering."""
    saved, index = state.get(CLUSTER_STATE), state.get(CLUSTER_INDEX)
    if not saved or not index:
        return False
    try:
        data = json.loads(index)
        placed: dict[str, list[str | None]] = data["stories"]
        if data["state"] != _state_digest(saved):
            return False  # written beside another clusterer state
    except (ValueError, KeyError, TypeError):
        return False
    roots = roots_of(articles)
    if any(root.id not in placed for root in roots.values()):
        return False
    for article in articles:
        article.story, article.storyline = placed[roots[article.id].id]
    return True


def assign_stories(
    articles: list[Article], options: Options, state: dict[str, str], rows: RowState | None = None
) -> None:
    """Stories and storylines, incrementally: articles clustered in earlier runs keep their
    story ids; only new originals are added to the saved clusterer, which is not even
    read when there are none (CLUSTER_INDEX). With ``rows`` (a store) the clusterer's
    state is the store's rows, read and written per entry (run.cluster_state); without,
    it is one JSON text in ``state``."""
    if rows is not None:
        assign_with_rows(articles, options, state, rows)
        return
    if _from_index(articles, state):
        return
    saved = state.get(CLUSTER_STATE)
    clusterer = (
        StoryClusterer.from_state(json.loads(saved), options.cluster)
        if saved
        else StoryClusterer(options.cluster)
    )
    new = [
        ClusterItem(a.id, a.title or "", a.text, a.date, a.outlet or a.publisher)
        for a in articles
        if a.duplicate_of is None and clusterer.story_of(a.id) is None
    ]
    if new:
        clusterer.add_in_batches(new)
    added = bool(new)
    roots = roots_of(articles)
    for article in articles:
        root = roots[article.id]
        if clusterer.story_of(root.id) is None:  # an original first seen as a duplicate
            clusterer.add([ClusterItem(root.id, root.title or "", root.text, root.date)])
            added = True
        article.story = clusterer.story_of(root.id)
        article.storyline = clusterer.storyline_of(root.id)
    if added or not saved:  # the state is big: saved again only when it changed
        saved = json.dumps(clusterer.to_state(), sort_keys=True)
        state[CLUSTER_STATE] = saved
    placed = {
        aid: [clusterer.story_of(aid), clusterer.storyline_of(aid)]
        for aid in sorted(clusterer.assigned)
    }
    state[CLUSTER_INDEX] = json.dumps({"state": _state_digest(saved), "stories": placed})


# the stages' saved state, read and written by run.pipeline.analyse_store
SAVED_STATES = (CLUSTER_STATE, CLUSTER_INDEX, DEDUP_STATE)


STAGES: tuple[Stage, ...] = (
    Stage("sentences", frozenset({"text", "lang"}), frozenset({"sentences"}), add_sentences),
    Stage(
        "dedup",
        frozenset({"text", "date"}),
        frozenset({"duplicate_of", "work", "band_keys"}),
        mark_duplicates,
    ),
    Stage(
        "cluster",
        frozenset({"text", "title", "date", "duplicate_of"}),
        frozenset({"story", "storyline"}),
        assign_stories,
    ),
)


def run_stages(
    articles: list[Article],
    options: Options,
    stages: Sequence[Stage] = STAGES,
    state: dict[str, str] | None = None,
    progress: Progress | None = None,
    rows: RowState | None = None,
) -> dict[str, float]:
    """Run ``stages`` in order over ``articles``; return seconds per stage.

    ``state`` is updated in place by incremental stages and ``rows`` (the store's row
    state) collects their changed rows; the caller saves both. ``progress`` hears of each
    stage as a whole (its articles are done when it returns)."""
    state = {} if state is None else state
    available = set(CLEANED_FIELDS)
    timings: dict[str, float] = {}
    for stage in stages:
        missing = stage.requires - available
        if missing:
            raise ValueError(
                f"stage {stage.name!r} needs {sorted(missing)} which no earlier stage assigns"
            )
        started = time.perf_counter()
        with progress_stage(progress, stage.name, len(articles)) as watch:
            stage.run(articles, options, state, rows)
            watch.advance(stage.name, len(articles))
        timings[stage.name] = time.perf_counter() - started
        available |= stage.assigns
        log.info("stage %s: %d articles in %.3fs", stage.name, len(articles), timings[stage.name])
    return timings


# a sentence's end before a summary sentence: it is not the article's first
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s")
# what may stand before a lead: a headline line, a dateline ("WARSAW —"), a kicker
_LEAD_PREFIX_WORDS = 25
# a lead states the story in a full sentence; a short first line is a photo's caption
# ("The cabin of a Qatar Airways plane.") or a column's kicker ("Caffeine is America's
# favorite drug, bar none.")
_LEAD_MIN_WORDS = 12
# a line of at least this many words that ends on a stop is prose, not a headline or credit
_PROSE_LINE_WORDS = 8
_ENDS_SENTENCE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*$")


def _opens_its_article(sentence: SummarySentence, texts: Mapping[str, str]) -> bool:
    """Is the summary sentence its article's first (after a headline line or dateline)?"""
    if not sentence.citations:
        return False
    if len(sentence.text.split()) < _LEAD_MIN_WORDS:
        return False
    cited = sentence.citations[0]
    text = texts.get(cited.article, "")
    before = text[: cited.start]
    if len(before.split()) > _LEAD_PREFIX_WORDS:
        return False
    # on its own line only a dateline may come before it ("TAUNTON, Mass. (AP) — ")
    line_start = before.rfind("\n") + 1
    dateline = DATELINE.match(text, line_start)
    after_dateline = dateline is not None and dateline.end() == cited.start
    if not after_dateline and _SENTENCE_END.search(before[line_start:]):
        return False
    # short lines before it (a headline, a byline, a photo credit) leave it the lead; a
    # line of prose does not ("MOSCOW (AP) — Need some election interference? The ...")
    return not any(
        len(line.split()) >= _PROSE_LINE_WORDS and _ENDS_SENTENCE.search(line)
        for line in before[:line_start].splitlines()
    )


def _story_title(members: list[Article], summary: list[SummarySentence]) -> str:
    """The first member's headline, else the first summary sentence that leads its article
    (else the first summary sentence); a photo credit or
    caption ("Getty Images / NAME / Contributor") is never a title: the next one is taken.
    Among headlines of the same (or no) date, the one of the article the summary cites
    first: the story's most central report, where the order of ids says nothing."""
    titled = [a for a in members if a.title and not is_credit(a.title)]
    if titled:
        first = [a for a in titled if a.date == titled[0].date]
        by_id = {a.id: a for a in first}
        cited = (c.article for s in summary for c in s.citations if c.article in by_id)
        return by_id[next(cited, first[0].id)].title or ""
    usable = [s for s in summary if not is_credit(s.text)]
    # a news lead is written to say what the story is: the first summary sentence that
    # opens its article titles the story before one from deeper in a report ("A mistrial
    # was declared on the murder charge.", a list item of a fund-raising page)
    texts = {a.id: a.text for a in members}
    leads = [s for s in usable if _opens_its_article(s, texts)]
    for sentence in leads[:1] or usable[:1]:
        # a dash opening the paragraph is a list's bullet, no word of the title
        words = sentence.text.lstrip("-\u2013\u2014 ").split()
        return " ".join(words[:12]) + ("…" if len(words) > 12 else "")
    # a crawl notice or a cookie wall, kept apart as its own story: say what it is
    reason = not_news_reason(a.text for a in members)
    if reason is not None:
        return f"Not a news article: {reason}"
    return "Untitled story"


def build_stories(
    articles: list[Article],
    options: Options,
    reuse: dict[str, Story] | None = None,
    progress: Progress | None = None,
) -> list[Story]:
    """One story per cluster, its summary drawn from original (non-duplicate) articles.

    Stories in ``reuse`` (unchanged since they were stored: run.incremental) are kept as
    they are instead of being summarised again.
    """
    by_story: dict[str, list[Article]] = {}
    for article in articles:
        by_story.setdefault(article.story or "", []).append(article)
    stories = []
    watch = progress or NO_PROGRESS
    watch.start("summarize", len(by_story))
    for sid in sorted(by_story):
        if reuse and sid in reuse:
            stories.append(reuse[sid])
            watch.advance("summarize")
            continue
        members = sorted(by_story[sid], key=lambda a: (a.date is None, a.date or "", a.id))
        originals = [a for a in members if a.duplicate_of is None] or members
        picked = summarize_documents(
            [a.text for a in originals],
            words=options.summary.words,
            dates=[a.date for a in originals],
            options=options.summary,
            titles=[a.title for a in originals],  # headlines add support to their concepts
        )
        summary = [
            SummarySentence(
                p.text, (Citation(originals[p.doc].id, p.start, p.end),), partial=p.partial
            )
            for p in picked
        ]
        storyline = next((a.storyline for a in originals if a.storyline), None)
        stories.append(
            Story(
                sid, _story_title(originals, summary), [a.id for a in members], summary, storyline
            )
        )
        watch.advance("summarize")
    watch.finish("summarize")
    return stories


def layer_version(options: Options) -> str:
    """What the analyst layer is made with: off, unavailable, or spaCy with these options."""
    if not options.analysis:
        return "off"
    from storyline.nlp.spacy_model import model_versions, pipeline_available

    if not pipeline_available():
        return "no spaCy"
    return json.dumps(
        [
            asdict(options.quotes),
            asdict(options.entities),
            asdict(options.claims),
            model_versions(),
            LAYER_SHAPE,
        ],
        sort_keys=True,
    )


def add_analysis_layer(
    stories: list[Story],
    articles: list[Article],
    options: Options | None = None,
    profile: list[StepTiming] | None = None,
    progress: Progress | None = None,
) -> set[str]:
    """Entities, quotes, facts, timeline and claims per story, when spaCy is installed.

    They need the "nlp" extra (spaCy and its model package); without it the brief still
    has its summaries and the manifest says the layer was skipped.
    """
    from storyline.nlp.spacy_model import pipeline_available

    if not pipeline_available():
        log.warning("spaCy or its English model is not installed: no entities, quotes or claims")
        return set()
    from storyline.link.story_layer import LAYER_STAGE, attach_layers

    options = options or Options()
    known = {a.id for a in articles}
    total = sum(1 for s in stories for aid in s.articles if aid in known)
    with progress_stage(progress, LAYER_STAGE, total) as watch:
        # the parse and per-article steps go to the executor's processes once there is more
        # than one batch for them (each process loads spaCy once: not worth it for less)
        if options.run.workers == 1 or total <= options.run.layer_batch:
            return attach_layers(stories, articles, options, profile, watch)
        with executor_for(options.run) as executor:

            def on_executor(
                fn: BatchFn, batches: Iterable[list[ArticleJob]]
            ) -> Iterator[list[ArticleAnalysis]]:
                return executor.map(fn, batches, chunk_size=1)  # a batch is one task

            return attach_layers(stories, articles, options, profile, watch, on_executor)
