"""Quotes that go on with the one before: a cue-less quotation right after an attribution
in the same paragraph is the same speaker's words (PolNeAR marks the whole as one)."""

from __future__ import annotations

from typing import TypeGuard

from storyline.nlp.quote_draft import Draft
from storyline.nlp.quote_text import sentence_ends, word_count


def join_continuations(drafts: list[Draft], text: str) -> list[Draft]:
    """ "At private courses, members pay more ''because ...,'' Mr. Chipok said. ''But
    public courses ...''", '"I was sitting in a house," Trump told NBC's "Today". "I could
    hardly hear."': a cue-less quote right after an attribution whose cue follows its
    content, in the same paragraph and the next sentence at most, goes on with it (the
    cue clause may hold a quoted title); PolNeAR marks the whole as one attribution. A
    cue-less quote right after a reported clause goes on with its reporter too (see below)."""
    out: list[Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if (
            prev is not None
            and draft.kind == "direct"
            and draft.cue is None
            and prev.cue is not None
            and prev.end <= prev.cue[0]
            and prev.cue[1] <= draft.start
            and not _signed(prev, text)
        ):
            between = text[prev.end : draft.start]
            if "\n" not in between and len(between) <= 400 and sentence_ends(between) <= 1:
                prev.fragments.append((draft.start, draft.end))
                prev.end = draft.end
                continue
        if _after_report(prev, draft, text) and not any(
            c.isalnum() or c == "\n" for c in text[prev.end : draft.start]
        ):
            # 'Trump shot back, saying he's "made a lot of money." "Frankly, this is the
            # kind of thinking our country needs."': a quote with no cue of its own right
            # after a reported clause goes on with the one reporting it
            prev.fragments.append((draft.start, draft.end))
            prev.end = draft.end
            continue
        if (
            _after_report(prev, draft, text)
            and draft.speaker is None
            and _rest_of_sentence(text[prev.end : draft.start])
            and 1 <= text[prev.end : draft.start].count("\n") <= 2
        ):
            # the same after a paragraph break ('He said he's proud of the campaign.⏎⏎"We
            # built this together."'), which stays a quote of its own with that speaker,
            # also when the reporting sentence runs on past what it reports ("..., though
            # he did not say why.⏎⏎")
            draft.speaker = prev.speaker
        out.append(draft)
    return out


def _rest_of_sentence(between: str) -> bool:
    """Is ``between`` at most the end of the reporting sentence and a paragraph break
    ("..., but this would not happen.⏎⏎"), no further sentence and no other quote?"""
    words = between.strip()
    return not words or (
        words[-1] in ".!?" and sentence_ends(words) <= 1 and not any(c in words for c in '"“”')
    )


def _after_report(prev: Draft | None, draft: Draft, text: str) -> TypeGuard[Draft]:
    """Is ``draft`` a direct quote with no cue of its own that comes after ``prev``, a
    reported clause whose cue stands before it and whose speaker is known? (Not a lone
    object: "He did not suggest retaliation." states a position, not words a quote
    could go on with.)"""
    return (
        prev is not None
        and word_count(text[prev.start : prev.end]) > 1
        and draft.kind == "direct"
        and draft.cue is None
        and prev.kind == "indirect"
        and prev.speaker is not None
        and prev.cue is not None
        and prev.cue[1] <= prev.start
        and prev.end <= draft.start
    )


def _signed(draft: Draft, text: str) -> bool:
    return draft.cue is not None and text[draft.cue[0]] in "―—–-"
