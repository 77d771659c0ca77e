"""Who the writer has a report from: "according to X" (its host clause is what X says),
and an attribution trailing a reported clause ("..., according to officials", "...,
he said"), which is no part of what was said."""

from __future__ import annotations

from typing import Any

from storyline.nlp.quote_draft import Draft, overlap
from storyline.nlp.quote_syntax import token_span
from storyline.nlp.quote_text import around_aside, rstrip_offset, trim_span, word_count
from storyline.nlp.speaker_phrase import noun_phrase

_TRAILING_PUNCT = ",;:–—-"


def before_trailing_attribution(
    doc: Any, verb: Any, content: tuple[int, int], text: str
) -> tuple[int, int] | None:
    """ "warned that the removal could lead to chaos – according to officials at the
    summit", "said X would win, he said": the parser may hang a trailing attribution on
    the reported clause; it says who told the writer, not what was said, so the report
    ends before it."""
    span = doc.char_span(*content, alignment_mode="expand")
    if span is None:
        return content
    last = max((t.i for t in span if not (t.is_punct or t.is_space)), default=None)
    if last is None:
        return content
    for token in span:
        if token.i <= verb.i or token.i == span.start:
            continue
        before = doc[token.i - 1]
        if before.text not in _TRAILING_PUNCT:
            continue  # a trailing attribution is set off by a comma or a dash
        if _attribution_tail(token, last, verb) and not _quoting(text, content[0], token.idx):
            start, end = trim_span(text, content[0], before.idx)
            while end > start and text[end - 1] in _TRAILING_PUNCT + " ":
                end -= 1
            return (start, end) if end > start else None
    return content


def _quoting(text: str, start: int, at: int) -> bool:
    """Is ``at`` inside a quotation opened after ``start`` ('that "the driver fired on the
    crowd, according to the police"': the attribution is part of the words quoted)?"""
    stretch = text[start:at]
    return stretch.count("“") > stretch.count("”") or stretch.count('"') % 2 == 1


def _attribution_tail(token: Any, last: int, verb: Any) -> bool:
    """Do the words from ``token`` to ``last`` form an attribution of their own and
    nothing more: "according to X", "X said", "said X", "he added"?"""
    doc = token.doc
    if token.lower_ == "according" and token.i + 1 <= last and doc[token.i + 1].lower_ == "to":
        phrase = {t.i for t in token.subtree} | {t.i for t in doc[token.i + 1].subtree}
        return all(i in phrase or doc[i].is_punct for i in range(token.i, last + 1))
    cues = [
        t
        for t in doc[token.i : last + 1]
        if t.i != verb.i and t.lemma_.lower() in ("say", "add", "tell", "write", "report")
    ]
    if len(cues) != 1:
        return False
    cue = cues[0]
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    own = ("ccomp", "xcomp") if cue.lemma_.lower() == "tell" else ("ccomp", "xcomp", "dobj")
    if not subjects or any(c.dep_ in own for c in cue.children):
        return False  # (what "he told reporters" takes is the listener)
    inside = {cue.i} | {t.i for c in cue.children if c.dep_ != "punct" for t in c.subtree}
    if min(inside) != token.i:
        return False
    return all(i in inside or doc[i].is_punct for i in range(token.i, last + 1))


