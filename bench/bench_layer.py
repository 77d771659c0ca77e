"""The analyst's layer beside one spaCy pass: articles/s on real news articles.

Run: .venv/bin/python bench/bench_layer.py [--articles 300]
Articles: the first N documents of ../shared/data/mds-dev/multinews_val250.jsonl (read at
run time), each cluster one story. Printed side by side in one run: one ``nlp.pipe`` pass
over the same texts with every component the layer uses, and the whole layer (that parse,
then entities, quotes, facts, claims and dates per article, then linking per story), with
the layer's time per step from its own profile and the claim step's cost per article
(claim candidates plus the stance of the article toward every claim of its storyline).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from storyline.clean.article import clean_document
from storyline.config import Options
from storyline.link.story_layer import attach_layers
from storyline.model import RawDocument, StepTiming, Story
from storyline.nlp.sentences import split_sentences
from storyline.nlp.spacy_model import load_pipeline, parse_input

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "mds-dev" / "multinews_val250.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    if not DEV.exists():
        sys.exit(f"dev file missing: {DEV}")
    articles, stories = [], []
    for line in DEV.open(encoding="utf-8"):
        cluster = json.loads(line)
        members = []
        for k, doc in enumerate(cluster["documents"]):
            if len(articles) >= args.articles:
                break
            article = clean_document(RawDocument(f"{cluster['id']}/{k}", doc["text"], "txt"))
            article.sentences = split_sentences(article.text)
            articles.append(article)
            members.append(article.id)
        if members:
            stories.append(Story(cluster["id"], cluster["id"], members, [], cluster["id"]))
        if len(articles) >= args.articles:
            break
    chars = sum(len(a.text) for a in articles)
    nlp = load_pipeline()
    list(nlp.pipe(["warm up the pipeline."]))
    started = time.perf_counter()
    for _doc in nlp.pipe((parse_input(nlp, a.text) for a in articles), batch_size=32):
        pass
    parse = time.perf_counter() - started
    profile: list[StepTiming] = []
    started = time.perf_counter()
    attach_layers(stories, articles, Options(), profile)
    layer = time.perf_counter() - started
    n = len(articles)
    print(f"{n} articles, {chars / n:.0f} chars on average, {len(stories)} stories")
    print(f"{'':34}{'seconds':>9}{'articles/s':>12}")
    print(f"{'one nlp.pipe pass (all components)':34}{parse:9.1f}{n / parse:12.1f}")
    print(f"{'analyst layer (parse + extractors)':34}{layer:9.1f}{n / layer:12.1f}")
    print(f"layer / one parse: {layer / parse:.2f}x")
    steps: dict[str, float] = defaultdict(float)
    for t in profile:
        steps[t.step] += t.seconds
    other = layer - sum(steps.values())
    for step, seconds in sorted(steps.items(), key=lambda kv: -kv[1]):
        print(f"  {step:<12}{seconds:8.1f} s")
    print(f"  {'linking':<12}{other:8.1f} s  (entities resolved, claims aligned, per story)")
    # the claim step per article: candidates from its parse, then its stance toward every
    # claim of its storyline (both run as "claims" inside the article's budget)
    per_article: dict[str, float] = defaultdict(float)
    for t in profile:
        if t.step == "claims":
            per_article[t.item] += t.seconds
    if per_article:
        ms = sorted(1000 * v for v in per_article.values())
        p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
        print(
            f"claims per article (ms): mean {sum(ms) / len(ms):.1f}, median "
            f"{ms[len(ms) // 2]:.1f}, p95 {p95:.1f}, max {ms[-1]:.1f}"
        )
    # a claim is listed by every story with a side in it: count each once
    claims = list({c.id: c for s in stories if s.layer for c in s.layer.claims}.values())
    by_status: dict[str, int] = defaultdict(int)
    for c in claims:
        by_status[c.status] += 1
    print(f"claims: {len(claims)} ({', '.join(f'{k} {v}' for k, v in sorted(by_status.items()))})")


if __name__ == "__main__":
    main()
