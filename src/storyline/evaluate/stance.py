"""Scoring stance against FNC-1: the FNC score, macro-F1, per-class F1, confusion matrix,
and cross-validation by body of our model next to a simple baseline.

The folds split by body (no body on both sides) with a fixed seed; each fold trains the
full model (IDF, both stages, cue model) on the other folds only, through the same code
path and JSON export that produce the shipped model. The baseline is the field's usual
floor: TF-IDF cosine of claim and body above a threshold (the one that best separates the
training folds) means related, and a related pair gets the majority related class.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from storyline.evaluate.metrics import f1, ratio
from storyline.link.stance import stance_many
from storyline.link.stance_features import Idf, analyse_body, analyse_claim
from storyline.link.stance_model import SEED, STANCES, Example, StanceModel, body_folds, train

log = logging.getLogger(__name__)

UNRELATED = "unrelated"


def read_dev(path: Path) -> list[Example]:
    """Pairs of a dev file in the ``{"body_id", "body", "claims": [...]}`` format."""
    examples = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            for claim in record["claims"]:
                examples.append(
                    Example(str(record["body_id"]), claim["claim"], record["body"], claim["stance"])
                )
    return examples


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The official FNC-1 score as a fraction of the best possible: 0.25 for each right
    related/unrelated call, 0.75 more for each related pair given its exact stance."""
    earned = best = 0.0
    for g, p in zip(gold, predicted, strict=True):
        best += 0.25 if g == UNRELATED else 1.0
        if (g == UNRELATED) == (p == UNRELATED):
            earned += 0.25
            if g != UNRELATED and g == p:
                earned += 0.75
    return ratio(earned, best)


@dataclass(frozen=True)
class StanceScores:
    fnc: float
    macro_f1: float
    f1: dict[str, float]  # per class, in STANCES order
    confusion: list[list[int]]  # rows gold, columns predicted, in STANCES order


def score(gold: Sequence[str], predicted: Sequence[str]) -> StanceScores:
    pairs = Counter(zip(gold, predicted, strict=True))
    per_class = {}
    for label in STANCES:
        hits = pairs[(label, label)]
        n_pred = sum(c for (_g, p), c in pairs.items() if p == label)
        n_gold = sum(c for (g, _p), c in pairs.items() if g == label)
        per_class[label] = f1(ratio(hits, n_pred), ratio(hits, n_gold))
    return StanceScores(
        fnc=fnc_score(gold, predicted),
        macro_f1=sum(per_class.values()) / len(STANCES),
        f1=per_class,
        confusion=[[pairs[(g, p)] for p in STANCES] for g in STANCES],
    )


def _cosines(idf: Idf, examples: Sequence[Example]) -> list[float]:
    bodies = {b: analyse_body(b, idf).vector for b in {e.body for e in examples}}
    out = []
    for e in examples:
        claim = analyse_claim(e.claim, idf).vector
        body = bodies[e.body]
        out.append(sum(v * body.get(w, 0.0) for w, v in claim.items()))
    return out


def baseline_predict(train_set: Sequence[Example], test_set: Sequence[Example]) -> list[str]:
    """TF-IDF cosine threshold for related, then the majority related class."""
    idf = Idf.fit(sorted({e.body for e in train_set} | {e.claim for e in train_set}))
    related = [e.stance != UNRELATED for e in train_set]
    train_cos = _cosines(idf, train_set)
    # the threshold that classifies the most training pairs right (ties: the lower one)
    ranked = sorted(zip(train_cos, related, strict=True))
    right = sum(related)  # threshold below every pair: all called related
    best_right, threshold = right, ranked[0][0] - 1e-9 if ranked else 0.0
    for cos, is_related in ranked:
        right += -1 if is_related else 1
        if right > best_right:
            best_right, threshold = right, cos
    majority = Counter(e.stance for e in train_set if e.stance != UNRELATED).most_common(1)
    label = majority[0][0] if majority else "discuss"
    return [label if c > threshold else UNRELATED for c in _cosines(idf, test_set)]


@dataclass(frozen=True)
class CrossValidation:
    gold: list[str]
    ours: list[str]
    baseline: list[str]
    folds: int
    seconds: float


def cross_validate_fold(
    examples: Sequence[Example], k: int, folds: int = 5
) -> tuple[list[int], list[str], list[str]]:
    """One fold of ``cross_validate``: the held-out indices, our calls and the baseline's
    (a long run can go one fold at a time)."""
    fold_of = body_folds([e.body_key for e in examples], folds, SEED)
    train_set = [e for e, f in zip(examples, fold_of, strict=True) if f != k]
    held = [i for i, f in enumerate(fold_of) if f == k]
    test_set = [examples[i] for i in held]
    model = StanceModel.from_json(train(train_set))
    predicted = stance_many([(e.claim, e.body) for e in test_set], model)
    return held, [r.stance for r in predicted], baseline_predict(train_set, test_set)


def cross_validate(examples: Sequence[Example], folds: int = 5) -> CrossValidation:
    start = time.perf_counter()
    ours = [""] * len(examples)
    base = [""] * len(examples)
    for k in range(folds):
        held, predicted, baseline = cross_validate_fold(examples, k, folds)
        for i, call, b in zip(held, predicted, baseline, strict=True):
            ours[i] = call
            base[i] = b
        log.info("fold %d/%d done", k + 1, folds)
    return CrossValidation(
        [e.stance for e in examples], ours, base, folds, time.perf_counter() - start
    )


def format_report(cv: CrossValidation) -> str:
    systems = [("storyline", score(cv.gold, cv.ours)), ("baseline", score(cv.gold, cv.baseline))]
    lines = [
        f"{len(cv.gold)} pairs, {cv.folds}-fold cross-validation by body (seed {SEED}),"
        f" {cv.seconds:.0f} s",
        f"{'metric':18}" + "".join(f"{name:>12}" for name, _ in systems),
        f"{'FNC score':18}" + "".join(f"{s.fnc:12.4f}" for _, s in systems),
        f"{'macro-F1':18}" + "".join(f"{s.macro_f1:12.4f}" for _, s in systems),
        f"{'F1 disagree':18}" + "".join(f"{s.f1['disagree']:12.4f}" for _, s in systems),
    ]
    for label in STANCES:
        if label != "disagree":
            lines.append(
                f"{'F1 ' + label:18}" + "".join(f"{s.f1[label]:12.4f}" for _, s in systems)
            )
    for name, s in systems:
        lines.append("")
        lines.append(f"confusion ({name}; rows gold, columns predicted)")
        lines.append(f"{'':12}" + "".join(f"{label:>11}" for label in STANCES))
        for label, row in zip(STANCES, s.confusion, strict=True):
            lines.append(f"{label:12}" + "".join(f"{c:11d}" for c in row))
    return "\n".join(lines)
