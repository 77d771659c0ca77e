"""Sentence spans with character offsets into the text they were found in.

English (the common case) uses a rule-based splitter that is ~30x faster than pysbd and
agrees with it on ~94% of news sentences; many of the disagreements are pysbd errors
("R-Ky." ending a sentence, a lone closing quote as a sentence). It knows common
abbreviations ("Mr.", "Gov.", "U.S.", "Jan.", initials) and never splits inside a quotation
that closes later in the same paragraph, so quoted speech of several sentences stays one
unit ("quotes not cut in half"). Other languages go through pysbd, whose strings we locate
in the text ourselves (pysbd's own ``char_span`` mode is known to drift on repeated
sentences). Line breaks are hard boundaries: a paragraph never continues into the next line
of a cleaned article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from storyline.model import Span

_PARAGRAPH = re.compile(r"[^\n]+")

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace,
# then something that can open a sentence (capital, digit, opening quote or bracket).
_CANDIDATE = re.compile(
    r"([.!?\u2026]+)([\"'\u201d\u2019)\]]*)(\s+)(?=[\"'\u201c\u2018(\[]?[A-Z0-9])"
)
_QUOTE_MARK = re.compile("[\"\u201c\u201d]|''")
_LAST_TOKEN = re.compile(r"(\S+)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)*[A-Za-z]")
_ABBREVIATION_WORDS = """mr mrs ms dr prof sr jr st sen rep gov gen lt col capt cpt sgt maj adm
    cmdr rev fr
    pres supt atty hon nos vs etc inc corp co ltd bros dept univ assn
    jan feb apr jun jul aug sep sept oct nov dec tue tues thu thur thurs fri
    ft mt ave blvd rd hwy approx est fig vol al
    ala ariz ark calif colo conn fla ga ind kan ky md mich minn mo
    mont neb nev okla pa penn tenn tex va vt wis wyo e.g i.e"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())


def _quoted_regions(para: str) -> list[tuple[int, int]]:
    """[open, close) character ranges of quotations that close inside the paragraph."""
    regions: list[tuple[int, int]] = []
    curly_open: int | None = None
    straight_open: int | None = None
    for mark in _QUOTE_MARK.finditer(para):
        ch, i = mark.group(), mark.start()
        if ch == "\u201c":
            curly_open = i
        elif ch == "\u201d":
            if curly_open is not None:
                regions.append((curly_open, i))
                curly_open = None
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                regions.append((straight_open, i))
                straight_open = None
        elif straight_open is not None:
            # AP wire style closes a straight-quoted passage with two apostrophes
            regions.append((straight_open, i + 1))
            straight_open = None
    return regions


def _ends_sentence(para: str, match: re.Match[str], regions: list[tuple[int, int]]) -> bool:
    at = match.start()
    # test where the whitespace starts: a closing quote right after the punctuation
    # ('... "Standing Tall." The video') is part of the match and ends the quotation
    gap = match.start(3)
    if any(a < gap <= b for a, b in regions):
        return False
    if match.group(1) != ".":
        return True  # "!", "?", "..." end sentences
    # only the word before the boundary matters: look back a bounded window (linear time)
    last = _LAST_TOKEN.search(para, max(0, at - 64), at)
    if last is None:
        return True
    word = last.group(1).lstrip("\"'\u201c\u2018([")
    lowered = word.lower().rstrip(".")
    if lowered in _ABBREVIATIONS:
        return False
    if lowered == "no" and para[match.end() :][:1].isdigit():
        return False  # "No. 1"
    # initials and dotted acronyms ("J.", "U.S.", "a.m."): rarely end a news sentence
    return _INITIALS.fullmatch(word) is None


def _trimmed(text: str, offset: int, start: int, end: int) -> Span | None:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return None
    begin = offset + start + (len(piece) - len(piece.lstrip()))
    return Span(begin, begin + len(stripped))


def _split_english(text: str) -> list[Span]:
    spans: list[Span] = []
    for para in _PARAGRAPH.finditer(text):
        ptext = para.group()
        regions = _quoted_regions(ptext) if ('"' in ptext or "\u201c" in ptext) else []
        cursor = 0
        for match in _CANDIDATE.finditer(ptext):
            if _ends_sentence(ptext, match, regions):
                span = _trimmed(ptext, para.start(), cursor, match.start(3))
                if span is not None:
                    spans.append(span)
                cursor = match.end(3)
        span = _trimmed(ptext, para.start(), cursor, len(ptext))
        if span is not None:
            spans.append(span)
    return spans


@lru_cache(maxsize=4)
def _segmenter(language: str):  # noqa: ANN202 - pysbd is imported lazily
    import pysbd

    return pysbd.Segmenter(language=language, clean=False)


def _split_pysbd(text: str, language: str) -> list[Span]:
    import pysbd

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
                stripped = ptext[cursor:].strip()
                at = ptext.find(stripped, cursor)
            start = para.start() + at
            spans.append(Span(start, start + len(stripped)))
            cursor = at + len(stripped)
            if cursor >= len(ptext):
                break
    return spans


def split_sentences(text: str, language: str = "en") -> list[Span]:
    """Return non-empty, whitespace-trimmed sentence spans in document order."""
    if language == "en" or not language:
        return _split_english(text)
    return _split_pysbd(text, language)
