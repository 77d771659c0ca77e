"""Targets on the dev sets (read from /work/shared at test time; skipped when absent)."""

from pathlib import Path

import pytest

QUOTES_DEV = Path("/work/shared/data/quotes-dev/polnear_dev40.jsonl")
TIMEX_DEV = Path("/work/shared/data/timex-dev/timebank_tbaq_dev40.jsonl")


@pytest.mark.slow
def test_dates_value_accuracy_target():
    if not TIMEX_DEV.exists():
        pytest.skip("timex-dev not available")
    from storyline.evaluate.dates import run_dates_eval

    ours = dict(run_dates_eval(TIMEX_DEV))["storyline rules"]
    assert ours["value acc"] >= 85.0
    assert ours["span F1"] >= 85.0


@pytest.mark.slow
def test_quotes_span_f1_and_speaker_targets():
    if not QUOTES_DEV.exists():
        pytest.skip("quotes-dev not available")
    from storyline.evaluate.quotes import run_quotes_eval

    rows = dict(run_quotes_eval(QUOTES_DEV, thresholds=(0.3,)))
    ours = rows["storyline (spaCy + rules) @0.3"]
    assert ours["F1"] >= 70.0
    assert ours["speaker acc"] >= 80.0
