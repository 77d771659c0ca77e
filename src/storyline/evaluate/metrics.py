"""Precision, recall and F1 shared by every evaluation (clusters, coreference, quotes, dates).

Each scorer counts in its own way (items, pairs, links, aligned spans); they all end in a
precision and a recall, combined here, so an empty side and F1 are handled one way only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall; 0 when both are 0."""
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def ratio(part: float, whole: float, empty: float = 0.0) -> float:
    """``part / whole``, or ``empty`` when there is nothing to divide by."""
    return part / whole if whole else empty


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def prf(true_positives: float, n_predicted: float, n_gold: float) -> PRF:
    """Scores from match counts; a side with nothing on it scores 0."""
    return PRF(ratio(true_positives, n_predicted), ratio(true_positives, n_gold))


def match_one_to_one(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Greedy one-to-one alignment of gold and predicted items.

    ``candidates`` are ``(-strength, gold index, predicted index)``: the strongest pair is
    taken first (ties by index, so the result is deterministic) and each index is used once.
    Returns the ``(gold index, predicted index)`` pairs in the order they were taken.
    """
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    matched = []
    for _neg_strength, gi, pi in sorted(candidates):
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        matched.append((gi, pi))
    return matched