def according_to_drafts(doc: Any, text: str, direct: list[Draft]) -> list[Draft]:
    """ "according to Interfax": the host clause is the content. ("..., citing X" is a
    stance: its subject cites X, as PolNeAR marks it, so the verb lexicon takes it.)"""
    drafts = []
    for token in doc:
        if not (
            token.lower_ == "according"
            and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ == "to"
        ):
            continue
        to = doc[token.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"] or [
            c for c in token.children if c.dep_ == "pobj"
        ]
        cue = (token.idx, to.idx + len(to.text))
        if not objects:
            continue
        speaker = source_phrase(objects[0], text)
        phrase = {t.i for t in token.subtree} | {t.i for t in to.subtree}
        sentence = token.sent
        phrase |= _source_apposition(sentence, to)
        # (not its closing period nor the line break after it: "..., according to X.\n")
        host = [t for t in sentence if t.i not in phrase and not (t.is_punct or t.is_space)]
        host = _within_brackets(sentence, token, host)
        if not host:
            continue
        start, end = trim_span(text, *token_span(host))
        end = rstrip_offset(text, start, end)
        while end > start and text[end - 1] in ".":
            end -= 1
        if any(overlap((start, end), (d.start, d.end)) > 0.5 * (end - start) for d in direct):
            for d in direct:
                if not overlap((start, end), (d.start, d.end)):
                    continue
                if d.speaker is None:
                    d.speaker, d.cue = speaker, cue
                elif d.source is None and _closes_quote_sentence(text, d, token):
                    # '"...," Bill Clinton said Monday, according to audio provided by
                    # Wyoming Public Radio': the quote stays his, the audio is the
                    # writer's source (PolNeAR's source of the attribution)
                    d.source = speaker
            continue
        if word_count(text[start:end]) < 3:
            continue
        outer = _outer_report(host, token)
        if outer is not None:
            # "Politico reported, according to sources in the meetings, Clinton tried":
            # the report holds the "according to"; its teller is the source
            verb, subject = outer
            rest = [t for t in host if t.i > verb.i and t.lower_ != "that"]
            if rest:
                start, end = trim_span(text, *token_span(rest))
                end = rstrip_offset(text, start, end)
                while end > start and text[end - 1] in ".":
                    end -= 1
                speaker = noun_phrase(subject, text)
                cue = (verb.idx, verb.idx + len(verb.text))
        drafts.append(Draft(start, end, "indirect", speaker=speaker, cue=cue,
                             fragments=around_aside(text, (start, end), cue),
                             according=True))  # fmt: skip
    return drafts


# who a record is from: "data from the Labor Department", "interviews with a dozen party
# leaders" ("a tally by the AP" is in every speaker phrase: ``noun_phrase``)
_MAKER_PREPS = frozenset({"from", "with"})


def _outer_report(host: list[Any], according: Any) -> tuple[Any, Any] | None:
    """A report verb with its own subject that opens the host clause before the "according
    to" ("The AP reported that, according to an analysis, ...", "Politico reported,
    according to sources, ..."): (the verb, its subject), or None."""
    verbs = [t for t in host if t.i < according.i and t.pos_ == "VERB"]
    if not verbs:
        return None
    verb = verbs[0]
    if verb.lemma_.lower() not in _OUTER_VERBS:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    between = verb.doc[verb.i + 1 : according.i]
    # the phrase opens what is reported ("reported, according to X, ..."); one closing
    # the report ("told her that X, according to an account she gave") sources it all
    if not subjects or any(not (t.is_punct or t.lower_ == "that") for t in between):
        return None
    return verb, subjects[0]


# verbs that tell what a source found out ("reported that, according to X, ...")
_OUTER_VERBS = frozenset({"report", "reveal", "say", "write", "tell", "find", "show"})


def _within_brackets(sentence: Any, according: Any, host: list[Any]) -> list[Any]:
    """ "cites his followers as the source (the actual number is closer to 15 percent,
    according to Factcheck.org)": an "according to" inside brackets sources what the
    brackets hold, not the sentence around them."""
    opens = [t.i for t in sentence if t.text == "(" and t.i < according.i]
    if not opens:
        return host
    start = opens[-1]
    closes = [t.i for t in sentence if t.text == ")" and start < t.i]
    if closes and closes[0] < according.i:
        return host  # the brackets close before the phrase
    end = closes[0] if closes else sentence.end
    return [t for t in host if start < t.i < end]


def source_phrase(head: Any, text: str) -> tuple[int, int]:
    """The source an "according to" names, with whoever made the record it names ("an
    analysis by the Pew Research Center", "audio provided by Wyoming Public Radio",
    "interviews with a dozen party leaders"): the maker is the source as much as the
    record, and news writes the two as one phrase."""
    start, end = noun_phrase(head, text)
    for child in head.children:
        if child.i > head.i and child.dep_ == "prep" and child.lower_ in _MAKER_PREPS:
            last = max(child.subtree, key=lambda t: t.i)
            end = max(end, trim_span(text, start, last.idx + len(last.text))[1])
    return start, end


def _closes_quote_sentence(text: str, draft: Draft, according: Any) -> bool:
    """Does the "according to" token ``according`` close the sentence of a fragment of
    the quote ``draft`` (after it and its cue, in the sentence the fragment ends in, no
    line break between), rather than stand inside the quoted words or in a sentence of
    its own?"""
    at = according.idx
    fragments = draft.fragments or [(draft.start, draft.end)]
    if any(start <= at < end for start, end in fragments):
        return False
    ends = [end for _start, end in fragments if end <= at]
    if not ends:
        return False
    last = max(ends)
    return "\n" not in text[last:at] and according.sent.start_char < last


