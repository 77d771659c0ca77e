"""A story's check-worthy claims, and where its independent sources agree or contradict.

Two kinds of claims:

- **number facts** (``storyline.nlp.facts``): same counted thing (head noun, with a few
  synonyms such as lives/people), same unit and same time scope (the dates named in the
  sentence). Equal values (allowing "more than"/"about") agree; different values given by
  different sources contradict.
- **statements**: every sentence that is attributed (someone said, denied, announced it:
  ``storyline.nlp.quotes``) or reports an event (its main verb's subject names someone or
  somewhere), with what it claims (the reported clause, the attribution cut off), who
  says it (the speaker), and its key terms (names and content lemmas). Each independent
  source then gets a stance toward each statement from the stance engine
  (``storyline.link.stance``): ``agree`` when its article, read whole, agrees with the
  claim and the sentence that decides it is aligned with the claim; ``disagree`` when one
  of its sentences aligned with the claim carries a refuting or negating cue and the
  engine, reading that sentence, says ``disagree`` with a high score (a lower one when the
  sentence denies a plan to make the move the claim reports done: ``stance_denials``).
  No topic lexicon.

A claim is ``contradicted`` when a side disagrees with the deciding sentence cited on both
sides, ``corroborated`` when two or more independent sources assert or agree, else
``single-source``. Sources are the caller's independent-source keys (syndicated copies
collapsed). An outlet never contradicts itself: two sentences of one source oppose each
other only when the article attributes them to two different speakers (Lavrov denies what
"Russian media reports said"), never in its own voice. Every side carries article id and
offsets that slice the article.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyline.config import ClaimOptions
from storyline.link.stance_denials import Move, denied_moves, denies_move, done_move
from storyline.model import Article, Span
from storyline.nlp.facts import Fact, facts_in_docs
from storyline.nlp.quotes import Quote

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClaimArticle:
    """What the aligner needs from an article; ``source`` is its independent-source key."""

    id: str
    text: str
    sentences: tuple[Span, ...]
    source: str
    copy: bool = False  # a syndicated copy: offers its facts, judges no claim

    @classmethod
    def from_article(cls, article: Article, source: str | None = None) -> ClaimArticle:
        key = source or article.outlet or article.publisher or article.duplicate_of or article.id
        return cls(
            article.id,
            article.text,
            tuple(article.sentences),
            key,
            article.duplicate_of is not None,
        )


@dataclass(frozen=True)
class ClaimSide:
    article: str
    source: str
    start: int  # the cited sentence
    end: int
    text: str
    stance: str  # "asserts" (states the claim) | "agree" | "disagree"
    score: float | None = None  # the stance engine's probability, when it decided
    speaker: str | None = None  # who the article attributes the sentence to
    value: float | None = None
    value_start: int | None = None  # the number phrase, for facts
    value_end: int | None = None


@dataclass
class AlignedClaim:
    id: str
    kind: str  # "fact" | "statement"
    subject: str  # what the claim is about: "people killed", "a Russian military unit"
    text: str  # the claim as first stated
    status: str  # "corroborated" | "single-source" | "contradicted"
    sources: list[str]
    sides: list[ClaimSide] = field(default_factory=list)  # asserting or agreeing
    opposing: list[ClaimSide] = field(default_factory=list)  # disagreeing


# counted nouns that count the same thing
_COUNT_SYNONYMS = {"life": "people", "person": "people", "casualty": "people", "death": "people"}
_NATIONALITIES = {
    "british": "britain",
    "chinese": "china",
    "french": "france",
    "turkish": "turkey",
    "israeli": "israel",
    "iraqi": "iraq",
    "iranian": "iran",
    "soviet": "soviet union",
    "u.s.": "us",
    "american": "us",
    "united states": "us",
    "u.s": "us",
}
_NAME_LABELS = {"GPE", "NORP", "LOC", "ORG", "PERSON", "FAC", "EVENT", "PRODUCT", "LAW"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "this", "one"}
# verbs every attributed sentence has: they say nothing about what two sentences share
_GENERIC_LEMMAS = {"say", "tell", "report", "add", "accord", "be", "have", "do", "make", "go"}
_CLAUSE_BREAK = re.compile(r",\s|;\s|\s--?\s|\s[\u2013\u2014]\s")
_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019 "
_CUE_REACH = 4  # tokens either side of a refuting word or negation that it bears on
_SMALL_NUMBER_WORDS = {"one", "two", "both", "a", "an", "single"}


def _place_key(text: str) -> str:
    t = text.lower().strip()
    if t.startswith("the "):
        t = t[4:]
    t = re.sub(r"['\u2019]s$", "", t)
    if t in _NATIONALITIES:
        return _NATIONALITIES[t]
    if t.endswith("ian") or t.endswith("an"):  # Russian -> russia, Syrian -> syria
        return t[:-1]
    return t


def _name_key(ent: Any) -> str:
    if ent.label_ == "PERSON":  # "Sergei Lavrov", "Lavrov", "Mr Lavrov" -> lavrov
        return str(ent.text.split()[-1]).lower().strip(".'\u2019s")
    return _place_key(ent.text)


@dataclass(frozen=True)
class SentenceInfo:
    """One sentence as the stance step needs it: who says it, what it names, its cues."""

    start: int
    end: int
    speaker: str | None  # the attributed speaker as written
    voice: str | None  # its key ("lavrov"); None for the outlet's own voice or a pronoun
    names: frozenset[str]  # keys of the names it mentions
    keys: frozenset[str]  # names and content lemmas
    cue: bool  # carries a refuting word or a negation
    cue_near: frozenset[str] = frozenset()  # keys within _CUE_REACH tokens of a cue
    denied: tuple[Move, ...] = ()  # planned moves it denies ("no plans to send troops to X")


@dataclass(frozen=True)
class Statement:
    """A check-worthy sentence and what it claims."""

    article: ClaimArticle
    sentence: SentenceInfo
    proposition: str  # what is claimed (attribution cut off), the stance engine's claim
    subject: str
    move: Move | None = None  # the move it reports as done ("a unit had arrived in X")


@dataclass(frozen=True)
class ClaimCandidates:
    """What one article offers to claim alignment, read from its parse once: its number
    facts with their (counted thing, unit, time scope) keys, its check-worthy statements,
    and every sentence's speaker, names and cues (what the stance step compares)."""

    article: ClaimArticle
    facts: tuple[tuple[tuple[str, str, frozenset[str]], Fact], ...]
    statements: tuple[Statement, ...]
    sentences: tuple[SentenceInfo, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """One independent source's stance toward one statement, with its deciding sentence."""

    claim: tuple[str, int]  # (article id, sentence start) of the statement
    side: ClaimSide


StanceFn = Callable[[list[tuple[str, str]]], list[Any]]


def _default_stance(pairs: list[tuple[str, str]]) -> list[Any]:
    from storyline.link.stance import stance_many

    return stance_many(pairs)


def align_claims(
    articles: Sequence[ClaimArticle],
    options: ClaimOptions | None = None,
    model: str = "en_core_web_sm",
) -> list[AlignedClaim]:
    """Claims of ``articles`` with every independent source's stance, sorted
    deterministically (parses the articles; the brief does this per article in steps)."""
    options = options or ClaimOptions()
    if not articles:
        return []
    from storyline.nlp.quotes import quotes_from_doc
    from storyline.nlp.spacy_model import load_pipeline, parse_input

    nlp = load_pipeline(model)
    docs = list(nlp.pipe([parse_input(nlp, a.text) for a in articles], batch_size=16))
    facts = facts_in_docs(docs, [list(a.sentences) for a in articles])
    candidates = [
        claim_candidates(a, doc, fs, quotes_from_doc(doc))
        for a, doc, fs in zip(articles, docs, facts, strict=True)
    ]
    statements = [s for c in candidates for s in c.statements]
    verdicts = [v for c in candidates for v in judge_claims(c, statements, options)]
    return align_candidates(candidates, options, verdicts)


def claim_candidates(
    article: ClaimArticle, doc: Any, facts: Sequence[Fact], quotes: Sequence[Quote] = ()
) -> ClaimCandidates:
    ents = _Ents(doc)  # Span.ents walks the whole Doc: read its entities once
    keyed = []
    for fact in facts:
        key = _fact_key(fact, doc, ents)
        if key is not None:
            keyed.append((key, fact))
    infos = _sentence_infos(article, doc, quotes, ents)
    if article.copy:  # a copy's statements are its original's
        return ClaimCandidates(article, tuple(keyed), (), ())
    fact_sentences = {f.sentence_start for _, f in keyed}
    statements = _statements(article, doc, quotes, infos, fact_sentences, ents)
    return ClaimCandidates(article, tuple(keyed), tuple(statements), tuple(infos))


def align_candidates(
    candidates: Sequence[ClaimCandidates],
    options: ClaimOptions | None = None,
    verdicts: Sequence[Verdict] = (),
) -> list[AlignedClaim]:
    """Claims from the articles' candidates and the sources' verdicts, sorted
    deterministically: contradicted, corroborated, single-source."""
    options = options or ClaimOptions()
    out = _align_facts(candidates, options)
    out.extend(_statement_claims([s for c in candidates for s in c.statements], verdicts))
    out.sort(key=lambda c: (_STATUS_ORDER[c.status], c.kind, c.subject, c.id))
    return out


_STATUS_ORDER = {"contradicted": 0, "corroborated": 1, "single-source": 2}


# --- facts ---------------------------------------------------------------------------


class _Ents:
    """A Doc's entities in text order, found per span by binary search."""

    def __init__(self, doc: Any) -> None:
        self.ents = list(doc.ents)
        self.starts = [e.start_char for e in self.ents]

    def within(self, start: int, end: int) -> list[Any]:
        import bisect

        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.ents) and self.ents[i].start_char < end:
            if self.ents[i].end_char <= end:
                out.append(self.ents[i])
            i += 1
        return out


