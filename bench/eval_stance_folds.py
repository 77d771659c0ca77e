"""``storyline eval stance`` one fold at a time (each fold a job of a few minutes on a
shared machine), with the same report.

    PYTHONPATH=src .venv/bin/python bench/eval_stance_folds.py fold K [K ...] [--dev D] [--dir D]
    PYTHONPATH=src .venv/bin/python bench/eval_stance_folds.py report [--dev D] [--dir D]

``fold`` runs ``evaluate.stance.cross_validate_fold`` (the code ``eval stance`` runs per
fold) and stores the fold's calls; ``report`` joins the five folds and prints
``format_report`` as ``eval stance`` does (its time is the sum of the folds' times).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from storyline.evaluate.dev_files import resolve_dev_path
from storyline.evaluate.stance import (
    CrossValidation,
    cross_validate_fold,
    format_report,
    read_dev,
)

DEFAULT_DEV = Path("../shared/data/stance-dev/fnc1_train.jsonl")
FOLDS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("fold", "report"))
    parser.add_argument("folds", type=int, nargs="*")
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/eval-stance-folds"))
    options = parser.parse_args()
    examples = read_dev(resolve_dev_path(options.dev))
    options.dir.mkdir(parents=True, exist_ok=True)
    if options.command == "fold":
        for k in options.folds:
            start = time.perf_counter()
            held, ours, base = cross_validate_fold(examples, k, FOLDS)
            seconds = time.perf_counter() - start
            record = {"held": held, "ours": ours, "baseline": base, "seconds": seconds}
            (options.dir / f"fold{k}.json").write_text(json.dumps(record), encoding="utf-8")
            print(f"fold {k}: {seconds:.0f} s", flush=True)
        return
    ours = [""] * len(examples)
    base = [""] * len(examples)
    seconds = 0.0
    for k in range(FOLDS):
        record = json.loads((options.dir / f"fold{k}.json").read_text(encoding="utf-8"))
        for i, call, b in zip(record["held"], record["ours"], record["baseline"], strict=True):
            ours[i] = call
            base[i] = b
        seconds += record["seconds"]
    print(format_report(CrossValidation([e.stance for e in examples], ours, base, FOLDS, seconds)))


if __name__ == "__main__":
    main()
