"""Clause shapes of reported speech the parse helpers of ``quote_syntax`` ask about: a
report in a relative clause whose subject is the relative pronoun ("a base, which experts
estimate has 50 staff"), a refusal to speak ("declined to comment"), an instruction given
("told X to do Y") and a request reported as an act ("called on Syria to accept")."""

from __future__ import annotations

from typing import Any

from storyline.nlp.spacy_model import doc_text

_RELATIVES = frozenset({"which", "that", "who"})
# longest antecedent (in words) a reported relative clause is shown with; a longer one is
# a clause of its own, and the clause starts at its relative pronoun (PolNeAR's span)
_ANTECEDENT_WORDS = 10
_NOMINAL_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos"})


def antecedent_start(verb: Any, clause: Any) -> int | None:
    """Where the noun phrase a reporting relative clause hangs on starts when the
    relative pronoun is the subject of what was said ("a key Russian naval base, which
    experts estimate has 50 staff": "a key ..."): that phrase is the subject of the
    report, not the bare "which", so the report starts there. (The parser may hang the
    reporting verb on the noun as a clause with "that" as its marker, leaving the
    reported clause without a subject: "a year of fighting that activists say has
    claimed 9,100 lives".)"""
    noun = verb.head
    nominal = noun.pos_ in ("NOUN", "PROPN", "PRON") or noun.dep_ in _NOMINAL_DEPS  # "fighting"
    if noun.i == verb.i or not nominal:
        return None
    if verb.dep_ not in ("relcl", "ccomp", "acl"):
        return None
    relative = verb.left_edge
    if relative.lower_ not in _RELATIVES or relative.i >= verb.i:
        return None
    if relative.dep_ == "mark":
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
            return None  # "the claim that officials said Trump lied": a complement
    elif relative.dep_ not in ("nsubj", "nsubjpass") or relative.head.i != clause.i:
        return None
    first = noun.left_edge.i
    words = [t for t in verb.doc[first : verb.left_edge.i] if not (t.is_punct or t.is_space)]
    if not words or len(words) > _ANTECEDENT_WORDS:
        return None
    return verb.doc[first].idx


_REFUSAL_LEMMAS = {"decline", "refuse"}
# what one declines to do when one says nothing ("declined to comment on the report",
# "refused to say whether"); "refused to concede that critics had a point" says something
_NO_WORDS_LEMMAS = {
    "comment", "say", "elaborate", "speculate", "discuss", "answer", "respond", "confirm",
    "disclose", "specify", "reveal", "identify", "detail", "explain", "give", "provide",
}  # fmt: skip
# of those, the ones that turn down words, the source's own answer ("declined to
# comment"); "refused to give up", "declined to confirm the nominee" turn down an act
_SPEECH_LEMMAS = {
    "comment", "say", "elaborate", "speculate", "discuss", "answer", "respond", "disclose",
    "specify", "reveal", "detail", "explain",
}  # fmt: skip
# what "give" or "provide" hands over when it is words ("declined to give details")
_WORDS_GIVEN = {
    "detail", "details", "information", "comment", "comments", "reason", "reasons", "name",
    "names", "specifics", "figure", "figures", "explanation", "timeline", "estimate",
}  # fmt: skip


def refusal(verb: Any) -> bool:
    """ "declined to comment", "refused to say where", "refused to give up": turning
    down what is in ``_NO_WORDS_LEMMAS``; never part of a report it is joined to ("said X
    and declined to comment")."""
    return _refused(verb) is not None


def refused_words(verb: Any) -> bool:
    """A refusal to speak ("declined to comment", "refused to say whether", "declined to
    give details"): the source's own answer, a quote of its own; a refusal to act
    ("refused to give up", "declined to confirm the nominee") is none."""
    done = _refused(verb)
    if done is None:
        return False
    lemma = done.lemma_.lower()
    if lemma in _SPEECH_LEMMAS:
        return True
    if lemma in ("give", "provide") and not any(c.dep_ == "prt" for c in done.children):
        return any(c.dep_ == "dobj" and c.lower_ in _WORDS_GIVEN for c in done.children)
    return False


def _refused(verb: Any) -> Any | None:
    """What ``verb`` turns down, when it is a refusal of one of ``_NO_WORDS_LEMMAS``."""
    if verb.lemma_.lower() not in _REFUSAL_LEMMAS:
        return None
    for c in verb.children:
        if (
            c.dep_ == "xcomp"
            and c.lemma_.lower() in _NO_WORDS_LEMMAS
            and not any(
                m.dep_ == "mark" and m.lower_ == "that" for g in c.children for m in g.children
            )
        ):
            return c
    return None


def told_to(verb: Any) -> list[Any] | None:
    """ "told Jeb Bush to quiet down", "telling schools to let students choose": an
    instruction given is what was said, the listener with what they are told to do (as
    PolNeAR marks it); not in an article's first line, which the brief shows as the
    story's title (as for other requests, ``request``)."""
    if "\n" not in doc_text(verb.doc)[: verb.idx]:
        return None
    listeners = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    todo = [
        c
        for c in verb.children
        if c.dep_ == "xcomp"
        and c.i > verb.i
        and any(a.lower_ == "to" for a in c.children)
        and not any(a.tag_ in ("WRB", "WP", "WDT") for a in c.children)  # "tell them how to"
    ]
    if not listeners or not todo:
        return None
    return [t for c in (listeners[0], todo[0]) for t in c.subtree]


