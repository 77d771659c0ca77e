"""Train the shipped entity merge model from the ECB+ train topics and write it into the package.

    .venv/bin/python scripts/train_entity_merge.py [ECB+.jsonl] [-o src/storyline/link/data/entity_merge.json.gz]

Deterministic: the same file gives the same bytes (fixed seed, sorted keys, a gzip header
without a timestamp). The data itself is not copied: the file holds trees only. Score it
honestly with `storyline eval entities FILE --folds 5` (each topic linked by a model that
never saw it) or on topics it was not trained on.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import time
from pathlib import Path

from storyline.config import EntityLinkOptions
from storyline.evaluate.dev_files import resolve_dev_path
from storyline.evaluate.entities import ecb_topics
from storyline.link.entity_merge_train import fit, topic_examples
from storyline.nlp.entities import SpacyEntityAnalyzer

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = Path("../shared/data/ecbplus-dev/ecbplus_train_topics.jsonl")
DEFAULT_OUT = REPO / "src" / "storyline" / "link" / "data" / "entity_merge.json.gz"


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
    options = EntityLinkOptions()
    topics = ecb_topics(dev, SpacyEntityAnalyzer())
    model = fit([topic_examples(t, options) for t in topics])
    text = json.dumps(model, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(
        f"wrote {args.out} ({len(data) / 1024:.0f} KiB, sha256"
        f" {hashlib.sha256(data).hexdigest()[:16]}) from {len(topics)} topics"
        f" in {time.perf_counter() - start:.0f} s"
    )


if __name__ == "__main__":
    main()
