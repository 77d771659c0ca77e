"""Stage-2 trials for the stance model in minutes rather than a full ``eval stance`` run.

    PYTHONPATH=src .venv/bin/python bench/stance_trials.py cache [DEV.jsonl] [--dir D]
    PYTHONPATH=src .venv/bin/python bench/stance_trials.py run NAME [NAME ...] [--dir D]

``cache`` does once, per outer fold of the same 5-fold-by-body split as ``eval stance``,
everything that stage 2 does not change (IDF, pair features, stage 1, the stacked cue
model's out-of-fold and held-out probabilities) and pickles it under ``--dir`` (default
/tmp/stance-trials; ~15 min on a busy 2-core machine). ``run`` then fits only stage 2 per
fold for each named trial of ``TRIALS`` (~2 min each) and prints the FNC score, macro-F1
and per-class F1 with the shipped factors (agree 2.2, disagree 2.5), with the plain argmax,
and the best disagree F1 over a grid of factors (an oracle on held-out pairs: an upper
bound for factor tuning, never a figure to report). Reported figures come from
``storyline eval stance``, which tunes the factors inside training.
"""

from __future__ import annotations

import argparse
import pickle
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from storyline.evaluate.dev_files import resolve_dev_path
from storyline.evaluate.stance import read_dev, score
from storyline.link.stance_features import Idf, cue_terms
from storyline.link.stance_model import (
    DISAGREE_WEIGHT,
    INNER_FOLDS,
    RELATED_STANCES,
    SEED,
    _boosted,
    _dense,
    _fit_cue_model,
    analyse_pairs,
    body_folds,
)
from storyline.link.stance_trees import TreeEnsemble, export_hist_gradient_boosting

DEFAULT_DEV = Path("../shared/data/stance-dev/fnc1_train.jsonl")
SHIPPED_FACTORS = (2.2, 2.5, 1.0)
ORACLE_GRID = (0.5, 0.7, 1.0, 1.4, 1.8, 2.2, 2.5, 3.0, 4.0, 5.0, 6.0)


@dataclass(frozen=True)
class Trial:
    """Stage-2 settings: boosting iterations, learning rate, extra estimator settings, the
    disagree weight, and whether the stacked cue probabilities are kept."""

    iterations: int = 300
    learning_rate: float = 0.05
    settings: dict[str, Any] = field(default_factory=dict)
    disagree_weight: float = DISAGREE_WEIGHT
    cue_columns: bool = True


# what was tried for issue 12 (disagree F1 at the shipped factors / oracle; base 0.429 / 0.439)
TRIALS = {
    "base": Trial(),  # the shipped settings: 0.429 / 0.439
    "dw5": Trial(disagree_weight=5.0),  # 0.420 / 0.432
    "dw20": Trial(disagree_weight=20.0),  # 0.428 / 0.433
    "feat05": Trial(settings={"max_features": 0.5}),  # 0.426 / 0.436
    "leaf80": Trial(settings={"min_samples_leaf": 80}),  # 0.416 / 0.423
    "leaves63": Trial(settings={"max_leaf_nodes": 63}),  # 0.415 / 0.436
    "iter600": Trial(iterations=600),  # 0.420 / 0.434
    "no_cue_model": Trial(cue_columns=False),
}


def build_cache(dev: Path, out: Path) -> None:
    examples = read_dev(dev)
    fold_of = body_folds([e.body_key for e in examples], 5, SEED)
    out.mkdir(parents=True, exist_ok=True)
    for k in range(5):
        start = time.perf_counter()
        train = [e for e, f in zip(examples, fold_of, strict=True) if f != k]
        test = [e for e, f in zip(examples, fold_of, strict=True) if f == k]
        idf = Idf.fit(sorted({e.body for e in train}) + sorted({e.claim for e in train}))
        pairs = analyse_pairs(idf, [(e.claim, e.body) for e in train])
        dense = _dense(pairs)
        labels = np.array([e.stance for e in train])
        stage1 = TreeEnsemble.from_json(
            export_hist_gradient_boosting(_boosted(200, 0.1).fit(dense, labels != "unrelated"))
        )
        rel = [int(i) for i in np.flatnonzero(labels != "unrelated")]
        rel_labels = [str(x) for x in labels[rel]]
        terms = [cue_terms(pairs[i].claim, pairs[i].body, pairs[i].scores) for i in rel]
        inner = np.asarray(body_folds([train[i].body_key for i in rel], INNER_FOLDS))
        out_of_fold = np.zeros((len(rel), len(RELATED_STANCES)))
        for j in range(INNER_FOLDS):
            fit_on, held = np.flatnonzero(inner != j), np.flatnonzero(inner == j)
            cue_j = _fit_cue_model([terms[i] for i in fit_on], [rel_labels[i] for i in fit_on])
            out_of_fold[held] = cue_j.probabilities([terms[i] for i in held])
        cues = _fit_cue_model(terms, rel_labels)
        test_pairs = analyse_pairs(idf, [(e.claim, e.body) for e in test])
        test_dense = _dense(test_pairs)
        p_related = stage1.probabilities(test_dense)[:, stage1.classes.index("True")]
        comparable = np.array([bool(p.claim.vector) and bool(p.body.vector) for p in test_pairs])
        record = {
            "dense": dense[rel],
            "cue": out_of_fold,
            "labels": rel_labels,
            "keys": [train[i].body_key for i in rel],  # inner folds for nested tuning
            "test_dense": test_dense,
            "test_cue": cues.probabilities(
                [cue_terms(p.claim, p.body, p.scores) for p in test_pairs]
            ),
            "test_related": np.where(comparable, p_related, 0.0) >= 0.5,
            "test_gold": [e.stance for e in test],
        }
        with (out / f"fold{k}.pkl").open("wb") as handle:
            pickle.dump(record, handle, protocol=5)
        print(f"fold {k}: {time.perf_counter() - start:.0f} s", flush=True)


