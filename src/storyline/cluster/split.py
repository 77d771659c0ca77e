"""Splitting a story that turned out to hold two events (deterministic 2-means).

Single-pass clustering chains: an article about a second, similar event (another arrest
of another player of the same team) joins the first event's story, and later articles of
the second event follow it. Once a batch is placed, a story's members are split in two
around its two most distant members; if the halves' centroids are less alike than two
stories that would be merged, the story was two events.
"""

from __future__ import annotations

import math

from storyline.cluster.features import Vector, dot


def _add(total: Vector, vec: Vector) -> None:
    for k, v in vec.items():
        total[k] = total.get(k, 0.0) + v


def _sum(vectors: list[Vector]) -> Vector:
    total: Vector = {}
    for vec in vectors:
        _add(total, vec)
    return total


def _norm(vec: Vector) -> float:
    return math.sqrt(math.fsum(v * v for v in vec.values()))


def _cosine(a: Vector, b: Vector, norm_b: float) -> float:
    """Cosine of a unit vector ``a`` with ``b`` of known norm (norms are computed once)."""
    return dot(a, b) / norm_b if norm_b > 0 else 0.0


def two_means(vectors: list[Vector], iterations: int = 5) -> tuple[list[int], float]:
    """Split unit member vectors in two; return the second half's indices and the halves' cosine.

    Seeds are the member least like the centroid and the member least like that one; ties
    go to the earlier member, so the split is deterministic. Returns ([], 1.0) when no
    split exists (fewer than two distinct members). Linear in the members per iteration.
    """
    n = len(vectors)
    if n < 2:
        return [], 1.0
    centroid = _sum(vectors)
    norm = _norm(centroid)
    a = min(range(n), key=lambda i: (_cosine(vectors[i], centroid, norm), i))
    b = min(range(n), key=lambda i: (_cosine(vectors[i], vectors[a], 1.0), i))
    if a == b:
        return [], 1.0
    ca, cb = vectors[a], vectors[b]
    side = [False] * n  # True: second half (around seed b)
    for _ in range(iterations):
        na, nb = _norm(ca), _norm(cb)
        new = [_cosine(v, cb, nb) > _cosine(v, ca, na) for v in vectors]
        if not any(new) or all(new):
            return [], 1.0
        if new == side:
            break
        side = new
        ca = _sum([v for v, s in zip(vectors, side, strict=True) if not s])
        cb = _sum([v for v, s in zip(vectors, side, strict=True) if s])
    second = [i for i, s in enumerate(side) if s]
    na, nb = _norm(ca), _norm(cb)
    return second, dot(ca, cb) / (na * nb) if na > 0 and nb > 0 else 1.0
