"""Near-duplicates brought up to date with new articles only, equal to a full recompute.

A full run (``minhash.find_near_duplicates_by_keys``) takes every pair of articles sharing
an LSH bucket, in canonical order, each member compared with the first
``_MAX_BUCKET_PAIRS_PER_MEMBER`` members of its bucket, verifies each pair with exact
shingle containment, and joins the verified pairs (the edges) into groups.

``update_near_duplicates`` gets the band keys of every article (stored ones are read, not
computed again), which of them are new, and the edges verified by the previous run. Only
pairs with a new article are verified; an old edge is kept while it is still a candidate:
an old pair can stop being one (a new article placed earlier in a bucket of more than
``_MAX_BUCKET_PAIRS_PER_MEMBER`` members pushes it out of the window), never become one, so
the groups are exactly those of a full run over all articles (tested). The cost is one
vectorised sort per band over the keys plus the buckets holding a new article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np

from storyline.config import DedupOptions
from storyline.dedup.minhash import (
    _MAX_BUCKET_PAIRS_PER_MEMBER,
    _canonical_order,
    containment,
    first_seen_originals,
)
from storyline.disjoint import DisjointSet

Edge = tuple[str, str]


def _verified(a: np.ndarray, b: np.ndarray, options: DedupOptions) -> bool:
    """The full run's test of one candidate pair (see find_near_duplicates_by_keys)."""
    if min(len(a), len(b)) < options.min_shingles and not np.array_equal(a, b):
        return False  # a handful of shared words is not evidence of copying
    return containment(a, b) >= options.min_containment


def update_near_duplicates(
    ids: Sequence[str],
    keys: np.ndarray,
    new: np.ndarray,
    old_edges: Iterable[Edge],
    shingles_of: Callable[[int], np.ndarray],
    dates: Sequence[str | None],
    options: DedupOptions,
    ranks: Sequence[int] | None = None,
) -> tuple[dict[str, str], list[Edge]]:
    """``({duplicate id: original id}, edges)`` over all articles.

    ``keys`` are the ``(n, bands)`` band keys, ``new[i]`` says article ``i`` was not part of
    the run that verified ``old_edges`` (id pairs; edges touching a new article are
    ignored), ``shingles_of(i)`` gives an article's shingle hashes (asked only for articles
    of candidate pairs with a new one). The duplicate map equals
    ``find_near_duplicates_by_keys`` over all articles; the edges (sorted id pairs) are
    what the next update needs.
    """
    if len(set(ids)) != len(ids):
        raise ValueError("article ids must be unique")
    n = len(ids)
    if not n:
        return {}, []
    keys = np.atleast_2d(np.asarray(keys, dtype=np.uint64))
    new = np.asarray(new, dtype=bool)
    order = _canonical_order(ids, dates, ranks)
    rank = np.empty(n, dtype=np.int64)
    rank[np.asarray(order, dtype=np.int64)] = np.arange(n)
    cap = _MAX_BUCKET_PAIRS_PER_MEMBER
    position = np.empty(keys.shape, dtype=np.int64)  # rank of each article in its bucket
    new_rows = np.flatnonzero(new)
    pairs: set[tuple[int, int]] = set()
    for band in range(keys.shape[1]):
        column = keys[:, band]
        by_bucket = np.lexsort((rank, column))
        sorted_keys = column[by_bucket]
        boundary = np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]
        starts = np.flatnonzero(boundary)
        ends = np.r_[starts[1:], n]
        bucket = np.cumsum(boundary) - 1
        position[by_bucket, band] = np.arange(n) - starts[bucket]
        if not len(new_rows):
            continue
        bucket_of = np.empty(n, dtype=np.int64)
        bucket_of[by_bucket] = bucket
        touched = np.unique(bucket_of[new_rows])
        for b in touched[ends[touched] - starts[touched] > 1].tolist():
            members = by_bucket[starts[b] : ends[b]].tolist()
            for at, later in enumerate(members[1:], start=1):
                for earlier in members[: min(at, cap)]:
                    if new[earlier] or new[later]:
                        pairs.add((earlier, later))

    index = {article_id: i for i, article_id in enumerate(ids)}
    kept: list[tuple[int, int]] = []
    for a_id, b_id in old_edges:
        a, b = index.get(a_id), index.get(b_id)
        if a is None or b is None or new[a] or new[b]:
            continue
        kept.append((a, b) if rank[a] < rank[b] else (b, a))
    if kept:
        edge = np.asarray(kept, dtype=np.int64)
        shared = keys[edge[:, 0]] == keys[edge[:, 1]]
        # a pair is a candidate when, in a band they share, the earlier one is among the
        # first ``cap`` members of the bucket (every later member is compared with those)
        still = (shared & (position[edge[:, 0]] < cap)).any(axis=1)
        kept = [pair for pair, ok in zip(kept, still.tolist(), strict=True) if ok]

    cache: dict[int, np.ndarray] = {}

    def shingles(i: int) -> np.ndarray:
        if i not in cache:
            cache[i] = shingles_of(i)
        return cache[i]

    verified = [p for p in sorted(pairs) if _verified(shingles(p[0]), shingles(p[1]), options)]
    copies: DisjointSet[int] = DisjointSet(range(n))
    edges = kept + verified
    for earlier, later in edges:
        copies.union(earlier, later)
    duplicates = first_seen_originals(ids, order, copies.find)
    stored = sorted({(ids[a], ids[b]) if ids[a] < ids[b] else (ids[b], ids[a]) for a, b in edges})
    return duplicates, stored
