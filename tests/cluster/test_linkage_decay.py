"""The neighbour graph damps its products through a table of the decay between distinct
date spans; it must give the very values the per-pair computation gives."""

import numpy as np
import pytest
from scipy import sparse

from storyline.cluster.linkage import decay_table, decayed_products


def _spans(rng: np.random.Generator, n: int, undated: float) -> np.ndarray:
    first = 19_000.0 + rng.integers(0, 40, n)
    last = first + rng.integers(0, 3, n) * (rng.random(n) < 0.3)
    spans = np.column_stack([first, last]).astype(np.float64)
    spans[rng.random(n) < undated] = np.nan
    return spans


@pytest.mark.parametrize("seed", range(8))
def test_decay_table_gives_the_per_pair_values(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 200))
    matrix = sparse.random(n, 50, density=0.2, format="csr", random_state=seed)
    spans = _spans(rng, n, [0.0, 0.2, 1.0][seed % 3])
    grace, tau = [(1.0, 3.0), (0.0, 2.5), (1.0, 0.0)][seed % 3]
    right = matrix.T.tocsr()
    known = decay_table(spans, grace, tau)
    if tau <= 0 or np.isnan(spans).all():
        assert known is None
    else:
        assert known is not None
    for start in range(0, n, 7):
        stop = min(n, start + 7)
        want = decayed_products(matrix[start:stop], right, spans[start:stop], spans, grace, tau)
        got = decayed_products(
            matrix[start:stop], right, spans[start:stop], spans, grace, tau,
            None if known is None else (known, slice(start, stop)),
        )  # fmt: skip
        np.testing.assert_array_equal(got.indptr, want.indptr)
        np.testing.assert_array_equal(got.indices, want.indices)
        np.testing.assert_array_equal(got.data, want.data)  # bit for bit


def test_too_many_distinct_spans_fall_back():
    spans = np.column_stack([np.arange(50.0), np.arange(50.0) + 1])
    assert decay_table(spans, 1.0, 3.0, cells=100) is None
    assert decay_table(spans, 1.0, 3.0).table.shape == (50, 50)
