"""What the model-training scripts share: their command line and the byte-stable file.

A shipped model is JSON with sorted keys in a gzip member without a timestamp, so the same
dev file gives the same bytes; the script prints its size and sha256 to record.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import time
from pathlib import Path
from typing import Any

from storyline.evaluate.dev_files import resolve_dev_path


def dev_and_out(description: str, default_dev: Path, default_out: Path) -> tuple[Path, Path]:
    """The dev file to train on (checked to exist) and where to write the model."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("dev", nargs="?", type=Path, default=default_dev)
    parser.add_argument("-o", "--out", type=Path, default=default_out)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    dev = resolve_dev_path(args.dev)
    if not dev.exists():
        raise SystemExit(f"dev file not found: {dev}")
    return dev, args.out


def write_model(model: Any, out: Path, started: float, detail: str = "") -> None:
    text = json.dumps(model, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    print(
        f"wrote {out} ({len(data) / 1024:.0f} KiB, sha256"
        f" {hashlib.sha256(data).hexdigest()[:16]}){detail}"
        f" in {time.perf_counter() - started:.0f} s"
    )
