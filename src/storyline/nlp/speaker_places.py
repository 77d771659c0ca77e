"""A place the tagger once took for a person: "Clarkston became his home" tags
"Clarkston" PERSON in an article that types it a place everywhere else; a later "he" does
not mean the town."""

from __future__ import annotations

from collections import Counter
from typing import Any

from storyline.nlp.name_parts import PLACE_PREPOSITIONS

_PLACE = ("GPE", "LOC")


def place_names(doc: Any, named_at: dict[str, int]) -> set[str]:
    """Lower-cased one-word names the tagger typed a place at least twice after a
    preposition of place and a person only once, that give no named person's surname
    (``named_at``): in one article a word names one thing, and "in X", "to X" say it is
    a place."""
    places: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for ent in doc.ents:
        if len(ent) != 1:
            continue
        word = ent[0]
        if ent.label_ in _PLACE and word.dep_ == "pobj" and word.head.lower_ in PLACE_PREPOSITIONS:
            places[ent[0].lower_] += 1
        elif ent.label_ == "PERSON":
            people[ent[0].lower_] += 1
    return {w for w, n in places.items() if n >= 2 and people[w] == 1 and w not in named_at}
