"""Parse shapes that decide whether a verb cues a quote and what it reports, split from
``quote_syntax`` (which uses them): a work's credit ("Written by Alvarez, the story
..."), a work as the subject ("the remake boasts"), the perfect "'s" the parser read as a
passive, a closing cue's fronted subject, a relative clause after a quote's closing mark.
spaCy tokens are typed ``Any`` so importing this module does not import spaCy.
"""

from __future__ import annotations

from typing import Any

from storyline.nlp.quote_lexicon import WORKS

# verbs that make a work ("written by", "penned by"), unlike those that report one's words
# ("as reported by Reuters", "asked by Starnes whether")
_AUTHORING = frozenset({"write", "co-write", "cowrite", "pen", "compose", "author", "co-author"})


def is_authors_credit(verb: Any) -> bool:
    """A passive participle that opens or follows a noun with its maker ("Written by
    Alvarez, the story ...", "a song written by Prince"): a credit of who made the work
    the clause describes, with no clause of words reported."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() in _AUTHORING
        and verb.dep_ in ("advcl", "acl")
        and not any(c.dep_ in ("nsubjpass", "auxpass", "ccomp") for c in verb.children)
        and any(c.dep_ == "agent" for c in verb.children)
    )


def is_a_work(subject: Any) -> bool:
    """Is the subject a film, a show, a book's story (``WORKS``) or a title the tagger
    typed a work of art ("Evil Dead offers")?"""
    if subject is None:
        return False
    return subject.lemma_.lower() in WORKS or (
        subject.ent_type_ == "WORK_OF_ART" and subject.pos_ == "PROPN"
    )


def has_not_is(verb: Any) -> bool:
    """ "he's said the same thing at every stop": "'s" before a past participle with an
    object is "has" (the perfect), which the parser took for a passive "is"."""
    children = list(verb.children)
    return (
        any(c.dep_ == "auxpass" and c.lower_ in ("'s", "’s") for c in children)
        and not any(c.lower_ == "been" for c in children)
        and not any(c.dep_ == "nsubjpass" and c.lower_ in ("it", "this", "that") for c in children)
        and any(c.dep_ in ("dobj", "ccomp") for c in children)
    )


_CLOSING_CUES = frozenset({"say", "add", "write", "tell", "note", "argue", "insist"})


def fronted_subject(verb: Any) -> Any | None:
    """'Nothing the president said "will assuage people's fears," the Florida senator
    said.': a closing cue the parser gave two subjects, the reported clause's and its
    own next to it: the first, a comma before the second, heads what was said."""
    subjects = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: c.i)
    if len(subjects) < 2 or verb.i < subjects[-1].i or verb.lemma_.lower() not in _CLOSING_CUES:
        return None
    first, last = subjects[0], subjects[-1]
    end = max(t.i for t in first.subtree)
    between = verb.doc[end + 1 : min(t.i for t in last.subtree)]
    return first if any(t.text == "," for t in between) else None


def relative_after(verb: Any, end: int) -> bool:
    """ "''... all the way through California,'' which votes June 7": a verb whose subject
    is a relative pronoun standing right after a quote's closing mark (at ``end``) says
    something of a noun inside the quote (the relative clause hangs on it), so it is no
    cue of the quote."""
    text = verb.doc.text
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.lower_ in ("which", "who", "that")
        and c.idx >= end
        and not any(ch.isalnum() for ch in text[end : c.idx])
        for c in verb.children
    )
