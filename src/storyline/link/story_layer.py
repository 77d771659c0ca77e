"""The analyst's layer of a group of articles, in brief.json shape.

``analyze_story`` takes the articles of a story or storyline (``storyline.model.Article``)
and returns ``{"entities", "quotes", "facts", "timeline", "claims"}``. Syndicated copies
(``duplicate_of`` set) are collapsed onto their original's source key so a repost never
counts as a second independent source.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from storyline.budget import time_budget
from storyline.config import BudgetOptions, Options, QuoteOptions
from storyline.errors import BudgetExceeded, Errors
from storyline.link.claims import (
    ClaimArticle,
    ClaimCandidates,
    Verdict,
    align_candidates,
    claim_candidates,
    judge_claims,
)
from storyline.link.entities import resolve_mentions
from storyline.model import (
    NO_PROGRESS,
    Article,
    Progress,
    SentenceIndex,
    Span,
    StepSkip,
    StepTiming,
    Story,
)
from storyline.nlp.dates import TimeExpression, extract_dates
from storyline.nlp.entities import EntityMention, mentions_in_doc
from storyline.nlp.facts import Fact, facts_in_doc
from storyline.nlp.quotes import Quote, quotes_from_doc
from storyline.nlp.sentences import split_sentences
from storyline.nlp.speakers import resolve_speakers

logger = logging.getLogger(__name__)

T = TypeVar("T")

LAYER_STAGE = "analysis"  # the Progress stage: one item per article analysed


def independent_source(article: Article, by_id: dict[str, Article]) -> str:
    """Source key of an article: its original's outlet when it is a copy."""
    seen = set()
    current = article
    while current.duplicate_of and current.duplicate_of in by_id and current.id not in seen:
        seen.add(current.id)
        current = by_id[current.duplicate_of]
    return current.outlet or current.publisher or current.id