def _fact_key(
    fact: Fact, doc: Any, ents: _Ents | None = None
) -> tuple[str, str, frozenset[str]] | None:
    """(counted thing, unit, time scope) or None when the fact counts nothing citable."""
    if fact.counted is None and fact.unit is None:
        return None
    if fact.unit is None and fact.text.lower() in _SMALL_NUMBER_WORDS:
        return None  # "the two sides", "one activist": a determiner, not a figure to check
    head = ""
    if fact.counted_start is not None and fact.counted_end is not None:
        span = doc.char_span(fact.counted_start, fact.counted_end, alignment_mode="expand")
        if span is not None and len(span):
            lemma = span.root.lemma_.lower()
            head = _COUNT_SYNONYMS.get(lemma, lemma)
            if fact.verb in ("kill", "claim") and head in ("people", "civilian"):
                head = "people killed"
    if not head and fact.unit:
        head = f"amount ({fact.verb or 'value'})"
    ents = ents or _Ents(doc)
    within = ents.within(fact.sentence_start, fact.sentence_end)
    dates = frozenset(e.text.lower() for e in within if e.label_ == "DATE")
    return head, fact.unit or "", dates


def _agree(a: Fact, b: Fact, tolerance: float) -> bool:
    lo_a, hi_a = _range(a)
    lo_b, hi_b = _range(b)
    return bool(lo_a <= hi_b * (1 + tolerance) and lo_b <= hi_a * (1 + tolerance))


