"""The sparse similarity graph of the batch re-grouping (``average_linkage`` groups over it).

A single-pass centroid drifts: every article it takes makes it a little more general, so a
big story ends up taking any article on the same broad topic (the same politicians, the
same country) and the pile's largest stories become grab-bags. Average linkage does not
drift: two groups merge only if their members are, on average, as alike as the
threshold says, whatever their sizes, so a threshold that works on 1,000 articles works
on 100,000.

The graph holds, for each article, its most similar other articles (cosine of the unit
TF-IDF vectors, damped by the time gap) above a floor, computed with sparse matrix
products in row blocks; pairs below the floor count as 0 (background similarity of
articles on the same topic is what glues grab-bags together). Earlier stories take part as
fixed nodes of their size: an article's link to one is its summed cosine with the
story's members (its dot product with the story's vector sum), and two earlier stories
never merge, so their ids stay. The merge order is the classic greedy one (best average
first, ties by node number), so the result is deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from storyline.cluster.features import Vector


@dataclass(frozen=True)
class Graph:
    """Undirected weighted edges between nodes 0..n-1 (``i < j``), as parallel arrays."""

    n: int
    rows: np.ndarray
    cols: np.ndarray
    weights: np.ndarray
    # what each node's links were lowered by for its local density (None: not damped)
    damping: np.ndarray | None = None


def vocabulary(vectors: Sequence[Vector]) -> dict[str, int]:
    """Column of each feature, in sorted order (deterministic)."""
    keys: set[str] = set()
    for vec in vectors:
        keys.update(vec)
    ordered = sorted(keys)
    return dict(zip(ordered, range(len(ordered)), strict=True))


def to_matrix(vectors: Sequence[Vector], columns: dict[str, int]) -> sparse.csr_matrix:
    """Rows of ``vectors`` as a CSR matrix over ``columns`` (features not in it dropped),
    each row's entries in its vector's order."""
    indptr = [0]
    indices: list[int | None] = []
    data: list[float] = []
    get = columns.get
    for vec in vectors:
        found = list(map(get, vec))
        if None in found:
            kept = [(col, v) for col, v in zip(found, vec.values(), strict=True) if col is not None]
            indices.extend(col for col, _ in kept)
            data.extend(v for _, v in kept)
        else:
            indices.extend(found)
            data.extend(vec.values())
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), indptr),
        shape=(len(vectors), len(columns)),
    )


def pair_decay(
    spans_a: np.ndarray, spans_b: np.ndarray, grace: float, tau: float
) -> np.ndarray | None:
    """exp(-(gap - grace) / tau) between the date spans of row i of ``spans_a`` and row i of
    ``spans_b`` (rows of [first, last]; NaN = undated), 1 within ``grace`` days; None when
    either side is undated throughout or ``tau`` is 0."""
    if tau <= 0 or np.isnan(spans_a).all() or np.isnan(spans_b).all():
        return None
    gap = np.maximum(spans_a[:, 0] - spans_b[:, 1], spans_b[:, 0] - spans_a[:, 1])
    gap = np.where(np.isnan(gap), 0.0, np.maximum(gap - grace, 0.0))
    return np.exp(-gap / tau)


@dataclass(frozen=True)
class DecayTable:
    """The time decay between every two distinct date spans of a set of rows (``table``,
    ``pair_decay`` of the two spans) and each row's code into it: damping a product's
    non-zeros is then two look-ups each instead of a gap and an exponential each, with
    the very same values (the same element-wise operations on the same spans)."""

    codes: np.ndarray
    table: np.ndarray


def decay_table(
    spans: np.ndarray, grace: float, tau: float, cells: int = 4_000_000
) -> DecayTable | None:
    """A ``DecayTable`` for the rows of ``spans`` (n x 2, NaN undated); None when there is
    no decay (``tau`` 0, all undated) or more than ``cells`` pairs of distinct spans."""
    if tau <= 0 or not len(spans) or np.isnan(spans).all():
        return None
    # NaN never equals itself: key undated ends as +inf (no date is) to share one code
    keyed = np.where(np.isnan(spans), np.inf, spans)
    distinct, codes = np.unique(keyed, axis=0, return_inverse=True)
    count = len(distinct)
    if count * count > cells:
        return None
    distinct[np.isinf(distinct)] = np.nan
    decay = pair_decay(
        np.repeat(distinct, count, axis=0), np.tile(distinct, (count, 1)), grace, tau
    )
    if decay is None:
        return None
    return DecayTable(codes.reshape(-1), decay.reshape(count, count))


def decayed_products(
    left: sparse.csr_matrix,
    right_t: sparse.csc_matrix | sparse.csr_matrix,
    spans_left: np.ndarray,
    spans_right: np.ndarray,
    grace: float,
    tau: float,
    table: tuple[DecayTable, np.ndarray | slice] | None = None,
) -> sparse.csr_matrix:
    """``left @ right_t`` with each non-zero damped by the time gap of its row and column.

    ``table``, with which of its rows ``left``'s rows are, holds the decay of both sides'
    spans (``neighbour_graph``: a row block against all rows); ``right_t`` is best CSR (a
    CSC one is converted on every call)."""
    prod = sparse.csr_matrix(left @ right_t)
    if prod.nnz:
        rows = np.repeat(np.arange(prod.shape[0]), np.diff(prod.indptr))
        if table is not None:
            known, picked = table
            left_codes = known.codes[picked]
            prod.data *= known.table[left_codes[rows], known.codes[prod.indices]]
            return prod
        decay = pair_decay(spans_left[rows], spans_right[prod.indices], grace, tau)
        if decay is not None:
            prod.data *= decay
    return prod


def dense_products(
    left: np.ndarray,
    right: np.ndarray,
    spans_left: np.ndarray,
    spans_right: np.ndarray,
    grace: float,
    tau: float,
    base: float = 0.0,
    sizes: np.ndarray | None = None,
) -> np.ndarray:
    """``left @ right.T`` (dense unit vectors, or sums of ``sizes`` of them on the right),
    rescaled so that a cosine of ``base`` or less is 0 and 1 stays 1, damped by the time
    gap of each row and column (a dense block: callers keep ``left`` a row block).

    Any two news texts have a dense cosine of 0.1-0.3 and two on the same topic 0.5 or
    more; only the part above ``base`` tells one event from another.
    """
    out = np.asarray(left @ right.T, dtype=np.float64)
    if sizes is not None:
        out /= sizes[None, :]
    out = np.maximum(out - base, 0.0) / (1.0 - base)
    if sizes is not None:
        out *= sizes[None, :]
    rows, cols = out.shape
    if rows and cols:
        decay = pair_decay(
            np.repeat(spans_left, cols, axis=0), np.tile(spans_right, (rows, 1)), grace, tau
        )
        if decay is not None:
            out *= decay.reshape(rows, cols)
    return out


def _top_links(
    sims: np.ndarray,
    floor: float,
    neighbours: int,
    m: int,
    skip: int = 0,
    others: int | None = None,
    prior: float | None = None,
    extra: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per row of a block of similarities: the links kept (>= ``floor`` and >= the row's
    (``neighbours`` + 1)-th largest value) and the row's density (mean of its largest values
    ranked ``skip`` + 1 to ``m``, missing ones 0; 0 when ``m`` is 0).

    ``others`` is how many articles the pile holds besides the row's own (default: the
    block's columns less one); a rank past it does not exist and counts as ``prior``
    (None: the mean of the ranks that exist). ``extra`` (block rows, values) are further
    similarities that count towards the density only (earlier stories' members).

    Only the values >= ``floor`` are sorted (one comparison pass over the block instead of
    a partition of every row): a row with more than max(m, neighbours) of them has all its
    top values among them; the few rows with fewer fall back to a partition of the row."""
    count, n = sims.shape
    need = max(m, neighbours + 1)
    r, c = np.nonzero(sims >= floor) if floor > 0 else np.nonzero(sims > 0)
    r, c, v, top = _candidates(r, c, sims[r, c], count, need)
    short = np.nonzero(np.bincount(r, minlength=count) < need)[0]
    if len(short) and n > need:  # fewer candidates than needed: read the whole row
        part = -np.partition(-sims[short], need - 1, axis=1)[:, :need]
        top[short] = -np.sort(-part, axis=1)
    elif len(short):
        width = min(need, n)
        top[short, :width] = -np.sort(-sims[short], axis=1)[:, :width]
    return _kept(r, c, v, top, neighbours, n, m, skip, others, prior, extra)


