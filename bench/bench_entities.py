"""Speed of the entity, fact and claim stages, per article.

Run: PYTHONPATH=src .venv/bin/python bench/bench_entities.py [--repeat 20]
Uses the sample pile (samples/russia-syria), repeated as distinct groups of articles,
and, when present, the ECB+ dev texts (../shared/data/ecbplus-dev) with gold mentions.
The model load is timed separately; stage figures are warm (model already loaded).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from storyline.commands.link import link_group
from storyline.evaluate.entities import _gold_records
from storyline.link.claims import ClaimArticle, align_claims
from storyline.link.entities import LinkOptions, resolve_entities
from storyline.nlp.entities import SpacyEntityAnalyzer
from storyline.nlp.facts import extract_facts
from storyline.nlp.sentences import split_sentences
from storyline.nlp.spacy_model import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
ECB = Path("../shared/data/ecbplus-dev/ecbplus_dev_topics.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20, help="copies of the sample pile")
    parser.add_argument("--ecb", type=Path, default=ECB, help="ECB+ dev JSONL (optional)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    nlp = load_pipeline()
    print(f"model load: {time.perf_counter() - t0:.2f} s")

    pile = sorted((ROOT / "samples" / "russia-syria").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in pile]
    # each copy gets a distinct trailing marker so no cache can help
    groups = [[t + f"\n[{k}]" for t in texts] for k in range(args.repeat)]
    n = sum(len(g) for g in groups)
    chars = sum(len(t) for g in groups for t in g)

    t0 = time.perf_counter()
    for _ in nlp.pipe([t for g in groups for t in g], batch_size=32):
        pass
    dt = time.perf_counter() - t0
    print(f"spaCy parse alone (nlp.pipe): {1000 * dt / n:.1f} ms/article")

    analyzer = SpacyEntityAnalyzer()
    t0 = time.perf_counter()
    for k, group in enumerate(groups):
        resolve_entities([f"{k}-{i}" for i in range(len(group))], group, analyzer, LinkOptions())
    dt = time.perf_counter() - t0
    print(
        f"entities (detect + resolve): {n} articles, {chars / n:.0f} chars avg, "
        f"{1000 * dt / n:.1f} ms/article, {n / dt:.1f} articles/s"
    )

    t0 = time.perf_counter()
    extract_facts([t for g in groups for t in g])
    dt = time.perf_counter() - t0
    print(f"facts: {1000 * dt / n:.1f} ms/article, {n / dt:.1f} articles/s")

    t0 = time.perf_counter()
    for k, group in enumerate(groups):
        arts = [
            ClaimArticle(f"{k}-{i}", t, tuple(split_sentences(t)), f"s{i}")
            for i, t in enumerate(group)
        ]
        align_claims(arts)
    dt = time.perf_counter() - t0
    print(f"claims (facts + statements + alignment): {1000 * dt / n:.1f} ms/article")

    if args.ecb.exists():
        records, _ = _gold_records(args.ecb)
        by_topic: dict[str, list] = {}
        for r in records:
            by_topic.setdefault(r.group, []).append(r)
        t0 = time.perf_counter()
        for group in by_topic.values():
            link_group(group, SpacyEntityAnalyzer(), LinkOptions())
        dt = time.perf_counter() - t0
        m = sum(len(r.spans or []) for r in records)
        print(
            f"ECB+ dev gold-mention linking: {len(records)} docs, {m} mentions, "
            f"{1000 * dt / len(records):.1f} ms/doc"
        )
    print(json.dumps({"articles": n}))


if __name__ == "__main__":
    main()
