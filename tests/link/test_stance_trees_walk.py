"""``TreeEnsemble.raw_scores`` (the trees walked a slice at a time, finished walks
dropped, nodes read from the packed table) gives, bit for bit, what walking each row down
each tree alone gives."""

from __future__ import annotations

import json

import numpy as np
import pytest

from storyline.link import stance_trees
from storyline.link.stance_trees import TreeEnsemble, export_hist_gradient_boosting, side_by_side


def _walk(ensemble: TreeEnsemble, features: np.ndarray) -> np.ndarray:
    """One row, one tree at a time; leaf values summed left to right, then the baseline."""
    outputs = ensemble.baseline.shape[0]
    out = np.tile(ensemble.baseline, (features.shape[0], 1))
    for r, row in enumerate(features):
        sums = [0.0] * outputs
        for tree, root in enumerate(ensemble.roots):
            node = int(root)
            while ensemble.left[node] != node:  # a leaf's children are itself
                go_left = row[ensemble.feature[node]] <= ensemble.threshold[node]
                node = int(ensemble.left[node] if go_left else ensemble.right[node])
            sums[ensemble.tree_output[tree]] += float(ensemble.value[node])
        out[r] += np.asarray(sums)
    return out


@pytest.mark.parametrize("n_classes", [2, 3])
@pytest.mark.parametrize("walk_slice", [1 << 16, 7, 1])
def test_the_batch_walk_is_the_row_by_row_walk(
    n_classes: int, walk_slice: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # small slices: trees walked a few (or one) at a time, as a large batch is
    monkeypatch.setattr(stance_trees, "_WALK_SLICE", walk_slice)
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.RandomState(1)
    X = rng.normal(size=(300, 6))
    y = (X[:, 0] * X[:, 1] > 0).astype(int) + (X[:, 2] > 0.3) * (n_classes - 2)
    model = HistGradientBoostingClassifier(max_iter=15, max_depth=None, random_state=0)
    ours = TreeEnsemble.from_json(
        json.loads(json.dumps(export_hist_gradient_boosting(model.fit(X, y))))
    )
    assert len(set(ours.depths.tolist())) > 1  # trees of several depths
    assert ours.max_depth > stance_trees._FIRST_DROP + stance_trees._DROP_EVERY  # drops happen
    rows = rng.normal(size=(40, 6))
    np.testing.assert_array_equal(ours.raw_scores(rows), _walk(ours, rows))
    np.testing.assert_array_equal(ours.raw_scores(rows[:1]), _walk(ours, rows[:1]))
    both = side_by_side([ours, ours])
    np.testing.assert_array_equal(both.raw_scores(rows), _walk(both, rows))
    assert ours.raw_scores(rows[:0]).shape == (0, ours.baseline.shape[0])
