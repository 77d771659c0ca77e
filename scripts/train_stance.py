"""Train the shipped stance model from the FNC-1 dev file and write it into the package.

    .venv/bin/python scripts/train_stance.py [DEV.jsonl] [-o src/storyline/link/data/stance_model.json.gz]

Deterministic: the same dev file gives the same bytes (fixed seeds, sorted keys, a gzip
header without a timestamp). The dev data itself is not copied: the file holds trees,
cue weights and an IDF table.
"""

from __future__ import annotations

import time
from pathlib import Path

from model_file import dev_and_out, write_model

from storyline.evaluate.stance import read_dev
from storyline.link.stance_model import train

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = Path("../shared/data/stance-dev/fnc1_train.jsonl")
DEFAULT_OUT = REPO / "src" / "storyline" / "link" / "data" / "stance_model.json.gz"


def main() -> None:
    dev, out = dev_and_out(__doc__.split("\n")[0], DEFAULT_DEV, DEFAULT_OUT)
    start = time.perf_counter()
    model = train(read_dev(dev))
    write_model(model, out, start)


if __name__ == "__main__":
    main()
