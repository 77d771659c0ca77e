from __future__ import annotations

from functools import partial

import numpy as np
import pytest

from storyline.config import DedupOptions
from storyline.dedup.minhash import fingerprint
from storyline.run.executor import DaskExecutor, LocalExecutor, make_executor

WORDS = [
    "council",
    "harbour",
    "ferry",
    "budget",
    "pier",
    "vote",
    "storm",
    "quake",
    "police",
    "arrest",
    "court",
    "minister",
]


def texts(n: int) -> list[str]:
    rng = np.random.default_rng(3)
    return [" ".join(rng.choice(WORDS, size=int(rng.integers(3, 60)))) for _ in range(n)]


def run(executor, items, chunk_size=7):
    fn = partial(fingerprint, options=DedupOptions(num_perm=32))
    with executor:
        return [
            (fp.signature.tolist(), fp.shingles.tolist())
            for fp in executor.map(fn, items, chunk_size=chunk_size)
        ]


@pytest.mark.slow
def test_local_and_dask_give_identical_results_in_input_order() -> None:
    items = texts(60)
    expected = [
        (fp.signature.tolist(), fp.shingles.tolist())
        for fp in (fingerprint(t, DedupOptions(num_perm=32)) for t in items)
    ]
    assert run(LocalExecutor(workers=1), items) == expected
    assert run(LocalExecutor(workers=2), iter(items)) == expected
    assert run(DaskExecutor(workers=2, processes=False), iter(items), chunk_size=5) == expected


@pytest.mark.slow
def test_dask_worker_processes_and_an_existing_scheduler() -> None:
    from dask.distributed import LocalCluster

    items = texts(20)
    expected = run(LocalExecutor(workers=1), items)
    assert run(DaskExecutor(workers=1, processes=True), items) == expected
    with LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        executor = make_executor("dask", workers=1, scheduler=cluster.scheduler_address)
        assert run(executor, items, chunk_size=3) == expected


@pytest.mark.parametrize("workers", [1, 2])
def test_input_is_consumed_lazily_with_bounded_chunks_in_flight(workers: int) -> None:
    pulled = 0

    def source():
        nonlocal pulled
        for i in range(10_000):
            pulled += 1
            yield str(i)

    with LocalExecutor(workers=workers, max_in_flight=3) as executor:
        results = executor.map(len, source(), chunk_size=10)
        assert next(results) == 1
        # at most max_in_flight chunks (plus the one being cut) were read from the stream
        assert pulled <= 10 * 4
        assert sum(results) + 1 == sum(len(str(i)) for i in range(10_000))


def test_factory_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="unknown executor"):
        make_executor("spark", workers=1)
    with pytest.raises(ValueError, match="scheduler"):
        make_executor("local", workers=1, scheduler="tcp://127.0.0.1:8786")
    with pytest.raises(ValueError):
        LocalExecutor(workers=0)
    assert list(LocalExecutor(workers=1).map(len, [], chunk_size=4)) == []
