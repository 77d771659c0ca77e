"""Datelines ("KATHMANDU, Nepal (AP) —", "WASHINGTON (Reuters) -") opening a paragraph.

A dateline says where a wire story was filed; it is not part of the sentence after it.
The parser hangs it on that sentence (its subject, often): a speaker phrase that falls in
one is the phrase right after it ("KATHMANDU, Nepal (AP) — A Swiss climber ... said" is
the climber's), and the summarizer cuts it from a summary sentence. (Making it a sentence
of its own before the parser was tried: ECB+ train CoNLL 77.4 -> 77.2, dev unchanged.)
"""

from __future__ import annotations

import re

# a news service in brackets: an agency's letters or name, or a service named "... News"
# ("(HealthDay News)", "(Kyodo News)")
_AGENCY = r"(?:[A-Z]{2,6}|Reuters|Bloomberg|[A-Z][A-Za-z]{2,20} News)"

# a place in capitals (", Region" and an agency in brackets may follow), a place in any
# case with a date or region and a wire agency in brackets ("New York (AFP) –",
# "CLEVELAND, July 19 (UPI) —", "MONDAY, July 2 (HealthDay News) --"), or an agency alone,
# then a dash: at the start of a paragraph only
DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'\- ]{2,}(?:,\s*[A-Za-z.' ]{2,20})?\s*(?:\([A-Za-z0-9 .&/-]{1,20}\))?"
    r"|[A-Z][\w.'\- ]{1,30}?(?:,\s*[\w.' ]{2,20})?\s*\(" + _AGENCY + r"\)"
    r"|\((?:CNN|AP|Reuters|AFP|[A-Z][A-Za-z]{2,20} News)\))\s*[\u2014\u2013-]{1,2}\s*"
    # CNN's own style has no dash, with or without its place: "(CNN)Your favorite fitness
    # tracker ...", "(CNN) The ...", "Washington (CNN) Vermont Sen. Bernie Sanders ..."
    r"|(?:[A-Z][\w.'\- ]{1,30}?(?:,\s*[\w.' ]{2,20})?\s*)?\((?:CNN|CNN Business|CNN Money)\)"
    r"\s*(?=[A-Z\"\u201c'\u2018])"
)


def dateline_at(text: str, at: int) -> tuple[int, int] | None:
    """The (start, end) of the paragraph-opening dateline that holds offset ``at``, if
    one does (its end is where the sentence after it begins)."""
    start = text.rfind("\n", 0, at) + 1
    while start < at and text[start] in " \t":
        start += 1
    found = DATELINE.match(text, start)
    if found is not None and at < found.end() < len(text) and text[found.end()] != "\n":
        return found.start(), found.end()
    return None