def _range(f: Fact) -> tuple[float, float]:
    if f.value_max is not None:
        return f.value, f.value_max
    m = f.modifier or ""
    if m in ("more than", "over", "at least"):
        return f.value, float("inf")
    if m in ("less than", "fewer than", "under", "at most", "up to"):
        return 0.0, f.value
    if m in ("about", "around", "approximately", "roughly", "some", "nearly", "almost"):
        return f.value * 0.9, f.value * 1.1
    return f.value, f.value


def _fact_subject(key: tuple[str, str, frozenset[str]], fact: Fact, text: str) -> str:
    """What is counted, never a bare common noun: "people killed", "contingent of
    marines", "tanks (Trukhachev)"; the time scope in brackets."""
    head = key[0]
    counted = (fact.counted or "").strip()
    if len(head.split()) >= 2:
        subject = head
    elif len(counted.split()) >= 2:
        subject = counted
    else:
        subject = f"{counted or head} ({fact.verb or fact.text})"
    if key[2]:
        subject += f" [{', '.join(sorted(key[2]))}]"
    return subject


def _align_facts(
    candidates: Sequence[ClaimCandidates], options: ClaimOptions
) -> list[AlignedClaim]:
    groups: dict[tuple, list[tuple[ClaimArticle, Fact]]] = defaultdict(list)
    for found in candidates:
        for key, fact in found.facts:
            groups[key].append((found.article, fact))
    out = []
    for key in sorted(groups, key=lambda k: (k[0], k[1], sorted(k[2]))):
        # readings: members whose values agree with each other
        readings: list[list[tuple[ClaimArticle, Fact]]] = []
        for article, fact in groups[key]:
            for reading in readings:
                if _agree(reading[0][1], fact, options.value_tolerance):
                    reading.append((article, fact))
                    break
            else:
                readings.append([(article, fact)])
        # the reading backed by the most sources leads
        readings.sort(key=lambda r: -len({a.source for a, _ in r}))
        main, others = readings[0], readings[1:]
        main_sources = {a.source for a, _ in main}
        # another source's different value contradicts; an outlet never contradicts itself
        opposing = [r for r in others if len(main_sources | {a.source for a, _ in r}) >= 2]
        alone = [r for r in others if r not in opposing]
        for reading, against in [(main, [m for r in opposing for m in r])] + [
            (r, []) for r in alone
        ]:
            first_article, first = reading[0]
            subject = _fact_subject(key, first, first_article.text)
            out.append(
                _claim(
                    "fact",
                    subject,
                    [_fact_side(a, f, "asserts") for a, f in reading],
                    [_fact_side(a, f, "disagree") for a, f in against],
                )
            )
    return out


