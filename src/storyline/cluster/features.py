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
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress, repeat
from operator import ge, itemgetter, mul, truediv

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


@lru_cache(maxsize=262_144)
def _stemmed_token(raw: str) -> tuple[str, bool] | None:
    return _content_token(raw, True)


@lru_cache(maxsize=262_144)
def _plain_token(raw: str) -> tuple[str, bool] | None:
    return _content_token(raw, False)


def _content_token(raw: str, stem: bool) -> tuple[str, bool] | None:
    """A token's term and whether it is capitalised; None for a stop word or a one-letter
    term (one cached look-up per token instead of three steps)."""
    term = normalise_term(raw, stem)
    if len(term) < 2 or term in _STOP:
        return None
    return term, raw[0].isupper()


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
    # plain dicts while counting (a Counter's missing key is a Python call), made Counters
    # at the end in the same insertion order
    terms: dict[str, float] = {}
    entities: dict[str, float] = {}
    token = _stemmed_token if stem else _plain_token
    get_term, get_entity = terms.get, entities.get
    sentence_end = _SENTENCE_END.search
    parts = [(title, title_weight), (text, 1.0)] if title and title != text else [(text, 1.0)]
    for part, part_weight in parts:
        title_case = _is_title_case(part[:400])
        prev = ""  # previous content term, "" after a stop word: bigrams are adjacent pairs
        prev_cap = False
        lead = part_weight * lead_weight
        for n, m in enumerate(_TOKEN.finditer(part)):
            found = token(m.group())
            if found is None:
                prev = ""
                continue
            term, upper = found
            weight = lead if n < lead_words else part_weight
            terms[term] = get_term(term, 0) + weight
            cap = upper and not title_case
            # a two-word name ("Kim Jong") is one entity, not extra evidence: its words
            # already count; pairs that involve a common word name the action instead
            if bigrams and prev and not (prev_cap and cap and skip_name_bigrams):
                pair = BIGRAM_PREFIX + prev + "_" + term
                terms[pair] = get_term(pair, 0) + weight
            prev, prev_cap = term, cap
            if not cap:
                continue
            at = m.start()
            if at == 0 or sentence_end(part, max(0, at - 3), at):
                continue
            entities[term] = get_entity(term, 0) + weight
    return Counter(terms), Counter(entities)


@dataclass
class DocumentFrequencies:
    """Running document frequencies: the IDF grows with the collection, no refit needed."""

    docs: int = 0
    # a Counter in memory; a cluster.rowmap.RowMap when read from the store's rows
    df: dict[str, int] = field(default_factory=Counter)
    # document count at the last prune_rare() call
    pruned_at: int = 0
    # IDF by document frequency for the current document count (see ``idf_by_count``)
    _idf: _IdfByCount | None = field(default=None, init=False, repr=False, compare=False)

    def add(self, features: Iterable[str]) -> None:
        """Count one document's features (each key once)."""
        self.docs += 1
        df = self.df
        if isinstance(df, Counter):
            df.update(features)
        else:
            for key in features:
                df[key] = df.get(key, 0) + 1

    def add_article(self, terms: Counter[str], entities: Counter[str]) -> None:
        """``add`` of an article's ``feature_keys``, without building the set: a term never
        starts with the entity prefix, so the two key sets are disjoint."""
        self.add(chain(terms, [ENTITY_PREFIX + e for e in entities]))

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

    def idf_by_count(self) -> _IdfByCount:
        """The vectors' IDF, log(docs + 1) - log(df + 1) + 1, by df, computed once per df
        value while the document count stays (a batch's vectors are all built at one)."""
        if self._idf is None or self._idf.docs != self.docs:
            self._idf = _IdfByCount(self.docs)
        return self._idf


class _IdfByCount(dict[int, float]):
    def __init__(self, docs: int) -> None:
        super().__init__()
        self.docs = docs
        self.log_docs = math.log(docs + 1)

    def __missing__(self, df: int) -> float:
        value = self[df] = self.log_docs - math.log(df + 1) + 1.0
        return value


class _SublinearTf(dict[float, float]):
    """1 + log(count) by weighted count (counts take few distinct values)."""

    def __missing__(self, count: float) -> float:
        value = 1.0 + math.log(count) if count >= 1 else count
        if len(self) < 65_536:
            self[count] = value
        return value


_TF = _SublinearTf()


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
    vectors keep both the dot products and the inverted index cheap. (Built with ``map``
    over the keys, the same products in the same order as a loop, at half its cost.)
    """
    idf = dfs.idf_by_count()
    get = dfs.df.get
    keys = list(terms)
    if bigram_weight == 1.0:
        weights: Iterable[float] = repeat(1.0)
    else:  # bigram_weight for a bigram, else 1
        weights = map(
            {True: bigram_weight, False: 1.0}.__getitem__,
            map(str.startswith, keys, repeat(BIGRAM_PREFIX)),
        )
    tfs = map(_TF.__getitem__, terms.values())
    values = list(map(mul, map(mul, weights, tfs), map(idf.__getitem__, map(get, keys, repeat(0)))))
    if entity_weight > 0 and entities:
        names = [ENTITY_PREFIX + e for e in entities]
        tfs = map(_TF.__getitem__, entities.values())
        idfs = map(idf.__getitem__, map(get, names, repeat(0)))
        keys += names
        values += map(mul, map(mul, repeat(entity_weight), tfs), idfs)
    vec = dict(zip(keys, values, strict=True))
    if len(vec) > max_terms:
        # by weight, then key, so the cut is deterministic. Only the features at or above
        # the max_terms-th weight can be kept: those are sorted by key, then (stable) by weight
        values = list(vec.values())
        least = sorted(values, reverse=True)[max_terms - 1]
        kept = sorted(compress(vec.items(), map(ge, values, repeat(least))))
        kept.sort(key=itemgetter(1), reverse=True)
        vec = dict(kept[:max_terms])
    found = list(vec.values())
    norm = math.sqrt(sum(map(mul, found, found)))
    if norm == 0:
        return {}
    return dict(zip(vec, map(truediv, found, repeat(norm)), strict=True))


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
