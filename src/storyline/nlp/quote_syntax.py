"""Dependency-parse helpers for quote attribution: which tokens are speech and stance
verbs (their lexicon is ``quote_lexicon``), what they report and who says it (the words
naming the speaker are ``speaker_phrase``'s). spaCy tokens are typed ``Any`` so importing
this module does not import spaCy.
"""

from __future__ import annotations

from typing import Any

from storyline.nlp.quote_clauses import (
    antecedent_start,
    infinitive_host,
    refusal,
    refused_words,
    request,
    told_to,
)
from storyline.nlp.quote_lexicon import (
    ATTRIBUTION_NOUNS,
    CLAUSE_ONLY,
    FINDING_DEPS,
    FINDING_ONLY,
    NEEDS_COMPLEMENT,
    NOT_SPEECH,
    STANCE_LEMMAS,
    TELL_LEMMAS,
    speech_verbs,
)
from storyline.nlp.quote_raising import RAISING_LEMMAS, is_raising, spoken_subject
from storyline.nlp.quote_shapes import fronted_subject, has_not_is, is_a_work, is_authors_credit
from storyline.nlp.quote_text import has_sentence_end, trim_span

# stances whose "to" object is what they are about ("said, referring to the convention",
# "pointed to his record"; PolNeAR marks the object)
_TO_LEMMAS = {"refer", "point", "allude", "respond", "react", "object"}
_STANCE_PREPS = {"about", "of", "for", "on", "against", "over", "with"}
# verbs whose "for" object is whom the words are said for, not what they say ("Writing for
# the majority, Justice Kagan held ...", "speaking for the family", "reporting for CNN")
_FOR_WHOM = {"write", "speak", "report", "testify"}
_STANCE_CONTENT_DEPS = {"dobj", "xcomp", "ccomp", "prep", "dative", "oprd", "attr", "prt"}


# tags of a finite verb
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def finite(token: Any) -> bool:
    """Is ``token`` finite, itself or through an auxiliary ("said", "will say", "was told")?"""
    return token.tag_ in FINITE_TAGS or any(
        a.tag_ in FINITE_TAGS for a in token.children if a.dep_ in ("aux", "auxpass")
    )


def is_speech_verb(token: Any) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False  # (asked first: most tokens are no verb, and every test below is)
    verbs = speech_verbs()
    if token.lemma_.lower() in NOT_SPEECH:
        return False
    if token.dep_ in ("xcomp", "ccomp") and request(token.head):
        return False  # "called on Syria to accept demands": what is asked, not said
    if token.dep_ == "xcomp" and refusal(token.head):
        return False  # "refused to say whether": the refusal is the cue, not "say"
    if token.lemma_.lower() in CLAUSE_ONLY and not any(c.dep_ == "ccomp" for c in token.children):
        return False
    if (
        token.lemma_.lower() in FINDING_ONLY
        and token.tag_ == "VB"
        and not any(c.dep_ in FINDING_DEPS for c in token.children)
    ):
        return False  # "could not find a job", "find common ground": nothing found out
    if token.lemma_.lower() in NEEDS_COMPLEMENT and _bare_object(token):
        return False  # "to rule North Korea", "would call me": governing, phoning
    if _bare_object(token) and is_a_work(subject_of(token)):
        return False  # "the remake boasts better production values": has, not says
    if is_authors_credit(token):
        return False  # "Written by Alvarez and Sayagues, the story begins": who made it
    return token.lemma_.lower() in verbs or token.lower_ in verbs or is_stance_verb(token)


def _bare_object(verb: Any) -> bool:
    """The verb takes an object and nothing that makes it a report of words: no clause,
    predicate or preposition, no particle but "up" or "back" ("call me up")."""
    deps = [c.dep_ for c in verb.children]
    if any(c.dep_ == "prt" and c.lower_ in ("up", "back") for c in verb.children):
        return True
    if "dobj" not in deps or set(deps) & (FINDING_DEPS | {"prep", "prt"}):
        return False
    if verb.lemma_.lower() != "call":
        return True
    # "call" names with what follows its object: a lone pronoun object that a clause, an
    # adverb or the sentence's end follows phones ("would call me once I got to my desk")
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1 or objects[0].pos_ != "PRON":
        return False
    after = objects[0].i + 1
    if after >= len(verb.doc):
        return True
    following = verb.doc[after]
    if following.is_quote or following.text in "“‘":
        return False
    return following.dep_ in ("advcl", "mark", "advmod", "npadvmod", "prep", "cc", "punct")