def _fact_side(article: ClaimArticle, fact: Fact, stance: str) -> ClaimSide:
    s, e = fact.sentence_start, fact.sentence_end
    return ClaimSide(
        article.id,
        article.source,
        s,
        e,
        article.text[s:e],
        stance,
        value=fact.value,
        value_start=fact.start,
        value_end=fact.end,
    )


# --- statements ----------------------------------------------------------------------


def _voice(speaker: str | None) -> str | None:
    if not speaker:
        return None
    words = re.findall(r"[a-z][a-z.\-]*", speaker.lower())
    if not words or (len(words) == 1 and words[0] in _PRONOUNS):
        return None
    return words[-1]


def _sentence_infos(
    article: ClaimArticle, doc: Any, quotes: Sequence[Quote], ents: _Ents
) -> list[SentenceInfo]:
    from storyline.link.stance_features import NEGATION, REFUTE

    sentences = article.sentences or tuple(Span(s.start_char, s.end_char) for s in doc.sents)
    overlapping = _quotes_by_sentence(sentences, quotes)
    out = []
    for n, sentence in enumerate(sentences):
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        quote = _speaker_of(sentence, overlapping.get(n, []))
        speaker = quote.speaker if quote is not None else None
        named = False  # a voice is someone named: "Lavrov", "Russian media reports"
        if quote is not None and quote.speaker_start is not None and quote.speaker_end is not None:
            who = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
            named = who is not None and any(
                t.ent_type_ in _NAME_LABELS or t.pos_ == "PROPN" for t in who
            )
        names: set[str] = set()
        keys: set[str] = set()
        cue_near: set[str] = set()
        cue = False
        if span is not None:
            token_keys: dict[int, str] = {}
            for ent in ents.within(span.start_char, span.end_char):
                if ent.label_ in _NAME_LABELS:
                    names.add(_name_key(ent))
                    for i in range(ent.start, ent.end):
                        token_keys[i] = _name_key(ent)
            cues = []
            for tok in span:
                low = tok.lower_
                if low in REFUTE or low in NEGATION or low.endswith(("n't", "n’t")):
                    cues.append(tok.i)
                if tok.ent_type_ in _NAME_LABELS or tok.is_stop or not tok.is_alpha:
                    continue
                lemma = tok.lemma_.lower()
                if tok.pos_ in ("NOUN", "VERB", "ADJ", "PROPN") and lemma not in _GENERIC_LEMMAS:
                    keys.add(lemma)
                    token_keys[tok.i] = lemma
            cue = bool(cues)
            for i in cues:  # what the denial or negation is about: the words around it
                for j in range(i - _CUE_REACH, i + _CUE_REACH + 1):
                    if j in token_keys:
                        cue_near.add(token_keys[j])
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
                denied_moves(span, _name_key) if cue and span is not None else (),
            )
        )
    return out


def _quotes_by_sentence(
    sentences: Sequence[Span], quotes: Sequence[Quote]
) -> dict[int, list[Quote]]:
    """The quotes overlapping each sentence (by index), found by binary search."""
    import bisect

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
    best, overlap = None, 0
    for q in quotes:
        if q.start >= sentence.end:
            break
        shared = min(q.end, sentence.end) - max(q.start, sentence.start)
        if shared > overlap and q.speaker:
            best, overlap = q, shared
    return best


def _quote_in(sentence: SentenceInfo, quotes: Sequence[Quote]) -> Quote | None:
    inside = [q for q in quotes if q.start >= sentence.start and q.end <= sentence.end]
    return max(inside, key=lambda q: q.end - q.start) if inside else None