@dataclass
class ArticleAnalysis:
    """What one article's single parse yields; every step is empty when it was skipped."""

    mentions: list[EntityMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    claims: ClaimCandidates | None = None
    dates: list[TimeExpression] = field(default_factory=list)


class _Steps:
    """Runs one article's analysis steps, each inside its time budget: an article over
    budget or failing loses that step only (a batch boundary), with a named reason."""

    def __init__(self, budget: BudgetOptions) -> None:
        self.budget = budget
        self.skips: list[StepSkip] = []
        self.timings: list[StepTiming] = []

    def run(self, name: str, article: Article, empty: T, work: Callable[..., T], *args: Any) -> T:
        seconds = self.budget.article_seconds
        started = time.perf_counter()
        try:
            with time_budget(seconds, name):
                return work(*args)
        except BudgetExceeded:
            logger.warning("%s over its %gs budget on article %s", name, seconds, article.id)
            reason = Errors.E201.format(stage=name, seconds=seconds)
        except Exception as exc:  # noqa: BLE001 - one article's step, logged with its traceback
            logger.exception("%s failed on article %s", name, article.id)
            reason = Errors.E301.format(stage=name, error=f"{type(exc).__name__}: {exc}")
        finally:
            took = time.perf_counter() - started
            self.timings.append(StepTiming(article.id, name, took, len(article.text)))
        self.skips.append(StepSkip(article.id, name, reason))
        return empty


def quotes_with_speakers(doc: Any, options: QuoteOptions) -> list[Quote]:
    """The article's quotes, each speaker resolved to the name it refers to."""
    return resolve_speakers(doc, quotes_from_doc(doc, options))


def analyze_articles(
    articles: Sequence[Article],
    sentences: Sequence[Sequence[Span]],
    options: Options,
    source_of: Callable[[Article], str],
    steps: _Steps,
    progress: Progress = NO_PROGRESS,
) -> list[ArticleAnalysis]:
    """Parse each article once (``nlp.pipe``, batched) and run every extractor on that Doc."""
    from storyline.nlp.spacy_model import load_pipeline, parse_input

    nlp = load_pipeline(options.quotes.model)
    out = []
    docs = iter(nlp.pipe((parse_input(nlp, a.text) for a in articles), batch_size=32))
    for article, spans in zip(articles, sentences, strict=True):
        started = time.perf_counter()
        doc = next(docs)  # the first article of each batch of 32 waits for the batch
        took = time.perf_counter() - started
        steps.timings.append(StepTiming(article.id, "parse", took, len(article.text)))
        found = ArticleAnalysis()
        found.mentions = steps.run("entities", article, [], mentions_in_doc, doc)
        found.facts = steps.run("facts", article, [], facts_in_doc, doc, spans)
        if article.duplicate_of is None:  # copies say the same: quotes and dates of originals
            found.quotes = steps.run(
                "quotes", article, [], quotes_with_speakers, doc, options.quotes
            )
            found.dates = steps.run("dates", article, [], extract_dates, article.text, article.date)
        claim_article = ClaimArticle(
            article.id,
            article.text,
            tuple(spans),
            source_of(article),
            article.duplicate_of is not None,
        )
        empty = ClaimCandidates(claim_article, (), ())
        found.claims = steps.run(
            "claims",
            article,
            empty,
            claim_candidates,
            claim_article,
            doc,
            found.facts,
            found.quotes,
        )
        out.append(found)
        progress.advance(LAYER_STAGE)
    return out


def analyze_story(
    articles: Sequence[Article],
    options: Options | None = None,
    source_of: Callable[[Article], str] | None = None,
    profile: list[StepTiming] | None = None,
    progress: Progress = NO_PROGRESS,
) -> dict[str, Any]:
    """Entities, quotes, facts, timeline and claims of a group of articles; every offset
    slices its article's text. Steps skipped for an article are listed under "skipped"."""
    options = options or Options()
    ordered = sorted(articles, key=lambda a: a.id)
    if not ordered:
        return {"entities": [], "quotes": [], "facts": [], "timeline": [], "claims": []}
    by_id = {a.id: a for a in ordered}
    sentences = [a.sentences or split_sentences(a.text) for a in ordered]
    key = source_of or (lambda a: independent_source(a, by_id))
    steps = _Steps(options.budget)
    found = analyze_articles(ordered, sentences, options, key, steps, progress)
    candidates = [f.claims for f in found if f.claims is not None]
    statements = [s for c in candidates for s in c.statements]
    verdicts: list[Verdict] = []
    for article, f in zip(ordered, found, strict=True):
        # each independent source's stance toward every claim: the article's "claims" step
        if f.claims is not None and f.claims.sentences and statements:
            verdicts += steps.run(
                "claims", article, [], judge_claims, f.claims, statements, options.claims
            )
    if profile is not None:
        profile.extend(steps.timings)
    ids = [a.id for a in ordered]
    texts = [a.text for a in ordered]
    entities = resolve_mentions(ids, texts, [f.mentions for f in found], options.entities)
    facts = [
        {"article": article.id, **fact.to_dict()}
        for article, f in zip(ordered, found, strict=True)
        for fact in f.facts
    ]
    claims = align_candidates(candidates, options.claims, verdicts)
    entity_dicts = [e.to_dict() for e in entities]
    layer: dict[str, Any] = {
        "entities": entity_dicts,
        "quotes": story_quotes(ordered, [f.quotes for f in found], entity_dicts),
        "facts": facts,
        "timeline": story_timeline(ordered, sentences, [f.dates for f in found]),
        "claims": [c.to_dict() for c in claims],
    }
    if steps.skips:
        layer["skipped"] = [
            s.to_dict() for s in sorted(steps.skips, key=lambda s: (s.article, s.step))
        ]
    return layer


def _speaker_entity(
    article: str, start: int | None, end: int | None, entities: list[dict[str, Any]]
) -> str | None:
    """The entity that speaks: one whose mention is the whole speaker span ("Russia"), or a
    person or organisation named in it ("Mr Trukhachev", "Interfax"). A place or
    nationality inside a longer phrase is not the speaker: "one activist in Homs" is not
    Homs, "Russian technicians" not Russian, "the US president" not the United States."""
    if start is None or end is None:
        return None
    for entity in entities:
        for m in entity["mentions"]:
            if m["article"] != article or not (m["start"] < end and start < m["end"]):
                continue
            whole = m["start"] <= start and end <= m["end"]
            if whole or entity.get("type") in ("PERSON", "ORG"):
                return str(entity["id"])
    return None


def story_quotes(
    articles: Sequence[Article],
    found: Sequence[Sequence[Quote]],
    entities: list[dict[str, Any]],
) -> list[dict]:
    """Quotes of the articles (one list per article), speakers resolved to entities."""
    quotes = []
    for article, article_quotes in zip(articles, found, strict=True):
        for q in article_quotes:
            entity = _speaker_entity(article.id, q.speaker_start, q.speaker_end, entities)
            quotes.append(q.to_brief(article.id, entity))
    return sorted(quotes, key=lambda q: (q["article"], q["start"], q["end"]))


def reference_year(articles: Sequence[Article]) -> int | None:
    """The one year the group's articles are known to be from, if they agree on one."""
    years = {int(a.date[:4]) for a in articles if a.date and a.date[:4].isdigit()}
    years |= {a.year for a in articles if a.year}
    return years.pop() if len(years) == 1 else None


def story_timeline(
    articles: Sequence[Article],
    sentences: Sequence[Sequence[Span]],
    dates: Sequence[Sequence[TimeExpression]],
) -> list[dict[str, Any]]:
    """Dated events: each calendar date with the sentence that mentions it, in time order.

    Dates are resolved against the article's date. An undated article's partial dates
    ("May 26" -> XXXX-05-26) take the year the group is known to be from (a copyright
    line, a dated sibling), flagged ``year_inferred``; nothing ever uses the clock.
    """
    group_year = reference_year(articles)
    events = []
    for article, spans, found in zip(articles, sentences, dates, strict=True):
        if article.duplicate_of is not None:
            continue
        year = article.year or group_year
        index = SentenceIndex(list(spans))
        for t in found:
            value, inferred = t.value, False
            if t.type != "DATE" or not value or value[:1] not in "0123456789X":
                continue
            if value.startswith("XXXX"):
                if year is None:
                    continue
                value, inferred = f"{year:04d}{value[4:]}", True
            if not value[:4].isdigit():
                continue
            sentence = index.containing(t.start)
            events.append(
                {
                    "value": value,
                    "year_inferred": inferred,
                    "text": t.text,
                    "article": article.id,
                    "start": t.start,
                    "end": t.end,
                    "sentence": None
                    if sentence is None
                    else {
                        "start": sentence.start,
                        "end": sentence.end,
                        "text": article.text[sentence.start : sentence.end],
                    },
                }
            )
    return sorted(events, key=lambda e: (e["value"], e["article"], e["start"]))


def attach_layers(
    stories: Sequence[Story],
    articles: Sequence[Article],
    options: Options | None = None,
    profile: list[StepTiming] | None = None,
    progress: Progress = NO_PROGRESS,
) -> set[str]:
    """Give each story its layer, resolved across its whole storyline.

    Entities are resolved over every article of the storyline, so "Mr Putin" in one story
    and "Vladimir Putin" in another share an entity (its mentions list both); the timeline
    is the storyline's; quotes and facts are the story's own; claims are those with a side
    in the story. Returns the storylines whose analysis failed (their stories keep no layer).
    """
    options = options or Options()
    limit = options.budget.analysis_max_chars
    by_id = {a.id: a for a in articles}
    groups: dict[str, list[Story]] = {}
    for story in stories:
        groups.setdefault(story.storyline_key, []).append(story)
    failed: set[str] = set()
    for key in sorted(groups):
        members = [by_id[aid] for s in groups[key] for aid in s.articles if aid in by_id]
        # spaCy's time grows with the text; a giant page keeps its summary, not a layer
        too_long = [
            StepSkip(a.id, "analysis", Errors.E203.format(chars=len(a.text), limit=limit))
            for a in members
            if len(a.text) > limit
        ]
        if too_long:
            logger.warning("not analysed (over %d chars): %s", limit, [s.article for s in too_long])
        skipped_ids = {s.article for s in too_long}
        progress.advance(LAYER_STAGE, len(too_long), skipped=len(too_long))
        try:
            kept = [a for a in members if a.id not in skipped_ids]
            layer = analyze_story(kept, options, profile=profile, progress=progress)
        except Exception:  # one storyline's failure must not lose every other one's layer
            logger.exception("analysis failed for storyline %s", key)
            failed.add(key)
            continue
        skipped = [s.to_dict() for s in too_long] + layer.get("skipped", [])
        for story in groups[key]:
            own = set(story.articles)
            story.layer = {
                "entities": [
                    e for e in layer["entities"] if any(m["article"] in own for m in e["mentions"])
                ],
                "quotes": [q for q in layer["quotes"] if q["article"] in own],
                "facts": [f for f in layer["facts"] if f["article"] in own],
                "timeline": layer["timeline"],
                "claims": [
                    c for c in layer["claims"] if any(s["article"] in own for s in c["sides"])
                ],
            }
            own_skips = sorted(
                (s for s in skipped if s["article"] in own), key=lambda s: (s["article"], s["step"])
            )
            if own_skips:
                story.layer["skipped"] = own_skips
    return failed
