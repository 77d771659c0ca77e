"""Many small files: ``storyline brief --no-analysis`` over N tiny .txt files, files/s
beside the 200 files/s floor, per stage.

Run: .venv/bin/python bench/bench_small_files.py [--files 20000]
The files are generated with a fixed seed from an invented vocabulary (distinct stories,
a few words each), so every file is its own article.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

import storyline
from storyline.config import Options

FLOOR = 200.0  # files per second, the target


def make_pile(folder: Path, files: int, seed: int = 17) -> None:
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ten", "ra", "vos", "qu", "el", "an", "dor", "bis", "tu"]
    vocab = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(20000)]
    for i in range(files):
        words = " ".join(rng.choice(vocab) for _ in range(60))
        (folder / f"n{i:06d}.txt").write_text(
            f"The {words}.\nOfficials said {rng.choice(vocab)} on day {i % 28 + 1}.\n",
            encoding="utf-8",
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=20000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pile = Path(tmp) / "pile"
        pile.mkdir()
        make_pile(pile, args.files)
        started = time.perf_counter()
        result = storyline.brief([str(pile)], Options(analysis=False), store=Path(tmp) / "s.db")
        result.write(Path(tmp) / "out")
        wall = time.perf_counter() - started
    rate = args.files / wall
    print(f"files: {args.files}  articles: {len(result.articles)}  stories: {len(result.stories)}")
    for stage, seconds in result.timings.items():
        print(f"  {stage:<22} {seconds:8.2f} s")
    print(
        f"total {wall:.1f} s: {rate:.0f} files/s (floor {FLOOR:.0f} files/s) "
        f"{'OK' if rate >= FLOOR else 'BELOW'}"
    )


if __name__ == "__main__":
    main()