def _source_apposition(sentence: Any, to: Any) -> set[int]:
    """ "According to the Observatory, a monitoring group based in the UK, the regime
    launched ...": the parser takes the source's apposition for a second subject of the
    host verb; two subjects of one verb, the first right after the phrase's comma, make
    the first the source's description, not what was said."""
    last = max(t.i for t in to.subtree)
    if last + 1 >= len(sentence.doc) or sentence.doc[last + 1].text != ",":
        return set()
    subjects = [c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) < 2:
        return set()
    first = min(subjects[0].subtree, key=lambda t: t.i)
    if first.i != last + 2:
        return set()
    return {t.i for t in subjects[0].subtree}


# what measures opinion: "Trump leads in the latest poll" reports what the poll found,
# the way "according to the poll" does
_POLL_NOUNS = frozenset({"poll", "survey"})


# whose point of view a clause is given in: "In his view, X", "In the words of one aide, X"
_VIEW_NOUNS = frozenset({"view", "opinion", "words", "estimation", "judgment", "judgement"})


def _poll_or_owner(noun: Any) -> Any | None:
    """The source an "in" phrase names: a poll itself, or the owner of a point of view
    ("In his view": "his"; "In the words of one aide": "one aide")."""
    lemma = noun.lemma_.lower()
    if lemma in _POLL_NOUNS:
        return noun
    if lemma not in _VIEW_NOUNS:
        return None
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for p in noun.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    return owners[0] if owners else None


def poll_drafts(doc: Any, text: str, verbs: set[int], taken: list[Draft]) -> list[Draft]:
    """ "Clinton led Sanders 56 percent to 32 percent in an early-October CBS News poll",
    "In the latest polls, he doesn't": a clause whose verb stands "in" a poll or survey is
    what the poll found (PolNeAR's attribution, with the poll as its source). Not when
    the verb is itself a cue ("said in a survey") or the clause is already a report, and
    not for a poll that only locates a noun ("the questions in the poll")."""
    drafts = []
    for token in doc:
        if token.lower_ != "in" or token.dep_ != "prep":
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"]
        host = token.head
        source = _poll_or_owner(objects[0]) if objects else None
        if (
            source is None
            or host.pos_ not in ("VERB", "AUX")
            or host.i in verbs
            or host.dep_ in ("acl", "relcl", "amod")
        ):
            continue
        phrase = {t.i for t in token.subtree}
        for child in host.children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                # "Trump leads in the survey, but simple math shows ...": a clause joined
                # to the host is no finding of the poll's
                phrase |= {t.i for t in child.subtree}
        words = [t for t in host.subtree if t.i not in phrase and not (t.is_punct or t.is_space)]
        if not words:
            continue
        start, end = trim_span(text, *token_span(words))
        end = rstrip_offset(text, start, end)
        if word_count(text[start:end]) < 2:
            continue
        if any(overlap((start, end), (d.start, d.end)) > 0.5 * (end - start) for d in taken):
            continue
        speaker = noun_phrase(source, text, asides=False)
        cue = (token.idx, token.idx + len(token.text))
        # (a poll is a source the way "according to" names one)
        drafts.append(Draft(start, end, "indirect", speaker=speaker, cue=cue,
                             fragments=around_aside(text, (start, end), cue),
                             according=True))  # fmt: skip
    return drafts


# adverbs that say the writer has the clause from others, unnamed ("The FBI is reportedly
# making arrangements", "the gun he allegedly used")
_HEARSAY_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "reputedly"})


def hearsay_drafts(doc: Any, text: str, verbs: set[int], taken: list[Draft]) -> list[Draft]:
    """A clause the writer marks as hearsay with "reportedly" or "allegedly" is an
    attribution with no source named (PolNeAR marks the clause, without a source); not
    when the verb is itself a cue ("reportedly said": that report stands)."""
    drafts = _reputation_drafts(doc, text, taken)
    for token in doc:
        if token.lower_ not in _HEARSAY_ADVERBS or token.dep_ != "advmod":
            continue
        host = token.head
        if host.pos_ not in ("VERB", "AUX") or host.i in verbs or host.dep_ not in ("ROOT", "conj"):
            continue  # (a participle's hearsay, "fined for allegedly grabbing", is a detail
            # of the clause it hangs in)
        finite = {"VBD", "VBZ", "VBP", "MD"}
        if host.tag_ not in finite and not any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in finite for c in host.children
        ):
            continue
        words = [t for t in host.subtree if not (t.is_punct or t.is_space)]
        if any(t.i in verbs for t in words):
            continue  # a report inside it ("will reportedly give a speech addressing X")
            # is its own attribution, with its own holder
        if (draft := _sourceless(text, words, token, taken)) is not None:
            drafts.append(draft)
    return drafts


