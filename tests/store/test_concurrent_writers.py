"""Writers in separate processes on one store: schema creation, same ids, ingest seq.

Real processes (multiprocessing, spawn) on a fresh SQLite file or PostgreSQL schema; the
bench (bench/bench_faults.py) runs 20 trials per backend, these run a few.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

# writer processes racing on one store
pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[2] / "bench"
TRIALS = 3


@pytest.fixture(scope="module")
def trials() -> Iterator[object]:
    # kept on the path while the trials run: spawned writers import the module by name
    sys.path.insert(0, str(BENCH))
    try:
        import writer_trials

        yield writer_trials
    finally:
        sys.path.remove(str(BENCH))


def test_sqlite_writers_racing_on_a_fresh_file(trials, tmp_path: Path) -> None:
    for n in range(TRIALS):
        result = trials.run_trial(f"sqlite:///{tmp_path / f'race{n}.db'}")
        assert not result.failed, result


def test_postgresql_writers_racing_on_a_fresh_schema(trials) -> None:
    base = os.environ.get("STORYLINE_TEST_PG_URL")
    if not base:
        pytest.skip("STORYLINE_TEST_PG_URL not set (scripts/test.sh starts a PostgreSQL server)")
    for _ in range(TRIALS):
        url, drop = trials.fresh_pg_schema(base)
        try:
            result = trials.run_trial(url)
        finally:
            drop()
        assert not result.failed, result
