"""Which people an article calls "he" and which "she", read from the article itself.

No name list ships with the project, and first names say little about many people in
the news; the article says more: a title ("Mrs. Clinton", "Mr. Kerry"), a role noun
beside the name ("spokeswoman Hope Hicks", "Elaine Kamarck, a congresswoman"). Each is
a vote for the person's surname; the larger side wins, a tie says nothing. (Pronouns
near a name were tried as votes too and misled more than they told: "Warren grilled
Stumpf about his bank".)
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "lady", "queen", "princess", "dame"})
_MALE_NOUNS = frozenset(
    {
        "spokesman", "chairman", "congressman", "businessman", "husband", "father", "son",
        "brother", "boyfriend", "widower", "nephew", "uncle", "grandfather", "actor", "king",
    }
)  # fmt: skip
_FEMALE_NOUNS = frozenset(
    {
        "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "wife", "mother",
        "daughter", "sister", "girlfriend", "widow", "niece", "aunt", "grandmother", "actress",
        "queen", "fiancee", "fiancée",
    }
)  # fmt: skip


# kin who often share the surname of the one they are kin to ("her husband, Frank
# Fiorina" in a story about Carly Fiorina): set beside a name, their noun votes for no one
_KIN = frozenset(
    {
        "husband", "wife", "father", "mother", "son", "daughter", "brother", "sister",
        "widow", "widower", "nephew", "niece", "uncle", "aunt", "grandfather", "grandmother",
    }
)  # fmt: skip


def person_key(text: str) -> str:
    """The surname a person's votes are kept under ("Hillary Clinton" -> "clinton")."""
    words = [w.strip(".,'’") for w in text.split()]
    words = [w.removesuffix("'s").removesuffix("’s") for w in words if w]
    return words[-1].lower() if words else ""


def person_genders(doc: Any) -> dict[str, str]:
    """Surname -> "m" or "f" for the people the article settles."""
    votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    persons = [e for e in doc.ents if e.label_ == "PERSON"]
    for ent in persons:
        key = person_key(ent.text)
        if not key:
            continue
        near = _words_before(doc, ent.start, 3)
        near += [t.lower_ for t in ent.root.children if t.dep_ == "appos" for t in t.subtree]
        near += _set_beside(doc, ent)
        if near[-1:] and near[-1] in MALE_TITLES or any(w in _MALE_NOUNS for w in near):
            votes[key][0] += 3
        if near[-1:] and near[-1] in FEMALE_TITLES or any(w in _FEMALE_NOUNS for w in near):
            votes[key][1] += 3
    # "Bill Clinton" and "Hillary Clinton" in one article: "Clinton" alone says nobody
    firsts: dict[str, set[str]] = defaultdict(set)
    for ent in persons:
        words = ent.text.split()
        if len(words) >= 2:
            firsts[person_key(ent.text)].add(words[0].lower())
    return {
        key: "m" if male > female else "f"
        for key, (male, female) in votes.items()
        if male != female and key and len(firsts.get(key, ())) <= 1
    }


def _set_beside(doc: Any, ent: Any) -> list[str]:
    """The noun a name is set beside between commas ("his fiancee, Rhonda Rouer, he also
    complained"): it says who the named one is, however the parser hung the name. The
    closing comma or stop keeps "He thanked his mother, Bush said" out; kin who share a
    surname are left out (the votes are kept by surname)."""
    if ent.start < 2 or doc[ent.start - 1].text != "," or doc[ent.start - 2].lower_ in _KIN:
        return []
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.text not in (",", ".", ";"):
        return []
    return [doc[ent.start - 2].lower_]


def _words_before(doc: Any, start: int, n: int) -> list[str]:
    """Up to ``n`` words right before token ``start``, in order, none across punctuation
    or a sentence start ("... said HP's spokesman.⏎⏎Fiorina declined": no vote for
    Fiorina)."""
    words: list[str] = []
    i = start
    while i > 0 and len(words) < n and not doc[i].is_sent_start:
        token = doc[i - 1]
        if token.is_punct or token.is_space:
            break
        words.insert(0, token.lower_)
        i -= 1
    return words
