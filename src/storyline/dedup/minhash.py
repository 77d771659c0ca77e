"""MinHash near-duplicate detection split into a map and a reduce step.

map (per article, runs in any ``Executor``): ``fingerprint(text, options)`` tokenises once and
returns the MinHash ``signature`` (datasketch, seeded, ``options.num_perm`` values) and the
sorted 64-bit hashes of the word shingles.

reduce (global, over all fingerprints): ``find_near_duplicates`` bands the signatures (LSH
with datasketch's optimal band/row split for ``options.lsh_threshold``; ``band_keys`` can run
on the map side, or per partition of signatures, so the reduce holds ``bands`` keys per
article and groups them bucket by bucket), verifies every
candidate pair with exact containment of the shingle sets,
``|A & B| / min(|A|, |B|) >= options.min_containment``, joins verified pairs into groups and
names one original per group: the earliest date, ties and undated articles broken by the
smallest id. The result maps every duplicate id to its original's id; it depends only on
the input values, never on their order or on which executor produced the fingerprints.

Containment rather than Jaccard is what is verified because a repost wrapped in outlet
boilerplate, or trimmed to its first paragraphs, contains (nearly) all of the shorter text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from storyline.config import DedupOptions
from storyline.disjoint import DisjointSet
from storyline.model import parse_day

_TOKEN = re.compile(r"\w+")
# a very large LSH bucket (shared boilerplate) would cost quadratic comparisons; beyond this
# size each member is compared with the first ones of the bucket in canonical order only
_MAX_BUCKET_PAIRS_PER_MEMBER = 64
_PARTITION_ROWS = 1 << 16  # signatures turned into band keys this many rows at a time
_SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd multiplier: a bijection mod 2^64


@dataclass(frozen=True)
class Fingerprint:
    signature: np.ndarray  # uint64[num_perm]
    shingles: np.ndarray  # sorted unique uint64 shingle hashes


def _identity(value: int) -> int:
    return value


@lru_cache(maxsize=1 << 18)
def token_hash(token: str) -> int:
    # cached: news vocabulary is Zipf-distributed, most tokens repeat across articles
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")


def tokens_of(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def shingle_hashes_of_tokens(tokens: Sequence[str], options: DedupOptions) -> np.ndarray:
    """Sorted unique 64-bit hashes of the word ``shingle_words``-grams of ``tokens``.

    A shingle's hash is a polynomial over its tokens' 64-bit hashes (arithmetic mod 2^64,
    vectorised with numpy), finished with the MurmurHash3 mixer, so that no per-shingle
    Python hashing is needed.
    """
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    token_hashes = np.fromiter(map(token_hash, tokens), dtype=np.uint64, count=len(tokens))
    k = min(options.shingle_words, len(tokens))
    count = len(tokens) - k + 1
    with np.errstate(over="ignore"):
        combined = token_hashes[:count].copy()
        for offset in range(1, k):
            combined = combined * _SHINGLE_MULTIPLIER + token_hashes[offset : offset + count]
        return np.unique(_mix64(combined))


def shingle_hashes(text: str, options: DedupOptions) -> np.ndarray:
    """Sorted unique 64-bit hashes of the lower-cased word ``shingle_words``-grams."""
    return shingle_hashes_of_tokens(tokens_of(text), options)


def _mix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3 64-bit finaliser (a bijection that spreads the bits)."""
    with np.errstate(over="ignore"):
        values = values ^ (values >> np.uint64(33))
        values = values * np.uint64(0xFF51AFD7ED558CCD)
        values = values ^ (values >> np.uint64(33))
        values = values * np.uint64(0xC4CEB9FE1A85EC53)
        return values ^ (values >> np.uint64(33))


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """datasketch's seeded affine64 permutation parameters (a, b), as column vectors."""
    from datasketch import MinHash

    a, b = MinHash(num_perm=num_perm, seed=seed, hashfunc=_identity, scheme="affine64").permutations
    return a.astype(np.uint64), b.astype(np.uint64)


