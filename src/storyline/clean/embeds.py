"""Posts a page embeds: a tweet or an Instagram post as the scraped text keeps it.

An embedded tweet is the post's words signed with its author, handle and day on the
same line ("Went to sleep early last night. — Steve Harvey (@IAmSteveHarvey) February
27, 2017"); an Instagram post says "A post shared by NAME (@handle) on Feb 27, 2017". The
text is someone's post shown beside the article, not the article's reporting: no summary
sentence, timeline event or claim of the article comes from it. It stays in the text, so
offsets and quotes are unchanged.
"""

from __future__ import annotations

import re

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# the signature closes the line: a dash, a name, the handle in brackets, the post's day
_SIGNED = re.compile(
    r"[\u2014\u2013-]{1,2}\s*[^\n()]{0,80}\(@\w{1,30}\)\s+"
    + _MONTH
    + r"\s+\d{1,2},?\s+(?:19|20)\d\d[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
_SHARED = re.compile(
    r"\ba (?:post|photo|video) shared by [^\n]{0,80}\(@[\w.]{1,30}\) on [^\n]{0,60}$",
    re.IGNORECASE | re.MULTILINE,
)


def embedded_posts(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of ``text`` that is an embedded post, in text order."""
    spans = set()
    for pattern in (_SIGNED, _SHARED):
        for match in pattern.finditer(text):
            spans.add((text.rfind("\n", 0, match.start()) + 1, match.end()))
    return sorted(spans)


def in_embedded_post(posts: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does the span ``start``-``end`` overlap one of ``posts``?"""
    return any(start < post_end and post_start < end for post_start, post_end in posts)