def is_stance_verb(token: Any) -> bool:
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return False  # "a ship called the Professor Katsman" names, it does not attribute
    lemma = token.lemma_.lower()
    return token.pos_ == "VERB" and (
        lemma in STANCE_LEMMAS or (lemma in RAISING_LEMMAS and is_raising(token))
    )


def token_span(tokens: list[Any]) -> tuple[int, int]:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def subject_of(verb: Any) -> Any | None:
    """The token that says: the verb's surface subject (pronouns and "who" included, as
    PolNeAR annotates sources), climbing through participles ("..., saying"), control
    verbs ("urged NATO to order": NATO) and "(was) quoted (X) as saying"."""
    node = _reporting_verb(verb)
    for _ in range(4):
        if node.i != verb.i and node.lemma_ == "quote":
            # "Interfax quoted an official as saying": the official speaks
            quoted = [c for c in node.children if c.dep_ in ("dobj", "nsubjpass")]
            if quoted:
                return quoted[0]
        # the parser sometimes gives a parenthetical cue two subjects ("One of the
        # warships, said Mr Trukhachev, carries..."): the one next to the verb says it
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - node.i))
        for child in node.children:
            if child.dep_ == "nsubjpass":
                if node.lemma_ == "quote" or node.i != verb.i or has_not_is(node):
                    return child
                agents = [a for a in node.children if a.dep_ == "agent"]
                objects = [o for a in agents for o in a.children if o.dep_ == "pobj"]
                return objects[0] if objects else None  # "was criticized (by X)"
        if node.dep_ == "ROOT" and (loose := _loose_subject(node)) is not None:
            return loose
        if main_verb_as_relative(node):
            return node.head
        host = infinitive_host(node)  # "had reason to know", "an opening for X to act"
        if node.dep_ == "relcl" or (host is not None and host.pos_ not in ("VERB", "AUX")):
            if host is None or host.pos_ not in ("VERB", "AUX"):
                return host or node.head
            node = host
            continue
        if node.dep_ == "xcomp" and node.head.i != node.i and _object_control(node.head, node):
            objects = [c for c in node.head.children if c.dep_ in ("dobj", "dative")]
            if objects:
                return objects[0]
        if (
            node.tag_ == "VBG"
            and node.dep_ == "advcl"
            and node.head.dep_ == "ccomp"
            and node.head.head.i < node.head.i
            and is_speech_verb(node.head.head)
            and node.i > 0  # doc[-1] would be the last token
            and node.doc[node.i - 1].text == ","
        ):
            # "he says he would release them Friday, calling them "very boring"", "Mr.
            # Manafort said ..., adding of Mr. Trump, "...": a participle set off by a
            # comma after a reported clause, hung on that clause's verb, goes on with
            # the one reporting it (who reports the clause says the rest too)
            node = node.head.head
            continue
        if node.dep_ == "acl" and node.tag_ == "VBG" and _addressee(node.head):
            # "sent out a text message to supporters saying: ...", "wrote to members
            # urging ...": whom a message goes to does not say it; who sends it does
            target = node.head.head.head
            node = target.head if target.pos_ in ("NOUN", "PROPN") else target
            continue
        if node.dep_ == "advcl" and node.tag_ == "VBG" and (there := _existential(node.head)):
            # "There were also emails that night showing ...": the parser hung the
            # participle on "were"; what there was says it
            return there
        if node.dep_ == "acl" and node.tag_ == "VBG" and _holds_stance(node.head):
            # "ads attacking his rivals", "a speech denouncing Trump", "polls showing Cruz
            # ahead": the noun the participle describes holds the stance (PolNeAR's source)
            return node.head
        if node.dep_ == "acl" and node.tag_ == "VBG" and _issued(node.head):
            # "issued a statement condemning the attack", "sent a letter urging": who
            # issued the statement holds what it says
            node = node.head.head
            continue
        if node.dep_ == "conj" and (stray := _stray_subject(node)) is not None:
            return stray
        if node.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "prep" and node.head.i != node.i:  # "as saying"
            node = node.head
            continue
        break
    return None


