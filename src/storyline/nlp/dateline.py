"""Datelines ("KATHMANDU, Nepal (AP) —", "WASHINGTON (Reuters) -") opening a paragraph.

A dateline says where a wire story was filed; it is not part of the sentence after it.
Left in, the parser hangs it on that sentence (its subject, often), and a speaker
became "KATHMANDU, Nepal (AP)" for "A Swiss climber ... said". ``mark_datelines`` runs
before the parser and starts a sentence right after each dateline, so the parser leaves
the dateline a fragment of its own; the summarizer cuts it from a summary sentence.
"""

from __future__ import annotations

import re
from typing import Any

# a place in capitals (", Region" and an agency in brackets may follow), or an agency
# alone, then a dash: at the start of a paragraph only
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'\- ]{2,}(?:,\s*[A-Za-z.' ]{2,20})?\s*(?:\([A-Za-z0-9 .&/-]{1,20}\))?"
    r"|\((?:CNN|AP|Reuters|AFP)\))\s*[\u2014\u2013-]{1,2}\s*"
)
_PARAGRAPH_START = re.compile(r"(?:\A|\n)[ \t]*")
COMPONENT = "storyline_dateline"


def dateline_ends(text: str) -> list[int]:
    """Offsets where the text after each paragraph-opening dateline begins."""
    ends = []
    for para in _PARAGRAPH_START.finditer(text):
        found = DATELINE.match(text, para.end())
        if found is not None and found.end() < len(text) and text[found.end()] != "\n":
            ends.append(found.end())
    return ends


def mark_datelines(doc: Any) -> Any:
    """The Doc with a sentence starting at the first token after each dateline (set
    before the parser, which keeps sentence starts it is given)."""
    ends = dateline_ends(doc.text)
    if not ends:
        return doc
    starts = {t.idx: t for t in doc}
    for end in ends:
        token = starts.get(end)
        if token is not None and token.i > 0:
            token.is_sent_start = True
    return doc
