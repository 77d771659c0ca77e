"""Features of a claim–article pair for the stance model (no learning here, no sklearn).

The features are the ones the FNC-1 winners found to carry the signal (Athene, UCLMR,
Talos, and the official baseline), kept general rather than topical:

* relatedness: TF-IDF cosine of the claim with the whole body and with its best-aligned
  sentences; how much of the claim (words, word pairs, character 4-grams, IDF mass)
  occurs in the body and in its lead;
* stance: refuting, hedging and confirming cue words and negations, counted in the body,
  in the sentences best aligned with the claim (weighted by how well they align), next to
  the claim's own words there, and in the claim itself (a headline may carry its own
  "hoax" or "reportedly").

No word of any particular story is used: the only learned lexical item is the IDF table,
which says how rare a word is in news, not what it means for stance. Body-side work
(sentences, tokens, vectors, cues) is done once per body and shared by all its claims.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import mul
from typing import Any, TypeVar

from storyline.lexicon import word_set
from storyline.nlp.sentences import split_sentences

_TOKEN = re.compile(r"[a-z0-9]+(?:['\u2019][a-z]+)?")
_CASED_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


_STOP = word_set(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we
    were what when where which while who whom why will with would you your yours yourself
    yourselves s t also said says say new one two just like get got"""
)

# Cue lexicons: the FNC-1 baseline's refuting words and Athene's hedging words, widened
# with their inflections and common synonyms. They describe how news reports doubt or
# denial, not any topic.
REFUTE = word_set(
    """fake fakes faked fraud fraudulent hoax hoaxes false falsely deny denies denied denying
    denial refute refutes refuted refuting nope doubt doubts doubted bogus debunk debunks
    debunked debunking prank pranks pranked retract retracts retracted retraction untrue
    myth myths satire satirical fabricated fabrication misleading incorrect wrong baseless
    unfounded dismissed dismisses rejects rejected photoshopped doctored parody spoof
    nonsense erroneous inaccurate disputed disputes contradicts contradicted insisted
    insists clarified correction scam lie lies lied"""
)
HEDGE = word_set(
    """alleged allegedly apparently appear appears appeared claim claims claimed could
    evidently largely likely mainly may maybe might mostly perhaps presumably probably
    purported purportedly reported reportedly rumor rumors rumour rumours rumored rumoured
    seem seems seemed seemingly somewhat unconfirmed unverified suggest suggests suggested
    possibly possible according speculation speculated speculate believed suspected
    unclear whether supposedly report reports reporting circulating circulated viral
    would if"""
)
CONFIRM = word_set(
    """confirmed confirms confirm confirming official officially announced announces revealed
    reveals indeed proved proves proof verified shows showed true actually definitely
    certainly admitted admits acknowledged statement"""
)
NEGATION = word_set("""not no never none nobody nothing neither nor without cannot nowhere""")
_NEGATION_SUFFIXES = ("n't", "n\u2019t")
_NEAR = 4  # tokens either side of an aligned claim word searched for a negation
_NEAR_NAMES = 5  # tokens either side of a claim name searched for a cue
_TOP = 3  # best-aligned sentences looked at for cues
_LEAD_SENTENCES = 2
_QUOTE_MARKS = ('"', "\u201c")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A cheap suffix stripper: enough to match 'denies'/'denied', 'reports'/'reported'
    across claim and body, and far faster than Snowball on 50k pairs."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


T = TypeVar("T")


class _PerToken(dict[str, T]):
    """A pure function of a token, memoised: bodies repeat their words, and a body is read
    token by token several times (cue counts, negated words, cue positions)."""

    def __init__(self, function: Callable[[str], T]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, token: str) -> T:
        value = self.function(token)
        if len(self) < 200_000:
            self[token] = value
        return value


