"""BCubed and pairwise F1 of the story clusterer and the TF-IDF baseline: ``storyline eval cluster``."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from storyline.cluster.stories import StoryClusterer
from storyline.commands.cluster import load_items
from storyline.config import ClusterOptions
from storyline.evaluate.cluster_baseline import single_pass_tfidf
from storyline.evaluate.cluster_metrics import bcubed, pairwise
from storyline.evaluate.metrics import PRF


@dataclass(frozen=True)
class EvalRow:
    system: str
    bcubed: PRF
    pairwise: PRF
    clusters: int
    seconds: float


def evaluate_file(
    in_path: Path, options: ClusterOptions | None = None, baseline_threshold: float = 0.2
) -> tuple[int, int, list[EvalRow]]:
    """Score ours and the TF-IDF single-pass baseline against the ``cluster`` field."""
    items, records, _ = load_items(in_path)
    gold = {it.id: str(rec["cluster"]) for it, rec in zip(items, records, strict=True)
            if rec.get("cluster") is not None}  # fmt: skip
    items = [it for it in items if it.id in gold]
    rows = []
    start = time.perf_counter()
    ours = {a.id: a.story for a in StoryClusterer(options).add_in_batches(items)}
    rows.append(_row("storyline", ours, gold, time.perf_counter() - start))
    start = time.perf_counter()
    base = single_pass_tfidf(items, baseline_threshold)
    rows.append(
        _row(f"tfidf-single-pass@{baseline_threshold}", base, gold, time.perf_counter() - start)
    )
    return len(items), len(set(gold.values())), rows


def _row(name: str, pred: dict[str, str], gold: dict[str, str], seconds: float) -> EvalRow:
    return EvalRow(name, bcubed(pred, gold), pairwise(pred, gold), len(set(pred.values())), seconds)
