"""The per-article half of the analyst's layer: one parse per article, every extractor on it.

``analyze_batch`` parses a batch of ``ArticleJob`` records with one ``nlp.pipe`` call and
runs the per-article steps (entities, facts, quotes with speakers, dates, claim
candidates) on each Doc, returning one ``ArticleAnalysis`` per job, in order. Jobs and
results are small typed records with no spaCy object in them, so a batch can run in a
worker process of the run's executor (``storyline.run.stages.add_analysis_layer``); each
process loads the spaCy pipeline once (``load_pipeline`` is cached). The story-level half
(claim stances, entity resolution, alignment) is ``storyline.link.story_layer``.
"""

from __future__ import annotations

import gc
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Any, TypeVar

from storyline.budget import time_budget
from storyline.config import BudgetOptions, Options, QuoteOptions
from storyline.errors import BudgetExceeded, Errors
from storyline.link.claims import ClaimArticle, ClaimCandidates, claim_candidates
from storyline.model import SentenceIndex, Span, StepSkip, StepTiming
from storyline.nlp.dates import TimeExpression, extract_dates
from storyline.nlp.entities import EntityMention, mentions_in_doc
from storyline.nlp.facts import Fact, facts_in_doc
from storyline.nlp.quote_acts import unspoken
from storyline.nlp.quotes import Quote, quotes_from_doc
from storyline.nlp.speaker_kind import speaker_kind
from storyline.nlp.speakers import resolve_speakers

logger = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class ArticleJob:
    """What the per-article steps read of an article: ``source`` is its independent-source
    key within its storyline (a copy's is its original's outlet), ``copy`` whether it is a
    syndicated copy (its quotes and dates are its original's)."""

    id: str
    text: str
    sentences: tuple[Span, ...]
    source: str
    copy: bool
    date: str | None


@dataclass
class ArticleAnalysis:
    """What one article's single parse yields; every step is empty when it was skipped.

    ``timings`` and ``skips`` are the article's own steps; ``error`` is set when the article
    could not be parsed at all (its storyline then fails, as any storyline whose analysis
    raises)."""

    id: str
    mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    claims: ClaimCandidates | None = None
    dates: list[TimeExpression] = field(default_factory=list)
    verbless: frozenset[int] = frozenset()  # starts of its sentences with no verb
    timings: list[StepTiming] = field(default_factory=list)
    skips: list[StepSkip] = field(default_factory=list)
    error: str | None = None


class Steps:
    """Runs one article's analysis steps, each inside its time budget: an article over
    budget or failing loses that step only (a batch boundary), with a named reason."""

    def __init__(self, budget: BudgetOptions) -> None:
        self.budget = budget
        self.skips: list[StepSkip] = []
        self.timings: list[StepTiming] = []

    def run(
        self, name: str, item: str, chars: int, empty: T, work: Callable[..., T], *args: Any
    ) -> T:
        seconds = self.budget.article_seconds
        started = time.perf_counter()
        try:
            with time_budget(seconds, name):
                return work(*args)
        except BudgetExceeded:
            logger.warning("%s over its %gs budget on article %s", name, seconds, item)
            reason = Errors.E201.format(stage=name, seconds=seconds)
        except Exception as exc:  # noqa: BLE001 - one article's step, logged with its traceback
            logger.exception("%s failed on article %s", name, item)
            reason = Errors.E301.format(stage=name, error=f"{type(exc).__name__}: {exc}")
        finally:
            took = time.perf_counter() - started
            self.timings.append(StepTiming(item, name, took, chars))
        self.skips.append(StepSkip(item, name, reason))
        return empty


def quotes_with_speakers(doc: Any, options: QuoteOptions) -> list[Quote]:
    """The article's quotes, each speaker resolved to the name it refers to and said to be
    a person, a group, a record or other, each marked when it reports no words."""
    out = []
    for q in resolve_speakers(doc, quotes_from_doc(doc, options)):
        if q.speaker_start is not None and q.speaker_end is not None:
            q = replace(q, speaker_kind=speaker_kind(doc, q.speaker_start, q.speaker_end))
        cue = None if q.cue_start is None or q.cue_end is None else (q.cue_start, q.cue_end)
        # the words the article used say whether a record speaks ("The lawsuit seeks",
        # though resolved to whoever filed it)
        said_as = q.speaker_kind
        if q.words_start is not None and q.words_end is not None:
            said_as = speaker_kind(doc, q.words_start, q.words_end)
        if unspoken(doc, q.kind, cue, (q.start, q.end), said_as):
            q = replace(q, unspoken=True)
        out.append(q)
    return out


def _parse(jobs: Sequence[ArticleJob], model: str) -> tuple[list[Any], list[str | None], float]:
    """Docs of the batch in one ``nlp.pipe`` call, and the seconds it took. Should the batch
    fail, each article is parsed alone so that only the one that fails is lost (None, with
    its error)."""
    from storyline.nlp.spacy_model import load_pipeline, parse_input

    nlp = load_pipeline(model)
    started = time.perf_counter()
    try:
        docs: list[Any] = list(
            nlp.pipe((parse_input(nlp, j.text) for j in jobs), batch_size=max(1, len(jobs)))
        )
        return docs, [None] * len(jobs), time.perf_counter() - started
    except Exception:  # noqa: BLE001 - retried article by article below
        logger.exception(
            "parsing a batch of %d articles failed; parsing them one by one", len(jobs)
        )
    docs = []
    errors: list[str | None] = []
    for job in jobs:
        try:
            docs.append(nlp(parse_input(nlp, job.text)))
            errors.append(None)
        except Exception as exc:  # noqa: BLE001 - the article's storyline fails, logged
            logger.exception("parsing article %s failed", job.id)
            docs.append(None)
            errors.append(Errors.E301.format(stage="parse", error=f"{type(exc).__name__}: {exc}"))
    return docs, errors, time.perf_counter() - started