_NEGATION_TEST = _PerToken(lambda token: token in NEGATION or token.endswith(_NEGATION_SUFFIXES))
_CONTENT_TEST = _PerToken(
    lambda token: (
        token not in _STOP and token not in NEGATION and not token.endswith(_NEGATION_SUFFIXES)
    )
)


_is_negation = _NEGATION_TEST.__getitem__
_is_content = _CONTENT_TEST.__getitem__


def content_stems(toks: Sequence[str]) -> list[str]:
    return [stem(t) for t in toks if _is_content(t)]


def flat_text(text: str) -> str:
    """Lower case, every run of other characters one space: what character n-grams see."""
    return _NON_ALNUM.sub(" ", text.lower())


def char_grams(text: str, n: int = 4) -> frozenset[str]:
    flat = flat_text(text)
    return frozenset(flat[i : i + n] for i in range(len(flat) - n + 1))


def _bigrams(stems: Sequence[str]) -> set[tuple[str, str]]:
    return set(zip(stems, stems[1:], strict=False))


class Idf:
    """Inverse document frequency of stems; unseen stems count as rare as the rarest."""

    def __init__(self, table: Mapping[str, float], default: float) -> None:
        self.table = dict(table)
        self.default = default

    @classmethod
    def fit(cls, documents: Sequence[str]) -> Idf:
        df: Counter[str] = Counter()
        for doc in documents:
            df.update(set(content_stems(tokens(doc))))
        n = len(documents)
        # keep stems seen twice or more: once-seen ones get the default (rarest) weight
        table = {w: round(math.log((1 + n) / (1 + c)) + 1, 4) for w, c in df.items() if c >= 2}
        return cls(table, round(math.log((1 + n) / 2) + 1, 4))

    def weight(self, word: str) -> float:
        return self.table.get(word, self.default)

    def vector(self, stems: Sequence[str]) -> dict[str, float]:
        counts = Counter(stems)
        weight, default = self.table.get, self.default  # (the per-sentence hot loop)
        vec = {w: (1 + math.log(c)) * weight(w, default) for w, c in counts.items()}
        values = list(vec.values())
        norm = math.sqrt(sum(map(mul, values, values)))
        return {w: v / norm for w, v in vec.items()} if norm else {}


def _dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    # (map instead of a generator: the same products summed in the same order)
    return sum(map(mul, a.values(), map(b.get, a, repeat(0.0))))


CueKinds = tuple[bool, bool, bool, bool]  # refute, hedge, confirm, negation


def _cue_kinds(token: str) -> CueKinds | None:
    """A token's cue kinds, None for the (most) tokens that are no cue."""
    kinds = (token in REFUTE, token in HEDGE, token in CONFIRM, _is_negation(token))
    return kinds if any(kinds) else None


_CUE_KINDS = _PerToken(_cue_kinds)


def _cue_counts(toks: Sequence[str]) -> tuple[int, int, int, int]:
    """How many tokens refute, hedge, confirm and negate."""
    refute = hedge = confirm = negation = 0
    for kinds in map(_CUE_KINDS.__getitem__, toks):
        if kinds is not None:
            refute += kinds[0]
            hedge += kinds[1]
            confirm += kinds[2]
            negation += kinds[3]
    return refute, hedge, confirm, negation


_CUE_WORDS = REFUTE | HEDGE | CONFIRM | NEGATION


@dataclass(frozen=True)
class CueToken:
    """A cue word of a sentence with the stems around it, so that "is a claim word (or
    name) near this cue" is one set test per claim instead of a rescan per pair."""

    kinds: CueKinds
    near: frozenset[str]  # stems within _NEAR tokens (the cue itself included)
    near_names: frozenset[str]  # stems within _NEAR_NAMES tokens


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[str, ...]
    stems: tuple[str, ...]  # one per token (stop words included) so positions line up
    vector: dict[str, float]
    cues: tuple[int, int, int, int]  # refute, hedge, confirm, negation
    # body-only facts every claim of the body reads (computed once per body)
    words: frozenset[str]
    stem_set: frozenset[str]
    negated: frozenset[str]  # tokens right after a negation ("not true", "no evidence")
    cue_tokens: tuple[CueToken, ...]


