"""Train the shipped entity merge model from the ECB+ train topics and write it into the package.

    .venv/bin/python scripts/train_entity_merge.py [ECB+.jsonl] [-o src/storyline/link/data/entity_merge.json.gz]

Deterministic: the same file gives the same bytes (fixed seed, sorted keys, a gzip header
without a timestamp). The data itself is not copied: the file holds trees only. Score it
honestly with `storyline eval entities FILE --folds 5` (each topic linked by a model that
never saw it) or on topics it was not trained on.
"""

from __future__ import annotations

import time
from pathlib import Path

from model_file import dev_and_out, write_model

from storyline.config import EntityLinkOptions
from storyline.evaluate.entities import ecb_topics
from storyline.link.entity_merge_train import fit, topic_examples
from storyline.nlp.entities import SpacyEntityAnalyzer

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = Path("../shared/data/ecbplus-dev/ecbplus_train_topics.jsonl")
DEFAULT_OUT = REPO / "src" / "storyline" / "link" / "data" / "entity_merge.json.gz"


def main() -> None:
    dev, out = dev_and_out(__doc__.split("\n")[0], DEFAULT_DEV, DEFAULT_OUT)
    start = time.perf_counter()
    options = EntityLinkOptions()
    topics = ecb_topics(dev, SpacyEntityAnalyzer())
    model = fit([topic_examples(t, options) for t in topics])
    write_model(model, out, start, f" from {len(topics)} topics")


if __name__ == "__main__":
    main()
