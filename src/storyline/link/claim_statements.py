"""Check-worthy statements of an article, and what the stance step needs of each sentence
(speaker, names, key words, cues): attributed sentences and events naming someone or
somewhere, with what they claim (the reported clause, attribution cut off) and their
subject (never a bare common noun)."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from storyline.clean.embeds import embedded_posts, in_embedded_post
from storyline.clean.junk import is_junk_sentence, is_shouted
from storyline.link.claim_types import (
    NAME_LABELS,
    ClaimArticle,
    Ents,
    SentenceInfo,
    Statement,
    name_key,
)
from storyline.link.stance_denials import denied_moves, done_move
from storyline.model import Span
from storyline.nlp.quotes import Quote

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "one"}
# verbs every attributed sentence has: they say nothing about what two sentences share
_GENERIC_LEMMAS = {"say", "tell", "report", "add", "accord", "be", "have", "do", "make", "go"}
_CLAUSE_BREAK = re.compile(r",\s|;\s|\s--?\s|\s[\u2013\u2014]\s")
_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019 "
_CUE_REACH = 4  # tokens either side of a refuting word or negation that it bears on


def _voice(speaker: str | None) -> str | None:
    if not speaker:
        return None
    words = re.findall(r"[a-z][a-z.\-]*", speaker.lower())
    if not words or (len(words) == 1 and words[0] in _PRONOUNS):
        return None
    return words[-1]


def _content_lemma(tok: Any) -> str | None:
    """A token's key as a content word (its lower-case lemma), or None: names, stop words,
    non-words and generic lemmas carry no content of their own."""
    if tok.ent_type_ in NAME_LABELS or tok.is_stop or not tok.is_alpha:
        return None
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") and lemma not in _GENERIC_LEMMAS:
        return lemma
    return None


def sentence_infos(
    article: ClaimArticle, doc: Any, quotes: Sequence[Quote], ents: Ents
) -> list[SentenceInfo]:
    from storyline.link.stance_features import NEGATION, REFUTE

    sentences = article.sentences or tuple(Span(s.start_char, s.end_char) for s in doc.sents)
    overlapping = _quotes_by_sentence(sentences, quotes)
    out = []
    for n, sentence in enumerate(sentences):
        said = article.text[sentence.start : sentence.end]
        if is_junk_sentence(said) or is_shouted(said):
            # a photo caption, a widget's label, a link: page matter states no claim and
            # backs none ("..., from left, ... announce that two bodies had been found");
            # nor does a line in capitals (closed captions, a banner)
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        quote = _speaker_of(sentence, overlapping.get(n, []))
        speaker = quote.speaker if quote is not None else None
        if speaker is not None and speaker.lower() in _PRONOUNS:
            # a pronoun no rule resolved ("who", "he") names no one: a claim's side shows
            # no speaker rather than "(who)", as who-said-what shows the words, no name
            speaker = None
        named = False  # a voice is someone named: "Lavrov", "Russian media reports"
        if quote is not None and quote.speaker_start is not None and quote.speaker_end is not None:
            who = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
            named = who is not None and any(
                t.ent_type_ in NAME_LABELS or t.pos_ == "PROPN" for t in who
            )
        names: set[str] = set()
        keys: set[str] = set()
        cue_near: set[str] = set()
        refute_near: set[str] = set()
        cue = False
        words: frozenset[str] = frozenset()
        figures: frozenset[str] = frozenset()
        hedged: frozenset[str] = frozenset()
        if span is not None:
            token_keys: dict[int, str] = {}
            for ent in ents.within(span.start_char, span.end_char):
                if ent.label_ in NAME_LABELS:
                    names.add(name_key(ent))
                    for i in range(ent.start, ent.end):
                        token_keys[i] = name_key(ent)
            cues = []
            refutes: set[int] = set()
            for tok in span:
                low = tok.lower_
                if low in REFUTE or (
                    (low in NEGATION or low.endswith(("n't", "n’t"))) and not _denies_nothing(tok)
                ):
                    cues.append(tok.i)
                if low in REFUTE:
                    refutes.add(tok.i)
                lemma = _content_lemma(tok)
                if lemma is not None:
                    keys.add(lemma)
                    token_keys[tok.i] = lemma
            cue = bool(cues)
            words = frozenset(t.lemma_.lower() for t in span if t.is_alpha)
            verbs = [t for t in span if t.pos_ == "VERB"]
            hedged = frozenset(t.lemma_.lower() for t in verbs if _hedged(t)) - frozenset(
                t.lemma_.lower() for t in verbs if not _hedged(t))  # fmt: skip
            figures = frozenset(t.text.replace(",", "") for t in span if t.like_num and any(
                c.isdigit() for c in t.text))  # fmt: skip
            for i in cues:  # what the denial or negation is about: the words around it
                for j in range(i - _CUE_REACH, i + _CUE_REACH + 1):
                    if j in token_keys:
                        cue_near.add(token_keys[j])
                        if i in refutes:
                            refute_near.add(token_keys[j])
        out.append(
            SentenceInfo(
                sentence.start,
                sentence.end,
                speaker,
                _voice(speaker) if named else None,
                frozenset(names),
                frozenset(names | keys),
                cue,
                frozenset(cue_near),
                frozenset(refute_near),
                denied_moves(span, name_key) if cue and span is not None else (),
                figures,
                words,
                hedged,
            )
        )
    return out


# modals of what ought to be: "X should not be filled" is an opinion about an act
_DEONTIC = frozenset({"should", "must", "ought", "shall"})


def _denies_nothing(tok: Any) -> bool:
    """A negation that says nothing did not happen: a question's "whether or not", "not
    only ... but", an opinion of what ought not to be ("this vacancy should not be filled
    by this lame-duck president" does not deny that the White House is considering a
    pick), or the main clause of a condition ("he could not be an independent artist if
    he needed to ask permission" does not deny that he began the work)."""
    doc, i = tok.doc, tok.i
    low = tok.lower_
    question = any(t.lower_ == "whether" for t in doc[max(0, i - 12) : i])
    if low == "not" and i >= 1 and doc[i - 1].lower_ == "or" and question:
        return True
    if low == "not" and i + 1 < len(doc) and doc[i + 1].lower_ == "only":
        return True
    head = tok.head
    if any(c.dep_ == "aux" and c.lower_ in _DEONTIC for c in head.children):
        return True
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in head.children
    )


