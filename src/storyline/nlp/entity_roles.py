"""Roles beside a person's name: "Sergei Lavrov, Russia's foreign minister" ->
"foreign minister", from an apposition, a title before the name, or a written
apposition the parser missed; never a relation ("his counterpart") or a plural ("Getty
Images"). Whether it is shown as a role is ``person_nouns.is_role``.
"""

from __future__ import annotations

from typing import Any

from storyline.nlp.person_nouns import HONORIFICS, TITLES
from storyline.nlp.spacy_model import doc_text


def entity_bounds(doc: Any, i: int) -> tuple[int, int]:
    """[start, end) token range of the NER entity holding token ``i``, read from the IOB
    tags around it: ``doc.ents`` is rebuilt on every access, so scanning it per mention
    made an article with thousands of entities quadratic."""
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


def role_of(span: Any, head: Any) -> tuple[str, int, int] | None:
    """Role of a PERSON: "Sergei Lavrov, Russia's foreign minister" -> "foreign minister"."""
    if head.ent_type_ != "PERSON":
        return None
    doc = span.doc
    # 1. apposition after the name: Lavrov -appos-> minister
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not _relational(child):
            if _quoted_title(child):
                continue
            return _role_phrase(doc, child)
    # 2. the name is the apposition of a role noun: "the US president, Barack Obama"
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and not _relational(head.head):
        return _role_phrase(doc, head.head)
    # 3. a title in front of the name: "Russia's foreign minister Sergei Lavrov",
    #    "Foreign Minister Sergei Lavrov", "ICRC President Jakob Kellenberger"
    ent_start = entity_bounds(doc, head.i)[0] if head.ent_iob_ != "O" else span.start
    words: list[Any] = []  # spaCy tokens
    i = ent_start - 1
    while i >= 0:
        tok = doc[i]
        if tok.head.i < ent_start and tok.head.i != i and tok.dep_ not in ("compound", "amod"):
            break
        if tok.dep_ in ("compound", "amod") or tok.lower_ in TITLES:
            if tok.ent_type_ in ("GPE", "ORG", "NORP") or tok.tag_ == "POS" or tok.dep_ == "poss":
                break
            if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
                break
            words.insert(0, tok)
            i -= 1
            continue
        break
    if (
        words
        and i >= 1
        and doc[i].text in "-–"
        and not (doc[i].whitespace_ or doc[i - 1].whitespace_)
    ):
        words[:0] = [doc[i - 1], doc[i]]  # a hyphenated word begins it: "two-time nominee"
    # keep only a role word ending the run ("minister", "President"), not honorifics alone
    if (
        words
        and words[-1].tag_ not in _PLURAL_TAGS  # "Getty Images Sofia Vergara"
        and words[-1].lower_.rstrip(".") not in HONORIFICS
        and not _relational(words[-1])  # "his counterpart Vladimir Putin"
        and any(w.pos_ == "NOUN" or w.lower_ in TITLES for w in words)
    ):
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        return doc_text(doc)[start:end], start, end
    # 4. an apposition the parser missed, read off the words: "Barack Obama, the US
    #    president, and Vladimir Putin" (parsed as "president" the subject)
    ent_end = entity_bounds(doc, head.i)[1] if head.ent_iob_ != "O" else span.end
    return _written_apposition(doc, ent_end)


def _written_apposition(doc: Any, i: int) -> tuple[str, int, int] | None:
    """The role in ", the [modifiers] NOUN," right after a name (token ``i`` on), closed
    by a comma, "and", or the sentence's end; a relation ("his counterpart") is none."""
    if i + 2 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("the", "a", "an"):
        return None
    j = i + 2
    while j < len(doc) and doc[j].pos_ in ("ADJ", "PROPN", "NOUN") and not doc[j].is_punct:
        j += 1
    noun = doc[j - 1]
    closed = j == len(doc) or doc[j].text in (",", ";", ".") or doc[j].lower_ == "and"
    if j == i + 2 or not closed or noun.pos_ != "NOUN" or _relational(noun):
        return None
    return _role_phrase(doc, noun)


# nouns that say how a person stands to another, not what office they hold ("Vladimir
# Putin, his Russian counterpart"): no role; a title before the name still is one
RELATIONAL = frozenset(
    {
        "counterpart", "colleague", "ally", "friend", "wife", "husband", "son", "daughter",
        "father", "mother", "brother", "sister", "rival", "successor", "predecessor",
        "partner", "opponent", "boyfriend", "girlfriend", "fiancé", "fiancée", "fiance",
        "fiancee", "widow", "widower", "cousin", "nephew", "niece", "uncle", "aunt",
        "grandson", "granddaughter", "grandfather", "grandmother", "child", "parent",
        "sibling", "spouse", "relative", "neighbour", "neighbor", "classmate", "roommate",
        "foe", "nemesis", "protege", "protégé", "mentor", "confidant", "associate",
        "acquaintance", "heir", "stepson", "stepdaughter", "stepfather", "stepmother",
    }
)  # fmt: skip


_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _quoted_title(noun: Any) -> bool:
    """A work's title set beside the name, in quotation marks or typed as a work: 'Peter
    Morgan ("The Queen" and "Frost/Nixon")' names his films, not his role."""
    return noun.ent_type_ == "WORK_OF_ART" or any(child.is_quote for child in noun.children)


def _relational(noun: Any) -> bool:
    return noun.lemma_.lower() in RELATIONAL or noun.lower_ in RELATIONAL


def _role_phrase(doc: Any, noun: Any) -> tuple[str, int, int] | None:
    """The role noun with its adjective/compound modifiers, minus determiners and owners.
    A plural is no one person's role ("Sofia Vergara (Getty Images)", "his whereabouts",
    "Nas and his contemporaries"): None. A thing's description ("Juvenile Hell, his debut
    album", typed PERSON by the small model) is kept: the linker reads its words ("the
    album"); only a person noun is shown as a role (``person_nouns.is_role``)."""
    if noun.tag_ in _PLURAL_TAGS:
        return None
    keep = [noun]
    for child in noun.lefts:
        if child.lower_ in _POINTING:
            continue  # "One such liaison officer": the role is "liaison officer"
        if child.dep_ in ("amod", "compound") and child.ent_type_ not in ("GPE", "ORG", "NORP"):
            keep.extend(t for t in child.subtree if t.dep_ != "poss")
    keep.sort(key=lambda t: t.i)
    # contiguous run ending at the noun
    run = [noun]
    for tok in reversed(keep[:-1]):
        if tok.i == run[0].i - 1:
            run.insert(0, tok)
        else:
            break
    if run[0].i > 0 and doc[run[0].i - 1].lower_ in _PAST:
        return None  # "Comey, then acting attorney general": a role held once, not now
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    return doc_text(doc)[start:end], start, end


_PAST = frozenset({"then", "once", "formerly"})
# adjectives that point back at others named, not at the role ("one such officer", "another
# such case", "the same officer", "a certain official")
_POINTING = frozenset({"such", "other", "same", "certain"})
