"""Cheap text features for story clustering: terms, named-entity proxies, dates, IDF.

Everything here is pure Python over small dicts so one article costs microseconds to
milliseconds and the clusterer stays roughly linear in the number of articles.
Named entities are approximated by capitalised words that do not start a sentence (no
spaCy: it is two orders of magnitude slower and the proxy is good enough for grouping).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

Vector = dict[str, float]

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*")
# a sentence starts after these tokens, so a capital letter there says nothing
_SENTENCE_END = re.compile(r"[.!?:;\"“”\n]\s*$")
_STOP = frozenset(ENGLISH_STOP_WORDS) | frozenset(
    {
        "said", "says", "say", "told", "according", "new", "just", "like", "year",
        "years", "time", "people", "week", "day", "days", "also", "will", "would",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mr", "mrs", "ms", "http", "https", "www", "com", "html", "htm",
    }
)  # fmt: skip
# prefix that marks an entity feature inside the shared sparse vector
ENTITY_PREFIX = "@"
BIGRAM_PREFIX = "+"


@lru_cache(maxsize=1)
def _snowball():
    from nltk.stem.snowball import SnowballStemmer  # pure Python, no data download

    return SnowballStemmer("english")


@lru_cache(maxsize=262_144)
def normalise_term(word: str, stem: bool = False) -> str:
    """Case-fold and strip possessives; then Snowball-stem or strip a plural 's'."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-")
    if w in _STOP:
        return w
    if stem:
        return _snowball().stem(w) if w.isalpha() else w
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def _is_title_case(text: str) -> bool:
    """Headlines In Title Case make every word look like a name; detect and ignore them."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) > 0.6


def term_counts(
    title: str,
    text: str,
    title_weight: float,
    bigrams: bool = True,
    stem: bool = False,
    lead_words: int = 0,
    lead_weight: float = 1.0,
    skip_name_bigrams: bool = False,
) -> tuple[Counter[str], Counter[str]]:
    """Weighted counts of content terms and of entity terms (capitalised, not sentence-initial).

    Words of the title count ``title_weight`` times and the first ``lead_words`` words of
    the text ``lead_weight`` times: news puts the event in the headline and the lead.
    """
    # Counters of float weights: typeshed types Counter values as int, hence the
    # targeted ignores on the += lines below
    terms: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    parts = [(title, title_weight), (text, 1.0)] if title and title != text else [(text, 1.0)]
    for part, part_weight in parts:
        title_case = _is_title_case(part[:400])
        prev = ""  # previous content term, "" after a stop word: bigrams are adjacent pairs
        prev_cap = False
        for n, m in enumerate(_TOKEN.finditer(part)):
            weight = part_weight * lead_weight if n < lead_words else part_weight
            raw = m.group()
            term = normalise_term(raw, stem)
            if len(term) < 2 or term in _STOP:
                prev = ""
                continue
            terms[term] += weight  # type: ignore[assignment]
            cap = raw[0].isupper() and not title_case
            # a two-word name ("Kim Jong") is one entity, not extra evidence: its words
            # already count; pairs that involve a common word name the action instead
            if bigrams and prev and not (prev_cap and cap and skip_name_bigrams):
                terms[BIGRAM_PREFIX + prev + "_" + term] += weight  # type: ignore[assignment]
            prev, prev_cap = term, cap
            if title_case or not raw[0].isupper():
                continue
            before = part[max(0, m.start() - 3) : m.start()]
            if m.start() == 0 or _SENTENCE_END.search(before):
                continue
            entities[term] += weight  # type: ignore[assignment]
    return terms, entities


@dataclass
class DocumentFrequencies:
    """Running document frequencies: the IDF grows with the collection, no refit needed."""

    docs: int = 0
    # a Counter in memory; a cluster.rowmap.RowMap when read from the store's rows
    df: dict[str, int] = field(default_factory=Counter)
    # document count at the last prune_rare() call
    pruned_at: int = 0

    def add(self, features: set[str] | dict[str, float]) -> None:
        self.docs += 1
        df = self.df
        if isinstance(df, Counter):
            df.update(features)
        else:
            for key in features:
                df[key] = df.get(key, 0) + 1

    def prune_rare(self, keep: Container[str] = ()) -> int:
        """Forget features seen in one document only, except those in ``keep``; return how
        many were dropped.

        Most features of a large collection (typos, one-off word pairs) occur once and
        never retrieve another article; dropping them bounds memory and the saved state.
        One that comes back restarts at a document frequency of 1. ``keep`` holds the
        features stories are indexed by: a follow-up naming the same rare person must
        still find its first report.
        """
        rare = [k for k, n in self.df.items() if n <= 1 and k not in keep]
        for k in rare:
            del self.df[k]
        self.pruned_at = self.docs
        return len(rare)

    def idf(self, term: str) -> float:
        return math.log((self.docs + 1) / (self.df.get(term, 0) + 1)) + 1.0


def weighted_vector(
    terms: Counter[str],
    entities: Counter[str],
    dfs: DocumentFrequencies,
    entity_weight: float,
    max_terms: int,
    bigram_weight: float = 1.0,
) -> Vector:
    """Sublinear-tf x IDF vector over terms plus boosted entity features, L2-normalised.

    Only the ``max_terms`` heaviest features are kept: they carry the event, and short
    vectors keep both the dot products and the inverted index cheap.
    """
    vec: Vector = {}
    log = math.log
    df = dfs.df
    n = log(dfs.docs + 1)
    for term, count in terms.items():
        weight = bigram_weight if term[0] == BIGRAM_PREFIX else 1.0
        tf = 1.0 + log(count) if count >= 1 else count
        vec[term] = weight * tf * (n - log(df.get(term, 0) + 1) + 1.0)
    if entity_weight > 0:
        for term, count in entities.items():
            key = ENTITY_PREFIX + term
            tf = 1.0 + log(count) if count >= 1 else count
            vec[key] = entity_weight * tf * (n - log(df.get(key, 0) + 1) + 1.0)
    if len(vec) > max_terms:
        # sort by weight then key so the cut is deterministic
        kept = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:max_terms]
        vec = dict(kept)
    norm = math.sqrt(sum(v * v for v in vec.values()))
    if norm == 0:
        return {}
    return {k: v / norm for k, v in vec.items()}


def feature_keys(terms: Counter[str], entities: Counter[str]) -> set[str]:
    return set(terms) | {ENTITY_PREFIX + e for e in entities}


def time_decay(day: float | None, first: float | None, last: float | None, grace: float,
               tau: float) -> float:  # fmt: skip
    """1 inside [first - grace, last + grace]; decays exponentially (scale ``tau`` days) outside."""
    if day is None or first is None or last is None or tau <= 0:
        return 1.0
    gap = max(first - day, day - last, 0.0) - grace
    return 1.0 if gap <= 0 else math.exp(-gap / tau)


def dot(a: Vector, b: Vector) -> float:
    # the key intersection runs in C and shared keys are few, so this beats a dict walk;
    # fsum is exact, so the (hash-dependent) set order cannot change the result
    return math.fsum(a[k] * b[k] for k in a.keys() & b.keys())


def span_gap(a_first: float | None, a_last: float | None, b_first: float | None,
             b_last: float | None) -> float | None:  # fmt: skip
    """Days between two date spans (0 if they overlap); None if either is undated."""
    if a_first is None or b_first is None or a_last is None or b_last is None:
        return None
    return max(a_first - b_last, b_first - a_last, 0.0)
