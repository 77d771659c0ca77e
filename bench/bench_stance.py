"""Throughput of the stance engine (prints numbers; not a test).

Usage: .venv/bin/python bench/bench_stance.py [N] [DEV.jsonl]
Default: N=5000 pairs from ../shared/data/stance-dev/fnc1_train.jsonl (a dev file is only
read here, never copied). Two cases: pairs in file order (each body shared by the claims
filed with it, as when an article is checked against a story's claims) and pairs whose
bodies are all different (every pair pays for analysing its body).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from storyline.evaluate.dev_files import resolve_dev_path
from storyline.link.stance import load_model, stance_many

DEFAULT_DEV = Path("../shared/data/stance-dev/fnc1_train.jsonl")


def _read(path: Path) -> list[tuple[str, list[str]]]:
    with path.open(encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    return [(r["body"], [c["claim"] for c in r["claims"]]) for r in records]


TARGET_PAIRS_PER_S = 200  # claim-body pairs per second (issue 12)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    dev = resolve_dev_path(Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_DEV)
    if not dev.exists():
        raise SystemExit(f"dev file not found: {dev}")
    records = _read(dev)
    shared = [(claim, body) for body, claims in records for claim in claims][:n]
    distinct = [(claims[0], body) for body, claims in records if claims][:n]

    t0 = time.perf_counter()
    load_model()
    print(f"model load: {time.perf_counter() - t0:.3f} s")
    print(f"target (issue 12): >= {TARGET_PAIRS_PER_S} pairs/s on 2 cores, every body new")
    for name, pairs in (("bodies shared (file order)", shared), ("one pair per body", distinct)):
        t0 = time.perf_counter()
        stance_many(pairs)
        seconds = time.perf_counter() - t0
        print(
            f"{name:28} {len(pairs):6d} pairs {seconds:7.2f} s {len(pairs) / seconds:8.0f} pairs/s"
        )
    t0 = time.perf_counter()
    for claim, body in distinct[:200]:
        stance_many([(claim, body)])
    seconds = time.perf_counter() - t0
    print(f"{'one call per pair':28} {200:6d} pairs {seconds:7.2f} s {200 / seconds:8.0f} pairs/s")


if __name__ == "__main__":
    main()
