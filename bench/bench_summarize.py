"""Throughput of the summarizer on synthetic clusters: prints clusters per second.

Usage: PYTHONPATH=src python bench/bench_summarize.py [--clusters 40] [--docs 3,8,20,50]
"""

from __future__ import annotations

import argparse
import random
import time

from storyline.brief.summarize import summarize_documents

SUBJECTS = [
    "The governor",
    "Local officials",
    "The company",
    "Police",
    "Rescue teams",
    "The senator",
]
VERBS = ["announced", "confirmed", "denied", "reported", "warned", "said"]
OBJECTS = [
    "a new plan to rebuild the flooded bridge",
    "that the storm damaged more than 300 homes",
    "an investigation into the factory fire",
    "talks with the union over pay and hours",
    "that the river will crest on Thursday",
    "a vote on the budget next week",
]
TAILS = ["on Tuesday", "after a long meeting", "according to a statement", "in the capital"]


def article(rng: random.Random, sentences: int) -> str:
    paragraphs = []
    for _ in range(sentences):
        paragraphs.append(
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(TAILS)}, {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} "
            f"{rng.randint(2, 900)} times."
        )
    return "\n\n".join(paragraphs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clusters", type=int, default=40)
    parser.add_argument("--docs", default="3,8,20,50")
    parser.add_argument("--sentences", type=int, default=30, help="sentences per article")
    parser.add_argument("--words", type=int, default=260)
    args = parser.parse_args()
    rng = random.Random(7)
    for docs in (int(d) for d in args.docs.split(",")):
        clusters = [
            [article(rng, args.sentences) for _ in range(docs)] for _ in range(args.clusters)
        ]
        started = time.perf_counter()
        for texts in clusters:
            summarize_documents(texts, words=args.words)
        elapsed = time.perf_counter() - started
        print(
            f"docs/cluster={docs:3d} sentences/doc={args.sentences} words={args.words}: "
            f"{args.clusters / elapsed:8.1f} clusters/s  ({1000 * elapsed / args.clusters:.1f} ms/cluster)"
        )


if __name__ == "__main__":
    main()
