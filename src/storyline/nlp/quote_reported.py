"""Reported speech: a speech or stance verb's clause, "according to X" (``quote_sources``),
a position named by a noun (``quote_nouns``: "his criticism of how the war was run");
the second pass of ``nlp.quotes``.

Drafts carry [start, end) offsets into the article text; ``nlp.quotes`` turns them into
``Quote`` records.
"""

from __future__ import annotations

from typing import Any

from storyline.config import QuoteOptions
from storyline.nlp.quote_adjectives import adjective_drafts
from storyline.nlp.quote_clauses import across_paragraph, refusal
from storyline.nlp.quote_draft import Draft, overlap
from storyline.nlp.quote_nouns import nominal_drafts
from storyline.nlp.quote_raising import is_raising, spoken_subject
from storyline.nlp.quote_shapes import relative_after
from storyline.nlp.quote_sources import (
    according_to_drafts,
    before_trailing_attribution,
    hearsay_drafts,
    poll_drafts,
)
from storyline.nlp.quote_syntax import (
    FINITE_TAGS,
    TELL_LEMMAS,
    analysis_subject,
    content_of,
    finite,
    is_speech_verb,
    main_verb_as_relative,
    question_clauses,
    speech_verbs,
    subject_of,
    token_span,
)
from storyline.nlp.quote_text import (
    around_aside,
    clip_to_paragraph,
    find_quote_marks_spans,
    trim_span,
    word_count,
)
from storyline.nlp.speaker_asides import before_dash_aside
from storyline.nlp.speaker_lost import gerund_controller, name_closing_clause
from storyline.nlp.speaker_phrase import noun_phrase


