"""Speakers for quotes the cue search left without one: a long direct quote after a
clause that brings it in ("Trump issued a statement, "..."", "X said in a statement.
"...""), and a phrase the parser hung on the quote between it and its cue ('"...?" the
43-year-old asked'), and a long quote that goes on with the speaker of the quote before it
in its paragraph or closing the paragraph before."""

from __future__ import annotations

from typing import Any

from storyline.nlp.quote_cues import clause_before, sentence_before
from storyline.nlp.quote_draft import Draft
from storyline.nlp.quote_reported import sentence_subject
from storyline.nlp.quote_syntax import subject_of
from storyline.nlp.quote_text import trim_span, word_count
from storyline.nlp.speaker_phrase import noun_phrase


def cue_from_clause_before(doc: Any, draft: Draft, text: str, min_words: int) -> None:
    """A direct quote still without cue or speaker, after a comma, colon or dash that
    closes a clause with a subject ("Filippo Grandi reacted skeptically to the deal,
    "...", "Trump issued a statement, "..."): the clause brings it in, its subject gives
    it. Only a quote long enough to stand without a cue and no piece of a split one or
    of the quote before (a short one after a comma is a title or a slogan the clause
    names: "published "Crippled America,"")."""
    if (
        draft.kind != "direct"
        or draft.cue is not None
        or draft.speaker is not None
        or len(draft.fragments) > 1
        or word_count(text[draft.start : draft.end]) < min_words
    ):
        return
    found = clause_before(doc, draft.start) or sentence_before(doc, text, draft.start)
    if found is None:
        return
    verb = found[0]
    subject = subject_of(verb) or sentence_subject(verb)
    if subject is not None and subject.idx < draft.start:
        draft.cue = (verb.idx, verb.idx + len(verb.text))
        draft.speaker = noun_phrase(subject, text)


def speaker_before_cue(doc: Any, draft: Draft, text: str) -> None:
    """'"...," screenwriter Cole Haddon wrote on Twitter', '..., Federal Election
    Commission records show': a cue after what was said, with no speaker found, is
    given by the noun phrase standing alone between the two (the parser hung it on the
    quote's words)."""
    if draft.speaker is not None or draft.cue is None or draft.cue[0] < draft.end:
        return
    span = doc.char_span(draft.end, draft.cue[0], alignment_mode="contract")
    if span is None:
        return
    words = [t for t in span if not (t.is_punct or t.is_space)]
    if not words or len(words) > 12 or "\n" in span.text:
        return
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return  # a clause of its own, no phrase
    if not any(t.pos_ in ("NOUN", "PROPN") for t in words):
        return
    start, end = trim_span(text, words[0].idx, words[-1].idx + len(words[-1].text))
    draft.speaker = (start, end)


def speaker_of_quote_before(drafts: list[Draft], text: str, min_words: int) -> None:
    """'"You know, it happens, right?" Trump went on, as if he didn't hear her. "But you
    gotta get over it."': a long direct quote with no cue or speaker of its own, in the
    paragraph of an earlier quote that has a speaker, goes on with that speaker (news
    quotes one person at a time and names them once)."""
    last: Draft | None = None
    for draft in sorted(drafts, key=lambda d: d.start):
        if (
            last is not None
            and draft.kind == "direct"
            and draft.cue is None
            and draft.speaker is None
            and len(draft.fragments) <= 1
            and word_count(text[draft.start : draft.end]) >= min_words
            and last.speaker is not None
            and last.end <= draft.start
            and (
                "\n" not in text[last.start : draft.start]
                or (last.kind == "direct" and _next_paragraph(text, last.end, draft.start))
            )
        ):
            draft.speaker = last.speaker
        if draft.speaker is not None:
            last = draft


def _next_paragraph(text: str, end: int, start: int) -> bool:
    """Does ``start`` open the paragraph right after the one whose quote ends at ``end``,
    with no more than a short cue clause between ('...," he said.⏎⏎"...')?"""
    between = text[end:start]
    tail, _, rest = between.partition("\n")
    return not rest.strip() and len(tail) <= 80
