"""Greedy average linkage over a ``linkage.Graph``: the batch re-grouping's merge rule.

Two groups merge while their average similarity is at least the threshold (and, with a
cohesion check, close enough to the looser group's own average); earlier stories are
fixed nodes that never merge with each other, so their ids stay. See ``linkage`` for why
average linkage and not a single-pass centroid.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

from storyline.cluster.linkage import Graph


def average_linkage(
    sizes: Sequence[int],
    fixed: Sequence[bool],
    graph: Graph,
    threshold: float,
    cohesion: float = 0.0,
    fixed_within: Sequence[float] | None = None,
) -> list[int]:
    """Greedy average-linkage over ``graph``; return each node's group (its root node).

    ``sizes`` are the nodes' member counts (a fixed node is an earlier story); an edge's
    weight is the summed similarity between the two nodes' members. Two groups merge
    while the best average, summed weight / (size x size), is at least ``threshold``;
    a group holds at most one fixed node. With ``cohesion`` > 0, two groups of several
    members each merge only if their average is at least ``cohesion`` times the average
    inside the looser of the two (the cohesion check: two tight stories about the same
    people stay two). The root of a group is its fixed node if it has
    one, else its smallest node.

    ``fixed_within`` gives, per node, the undamped average similarity inside a fixed
    node's story (NaN: unknown, as for a story of one; ignored for other nodes). With it a
    group of several members joins an earlier story only under the same cohesion check,
    the story's own average lowered by the group's mean damping (its links to the story
    were lowered by as much): a pile that arrives in pieces gets the answer the whole
    pile gets, where the story's members would be a group and the check would apply. A
    single article joins by the threshold alone, as it joins a group in one batch.
    """
    n = graph.n
    size = [float(s) for s in sizes]
    has_fixed = list(fixed)
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for a, b, w in zip(
        graph.rows.tolist(), graph.cols.tolist(), graph.weights.tolist(), strict=True
    ):
        links[a][b] = links[a].get(b, 0.0) + w
        links[b][a] = links[b].get(a, 0.0) + w
    root = list(range(n))
    inner = [0.0] * n  # summed similarity of the pairs inside a group
    # summed damping of a group's batch members (a fixed story's own is not known)
    damp = [0.0] * n
    if graph.damping is not None:
        for x in range(min(n, len(graph.damping))):
            damp[x] = 0.0 if fixed[x] else float(graph.damping[x])
    within_fixed = [math.nan] * n if fixed_within is None else [float(w) for w in fixed_within]
    heap: list[tuple[float, int, int]] = []
    for a in range(n):
        for b, w in links[a].items():
            if a < b and not (has_fixed[a] and has_fixed[b]):
                score = w / (size[a] * size[b])
                if score >= threshold:
                    heap.append((-score, a, b))
    heapq.heapify(heap)
    alive = [True] * n
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or (has_fixed[a] and has_fixed[b]):
            continue
        w = links[a].get(b)
        if w is None:
            continue
        score = w / (size[a] * size[b])
        if score != -neg:  # stale: a side changed since, and a fresh entry was pushed then
            continue
        if cohesion > 0 and min(size[a], size[b]) > 1 and not (has_fixed[a] or has_fixed[b]):
            within = min(2 * inner[x] / (size[x] * (size[x] - 1)) for x in (a, b))
            if score < cohesion * within:
                continue
        elif cohesion > 0 and min(size[a], size[b]) > 1 and has_fixed[a] != has_fixed[b]:
            story, loose = (a, b) if has_fixed[a] else (b, a)
            own = within_fixed[story] - damp[loose] / size[loose]
            bar = min(own, 2 * inner[loose] / (size[loose] * (size[loose] - 1)))
            if not math.isnan(own) and score < cohesion * bar:
                continue
        # keep the node with the fixed story (its id must survive), else the smaller one
        keep, gone = (a, b) if has_fixed[a] or (not has_fixed[b] and a < b) else (b, a)
        alive[gone] = False
        root[gone] = keep
        size[keep] += size[gone]
        inner[keep] += inner[gone] + w
        damp[keep] += damp[gone]
        has_fixed[keep] = has_fixed[keep] or has_fixed[gone]
        mine = links[keep]
        del mine[gone]
        for x, w_gone in links[gone].items():
            if x == keep:
                continue
            other = links[x]
            del other[gone]
            mine[x] = other[keep] = mine.get(x, 0.0) + w_gone
        links[gone] = {}
        for x, w_x in sorted(mine.items()):
            if has_fixed[keep] and has_fixed[x]:
                continue
            score = w_x / (size[keep] * size[x])
            if score >= threshold:
                lo, hi = (keep, x) if keep < x else (x, keep)
                heapq.heappush(heap, (-score, lo, hi))
    out = []
    for node in range(n):
        top = node
        while root[top] != top:
            top = root[top]
        out.append(top)
    return out
