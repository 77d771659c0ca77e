"""The stance model: two stages of boosted trees over pair features, plus a cue model.

Stage 1 tells related from unrelated pairs. Stage 2, trained on related pairs only with
extra weight on the rare ``disagree`` class, picks agree / disagree / discuss; it also sees
the class probabilities of a linear model over which cue words occur where (stacked: the
training rows get out-of-fold probabilities, so stage 2 does not learn to trust an
over-fitted cue model). Stage 2's probabilities are the mean of the model fitted on all
related pairs and the INNER_FOLDS models training fits anyway, each on the other inner
folds, to tune the decision factors (cross-validation bagging: a single boosted model's
call on the rare stance swings with which bodies it saw). Training needs scikit-learn;
prediction needs numpy only.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray

from storyline.link.stance_features import (
    FEATURE_NAMES,
    Body,
    Claim,
    Idf,
    analyse_body,
    analyse_claim,
    cue_terms,
    pair_features,
    sentence_scores,
)
from storyline.link.stance_trees import (
    TreeEnsemble,
    export_hist_gradient_boosting,
    side_by_side,
    softmax,
)

log = logging.getLogger(__name__)

STANCES = ("agree", "disagree", "discuss", "unrelated")
RELATED_STANCES = ("agree", "disagree", "discuss")
FORMAT_VERSION = 3

# Training settings (fixed: the shipped file is reproduced from them byte for byte)
SEED = 0
DISAGREE_WEIGHT = 10.0
CUE_MODEL_C = 0.5
CUE_MIN_COUNT = 5  # a cue term seen in fewer training pairs is not weighted
INNER_FOLDS = 5
# the decision multiplies stage 2's probabilities by one factor per related stance, tuned
# for macro-F1 on out-of-fold predictions of the training pairs (never on held-out ones)
SCALE_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.2, 2.5, 3.0, 4.0)
# disagree F1 is what the factors then favour: a brief's contradictions rest on it, and a
# point of macro-F1 over three stances is a quarter point over four
MACRO_SLACK = 0.01


@dataclass(frozen=True)
class CueModel:
    """Multinomial logistic regression over binary cue terms, as term -> class weights."""

    classes: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]
    intercept: tuple[float, ...]

    def probabilities(self, terms_per_pair: Sequence[Sequence[str]]) -> NDArray[np.float64]:
        zero = (0.0,) * len(self.classes)
        rows = []
        for terms in terms_per_pair:
            weights = [self.weights.get(t, zero) for t in terms]
            # each class's weights summed in the terms' order, as a plain sum would
            rows.append(
                [b + sum(map(itemgetter(k), weights)) for k, b in enumerate(self.intercept)]
            )
        raw = np.array(rows, dtype=np.float64).reshape(len(terms_per_pair), len(self.classes))
        shifted = np.exp(raw - raw.max(axis=1, keepdims=True))
        return np.asarray(shifted / shifted.sum(axis=1, keepdims=True))


@dataclass(frozen=True)
class Pair:
    """A claim and an analysed body, with the claim's alignment to each body sentence."""

    claim: Claim
    body: Body
    scores: tuple[float, ...]


