"""Whether an attribution reports words at all.

PolNeAR's attribution, which the quote eval scores, also credits what someone knows, sees,
finds, decides or wants: "a former FBI director who knows how to leave a paper trail",
"found himself at the center of Beltway drama", "decided to keep a log", "Americans see
the memo". A reader's "who said what" lists words, stances and findings, so such an
attribution is marked *unspoken* and brief.json keeps it. A clause after the verb is
something put in words ("the study found that hunger increases ...", "we know that Trump
asked ...", "many felt the result flattered England"): that is never unspoken. Nor is a
finding, which judges or holds a proposition ("the jury found him guilty", "Eichmann was
found guilty", "investigators found no evidence of bias", "found evidence that the firm
had ..."), unlike finding a thing ("found the bodies") or oneself; and a record ("the
study", "the lawsuit") has no experiences, so what it finds or seeks is words. Acts done
with a thing ("showed little emotion", "offered her a ride", "pleaded guilty") and a
passive's subject with no clause after it ("she was arrested and charged with murder":
she was acted on, she said nothing) are unspoken too.
"""

from __future__ import annotations

from typing import Any

from storyline.lexicon import word_set
from storyline.nlp.quote_syntax import finite

# verbs of perceiving, knowing, deciding and wanting: with no clause after them they
# report an experience or an intention, not words
_UNSPOKEN_CUES = word_set(
    "know learn find see watch hear feel notice discover realize realise understand "
    "decide plan want wish intend consider choose support seek"
    # and of acts that are no words with a thing after them: "showed little emotion",
    # "offered her a ride", "recalled its entire staff", "welcoming visitors", "did not
    # accept walk-in appointments", "charged customers $6,000", "pleaded guilty", "did not
    # respond to a request for comment" (with a clause they report words: "recalled that")
    " show offer recall welcome accept charge plead respond"
)
# a clause's own words even when the tagger misses its finite verb ("found that some of
# the layers ... contain", with "contain" tagged VB)
_SUBJECTS = word_set("nsubj nsubjpass expl csubj")
_MARKS = word_set("that whether if")
# "found himself at the center of", "found itself caught up in": an experience, not a
# finding; nor is a clause whose subject is one of these a thing put in words
_REFLEXIVE = word_set("myself yourself himself herself itself ourselves yourselves themselves")


def unspoken(
    doc: Any,
    kind: str,
    cue: tuple[int, int] | None,
    content: tuple[int, int],
    speaker_kind: str | None = None,
) -> bool:
    """True when an indirect attribution with cue characters ``cue`` and content
    characters ``content`` of ``doc`` is an experience or intention, not words (never
    one whose speaker is a record)."""
    if kind != "indirect" or cue is None or speaker_kind == "record":
        return False
    verb = doc.char_span(*cue, alignment_mode="expand")
    if verb is None:
        return False
    words = doc.char_span(*content, alignment_mode="expand")
    if words is None:
        return False
    if verb.root.lemma_.lower() == "find" and _finding(verb.root, words):
        return False
    if _passive(verb.root):
        # "Ms. Stinson was arrested and charged with murder", "was accused of fraud": the
        # passive's subject is who was acted on, not who spoke; only a clause is words
        return not _clause(words.root)
    if verb.root.lemma_.lower() not in _UNSPOKEN_CUES:
        return False
    return not _clause(words.root)


def _passive(verb: Any) -> bool:
    """Is the cue a passive verb ("was charged", "and charged" sharing a passive's "was")?"""
    if verb.tag_ != "VBN":
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # the second of two passives: "was arrested and charged with" (its "was" is the first's)
    head = verb.head
    return (
        verb.dep_ == "conj"
        and head.tag_ == "VBN"
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children)
    )


def _finding(verb: Any, words: Any) -> bool:
    """Whether "find" with content ``words`` is a finding: found by someone unnamed ("was
    found guilty", "any student found to have violated"), a judgment of someone ("found him
    guilty"), of nothing there ("found no evidence of bias") or a proposition inside
    ("found evidence that the firm had falsified ...")."""
    if words[0].lower_ in _REFLEXIVE:
        return False  # "found himself at the center of", "found itself caught up in"
    if verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
        return True
    root = words.root
    if root.pos_ == "ADJ" and any(c.dep_ in _SUBJECTS and c.lower_ != "it" for c in root.children):
        return True  # "him guilty" ("found it hard to leave" is an experience)
    if root.lower_ in ("nothing", "none") or any(
        c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in root.children
    ):
        return True
    return any(t.dep_ == "mark" and t.lower_ in _MARKS and _clause(t.head) for t in words)


def _clause(root: Any) -> bool:
    """Whether ``root`` heads a clause: a finite verb, a "that" or "whether" opening it,
    or a verb with a subject of its own ("the result flattered England")."""
    if finite(root):
        return True
    children = list(root.children)
    if any(c.dep_ == "mark" and c.lower_ in _MARKS for c in children):
        return True
    return root.pos_ in ("VERB", "AUX") and any(
        c.dep_ in _SUBJECTS and c.lower_ not in _REFLEXIVE for c in children
    )