_REQUEST_LEMMAS = {"call", "urge", "ask", "press", "appeal", "implore", "beg"}


def request(verb: Any) -> bool:
    """A request reported as an action, not as words: the verb's addressee then what they
    should do, in an article's first line ("Russia called on Syria Monday to accept
    demands ...", which the brief takes as the story's title) or as the purpose of
    another act ("flew to Brussels to ask NATO members to exert similar influence": the
    trip's aim, nothing anyone is reported to have said). Elsewhere a request is an
    attribution (PolNeAR marks "asked the network to donate the profits", "called for
    the president to resign")."""
    if verb.lemma_.lower() not in _REQUEST_LEMMAS:
        return False
    if "\n" in doc_text(verb.doc)[: verb.idx] and not _purpose(verb):
        return False
    addressee = any(
        c.dep_ in ("dobj", "dative")
        or (c.dep_ == "prep" and c.lower_ == "on" and any(g.dep_ == "pobj" for g in c.children))
        for c in verb.children
    )
    infinitive = any(
        t.dep_ in ("xcomp", "ccomp", "advcl") and any(a.lower_ == "to" for a in t.children)
        for c in verb.children
        for t in (c, *c.children)
    )
    return addressee and infinitive


def _purpose(verb: Any) -> bool:
    """Is the verb a to-infinitive of purpose hung on another verb ("flew to Brussels to
    ask")?"""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VB"
        and verb.head.i != verb.i
        and verb.head.pos_ == "VERB"
        and any(c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i for c in verb.children)
    )


def infinitive_host(verb: Any) -> Any | None:
    """The verb that has the noun a to-infinitive relative describes ("Manafort had reason
    to know", "a paper had this to say", "Cruz is the only contender to have pledged",
    "gave Beck new impetus to oppose"): the noun is what the infinitive is about, not
    who acts; the one who acts is that verb's indirect object or its subject. None for
    any other relative clause, or a noun that no verb has as object or complement; the
    indirect object itself when the verb has one, and the object of a "for" that gives the
    infinitive its subject ("an opening for Clinton to highlight", any infinitive)."""
    doer = _for_subject(verb)
    if doer is not None:
        return doer
    if verb.dep_ != "relcl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    noun = verb.head
    if noun.dep_ not in ("dobj", "attr") or noun.head.i == noun.i:
        return None
    datives = [c for c in noun.head.children if c.dep_ == "dative"]
    return datives[0] if datives else noun.head


def _for_subject(verb: Any) -> Any | None:
    """The subject a "for" gives a to-infinitive the parser left without one ("created an
    opening for Clinton to highlight her record", "it is time for Congress to act"): the
    object of the "for" that ends right before the "to". Not after a verb's "for" ("called
    for help from the private sector to push back"): what is called for is no speaker."""
    to = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i]
    if not to or to[0].i == 0:
        return None
    last = verb.doc[to[0].i - 1]
    for noun in (last, *last.ancestors):
        if noun.dep_ == "pobj" and noun.head.lower_ == "for":
            ends = noun.right_edge.i == last.i and noun.head.head.pos_ != "VERB"
            return noun if ends else None
    return None


def discourse_said(verb: Any) -> bool:
    """ "That said, Millennials say X", "That being said, ...": a sentence opening on
    "That said," is a connective ("even so"), not a report whose speaker is "That"."""
    doc = verb.doc
    i = verb.i
    if verb.lower_ != "said" or i < 1 or i + 1 >= len(doc) or doc[i + 1].text != ",":
        return False
    first = doc[i - 2] if i >= 2 and doc[i - 1].lower_ == "being" else doc[i - 1]
    return first.text == "That" and (
        first.i == 0 or first.is_sent_start or doc[first.i - 1].is_space
    )


def across_paragraph(verb: Any, subject: Any | None) -> Any | None:
    """'“So we will see how it works.”⏎⏎Sen. Chuck Grassley, facing a challenge, said he
    would welcome Cruz': the parser ran the new paragraph into the quote before it and
    found the verb's subject there; a subject never stands in an earlier paragraph than
    its verb, so the name opening the verb's paragraph is who speaks (None if no noun
    opens it)."""
    if subject is None:
        return None
    doc = verb.doc
    if subject.i >= verb.i:
        return subject
    breaks = [t.i for t in doc[subject.i : verb.i] if "\n" in t.text]
    # (a line break inside a sentence, "a hate⏎crime", is no paragraph's end)
    if not breaks or not _ends_sentence(doc, breaks[-1]):
        return subject
    first = breaks[-1] + 1
    token = doc[first]
    while first <= token.head.i < verb.i and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token if token.pos_ in ("NOUN", "PROPN") and token.i < verb.i else None


def _ends_sentence(doc: Any, space: int) -> bool:
    """Does the line before the line-break token ``space`` end a sentence (a stop, a
    question or exclamation mark, a closing quotation mark)?"""
    i = space - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i >= 0 and doc[i].text[-1:] in ".?!”\"'’:":
        return True
    # a paragraph whose stop was left out ("... before the polls⏎Trump, in Kentucky,
    # said"): the next line opens on a capitalised name, not a sentence's next word
    nxt = doc[space + 1] if space + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title