# modals and verbs of intent that tell an act as possible, planned or ahead
_MAYBE = frozenset({"may", "might", "could", "would", "will", "wo", "shall", "'ll", "\u2019ll"})
_INTENT = frozenset(
    {"plan", "expect", "intend", "threaten", "consider", "want", "hope", "seek", "aim", "vow"}
)


def _hedged(verb: Any) -> bool:
    """Is the verb told only as possible, planned or ahead ("parents may file lawsuits",
    "plans to file", "is expected to approve"), not as done?"""
    if any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT


def _quotes_by_sentence(
    sentences: Sequence[Span], quotes: Sequence[Quote]
) -> dict[int, list[Quote]]:
    """The quotes overlapping each sentence (by index), found by binary search."""

    starts = [s.start for s in sentences]
    out: dict[int, list[Quote]] = defaultdict(list)
    for q in sorted(quotes, key=lambda q: q.start):
        n = max(0, bisect.bisect_right(starts, q.start) - 1)
        while n < len(sentences) and sentences[n].start < q.end:
            if sentences[n].end > q.start:
                out[n].append(q)
            n += 1
    return out


def _speaker_of(sentence: Span, quotes: Sequence[Quote]) -> Quote | None:
    """The quote that says most of the sentence and has a speaker who is a voice (not
    "Comey's political misadventures may offer")."""
    best, overlap = None, 0
    for q in quotes:
        if q.start >= sentence.end:
            break
        shared = min(q.end, sentence.end) - max(q.start, sentence.start)
        if shared > overlap and q.speaker and q.speaker_kind != "other" and not q.unspoken:
            best, overlap = q, shared
    return best


