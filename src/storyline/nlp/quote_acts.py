"""Whether an attribution reports words at all.

PolNeAR's attribution, which the quote eval scores, also credits what someone knows, sees,
finds, decides or wants: "a former FBI director who knows how to leave a paper trail",
"found himself at the center of Beltway drama", "decided to keep a log", "Americans see
the memo". A reader's "who said what" lists words, stances and findings, so such an
attribution is marked *unspoken* and brief.json keeps it. A clause after the verb is
something put in words ("the study found that hunger increases ...", "we know that Trump
asked ..."): that is never unspoken.
"""

from __future__ import annotations

from typing import Any

from storyline.lexicon import word_set

# verbs of perceiving, knowing, deciding and wanting: with no clause after them they
# report an experience or an intention, not words
_UNSPOKEN_CUES = word_set(
    "know learn find see watch hear feel notice discover realize realise understand "
    "decide plan want wish intend consider choose support seek"
)
# tags of a finite verb: a clause has one at its root or among the root's auxiliaries
_FINITE = word_set("VBD VBZ VBP MD")


def unspoken(doc: Any, kind: str, cue: tuple[int, int] | None, content: tuple[int, int]) -> bool:
    """True when an indirect attribution with cue characters ``cue`` and content
    characters ``content`` of ``doc`` is an experience or intention, not words."""
    if kind != "indirect" or cue is None:
        return False
    verb = doc.char_span(*cue, alignment_mode="expand")
    if verb is None or verb.root.lemma_.lower() not in _UNSPOKEN_CUES:
        return False
    words = doc.char_span(*content, alignment_mode="expand")
    if words is None:
        return False
    root = words.root
    finite = root.tag_ in _FINITE or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE for c in root.children
    )
    return not finite
