"""Speaker phrases whose form says they name no one a pronoun can mean (``nlp.speakers``):
a dummy "it" ("it's hard to know where donors will go") credits no one with the words,
and an acronym or a web address ("ESPN said", "Factcheck.org") is an organisation, not
the person a later "he" or "she" goes on with; a possessive naming someone else ("his
wife", "her lawyer") is that someone, not the possessor; a day the parser made the
subject ("Saturday at the convention Sen. Lee said") is no one. And the forms that say
who a phrase names: a name in apposition ("a spokesman, Vyacheslav Trukhachev"), a name
heading a title ("Russia's Foreign Minister Sergei Lavrov"), the noun a relative "who"
hangs on ("one activist in Homs, who said"); a bare nationality ("Russian") names no
one, a short common-noun phrase ("the activist") describes someone named elsewhere."""

from __future__ import annotations

from typing import Any

from storyline.nlp.person_nouns import TITLES, is_person_noun
from storyline.nlp.speaker_issuers import DOCUMENTS

# verbs whose "it" subject may stand for a clause or phrase that comes after ("It is
# hard to say", "It takes courage to admit", "It seems that")
_EXPLETIVE_VERBS = frozenset({"be", "take", "seem", "appear", "remain", "become"})
# the dependencies that hang a clause on a word (a verb's complement or an adverbial
# clause, a noun's relative or participial clause)
CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "advcl", "relcl", "acl"})


def expletive(span: Any) -> bool:
    """Is the speaker phrase a dummy "it" ("it's hard to know", "It doesn't take a
    mathematician to see", "It is important to note", "it will be the first time that"):
    "it" as the subject of a copula or "take" whose complement (an adjective or a noun)
    or the verb itself governs the clause that follows?"""
    if len(span) != 1 or span[0].lower_ != "it" or span[0].dep_ not in ("nsubj", "expl"):
        return False
    verb = span[0].head
    if verb.lemma_.lower() not in _EXPLETIVE_VERBS:
        return False
    complements = [c for c in verb.children if c.dep_ in ("acomp", "attr", "dobj", "oprd")]
    return any(
        c.dep_ in CLAUSE_DEPS and c.i > span[0].i for h in [verb, *complements] for c in h.children
    )


def acronym_or_site(span: Any) -> bool:
    """ "ESPN", "NBC News", "Factcheck.org": proper nouns written as an acronym or a web
    address name an organisation, never a person a later "he" or "she" could mean."""
    head = span.root  # the name's last word, not a title's ("CEO Carly Fiorina")
    return head.pos_ == "PROPN" and (
        (len(head.text) > 1 and head.text.isupper())
        or head.lower_.endswith((".com", ".org", ".net"))
    )


# what a person says or puts out: "his comments" are that person's words, while "his
# wife", "her lawyer", "his office" are someone else speaking
_UTTERANCES = DOCUMENTS | frozenset(
    {
        "comment", "remark", "word", "tweet", "post", "speech", "testimony", "message",
        "interview", "response", "reply", "answer", "argument", "view", "account", "book",
        "column", "essay", "blog", "op-ed", "claim", "explanation", "complaint", "lawsuit",
        "suit", "appeal", "affidavit", "opinion", "assessment", "analysis", "prediction",
    }
)  # fmt: skip


def someone_of_theirs(span: Any) -> bool:
    """Does a possessive speaker ("his wife", "her lawyer") name someone else than the
    possessor, rather than the possessor's words ("his comments")?"""
    root = span.root
    return (
        len(span) > 1
        and root.pos_ == "NOUN"
        and root.i > span[0].i
        and root.lemma_.lower() not in _UTTERANCES
    )


def name_for_a_day(span: Any, cue_start: int | None) -> tuple[int, int] | None:
    """A speaker phrase that is only a day or a time ("Saturday at the state convention
    Sen. Ann Lee said", the day misparsed as the subject) names no one; the person named
    right before the cue (an aside such as "(D-Mass.)" between them) is who speaks. None
    when the phrase is no bare day, or no such name stands there."""
    if cue_start is None or not when_only(span):
        return None
    doc = span.doc
    cue = doc.char_span(cue_start, cue_start + 1, alignment_mode="expand")
    i = cue.start - 1 if cue is not None else -1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(":
            i -= 1
        i -= 1
    if i < 0 or doc[i].ent_type_ != "PERSON" or i < span.end:
        return None
    first = i
    while first > span.end and doc[first - 1].ent_type_ == "PERSON" and doc[first].ent_iob_ != "B":
        first -= 1
    return doc[first].idx, doc[i].idx + len(doc[i].text)


_DAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"today", "yesterday", "tonight", "tomorrow"}
)


def when_only(span: Any) -> bool:
    """Is the speaker phrase only a day ("Saturday", "Tuesday morning", "Today")?"""
    return span[0].lower_ in _DAYS and all(t.ent_type_ in ("DATE", "TIME") for t in span)


