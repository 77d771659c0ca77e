"""BCubed and pairwise F1 of the story clusterer and the TF-IDF baseline: ``storyline eval cluster``.

Besides ours and the baseline at a given threshold, the baseline is also scored at its
best threshold on the file (the floor to beat, given every advantage). The size sweep
scores the same file subsampled by gold stories (whole stories, fixed seed) to 1k and 3k
documents and whole: quality that holds across the rows is quality that holds as a
user's pile grows.
"""

from __future__ import annotations

import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.cluster.dense import CachedEncoder, SentenceEncoder, load_encoder
from storyline.cluster.stories import ClusterItem, StoryClusterer
from storyline.commands.cluster import load_items
from storyline.config import ClusterOptions
from storyline.evaluate.cluster_baseline import single_pass_tfidf
from storyline.evaluate.cluster_metrics import bcubed, pairwise
from storyline.evaluate.metrics import PRF

# thresholds scanned for the baseline's best (its best on the dev files lie in 0.06-0.3)
BASELINE_THRESHOLDS = (0.06, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4)
SWEEP_SIZES = (1000, 3000)
SWEEP_SEED = 13


@dataclass(frozen=True)
class EvalRow:
    system: str
    bcubed: PRF
    pairwise: PRF
    clusters: int
    seconds: float


@dataclass(frozen=True)
class SweepRow:
    """One pile size: ours and the baseline at its best threshold on that pile."""

    documents: int
    stories: int
    ours: EvalRow
    baseline: EvalRow
    baseline_threshold: float


def load_gold(in_path: Path) -> tuple[list[ClusterItem], dict[str, str]]:
    """Items with a ``cluster`` field and their gold story."""
    items, records, _ = load_items(in_path)
    gold = {it.id: str(rec["cluster"]) for it, rec in zip(items, records, strict=True)
            if rec.get("cluster") is not None}  # fmt: skip
    return [it for it in items if it.id in gold], gold


def evaluate_file(
    in_path: Path,
    options: ClusterOptions | None = None,
    baseline_threshold: float = 0.2,
    encoder: SentenceEncoder | None = None,
) -> tuple[int, int, list[EvalRow]]:
    """Score ours, the TF-IDF single-pass baseline at ``baseline_threshold`` and at its best
    threshold against the ``cluster`` field (``encoder``: see ``shared_encoder``)."""
    items, gold = load_gold(in_path)
    whole = _sweep_row(items, gold, options, encoder or shared_encoder(options))
    rows = [whole.ours]
    if whole.baseline_threshold != baseline_threshold:
        rows.append(score_baseline(items, gold, baseline_threshold))
    rows.append(whole.baseline)
    return len(items), len(set(gold.values())), rows


def score_ours(
    items: list[ClusterItem],
    gold: dict[str, str],
    options: ClusterOptions | None = None,
    encoder: SentenceEncoder | None = None,
) -> EvalRow:
    start = time.process_time()
    clusterer = StoryClusterer(options, encoder=encoder)
    ours = {a.id: a.story for a in clusterer.add_in_batches(items)}
    return _row("storyline", ours, gold, time.process_time() - start)


def score_baseline(items: list[ClusterItem], gold: dict[str, str], threshold: float) -> EvalRow:
    start = time.process_time()
    base = single_pass_tfidf(items, threshold)
    return _row(f"tfidf-single-pass@{threshold}", base, gold, time.process_time() - start)


def best_baseline(
    items: list[ClusterItem],
    gold: dict[str, str],
    thresholds: Sequence[float] = BASELINE_THRESHOLDS,
) -> tuple[EvalRow, float]:
    """The baseline at the threshold with the best BCubed F1 on these items (ties: lower)."""
    best: tuple[EvalRow, float] | None = None
    for threshold in thresholds:
        row = score_baseline(items, gold, threshold)
        if best is None or row.bcubed.f1 > best[0].bcubed.f1:
            best = (row, threshold)
    assert best is not None, "no thresholds given"
    return best


def subsample_by_story(
    items: list[ClusterItem], gold: dict[str, str], documents: int, seed: int = SWEEP_SEED
) -> list[ClusterItem]:
    """Whole gold stories in a seeded random order until ``documents`` are reached
    (the input order of the kept items is kept)."""
    stories = sorted({gold[it.id] for it in items})
    random.Random(seed).shuffle(stories)
    sizes: dict[str, int] = {}
    for it in items:
        sizes[gold[it.id]] = sizes.get(gold[it.id], 0) + 1
    kept: set[str] = set()
    total = 0
    for story in stories:
        if total >= documents:
            break
        kept.add(story)
        total += sizes[story]
    return [it for it in items if gold[it.id] in kept]


def size_sweep(
    in_path: Path,
    options: ClusterOptions | None = None,
    sizes: Sequence[int] = SWEEP_SIZES,
    seed: int = SWEEP_SEED,
    whole: bool = True,
    encoder: SentenceEncoder | None = None,
) -> list[SweepRow]:
    """Ours and the best-threshold baseline on subsamples of ``sizes`` documents and (with
    ``whole``) the whole file; a size at or above the file's is skipped."""
    items, gold = load_gold(in_path)
    piles = [subsample_by_story(items, gold, n, seed) for n in sizes if n < len(items)]
    if whole:
        piles.append(items)
    encoder = encoder or shared_encoder(options)
    return [
        _sweep_row(pile, {it.id: gold[it.id] for it in pile}, options, encoder) for pile in piles
    ]


def shared_encoder(options: ClusterOptions | None) -> SentenceEncoder | None:
    """The encoder the options ask for, remembering vectors across the piles of one file
    (an eval CPU row then holds the encoding of the documents not seen before)."""
    opts = options or ClusterOptions()
    encoder = load_encoder(opts.vectors, opts.dense_threads)
    return CachedEncoder(encoder) if encoder is not None else None


def _sweep_row(
    items: list[ClusterItem],
    gold: dict[str, str],
    options: ClusterOptions | None,
    encoder: SentenceEncoder | None = None,
) -> SweepRow:
    baseline, threshold = best_baseline(items, gold)
    ours = score_ours(items, gold, options, encoder)
    return SweepRow(len(items), len(set(gold.values())), ours, baseline, threshold)


def _row(name: str, pred: dict[str, str], gold: dict[str, str], seconds: float) -> EvalRow:
    return EvalRow(name, bcubed(pred, gold), pairwise(pred, gold), len(set(pred.values())), seconds)