def main_verb_as_relative(verb: Any) -> bool:
    """ "A Quinnipiac poll found last week that ...", "Two analysts, A and B, found that
    ...": the parser made the sentence a noun (its root) with a reduced relative clause;
    but a sentence has a main verb, and a verb reporting a clause after that noun is it:
    the noun is its subject, the verb no participle."""
    return (
        verb.dep_ == "acl"
        and (verb.tag_ in FINITE_TAGS or (verb.tag_ == "VBN" and _reports_clause(verb)))
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and verb.head.i < verb.i
    )


def _reports_clause(verb: Any) -> bool:
    return any(c.dep_ == "ccomp" for c in verb.children)


def _loose_subject(verb: Any) -> Any | None:
    """ "About 4 in 10 say X", "Less than a third agreed": a count before a subjectless
    main verb, which the parser hung on the verb as a number's modifier, is its subject."""
    for child in verb.children:
        if child.i < verb.i and child.dep_ in ("nummod", "npadvmod") and child.like_num:
            return child
    return None


def _stray_subject(verb: Any) -> Any | None:
    """ "Many Republicans have said they will not attend and others have said X", "The
    Post will brand you a liar and NBC News will accuse you": the parser hangs the second
    clause's subject on the first clause's object as a conjunct; a noun joined by "and"
    right before the joined verb (its auxiliaries aside) is that verb's own subject."""
    i = verb.i - 1
    doc = verb.doc
    while i >= 0 and doc[i].dep_ in ("aux", "neg", "advmod") and doc[i].head.i == verb.i:
        i -= 1
    if i < 1:
        return None
    noun = doc[i]
    if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or noun.head.i >= noun.i:
        return None
    first = min(noun.subtree, key=lambda t: t.i)
    if first.i < 1 or doc[first.i - 1].lower_ != "and":
        return None
    return noun if noun.head.dep_ not in ("nsubj", "nsubjpass") else None


def _reporting_verb(verb: Any) -> Any:
    """The verb "added" goes with when the parser hung it on what a speech verb before it
    reported ("Perez said it was too early ... but added, “...”", "X insisted it was
    premature ... while adding"): the speaker adds to what they said, so "added" joins
    "said" and its speaker is whoever said, not the subject of the reported clause
    ("it"). Only "add": other verbs there may well be the reported subject's own ("said
    Trump lied and accused him")."""
    clause = verb.head
    if (
        verb.dep_ in ("conj", "advcl")
        and clause.i < verb.i
        and clause.dep_ == "ccomp"
        and clause.head.i < clause.i
        and verb.lemma_.lower() == "add"
        and is_speech_verb(clause.head)
    ):
        return clause.head
    return verb


# verbs whose object does what their to-infinitive says ("urged NATO to act", "asked
# Congress to vote"); after any other verb the infinitive is a purpose its subject has
# ("held a briefing to brag", "are using the bill to portray their opponent")
_OBJECT_CONTROL = frozenset(
    {
        "urge", "ask", "tell", "persuade", "convince", "want", "expect", "allow", "force",
        "encourage", "invite", "order", "call", "press", "push", "beg", "implore",
        "challenge", "dare", "warn", "advise", "require", "need", "help", "get", "lead",
        "cause", "inspire", "prompt", "pressure", "enable", "instruct", "remind",
        "authorize", "permit", "compel", "trust", "like", "prefer", "hate", "love",
        "wish", "leave", "nudge", "recruit", "pay", "hire", "appoint", "elect", "choose",
        "select", "name", "pick", "tap", "nominate", "train", "teach", "believe",
        "consider", "find", "judge", "know", "see", "watch", "hear", "let", "make", "have",
        "beseech", "entreat", "direct", "command", "mandate", "oblige", "set",
    }
)  # fmt: skip


def _object_control(verb: Any, infinitive: Any) -> bool:
    """("had them check the rolls": they check; "had this to say": the subject says it,
    what it has is what is said)"""
    lemma = verb.lemma_.lower()
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children)
    return lemma in _OBJECT_CONTROL and not (lemma == "have" and to)


# what one issues in one's own name, and the verbs one issues it with
_ISSUED_NOUNS = frozenset({"statement", "letter", "memo", "release", "op-ed", "editorial"})
_ISSUE_LEMMAS = frozenset({"issue", "release", "send", "put", "publish", "write", "sign", "pen"})


