"""The scale bench runs end to end on a tiny pile and its output does not depend on the
executor or on how the input is fed to it (driver-streamed chunks or worker-read partitions).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.mark.slow
def test_bench_output_identical_across_executors_and_modes(tmp_path: Path, capsys) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import bench_scale
    finally:
        sys.path.remove(str(BENCH))

    digests = []
    runs = [
        ("local", 1, "stream", "storyline"),
        ("local", 2, "partitions", "storyline"),
        ("local", 1, "stream", "tfidf"),
        ("local", 2, "partitions", "tfidf"),
    ]
    for executor, workers, mode, clusterer in runs:
        args = argparse.Namespace(
            clusterer=clusterer,
            articles=400,
            executor=executor,
            workers=workers,
            scheduler=None,
            mode=mode,
            partition_mb=0,
            chunk_size=16,
            threshold=0.3,
            cluster_batch=100,
            seed=3,
            workdir=str(tmp_path),
        )
        bench_scale.run(args)
        out = capsys.readouterr().out
        assert "dedup: " in out and "BCubed" in out
        precision, recall = map(float, re.search(r"precision (\S+), recall (\S+)", out).groups())
        assert precision > 0.95 and recall > 0.95
        digests.append(re.search(r"output digest: (\w+)", out).group(1))
    assert digests[0] == digests[1] and digests[2] == digests[3]
