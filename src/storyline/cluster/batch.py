"""Retrospective grouping of one batch: average linkage, then a centroid merge.

1. Articles of the batch and the earlier stories they may join are the nodes of a
   sparse similarity graph (``linkage.neighbour_graph``; an article's link to an
   earlier story is its summed cosine with the story's members). Average linkage with a
   cohesion check groups them (``average_linkage``): tight groups, no drift.
2. Groups whose centroids have a cosine of at least ``link_merge_threshold`` merge (an
   event told in two vocabularies, a long story's two halves), again by average linkage
   over the groups, and a new group may join an earlier story here.

Earlier stories are fixed nodes in both steps: they never merge with each other, so
their ids survive; a single article added to a big store is placed by the same rule as
a whole batch. Everything is vectorised with sparse matrices (no per-pair Python).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np
from scipy import sparse

from storyline.cluster.average_linkage import average_linkage
from storyline.cluster.features import Vector
from storyline.cluster.groups import Group
from storyline.cluster.linkage import (
    Background,
    Graph,
    decayed_products,
    dense_products,
    neighbour_graph,
    pair_decay,
    to_matrix,
    vocabulary,
)
from storyline.config import ClusterOptions

# the time decay below which an earlier story is out of a batch's reach (as in the
# single pass's GroupIndex.best): a cosine of 1 decayed to it is under any link floor
TIME_REACH = 1e-3


@dataclass(frozen=True)
class Placed:
    """Members (indices into the batch, in batch order) and the index of the earlier story
    they join (into the ``stories`` given to ``regroup``), if any."""

    members: list[int]
    story: int | None


@dataclass(frozen=True)
class Dense:
    """Sentence vectors of a batch's articles (unit rows, zeros for none), the earlier
    stories' sums of them, and the weight of the dense cosine in a similarity."""

    articles: np.ndarray
    stories: np.ndarray
    weight: float


def _spans(days: Sequence[float | None]) -> np.ndarray:
    col = np.array([np.nan if d is None else d for d in days], dtype=np.float64)
    return np.column_stack([col, col]) if len(col) else np.zeros((0, 2))


def _story_spans(stories: Sequence[Group]) -> np.ndarray:
    rows = [
        (np.nan, np.nan)
        if g.first is None
        else (g.first, g.last if g.last is not None else g.first)
        for g in stories
    ]
    return np.array(rows, dtype=np.float64).reshape(len(stories), 2)


