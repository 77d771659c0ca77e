"""Recognise documents and sentences that are not news prose.

Real piles contain web-archive crawl notices standing in for an article, social-media
widgets ("Tweet with a location"), cookie walls, newsletter sign-up forms and captions. A
document is junk when such boilerplate makes up most of it; a sentence is junk when it is
boilerplate itself (a photo credit, "Click here to ...").
"""

from __future__ import annotations

import re

# Phrases that only occur in boilerplate, never in the reporting itself.
_JUNK_DOCUMENT = re.compile(
    r"wayback machine|internet archive|archive-it|crawl data|these crawls|web crawl"
    r"|the seed for \w+ was|web captures|tweet with a location|add location information to "
    r"your tweets|tweet location history|(?:we|this (?:site|website)) uses? cookies"
    r"|cookie (?:policy|settings|preferences)|accept (?:all )?cookies|enable javascript"
    r"|javascript is disabled|your browser (?:is|does)|ad ?blocker|join our mailing list"
    r"|sign up for our newsletter|subscribe to (?:our|the) newsletter|page not found"
    r"|access denied|403 forbidden|404 not found|you have reached the limit"
    r"|already a subscriber|log ?in to continue|create a free account",
    re.IGNORECASE,
)

_JUNK_SENTENCE = re.compile(
    r"^(?:photo|image|video|file|credit|caption|advertisement|related|read more|see also"
    r"|click here|follow (?:us|him|her)|sign up|subscribe|share this|email|watch|listen)\b"
    r"|\b(?:getty images|ap photo|reuters/|click here|all rights reserved|copyright|©"
    r"|https?://|www\.|@\w+|\bpic\.twitter|newsletter|subscribe|cookies?)\b",
    re.IGNORECASE,
)


def junk_reason(text: str, word_count: int) -> str | None:
    """Why ``text`` is not a news article, or None when it looks like one."""
    if word_count == 0:
        return "empty"
    hits = _JUNK_DOCUMENT.findall(text)
    if not hits:
        return None
    # a long article may mention the Internet Archive once; a notice is short and dense
    if word_count < 250 or len(hits) * 60 >= word_count:
        return f"boilerplate ({hits[0].lower()})"
    return None


def is_junk_sentence(text: str) -> bool:
    return _JUNK_SENTENCE.search(text) is not None
