"""Coreference scores: MUC, B-cubed, CEAF-e and their mean (CoNLL F1).

Clusters are collections of hashable mention keys. Key (gold) and response (system)
may cover different mentions: a mention missing from the other side counts as its own
singleton there, as in the reference CoNLL scorer's treatment for MUC partitions.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from storyline.evaluate.metrics import PRF, ratio

Cluster = frozenset
Side = Callable[[list[frozenset], list[frozenset]], tuple[float, float]]


def _as_clusters(clusters: Iterable[Iterable[Hashable]]) -> list[frozenset]:
    return [frozenset(c) for c in clusters if c]


def _both_ways(
    side: Side, key: Sequence[Iterable[Hashable]], response: Sequence[Iterable[Hashable]]
) -> PRF:
    """Recall is ``side`` of response against key; precision the same with roles swapped."""
    k, r = _as_clusters(key), _as_clusters(response)
    rn, rd = side(k, r)
    pn, pd = side(r, k)
    return PRF(ratio(pn, pd), ratio(rn, rd))


def _muc_side(key: list[frozenset], response: list[frozenset]) -> tuple[float, float]:
    """Numerator and denominator of MUC recall of ``response`` against ``key``."""
    where = {m: i for i, c in enumerate(response) for m in c}
    num = den = 0.0
    for cluster in key:
        # partitions: response clusters touched, plus each unaligned mention alone
        parts = {where[m] for m in cluster if m in where}
        unaligned = sum(1 for m in cluster if m not in where)
        num += len(cluster) - (len(parts) + unaligned)
        den += len(cluster) - 1
    return num, den


def muc(key: Sequence[Iterable[Hashable]], response: Sequence[Iterable[Hashable]]) -> PRF:
    return _both_ways(_muc_side, key, response)


def _b3_side(key: list[frozenset], response: list[frozenset]) -> tuple[float, float]:
    where = {m: c for c in response for m in c}
    num = 0.0
    den = 0
    for cluster in key:
        for m in cluster:
            den += 1
            other = where.get(m)
            if other is not None:
                num += len(cluster & other) / len(cluster)
    return num, den


def b_cubed(key: Sequence[Iterable[Hashable]], response: Sequence[Iterable[Hashable]]) -> PRF:
    # recall: per key mention, overlap / |key cluster|
    return _both_ways(_b3_side, key, response)


def ceaf_e(key: Sequence[Iterable[Hashable]], response: Sequence[Iterable[Hashable]]) -> PRF:
    """Entity-based CEAF with phi4 similarity and an optimal one-to-one alignment."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    k, r = _as_clusters(key), _as_clusters(response)
    if not k or not r:
        return PRF(0.0, 0.0)
    sim = np.zeros((len(k), len(r)))
    where = {m: j for j, c in enumerate(r) for m in c}
    for i, kc in enumerate(k):
        for j in {where[m] for m in kc if m in where}:
            sim[i, j] = 2 * len(kc & r[j]) / (len(kc) + len(r[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = float(sim[rows, cols].sum())
    return PRF(total / len(r), total / len(k))


@dataclass(frozen=True)
class CorefScores:
    muc: PRF
    b_cubed: PRF
    ceaf_e: PRF

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b_cubed.f1 + self.ceaf_e.f1) / 3


def score(key: Sequence[Iterable[Hashable]], response: Sequence[Iterable[Hashable]]) -> CorefScores:
    return CorefScores(muc(key, response), b_cubed(key, response), ceaf_e(key, response))