@dataclass(frozen=True)
class Body:
    text: str
    sentences: tuple[Sentence, ...]
    vector: dict[str, float]
    stems: frozenset[str]
    lead_stems: frozenset[str]
    # the body's content stems joined and padded with spaces: " a b " in it is a bigram
    # test (substring search in C instead of building sets per body)
    joined_stems: str
    # the body's character 4-grams: a claim's grams in it are one set intersection (a
    # substring search per gram cost a tenth of the stance step on news)
    grams: frozenset[str]
    cues: tuple[int, int, int, int]
    cue_words: frozenset[str]  # cue words anywhere in the body
    lead_cue_words: frozenset[str]  # cue words of the first sentence
    with_cue: tuple[tuple[int, ...], ...]  # per cue kind, the sentences carrying it
    question_marks: int
    quote_marks: int


def _cue_tokens(toks: Sequence[str], stems: Sequence[str]) -> tuple[CueToken, ...]:
    out = []
    for i, kinds in enumerate(map(_CUE_KINDS.__getitem__, toks)):
        if kinds is None:
            continue
        out.append(
            CueToken(
                kinds,
                frozenset(stems[max(0, i - _NEAR) : i + _NEAR + 1]),
                frozenset(stems[max(0, i - _NEAR_NAMES) : i + _NEAR_NAMES + 1]),
            )
        )
    return tuple(out)


def analyse_body(text: str, idf: Idf) -> Body:
    sentences = []
    all_content: list[str] = []
    for span in split_sentences(text):
        toks = tuple(tokens(text[span.start : span.end]))
        stems = tuple(map(stem, toks))
        content = [s for t, s in zip(toks, stems, strict=True) if _is_content(t)]
        all_content.extend(content)
        sentences.append(
            Sentence(
                span.start,
                span.end,
                toks,
                stems,
                idf.vector(content),
                _cue_counts(toks),
                frozenset(toks),
                frozenset(stems),
                frozenset(toks[j + 1] for j in range(len(toks) - 1) if _is_negation(toks[j])),
                _cue_tokens(toks, stems),
            )
        )
    lead = [s for sent in sentences[:_LEAD_SENTENCES] for s in content_stems(sent.tokens)]
    cues = tuple(sum(s.cues[i] for s in sentences) for i in range(4))
    words = frozenset().union(*(s.words for s in sentences))
    return Body(
        text,
        tuple(sentences),
        idf.vector(all_content),
        frozenset(all_content),
        frozenset(lead),
        f" {' '.join(all_content)} ",
        char_grams(text),
        (cues[0], cues[1], cues[2], cues[3]),
        words & _CUE_WORDS,
        sentences[0].words & _CUE_WORDS if sentences else frozenset(),
        tuple(tuple(i for i, s in enumerate(sentences) if s.cues[k]) for k in range(4)),
        text.count("?"),
        sum(text.count(q) for q in _QUOTE_MARKS),
    )


@dataclass(frozen=True)
class Claim:
    text: str
    tokens: tuple[str, ...]
    stems: tuple[str, ...]  # content stems
    vector: dict[str, float]
    bigrams: frozenset[tuple[str, str]]
    grams: frozenset[str]
    cues: tuple[int, int, int, int]
    # stems of its specific words: capitalised past the first word, or with a digit
    # ("Lavrov", "Syria", "800m"); a denial about these is a denial about the claim
    names: frozenset[str]


def claim_names(text: str) -> frozenset[str]:
    found = set()
    for i, tok in enumerate(_CASED_TOKEN.findall(text)):
        low = tok.lower()
        specific = (i > 0 and tok[0].isupper()) or any(ch.isdigit() for ch in tok)
        if specific and low not in _STOP:
            found.add(stem(low))
    return frozenset(found)


