"""What "it" (or "they") speaking stands for when it is no person, split from
``speakers``: a body, a record or a work that is the subject before the pronoun ("the
movie ... but it offers enough gore"), and never several people joined for "it".
"""

from __future__ import annotations

from typing import Any

from storyline.nlp.quote_lexicon import WORKS
from storyline.nlp.speaker_kind import speaker_kind
from storyline.nlp.speaker_phrase import noun_phrase

_OPENING_MARKS = frozenset("\"'“”‘’ ,")


def thing_subject(
    doc: Any, text: str, reported: list[tuple[int, int]], pronoun: Any
) -> tuple[int, int] | None:
    """ "It's unlikely the movie will gain a following, but it offers enough gore": the
    nearest singular subject before "it" in its own sentence, outside what someone is
    reported to say, when it is a body, a record or a work (not a person)."""
    for token in reversed(doc[pronoun.sent.start : pronoun.i]):
        if token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ not in ("NN", "NNP"):
            continue
        if any(a <= token.idx < b for a, b in reported):
            continue
        start, end = noun_phrase(token, text)
        while start < end and text[start] in _OPENING_MARKS:
            start += 1  # "“The Evil Dead,” Sam Raimi's 1981 horror film": no stray mark
        kind = speaker_kind(doc, start, end)
        if kind in ("group", "record") or token.lemma_.lower() in WORKS:
            return start, end
        return None  # someone, or a quality ("his willingness"): the usual rules decide
    return None


def not_people(doc: Any, pronoun: str, target: tuple[int, int] | None) -> tuple[int, int] | None:
    """``target``, unless the pronoun is "it"/"its" and the target several people joined
    ("Alvarez and Rodo Sayagues"): "it" is one thing, one body or one place, never a
    pair or a list of people ("Written by Alvarez and Sayagues ... it offers enough
    gore" is the film). (One person stays: PolNeAR's "it" of a campaign or an office is
    often scored as the person who runs it.)"""
    if target is None or pronoun not in ("it", "its"):
        return target
    span = doc.char_span(*target, alignment_mode="expand")
    joined = span is not None and any(t.dep_ == "conj" for t in span)
    return None if joined and speaker_kind(doc, *target) == "person" else target