def indirect_drafts(
    doc: Any, text: str, verbs: list[Any], direct: list[Draft], options: QuoteOptions
) -> list[Draft]:
    drafts: list[Draft] = []
    used_cues = {d.cue for d in direct if d.cue}
    reporters: dict[int, Any] = {}  # a report cut from a clause -> the verb reporting it
    # quotations not taken as direct quotes of their own (woven into a clause)
    marked = [
        (s, e)
        for s, e, closed in find_quote_marks_spans(text)
        if closed and not any(overlap((s, e), (d.start, d.end)) for d in direct)
    ]
    for verb in verbs:
        cue = (verb.idx, verb.idx + len(verb.text))
        if any(s <= cue[0] < e for d in direct for s, e in _quoted_parts(d)):
            continue
        if any(d.start <= cue[0] < d.end for d in direct) and not _aside_report(verb):
            continue
        # "..., as The New York Times reported on Tuesday": an "as" clause with nothing
        # reported of its own reports its host, whatever object or time hangs on it
        content = _host_as(verb, text)
        as_host = content is not None
        if content is None:
            content = content_of(verb, text, stance=options.stance)
        if content is None:
            content = _host_before(verb, text)
        if content is None:
            content = _host_around(verb, text)
        if content is not None:
            content = _with_adverbials(verb, content, text)
            content = clip_to_paragraph(text, content, cue[0])
        if content is not None:
            content = _cut_at_next_report(doc, verb, content, text, reporters)
        if content is not None:
            content = _through_open_quote(content, marked, text)
        if content is not None:
            content = before_trailing_attribution(doc, verb, content, text)
        lost = None
        if content is not None and subject_of(verb) is None:
            closing = name_closing_clause(verb, content)
            if closing is not None:
                content, lost = closing
        if cue in used_cues:
            # the verb introduced a quote; if the quote is only a fragment of its reported
            # clause ("said that the campaign was "taking a close look" at..."), the clause
            # is the attribution (PolNeAR's mixed quotes), else the direct quote stands
            quoted = [d for d in direct if d.cue == cue]
            if (
                content is None
                or not quoted
                or not all(
                    content[0] <= d.start
                    and d.end <= content[1]
                    and (content[1] - content[0]) - (d.end - d.start) > 25
                    for d in quoted
                )
            ):
                continue
            for d in quoted:
                d.absorbed = True
        if content is None or (
            word_count(text[content[0] : content[1]]) < options.min_indirect_words
            and not _lone_object(verb, content)
        ):
            continue
        raising = is_raising(verb)
        clause = any(c.dep_ == "ccomp" for c in verb.children) or bool(question_clauses(verb))
        speech = verb.lemma_.lower() in speech_verbs() and content[0] >= cue[1]
        held = subject_of(verb) is not None or (as_host and _agent(verb) is not None)
        if options.stance and not held and not raising and not clause:
            # a stance with no one holding it is just narration; a reported clause is
            # speech even when the parser lost the verb's subject ("Trump summed up
            # Clinton as "terrible," denounced her record and said she should not run")
            continue
        # content mostly inside a direct quote: this verb is that quote's cue, not new speech
        inside = sum(
            overlap(content, f) for d in direct if not d.absorbed for f in _quoted_parts(d)
        )
        if inside > 0.5 * (content[1] - content[0]):
            for d in direct:
                if (
                    d.cue is None
                    and overlap(content, (d.start, d.end))
                    and not relative_after(verb, d.end)
                ):
                    d.cue = cue
                    subject = subject_of(verb)
                    if subject is not None and not (d.start <= subject.idx < d.end):
                        d.speaker = noun_phrase(subject, text)
            continue
        if analysis_subject(verb):
            continue  # "His comments appeared designed to clarify X": the writer's reading
        subject = spoken_subject(verb) if raising else subject_of(reporters.get(verb.i, verb))
        if subject is None and lost is not None:
            subject = lost
        if subject is None:
            subject = gerund_controller(verb)
        before = _cue_before_participle(verb)
        if before is not None:
            subject = subject_of(before)
        passive = any(c.dep_ == "nsubjpass" for c in verb.children)
        if subject is None and not raising and not passive:
            # (not for "X was asked whether ...": X was asked, and by no one named)
            subject = sentence_subject(verb)
        if subject is not None:
            subject = before_dash_aside(subject, verb, text) or subject
        subject = across_paragraph(verb, subject)
        participle = (
            # ("Having announced that ..., Judge Berman proceeded": "having" makes the
            # participle active, its subject the main clause's)
            (
                verb.tag_ == "VBN"
                and verb.dep_ in ("advcl", "acl")
                and not any(c.dep_ == "aux" and c.lower_ == "having" for c in verb.children)
                and not main_verb_as_relative(verb)
            )
            or _opening_asked(verb)
            or _reduced_asked(verb)
        )
        if participle and subject is not None and subject.head != verb:
            subject = None  # "Asked about the polls, he said": he was asked, not asking
        if participle and subject is None:
            subject = _agent(verb)  # "When asked by a reporter whether ...": who asked
        speaker = None
        own_subject = subject is not None and subject.head == verb
        if subject is not None and (own_subject or not content[0] <= subject.idx < content[1]):
            speaker = noun_phrase(subject, text)
        drafts.append(Draft(content[0], content[1], "indirect", speaker=speaker, cue=cue,
                             fragments=around_aside(text, content, cue),
                             reported=clause and speech))  # fmt: skip
    drafts.extend(according_to_drafts(doc, text, direct))
    drafts.extend(poll_drafts(doc, text, {v.i for v in verbs}, direct + drafts))
    drafts.extend(hearsay_drafts(doc, text, {v.i for v in verbs}, direct + drafts))
    if options.stance:
        drafts.extend(nominal_drafts(doc, text))
        drafts.extend(adjective_drafts(doc, text))
    return drafts


def _opening_asked(verb: Any) -> bool:
    """ "Asked what a firm commitment looks like, Devine replied": a sentence opening on
    "Asked" and a comma is a passive participle whatever tag the parser gave it (the
    one asked answers in the main clause; who asked is named by "by" or not at all)."""
    sentence = verb.sent
    return (
        verb.text == "Asked"
        and verb.i == sentence.start
        and any(t.text == "," for t in sentence if t.i > verb.i)
    )