def analyse_claim(text: str, idf: Idf) -> Claim:
    toks = tuple(tokens(text))
    content = content_stems(toks)
    return Claim(
        text,
        toks,
        tuple(content),
        idf.vector(content),
        frozenset(_bigrams(content)),
        char_grams(text),
        _cue_counts(toks),
        claim_names(text),
    )


def sentence_scores(claim: Claim, body: Body) -> list[float]:
    """Cosine of the claim with each body sentence (the alignment evidence comes from)."""
    return [_dot(claim.vector, s.vector) for s in body.sentences]


def _cues_near_claim_words(sentence: Sentence, claim_stems: frozenset[str]) -> list[int]:
    """Refute, hedge, confirm and negation words within _NEAR tokens of a claim word: the
    doubt or denial is about the claim ("denied that the singer had died")."""
    near = [0, 0, 0, 0]
    for cue in sentence.cue_tokens:
        if not claim_stems.isdisjoint(cue.near):
            for k in range(4):
                near[k] += cue.kinds[k]
    return near


def _share(items: frozenset[Any], present: Callable[[Any], bool]) -> float:
    return sum(1 for item in items if present(item)) / len(items) if items else 0.0


FEATURE_NAMES: tuple[str, ...] = (
    "cos_body", "cos_best", "cos_top3", "cos_first", "best_position", "aligned_share",
    "cover_words", "cover_idf", "cover_bigrams", "cover_chars", "cover_lead",
    "claim_len", "body_len_log", "sentences_log",
    "claim_refute", "claim_hedge", "claim_confirm", "claim_negation", "claim_question",
    "body_refute", "body_hedge", "body_confirm", "body_negation",
    "top_refute", "top_hedge", "top_confirm", "top_negation",
    "wtd_refute", "wtd_hedge", "wtd_confirm", "wtd_negation",
    "lead_refute", "lead_hedge", "lead_confirm", "negation_near_claim",
    "best_refute", "best_hedge", "best_negation",
    "aligned_refute", "aligned_hedge", "aligned_confirm", "aligned_negation",
    "first_refute_at", "body_questions", "body_quote_marks", "polarity_mismatch",
    "refute_near_claim", "hedge_near_claim", "confirm_near_claim",
    "refute_sentences_share", "negation_sentences_share", "hedge_sentences_share",
    "refute_sentences", "negation_sentences",
    "refute_near_names", "negation_near_names", "hedge_near_names",
    "refute_near_words_all", "best_refute_near_words", "best_negation_near_words",
    "negated_top", "names_in_body", "names_in_top", "names",
    "polarity_mismatch_weighted", "cue_after_best", "refute_before_best",
)  # fmt: skip
_ALIGNED = 0.15  # a sentence this close to the claim (cosine) is about it


