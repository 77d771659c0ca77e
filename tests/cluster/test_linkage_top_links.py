"""The neighbour graph's per-row selection reads only the values above the floor; it must
give exactly what partitioning every whole row gives (the straightforward reference)."""

import numpy as np
import pytest
from scipy import sparse

from storyline.cluster.linkage import _top_links, _top_links_sparse


def _reference(sims: np.ndarray, floor: float, neighbours: int, m: int):
    sims = sims.copy()
    n = sims.shape[1]
    density = np.zeros(sims.shape[0])
    if m > 0:
        density = np.partition(sims, n - m, axis=1)[:, n - m :].mean(axis=1)
    sims[sims < floor] = 0.0
    if neighbours < n - 1:
        cut = np.partition(sims, n - neighbours - 1, axis=1)[:, n - neighbours - 1]
        sims[sims < cut[:, None]] = 0.0
    r, c = np.nonzero(sims)
    return r, c, sims[r, c], density


@pytest.mark.parametrize("seed", range(12))
def test_top_links_match_partitioning_every_row(seed):
    rng = np.random.default_rng(seed)
    rows, n = int(rng.integers(1, 40)), int(rng.integers(2, 300))
    sims = rng.random((rows, n)) * (rng.random((rows, n)) < rng.choice([0.02, 0.2, 0.9]))
    sims[:, : n // 3] = np.round(sims[:, : n // 3], 1)  # ties
    for floor, neighbours, m in [(0.05, 30, 30), (0.3, 3, 10), (0.0, 5, 0), (0.5, 500, 4)]:
        m = min(m, n - 1)
        got = _top_links(sims, floor, neighbours, m)
        want = _reference(sims, floor, neighbours, m)
        for a, b in zip(got[:3], want[:3], strict=True):
            np.testing.assert_array_equal(a, b)
        # the same values summed in another order: equal to the last bits
        np.testing.assert_allclose(got[3], want[3], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("seed", range(12))
def test_sparse_block_gives_what_the_dense_block_gives(seed):
    """Lexical blocks are read sparse (absent cells are 0); the links and densities must be
    the very same, to the last bit, as those of the dense block, short rows included."""
    rng = np.random.default_rng(100 + seed)
    rows, n = int(rng.integers(1, 40)), int(rng.integers(2, 300))
    fill = rng.choice([0.02, 0.2, 0.9])
    sims = rng.random((rows, n)) * (rng.random((rows, n)) < fill)
    sims[:, : n // 3] = np.round(sims[:, : n // 3], 1)  # ties, and stored zeros below
    held = sparse.csr_matrix(sims)
    held.data[rng.random(held.nnz) < 0.1] = 0.0  # explicit zeros count as absent ones
    dense = held.toarray()
    background = (np.array([0, 0, rows - 1]), np.array([0.3, 0.01, 0.2]))
    for floor, neighbours, m, skip, prior in [
        (0.05, 10, 30, 20, 0.15), (0.3, 3, 10, 0, None), (0.0, 5, 0, 0, None),
        (0.5, 500, 4, 1, 0.1), (0.05, 1, 3, 0, None),
    ]:  # fmt: skip
        m = min(m, n - 1)
        skip = min(skip, max(m - 1, 0))
        args = (floor, neighbours, m, skip, n + 5, prior, background if m else None)
        got = _top_links_sparse(held, *args)
        want = _top_links(dense, *args)
        for a, b in zip(got, want, strict=True):
            np.testing.assert_array_equal(a, b)
