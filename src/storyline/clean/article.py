"""The clean stage: a raw document becomes an ``Article`` with a stable id.

requires: RawDocument.text (+ any metadata the reader found)
assigns:  Article.text, removed, outlet, publisher, url, lang, id
"""

from __future__ import annotations

import hashlib
import json
import re

from storyline.clean.boilerplate import (
    classify_line,
    cut_spans,
    find_boilerplate,
    unescape_entities,
)
from storyline.clean.junk import is_credit, junk_reason
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
    """The first line when it reads as a headline; page clutter (a credit, a share or
    video prompt, a widget) is no title: the story then takes its first real sentence."""
    first, _, rest = text.partition("\n")
    first = first.strip()
    words = first.split()
    if not 2 <= len(words) <= 16 or first[-1] in '.!?"”:;,' + _SEPARATORS or is_clutter(first):
        return None
    capitalised = all(w[:1].isupper() for w in words)
    if capitalised and len(words) <= _LABEL_WORDS and not _told_in(words, rest[:_LEAD_CHARS]):
        return None  # "Virgin Australia" over an April Fools' list: an image's label
    return first


# a line that ends on a separator is a fragment of the page's header, no headline: a
# dateline's place left before the agency's ("PHILADELPHIA |"), a breadcrumb ("News »")
_SEPARATORS = "|/-–—»›>•·"
# a first line this short and of capitalised words only (a name's form) is a headline
# only if the lead goes on to tell of it ("Alexis Murphy Missing" / "Alexis Murphy, 17,
# has been missing since ..."); a label of an image or a section ("Virgin Australia",
# "Your Health") names what the lead does not speak of. ("Floods hit Minot" is a
# sentence's form: a headline whatever its lead says.)
_LABEL_WORDS = 3
_LEAD_CHARS = 600


def _told_in(words: list[str], lead: str) -> bool:
    """Does the lead use one of the line's words (of three letters or more)? A word of the
    lead counts whole and by its parts: "Obama's victory", "a Trump-branded tower" tell
    of "Obama Wins", "Trump Tower"."""
    said = set()
    for w in re.findall(r"[\w'’-]{3,}", lead.lower()):
        said.add(w)
        said.update(re.findall(r"\w{3,}", w))
    return any(w.lower().strip(".,:;'’\"“”") in said for w in words if len(w) >= 3)


def is_clutter(title: str) -> bool:
    """A page's furniture rather than a headline: a photo credit, a share or video prompt
    ("Please enable Javascript to watch this video"), a breadcrumb or a stamp."""
    stripped = title.strip()
    return (
        is_credit(stripped)
        or classify_line(stripped) is not None
        or junk_reason(stripped, len(stripped.split())) is not None
    )


# a currency sign glued to the word before it ("This includes$400 million"): a lost
# space, as no English word ends on one; upper-case prefixes are currency names ("US$5")
_GLUED_CURRENCY = re.compile(r"(?<=[a-z])(?=[$€£¥]\d)")


def clean_document(doc: RawDocument) -> Article:
    removed = find_boilerplate(doc.text)
    # entities are decoded in the text that is stored, so every offset into it (summary,
    # quotes, facts) slices what a reader sees; removed spans point into the raw text
    text = _GLUED_CURRENCY.sub(" ", unescape_entities(cut_spans(doc.text, removed)))
    found = find_metadata(removed)
    outlet = doc.outlet or found.outlet
    publisher = doc.publisher or found.publisher
    url = doc.url or found.url
    title = unescape_entities(doc.title) if doc.title else None
    if title is None or is_clutter(title):
        title = _guess_title(text)
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
