"""Stance of an article toward a claim: agree, disagree, discuss or unrelated, with the
sentences that decide it.

    >>> stance("Russia sends troops to Syria", body).stance
    'disagree'

The model (``data/stance_model.json.gz``) is learned from FNC-1 by
``scripts/train_stance.py``; see ``stance_model`` for its two stages and
``stance_features`` for what it looks at. It is loaded once, lazily, and needs only numpy.
Evidence is the body sentence best aligned with the claim, plus, for ``disagree`` and
``discuss``, the best-aligned sentence carrying a refuting or hedging cue when that is
another sentence: the sentence an analyst would read to check the call.
"""

from __future__ import annotations

import gzip
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from storyline.link.stance_features import aligned_order
from storyline.link.stance_model import STANCES, Pair, StanceModel

log = logging.getLogger(__name__)

MODEL_RESOURCE = "stance_model.json.gz"
_EVIDENCE_FROM = 3  # best-aligned sentences a cue sentence is looked for in
_CUE_OF_STANCE = {"disagree": (0, 3), "discuss": (1,)}  # refute+negation; hedge (Sentence.cues)


@dataclass(frozen=True)
class StanceResult:
    stance: str  # one of STANCES
    score: float  # the model's probability of that stance
    evidence: tuple[tuple[int, int], ...]  # (start, end) into the body, in body order

    def to_dict(self) -> dict[str, Any]:
        return {
            "stance": self.stance,
            "score": round(self.score, 4),
            "evidence": [{"start": s, "end": e} for s, e in self.evidence],
        }


@lru_cache(maxsize=1)
def load_model() -> StanceModel:
    """The shipped model, read once per process."""
    raw = resources.files("storyline.link").joinpath("data", MODEL_RESOURCE).read_bytes()
    return StanceModel.from_json(json.loads(gzip.decompress(raw)))


def _evidence(pair: Pair, label: str) -> tuple[tuple[int, int], ...]:
    if label == "unrelated" or not pair.body.sentences:
        return ()
    order = aligned_order(pair.scores)
    chosen = [order[0]]
    cue_kinds = _CUE_OF_STANCE.get(label, ())
    for i in order[:_EVIDENCE_FROM]:
        cues = pair.body.sentences[i].cues
        if pair.scores[i] > 0 and any(cues[k] for k in cue_kinds):
            if i != order[0]:
                chosen.append(i)
            break
    sentences = pair.body.sentences
    return tuple((sentences[i].start, sentences[i].end) for i in sorted(chosen))


def stance_many(
    pairs: Iterable[tuple[str, str]], model: StanceModel | None = None
) -> list[StanceResult]:
    """Stance of each (claim, body) pair; bodies and claims repeated across pairs are
    analysed once."""
    model = model or load_model()
    analysed = model.pairs(list(pairs))
    probabilities = model.predict(analysed)
    results = []
    for pair, row in zip(analysed, probabilities, strict=True):
        # two stages: unrelated when stage 1 says so, else stage 2's best related stance
        # (its probabilities weighed by the factors tuned in training)
        best = model.decide(row)
        label = STANCES[best]
        results.append(StanceResult(label, float(row[best]), _evidence(pair, label)))
    return results


def stance(claim: str, body: str, model: StanceModel | None = None) -> StanceResult:
    """Stance of ``body`` toward ``claim``."""
    return stance_many([(claim, body)], model)[0]
