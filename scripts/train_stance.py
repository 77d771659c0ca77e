"""Train the shipped stance model from the FNC-1 dev file and write it into the package.

    .venv/bin/python scripts/train_stance.py [DEV.jsonl] [-o src/storyline/link/data/stance_model.json.gz]

Deterministic: the same dev file gives the same bytes (fixed seeds, sorted keys, a gzip
header without a timestamp). The dev data itself is not copied: the file holds trees,
cue weights and an IDF table.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import time
from pathlib import Path

from storyline.evaluate.dev_files import resolve_dev_path
from storyline.evaluate.stance import read_dev
from storyline.link.stance_model import train

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = Path("../shared/data/stance-dev/fnc1_train.jsonl")
DEFAULT_OUT = REPO / "src" / "storyline" / "link" / "data" / "stance_model.json.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dev", nargs="?", type=Path, default=DEFAULT_DEV)
    parser.add_argument("-o", "--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    dev = resolve_dev_path(args.dev)
    if not dev.exists():
        raise SystemExit(f"dev file not found: {dev}")
    start = time.perf_counter()
    model = train(read_dev(dev))
    text = json.dumps(model, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(
        f"wrote {args.out} ({len(data) / 1024:.0f} KiB, sha256"
        f" {hashlib.sha256(data).hexdigest()[:16]}) in {time.perf_counter() - start:.0f} s"
    )


if __name__ == "__main__":
    main()
