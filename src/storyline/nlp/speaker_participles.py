"""Who a participle cue's words belong to when the parse hangs it on the wrong clause:
"The first incident came during a speech, when Sanders protesters interrupted her,
shouting "...": the parser attaches "shouting" to "came", whose subject ("The first
incident") is nothing that speaks; the clause right before the participle has the one
who shouts."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from storyline.nlp.quotes import Quote
from storyline.nlp.speaker_kind import speaker_kind
from storyline.nlp.speaker_phrase import noun_phrase

_PARTICIPLE_DEPS = frozenset({"advcl", "acl", "conj", "pcomp", "xcomp"})


def nearer_clause_speaker(doc: Any, text: str, quote: Quote) -> Quote:
    """``quote`` with the subject of the clause right before its participle cue as its
    speaker, when the speaker it has is no voice (a thing, an event, none) and that
    subject is a person or a group; else ``quote`` as it is."""
    if quote.cue_start is None or quote.cue_end is None or quote.source is not None:
        return quote
    cue = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    if cue is None or not len(cue):
        return quote
    verb = cue.root
    if verb.tag_ != "VBG" or verb.dep_ not in _PARTICIPLE_DEPS:
        return quote
    if quote.speaker_start is not None and quote.speaker_end is not None:
        if speaker_kind(doc, quote.speaker_start, quote.speaker_end) not in (None, "other"):
            return quote
        words = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
        if words is not None and any(t.like_num or t.text == "%" for t in words):
            return quote  # a share of those polled ("87 percent", "42%") speaks
    subject = _last_clause_subject(doc, verb)
    if subject is None or quote.start <= subject.idx < quote.end:
        return quote
    start, end = noun_phrase(subject, text)
    if speaker_kind(doc, start, end) not in ("person", "group"):
        return quote
    return replace(quote, speaker=text[start:end], speaker_start=start, speaker_end=end)


def _last_clause_subject(doc: Any, verb: Any) -> Any | None:
    """The subject of the nearest verb before ``verb`` in its sentence that has one."""
    for token in reversed(doc[verb.sent.start : verb.i]):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
    return None
