"""Gradient-boosted trees stored as plain numbers, and their prediction.

The stance model is trained with scikit-learn's HistGradientBoostingClassifier, but what
ships is only its trees (feature, threshold, children, leaf value) in JSON: it loads with
numpy alone, does not depend on the pickle format of one scikit-learn version, and gives
the same numbers on any machine. Prediction walks every tree of the ensemble at once for a
whole batch (one numpy step per tree level), so one pair and fifty thousand pairs both
cost a few milliseconds of Python; a step reads each node's feature, threshold and
children with one gather from a packed table (``nodes``: one 32-byte row per node).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Any

import numpy as np
from numpy.typing import NDArray

_LEAF = -1
_VALUE_DIGITS = 7  # leaf values are rounded: smaller file, same decisions
# walks stepped together at most (rows times trees); finished walks are dropped from the
# third level on, every other level (measured on the stance and entity-merge models)
_WALK_SLICE = 1 << 16
_FIRST_DROP = 3
_DROP_EVERY = 2


@dataclass(frozen=True)
class TreeEnsemble:
    """All trees packed into flat node arrays; ``roots[t]`` is tree t's first node."""

    classes: tuple[str, ...]
    baseline: NDArray[np.float64]  # one raw score per output (1 for binary)
    tree_output: NDArray[np.int64]  # which output each tree adds to
    roots: NDArray[np.int64]
    feature: NDArray[np.int64]  # leaves: 0, with an infinite threshold and self children
    threshold: NDArray[np.float64]
    left: NDArray[np.int64]
    right: NDArray[np.int64]
    value: NDArray[np.float64]
    depths: NDArray[np.int64]  # per tree: the deepest leaf's depth

    def raw_scores(self, features: NDArray[np.float64]) -> NDArray[np.float64]:
        n = features.shape[0]
        outputs = self.baseline.shape[0]
        if n == 0:
            return np.zeros((0, outputs))
        trees = self.roots.shape[0]
        leaf_values = np.zeros(n * trees)  # row r, tree t at r * trees + t
        # a row's features in one flat array: a node's feature is one gather at row offset
        flat = np.ascontiguousarray(features).ravel()
        offsets = np.arange(n) * features.shape[1]
        # the walks in slices of trees, a slice's walks tree by tree (a tree's rows read
        # the same few nodes): the working arrays stay small enough for the cache
        per_slice = max(1, _WALK_SLICE // n)
        for first in range(0, trees, per_slice):
            roots = self.roots[first : first + per_slice]
            slot = np.arange(first, first + roots.shape[0])[:, None] + trees * np.arange(n)
            self._walk(
                flat,
                np.repeat(roots, n),
                np.tile(offsets, roots.shape[0]),
                slot.ravel(),
                leaf_values,
            )
        leaf_values = leaf_values.reshape(n, trees)
        raw = np.tile(self.baseline, (n, 1))
        for output in range(outputs):
            # cumsum adds strictly left to right: a pair's score does not depend on the
            # batch it came in (numpy's pairwise sum would, in the last bits)
            own = leaf_values[:, self.tree_output == output]
            if own.shape[1]:
                raw[:, output] += np.cumsum(own, axis=1)[:, -1]
        return raw

    def _walk(
        self,
        flat: NDArray[np.float64],
        node: NDArray[np.int64],
        at: NDArray[np.int64],
        slot: NDArray[np.int64],
        leaf_values: NDArray[np.float64],
    ) -> None:
        """Walk each (``node``, row offset ``at``) down to its leaf, one numpy step per
        level for all of them, and write the leaf's value at ``slot``. Most walks end at
        half the deepest tree's depth (a boosted tree is lopsided), so the finished ones
        are dropped every other level: stepping them on to the deepest level was half the
        work."""
        nodes = self.nodes
        for level in range(self.max_depth):
            if level >= _FIRST_DROP and (level - _FIRST_DROP) % _DROP_EVERY == 0:
                leaf_values[slot] = self.value.take(node)  # the walking ones: rewritten later
                walking = np.flatnonzero(self.internal.take(node))
                if walking.shape[0] == 0:
                    return
                node, at, slot = node.take(walking), at.take(walking), slot.take(walking)
            # the nodes' rows in one gather: the walk is bound by memory reads, and three
            # gathers from three arrays took a fifth longer
            row = nodes.take(node, axis=0)
            goes_left = flat.take(row[:, 0] + at) <= row[:, 1].view(np.float64)
            node = np.where(goes_left, row[:, 3], row[:, 2])
        leaf_values[slot] = self.value.take(node)

    @cached_property
    def nodes(self) -> NDArray[np.int64]:
        """One row per node: feature, threshold (its float64 bits), right child, left child."""
        out = np.empty((self.feature.shape[0], 4), dtype=np.int64)
        out[:, 0] = self.feature
        out[:, 1] = self.threshold.view(np.int64)
        out[:, 2] = self.right
        out[:, 3] = self.left
        return out

    @cached_property
    def internal(self) -> NDArray[np.bool_]:
        """Per node: not a leaf (a leaf's children are itself)."""
        return np.asarray(self.left != np.arange(self.left.shape[0]))

    @cached_property
    def max_depth(self) -> int:
        return int(self.depths.max()) if self.depths.shape[0] else 0

    def probabilities(self, features: NDArray[np.float64]) -> NDArray[np.float64]:
        """Rows of class probabilities, columns in the order of ``classes``."""
        raw = self.raw_scores(features)
        if raw.shape[1] == 1:  # binary: one logit for the second class
            positive = 1.0 / (1.0 + np.exp(-raw[:, 0]))
            return np.column_stack([1.0 - positive, positive])
        return softmax(raw)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TreeEnsemble:
        trees = data["trees"]
        sizes = [len(tree["feature"]) for tree in trees]
        roots = np.cumsum([0, *sizes[:-1]], dtype=np.int64)[: len(trees)]

        def column(name: str, dtype: type) -> NDArray[Any]:
            # every tree's list end to end, read in C (a Python loop over the 340k nodes
            # of the stance model was most of its load time)
            values = chain.from_iterable(tree[name] for tree in trees)
            return np.fromiter(values, dtype=dtype, count=sum(sizes))

        feature = column("feature", np.int64)
        leaf = feature == _LEAF
        own = np.arange(feature.shape[0], dtype=np.int64)
        first = np.repeat(roots, sizes)  # each node's tree's first node
        # a leaf loops on itself, so walking past it is harmless
        return cls(
            classes=tuple(data["classes"]),
            baseline=np.asarray(data["baseline"], dtype=np.float64),
            tree_output=np.asarray([tree["output"] for tree in trees], dtype=np.int64),
            roots=roots,
            feature=np.where(leaf, 0, feature),
            threshold=np.where(leaf, np.inf, column("threshold", np.float64)),
            left=np.where(leaf, own, first + column("left", np.int64)),
            right=np.where(leaf, own, first + column("right", np.int64)),
            value=column("value", np.float64),
            depths=np.asarray([tree["depth"] for tree in trees], dtype=np.int64),
        )


def softmax(raw: NDArray[np.float64]) -> NDArray[np.float64]:
    shifted = np.exp(raw - raw.max(axis=1, keepdims=True))
    return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


def side_by_side(members: Sequence[TreeEnsemble]) -> TreeEnsemble:
    """Several ensembles as one whose raw scores are the members' side by side (member m's
    output o is output m * outputs + o), so one walk scores them all: the same numbers as
    each member's ``raw_scores``, one numpy pass per tree depth instead of one per member."""
    outputs = members[0].baseline.shape[0]
    nodes = np.cumsum([0] + [m.feature.shape[0] for m in members[:-1]])
    return TreeEnsemble(
        classes=members[0].classes,
        baseline=np.concatenate([m.baseline for m in members]),
        tree_output=np.concatenate([m.tree_output + i * outputs for i, m in enumerate(members)]),
        roots=np.concatenate([m.roots + o for m, o in zip(members, nodes, strict=True)]),
        feature=np.concatenate([m.feature for m in members]),
        threshold=np.concatenate([m.threshold for m in members]),
        left=np.concatenate([m.left + o for m, o in zip(members, nodes, strict=True)]),
        right=np.concatenate([m.right + o for m, o in zip(members, nodes, strict=True)]),
        value=np.concatenate([m.value for m in members]),
        depths=np.concatenate([m.depths for m in members]),
    )


def export_hist_gradient_boosting(model: Any) -> dict[str, Any]:
    """The trees of a fitted HistGradientBoostingClassifier as JSON-ready lists.

    Uses the estimator's private ``_predictors`` and ``_baseline_prediction`` (stable since
    scikit-learn 0.21); only the training script calls this, under the pinned version.
    Training data must have no missing values: the missing-value branch is not kept.
    """
    trees = []
    for iteration in model._predictors:
        for output, predictor in enumerate(iteration):
            nodes = predictor.nodes
            is_leaf = nodes["is_leaf"].astype(bool)
            trees.append(
                {
                    "output": output,
                    "depth": int(nodes["depth"].max()),
                    "feature": [_LEAF if leaf else int(f) for f, leaf in zip(nodes["feature_idx"], is_leaf, strict=True)],
                    "threshold": [0.0 if leaf else float(t) for t, leaf in zip(nodes["num_threshold"], is_leaf, strict=True)],
                    "left": [0 if leaf else int(c) for c, leaf in zip(nodes["left"], is_leaf, strict=True)],
                    "right": [0 if leaf else int(c) for c, leaf in zip(nodes["right"], is_leaf, strict=True)],
                    "value": [round(float(v), _VALUE_DIGITS) if leaf else 0.0 for v, leaf in zip(nodes["value"], is_leaf, strict=True)],
                }
            )  # fmt: skip
    baseline = np.asarray(model._baseline_prediction, dtype=np.float64).ravel()
    return {
        "classes": [str(c) for c in model.classes_],
        "baseline": [float(b) for b in baseline],
        "trees": trees,
    }