def signature_of_shingles(shingles: np.ndarray, options: DedupOptions) -> np.ndarray:
    """The datasketch ``MinHash(scheme="affine64")`` hash values for these 64-bit inputs.

    Same arithmetic as ``MinHash.update_batch`` (mix, then ``a * h + b mod 2^64``, minimum
    per permutation) done in one numpy expression; a test checks it equals datasketch's.
    """
    a, b = _permutations(options.num_perm, options.seed)
    if not len(shingles):
        return np.full(options.num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        mixed = _mix64(shingles.astype(np.uint64))[:, None]
        return (mixed * a[None, :] + b[None, :]).min(axis=0)


def signature(text: str, options: DedupOptions) -> np.ndarray:
    """MinHash signature (uint64[num_perm]) of a text's word shingles."""
    return signature_of_shingles(shingle_hashes(text, options), options)


def fingerprint(text: str, options: DedupOptions) -> Fingerprint:
    """The map step: signature and shingle hashes from one tokenisation."""
    return fingerprint_of_tokens(tokens_of(text), options)


def fingerprint_of_tokens(tokens: Sequence[str], options: DedupOptions) -> Fingerprint:
    shingles = shingle_hashes_of_tokens(tokens, options)
    return Fingerprint(signature=signature_of_shingles(shingles, options), shingles=shingles)


def fingerprint_keys(text: str, options: DedupOptions) -> tuple[np.ndarray, np.ndarray]:
    """The map step for ``find_near_duplicates_by_keys``: LSH band keys and shingle hashes,
    all the reduce step needs of an article."""
    fp = fingerprint(text, options)
    return band_keys(fp.signature, options), fp.shingles


@lru_cache(maxsize=32)
def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising false positives + false negatives at ``threshold``."""
    from datasketch.lsh import _optimal_param

    return _optimal_param(threshold, num_perm, 0.5, 0.5)


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """|A & B| / min(|A|, |B|) over two sorted unique hash arrays."""
    smaller = min(len(a), len(b))
    if smaller == 0:
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / smaller


def _canonical_order(
    ids: Sequence[str], dates: Sequence[str | None], ranks: Sequence[int] | None = None
) -> list[int]:
    """Indices sorted by (undated last, date, rank, id): the first of a group is its original.

    ``ranks`` break date ties before ids (lower wins), e.g. the number of boilerplate
    spans removed, so the cleaner copy of an undated pair is the original."""
    ranks = ranks if ranks is not None else [0] * len(ids)
    days = [parse_day(d) for d in dates]
    keys = [(day is None, day or 0.0, r, i) for day, r, i in zip(days, ranks, ids, strict=True)]
    return sorted(range(len(ids)), key=keys.__getitem__)


def band_keys(signatures: np.ndarray, options: DedupOptions) -> np.ndarray:
    """One 64-bit key per LSH band: ``(n, bands)`` for a signature matrix, ``(bands,)`` for one.

    Computable on the map side, so that the reduce step only receives ``bands`` numbers per
    article instead of the whole signature. Two articles share a band when its keys are
    equal; a (rare) 64-bit key collision only adds a candidate that verification rejects.
    """
    matrix = np.atleast_2d(np.asarray(signatures, dtype=np.uint64))
    bands, rows = lsh_bands(options.lsh_threshold, matrix.shape[1])
    blocks = matrix[:, : bands * rows].reshape(matrix.shape[0], bands, rows)
    with np.errstate(over="ignore"):
        keys = np.zeros((matrix.shape[0], bands), dtype=np.uint64)
        for row in range(rows):
            keys = keys * _SHINGLE_MULTIPLIER + blocks[:, :, row]
        keys = _mix64(keys)
    return keys if np.ndim(signatures) == 2 else keys[0]


def candidate_pairs(keys: np.ndarray, order: list[int]) -> set[tuple[int, int]]:
    """Pairs (i, j) of row indices sharing at least one band key, i before j in ``order``."""
    rank = np.empty(len(order), dtype=np.int64)
    rank[np.asarray(order, dtype=np.int64)] = np.arange(len(order))
    pairs: set[tuple[int, int]] = set()
    for band in range(keys.shape[1]):
        _, inverse, counts = np.unique(keys[:, band], return_inverse=True, return_counts=True)
        shared = np.flatnonzero(counts[inverse] > 1)
        if not len(shared):
            continue
        # group rows of equal bucket, each group in canonical order
        by_bucket = shared[np.lexsort((rank[shared], inverse[shared]))]
        buckets = inverse[by_bucket]
        starts = np.flatnonzero(np.r_[True, buckets[1:] != buckets[:-1]])
        ends = np.r_[starts[1:], len(by_bucket)]
        for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
            members = by_bucket[start:end].tolist()
            for position, later in enumerate(members[1:], start=1):
                for earlier in members[: min(position, _MAX_BUCKET_PAIRS_PER_MEMBER)]:
                    pairs.add((earlier, later))
    return pairs


def find_near_duplicates(
    ids: Sequence[str],
    signatures: np.ndarray | Sequence[np.ndarray],
    texts_or_shingle_sets: Sequence[str | np.ndarray],
    dates: Sequence[str | None],
    options: DedupOptions,
    ranks: Sequence[int] | None = None,
) -> dict[str, str]:
    """The reduce step: ``{duplicate id: original id}`` over all articles.

    ``texts_or_shingle_sets[i]`` is the article text (shingled on demand) or its
    ``shingle_hashes``. Ids must be unique.
    """
    parts = [
        band_keys(np.asarray(signatures[start : start + _PARTITION_ROWS]), options)
        for start in range(0, len(signatures), _PARTITION_ROWS)
    ]
    keys = np.concatenate(parts) if parts else np.zeros((0, 1), dtype=np.uint64)
    return find_near_duplicates_by_keys(ids, keys, texts_or_shingle_sets, dates, options, ranks)


def find_near_duplicates_by_keys(
    ids: Sequence[str],
    keys: np.ndarray,
    texts_or_shingle_sets: Sequence[str | np.ndarray],
    dates: Sequence[str | None],
    options: DedupOptions,
    ranks: Sequence[int] | None = None,
) -> dict[str, str]:
    """``find_near_duplicates`` from band keys computed on the map side (``band_keys``)."""
    if len(set(ids)) != len(ids):
        raise ValueError("article ids must be unique")
    if not len(ids):
        return {}
    order = _canonical_order(ids, dates, ranks)

    def shingles_of(i: int) -> np.ndarray:
        value = texts_or_shingle_sets[i]
        return shingle_hashes(value, options) if isinstance(value, str) else value

    copies: DisjointSet[int] = DisjointSet(range(len(ids)))
    for earlier, later in sorted(candidate_pairs(np.atleast_2d(keys), order)):
        a, b = shingles_of(earlier), shingles_of(later)
        if min(len(a), len(b)) < options.min_shingles and not np.array_equal(a, b):
            continue  # a handful of shared words is not evidence of copying
        if containment(a, b) >= options.min_containment:
            copies.union(earlier, later)

    return first_seen_originals(ids, order, copies.find)


def first_seen_originals(
    ids: Sequence[str], order: Iterable[int], find: Callable[[int], int]
) -> dict[str, str]:
    """duplicate id -> original id: in each group (``find`` gives its root) the member
    first in ``order`` (the canonical order) is the original, every other one its copy."""
    order = list(order)
    original_of_root: dict[int, int] = {}
    for i in order:
        original_of_root.setdefault(find(i), i)
    duplicates = {}
    for i in order:
        original = original_of_root[find(i)]
        if original != i:
            duplicates[ids[i]] = ids[original]
    return dict(sorted(duplicates.items()))