def _quoted_words(span: Any, quotes: Sequence[Quote]) -> list[tuple[int, int]]:
    """The quoted words of a sentence that someone says (the fragments of its quotes with a
    speaker, a quote running on past the sentence included), or none when its attribution
    carries a refuting word or a negation ("Lavrov denied that ...", "did not say ..."):
    then the denial is what the sentence claims, with its words."""
    from storyline.link.stance_features import NEGATION, REFUTE

    ranges = [
        (max(a, span.start_char), min(b, span.end_char))
        for q in quotes
        if q.speaker and not q.unspoken
        for a, b in (q.fragments or ((q.start, q.end),))
        if a < span.end_char and b > span.start_char
    ]
    for t in span:
        low = t.lower_
        cue = low in REFUTE or low in NEGATION or low.endswith(("n't", "n\u2019t"))
        if cue and not any(a <= t.idx < b for a, b in ranges):
            return []
    return ranges


def _quote_in(sentence: SentenceInfo, quotes: Sequence[Quote]) -> Quote | None:
    inside = [q for q in quotes if q.start >= sentence.start and q.end <= sentence.end]
    return max(inside, key=lambda q: q.end - q.start) if inside else None


def statements_of(
    article: ClaimArticle,
    doc: Any,
    quotes: Sequence[Quote],
    infos: Sequence[SentenceInfo],
    fact_sentences: set[int],
    ents: Ents,
) -> list[Statement]:
    """Check-worthy sentences: attributed ones and events, naming someone or somewhere
    (a sentence with a number fact is that fact's claim)."""
    overlapping = _quotes_by_sentence([Span(i.start, i.end) for i in infos], quotes)
    posts = embedded_posts(article.text)  # a tweet shown beside the article claims nothing
    out = []
    for n, info in enumerate(infos):
        if info.start in fact_sentences or not info.names:
            continue
        if in_embedded_post(posts, info.start, info.end):
            continue
        quote = _quote_in(info, overlapping.get(n, []))
        span = doc.char_span(info.start, info.end, alignment_mode="expand")
        if span is None:
            continue
        cue = (quote.cue or "").lower() if quote is not None else ""
        according = cue.startswith("according")
        # "refused to say whether the ships had left" claims nothing of the ships: the
        # sentence (who refused what) is the claim, as a denial's is
        refused = cue.startswith(("declin", "refus"))
        if quote is not None and not info.cue and not according and not refused:
            start, end = _proposition(article.text, quote.start, quote.end)
            if not _is_clause(doc.char_span(start, end, alignment_mode="expand")):
                # "called for an end to violence": the object of a stance verb claims
                # nothing on its own; the sentence says who wants what
                start, end = info.start, info.end
        elif quote is not None or _is_event(span):
            start, end = info.start, info.end  # a denial keeps its words: it is the claim
        else:
            continue
        proposition = article.text[start:end].strip(_QUOTE_CHARS)
        if len(proposition.split()) < 4:
            continue
        subject = _subject(doc, start, end, info, ents)
        if subject:
            claimed = doc.char_span(start, end, alignment_mode="expand")
            move = done_move(claimed, name_key) if claimed is not None else None
            asides = _asides(article.text, start, end)
            # a sentence kept whole (its quoted words carry a negation, or its quote runs
            # on past it) claims what its quoted words say, not who said them where:
            # '"We don't have much at this time," Sgt Riley said at the press conference'
            # is not backed by every sentence naming Riley at a press conference
            quoted: list[tuple[int, int]] = []
            whole = start == info.start and end == info.end and (quote is None or info.cue)
            if whole and not (according or refused):
                quoted = _quoted_words(span, overlapping.get(n, []))
            words = frozenset(
                lemma
                for tok in (claimed if claimed is not None else span)
                if (lemma := _content_lemma(tok)) is not None
                and not any(a <= tok.idx < b for a, b in asides)
                and (not quoted or any(a <= tok.idx < b for a, b in quoted))
            )
            event = _event(claimed) if claimed is not None else frozenset()
            out.append(Statement(article, info, proposition, subject, words, move, event))
    return out


# an aside the writer sets off inside a sentence: between two dashes ("Moonlight – truly
# the year's best picture – was the title inside the envelope") or in brackets
_ASIDE = re.compile(
    r"\s(?:--|[\u2013\u2014])\s[^\u2013\u2014]+?\s(?:--|[\u2013\u2014])\s|\([^()]*\)"
)


