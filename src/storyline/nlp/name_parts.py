"""How a name's parts point at a person the article names: a surname alone that NER typed
a place or an organisation ("Joseph Serna ... Serna"), a possessive NER ran across ("ABC
News' Linsey Davis") that parts an owner from a person, and where it does not (a thing's
name set after "the"); two people NER ran into one name over "for" ("Trump for
Gorsuch"); and spans that are no entity at all (``not_an_entity``)."""

from __future__ import annotations

from typing import Any

from storyline.lexicon import word_set
from storyline.nlp.name_shape import interjection

_POSSESSIVES = frozenset({"'", "\u2019", "'s", "\u2019s"})


def owned_person(span: Any, surnames: set[str]) -> tuple[Any, Any] | None:
    """(owner, person) of a span NER ran across a possessive into a person's name ("ABC
    News' Linsey Davis", "CNN's Jake Tapper"): the words after the possessive are all
    capitalised and end with the surname of a person the article names. A possessive
    inside a name of its own ("People's Liberation Army", "Children's Hospital") is
    followed by no person's surname. The caller trims the owner."""
    doc = span.doc
    for tok in span[1:-1]:
        if tok.lower_ not in _POSSESSIVES and tok.tag_ != "POS":
            continue
        tail = doc[tok.i + 1 : span.end]
        if all(t.is_title for t in tail) and tail[-1].lower_ in surnames:
            return doc[span.start : tok.i], tail
    return None


def named_after_the(doc: Any) -> set[str]:
    """Last words of capitalised names the article sets after "the" as a noun phrase's
    head ("the Knowledge Graph will"; not "the Clinton administration", a modifier)."""
    out: set[str] = set()
    for tok in doc:
        if tok.lower_ != "the":
            continue
        j = tok.i + 1
        while j < len(doc) and doc[j].is_title:
            j += 1
        if j > tok.i + 1 and doc[j - 1].dep_ != "compound":
            out.add(doc[j - 1].lower_)
    return out


# prepositions that take a place ("in Clarkston", "moved to Clarkston"); "like Rihanna",
# "and Rihanna" say nothing of what the word names
PLACE_PREPOSITIONS = word_set("in at from to near into across outside inside around throughout")


def full_names_at(doc: Any) -> dict[str, int]:
    """Surname -> the token where a full name first gives it (for ``surname_alone``)."""
    named_at: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            named_at.setdefault(ent[-1].lower_, ent.start)
    return named_at


def surname_alone(ent: Any, named_at: dict[str, int]) -> bool:
    """A one-word name NER typed as a place or an organisation that is the surname of a
    person the article named in full before it: news gives the full name first and the
    surname after ("Joseph Serna ... Serna has appeared": Serna was typed GPE). Not after
    a preposition of place ("George Washington ... in Washington")."""
    words = [t for t in ent if not t.like_num]  # ("Olivera 25 times": see _trim)
    if ent.label_ == "PERSON" or len(words) != 1 or not words[0].is_title:
        return False
    first = named_at.get(words[0].lower_)
    if first is None or first >= ent.start:
        return False
    return not (ent.start > 0 and ent.doc[ent.start - 1].lower_ in PLACE_PREPOSITIONS)


_JOINING_WORDS = frozenset({"for", "and"})


def joined_surnames(span: Any, surnames: set[str]) -> list[Any] | None:
    """Two people NER ran into one name over a lower-case "for" or "and" ("prepare Trump
    for Gorsuch's comments"): each side ends on the surname of a person the article names;
    or a person and the phrase after him ("Trump for the Supreme Court"): the person."""
    cuts = [t.i for t in span if t.lower_ in _JOINING_WORDS and t.text.islower()]
    if len(cuts) != 1 or not span.start < cuts[0] < span.end - 1:
        return None
    left, right = span.doc[span.start : cuts[0]], span.doc[cuts[0] + 1 : span.end]
    if left[-1].lower_ not in surnames or not left[0].text[:1].isupper():
        return None
    if right[-1].lower_ in surnames and right[0].text[:1].isupper():
        return [left, right]
    # "recommended him to Trump for the Supreme Court": a person, then a phrase after him
    return [left] if right[0].lower_ == "the" else None


# capitalised common nouns NER takes for an organisation when they only qualify a noun
# ("a Navy base", "Defense Minister Anatoly Serdyukov")
_GENERIC_INSTITUTIONS = word_set(
    "navy army defense defence interior foreign justice police military government "
    "parliament treasury finance health state"
)


def not_an_entity(span: Any, label: str) -> bool:
    """An NER span an analyst would not call an entity: a nationality or creed used as an
    adjective or a noun's modifier ("Russian citizens", "Islamic parties", "Soviet times";
    a product line the tagger calls one: "a Windows PC", "the Windows apps"), a generic
    institution word qualifying a noun ("a Navy base"), a web address."""
    text = span.text
    if "://" in text or text.lower().startswith("www.") or "@" in text:
        return True
    if any(c.islower() for c in text) and not any(c.isupper() for c in text):
        # "quit cold turkey", "the gore": a name in letters has a capital (a model's
        # number, "the 737", and a script without case are names still)
        return True
    if label in ("PERSON", "ORG") and interjection(text):
        return True  # "O.K., about the plan: It calls ...": no one's name
    root = span.root
    if label == "NORP" and (root.pos_ == "ADJ" or root.dep_ in ("amod", "compound")):
        return True
    if label == "PERSON" and common_noun_opening(span):
        return True
    return (
        label == "ORG"
        and len(span) == 1
        and root.lower_ in _GENERIC_INSTITUTIONS
        and root.dep_ == "compound"
    )


def common_noun_opening(span: Any) -> bool:
    """Is the name one word the tagger reads as a common noun (NN/NNS) at the start of a
    sentence ("Problem was, it kinda sucked."), and capitalised nowhere else in the text?
    Capitalised only to open the sentence: the small model's NER types such words
    PERSON. (The tagger reads a surname such as "Sanders" as a plural noun there too; the
    article writes it capitalised mid-sentence, "Bernie Sanders".)"""
    if len(span) != 1 or span[0].tag_ not in ("NN", "NNS") or not span[0].is_sent_start:
        return False
    word = span[0]
    return not any(t.text == word.text and not t.is_sent_start for t in word.doc)