def _reduced_asked(verb: Any) -> bool:
    """ "Mrs. Clinton said ... when asked what Mr. Clinton would do", "McCain said, asked
    about the vagueness": "asked" heading a clause with no subject and no auxiliary of its
    own is a reduced passive whatever tag the parser gave it (VBD as often as VBN): the
    one asked is the main clause's subject, who asked goes unnamed unless "by" names them."""
    return (
        verb.lower_ == "asked"
        and verb.dep_ == "advcl"
        and not any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "aux", "auxpass") for c in verb.children
        )
    )


def _quoted_parts(draft: Draft) -> list[tuple[int, int]]:
    """The stretches of a quote that are its words: a split quote's cue clause between
    its fragments ('"X," said Y, who likened the race to a car crash. "Z."') is the
    writer's, and may hold an attribution of its own."""
    return draft.fragments or [(draft.start, draft.end)]


def _aside_report(verb: Any) -> bool:
    """In a split quote's cue clause, a report of the speaker's own ('"X," he said,
    referring to Y, "Z"', '..., asked whether ...', '..., adding that ...'): a participle
    or a speech verb; not a stance in an aside about the speaker ('said Smith, who
    endorsed Cruz'), which describes rather than reports."""
    if any(c.dep_ == "prt" for c in verb.children):
        return False  # "after Pagliano failed to show up": a phrasal verb, not speech
    if verb.tag_ == "VBG":
        return verb.dep_ != "relcl"  # "who has been challenging X": an aside about them
    return verb.lemma_.lower() in speech_verbs()


def _lone_object(verb: Any, content: tuple[int, int]) -> bool:
    """ "endorsed Cruz", "backed him", "expressed concern": a stance verb's one-word
    object is the position it states (PolNeAR marks it); a particle ("pointed out"), an
    adjective ("pleaded guilty") or a date ("reported Tuesday") is no object."""
    span = verb.doc.char_span(*content, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    return (
        token.head.i == verb.i
        and token.dep_ == "dobj"
        and token.pos_ in ("NOUN", "PROPN", "PRON")
        and token.ent_type_ not in ("DATE", "TIME")
    )


def _agent(verb: Any) -> Any | None:
    """The agent of a passive participle ("asked by a reporter": the reporter)."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def _cue_before_participle(verb: Any) -> Any | None:
    """'"...," he said, adding that the state would ...': a participle set off by a comma
    right after a speech verb goes on with that verb's speaker, wherever the parser hung
    it (here on a verb of the added clause, whose subject is what was said)."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    before = doc[verb.i - 2]
    if verb.head.i == before.i or not is_speech_verb(before):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in before.children):
        return None
    return before


def _through_open_quote(
    content: tuple[int, int], marked: list[tuple[int, int]], text: str
) -> tuple[int, int]:
    """'Murphy said the Trump "train may have left the station. I don't want to be a
    critic."', 'Cruz added that he was the only one "fighting to defend the Constitution.
    I'll tell you this, ..."': a quotation opened inside the reported clause, or woven
    into its end, goes on to its closing mark in the same paragraph; all of it is what
    was said, though the parser's sentence (and so the clause) stopped earlier."""
    start, end = content
    for q_start, q_end in marked:
        if q_end <= end or q_start >= end + 2:
            continue
        inside = start <= q_start < end
        woven = (
            q_start >= end
            and not text[end:q_start].strip()
            and text[q_start + 1 : q_start + 2].islower()
        )
        if (inside or woven) and "\n" not in text[end:q_end]:
            return start, q_end
    return content


def _host_before(verb: Any, text: str) -> tuple[int, int] | None:
    """ "Those who take on heavy debt struggle, even with a good job, he said.": the parser
    cut the sentence before its cue, leaving ", he said" a sentence of its own; the
    clause before the comma, in the same paragraph, is what was said."""
    sent = verb.sent
    subject = subject_of(verb)
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if subject is None or not words or subject.head.i != verb.i or subject.i > verb.i:
        return None
    if words[0].i != subject.left_edge.i or any(t.i < verb.i and t.pos_ == "VERB" for t in words):
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    head = text[: sent.start_char].rstrip(" \t\xa0")
    comma = sent.start_char if text[sent.start_char] == "," else len(head) - 1
    if comma < 0 or text[comma] != "," or sent.start == 0:
        return None
    previous = sent.doc[sent.start - 1].sent
    start = max(previous.start_char, text.rfind("\n", 0, comma) + 1)
    start, end = trim_span(text, start, comma)
    return (start, end) if end > start else None