def pair_features(claim: Claim, body: Body, scores: Sequence[float] | None = None) -> list[float]:
    """One row of FEATURE_NAMES for the pair."""
    if scores is None:
        scores = sentence_scores(claim, body)
    n = len(body.sentences)
    order = sorted(range(n), key=lambda i: (-scores[i], i))
    top = order[:_TOP]
    best = order[0] if order else -1
    claim_set = frozenset(claim.stems)
    idf_total = sum(claim.vector.values()) or 1.0
    covered = [w for w in claim_set if w in body.stems]
    weights = [scores[i] for i in top]
    weight_sum = sum(weights) or 1.0
    rates = [c / n if n else 0.0 for c in body.cues]

    def top_rate(k: int) -> float:
        return sum(body.sentences[i].cues[k] for i in top) / max(len(top), 1)

    def weighted(k: int) -> float:
        return sum(scores[i] * body.sentences[i].cues[k] for i in top) / weight_sum

    def lead(k: int) -> float:
        return float(sum(s.cues[k] for s in body.sentences[:_LEAD_SENTENCES]))

    best_cues = body.sentences[best].cues if best >= 0 else (0, 0, 0, 0)
    near = [_cues_near_claim_words(body.sentences[i], claim_set) for i in top]
    near_claim = [float(sum(counts[k] for counts in near)) for k in range(4)]
    return [
        _dot(claim.vector, body.vector),
        scores[best] if best >= 0 else 0.0,
        sum(weights) / max(len(weights), 1),
        scores[0] if n else 0.0,
        best / n if n else 1.0,
        sum(1 for s in scores if s > 0.1) / n if n else 0.0,
        len(covered) / len(claim_set) if claim_set else 0.0,
        # summed in the claim's word order, not a set's: the same bits on every run
        sum(v for w, v in claim.vector.items() if w in body.stems) / idf_total,
        _share(claim.bigrams, lambda b: f" {b[0]} {b[1]} " in body.joined_stems),
        len(claim.grams & body.grams) / len(claim.grams) if claim.grams else 0.0,
        len(claim_set & body.lead_stems) / len(claim_set) if claim_set else 0.0,
        float(len(claim.tokens)),
        math.log1p(len(body.text)),
        math.log1p(n),
        *(float(c) for c in claim.cues),
        1.0 if "?" in claim.text else 0.0,
        *rates,
        *(top_rate(k) for k in range(4)),
        *(weighted(k) for k in range(4)),
        lead(0),
        lead(1),
        lead(2),
        near_claim[3],
        float(best_cues[0]),
        float(best_cues[1]),
        float(best_cues[3]),
        # how well the best-aligned sentence carrying each cue aligns: a denial is a
        # refuting sentence about the claim, not a refuting word anywhere
        *(_best_with_cue(body, scores, k) for k in range(4)),
        body.with_cue[0][0] / n if body.with_cue[0] else 1.0,
        body.question_marks / n if n else 0.0,
        body.quote_marks / n if n else 0.0,
        1.0 if (claim.cues[3] > 0) != (best_cues[3] > 0) else 0.0,
        *near_claim[:3],
        *_sentence_level(claim, body, scores, order),
    ]


def _sentence_level(
    claim: Claim, body: Body, scores: Sequence[float], order: Sequence[int]
) -> list[float]:
    """Cues read sentence by sentence over the whole body: how many sentences about the
    claim refute, negate or hedge; cues next to the claim's names or words in any sentence
    (a denial may sit far from the best-aligned lines); negation polarity of the aligned
    sentences against the claim's; and the cue right around the best-aligned sentence."""
    sentences = body.sentences
    n = len(sentences)
    about = [i for i in range(n) if scores[i] > _ALIGNED]
    counts = [float(sum(1 for i in about if sentences[i].cues[k])) for k in (0, 3, 1)]
    claim_set = frozenset(claim.stems)
    near_names = [0.0, 0.0, 0.0]  # refute, negation, hedge
    refute_near_words = 0.0
    best_refute = best_negation = 0.0
    names = claim.names
    for i, sentence in enumerate(sentences):
        for cue in sentence.cue_tokens:
            refute, hedge, _confirm, negation = cue.kinds
            if not (refute or negation or hedge):
                continue
            if not names.isdisjoint(cue.near_names):
                near_names[0] += refute
                near_names[1] += negation
                near_names[2] += hedge
            if not claim_set.isdisjoint(cue.near_names):
                if refute:
                    refute_near_words += 1
                    best_refute = max(best_refute, scores[i])
                if negation:
                    best_negation = max(best_negation, scores[i])
    top = order[:_TOP]
    in_top = frozenset().union(*(sentences[i].stem_set for i in top))
    negated = claim.cues[3] > 0
    best = order[0] if order else n
    after = sentences[best + 1].cues if best + 1 < n else (0, 0, 0, 0)
    return [
        *(c / n if n else 0.0 for c in counts[:3]),
        counts[0],
        counts[1],
        *near_names,
        refute_near_words,
        best_refute,
        best_negation,
        float(sum(1 for i in top if sentences[i].cues[3])),
        sum(1 for w in names if w in body.stems) / len(names) if names else 1.0,
        sum(1 for w in names if w in in_top) / len(names) if names else 1.0,
        float(len(names)),
        sum(scores[i] for i in top if (sentences[i].cues[3] > 0) != negated),
        float(after[0] + after[3]),
        float(sentences[best - 1].cues[0]) if 0 < best < n else 0.0,
    ]