def analyze_batch(options: Options, jobs: Sequence[ArticleJob]) -> list[ArticleAnalysis]:
    """Parse the batch once (one ``nlp.pipe`` call) and run every per-article extractor on
    each Doc; one record per job, in order (module level: it pickles for worker processes)."""
    if not jobs:
        return []
    docs, errors, parse_seconds = _parse(jobs, options.quotes.model)
    # the batch is parsed at once: each article is charged its share by length, so the
    # profile's slowest parses are the longest texts, not the first of each batch
    chars = sum(len(j.text) for j in jobs) or 1
    with collector_paused():
        return [
            _analyze(options, job, doc, error, parse_seconds * len(job.text) / chars)
            for job, doc, error in zip(jobs, docs, errors, strict=True)
        ]


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a stretch of extraction work: the extractors make
    millions of small short-lived objects, and each 700 allocations set off a collection
    that walks the young ones again (a tenth of the analyst layer's own time on news);
    what they leave in cycles is collected once the stretch is over. Not around the
    parse: spaCy runs with the collector as everywhere else."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def verbless_sentences(doc: Any, sentences: Sequence[Span]) -> frozenset[int]:
    """The starts of the lines that are a heading, a link, a credit or a reference rather
    than a sentence: no verb outside a name or date, and written in names and numbers more
    than in plain lower-case words ("2010 Illinois Election Guide", "(Labor union president
    302, February 2, 2009, p. 7)."). They date nothing that happened. A line of plain words
    the tagger read with no verb ("Fifty-seven percent disapprove, up by 9 points since
    May") is still a sentence; a tagger's "May" in "May 4, 2015" is no verb."""
    index = SentenceIndex(list(sentences))
    with_verb: set[int] = set()
    plain: Counter[int] = Counter()  # lower-case words
    named: Counter[int] = Counter()  # capitalised words and numbers
    for token in doc:
        sentence = index.containing(token.idx)
        if sentence is None:
            continue
        if token.pos_ in _VERB_TAGS and not token.ent_type_:
            with_verb.add(sentence.start)
        elif token.like_num or (token.is_alpha and token.text[:1].isupper()):
            named[sentence.start] += 1
        elif token.is_alpha and len(token.text) > 1:
            plain[sentence.start] += 1
    return frozenset(
        s.start for s in sentences if s.start not in with_verb and plain[s.start] < named[s.start]
    )


_VERB_TAGS = frozenset({"VERB", "AUX"})


def _analyze(
    options: Options, job: ArticleJob, doc: Any, error: str | None, parse_seconds: float
) -> ArticleAnalysis:
    """Every per-article step on one parsed article (its parse charged ``parse_seconds``)."""
    steps = Steps(options.budget)
    n = len(job.text)
    steps.timings.append(StepTiming(job.id, "parse", parse_seconds, n))
    found = ArticleAnalysis(job.id, timings=steps.timings, skips=steps.skips, error=error)
    if doc is None:
        return found
    found.mentions = steps.run("entities", job.id, n, [], mentions_in_doc, doc)
    found.facts = steps.run("facts", job.id, n, [], facts_in_doc, doc, list(job.sentences))
    if not job.copy:  # copies say the same: quotes and dates of originals
        found.quotes = steps.run("quotes", job.id, n, [], quotes_with_speakers, doc, options.quotes)
        found.dates = steps.run("dates", job.id, n, [], extract_dates, job.text, job.date)
        found.verbless = verbless_sentences(doc, job.sentences)
    claim_article = ClaimArticle(job.id, job.text, job.sentences, job.source, job.copy)
    found.claims = steps.run(
        "claims",
        job.id,
        n,
        ClaimCandidates(claim_article, (), ()),
        claim_candidates,
        claim_article,
        doc,
        found.facts,
        found.quotes,
    )
    return found


BatchFn = Callable[[Sequence[ArticleJob]], list[ArticleAnalysis]]
# how the batches are run: ``map(fn, batches)`` yields ``fn(batch)`` for each, in order
# (in this process, or on the run's executor: storyline.run.stages.add_analysis_layer)
BatchMap = Callable[[BatchFn, Iterable[list[ArticleJob]]], Iterable[list[ArticleAnalysis]]]


def map_here(fn: BatchFn, batches: Iterable[list[ArticleJob]]) -> Iterator[list[ArticleAnalysis]]:
    """Every batch in this process, one after the other."""
    return (fn(batch) for batch in batches)


def batches_of(jobs: Iterable[ArticleJob], size: int) -> Iterator[list[ArticleJob]]:
    iterator = iter(jobs)
    while batch := list(islice(iterator, max(1, size))):
        yield batch