def _issued(noun: Any) -> bool:
    """Is ``noun`` a statement its verb's subject issued ("released statements", "sent a
    letter")? (A sign, a call or an email that shows something is its own source.)"""
    return (
        noun.dep_ == "dobj"
        and noun.lemma_.lower() in _ISSUED_NOUNS
        and noun.head.lemma_.lower() in _ISSUE_LEMMAS
    )


def _addressee(noun: Any) -> bool:
    """Is ``noun`` whom something is sent or said to ("a message to supporters", "wrote
    to members")? The parser may hang a participle on it that says what was sent."""
    if not (noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.i < noun.i):
        return False
    sent = noun.head.head  # what "to" hangs on: "a message", "wrote", "sent"
    return sent.lemma_.lower() in _MESSAGES | _ISSUE_LEMMAS or is_speech_verb(sent)


# what is sent to someone ("a text message to supporters saying")
_MESSAGES = _ISSUED_NOUNS | {
    "message", "email", "e-mail", "note", "text", "tweet", "post", "mailer", "appeal", "speech",
    "video", "ad", "advertisement", "fundraising", "plea", "call",
}  # fmt: skip


def _existential(verb: Any) -> Any | None:
    """What "there is" says there is ("There were emails"), if ``verb`` is such a "be"."""
    if not any(c.dep_ == "expl" for c in verb.children):
        return None
    things = [c for c in verb.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")]
    return things[0] if things else None


def _holds_stance(noun: Any) -> bool:
    """May the noun a participle describes hold what it says? "candidates blasting X",
    "with polls showing X": yes; but "released a statement saying", "said in an email
    saying": the statement is the subject's, who is the source."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ in ("nsubj", "nsubjpass", "ROOT"):
        return True
    if noun.dep_ in ("attr", "dobj") and any(c.dep_ == "expl" for c in noun.head.children):
        return True  # "there were also emails that night showing", "there is evidence suggesting"
    return noun.dep_ == "pobj" and noun.head.lower_ not in ("in", "through", "via", "on", "by")


def content_of(verb: Any, text: str, stance: bool = False) -> tuple[int, int] | None:
    """The reported clause of a speech verb (its ``ccomp``), or the host clause of a
    parenthetical ", he said" that the parser attached as parataxis. With ``stance``,
    a to-infinitive, a direct object or an "about/of/for" object also count."""
    if verb.lemma_ == "quote" and any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return None  # "quoted X as saying Y": the "saying" clause carries it, X speaks
    if verb.lemma_ == "call" and any(
        c.dep_ == "ccomp" or (c.tag_ == "VBD" and c.dep_ in ("oprd", "xcomp", "dobj"))
        for c in verb.children
    ):
        return None  # "a ship called the Professor Katsman docked": a name, misparsed
    if is_raising(verb):
        if spoken_subject(verb) is not None:
            return None  # "That comment appeared to acknowledge X": the writer's reading
        tokens = list(verb.subtree)
        start, end = trim_span(text, *token_span(tokens))
        while end > start and text[end - 1] in ".!?":
            end -= 1
        return (start, end) if end > start else None
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if stance and clauses and _object_not_clause(verb, clauses):
        clauses = []
    clauses = clauses or question_clauses(verb)
    if clauses:
        # "In a statement released after X suspended his campaign, Cruz said he's certain":
        # the parser hangs a clause of the preamble on the verb too; what was said follows
        # the verb when anything does
        after = [c for c in clauses if c.i > verb.i]
        if after and len(after) < len(clauses):
            # "Mr. Trump intends to ..., Mr. Manafort said, adding .... ''...,'' he
            # continued": a clause the parser ran on past the sentence's stop is the
            # next sentence's, not what this verb (closing its own report) says
            first = min(after[0].subtree, key=lambda t: t.i)
            if has_sentence_end(text[verb.idx + len(verb.text) : first.idx]):
                after = []
        child = after[0] if after else clauses[0]
        tokens = list(child.subtree)
        for other in after[1:]:
            # "said the Iranians released by the United States were close to ...": the
            # parser may split one reported clause into two sibling ccomps (here
            # "released" and "were"); the next one right after the first goes on with it
            if min(t.i for t in other.subtree) == max(t.i for t in tokens) + 1:
                tokens.extend(other.subtree)
        for other in verb.children:
            # "it had co-ordinated an operation": the parser may split a hyphenated verb
            # into sibling clauses or objects; what is glued to the clause (no space
            # between) is the rest of its word and of what was said
            last = max(t.i for t in tokens)
            if other.dep_ == "punct" or other.i <= last:
                continue
            glued = not verb.doc[last].whitespace_
            if glued and min(t.i for t in other.subtree) == last + 1:
                tokens.extend(other.subtree)
        if child.i > verb.i and verb.dep_ == "relcl":
            # "a base, which experts estimate has 50 staff": the relative pronoun hangs
            # on the clause, so its subtree holds the speaker and the verb; what was said
            # is what follows the verb ("what I thought I knew" keeps its "what")
            tokens = [t for t in tokens if t.i > verb.i]
        if child.i > verb.i and (antecedent := antecedent_start(verb, child)) is not None:
            # ... with the subject the relative pronoun stands for in front of it
            return trim_span(text, antecedent, token_span(tokens)[1])
        start, end = token_span(tokens)
        return trim_span(text, start, end)
    if (fronted := fronted_subject(verb)) is not None:
        return trim_span(text, *token_span(list(fronted.subtree)))
    if verb.lemma_ in TELL_LEMMAS:
        # "told the agency (before leaving Moscow) that he felt...": the recipient is not
        # what was said; the that-clause may hang lower in the parse
        marks = [t for t in verb.subtree if t.dep_ == "mark" and t.lower_ == "that"]
        marks = [t for t in marks if t.i > verb.i]
        if marks:  # a that-clause runs to the end of the sentence, whatever its parse
            sentence_end = verb.sent.end_char
            start, end = trim_span(text, marks[0].idx, sentence_end)
            while end > start and text[end - 1] in ".!?":
                end -= 1
            return (start, end) if end > start else None
        if (told := told_to(verb)) is not None:
            return trim_span(text, *token_span(told))
        stance = False  # the listener is never the content; a plain ccomp still is
    if (late := _late_that_clause(verb, text)) is not None:
        return late
    if refusal(verb) and not refused_words(verb):
        return None  # "refused to give up", "declined to confirm the nominee": an act
    if stance and request(verb):
        return None  # "called on Syria to accept", "urged NATO to act": a request, no words
    if stance and (passive := _passive_content(verb)) is not None:
        return trim_span(text, *token_span(passive))
    if stance and (for_to := _for_clause(verb)) is not None:
        return trim_span(text, *token_span(for_to))
    if stance:
        # the stance's object and whatever follows it in the verb phrase: "see X as an
        # opportunity to...", "called on X to retaliate", "expect X to win"
        right = [
            c
            for c in verb.children
            if c.i > verb.i
            and c.dep_ in _STANCE_CONTENT_DEPS
            and not (
                c.dep_ == "prep"
                and c.lower_ not in _STANCE_PREPS
                and c.i == verb.i + 1
                and not (c.lower_ == "to" and verb.lemma_.lower() in _TO_LEMMAS)
            )
            and not (c.dep_ == "prep" and c.lower_ == "for" and verb.lemma_.lower() in _FOR_WHOM)
        ]
        if right:
            tokens = [t for c in right for t in c.subtree]
            first = right[0]
            if first.dep_ == "prep" and first.i == verb.i + 1:
                tokens = [t for t in tokens if t.i != first.i]  # "call for X": X
            if tokens:
                start, end = token_span(tokens)
                return trim_span(text, start, end)
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        host = _host_clause(verb)
        if host:
            start, end = token_span(host)
            return trim_span(text, start, end)
    return None


def _passive_content(verb: Any) -> list[Any] | None:
    """ "Pfizer's tax strategy was assailed by Democrats", "France was named by three
    percent": a passive stance or speech verb with its agent reports on its passive
    subject (the agent holds the stance: ``subject_of``), as an active one on its object."""
    children = list(verb.children)
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in children):
        return None
    if not any(c.dep_ == "agent" for c in children):
        return None
    subjects = [c for c in children if c.dep_ == "nsubjpass" and c.i < verb.i]
    if not subjects or subjects[0].lower_ in ("which", "that", "who", "it"):
        return None
    return list(subjects[0].subtree)


_QUESTION_LEMMAS = frozenset({"ask", "wonder", "question", "inquire", "enquire"})


def question_clauses(verb: Any) -> list[Any]:
    """ "Asked if he was ever bullied, Trump said no", "the actress was asked whether she
    had been discriminated against": the parser hangs an indirect question on "ask" as an
    adverbial clause; it is what was asked, the verb's reported clause."""
    if verb.lemma_.lower() not in _QUESTION_LEMMAS:
        return []
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.i > verb.i
        and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
    ]