# what may follow a closing cue inside its own comma stretch: "police said on Tuesday",
# "he told reporters", "said in a statement" (never a clause of its own)
_CUE_TAIL_DEPS = frozenset({"prep", "npadvmod", "advmod", "dative", "dobj", "agent", "nsubj"})
_ABOUT_PREPS = frozenset({"about", "of", "against", "over", "for"})


def _host_around(verb: Any, text: str) -> tuple[int, int] | None:
    """ "As Trump prepared to speak, a girl was pepper-sprayed by a bystander, police
    said.", "The treaty signals the end for the EU, said Geert Wilders.": a speech verb
    set off by a comma with its subject and nothing after it but adverbials reports
    the clause(s) the comma separates it from, wherever the parser hung them (here as
    an adverbial clause of "said"). The cue must take no clause or object of its own
    and what it reports must be finite: "When asked about it, he said" reports nothing."""
    if verb.lemma_.lower() not in speech_verbs():
        return None
    subject = subject_of(verb)
    if subject is None or subject.head.i != verb.i or subject.lower_ in ("who", "which", "that"):
        return None  # ("Clinton, who added to her lead": a relative clause, no cue)
    doc = verb.doc
    sent = verb.sent
    cue = {verb.i} | {t.i for t in subject.subtree}
    for child in verb.children:
        if child.i > verb.i and child.dep_ in _CUE_TAIL_DEPS and child.i != subject.i:
            if child.dep_ == "dobj" and verb.lemma_.lower() not in TELL_LEMMAS:
                return None  # "said something": the object is what was said ("told
                # reporters": the listener)
            if any(t.dep_ == "prep" and t.lower_ in _ABOUT_PREPS for t in child.subtree):
                return None  # "reminded viewers about his job": the topic follows
            cue |= {t.i for t in child.subtree}
        elif child.dep_ in ("aux", "neg", "advmod") and child.i < verb.i:
            cue |= {t.i for t in child.subtree}
    lo, hi = min(cue), max(cue)
    if any(i not in cue and not doc[i].is_space for i in range(lo, hi + 1)):
        return None  # the cue words are not one stretch
    if lo - 1 <= sent.start or doc[lo - 1].text != ",":
        return None
    after = doc[hi + 1] if hi + 1 < sent.end else None
    if after is not None and after.text not in (".", ",", ";", "!", "?") and not after.is_space:
        return None
    # (within the cue's paragraph: the sentence split may run over a line break)
    para_start = text.rfind("\n", 0, verb.idx) + 1
    para_end = text.find("\n", verb.idx)
    para_end = len(text) if para_end < 0 else para_end
    words = [t for t in sent if para_start <= t.idx < para_end and not t.is_space]
    host = [t for t in words if t.i < lo - 1]
    right = [t for t in words if after is not None and after.text == "," and t.i > hi + 1]
    if _finite_clause(right):
        # "Rather than see taxes rise, said Marcia Smith, Teck wants the gap narrowed";
        # not an apposition after the cue ("..., Sanders said, a policy that ..."); a
        # phrase with no verb before the cue is its setting, not what was said ("In an
        # interview, Walker said, "I've had ..."")
        host = host + right if any(t.tag_ in FINITE_TAGS for t in host) else right
    if not host or not any(t.tag_ in FINITE_TAGS for t in host):
        return None
    if _only_subordinate(host):
        return None  # "When he interviewed Clinton, Ramos reminded viewers": a time
    start, end = trim_span(text, *token_span(host))
    while end > start and text[end - 1] in ".!?;":
        end -= 1
    return (start, end) if end > start else None


