"""`storyline eval quotes`: quote spans and speakers on the PolNeAR dev file, with a baseline.

Scoring (quotes-dev README, the Gender Gap Tracker convention): a gold attribution is
matched by a predicted quote when their overlap covers more than ``threshold`` of the gold
quote span (0.3, and 0.8 for strict); matching is one-to-one, greedy by overlap share.
Precision = matched predictions / predictions, recall = matched gold / gold. Speaker
accuracy is over matched pairs: correct when the predicted and gold speaker spans overlap,
or when both are absent. Recall on direct quotes alone is also shown.

Baseline: a regex direct-quote extractor (quote-mark pairs of 4+ words) with the speaker
taken from an adjacent ", NAME said" / "said NAME" pattern — what quote extraction looks
like without a parser or reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyline.evaluate.metrics import match_one_to_one, prf, ratio
from storyline.jsonl import read_lines
from storyline.nlp.quotes import QuoteOptions, extract_quotes_batch

Span = tuple[int, int]
Prediction = tuple[Span, Span | None]  # quote span, speaker span


@dataclass
class QuoteScores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_correct: int = 0
    direct_gold: int = 0
    direct_matched: int = 0

    def row(self) -> dict[str, float]:
        spans = prf(self.matched, self.predicted, self.gold)
        return {
            "P": 100 * spans.precision,
            "R": 100 * spans.recall,
            "F1": 100 * spans.f1,
            "speaker acc": ratio(100 * self.speaker_correct, self.matched),
            "R direct": ratio(100 * self.direct_matched, self.direct_gold),
        }


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(docs: list[dict], predictions: list[list[Prediction]], threshold: float) -> QuoteScores:
    scores = QuoteScores()
    for doc, pred in zip(docs, predictions, strict=True):
        gold = doc["quotes"]
        scores.gold += len(gold)
        scores.predicted += len(pred)
        scores.direct_gold += sum(g["quote_type"] == "direct" for g in gold)
        pairs = []
        for gi, g in enumerate(gold):
            gs = tuple(g["quote_span"])
            length = max(1, gs[1] - gs[0])
            for pi, (ps, _speaker) in enumerate(pred):
                share = _overlap(gs, ps) / length
                if share > threshold:
                    pairs.append((-share, gi, pi))
        for gi, pi in match_one_to_one(pairs):
            g = gold[gi]
            scores.matched += 1
            scores.direct_matched += g["quote_type"] == "direct"
            gold_speaker = g["speaker_span"]
            pred_speaker = pred[pi][1]
            if gold_speaker is None or pred_speaker is None:
                scores.speaker_correct += gold_speaker is None and pred_speaker is None
            else:
                scores.speaker_correct += _overlap(tuple(gold_speaker), pred_speaker) > 0
    return scores


def predict_storyline(texts: list[str]) -> list[list[Prediction]]:
    out = []
    for quotes in extract_quotes_batch(texts, QuoteOptions()):
        preds: list[Prediction] = []
        for q in quotes:
            speaker = None if q.speaker_start is None else (q.speaker_start, q.speaker_end)
            preds.append(((q.start, q.end), speaker))  # type: ignore[arg-type]
        out.append(preds)
    return out


_BASELINE_QUOTE = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"")
_NAME = r"((?:[A-Z][\w.'’-]*|he|she|they)(?:\s+[A-Z][\w.'’-]*){0,3})"
_AFTER = re.compile(r"\s*,?\s*(?:" + _NAME + r"\s+(?:said|says|added|told)|(?:said|says)\s+"
                    + _NAME + ")")  # fmt: skip


def predict_regex_baseline(texts: list[str]) -> list[list[Prediction]]:
    out = []
    for text in texts:
        preds: list[Prediction] = []
        for m in _BASELINE_QUOTE.finditer(text):
            if len(m.group().split()) < 4:
                continue
            speaker = None
            after = _AFTER.match(text, m.end())
            if after:
                group = 1 if after.group(1) else 2
                speaker = (after.start(group), after.end(group))
            preds.append(((m.start(), m.end()), speaker))
        out.append(preds)
    return out


def run_quotes_eval(
    path: Path, thresholds: tuple[float, ...] = (0.3, 0.8)
) -> list[tuple[str, dict[str, float]]]:
    docs = [line.record for line in read_lines(path) if line.record is not None]
    texts = [d["text"] for d in docs]
    systems: list[tuple[str, Callable[[list[str]], list[list[Prediction]]]]] = [
        ("storyline (spaCy + rules)", predict_storyline),
        ("regex direct-quote baseline", predict_regex_baseline),
    ]
    rows = []
    for name, predict in systems:
        predictions = predict(texts)
        for threshold in thresholds:
            rows.append((f"{name} @{threshold}", score(docs, predictions, threshold).row()))
    return rows