def _object_not_clause(verb: Any, clauses: list[Any]) -> bool:
    """ "… are: Hundreds of superdelegates have endorsed Mrs. Clinton", '“…?” Several
    leaders have since denounced Trump's comments': a verb with an object after it and
    clauses only before it (the parser hung the sentence before on it) states a position
    on its object, not on those clauses. (Not "he told reporters": a listener.)"""
    if verb.lemma_.lower() in TELL_LEMMAS or any(c.i > verb.i for c in clauses):
        return False
    return any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children)


def _late_that_clause(verb: Any, text: str) -> tuple[int, int] | None:
    """ "Sanders said following a vote in 2001 that he had concerns": a speech verb with no
    clause of its own whose that-clause, after an adverbial phrase, the parser took for a
    relative clause of the phrase's noun; the clause from "that" to the sentence's end is
    what was said."""
    if verb.lemma_.lower() not in speech_verbs() or verb.lemma_ in TELL_LEMMAS:
        return None
    doc = verb.doc
    if verb.i + 1 >= len(doc) or not (
        doc[verb.i + 1].pos_ == "ADP" or doc[verb.i + 1].tag_ == "VBG"
    ):
        return None  # "repeated the claim that he lied": the object's own clause
    for token in doc[verb.i + 1 : min(verb.i + 10, verb.sent.end)]:
        if token.dep_ == "mark" and token.lower_ == "that":
            clause = token.head
            if clause.dep_ not in ("relcl", "acl") or clause.head.i < verb.i:
                return None
            between = doc[verb.i + 1 : token.i]
            if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" for t in between):
                return None
            start, end = trim_span(text, token.idx, verb.sent.end_char)
            while end > start and text[end - 1] in ".!?":
                end -= 1
            return (start, end) if end > start else None
        if token.is_punct and token.text in ".;:":
            return None
    return None


