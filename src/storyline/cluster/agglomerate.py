"""Sparse agglomerative clustering over a candidate graph (the reduce step of a batch).

Nodes are the new articles of a batch plus the existing stories they retrieved. Edges
come only from candidate retrieval (inverted index), so the graph has O(n * k) edges and
the whole step is roughly linear. The most similar pair is merged first (lazy max-heap:
a stale edge is re-scored when popped), until no edge reaches the threshold. Two existing
stories never merge, so every existing story id survives a later batch.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

from storyline.cluster.features import Vector


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


@dataclass
class Node:
    total: Vector
    sqnorm: float
    size: int
    first: float | None
    last: float | None
    story: str | None = None  # id of the existing story this node is (or absorbed)
    members: list[int] = field(default_factory=list)  # batch article indices
    version: int = 0


def similarity(a: Node, b: Node, mix: float) -> float:
    """Cosine of the two centroids, blended toward average linkage by ``mix``.

    Centroid cosine alone lets a large, smooth cluster swallow everything near it;
    average linkage alone (mean pairwise cosine) fragments large, diverse stories.
    """
    if a.sqnorm <= 0 or b.sqnorm <= 0:
        return 0.0
    d = dot(a.total, b.total)
    if mix <= 0:
        return d / math.sqrt(a.sqnorm * b.sqnorm)
    # geometric blend of the two normalisers: |A||B| (centroid) and nA*nB (average)
    norm = math.sqrt(a.sqnorm * b.sqnorm) ** (1 - mix) * float(a.size * b.size) ** mix
    return d / norm


def merge_into(a: Node, b: Node) -> None:
    """Fold ``b`` into ``a`` (a keeps its story id)."""
    total = a.total
    sq = a.sqnorm
    for k, v in b.total.items():
        old = total.get(k, 0.0)
        new = old + v
        total[k] = new
        sq += new * new - old * old
    a.sqnorm = max(sq, 0.0)
    a.size += b.size
    a.members.extend(b.members)
    if b.first is not None:
        a.first = b.first if a.first is None else min(a.first, b.first)
        a.last = b.last if a.last is None else max(a.last, b.last or b.first)
    a.version += 1


def agglomerate(
    nodes: list[Node],
    edges: dict[tuple[int, int], float],
    threshold: float,
    mix: float,
    decay,
) -> list[int]:
    """Merge nodes along edges; return, per node index, the index of its final group root."""
    parent = list(range(len(nodes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    heap = [(-s, a, b, 0, 0) for (a, b), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        na, nb = nodes[ra], nodes[rb]
        if na.story is not None and nb.story is not None:
            continue
        if (ra, rb) != (a, b) or na.version != va or nb.version != vb:
            s = similarity(na, nb, mix) * decay(na, nb)
            if s >= threshold:
                lo, hi = min(ra, rb), max(ra, rb)
                heapq.heappush(heap, (-s, lo, hi, nodes[lo].version, nodes[hi].version))
            continue
        # the survivor is the existing story if any, else the lower index (earlier article)
        keep, drop = (ra, rb) if nb.story is None else (rb, ra)
        if na.story is None and nb.story is None:
            keep, drop = min(ra, rb), max(ra, rb)
        merge_into(nodes[keep], nodes[drop])
        parent[drop] = keep
    return [find(i) for i in range(len(nodes))]
