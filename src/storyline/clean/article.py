"""The clean stage: a raw document becomes an ``Article`` with a stable id.

requires: RawDocument.text (+ any metadata the reader found)
assigns:  Article.text, removed, outlet, publisher, url, lang, id
"""

from __future__ import annotations

import hashlib
import json

from storyline.clean.boilerplate import cut_spans, find_boilerplate
from storyline.clean.junk import is_credit
from storyline.clean.metadata import find_metadata
from storyline.model import Article, RawDocument


def detect_language(text: str) -> str | None:
    # py3langid bundles its model: nothing is downloaded (field notes, offline traps)
    import py3langid

    sample = text[:5000]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None
    lang, _score = py3langid.classify(sample)
    return str(lang)


def article_id(
    text: str,
    title: str | None,
    url: str | None,
    outlet: str | None,
    publisher: str | None,
    raw: str = "",
) -> str:
    """Stable id from the cleaned content and what identifies the copy.

    Re-ingesting the same input gives the same id. Any other copy of the story (another
    publisher, byline or URL, or only different widgets around the same text) is a
    different article, marked as a duplicate of its original rather than silently merged,
    so which copy is kept never depends on input order.
    """
    raw_digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    payload = json.dumps([text, title, url, outlet, publisher, raw_digest], ensure_ascii=False)
    return "a-" + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _guess_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    words = first.split()
    if 2 <= len(words) <= 16 and first[-1] not in '.!?"”:;,' and not is_credit(first):
        return first
    return None


def clean_document(doc: RawDocument) -> Article:
    removed = find_boilerplate(doc.text)
    text = cut_spans(doc.text, removed)
    found = find_metadata(removed)
    outlet = doc.outlet or found.outlet
    publisher = doc.publisher or found.publisher
    url = doc.url or found.url
    title = doc.title or _guess_title(text)
    return Article(
        id=article_id(text, title, url, outlet, publisher, doc.text),
        text=text,
        raw_text=doc.text,
        source=doc.source,
        title=title,
        outlet=outlet,
        publisher=publisher,
        url=url,
        date=doc.date,
        year=found.year,
        lang=detect_language(text),
        removed=removed,
        record_id=doc.record_id,
    )
