"""Storylines on the real pile, the sample and a generated pile (``storyline eval storylines``).

    PYTHONPATH=src python bench/eval_storylines.py [MULTINEWS.jsonl [SAMPLE_DIR [SEED]]]

A thin wrapper over ``storyline.evaluate.storylines``; prints the same table as the CLI.
"""

import sys
from pathlib import Path

from storyline.evaluate.dev_files import dev_file, resolve_dev_path
from storyline.evaluate.storylines import report

args = sys.argv[1:]
multinews = resolve_dev_path(Path(args[0]) if args else dev_file("storylines"))
sample = resolve_dev_path(Path(args[1] if len(args) > 1 else "../shared/samples/russia-syria"))
seed = int(args[2]) if len(args) > 2 else 7
print(report(multinews, sample, seed))
