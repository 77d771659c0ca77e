"""The analyst's layer of one story, in brief.json shape: entities, facts and claims.

``analyze_story`` takes the story's articles (``storyline.model.Article``) and returns
``{"entities": [...], "facts": [...], "claims": [...]}``. Syndicated copies
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
from storyline.model import Article
from storyline.nlp.entities import EntityAnalyzer, SpacyEntityAnalyzer
from storyline.nlp.facts import extract_facts
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
        return {"entities": [], "facts": [], "claims": []}
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
    return {
        "entities": [e.to_dict() for e in entities],
        "facts": facts,
        "claims": [c.to_dict() for c in claims],
    }
