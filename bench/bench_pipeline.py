"""Pipeline throughput on a pile of N synthetic articles: articles/s per stage.

Run: .venv/bin/python bench/bench_pipeline.py --articles 2000
The pile is generated from a seeded vocabulary: stories with several outlets' versions,
reposts with blog boilerplate, and unrelated singletons, written as .txt files.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from storyline.config import Options, RunOptions
from storyline.run.pipeline import analyse_store, ingest_into
from storyline.store.factory import open_store

SUBJECTS = [
    "The minister",
    "Rebel forces",
    "The central bank",
    "Police",
    "The president",
    "A spokesman",
    "Rescue teams",
    "The navy",
    "Protesters",
    "The court",
]
VERBS = ["announced", "denied", "reported", "confirmed", "rejected", "approved", "warned of"]
OBJECTS = [
    "a new truce",
    "the arms deal",
    "higher interest rates",
    "an evacuation plan",
    "the border closure",
    "fresh sanctions",
    "a cargo of weapons",
    "the election result",
]
PLACES = ["Homs", "Damascus", "Geneva", "Moscow", "Tartus", "Brussels", "Ankara", "Beirut"]
BOILER = [
    "Share this:\nFacebook Twitter Email",
    "Leave a Reply",
    "Posted by a-blogger",
    "Copyright © 2012 Example.com. All Rights Reserved.",
]


SYLLABLES = ["ka", "lo", "mir", "tan", "vel", "sor", "ish", "ga", "dun", "rek", "ul", "bra"]


def name(r: random.Random) -> str:
    return "".join(r.choice(SYLLABLES) for _ in range(3)).capitalize()


def sentence(rng: random.Random, topic: int) -> str:
    # each topic has its own invented people and places, as real stories do
    r = random.Random(topic * 1000 + rng.randrange(6))
    return (
        f"{r.choice(SUBJECTS)} {name(r)} in {name(r)} near {r.choice(PLACES)} "
        f"{rng.choice(VERBS)} {r.choice(OBJECTS)} on Monday, {rng.randrange(2, 900)} people "
        f"were affected, {name(r)} officials said."
    )


def make_pile(folder: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    i = 0
    while i < n:
        topic = rng.randrange(n // 5 + 1)
        body = "\n\n".join(sentence(rng, topic) for _ in range(rng.randrange(6, 14)))
        for _copy in range(rng.choice([1, 1, 2, 3])):
            if i >= n:
                break
            extra = rng.choice(BOILER) if _copy else ""
            (folder / f"a{i:06d}.txt").write_text(f"{body}\n\n{extra}\n", encoding="utf-8")
            i += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument(
        "--analysis", action="store_true", help="also time the spaCy layer (slow: ~0.3 s/article)"
    )
    parser.add_argument("--executor", default="local", help="local or dask")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--update",
        type=int,
        default=10,
        help="then ingest this many more articles and time bringing the analysis up to date",
    )
    args = parser.parse_args()
    options = Options(
        run=RunOptions(executor=args.executor, workers=args.workers), analysis=args.analysis
    )
    with tempfile.TemporaryDirectory() as tmp:
        pile = Path(tmp) / "pile"
        pile.mkdir()
        make_pile(pile, args.articles)
        with open_store(Path(tmp) / "bench.db") as store:
            started = time.perf_counter()
            _reports, read, _new = ingest_into(store, [str(pile)], options)
            timings = {"ingest+clean+store": time.perf_counter() - started}
            # the same analysis `storyline brief` runs, saved to the store as it does
            articles, stories, analysis_timings = analyse_store(store, options)
            timings.update(analysis_timings)
            update = time_update(store, Path(tmp), args.update, options) if args.update else {}
    print(
        f"articles: {read}  duplicates: {sum(1 for a in articles if a.duplicate_of)}  "
        f"stories: {len(stories)} in {len({s.storyline or s.id for s in stories})} storylines"
    )
    print(f"{'stage':<22}{'seconds':>10}{'articles/s':>14}")
    for stage, seconds in timings.items():
        print(f"{stage:<22}{seconds:>10.2f}{read / seconds if seconds else float('inf'):>14.0f}")
    total = sum(timings.values())
    print(f"{'total':<22}{total:>10.2f}{read / total:>14.0f}")
    if update:
        print(f"\nthen {args.update} more articles (ingest + analysis up to date):")
        for label, (seconds, stories_redone) in update.items():
            print(f"  {label:<34}{seconds:>8.2f} s   stories whose brief changed: {stories_redone}")


def time_update(store, tmp: Path, n: int, options: Options) -> dict[str, tuple[float, int]]:
    """Ingest ``n`` new articles, then re-analyse incrementally and, for comparison, fully."""
    more = tmp / "more"
    more.mkdir()
    make_pile(more, n, seed=11)  # same topics' people and places: some join old stories
    out: dict[str, tuple[float, int]] = {}
    started = time.perf_counter()
    ingest_into(store, [str(more)], options)
    ingest = time.perf_counter() - started
    for label, incremental in (("incremental (changed stories)", True), ("full recompute", False)):
        stored = {s.id: s.to_brief() for s in store.stories()}
        started = time.perf_counter()
        _articles, stories, _ = analyse_store(store, options, incremental=incremental)
        seconds = time.perf_counter() - started + ingest
        redone = sum(1 for s in stories if stored.get(s.id) != s.to_brief())
        out[label] = (seconds, redone)
    return out


if __name__ == "__main__":
    main()
