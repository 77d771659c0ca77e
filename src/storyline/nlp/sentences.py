"""Sentence spans with character offsets into the text they were found in.

pysbd handles abbreviations ("Mr", "U.S."), amounts ("$550m") and keeps quoted speech
together; it returns strings, so we locate each one in the text ourselves (pysbd's own
``char_span`` mode is known to drift on repeated sentences). Line breaks are hard
boundaries: a paragraph never continues into the next line of a cleaned article.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from storyline.model import Span

_PARAGRAPH = re.compile(r"[^\n]+")


@lru_cache(maxsize=4)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False)


def split_sentences(text: str, language: str = "en") -> list[Span]:
    """Return non-empty, whitespace-trimmed sentence spans in document order."""
    lang = language if language in pysbd.languages.LANGUAGE_CODES else "en"
    segmenter = _segmenter(lang)
    spans: list[Span] = []
    for para in _PARAGRAPH.finditer(text):
        ptext = para.group()
        if not ptext.strip():
            continue
        cursor = 0
        for piece in segmenter.segment(ptext):
            stripped = piece.strip()
            if not stripped:
                continue
            at = ptext.find(stripped, cursor)
            if at < 0:  # pysbd altered the text; fall back to the rest of the paragraph
                at = cursor
                stripped = ptext[cursor:].strip()
                at = ptext.find(stripped, cursor)
            start = para.start() + at
            spans.append(Span(start, start + len(stripped)))
            cursor = at + len(stripped)
            if cursor >= len(ptext):
                break
    return spans
