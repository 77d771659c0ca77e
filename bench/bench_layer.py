"""The analyst's layer beside one spaCy pass: articles/s on real news articles.

Run: .venv/bin/python bench/bench_layer.py [--articles 300] [--workers 1 2]
Articles: the first N documents of ../shared/data/mds-dev/multinews_val250.jsonl (read at
run time), each cluster one story. Printed side by side in one run: one ``nlp.pipe`` pass
over the same texts with every component the layer uses (one process), and the whole layer
as the pipeline runs it (``add_analysis_layer``: that parse, then entities, quotes, facts,
claims and dates per article, batched across storylines, then linking per story) with
each number of worker processes asked for; for the first of those, the layer's time per
step from its own profile and the claim step's cost per article (claim candidates plus the
stance of the article toward every claim of its storyline). The layers made with more
workers are checked to be the same as the first's.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from storyline.clean.article import clean_document
from storyline.config import Options, RunOptions
from storyline.model import Article, RawDocument, StepTiming, Story
from storyline.nlp.sentences import split_sentences
from storyline.nlp.spacy_model import load_pipeline, parse_input
from storyline.run.stages import add_analysis_layer

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "mds-dev" / "multinews_val250.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    if not DEV.exists():
        sys.exit(f"dev file missing: {DEV}")
    articles: list[Article] = []
    members_of: list[tuple[str, list[str]]] = []
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
            members_of.append((cluster["id"], members))
        if len(articles) >= args.articles:
            break
    chars = sum(len(a.text) for a in articles)
    nlp = load_pipeline()
    list(nlp.pipe(["warm up the pipeline."]))
    started = time.perf_counter()
    for _doc in nlp.pipe((parse_input(nlp, a.text) for a in articles), batch_size=32):
        pass
    parse = time.perf_counter() - started
    layers: dict[int, tuple[float, list[Story], list[StepTiming]]] = {}
    for workers in args.workers:
        stories = [Story(cid, cid, members, [], cid) for cid, members in members_of]
        profile: list[StepTiming] = []
        options = Options(run=RunOptions(workers=workers))
        started = time.perf_counter()
        add_analysis_layer(stories, articles, options, profile)
        layers[workers] = (time.perf_counter() - started, stories, profile)
    n = len(articles)
    print(f"{n} articles, {chars / n:.0f} chars on average, {len(members_of)} stories")
    print(f"{'':42}{'seconds':>9}{'articles/s':>12}{'/ parse':>9}")
    print(f"{'one nlp.pipe pass (all components, 1 proc)':42}{parse:9.1f}{n / parse:12.1f}")
    first = args.workers[0]
    for workers, (layer, stories, _) in layers.items():
        name = f"analyst layer, workers={workers}"
        print(f"{name:42}{layer:9.1f}{n / layer:12.1f}{layer / parse:8.2f}x")
        if workers != first:
            same = [s.layer for s in stories] == [s.layer for s in layers[first][1]]
            print(f"  layers the same as workers={first}'s: {same}")
    layer, stories, profile = layers[first]
    print(f"steps at workers={first} (parse and extractors per article, from its profile):")
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