def _story_sums(
    matrix: sparse.csr_matrix,
    spans: np.ndarray,
    stories: Sequence[Group],
    totals: sparse.csr_matrix,
    opts: ClusterOptions,
    dense: Dense | None = None,
) -> sparse.csr_matrix:
    """Each article's summed similarity with each earlier story's members (articles x
    stories), where the average is at least the floor; ``totals`` are the stories' vector
    sums over the batch's columns."""
    n, m = matrix.shape[0], len(stories)
    story_spans = _story_spans(stories)
    grace, tau = opts.time_grace_days, opts.time_tau_days
    sizes = np.array([max(g.size, 1) for g in stories], dtype=np.float64)
    right = totals.T.tocsr()  # CSR once: a CSC right side is converted on every product
    # row blocks: a batch of thousands against ten thousand stories would otherwise hold
    # a third of its cells as one product (and its copies) at once
    block = max(16, 2_000_000 // max(m, 1))
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start in range(0, n, block):
        stop = min(n, start + block)
        prod = decayed_products(
            matrix[start:stop], right, spans[start:stop], story_spans, grace, tau
        )
        if dense is None:
            r = np.repeat(np.arange(stop - start), np.diff(prod.indptr))
            keep = prod.data / sizes[prod.indices] >= opts.link_floor
            found.append((r[keep] + start, prod.indices[keep], prod.data[keep]))
            continue
        # with dense vectors every pair has a similarity: row blocks of a dense matrix
        lex = prod.toarray()
        sem = dense_products(
            dense.articles[start:stop], dense.stories, spans[start:stop], story_spans, grace,
            tau, opts.dense_base, sizes,
        )  # fmt: skip
        sims = (1.0 - dense.weight) * lex + dense.weight * sem
        r, c = np.nonzero(sims / sizes[None, :] >= opts.link_floor)
        found.append((r + start, c, sims[r, c]))
    rows = np.concatenate([f[0] for f in found]) if found else np.zeros(0, dtype=np.int64)
    cols = np.concatenate([f[1] for f in found]) if found else np.zeros(0, dtype=np.int64)
    data = np.concatenate([f[2] for f in found]) if found else np.zeros(0)
    return sparse.csr_matrix((data, (rows, cols)), shape=(n, m))


def _story_links(
    matrix: sparse.csr_matrix,
    spans: np.ndarray,
    stories: Sequence[Group],
    totals: sparse.csr_matrix,
    opts: ClusterOptions,
    dense: Dense | None = None,
    damping: np.ndarray | None = None,
    sums: sparse.csr_matrix | None = None,
) -> Graph:
    """Edges article -> earlier story (node ``n + j``) whose average cosine >= the floor;
    ``totals`` are the stories' vector sums over the batch's columns, ``sums`` the
    ``_story_sums`` if already computed.

    ``damping`` is what each article's links to other articles were lowered by for its
    local density (``linkage.neighbour_graph``); its link to a story is lowered by as
    much per member, else an increment would rather join an earlier story about the same
    people than form its own."""
    n = matrix.shape[0]
    if sums is None:
        sums = _story_sums(matrix, spans, stories, totals, opts, dense)
    lower = np.zeros(n) if damping is None else damping
    sizes = np.array([max(g.size, 1) for g in stories], dtype=np.float64)
    found = sums.tocoo()
    rows, cols = found.row, found.col
    weights = found.data - lower[rows] * sizes[cols]
    keep = weights / sizes[cols] >= opts.link_floor
    return Graph(n + len(stories), rows[keep].astype(np.int64), cols[keep] + n, weights[keep])


def _within(story: Group) -> float:
    """A story's average cosine between two of its members, from its vector sum: the sum
    of n unit vectors has a squared norm of n plus twice the pairs' cosines (pruning the
    sum's light tail only lowers the estimate); NaN for a story of one. The norm is
    recomputed exactly from the sum (not the running one), so a story read back from a
    saved state gives the same estimate to the last bit."""
    n = story.size
    if n < 2:
        return math.nan
    sqnorm = math.fsum(v * v for v in story.total.values())
    return max(sqnorm - n, 0.0) / (n * (n - 1))


def _sqnorms(rows: sparse.csr_matrix) -> np.ndarray:
    return np.asarray(rows.multiply(rows).sum(axis=1), dtype=np.float64).ravel()


def _union(a: Graph, b: Graph, n: int) -> Graph:
    return Graph(
        n,
        np.concatenate([a.rows, b.rows]),
        np.concatenate([a.cols, b.cols]),
        np.concatenate([a.weights, b.weights]),
    )


def in_time(
    stories: list[Group], days: Iterable[float | None], opts: ClusterOptions
) -> list[Group]:
    """The ``stories`` within reach of a batch dated ``days``: a story whose time decay to
    every article of the batch is below ``TIME_REACH`` cannot take one (its decayed
    cosine stays under the link floor), yet the index retrieves old stories that share
    the batch's words, and in a store of months each would cost a product per batch.
    A story or a batch with an undated article is always in reach."""
    every = list(days)
    if not stories or not every or None in every:
        return stories  # an undated article is in reach of every story
    dated = [d for d in every if d is not None]
    batch = np.repeat([[min(dated), max(dated)]], len(stories), axis=0)
    decay = pair_decay(batch, _story_spans(stories), opts.time_grace_days, opts.time_tau_days)
    if decay is None:  # no time decay
        return stories
    return [g for g, reach in zip(stories, decay.tolist(), strict=True) if reach >= TIME_REACH]


def regroup(
    vectors: Sequence[Vector],
    days: Sequence[float | None],
    stories: Sequence[Group],
    opts: ClusterOptions,
    dense: Dense | None = None,
    pile: int | None = None,
) -> list[Placed]:
    """Group a batch's unit ``vectors`` among themselves and with earlier ``stories``.

    With ``dense``, similarities blend in the dense cosine (``linkage.neighbour_graph``).
    ``pile`` counts the articles placed before and in this batch (default: the batch):
    an article's topic background is measured over all of them, the earlier stories'
    members included. Returns the groups in order of their first member; an empty vector
    stays alone.
    """
    n = len(vectors)
    if n == 0:
        return []
    if dense is not None:
        # blended similarities run higher inside a topic: stricter merges
        opts = replace(
            opts, link_cohesion=opts.dense_cohesion, link_merge_threshold=opts.dense_merge_threshold
        )
    columns = vocabulary(vectors)
    matrix = to_matrix(vectors, columns)
    spans = _spans(days)
    # the earlier stories' vector sums over the batch's columns, built once for both steps
    totals = to_matrix([g.total for g in stories], columns)
    sums = _story_sums(matrix, spans, stories, totals, opts, dense) if stories else None
    background = None
    if sums is not None:
        members = np.array([max(g.size, 1) for g in stories], dtype=np.int64)
        averages = sparse.csr_matrix(sums @ sparse.diags(1.0 / members))
        background = Background(averages, members)
    graph = neighbour_graph(
        matrix, spans, opts.link_floor, opts.link_neighbours, opts.time_grace_days,
        opts.time_tau_days, opts.link_density_neighbours, opts.link_density_weight,
        dense=None if dense is None else dense.articles,
        dense_weight=0.0 if dense is None else dense.weight, dense_base=opts.dense_base,
        density_skip=opts.link_density_skip, background_prior=opts.link_background_prior,
        pile=pile, background=background,
    )  # fmt: skip
    total = n + len(stories)
    graph = Graph(total, graph.rows, graph.cols, graph.weights, graph.damping)
    if stories:
        links = _story_links(matrix, spans, stories, totals, opts, dense, graph.damping, sums)
        graph = _union(graph, links, total)
    sizes = [1] * n + [max(g.size, 1) for g in stories]
    fixed = [False] * n + [True] * len(stories)
    within = [math.nan] * n + [_within(g) for g in stories]
    roots = average_linkage(sizes, fixed, graph, opts.link_threshold, opts.link_cohesion, within)
    groups = _groups(roots, n)
    if opts.link_merge_threshold < 1.0 and len(groups) > 1:
        groups = _merge_groups(groups, matrix, spans, stories, totals, opts, dense)
    return groups


def _groups(roots: list[int], n: int) -> list[Placed]:
    """Groups of batch members by root; a root >= n is an earlier story's node."""
    by_root: dict[int, list[int]] = {}
    for i in range(n):
        by_root.setdefault(roots[i], []).append(i)
    joined: dict[int, int] = {}
    for i in range(n):
        root = roots[i]
        if root >= n:
            joined[root] = root - n
    out = [Placed(members, None) for root, members in by_root.items() if root < n]
    return sorted(out, key=lambda p: p.members[0]) + [
        Placed(by_root[root], joined[root]) for root in sorted(joined)
    ]


def _merge_groups(
    groups: list[Placed],
    matrix: sparse.csr_matrix,
    spans: np.ndarray,
    stories: Sequence[Group],
    totals: sparse.csr_matrix,
    opts: ClusterOptions,
    dense: Dense | None = None,
) -> list[Placed]:
    """Step 2: merge groups (and a new group into an earlier story) by centroid cosine."""
    n = matrix.shape[0]
    rows: list[int] = []
    cols: list[int] = []
    for g, placed in enumerate(groups):
        rows.extend([g] * len(placed.members))
        cols.extend(placed.members)
        if placed.story is not None:  # an earlier story with what it took in step 1
            rows.append(g)
            cols.append(n + placed.story)
    member_of = sparse.csr_matrix(
        (np.ones(len(rows)), (np.array(rows), np.array(cols))),
        shape=(len(groups), n + len(stories)),
    )
    sums = member_of @ sparse.vstack([matrix, totals]).tocsr()
    fixed = [p.story is not None for p in groups]
    # a story's features outside the batch's vocabulary still count in its norm
    outside = np.array([g.sqnorm for g in stories]) - _sqnorms(totals)
    sq = _sqnorms(sums)
    for g, placed in enumerate(groups):
        if placed.story is not None:
            sq[g] += max(outside[placed.story], 0.0)
    norms = np.sqrt(sq)
    unit = sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ sums
    first = np.array([np.nanmin(spans[p.members, 0]) if not np.isnan(spans[p.members, 0]).all()
                      else np.nan for p in groups])  # fmt: skip
    last = np.array([np.nanmax(spans[p.members, 1]) if not np.isnan(spans[p.members, 1]).all()
                     else np.nan for p in groups])  # fmt: skip
    group_spans = np.column_stack([first, last])
    for g, placed in enumerate(groups):
        if placed.story is not None:
            earlier = stories[placed.story]
            if earlier.first is not None:
                lo = earlier.first
                hi = earlier.last if earlier.last is not None else earlier.first
                group_spans[g] = [np.fmin(lo, first[g]), np.fmax(hi, last[g])]
    # earlier stories that took nothing in step 1 may still take a group here
    taken = {p.story for p in groups if p.story is not None}
    idle = [j for j in range(len(stories)) if j not in taken]
    active = None
    if idle:
        rest = totals[idle]
        tnorms = np.sqrt(np.array([stories[j].sqnorm for j in idle]))
        rest_unit = sparse.csr_matrix(sparse.diags(1.0 / np.maximum(tnorms, 1e-12)) @ rest)
        idle_spans = _story_spans([stories[j] for j in idle])
        if dense is None:
            active = _reached(unit, rest_unit, group_spans, idle_spans, opts)
        unit = sparse.vstack([unit, rest_unit])
        group_spans = np.vstack([group_spans, idle_spans])
        fixed = fixed + [True] * len(idle)
    centroids = None
    if dense is not None:
        # the groups' (and idle stories') dense centroids, in the rows' order
        sem = member_of @ np.vstack([dense.articles, dense.stories])
        if idle:
            sem = np.vstack([sem, dense.stories[idle]])
        lengths = np.linalg.norm(sem, axis=1, keepdims=True)
        centroids = sem / np.maximum(lengths, 1e-12)
    graph = neighbour_graph(
        sparse.csr_matrix(unit), group_spans, opts.link_merge_threshold, opts.link_neighbours,
        opts.time_grace_days, opts.time_tau_days, opts.link_density_neighbours,
        opts.link_density_weight, dense=centroids,
        dense_weight=0.0 if dense is None else dense.weight, dense_base=opts.dense_base,
        active=active,
    )  # fmt: skip
    roots = average_linkage([1] * len(fixed), fixed, graph, opts.link_merge_threshold)
    merged: dict[int, list[int]] = {}
    for g, placed in enumerate(groups):
        merged.setdefault(roots[g], []).extend(placed.members)
    out: list[Placed] = []
    for root, members in merged.items():
        if root >= len(groups):
            story: int | None = idle[root - len(groups)]
        else:
            story = groups[root].story
        out.append(Placed(sorted(members), story))
    return sorted(out, key=lambda p: (p.story is not None, p.members[0]))


def _reached(
    unit: sparse.csr_matrix,
    rest: sparse.csr_matrix,
    spans: np.ndarray,
    rest_spans: np.ndarray,
    opts: ClusterOptions,
) -> np.ndarray:
    """The rows of step 2's graph worth a neighbourhood: every group, and each idle earlier
    story that some group reaches with a decayed cosine at the merge threshold.

    An idle story no group reaches cannot take one (a link is kept only at the threshold,
    and its density damping only lowers it), and two earlier stories never merge, so its
    own row would only be compared with every other earlier story: the quadratic part of
    a big store (ten thousand earlier stories retrieved by one batch). A reached story's
    row is still compared with all rows, so its links and density are what they were."""
    count = unit.shape[0]
    reach = decayed_products(
        unit, rest.T.tocsr(), spans, rest_spans, opts.time_grace_days, opts.time_tau_days
    )
    # a hair below the threshold: the graph's own product may round the other way
    hit = np.unique(reach.indices[reach.data >= opts.link_merge_threshold - 1e-9])
    return np.concatenate([np.arange(count), count + hit]).astype(np.int64)