def _host_as(verb: Any, text: str) -> tuple[int, int] | None:
    """ "As The Daily Caller reported, the show's creator gave $5,000", "as reported by
    Western Journalism, there are 150 delegates at stake", "The deal, as the mayor noted,
    will cost millions": a speech verb in an "as" clause with nothing reported of its own
    reports the clause it hangs on, which is the content (the "as" clause, who said it)."""
    if verb.lemma_.lower() not in speech_verbs() or verb.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children):
        return None
    own = ("ccomp", "xcomp") if verb.lemma_.lower() in TELL_LEMMAS else ("ccomp", "xcomp", "dobj")
    if any(c.dep_ in own for c in verb.children):
        return None  # "as she said goodbye": the clause says what she said
    host = verb.head
    if host.dep_ in ("nsubj", "nsubjpass") and host.pos_ in ("NOUN", "PROPN", "PRON"):
        host = host.head  # "Clinton, as Politico reported, raised": hung on the subject
    if host.pos_ not in ("VERB", "AUX"):
        return None
    aside = {t.i for t in verb.subtree}
    para_start = text.rfind("\n", 0, verb.idx) + 1
    para_end = text.find("\n", verb.idx)
    para_end = len(text) if para_end < 0 else para_end
    words = [
        t
        for t in host.subtree
        if t.i not in aside and para_start <= t.idx < para_end and not (t.is_punct or t.is_space)
    ]
    if not words or not _finite_clause(words):
        return None
    start, end = trim_span(text, *token_span(words))
    return (start, end) if end > start else None


def _only_subordinate(tokens: list[Any]) -> bool:
    """Is the stretch one subordinate clause ("When he interviewed Clinton", "even as
    shares were tumbling"), not a statement? The parser may hang a whole statement under
    its opening "As X prepared to speak," so a second clause with its own subject makes
    it one."""
    inside = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in inside]
    marked = [
        t
        for t in tops
        if any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in t.children)
    ]
    if not marked or len(marked) < len([t for t in tops if t.pos_ in ("VERB", "AUX")]):
        return False
    clauses = [t for t in tokens if any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)]
    return len(clauses) < 2


def _finite_clause(tokens: list[Any]) -> bool:
    """Do the tokens hold a clause of their own: a finite verb heading them?"""
    inside = {t.i for t in tokens}
    tops = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return any(t.pos_ in ("VERB", "AUX") and finite(t) for t in tops)


def _with_adverbials(verb: Any, content: tuple[int, int], text: str) -> tuple[int, int]:
    """ "sought to temper his tone as he drew contrasts", "say they will back Stein unless
    Sanders disavows": an adverbial clause the parser hangs on the reporting verb after
    what was said belongs to it (PolNeAR marks it so); not another report ("..., adding
    that", cut off by ``_cut_at_next_report``)."""
    end = content[1]
    if any(c.dep_ == "nsubjpass" and content[0] <= c.idx < end for c in verb.children):
        return content  # "X was claimed by Y, sparking Z": what was said is the subject
    for child in verb.children:
        if child.idx < content[1] or child.dep_ != "advcl" or is_speech_verb(child):
            continue
        last = max(child.subtree, key=lambda t: t.i)
        end = max(end, last.idx + len(last.text))
    if end == content[1]:
        return content
    start, end = trim_span(text, content[0], end)
    while end > start and text[end - 1] in ".!?":
        end -= 1
    return (start, end)


