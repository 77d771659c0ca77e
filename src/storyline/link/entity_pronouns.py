"""A pronoun's antecedent inside one article, for cross-document entity linking: "he"/"she"
first a named person near it (one already known to be "she" first), else the nearest
mention that fits in gender, number and personhood; "who"/"which" only in its own sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from storyline.config import EntityLinkOptions as LinkOptions
from storyline.link.entity_names import _COLLECTIVE_PEOPLE, _FEMININE, _MASCULINE
from storyline.nlp.entities import EntityMention
from storyline.nlp.person_nouns import is_person_noun

_SAME_PERSON_PRONOUN = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
_RELATIVE = frozenset({"who", "whom", "whose", "which", "that", "where"})


def pronoun_antecedent(
    pron: EntityMention,
    before: list[EntityMention],
    options: LinkOptions,
    clash: Callable[[int], bool],
    agree: Callable[[int], bool],
) -> int | None:
    """Index into ``before`` of the antecedent of ``pron``, or None. ``clash``: the
    candidate's cluster is known to be of another gender; ``agree``: of the pronoun's."""
    if pron.head in _SAME_PERSON_PRONOUN:
        # "he"/"she" mean a named person when one is near, before a role noun; first one
        # already known to be "she" (or "he"), then one not known to be the other: in
        # "Access Hollywood said Lohan's move ... where she will" the outlet is no "she"
        checks = [agree] if options.pronoun_known_gender else []
        checks.append(lambda k: not clash(k))
        for fits in checks:
            for k in range(len(before) - 1, -1, -1):
                cand = before[k]
                if pron.sentence - cand.sentence > options.pronoun_window:
                    break
                if cand.kind == "name" and cand.type == "PERSON" and fits(k):
                    return k
    for k in range(len(before) - 1, -1, -1):
        cand = before[k]
        if pron.sentence - cand.sentence > options.pronoun_window:
            return None
        if clash(k):
            continue
        if cand.kind in ("pronoun", "time"):
            if cand.kind == "pronoun" and _SAME_PERSON_PRONOUN.get(cand.head, 1) == (
                _SAME_PERSON_PRONOUN.get(pron.head, 2)
            ):
                return k  # "he ... his ... him": one person goes on
            continue
        if pron.head in _RELATIVE:
            return k if cand.sentence == pron.sentence else None
        person = pron.type == "PERSON"
        if person and not (cand.type == "PERSON" or person_noun(cand)):
            continue
        if not person and cand.type == "PERSON":
            continue
        cand_plural = cand.plural or cand.head in _COLLECTIVE_PEOPLE
        if pron.plural != cand_plural and cand.type != "ORG":
            continue
        return k
    return None


def mention_gender(m: EntityMention) -> str:
    first = m.text.split()[0].lower().rstrip(".") if m.text.split() else ""
    for word in (m.head, first):
        if word in _FEMININE:
            return "f"
        if word in _MASCULINE:
            return "m"
    return ""


def person_noun(m: EntityMention) -> bool:
    """A common noun that names a person ("the host", "an accountant", "the gunman")."""
    if m.kind != "nominal":
        return False
    return is_person_noun(m.head)
