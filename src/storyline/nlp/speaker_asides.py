"""Who speaks when the parser takes a word of a dash aside for the subject: "The Kansas
Republican - who served 27 years in the Senate, including four years as majority leader
- said ...": the parse makes "leader" the subject of "said"; the aside's dashes say the
speaker is the phrase before it."""

from __future__ import annotations

import re
from typing import Any

# a dash set off by spaces (or an em dash), which opens or closes an aside
_DASH = re.compile(r"\s[-–—]\s|—")


def before_dash_aside(subject: Any, verb: Any, text: str) -> Any | None:
    """The head of the phrase before a dash aside that holds ``subject`` and closes
    right before ``verb``; None when the subject is not inside such an aside."""
    sent = verb.sent
    if not (sent.start <= subject.i < verb.i):
        return None
    closing = list(_DASH.finditer(text, subject.idx + len(subject.text), verb.idx))
    if len(closing) != 1 or text[closing[0].end() : verb.idx].strip():
        return None  # the verb does not follow the aside's closing dash
    opening = list(_DASH.finditer(text, sent.start_char, subject.idx))
    if len(opening) != 1:
        return None
    before = [
        t for t in sent if t.idx + len(t.text) <= opening[0].start() and t.pos_ in ("NOUN", "PROPN")
    ]
    if not before:
        return None
    head = before[-1]
    # up to the phrase's own head: "a spokesman for the company" is the spokesman,
    # "Smith, a spokesman" is Smith
    while head.head.i != head.i and head.head.idx < opening[0].start():
        if head.dep_ not in ("pobj", "prep", "compound", "poss", "appos"):
            break
        head = head.head
    return head if head.pos_ in ("NOUN", "PROPN") else None