def _statements(
    article: ClaimArticle,
    doc: Any,
    quotes: Sequence[Quote],
    infos: Sequence[SentenceInfo],
    fact_sentences: set[int],
    ents: _Ents,
) -> list[Statement]:
    """Check-worthy sentences: attributed ones and events, naming someone or somewhere
    (a sentence with a number fact is that fact's claim)."""
    overlapping = _quotes_by_sentence([Span(i.start, i.end) for i in infos], quotes)
    out = []
    for n, info in enumerate(infos):
        if info.start in fact_sentences or not info.names:
            continue
        quote = _quote_in(info, overlapping.get(n, []))
        span = doc.char_span(info.start, info.end, alignment_mode="expand")
        if span is None:
            continue
        according = quote is not None and (quote.cue or "").lower().startswith("according")
        if quote is not None and not info.cue and not according:
            start, end = _proposition(article.text, quote.start, quote.end)
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
            move = done_move(claimed, _name_key) if claimed is not None else None
            out.append(Statement(article, info, proposition, subject, move))
    return out


def _proposition(text: str, start: int, end: int) -> tuple[int, int]:
    """The reported clause without its trailing apposition ("..., a development that")."""
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if len(text[start : m.start()].split()) >= 4:
            return start, m.start()
    return start, end


def _is_event(span: Any) -> bool:
    """An event: the main verb's subject names someone or somewhere."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return any(t.ent_type_ in _NAME_LABELS or t.pos_ == "PROPN" for t in child.subtree)
    return False


def _subject(doc: Any, start: int, end: int, info: SentenceInfo, ents: _Ents) -> str:
    """The claim's grammatical subject ("a Russian military unit"); when that is a pronoun
    or a bare common noun, the names the claim mentions."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        root = span.root
        for child in root.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            words = [t for t in doc[child.left_edge.i : child.i + 1] if t.i >= span.start]
            content = [t for t in words if t.pos_ not in ("DET", "NUM", "PUNCT")]
            bare = len(content) == 1 and content[0].pos_ in ("NOUN", "PRON")
            if content and not bare and len(words) <= 8:
                phrase = doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]
                return str(phrase).strip(_QUOTE_CHARS)
            if content and content[0].pos_ == "PRON" and info.voice and info.speaker:
                return info.speaker  # "Russia has admitted it is ...": Russia
        names: list[str] = []
        for ent in ents.within(span.start_char, span.end_char):
            if ent.label_ in _NAME_LABELS and ent.text not in names:
                names.append(ent.text)
        if names:
            return ", ".join(names[:3])
    return (info.speaker or "") if info.voice else ""


def _aligned(claim: Statement, sentence: SentenceInfo, min_shared: int) -> bool:
    """Does this sentence speak of what the claim speaks of: shared names and key words."""
    if claim.sentence.names and not (claim.sentence.names & sentence.names):
        return False
    return len(claim.sentence.keys & sentence.keys) >= min_shared


def _denies(claim: Statement, sentence: SentenceInfo) -> bool:
    """Does a refuting word or negation in the sentence bear on what the claim names?"""
    return bool(sentence.cue and claim.sentence.keys & sentence.cue_near)