def _asides(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The asides of ``text[start:end]``: what they say is the writer's comment or an
    explanation, not what the sentence claims, so no source backs the claim by them
    ("Moonlight has won best picture" does not back "Moonlight – truly the year's best
    picture – was the title inside the envelope they should have been given")."""
    return [m.span() for m in _ASIDE.finditer(text, start, end)]


def _proposition(text: str, start: int, end: int) -> tuple[int, int]:
    """The reported clause without its trailing apposition ("..., a development that")."""
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if len(text[start : m.start()].split()) >= 4:
            return start, m.start()
    return start, end


def _is_clause(span: Any) -> bool:
    """A span headed by a verb ("Russia had no plans"), not a noun phrase ("an end to
    violence", "the regime of dragging its feet")."""
    return span is not None and span.root.pos_ in ("VERB", "AUX")


def _event(span: Any) -> frozenset[str]:
    """What a claim says happened or is so: the lemmas of its main verb, of the verbs
    coordinated with it or reported by it, and, for a copula or a light verb, of its
    complement ("The building was a fake": fake; "said it would file": file)."""
    out: set[str] = set()
    todo, seen = [span.root], set()
    while todo:
        tok = todo.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        lemma = tok.lemma_.lower()
        if tok.pos_ == "VERB" and tok.is_alpha and lemma not in _GENERIC_LEMMAS:
            out.add(lemma)
        elif tok.pos_ in ("VERB", "AUX"):
            out.update(
                c.lemma_.lower()
                for c in tok.children
                if c.dep_ in ("attr", "acomp", "dobj", "oprd")
                and c.pos_ in ("NOUN", "ADJ", "VERB")
                and c.is_alpha
                and not c.is_stop
            )
        todo += [
            c
            for c in tok.children
            if c.dep_ in ("conj", "xcomp", "ccomp")
            and c.pos_ in ("VERB", "AUX")
            and span.start <= c.i < span.end
        ]
    return frozenset(out)


def _is_event(span: Any) -> bool:
    """An event: the main verb's subject names someone or somewhere."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return any(t.ent_type_ in NAME_LABELS or t.pos_ == "PROPN" for t in child.subtree)
    return False


def _subject(doc: Any, start: int, end: int, info: SentenceInfo, ents: Ents) -> str:
    """The claim's grammatical subject ("a Russian military unit"); when that is a pronoun
    or a bare common noun, the claim's speaker, else the names the claim mentions."""
    # a quote's claim is its speaker's: "Lavrov", not the names in it; "Russia has
    # admitted it is ...": Russia
    speaker = (info.speaker or "") if info.voice else ""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return speaker
    root = span.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        # the subject nearest the verb: an earlier one is a misparsed apposition ("According
        # to X, an opposition group based in the UK, the regime launched ...")
        child = min(subjects, key=lambda c: abs(root.i - c.i))
        words = [t for t in doc[child.left_edge.i : child.i + 1] if t.i >= span.start]
        content = [t for t in words if t.pos_ not in ("DET", "NUM", "PUNCT")]
        bare = len(content) == 1 and content[0].pos_ in ("NOUN", "PRON")
        named = _named_phrase(doc, child, span.start) if bare and not speaker else []
        if named and content[0].pos_ == "NOUN":
            words, bare = named, False
        if content and not bare and len(words) <= 8:
            phrase = doc[words[0].i : words[-1].i + 1].text  # not doc.text: rebuilt per call
            return str(phrase).strip(_QUOTE_CHARS)
    if speaker:
        return speaker
    names: list[str] = []
    for ent in ents.within(span.start_char, span.end_char):
        if ent.label_ == "NORP" and ent.root.dep_ == "amod":
            continue  # "the Russian port": an adjective, not what the claim is about
        if ent.label_ in NAME_LABELS and ent.text not in names:
            names.append(ent.text)
    return ", ".join(names[:3])


def _named_phrase(doc: Any, head: Any, first: int) -> list[Any]:
    """A common-noun subject with the name it is "of" ("The port of Tartous in Syria"):
    its whole phrase, when short, verbless and naming something; else nothing."""
    words = list(doc[max(head.left_edge.i, first) : head.right_edge.i + 1])
    if len(words) > 8 or any(t.pos_ in ("VERB", "AUX") or t.text == "," for t in words):
        return []
    if not any(t.ent_type_ in NAME_LABELS for t in words if t.i > head.i):
        return []
    return words
