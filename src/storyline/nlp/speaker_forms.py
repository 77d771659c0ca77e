"""Speaker phrases whose form says they name no one a pronoun can mean (``nlp.speakers``):
a dummy "it" ("it's hard to know where donors will go") credits no one with the words,
and an acronym or a web address ("ESPN said", "Factcheck.org") is an organisation, not
the person a later "he" or "she" goes on with; a possessive naming someone else ("his
wife", "her lawyer") is that someone, not the possessor; a day the parser made the
subject ("Saturday at the convention Sen. Lee said") is no one."""

from __future__ import annotations

from typing import Any

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