def judge_claims(
    judge: ClaimCandidates,
    statements: Sequence[Statement],
    options: ClaimOptions | None = None,
    stance_fn: StanceFn | None = None,
    index: StatementIndex | None = None,
) -> list[Verdict]:
    """The stance of one article (an independent source) toward the statements of the
    story its sentences align with (at most ``options.max_claims_per_article``, those
    sharing the most key terms), each with its deciding sentence: ``agree`` from the
    stance engine on the whole article, ``disagree`` from the engine on an aligned sentence
    carrying a refuting or negating cue, above ``options.disagree_threshold``. Toward
    statements of its own source it can only report a disagreement between two speakers it
    names. ``index`` (``StatementIndex`` of ``statements``) finds the statements naming
    what the article names without reading the others."""
    options = options or ClaimOptions()
    if judge.article.copy or not judge.sentences:
        return []
    text = judge.article.text
    by_name: dict[str, list[int]] = defaultdict(list)  # name -> sentences naming it
    for n, sentence in enumerate(judge.sentences):
        for name in sentence.names:
            by_name[name].append(n)
    found: list[tuple[Statement, list[SentenceInfo]]] = []
    for claim in index.naming(by_name) if index is not None else statements:
        naming = sorted({n for name in claim.sentence.names for n in by_name.get(name, ())})
        aligned = [
            s
            for s in (judge.sentences[n] for n in naming)
            if not (claim.article.id == judge.article.id and s.start == claim.sentence.start)
            and _aligned(claim, s, options.min_shared_keys)
        ]
        if aligned:
            found.append((claim, aligned))
    if len(found) > options.max_claims_per_article:
        found = _best_aligned(found, options.max_claims_per_article)
    whole: list[Statement] = []
    single: list[tuple[Statement, SentenceInfo]] = []
    for claim, aligned in found:
        own = claim.article.source == judge.article.source
        if own:
            voice = claim.sentence.voice
            single += [
                (claim, s)
                for s in aligned
                if _denies(claim, s) and voice and s.voice and s.voice != voice
            ]
        else:
            whole.append(claim)
            single += [(claim, s) for s in aligned if _denies(claim, s)]
    if not whole and not single:
        return []
    # a sentence is read alone and with the sentence after it ("X denied reports that ...
    # No vote has taken place"): the engine judges passages, and is shaky on one sentence
    after = {a.start: b for a, b in zip(judge.sentences, judge.sentences[1:], strict=False)}
    windows = []
    for _claim, s in single:
        windows.append((s.start, s.end))
        nxt = after.get(s.start)
        windows.append((s.start, nxt.end if nxt is not None else s.end))
    pairs = [(c.proposition, text) for c in whole]
    pairs += [(c.proposition, text[a:b]) for (c, _s), (a, b) in zip(
        [p for p in single for _ in (0, 1)], windows, strict=True)]  # fmt: skip
    results = (stance_fn or _default_stance)(pairs)
    by_start = {s.start: s for s in judge.sentences}
    agreed: dict[tuple[str, int], Verdict] = {}
    judged: list[tuple[Statement, SentenceInfo, Any]] = []
    for claim, result in zip(whole, results[: len(whole)], strict=True):
        if result.stance == "disagree":  # the article read whole denies it: cite its cue
            for start, _end in result.evidence:
                hit = _sentence_at(judge.sentences, start)
                if (
                    hit is not None
                    and _denies(claim, hit)
                    and _aligned(claim, hit, options.min_shared_keys)
                ):
                    judged.append((claim, hit, result))
                    break
        if result.stance != "agree" or result.score < options.agree_threshold:
            continue
        for start, _end in result.evidence:
            hit = _sentence_at(judge.sentences, start) or by_start.get(start)
            if hit is not None and _aligned(claim, hit, options.min_shared_keys):
                key = (claim.article.id, claim.sentence.start)
                agreed[key] = Verdict(key, _side(judge.article, hit, "agree", result.score))
                break
    disagreed: dict[tuple[str, int], Verdict] = {}
    rest = results[len(whole) :]
    for i, (claim, sentence) in enumerate(single):
        judged += [(claim, sentence, rest[2 * i]), (claim, sentence, rest[2 * i + 1])]
    for claim, sentence, result in judged:
        key = (claim.article.id, claim.sentence.start)
        # the general bar, or the lower one for a denied plan against the claim's done move
        bar = (
            options.plan_denial_threshold
            if denies_move(claim.move, sentence.denied)
            else options.disagree_threshold
        )
        if result.stance != "disagree" or result.score < bar:
            continue
        if key in agreed:  # the article as a whole agrees: one sentence does not overturn it
            continue
        best = disagreed.get(key)
        if best is None or (best.side.score or 0.0) < result.score:
            disagreed[key] = Verdict(key, _side(judge.article, sentence, "disagree", result.score))
    return sorted(
        [*agreed.values(), *disagreed.values()],
        key=lambda v: (v.claim, v.side.stance, v.side.start),
    )


