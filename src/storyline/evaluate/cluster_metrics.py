"""Clustering metrics against gold labels: BCubed and pairwise precision/recall/F1.

BCubed (Bagga & Baldwin 1998; Amigó et al. 2009): for each item, precision is the share
of its predicted cluster that shares its gold class, recall the share of its gold class
that shares its predicted cluster; both are averaged over items. Pairwise scores count
same-cluster item pairs. Both are computed from the contingency table, so they cost
O(n) rather than O(n^2).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from storyline.evaluate.metrics import PRF, ratio


def _tables(
    predicted: Mapping[str, str], gold: Mapping[str, str]
) -> tuple[Counter[tuple[str, str]], Counter[str], Counter[str]]:
    ids = sorted(set(gold) & set(predicted))
    if len(ids) != len(gold):
        missing = len(gold) - len(ids)
        raise ValueError(f"{missing} gold items have no predicted cluster")
    joint: Counter[tuple[str, str]] = Counter((predicted[i], gold[i]) for i in ids)
    pred_sizes: Counter[str] = Counter(predicted[i] for i in ids)
    gold_sizes: Counter[str] = Counter(gold[i] for i in ids)
    return joint, pred_sizes, gold_sizes


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> PRF:
    """BCubed precision, recall and F1 over the items in ``gold``."""
    joint, pred_sizes, gold_sizes = _tables(predicted, gold)
    n = sum(gold_sizes.values())
    if n == 0:
        return PRF(0.0, 0.0)
    # each of the c items in cell (p, g) has precision c/|p| and recall c/|g|
    p = sum(c * c / pred_sizes[pc] for (pc, _), c in joint.items()) / n
    r = sum(c * c / gold_sizes[gc] for (_, gc), c in joint.items()) / n
    return PRF(p, r)


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> PRF:
    """Precision/recall/F1 over unordered item pairs placed in the same cluster."""
    joint, pred_sizes, gold_sizes = _tables(predicted, gold)

    def pairs(c: int) -> int:
        return c * (c - 1) // 2

    both = sum(pairs(c) for c in joint.values())
    pred_pairs = sum(pairs(c) for c in pred_sizes.values())
    gold_pairs = sum(pairs(c) for c in gold_sizes.values())
    # no pairs at all on a side: that side is trivially perfect
    return PRF(ratio(both, pred_pairs, empty=1.0), ratio(both, gold_pairs, empty=1.0))
