"""`storyline eval dates`: TIMEX spans and values on the TimeBank dev file, with a baseline.

Scoring (timex-dev README, overlap matching): a predicted span matches a gold TIMEX3 when
they share at least one character; matching is one-to-one, greedy by overlap size. Span
P/R/F1 count matched pairs. Value accuracy is the share of *matched* gold TIMEX3 whose
value we predicted exactly (the TempEval convention); ``DATE value acc`` restricts it to
gold type DATE (the README's reference numbers); ``value acc (all gold)`` divides by every
gold TIMEX3 instead, so misses count as wrong. Values are compared exactly after one
notational normalisation applied to both sides: ISO week numbers are written with two
digits, so the AQUAINT gold's ``2000-W7`` and our ``2000-W07`` are the same week (a
difference of spelling, not of value or granularity).

Baseline: ``dateparser.search.search_dates`` with ``RELATIVE_BASE`` = DCT, value = the
resolved calendar day (what a date library gives you out of the box).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.evaluate.metrics import match_one_to_one, prf, ratio
from storyline.jsonl import read_lines
from storyline.nlp.dates import extract_dates, parse_dct

log = logging.getLogger(__name__)


Prediction = tuple[int, int, str | None]  # start, end, value


@dataclass
class DateScores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    value_correct: int = 0
    date_matched: int = 0
    date_value_correct: int = 0

    def row(self) -> dict[str, float]:
        spans = prf(self.matched, self.predicted, self.gold)
        return {
            "span P": 100 * spans.precision,
            "span R": 100 * spans.recall,
            "span F1": 100 * spans.f1,
            "value acc": ratio(100 * self.value_correct, self.matched),
            "DATE value acc": ratio(100 * self.date_value_correct, self.date_matched),
            "value acc (all gold)": ratio(100 * self.value_correct, self.gold),
        }


_SHORT_WEEK = re.compile(r"(?<=-W)(\d)(?!\d)")


def same_value(gold: str | None, pred: str | None) -> bool:
    """Exact equality up to ISO week zero-padding (``W7`` = ``W07``); nothing else is
    relaxed: ``1998`` against ``1998-Q3`` or ``T17`` against ``T17:00`` still differ."""
    if gold is None or pred is None:
        return gold == pred
    return _SHORT_WEEK.sub(r"0\1", gold) == _SHORT_WEEK.sub(r"0\1", pred)


def _match(gold: list[dict], pred: list[Prediction]) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        gs, ge = g["span"]
        for pi, (ps, pe, _v) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((-overlap, gi, pi))
    return match_one_to_one(pairs)


def score_documents(
    docs: Iterable[dict], predict: Callable[[str, str | None], list[Prediction]]
) -> DateScores:
    scores = DateScores()
    for doc in docs:
        gold = doc["timexes"]
        try:
            pred = predict(doc["text"], doc.get("dct"))
        except Exception as exc:  # a failing extractor scores zero on this doc, never crashes
            log.warning("extractor failed on %s: %s", doc.get("id"), exc)
            pred = []
        scores.gold += len(gold)
        scores.predicted += len(pred)
        for gi, pi in _match(gold, pred):
            g = gold[gi]
            ok = same_value(g["value"], pred[pi][2])
            scores.matched += 1
            scores.value_correct += ok
            if g["type"] == "DATE":
                scores.date_matched += 1
                scores.date_value_correct += ok
    return scores


def predict_storyline(text: str, dct: str | None) -> list[Prediction]:
    return [(t.start, t.end, t.value) for t in extract_dates(text, dct)]


def predict_dateparser(text: str, dct: str | None) -> list[Prediction]:
    from dateparser.search import search_dates

    base = parse_dct(dct)
    settings: dict[str, Any] = {"RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    else:  # never the clock: without a DCT the baseline resolves against a fixed date
        settings["RELATIVE_BASE"] = dt.datetime(2000, 1, 1)
    found = search_dates(text, languages=["en"], settings=settings) or []
    out: list[Prediction] = []
    cursor = 0
    for surface, value in found:
        at = text.find(surface, cursor)
        if at < 0:
            at = text.find(surface)
            if at < 0:
                continue
        else:
            cursor = at + len(surface)
        out.append((at, at + len(surface), value.date().isoformat()))
    return out


def run_dates_eval(path: Path) -> list[tuple[str, dict[str, float]]]:
    docs = [line.record for line in read_lines(path) if line.record is not None]
    return [
        ("storyline rules", score_documents(docs, predict_storyline).row()),
        ("dateparser search_dates", score_documents(docs, predict_dateparser).row()),
    ]