@dataclass(frozen=True)
class StanceModel:
    idf: Idf
    related: TreeEnsemble
    stance: TreeEnsemble
    cues: CueModel
    scales: tuple[float, ...] = (1.0, 1.0, 1.0)  # per RELATED_STANCES, for the decision
    # the inner-fold stage-2 models, averaged with ``stance`` (none before format 3)
    stance_folds: tuple[TreeEnsemble, ...] = ()

    def decide(self, row: NDArray[np.float64]) -> int:
        """Index into STANCES of a predict() row: unrelated when P(unrelated) > 0.5, else
        the related stance whose probability times its tuned factor is highest."""
        if row[-1] > 0.5:
            return STANCES.index("unrelated")
        return int((row[:-1] * np.asarray(self.scales)).argmax())

    def pairs(self, claims_and_bodies: Sequence[tuple[str, str]]) -> list[Pair]:
        return analyse_pairs(self.idf, claims_and_bodies)

    def predict(self, pairs: Sequence[Pair]) -> NDArray[np.float64]:
        """Rows of probabilities over STANCES (related ones scaled by P(related)). A pair
        that ``decide`` calls unrelated on P(unrelated) alone skips stage 2 and the cue
        model: its related stances are left at 0."""
        if not pairs:
            return np.zeros((0, len(STANCES)))
        dense = _dense(pairs)
        p_related = self.related.probabilities(dense)[:, self.related.classes.index("True")]
        # nothing to compare (an empty claim or body) is unrelated, whatever the trees say
        comparable = np.array([bool(p.claim.vector) and bool(p.body.vector) for p in pairs])
        p_related = np.where(comparable, p_related, 0.0)
        p_unrelated = 1.0 - p_related
        # the same test as decide's, so no pair it reads stage 2 for is skipped
        rows = np.flatnonzero(~(p_unrelated > 0.5))
        stage2 = np.zeros((len(pairs), len(RELATED_STANCES)))
        if len(rows):
            cue_probs = self.cues.probabilities(
                [cue_terms(pairs[i].claim, pairs[i].body, pairs[i].scores) for i in rows.tolist()]
            )
            stage2[rows] = self.stage2(np.hstack([dense[rows], cue_probs]))
        return np.column_stack([stage2 * p_related[:, None], p_unrelated])

    def stage2(self, rows: NDArray[np.float64]) -> NDArray[np.float64]:
        """Stage 2's probabilities over RELATED_STANCES: the mean over its models."""
        members = (self.stance, *self.stance_folds)
        raw = self._stage2_trees.raw_scores(rows)
        outputs = self.stance.baseline.shape[0]
        total = np.zeros((rows.shape[0], len(RELATED_STANCES)))
        for m, model in enumerate(members):
            order = [model.classes.index(s) for s in RELATED_STANCES]
            total += softmax(raw[:, m * outputs : (m + 1) * outputs])[:, order]
        return total / len(members)

    @cached_property
    def _stage2_trees(self) -> TreeEnsemble:
        # one walk over all stage-2 trees: a single pair costs one pass, not six
        return side_by_side((self.stance, *self.stance_folds))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StanceModel:
        if (
            data.get("format") not in (1, 2, FORMAT_VERSION)
            or tuple(data["features"]) != FEATURE_NAMES
        ):
            raise ValueError("stance model file does not match this code (retrain it)")
        cue = data["cues"]
        return cls(
            idf=Idf(data["idf"]["table"], data["idf"]["default"]),
            related=TreeEnsemble.from_json(data["related"]),
            stance=TreeEnsemble.from_json(data["stance"]),
            cues=CueModel(
                tuple(cue["classes"]),
                {t: tuple(w) for t, w in cue["weights"].items()},
                tuple(cue["intercept"]),
            ),
            # format 1 had no tuned factors: its decision was the plain argmax
            scales=tuple(float(x) for x in data["scales"]) if data["format"] > 1 else (1.0,) * 3,
            stance_folds=tuple(TreeEnsemble.from_json(t) for t in data.get("stance_folds", ())),
        )


def analyse_pairs(idf: Idf, claims_and_bodies: Sequence[tuple[str, str]]) -> list[Pair]:
    """Analyse each text once however many pairs share it."""
    bodies: dict[str, Body] = {}
    claims: dict[str, Claim] = {}
    out = []
    for claim_text, body_text in claims_and_bodies:
        body = bodies.get(body_text)
        if body is None:
            body = bodies[body_text] = analyse_body(body_text, idf)
        claim = claims.get(claim_text)
        if claim is None:
            claim = claims[claim_text] = analyse_claim(claim_text, idf)
        out.append(Pair(claim, body, tuple(sentence_scores(claim, body))))
    return out


def _dense(pairs: Sequence[Pair]) -> NDArray[np.float64]:
    rows = [pair_features(p.claim, p.body, p.scores) for p in pairs]
    return np.asarray(rows, dtype=np.float64).reshape(len(pairs), len(FEATURE_NAMES))


# --- training (scikit-learn imported only here) ---------------------------------------


@dataclass(frozen=True)
class Example:
    body_key: str  # pairs with the same key share a body (kept in one fold)
    claim: str
    body: str
    stance: str


def _fit_cue_model(terms: Sequence[Sequence[str]], labels: Sequence[str]) -> CueModel:
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for ts in terms:
        for t in ts:
            counts[t] = counts.get(t, 0) + 1
    vocab = sorted(t for t, c in counts.items() if c >= CUE_MIN_COUNT)
    index = {t: i for i, t in enumerate(vocab)}
    rows, cols = [], []
    for r, ts in enumerate(terms):
        for t in ts:
            if t in index:
                rows.append(r)
                cols.append(index[t])
    matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(terms), len(vocab)))
    lr = LogisticRegression(C=CUE_MODEL_C, class_weight="balanced", max_iter=2000)
    lr.fit(matrix, list(labels))
    return CueModel(
        tuple(str(c) for c in lr.classes_),
        {t: tuple(round(float(w), 6) for w in lr.coef_[:, i]) for t, i in index.items()},
        tuple(round(float(b), 6) for b in lr.intercept_),
    )


def _boosted(max_iter: int, learning_rate: float, **settings: Any) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(
        max_iter=max_iter,
        learning_rate=learning_rate,
        early_stopping=False,
        random_state=SEED,
        **settings,
    )


def body_folds(keys: Sequence[str], folds: int, seed: int = SEED) -> list[int]:
    """Fold of each item so that all items with one key share a fold (seeded shuffle)."""
    unique = sorted(set(keys))
    order = np.random.RandomState(seed).permutation(len(unique))
    fold_of = {unique[j]: rank % folds for rank, j in enumerate(order)}
    return [fold_of[k] for k in keys]