def _reputation_drafts(doc: Any, text: str, taken: list[Draft]) -> list[Draft]:
    """ "Ginsburg is known for speaking her mind", "a state known for rewarding moderates":
    a reputation the writer reports, held by no one named (PolNeAR marks the clause, or
    the noun with what it is known for, without a source); not "known as" (a name) nor
    "known by" anyone."""
    drafts = []
    for token in doc:
        if token.lemma_.lower() != "know" or token.tag_ != "VBN":
            continue
        if not any(c.dep_ == "prep" and c.lower_ == "for" for c in token.children):
            continue
        if any(c.dep_ == "agent" for c in token.children):
            continue
        if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN"):
            words = [*token.head.lefts, token.head, *token.subtree]
        elif any(c.dep_ == "auxpass" for c in token.children):
            words = list(token.subtree)
        else:
            continue
        # (within its paragraph: the parse may run a heading into the sentence)
        lo = text.rfind("\n", 0, token.idx) + 1
        hi = text.find("\n", token.idx)
        hi = len(text) if hi < 0 else hi
        words = [t for t in words if lo <= t.idx < hi and not (t.is_punct or t.is_space)]
        if not words:
            continue
        if (draft := _sourceless(text, words, token, taken)) is not None:
            drafts.append(draft)
    return drafts


def _sourceless(text: str, words: list[Any], cue: Any, taken: list[Draft]) -> Draft | None:
    """An attribution with no source named over ``words`` (hearsay, a reputation), cued by
    ``cue``: none under three words, nor one mostly inside a draft already ``taken``."""
    start, end = trim_span(text, *token_span(words))
    if word_count(text[start:end]) < 3:
        return None
    if any(overlap((start, end), (d.start, d.end)) > 0.5 * (end - start) for d in taken):
        return None
    at = (cue.idx, cue.idx + len(cue.text))
    return Draft(start, end, "indirect", cue=at, fragments=[(start, end)])


def quoting_teller(doc: Any, draft: Draft, text: str) -> None:
    """ "CNN quoted an American witness as saying he saw ...", "An early tweet quoted the
    president as saying “...”": the witness speaks, and the one who quoted them is who the
    writer has it from (the report's source, as with "according to CNN"); a passive "was
    quoted as saying" names no teller."""
    if draft.source is not None or draft.cue is None:
        return
    cue = doc.char_span(*draft.cue, alignment_mode="expand")
    if cue is None or len(cue) != 1:
        return
    verb = cue[0]
    if verb.lemma_.lower() not in ("say", "tell", "write") or verb.dep_ != "pcomp":
        return
    prep = verb.head
    quote = prep.head
    if prep.lower_ != "as" or quote.lemma_.lower() != "quote":
        return
    tellers = [c for c in quote.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
    if tellers:
        draft.source = noun_phrase(tellers[0], text)


def polled_share(doc: Any, draft: Draft, text: str) -> None:
    """ "In a September Washington Post-ABC News poll, 75 percent of Republicans said X":
    a share of those polled speaks only through the poll, which is who the writer has it
    from (the report's source); the share stays the speaker."""
    if draft.source is not None or draft.cue is None or draft.speaker is None:
        return
    cue = doc.char_span(*draft.cue, alignment_mode="expand")
    if cue is None or len(cue) != 1 or cue[0].lemma_.lower() not in ("say", "tell"):
        return
    verb = cue[0]
    polls = [
        o
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for o in p.children
        if o.dep_ == "pobj" and o.lemma_.lower() in _POLL_NOUNS
    ]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not polls or not subjects or not _share(subjects[0]):
        return
    draft.source = source_phrase(polls[0], text)


def _share(subject: Any) -> bool:
    """ "75 percent of Republicans", "31% of voters", "Six in 10", "a majority": a part of
    those polled, counted."""
    words = [t for t in subject.subtree]
    return any(t.like_num or t.lower_ in ("percent", "%", "majority", "half") for t in words)
