"""Print BCubed/pairwise scores on every dev file in /work/shared/data/clustering-dev."""

import sys
from pathlib import Path

from storyline.cluster.cluster_cmd import evaluate_file

DEV = Path("/work/shared/data/clustering-dev")
files = sys.argv[1:] or sorted(p.name for p in DEV.glob("*.jsonl"))
for name in files:
    n, k, rows = evaluate_file(DEV / name)
    for r in rows:
        print(
            f"{name[:22]:22} {r.system[:24]:24} B3 P/R/F {r.bcubed.precision:.3f}/"
            f"{r.bcubed.recall:.3f}/{r.bcubed.f1:.3f} pairF {r.pairwise.f1:.3f} "
            f"k={r.clusters}/{k} {r.seconds:.2f}s"
        )
