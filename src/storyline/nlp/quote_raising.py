"""Raising verbs in attribution: "Trump seems to enjoy the fight", "is expected to vote":
an attribution with no one holding it, unless its subject names something said ("That
comment appeared to acknowledge"). spaCy tokens are typed ``Any``."""

from __future__ import annotations

from typing import Any

from storyline.nlp.quote_lexicon import ATTRIBUTION_NOUNS, STANCE_LEMMAS, speech_verbs

RAISING_LEMMAS = {"seem", "appear"}


def is_raising(verb: Any) -> bool:
    """ "Trump seems to enjoy the fight", "The committee is expected to vote next week": an
    attribution with no one holding it (PolNeAR marks the whole clause, without a
    source): the subject is part of what is said, not who says it."""
    if verb.lemma_.lower() in RAISING_LEMMAS and any(_seeming(c) for c in verb.children):
        return True
    if not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    # a passive speech verb with no agent: "is expected to", "is said to", "is thought to"
    return any(c.dep_ == "auxpass" for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    )


def _seeming(child: Any) -> bool:
    """What a thing seems when it is no clause of its own ("seemed equally unperturbed",
    "seemed like an impossible task", "it seems Trump will win"): a report or stance
    inside it ("seemed hopeful that", "appeared poised to reconcile") is its own
    attribution, with its own holder."""
    if child.dep_ == "xcomp":
        return True  # "seemed to shrink"
    verb = child.head
    if verb.lemma_.lower() != "seem":
        return False  # "appeared cowed", "appeared on CNN": how one looked, not a reading
    if not (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")):
        return False  # inside someone's report ("she said the vote seems anti-Trump")
    words = speech_verbs() | STANCE_LEMMAS
    if any(t.i != verb.i and t.pos_ == "VERB" and t.lemma_.lower() in words for t in verb.subtree):
        return False  # "While Ramos said that X, he appears uneasy": that report stands
    around = [c for c in verb.children if c.dep_ not in ("nsubj", "nsubjpass")]
    if any(t.dep_ == "prep" and t.lower_ == "to" for c in around for t in c.subtree):
        return False  # "seems credible to the public": the public holds the view
    if child.dep_ == "ccomp":
        return any(c.dep_ == "expl" for c in verb.children)  # "it seems (that) X"
    if not (
        child.dep_ in ("acomp", "attr", "oprd") or (child.dep_ == "prep" and child.lower_ == "like")
    ):
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in child.subtree if t is not child)


def spoken_subject(verb: Any) -> Any | None:
    """The subject of a raising verb when it names something said ("That comment appeared
    to acknowledge", "The statement seemed to rule out"): it is the source, the rest what
    was said."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in ATTRIBUTION_NOUNS:
            return child
    return None