def _host_clause(verb: Any) -> list[Any]:
    """What a parenthetical cue interrupts ("One of the warships, said Mr Trukhachev,
    carries 25 tanks, but he did not give details"): the host clause without the cue, but
    with a subject the parser hung on the cue before it, and without a clause joined after
    that tells of the speaker as "he"/"she" (the writer's words, not the speaker's)."""
    own = {t.i for t in verb.subtree}
    if verb.i > 0 and verb.nbor(-1).text == ",":  # "One of the warships, said X,"
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < verb.i:
                own -= {t.i for t in child.subtree}
    host = verb.head
    for child in host.children:
        if child.dep_ == "conj" and child.i > verb.i and _tells_of_speaker(child):
            own |= {t.i for t in child.subtree} | {
                c.i for c in host.children if c.dep_ in ("cc", "punct") and verb.i < c.i < child.i
            }
    return [t for t in host.subtree if t.i not in own]


def _tells_of_speaker(clause: Any) -> bool:
    """ "but he did not give details": a joined clause whose subject is a third-person
    pronoun, which in a report interrupted by its cue is the writer speaking of the speaker."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she") for c in clause.children
    )


def _for_clause(verb: Any) -> list[Any] | None:
    """ "Trump called for the president to resign", "is pushing for Congress to act": a
    for-to clause right after the verb, which the parser hangs on it as an adverbial
    clause with "for" as its marker; the clause without "for" is the position."""
    for child in verb.children:
        if child.dep_ != "advcl" or child.i < verb.i:
            continue
        marks = [m for m in child.children if m.dep_ == "mark" and m.lower_ == "for"]
        if not marks or any(
            not t.is_space and t.dep_ != "prt" for t in verb.doc[verb.i + 1 : marks[0].i]
        ):
            continue
        if not any(a.dep_ == "aux" and a.lower_ == "to" for a in child.children):
            continue
        tokens = [t for t in child.subtree if t.i != marks[0].i]
        return tokens or None
    return None


def analysis_subject(verb: Any) -> bool:
    """ "His comments appeared designed to clarify speculation", "The statement seemed to
    rule out": a verb reached through a raising or purpose verb whose subject is an
    utterance (comment, statement) is the writer's reading of those words, not speech;
    the utterance's own reporting verb ("the statement said") still is."""
    subject = subject_of(verb)
    if subject is None or subject.head.i == verb.i:
        return False
    return subject.lemma_.lower() in ATTRIBUTION_NOUNS
