"""The issuer a document speaks for: "a Russian foreign ministry statement said" is the
Russian foreign ministry speaking, and "a brief foreign ministry statement" later in the
article is the same ministry's; "Paul released a video that accuses Cruz" is Paul
speaking through the video (``nlp.speakers``)."""

from __future__ import annotations

from typing import Any

from storyline.nlp.person_nouns import is_person_noun
from storyline.nlp.quotes import Quote
from storyline.nlp.spacy_model import doc_text
from storyline.nlp.speaker_phrase import noun_phrase

# nouns of what an issuer puts out: "a foreign ministry statement said", "the Kremlin's
# communique", "a letter from the committee"
DOCUMENTS = frozenset(
    {
        "statement", "report", "communique", "communiqué", "letter", "memo", "release",
        "announcement", "declaration", "bulletin", "note", "email", "e-mail", "cable",
        "notice", "dispatch", "editorial", "filing", "document", "readout", "transcript",
    }
)  # fmt: skip
# common nouns that name an issuer with no proper noun in it ("foreign ministry")
INSTITUTIONS = frozenset(
    {
        "ministry", "government", "office", "department", "agency", "embassy", "mission",
        "committee", "council", "commission", "party", "campaign", "company", "court",
        "police", "army", "military", "navy", "fleet", "presidency", "administration",
        "cabinet", "parliament", "secretariat", "headquarters", "board", "command",
    }
)  # fmt: skip


# what an issuer releases that then "says", "urges" or "accuses" in its own right
RELEASED = DOCUMENTS | frozenset(
    {
        "ad", "advert", "advertisement", "commercial", "spot", "video", "documentary",
        "film", "piece", "column", "article", "story", "study", "survey", "data", "paper",
        "resolution", "motion", "bill", "amendment", "tweet", "post", "message", "letter",
    }
)  # fmt: skip


def releaser(relative: Any) -> tuple[int, int] | None:
    """Who put out what a relative "that"/"which" speaks for ("Rand Paul has released a
    Web video that accuses Cruz", "The Washington Post ran a piece that noted", "the board
    passed a resolution that addressed"): the subject of the verb whose object the
    document is, when that subject is a noun or a name (not a pronoun, which the caller
    resolves on its own). The document only carries their words."""
    clause = relative.head
    if clause.dep_ != "relcl":
        return None
    document = clause.head
    if document.lemma_.lower() not in RELEASED:
        document = _released_before(document)
    if document is None or document.dep_ != "dobj":
        return None
    subjects = [c for c in document.head.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].pos_ not in ("NOUN", "PROPN"):
        return None
    text = doc_text(relative.doc)
    start, end = noun_phrase(subjects[0], text)
    # a dateline or a heading the parser ran into the sentence ("4:23 p.m.⏎⏎Sanders")
    return text.rfind("\n", start, end) + 1 or start, end


# what carries words of its own, as a document does ("a headline that said")
_WORDED = frozenset({"headline", "title", "caption", "sign", "banner", "slogan", "chant"})


def _released_before(noun: Any) -> Any | None:
    """ "issued a report into the Benghazi attacks that cited X", "launched a documentary
    and ad campaign that attacked X", "passed a resolution ahead of the convention that
    addressed X": the parser hangs the relative clause on the nearest noun, a thing that
    says nothing; the document released in the clause (the verb's object, a document
    word in it) is what speaks. None when the noun may speak itself (a name, a person, a
    group) or no such document stands there."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or is_person_noun(noun.lower_):
        return None
    if noun.lemma_.lower() in _WORDED:
        return None  # "an article with a headline that said": the headline's words
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "dobj" and child.i <= noun.i:
            words = [t for t in child.subtree if t.i <= child.i]
            if any(t.lemma_.lower() in RELEASED for t in words):
                return child
    return None


def document_issuer(span: Any) -> tuple[int, int] | None:
    """The issuer a document-noun speaker names ("a Russian foreign ministry statement":
    "Russian foreign ministry"; "the Kremlin's statement": "the Kremlin"; "a letter from
    the committee": "the committee"), when it names one (not "news reports"); its
    determiners and adjectives ("a brief") are not part of it."""
    root = span.root
    if root.pos_ != "NOUN" or root.lemma_.lower() not in DOCUMENTS:
        return None
    doc = span.doc
    tokens: list[Any] = []
    for child in root.children:
        if child.dep_ == "poss":
            tokens = [t for t in child.subtree if t.dep_ != "case"]
            break
        if child.dep_ == "prep" and child.lower_ in ("from", "by", "of") and child.i > root.i:
            tokens = [t for g in child.children if g.dep_ == "pobj" for t in g.subtree]
            break
    if not tokens:
        # the compound run before the noun ("foreign ministry"), with a nationality or a
        # name right before it ("Russian"), never an adjective of the document ("brief")
        # (a day is when it came out, not who issued it: "a Wednesday editorial")
        run = [c for c in root.lefts if c.dep_ == "compound" and c.ent_type_ not in _WHEN]
        if not run:
            return None
        tokens = [t for c in run for t in c.subtree]
        first = min(t.i for t in tokens)
        while first - 1 > span.start - 1 and _names_issuer(doc[first - 1], root):
            first -= 1
            tokens.append(doc[first])
    if not tokens:
        return None
    lo, hi = min(t.i for t in tokens), max(t.i for t in tokens)
    words = doc[lo : hi + 1]
    if not (span.start <= lo and hi < span.end):
        return None
    named = any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP") for t in words)
    if not named and not any(t.lemma_.lower() in INSTITUTIONS for t in words):
        return None
    return words.start_char, words.end_char


_WHEN = frozenset({"DATE", "TIME"})


def _names_issuer(token: Any, document: Any) -> bool:
    """ "Russian" in "a Russian foreign ministry statement": a nationality or a name
    modifying the document is its issuer's."""
    return token.head.i == document.i and (
        token.pos_ == "PROPN" or token.ent_type_ in ("NORP", "GPE", "ORG")
    )


def same_issuer(text: str, issuer: tuple[int, int], earlier: list[Quote]) -> tuple[int, int] | None:
    """An earlier speaker naming the same issuer in full ("Russian foreign ministry" for
    "foreign ministry")."""
    words = text[issuer[0] : issuer[1]].lower().split()
    for quote in reversed(earlier):
        s, e = quote.speaker_start, quote.speaker_end
        if s is None or e is None:
            continue
        theirs = text[s:e].lower().split()
        if len(theirs) > len(words) and theirs[-len(words) :] == words:
            return s, e
    return None
