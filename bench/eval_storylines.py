"""Storyline quality where a topic-level gold exists: ECB+ puts two events per topic.

    PYTHONPATH=src python bench/eval_storylines.py [FILE.jsonl]

Gold storyline = the ``cluster`` id without its last "/" part (ecbplus/<topic>/<sub> ->
ecbplus/<topic>); prints BCubed for stories (vs the full id) and storylines (vs topic).
"""

import sys
import time
from pathlib import Path

from storyline.cluster.stories import StoryClusterer
from storyline.commands.cluster import load_items
from storyline.evaluate.cluster_metrics import bcubed

path = Path(sys.argv[1] if len(sys.argv) > 1 else
            "/work/shared/data/clustering-dev/ecbplus_dev_events.jsonl")  # fmt: skip
items, records, _ = load_items(path)
story_gold = {it.id: str(r["cluster"]) for it, r in zip(items, records, strict=True)}
line_gold = {i: g.rsplit("/", 1)[0] for i, g in story_gold.items()}
start = time.perf_counter()
out = StoryClusterer().add(items)
secs = time.perf_counter() - start
for name, pred, gold in (
    ("stories", {a.id: a.story for a in out}, story_gold),
    ("storylines", {a.id: a.storyline for a in out}, line_gold),
):
    b = bcubed(pred, gold)
    print(f"{path.name} {name:10} BCubed P/R/F1 {b.precision:.3f}/{b.recall:.3f}/{b.f1:.3f} "
          f"groups {len(set(pred.values()))} (gold {len(set(gold.values()))})")  # fmt: skip
print(f"{len(items)} articles in {secs:.2f}s")
