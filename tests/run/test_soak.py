"""The soak run (bench/bench_soak.py): 300 real articles from the dev data plus the
generated hostile files go through the whole pipeline with the analyst's layer, and no
article runs over its budget. Needs ../shared beside the repository (fails loudly if not).
The bench alone takes every document of two dev files (~1,600); 300 keep the CI run short
while every hostile file still goes through."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEV = REPO.parent / "shared" / "data" / "mds-dev" / "multinews_val250.jsonl"

pytestmark = pytest.mark.slow


def test_a_real_pile_with_hostile_files_finishes_within_budget():
    assert DEV.exists(), f"dev data missing: {DEV} (the soak pile is built from it)"
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "bench_soak.py"), "--max-docs", "300"],
        capture_output=True,
        text=True,
        timeout=1200,
        cwd=REPO,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "over budget: 0" in done.stdout
    assert "pile: 300 real documents + 14 hostile files" in done.stdout
    # the 2 MB one-line file is kept, without a layer, and says why
    assert "[E203] article of 1999997 characters" in done.stdout
