"""The analyst's layer of a group of articles, in brief.json shape.

``analyze_story`` takes the articles of a story or storyline (``storyline.model.Article``)
and returns ``{"entities", "quotes", "facts", "timeline", "claims"}``. Syndicated copies
(``duplicate_of`` set) are collapsed onto their original's source key so a repost never
counts as a second independent source.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from storyline.config import ClaimOptions, EntityLinkOptions
from storyline.link.claims import ClaimArticle, align_claims
from storyline.link.entities import resolve_entities
from storyline.model import Article, Story
from storyline.nlp.dates import extract_dates
from storyline.nlp.entities import EntityAnalyzer, SpacyEntityAnalyzer
from storyline.nlp.facts import extract_facts
from storyline.nlp.quotes import extract_quotes_batch
from storyline.nlp.sentences import split_sentences

logger = logging.getLogger(__name__)


def independent_source(article: Article, by_id: dict[str, Article]) -> str:
    """Source key of an article: its original's outlet when it is a copy."""
    seen = set()
    current = article
    while current.duplicate_of and current.duplicate_of in by_id and current.id not in seen:
        seen.add(current.id)
        current = by_id[current.duplicate_of]
    return current.outlet or current.publisher or current.id


def analyze_story(
    articles: Sequence[Article],
    analyzer: EntityAnalyzer | None = None,
    link_options: EntityLinkOptions | None = None,
    claim_options: ClaimOptions | None = None,
    source_of: Callable[[Article], str] | None = None,
) -> dict[str, Any]:
    """Entities, facts and claims of one story; every offset slices its article's text."""
    ordered = sorted(articles, key=lambda a: a.id)
    if not ordered:
        return {"entities": [], "quotes": [], "facts": [], "timeline": [], "claims": []}
    by_id = {a.id: a for a in ordered}
    sentences = [a.sentences or split_sentences(a.text) for a in ordered]
    ids = [a.id for a in ordered]
    texts = [a.text for a in ordered]
    _, entities = resolve_entities(ids, texts, analyzer or SpacyEntityAnalyzer(), link_options)
    facts = []
    for article, found in zip(ordered, extract_facts(texts, sentences), strict=True):
        for fact in found:
            facts.append({"article": article.id, **fact.to_dict()})
    key = source_of or (lambda a: independent_source(a, by_id))
    claim_articles = [
        ClaimArticle(a.id, a.text, tuple(s), key(a))
        for a, s in zip(ordered, sentences, strict=True)
    ]
    claims = align_claims(claim_articles, claim_options)
    entity_dicts = [e.to_dict() for e in entities]
    return {
        "entities": entity_dicts,
        "quotes": story_quotes(ordered, entity_dicts),
        "facts": facts,
        "timeline": story_timeline(ordered, sentences),
        "claims": [c.to_dict() for c in claims],
    }


def _speaker_entity(
    article: str, start: int | None, end: int | None, entities: list[dict[str, Any]]
) -> str | None:
    """The entity one of whose mentions overlaps the speaker span."""
    if start is None or end is None:
        return None
    for entity in entities:
        for m in entity["mentions"]:
            if m["article"] == article and m["start"] < end and start < m["end"]:
                return str(entity["id"])
    return None


def story_quotes(articles: Sequence[Article], entities: list[dict[str, Any]]) -> list[dict]:
    """Quotes of the original articles (copies say the same), speakers resolved to entities."""
    originals = [a for a in articles if a.duplicate_of is None]
    found = extract_quotes_batch([a.text for a in originals])
    quotes = []
    for article, article_quotes in zip(originals, found, strict=True):
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
    articles: Sequence[Article], sentences: Sequence[Sequence[Any]]
) -> list[dict[str, Any]]:
    """Dated events: each calendar date with the sentence that mentions it, in time order.

    Dates are resolved against the article's date. An undated article's partial dates
    ("May 26" -> XXXX-05-26) take the year the group is known to be from (a copyright
    line, a dated sibling), flagged ``year_inferred``; nothing ever uses the clock.
    """
    group_year = reference_year(articles)
    events = []
    for article, spans in zip(articles, sentences, strict=True):
        if article.duplicate_of is not None:
            continue
        year = article.year or group_year
        for t in extract_dates(article.text, article.date):
            value, inferred = t.value, False
            if t.type != "DATE" or not value or value[:1] not in "0123456789X":
                continue
            if value.startswith("XXXX"):
                if year is None:
                    continue
                value, inferred = f"{year:04d}{value[4:]}", True
            if not value[:4].isdigit():
                continue
            sentence = next((s for s in spans if s.start <= t.start < s.end), None)
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


# spaCy refuses longer texts (nlp.max_length); such articles keep summaries, not a layer
MAX_ANALYSIS_CHARS = 1_000_000


def attach_layers(
    stories: Sequence[Story], articles: Sequence[Article], analyzer: EntityAnalyzer | None = None
) -> set[str]:
    """Give each story its layer, resolved across its whole storyline.

    Entities are resolved over every article of the storyline, so "Mr Putin" in one story
    and "Vladimir Putin" in another share an entity (its mentions list both); the timeline
    is the storyline's; quotes and facts are the story's own; claims are those with a side
    in the story. Returns the storylines whose analysis failed (their stories keep no layer).
    """
    by_id = {a.id: a for a in articles}
    groups: dict[str, list[Story]] = {}
    for story in stories:
        groups.setdefault(story.storyline_key, []).append(story)
    analyzer = analyzer or SpacyEntityAnalyzer()
    failed: set[str] = set()
    for key in sorted(groups):
        members = [by_id[aid] for s in groups[key] for aid in s.articles if aid in by_id]
        too_long = [a.id for a in members if len(a.text) > MAX_ANALYSIS_CHARS]
        if too_long:
            logger.warning("not analysed (over %d chars): %s", MAX_ANALYSIS_CHARS, too_long)
        try:
            layer = analyze_story([a for a in members if a.id not in too_long], analyzer)
        except Exception:  # one story's failure must not lose every other story's layer
            logger.exception("analysis failed for storyline %s", key)
            failed.add(key)
            continue
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
    return failed