def _top_links_sparse(
    sims: sparse.csr_matrix,
    floor: float,
    neighbours: int,
    m: int,
    skip: int = 0,
    others: int | None = None,
    prior: float | None = None,
    extra: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``_top_links`` of a block held sparse, its stored values all >= 0 (lexical cosines):
    the same links and densities without the dense block, since a row's values missing
    from the block are 0 and only pad a row's largest values. A third or less of a big
    pile's pairs share a feature, so this reads a third of the cells."""
    count, n = sims.shape
    need = max(m, neighbours + 1)
    rows = np.repeat(np.arange(count), np.diff(sims.indptr))
    cols, values = sims.indices, sims.data
    found = values >= floor if floor > 0 else values > 0
    r, c, v, top = _candidates(rows[found], cols[found], values[found], count, need)
    short = np.nonzero(np.bincount(r, minlength=count) < need)[0]
    if len(short):  # fewer candidates than needed: partition the row's stored values
        lengths = np.diff(sims.indptr)[short]
        # padded with 0s, as the row's absent cells are: at least need of them, at most n
        width = min(n, max(need, int(lengths.max())))
        padded = np.zeros((len(short), width))
        at = np.repeat(np.arange(len(short)), lengths)
        within = np.arange(len(at)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
        padded[at, within] = values[within + np.repeat(sims.indptr[short], lengths)]
        if width > need:
            part = -np.partition(-padded, need - 1, axis=1)[:, :need]
            top[short] = -np.sort(-part, axis=1)
        else:
            top[short, :width] = -np.sort(-padded, axis=1)[:, :width]
    return _kept(r, c, v, top, neighbours, n, m, skip, others, prior, extra)


def _candidates(
    r: np.ndarray, c: np.ndarray, v: np.ndarray, count: int, need: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The entries sorted by row, then value descending (ties: column), and each row's
    ``need`` largest values among them (0 where a row has fewer)."""
    order = np.lexsort((c, -v, r))
    r, c, v = r[order], c[order], v[order]
    return r, c, v, _ranked(r, v, count, need)


def _kept(
    r: np.ndarray,
    c: np.ndarray,
    v: np.ndarray,
    top: np.ndarray,
    neighbours: int,
    n: int,
    m: int,
    skip: int,
    others: int | None,
    prior: float | None,
    extra: tuple[np.ndarray, np.ndarray] | None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The candidates at or above their row's (``neighbours`` + 1)-th largest value, in
    row-major order (as ``np.nonzero`` gives), and the rows' densities."""
    density = _density(top, m, skip, n - 1 if others is None else others, prior, extra)
    if neighbours < n - 1:
        cut = top[:, neighbours]  # the (neighbours + 1)-th largest value of the row
        keep = v >= cut[r]
        r, c, v = r[keep], c[keep], v[keep]
    back = np.lexsort((c, r))
    return r[back], c[back], v[back], density


def _ranked(r: np.ndarray, v: np.ndarray, count: int, width: int) -> np.ndarray:
    """``count`` x ``width``: each row's largest values (entries sorted by row, then value
    descending), 0 where a row has fewer."""
    starts = np.searchsorted(r, np.arange(count))
    rank = np.arange(len(r)) - starts[r]  # position of each value within its row
    top = np.zeros((count, width))
    inside = rank < width
    top[r[inside], rank[inside]] = v[inside]
    return top


def _density(
    top: np.ndarray,
    m: int,
    skip: int,
    others: int,
    prior: float | None,
    extra: tuple[np.ndarray, np.ndarray] | None,
) -> np.ndarray:
    """Mean of each row's values ranked ``skip`` + 1 to ``m`` (see ``_top_links``)."""
    count = top.shape[0]
    if m <= 0:
        return np.zeros(count)
    ranks = top[:, :m]
    if extra is not None and len(extra[0]):
        er, ev = extra
        order = np.lexsort((-ev, er))
        ranks = np.hstack([ranks, _ranked(er[order], ev[order], count, m)])
        ranks = -np.sort(-ranks, axis=1)[:, :m]
    skip = min(skip, m - 1)
    have = max(0, min(m, others))  # ranks the pile has an article for
    measured = ranks[:, skip:have].sum(axis=1) if have > skip else np.zeros(count)
    missing = m - max(skip, have)
    if missing:
        if prior is None:
            fill = ranks[:, :have].mean(axis=1) if have else np.zeros(count)
        else:
            fill = np.full(count, prior)
        measured = measured + missing * fill
    return measured / (m - skip)


@dataclass(frozen=True)
class Background:
    """Earlier stories as part of an article's neighbourhood: ``averages`` (articles x
    stories, sparse) is the article's mean similarity with a story's members, ``members``
    how many of them count (a story's size, at most the density ranks)."""

    averages: sparse.csr_matrix
    members: np.ndarray


def neighbour_graph(
    matrix: sparse.csr_matrix,
    spans: np.ndarray,
    floor: float,
    neighbours: int,
    grace: float,
    tau: float,
    density_neighbours: int = 0,
    density_weight: float = 0.0,
    block_cells: int = 2_000_000,
    dense: np.ndarray | None = None,
    dense_weight: float = 0.0,
    dense_base: float = 0.0,
    density_skip: int = 0,
    background_prior: float | None = None,
    pile: int | None = None,
    background: Background | None = None,
    active: np.ndarray | None = None,
) -> Graph:
    """Each row's ``neighbours`` most similar other rows with a (decayed) cosine >= ``floor``.

    Rows of ``matrix`` are unit vectors, ``spans`` their date spans (n x 2, NaN undated).
    The union of both directions is kept, once per pair.

    With ``density_weight`` > 0, each pair's similarity is lowered by ``density_weight``
    times the mean of its two ends' local densities (a row's mean similarity to its
    most similar rows ranked ``density_skip`` + 1 to ``density_neighbours``; CSLS, Conneau
    et al. 2018, after local scaling): in a crowded part of the pile (many stories about
    the same people) an article must stand out from its neighbourhood to link, in a
    sparse part it need not. Skipping the nearest ranks measures the neighbourhood
    without the article's own story: a story of a dozen articles (ECB+) fills an
    article's top ranks with its own members, and their mean would damp the very links
    that hold the story together, while ranks 21-30 are the same-topic background in a
    pile of three-article stories (NeuS) and in one of dozen-article stories alike.

    The neighbourhood is the whole pile, not the batch: ``background`` holds the earlier
    stories' members (an increment of a few articles added to a store meets its topic
    there, and would otherwise see no background at all) and ``pile`` counts every
    article of the pile (default: the rows). A pile too small to have an article at a
    rank has no background to measure there: the rank counts as ``background_prior``
    (None: the mean of the ranks the pile has), so the prior fades as the pile grows and
    is gone once it reaches ``density_neighbours`` + 1 articles.

    With ``dense`` (n x d unit sentence vectors, rows of zeros for articles without one)
    each similarity is ``(1 - dense_weight)`` x the TF-IDF cosine plus ``dense_weight`` x
    the dense cosine (damped by the same time gap): the dense side sees paraphrase, the
    TF-IDF side the exact names and numbers.

    ``active`` (sorted row indices; default all) limits the rows whose links and densities
    are computed, each still against every row: a row left out keeps only the links that
    an active row finds to it, and a density of 0.
    """
    n = matrix.shape[0]
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    density = np.zeros(n)
    m, skip = density_neighbours, density_skip
    others = (n if pile is None else max(pile, n)) - 1
    # CSR, not the CSC that .T gives: a CSC right side is converted anew for every block
    transposed = matrix.T.tocsr()
    known = decay_table(spans, grace, tau)
    # rows per block: a block's dense similarities (and their temporaries) stay small
    block = max(16, block_cells // max(n, 1))
    order = np.arange(n) if active is None else np.asarray(active, dtype=np.int64)
    for at in range(0, len(order), block):
        ids = order[at : at + block]
        # a run of rows is sliced (a view), the active rows of a few are picked
        picked = slice(int(ids[0]), int(ids[-1]) + 1) if active is None else ids
        block_spans = spans[picked]
        sims = decayed_products(
            matrix[picked], transposed, block_spans, spans, grace, tau,
            None if known is None else (known, picked),
        )  # fmt: skip
        members = None
        if background is not None and density_weight > 0 and m > 0:
            found = background.averages[picked].tocoo()
            times = np.minimum(background.members[found.col], m).astype(np.int64)
            members = (np.repeat(found.row, times), np.repeat(found.data, times))
        blended = dense is not None and dense_weight > 0
        if not blended and not (sims.data < 0).any():
            # lexical cosines: a block is a third or less filled, read it sparse
            self_loops = sims.indices == np.repeat(ids, np.diff(sims.indptr))
            sims.data[self_loops] = 0.0
            r, c, w, block_density = _top_links_sparse(
                sims, floor, neighbours, m if density_weight > 0 else 0, skip, others,
                background_prior, members,
            )  # fmt: skip
        else:
            values = sims.toarray()
            if dense is not None and blended:
                extra = dense_products(
                    dense[picked], dense, block_spans, spans, grace, tau, dense_base
                )
                values = (1.0 - dense_weight) * values + dense_weight * extra
            values[np.arange(len(ids)), ids] = 0.0  # no self-loops
            r, c, w, block_density = _top_links(
                values, floor, neighbours, m if density_weight > 0 else 0, skip, others,
                background_prior, members,
            )  # fmt: skip
        density[ids] = block_density
        rows.append(ids[r])
        cols.append(c)
        weights.append(w)
    if not rows:
        empty = np.zeros(0, dtype=np.int64)
        return Graph(n, empty, empty, np.zeros(0), density_weight * density)
    r = np.concatenate(rows)
    c = np.concatenate(cols)
    w = np.concatenate(weights)
    lo, hi = np.minimum(r, c), np.maximum(r, c)
    # a pair found from both ends appears twice with the same weight: keep one
    key = lo.astype(np.int64) * n + hi
    key, first = np.unique(key, return_index=True)
    lo, hi, w = lo[first], hi[first], w[first]
    if density_weight > 0:
        w = w - density_weight * (density[lo] + density[hi]) / 2
        keep = w >= floor
        lo, hi, w = lo[keep], hi[keep], w[keep]
    return Graph(n, lo, hi, w, density_weight * density)