def train(examples: Sequence[Example]) -> dict[str, Any]:
    """Fit both stages and the cue model; returns the JSON-ready model."""
    bodies = sorted({e.body for e in examples})
    claims = sorted({e.claim for e in examples})
    idf = Idf.fit(bodies + claims)
    pairs = analyse_pairs(idf, [(e.claim, e.body) for e in examples])
    dense = _dense(pairs)
    labels = np.array([e.stance for e in examples])
    related = _boosted(200, 0.1).fit(dense, labels != "unrelated")

    rel = [int(i) for i in np.flatnonzero(labels != "unrelated")]
    related_labels = [str(label) for label in labels[rel]]
    terms = [cue_terms(pairs[i].claim, pairs[i].body, pairs[i].scores) for i in rel]
    inner = np.asarray(body_folds([examples[i].body_key for i in rel], INNER_FOLDS), dtype=np.int64)
    out_of_fold = np.zeros((len(rel), len(RELATED_STANCES)))
    for k in range(INNER_FOLDS):
        fit_on = np.flatnonzero(inner != k)
        cue_k = _fit_cue_model([terms[i] for i in fit_on], [related_labels[i] for i in fit_on])
        held = np.flatnonzero(inner == k)
        out_of_fold[held] = cue_k.probabilities([terms[i] for i in held])
    cues = _fit_cue_model(terms, related_labels)
    weights = np.where(labels[rel] == "disagree", DISAGREE_WEIGHT, 1.0)
    stage2_rows = np.hstack([dense[rel], out_of_fold])
    stance = _boosted(300, 0.05).fit(stage2_rows, labels[rel], sample_weight=weights)
    # stage 2 out of fold (same inner folds) to tune the decision's per-stance factors; the
    # inner models also ship, averaged with the full one
    stage2_oof = np.zeros((len(rel), len(RELATED_STANCES)))
    stance_folds = []
    for k in range(INNER_FOLDS):
        fit_on, held = np.flatnonzero(inner != k), np.flatnonzero(inner == k)
        inner_model = _boosted(300, 0.05).fit(
            stage2_rows[fit_on], labels[rel][fit_on], sample_weight=weights[fit_on]
        )
        columns = [list(inner_model.classes_).index(c) for c in RELATED_STANCES]
        stage2_oof[held] = inner_model.predict_proba(stage2_rows[held])[:, columns]
        stance_folds.append(export_hist_gradient_boosting(inner_model))
    scales = tune_scales(stage2_oof, related_labels)
    log.info("decision factors %s", scales)
    log.info("trained on %d pairs (%d related)", len(examples), len(rel))
    return {
        "format": FORMAT_VERSION,
        "features": list(FEATURE_NAMES),
        "idf": {"default": idf.default, "table": dict(sorted(idf.table.items()))},
        "related": export_hist_gradient_boosting(related),
        "stance": export_hist_gradient_boosting(stance),
        "stance_folds": stance_folds,
        "cues": {
            "classes": list(cues.classes),
            "intercept": list(cues.intercept),
            "weights": {t: list(w) for t, w in sorted(cues.weights.items())},
        },
        "scales": list(scales),
    }


def tune_scales(probabilities: NDArray[np.float64], gold: Sequence[str]) -> tuple[float, ...]:
    """The agree and disagree factors (discuss fixed at 1) from SCALE_GRID: of those whose
    macro-F1 over the related stances is within MACRO_SLACK of the best, the one with the
    best disagree F1 (the rare stance a brief's contradictions rest on); ties keep the
    factors nearest 1."""
    truth = np.asarray([RELATED_STANCES.index(g) for g in gold], dtype=np.int64)
    disagree = RELATED_STANCES.index("disagree")
    scored = []
    for a in SCALE_GRID:
        for d in SCALE_GRID:
            scales = (a, d, 1.0)
            predicted = (probabilities * np.asarray(scales)).argmax(axis=1)
            per_class = _f1s(truth, predicted, len(RELATED_STANCES))
            macro = round(sum(per_class) / len(per_class), 6)
            distance = -(abs(math.log(a)) + abs(math.log(d)))
            scored.append((macro, round(per_class[disagree], 6), distance, scales))
    best_macro = max(m for m, *_ in scored)
    eligible = [(f, dist, sc) for m, f, dist, sc in scored if m >= best_macro - MACRO_SLACK]
    return max(eligible, key=lambda e: (e[0], e[1]))[2]


def _f1s(truth: NDArray[np.int64], predicted: NDArray[np.int64], classes: int) -> list[float]:
    out = []
    for c in range(classes):
        hits = int(np.sum((truth == c) & (predicted == c)))
        n = int(np.sum(truth == c)) + int(np.sum(predicted == c))
        out.append(2 * hits / n if n else 0.0)
    return out