def _decide(probabilities: Any, related: Any, factors: tuple[float, ...]) -> list[str]:
    stances = np.asarray(RELATED_STANCES)[(probabilities * np.asarray(factors)).argmax(axis=1)]
    return [str(s) if r else "unrelated" for s, r in zip(stances, related, strict=True)]


def score_line(name: str, tag: str, s: Any, width: int = 14) -> str:
    """One printed row of a trial: FNC, macro-F1 and the related classes' F1."""
    return (
        f"{name:{width}} {tag:8} FNC {s.fnc:.4f} macro {s.macro_f1:.4f} disagree"
        f" {s.f1['disagree']:.4f} agree {s.f1['agree']:.4f} discuss {s.f1['discuss']:.4f}"
    )


def oracle_disagree(gold: list[str], p: Any, r: Any) -> tuple[float, float, float]:
    """The best disagree F1 over the factor grid on the held-out pairs, with its agree and
    disagree factors: an upper bound, never a figure to report."""
    return max(
        (score(gold, _decide(p, r, (a, d, 1.0))).f1["disagree"], a, d)
        for a in ORACLE_GRID
        for d in ORACLE_GRID
    )


def oracle_line(name: str, gold: list[str], p: Any, r: Any, seconds: float) -> str:
    """The trial's oracle row: its best disagree F1 over the factor grid, and the run time."""
    oracle = oracle_disagree(gold, p, r)
    return (
        f"{name:14} oracle   disagree {oracle[0]:.4f} at agree {oracle[1]}, disagree"
        f" {oracle[2]} ({seconds:.0f} s)"
    )


def run_trial(name: str, trial: Trial, cache: Path) -> None:
    start = time.perf_counter()
    gold: list[str] = []
    probabilities, related = [], []
    for k in range(5):
        with (cache / f"fold{k}.pkl").open("rb") as handle:
            d = pickle.load(handle)  # noqa: S301 - our own cache file
        train = np.hstack([d["dense"], d["cue"]]) if trial.cue_columns else d["dense"]
        test = np.hstack([d["test_dense"], d["test_cue"]]) if trial.cue_columns else d["test_dense"]
        labels = np.asarray(d["labels"])
        weights = np.where(labels == "disagree", trial.disagree_weight, 1.0)
        model = _boosted(trial.iterations, trial.learning_rate, **trial.settings)
        model.fit(train, labels, sample_weight=weights)
        columns = [list(model.classes_).index(c) for c in RELATED_STANCES]
        probabilities.append(model.predict_proba(test)[:, columns])
        related.append(d["test_related"])
        gold += d["test_gold"]
    p, r = np.vstack(probabilities), np.concatenate(related)
    for tag, factors in (("2.2/2.5", SHIPPED_FACTORS), ("argmax", (1.0, 1.0, 1.0))):
        print(score_line(name, tag, score(gold, _decide(p, r, factors))))
    print(oracle_line(name, gold, p, r, time.perf_counter() - start), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("cache", "run"))
    parser.add_argument("args", nargs="*")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/stance-trials"))
    options = parser.parse_args()
    if options.command == "cache":
        dev = resolve_dev_path(Path(options.args[0]) if options.args else DEFAULT_DEV)
        if not dev.exists():
            raise SystemExit(f"dev file not found: {dev}")
        build_cache(dev, options.dir)
        return
    for name in options.args or ["base"]:
        if name not in TRIALS:
            raise SystemExit(f"unknown trial {name!r}; known: {', '.join(TRIALS)}")
        run_trial(name, TRIALS[name], options.dir)


if __name__ == "__main__":
    main()