def _cut_at_next_report(
    doc: Any, verb: Any, content: tuple[int, int], text: str, reporters: dict[int, Any]
) -> tuple[int, int] | None:
    """ "said that X, noting Y", "argued that X, citing Y", "says X promised Y and said
    Z": the parser hangs the next report, a participle or a joined verb, on the reported
    clause; what was said stops before it (the
    next report is an attribution of its own, PolNeAR marks them apart, and keeps the
    speaker of the first)."""
    for token in doc[verb.i + 1 :]:
        if token.idx >= content[1]:
            break
        participle = token.dep_ == "advcl" and token.tag_ == "VBG"
        # "says Machado promised X and said Y": a second report joined to the clause
        joined = token.dep_ == "conj" and (
            token.tag_ in ("VBD", "VBZ", "VBP")
            # "saying X and suggesting Y": a second participle like the reporting one
            or (token.tag_ == "VBG" and verb.tag_ == "VBG")
        )
        if token.idx > content[0] and _trailing_report(token, content):
            # "70 percent said X, while 22 percent said Y": another speaker's report
            # ends the clause; PolNeAR marks the two apart
            cut = token.left_edge.i
            while cut > 0 and doc[cut - 1].lower_ in (",", "and", "but", "while", "whereas"):
                cut -= 1
            start, end = trim_span(text, content[0], doc[cut].idx)
            return (start, end) if end > start else None
        if token.idx <= content[0] or not (participle or joined):
            continue
        # "said the government had not heard of the reports and declined to comment":
        # the reporter's refusal joined to the clause is no part of what was said
        refused = joined and refusal(token)
        if not refused and (token.lemma_ not in speech_verbs() or not is_speech_verb(token)):
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            continue
        # "said that X, noting Y": the one who said X notes Y
        reporters[token.i] = reporters.get(verb.i, verb)
        cut = token.left_edge.i
        while cut > 0 and doc[cut - 1].lower_ in (",", "and", "but", "while", "before", "after"):
            cut -= 1
        start, end = trim_span(text, content[0], doc[cut].idx)
        return (start, end) if end > start else None
    return content


def _trailing_report(token: Any, content: tuple[int, int]) -> bool:
    """Is ``token`` a finite speech verb with its own subject and reported clause, hung
    on the clause as a contrast or a conjunct, whose words run to the end of ``content``
    (a report of its own that closes the clause)?"""
    if token.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    # a contrast ("while 22 percent said") or a joined clause; not a time or reason
    # clause ("when she claimed that"), which belongs to what is reported
    contrast = token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in token.children
    )
    if not (contrast or token.dep_ == "conj"):
        return False
    if token.lemma_.lower() not in speech_verbs() or not is_speech_verb(token):
        return False
    children = list(token.children)
    if not any(c.dep_ == "nsubj" for c in children) or not any(c.dep_ == "ccomp" for c in children):
        return False
    last = token.right_edge
    return last.idx + len(last.text) >= content[1] - 1


def sentence_subject(verb: Any) -> Any | None:
    """ "Trump further summed up Clinton as "terrible," denounced her record and said she
    should not run": a verb the parser left without a subject is said by the subject
    opening its sentence (a noun or name, not "it" or "there"), else by the last person
    named before it ("As part of his plea, Marcel Lehel Lazar, 44, said": the name hung
    on "plea")."""
    person = None
    for token in verb.sent:
        if token.i >= verb.i:
            break
        if (
            token.dep_ == "nsubj"
            and token.pos_ in ("PROPN", "NOUN", "PRON")
            and token.lower_ not in ("it", "there", "this", "that")
        ):
            return token
        if token.ent_type_ == "PERSON" and token.dep_ in ("appos", "nsubj", "nsubjpass"):
            person = token
    return person or _noun_before(verb)


def _noun_before(verb: Any) -> Any | None:
    """ "In an interview with The Post - conducted at his estate - Lewandowski continued
    to assert", "After a day of tensions between two Republicans, Ryan's office
    announced": a long fronted phrase the parser ran on into the subject; a finite main
    verb with no subject has it in the noun phrase right before it (its auxiliaries and
    adverbs, or an aside set off by commas, aside: "Senator Harry Reid, the minority
    leader, said")."""
    doc = verb.doc
    if verb.dep_ != "ROOT" or not finite(verb):
        return None
    i = verb.i - 1
    while i >= 0 and doc[i].head.i == verb.i and doc[i].dep_ in ("aux", "neg", "advmod"):
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0:
        return None
    token = doc[i]
    while token.dep_ == "appos" and token.head.i < token.i:
        token = token.head
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("pobj", "conj", "appos"):
        return None
    return token