class StatementIndex:
    """A storyline's statements by the names they mention: the statements an article can
    align with (one naming something its sentences name), in ``statements`` order."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self.statements = list(statements)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for i, statement in enumerate(self.statements):
            for name in statement.sentence.names:
                self.by_name[name].append(i)

    def naming(self, names: Iterable[str]) -> list[Statement]:
        found = {i for name in names for i in self.by_name.get(name, ())}
        return [self.statements[i] for i in sorted(found)]


def _best_aligned(
    found: Sequence[tuple[Statement, list[SentenceInfo]]], cap: int
) -> list[tuple[Statement, list[SentenceInfo]]]:
    """The ``cap`` statements an article aligns with best (most key terms shared with one
    of its sentences; ties by the statement's article id and offset), in their order."""

    def rank(n: int) -> tuple[int, str, int]:
        claim, aligned = found[n]
        shared = max(len(claim.sentence.keys & s.keys) for s in aligned)
        return -shared, claim.article.id, claim.sentence.start

    kept = sorted(sorted(range(len(found)), key=rank)[:cap])
    return [found[n] for n in kept]


def _sentence_at(sentences: Sequence[SentenceInfo], offset: int) -> SentenceInfo | None:
    import bisect

    n = bisect.bisect_right([s.start for s in sentences], offset) - 1
    if n >= 0 and sentences[n].start <= offset < sentences[n].end:
        return sentences[n]
    return None


def _side(
    article: ClaimArticle, sentence: SentenceInfo, stance: str, score: float | None = None
) -> ClaimSide:
    return ClaimSide(
        article.id,
        article.source,
        sentence.start,
        sentence.end,
        article.text[sentence.start : sentence.end],
        stance,
        score,
        sentence.speaker,
    )


def _statement_claims(
    statements: Sequence[Statement], verdicts: Sequence[Verdict]
) -> list[AlignedClaim]:
    """One claim per statement with its verdicts; a statement another claim cites as
    agreeing is the same claim (merged); one cited as disagreeing and stated by no one
    else is shown on that claim's opposing side only."""
    by_key = {(s.article.id, s.sentence.start): s for s in statements}
    sides: dict[tuple[str, int], list[ClaimSide]] = defaultdict(list)
    opposing: dict[tuple[str, int], list[ClaimSide]] = defaultdict(list)
    for v in verdicts:
        if v.claim in by_key:
            (opposing if v.side.stance == "disagree" else sides)[v.claim].append(v.side)
    parent = {k: k for k in by_key}

    def find(k: tuple[str, int]) -> tuple[str, int]:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for key in sorted(by_key):
        for side in sides[key]:
            other = (side.article, side.start)
            if other in by_key:
                a, b = sorted((find(key), find(other)))
                parent[b] = a
    groups: dict[tuple[str, int], list[tuple[str, int]]] = defaultdict(list)
    for key in sorted(by_key):
        groups[find(key)].append(key)
    cited_against = {(s.article, s.start) for ss in opposing.values() for s in ss}
    out = []
    for members in groups.values():
        against = [s for k in members for s in opposing[k]]
        if (
            not against
            and len(members) == 1
            and members[0] in cited_against
            and not sides[members[0]]
        ):
            continue  # shown as the opposing side of the claim it disputes
        lead = next((k for k in members if opposing[k]), members[0])
        statement = by_key[lead]
        verdict_sides = {(s.article, s.start): s for k in members for s in sides[k]}
        own = [
            verdict_sides[k]
            if k != lead and k in verdict_sides
            else _side(by_key[k].article, by_key[k].sentence, "asserts")
            for k in members
        ]
        seen = {(s.article, s.start) for s in own}
        support = list(own)
        for k in members:
            for s in sides[k]:
                if (s.article, s.start) not in seen:
                    seen.add((s.article, s.start))
                    support.append(s)
        against = [s for s in against if (s.article, s.start) not in seen]
        out.append(_claim("statement", statement.subject, support, against, statement.proposition))
    return out


def _claim(
    kind: str,
    subject: str,
    sides: list[ClaimSide],
    opposing: list[ClaimSide],
    text: str | None = None,
) -> AlignedClaim:
    sides = sorted(
        set(sides), key=lambda s: (s.stance != "asserts", s.article, s.start, s.value_start or 0)
    )
    opposing = sorted(set(opposing), key=lambda s: (s.article, s.start, s.value_start or 0))
    sources = sorted({s.source for s in sides} | {s.source for s in opposing})
    if opposing:
        status = "contradicted"
    elif len({s.source for s in sides}) >= 2:
        status = "corroborated"
    else:
        status = "single-source"
    basis = "|".join(f"{s.article}:{s.start}:{s.value_start}" for s in sides + opposing)
    cid = "C" + hashlib.sha1(f"{kind}|{subject}|{basis}".encode()).hexdigest()[:12]
    claim_text = text if text is not None else (sides or opposing)[0].text
    return AlignedClaim(cid, kind, subject, claim_text, status, sources, sides, opposing)
