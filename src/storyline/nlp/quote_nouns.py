"""Positions named by a noun: "his criticism of how the war was run", "the mayor's claim
that ...", "made no mention of ..." (the noun cues of reported speech; ``quote_reported``
adds their drafts to the verbs').

spaCy tokens are typed ``Any`` so importing this module does not import spaCy.
"""

from __future__ import annotations

from typing import Any

from storyline.nlp.quote_draft import Draft
from storyline.nlp.quote_lexicon import ATTRIBUTION_NOUNS, NOUN_CONTENT_PREPS
from storyline.nlp.quote_syntax import subject_of, token_span
from storyline.nlp.quote_text import trim_span, word_count
from storyline.nlp.speaker_phrase import noun_phrase


def nominal_drafts(doc: Any, text: str) -> list[Draft]:
    """A position named by a noun: "his criticism of how the war was run", "questions
    about whether he would run": the object of the noun's preposition is the content
    when it is a clause or a quotation, its owner (if any) the source."""
    drafts = []
    for noun in doc:
        copula = _copula_clauses(noun)
        if copula:
            drafts.extend(_copula_draft(noun, copula[0], text))
            continue
        light = _made_speech(noun)
        if noun.pos_ != "NOUN" or (noun.lemma_.lower() not in ATTRIBUTION_NOUNS and not light):
            continue
        content_preps = NOUN_CONTENT_PREPS | ({"for"} if light else set())
        preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in content_preps]
        objects = [o for p in preps[:1] for o in p.children if o.dep_ in ("pobj", "pcomp")]
        clause = not objects
        objects = objects or _that_clauses(noun)
        if not objects:
            continue
        tokens = list(objects[0].subtree)
        start, end = trim_span(text, *token_span(tokens))
        if end <= start or not (
            light or _said_content(tokens, text[start:end]) or _named_target(noun, objects[0])
        ):
            continue
        speaker = _holder(noun, text, owner_only=clause and not light)
        if speaker is None and clause:
            continue  # "the suggestion that X" with no one holding it: whose, the
            # sentence says elsewhere, if at all
        if speaker is None and word_count(text[start:end]) < 3:
            continue  # "a joint statement on Syria": no one's position, no words of it
        cue = (noun.idx, noun.idx + len(noun.text))
        drafts.append(Draft(start, end, "indirect", speaker=speaker, cue=cue,
                             fragments=[(start, end)]))  # fmt: skip
    return drafts


# what one holds or voices, named as the subject of "is" with the position as its
# complement: "Beck's contention was that ...", "Their fear is that ...", "His answer was
# that ..."
_COPULA_NOUNS = ATTRIBUTION_NOUNS | {
    "contention", "point", "fear", "hope", "view", "belief", "slogan", "refrain", "theory",
    "worry", "thinking", "assessment", "conclusion", "answer", "response", "pitch", "case",
    "bet", "hunch", "expectation", "explanation", "mantra", "motto", "line", "complaint",
}  # fmt: skip


def _copula_clauses(noun: Any) -> list[Any]:
    """The clause a position noun is said to be ("Sanders's point was that the nominee
    would need superdelegates"): the complement clause of the "is" it is the subject of."""
    head = noun.head
    if noun.pos_ != "NOUN" or noun.dep_ != "nsubj" or head.lemma_ != "be":
        return []
    if noun.lemma_.lower() not in _COPULA_NOUNS:
        return []
    return [c for c in head.children if c.dep_ == "ccomp" and c.i > head.i]


def _copula_draft(noun: Any, clause: Any, text: str) -> list[Draft]:
    """The draft of a position named by its owner's noun and "is": the clause is what
    they hold, the owner ("Sanders's", "Their") who; none without an owner ("The
    question is whether ...": whose, the sentence does not say)."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners:
        return []
    start, end = trim_span(text, *token_span(list(clause.subtree)))
    if end <= start or word_count(text[start:end]) < 3:
        return []
    speaker = noun_phrase(owners[0], text, asides=False)
    cue = (noun.idx, noun.idx + len(noun.text))
    return [Draft(start, end, "indirect", speaker=speaker, cue=cue, fragments=[(start, end)])]


# what one makes when one speaks: "made the case for", "made comments about", "made no
# mention of", "made an appeal for", "made the point that"
_MADE_NOUNS = frozenset(
    {
        "case", "point", "comment", "remark", "mention", "appeal", "call", "argument",
        "announcement", "statement", "claim", "allegation", "promise", "pledge",
        "prediction", "accusation", "secret", "pitch", "plea", "threat", "joke",
    }
)  # fmt: skip


def _made_speech(noun: Any) -> bool:
    """Is ``noun`` the object of a light "make" that says someone spoke ("Christie has
    been making the case for weeks that", "Trump made no mention of")? What it is about
    is what was said, a bare noun phrase included, and the subject of "make" said it."""
    return (
        noun.dep_ == "dobj"
        and noun.head.lemma_.lower() == "make"
        and noun.lemma_.lower() in _MADE_NOUNS
        and any(c.dep_ == "nsubj" for c in noun.head.children)
    )


def _that_clauses(noun: Any) -> list[Any]:
    """ "his claim that Obama wants 250,000 refugees", "the warning that prices would
    rise": a that-clause complementing the noun is what the claim says (not a relative
    clause: "the statement that he released", whose "that" is the clause's object)."""
    return [
        c
        for c in noun.children
        if c.dep_ in ("acl", "ccomp")
        and c.i > noun.i
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]


def _said_content(tokens: list[Any], words: str) -> bool:
    """A noun cue's content is a clause ("criticism of how he handled the war") or a
    quotation ('his warning of "grave consequences"'); a bare noun phrase ("criticism of
    Assad", "attacks on the process") names a target, not what was said."""
    if any(c in words for c in '"“”«»'):
        return True
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in tokens)


def _named_target(noun: Any, obj: Any) -> bool:
    """ "Trump's attacks on Curiel", "Clinton's criticism of Sanders' vote": a position
    noun owned by a named person, with a bare noun phrase as its object, is that
    person's stance on the target (PolNeAR marks the target as what was said). Not a
    time ("Mr. Trump's remarks on Monday"), a pronoun ("Clinton's comments about this")
    or an addressee ("Obama's message to Congress"). Not a pronoun owner: whose "his"
    is, the article says elsewhere, and a wrong guess costs the speaker; nor a country's
    or a body's ("Russia's concerns about intervention"), a state of affairs more often
    than words anyone said."""
    if obj.dep_ != "pobj" or obj.head.lower_ == "to":
        return False
    if obj.ent_type_ in ("DATE", "TIME") or obj.pos_ in ("PRON", "DET"):
        return False
    owners = [c for c in noun.children if c.dep_ == "poss"]
    return bool(owners) and owners[0].pos_ == "PROPN" and owners[0].ent_type_ == "PERSON"


def _holder(noun: Any, text: str, owner_only: bool = False) -> tuple[int, int] | None:
    """Who holds the position a noun names: its owner ("his attacks"), the one it is said
    of ("Barney Frank, a fierce critic of"), or the subject of the verb taking it
    ("Trump launched attacks on"). With ``owner_only``, the owner alone: the one who
    repeats or dismisses "the claim that X" is seldom the one who made it."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners:
        return noun_phrase(owners[0], text, asides=False)
    if owner_only:
        return None
    holder = None
    if noun.dep_ == "appos":
        holder = noun.head
    elif noun.dep_ in ("dobj", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        holder = subject_of(noun.head)
    if holder is None or holder.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return noun_phrase(holder, text, asides=False)  # the aside may be the position itself
