"""Exact and near-duplicate detection: seeded MinHash + LSH, verified exactly.

Split into a per-article *map* step (``shingles``, ``signature``) that can run on any
executor and a global *reduce* step (``find_near_duplicates``) over all signatures, so
the same code serves one process and a Dask cluster. Candidates from LSH are confirmed
with the exact containment of shingle sets (|A & B| / min(|A|, |B|)), which also catches
a copy that was trimmed or had paragraphs added. Everything is seeded and processed in
sorted order, so the result never depends on input order (unlike trafilatura's
per-process dedup, field note 11).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from storyline.config import DedupOptions

_WORD = re.compile(r"\w+", re.UNICODE)
# fixed explicitly: signatures stored or sent between workers must agree on it
SCHEME = "affine32"


def shingles(text: str, size: int) -> frozenset[str]:
    """Word n-gram shingles of the case-folded text (all words if shorter than ``size``)."""
    words = _WORD.findall(text.casefold())
    if len(words) < size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def signature(shingle_set: frozenset[str], options: DedupOptions) -> np.ndarray:
    mh = MinHash(num_perm=options.num_perm, seed=options.seed, scheme=SCHEME)
    # sorted: MinHash is order-independent, but bulk update order must not matter anyway
    mh.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
    return mh.hashvalues


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True)
class DedupItem:
    id: str
    shingles: frozenset[str]
    signature: np.ndarray
    date: str | None = None  # ISO; the earliest copy is the original
    rank: int = 0  # tie-break before id: lower wins (e.g. fewer boilerplate removals)


def _original_key(item: DedupItem) -> tuple[int, str, int, str]:
    # undated copies lose to dated ones; then earliest date, then rank, then id
    return (item.date is None, item.date or "", item.rank, item.id)


def find_near_duplicates(items: Sequence[DedupItem], options: DedupOptions) -> dict[str, str]:
    """Map every duplicate's id to its original's id. Originals are absent from the map."""
    ordered = sorted(items, key=_original_key)
    lsh = MinHashLSH(threshold=options.lsh_threshold, num_perm=options.num_perm)
    by_id: dict[str, DedupItem] = {}
    exact: dict[str, str] = {}
    duplicate_of: dict[str, str] = {}
    for item in ordered:
        if not item.shingles:
            continue
        digest = hashlib.sha1("\n".join(sorted(item.shingles)).encode()).hexdigest()
        if digest in exact:
            duplicate_of[item.id] = exact[digest]
            continue
        mh = MinHash(
            num_perm=options.num_perm, seed=options.seed, hashvalues=item.signature, scheme=SCHEME
        )
        best: tuple[float, str] | None = None
        for cand_id in sorted(lsh.query(mh)):
            score = containment(item.shingles, by_id[cand_id].shingles)
            if score >= options.min_containment and (best is None or score > best[0]):
                best = (score, cand_id)
        if best is not None:
            duplicate_of[item.id] = best[1]
            continue
        exact[digest] = item.id
        by_id[item.id] = item
        lsh.insert(item.id, mh)
    return duplicate_of