# types the tagger gives no person's name, even a mistaken one
_NO_PERSON = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def apposed_name(span: Any) -> tuple[int, int] | None:
    """The PERSON name in apposition to a descriptive speaker phrase, if any."""
    root = span.root
    if root.ent_type_ == "PERSON" or root.pos_ != "NOUN":
        return None
    for child in root.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            tokens = [t for t in child.subtree if t.ent_type_ == "PERSON"]
            first, last = tokens[0], tokens[-1]
            return first.idx, last.idx + len(last.text)
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and child.ent_type_ not in _NO_PERSON
            and not any(t.pos_ == "DET" for t in child.subtree)
            and is_person_noun(root.lower_)
        ):
            # "his longtime partner, Havoc": a person noun's apposed proper name is that
            # person's, whatever type the tagger gave the name; a name with an article is
            # an organisation's or a place's ("A spokesman for the team, the Los Angeles
            # Lakers, said": the spokesman speaks) and a day is no one's ("The lawyer,
            # Monday, said")
            tokens = [t for t in child.subtree if t.pos_ == "PROPN"]
            first, last = tokens[0], tokens[-1]
            if last.i - first.i + 1 == len(tokens):
                return first.idx, last.idx + len(last.text)
    return None


# how English names for a nationality end ("Russian", "Chinese", "British", "Iraqi",
# "Dutch", "Swiss", "Thai", "Greek", "Czech", "Arab", "Filipino")
_DEMONYM_ENDINGS = (
    "an", "ese", "ish", "i", "ch", "ss", "ai", "ek", "ic", "ab", "ino", "ot", "ard",
)  # fmt: skip


def nationality(span: Any) -> bool:
    """ "Russian": a nationality, which names no one who speaks; but "Republicans" is a
    group that does, and "Cuban" is Mark Cuban when the article names him so."""
    if not all(t.ent_type_ == "NORP" for t in span):
        return False
    if any(t.tag_ in ("NNPS", "NNS") for t in span):
        return False
    last = span[-1].text
    if not last.lower().endswith(_DEMONYM_ENDINGS):
        return False  # "Statista", typed a nationality by the tagger, is no demonym
    doc = span.doc
    return not any(
        t.text == last and t.i > 0 and doc[t.i - 1].pos_ == "PROPN" and doc[t.i - 1].is_title
        for t in doc
    )


def head_name(span: Any) -> tuple[int, int] | None:
    """The person's name heading a longer speaker phrase (title, role or apposition
    around it), unless the phrase joins several speakers ("X and Y")."""
    root = span.root
    if root.ent_type_ != "PERSON" or any(t.dep_ == "conj" for t in span):
        return None
    for ent in span.ents:
        if ent.label_ == "PERSON" and ent.start <= root.i < ent.end:
            if len(ent) < len(span):
                return ent.start_char, ent.end_char
            return None
    return None


def titled_name(span: Any) -> tuple[int, int] | None:
    """The capitalised proper nouns that end a speaker phrase after a title ("Russia's
    Defense Minister Anatoly Serdyukov"), when the NER tagged no person there: the name
    speaks, the title says who that is."""
    end = span.end
    if span.root.i != end - 1 or any(t.dep_ in ("conj", "cc") for t in span):
        return None  # "a representative for Mr. Pinchuk", "Trump and Senator Sanders"
    i = end - 1
    while i >= span.start and name_word(span.doc[i]):
        i -= 1
    words = end - 1 - i
    if not 1 <= words <= 3 or i < span.start or span.doc[i].lower_ not in TITLES:
        return None
    first, last = span.doc[i + 1], span.doc[end - 1]
    return first.idx, last.idx + len(last.text)


def name_word(token: Any) -> bool:
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and token.ent_type_ in ("", "PERSON")
        and token.lower_ not in TITLES
    )


def relative_head(doc: Any, who: Any) -> tuple[int, int] | None:
    """ "one activist in Homs, who said": the noun phrase the relative clause modifies."""
    verb = who.head
    if verb.dep_ != "relcl":
        return None
    noun = verb.head
    if noun.ent_type_ in ("GPE", "LOC", "FAC") and noun.dep_ == "pobj" and noun.head.i > 0:
        # "one activist in Homs, who said": a place never speaks; the one who does is the
        # noun phrase just before the place's preposition (wherever the parser hung it)
        before = doc[noun.head.i - 1]
        if before.pos_ in ("NOUN", "PROPN"):
            first = min(t.i for t in before.subtree if t.i <= before.i)
            return doc[first].idx, noun.idx + len(noun.text)
    # the noun phrase without the clauses hung on it: a misparse can hang the relative
    # clause on a sentence's root noun, whose other clauses are no part of a name
    clause = {t.i for c in noun.children if c.dep_ in CLAUSE_DEPS or c == verb for t in c.subtree}
    tokens = [t for t in noun.subtree if t.i not in clause and not (t.is_punct or t.is_space)]
    if not tokens:
        return None
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def description(span: Any) -> bool:
    """ "the activist", "the statement", "that comment": a short common-noun phrase that
    names no one ("the Interfax news agency" and "the US president" name someone)."""
    # a nationality adjective only describes ("the British premier"); a country or a
    # party names someone ("the US president", "the Labour leader")
    return (
        len(span) <= 3
        and span.root.pos_ == "NOUN"
        and not any(t.ent_type_ in ("PERSON", "ORG", "GPE", "FAC") for t in span)
        and not any(t.ent_type_ == "NORP" and t.dep_ != "amod" for t in span)
    )