def _best_with_cue(body: Body, scores: Sequence[float], kind: int) -> float:
    return max((scores[i] for i in body.with_cue[kind]), default=0.0)


def aligned_order(scores: Sequence[float]) -> list[int]:
    """Sentence indices, best aligned first (ties: earlier sentence first)."""
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def claim_side(claim: Claim) -> str:
    """The claim's own side in one letter: it refutes or negates ("R": "... is a hoax",
    "X did not ..."), hedges or asks ("H": "reportedly", "?"), or states ("-")."""
    refute, hedge, _confirm, negation = claim.cues
    if refute or negation:
        return "R"
    if hedge or "?" in claim.text:
        return "H"
    return "-"


def cue_terms(claim: Claim, body: Body, scores: Sequence[float]) -> list[str]:
    """Which cue words occur where, for the linear cue model: in the best-aligned
    sentences ("t:"), anywhere in the body ("b:"), in the claim ("c:"), and the other
    words of the best-aligned sentences ("a:"). A cue the claim
    itself uses is left out of the body's terms (a "hoax" headline over a "hoax" body)."""
    claim_words = frozenset(claim.tokens)
    top = [body.sentences[i] for i in aligned_order(scores)[:_TOP]]
    top_words = frozenset().union(*(s.words for s in top))
    terms = [f"t:{t}" for t in top_words & _CUE_WORDS if t not in claim_words]
    terms += [f"b:{t}" for t in body.cue_words if t not in claim_words]
    terms += [f"c:{t}" for t in claim_words if t in _CUE_WORDS]
    # the lead often carries the verdict ("X denies reports that...")
    terms += [f"l:{t}" for t in body.lead_cue_words if t not in claim_words]
    # what is negated next to the claim ("not true", "no evidence"): a vocabulary of
    # general words, kept to those seen in enough training pairs by the cue model
    negated = frozenset().union(*(s.negated for s in top))
    terms += [f"n:{t}" for t in negated if t not in claim_words and t not in _STOP]
    # every other word of the best-aligned sentences (Athene's and UCLMR's bag of words,
    # kept to the sentences about the claim): how the article words what the claim says
    # ("stunt", "staged", "alive"); the cue model keeps those seen in enough pairs
    terms += [f"a:{t}" for t in top_words if t not in claim_words and t not in _CUE_WORDS]
    # the same words with the claim's own side: "hoax", "staged" or "alive" in the aligned
    # sentences agree with a claim that calls the story a hoax and disagree with one that
    # states it, a flip the additive cue model cannot make from the words alone
    side = claim_side(claim)
    # (the claim's own words paired with the body's side scored higher with folds by body,
    # but not with folds by story: a headline's words seen with other bodies of its story
    # are story memory, which a new story's claims do not have)
    terms += [f"q:{t}|{side}" for t in top_words if t not in claim_words and t not in _STOP]
    # each cue of the claim (or none) with each cue of the best-aligned sentences: "hoax"
    # over "hoax" agrees, "confirmed" over "hoax" disagrees, "reportedly" over "denied"...
    claim_cues = [t for t in claim_words if t in _CUE_WORDS] or ["-"]
    top_cues = [t for t in top_words if t in _CUE_WORDS]
    terms += [f"x:{a}|{b}" for a in claim_cues for b in top_cues]
    return sorted(set(terms))
