"""The analysis layer's cost on one big storyline: time and memory per part, and how they
grow with the storyline's size (issue 17: 20,000 synthetic articles made storylines of ~600
articles whose layer took 1,871 s and 12.5 GB).

Run (heavy: take the shared lock):
    flock /tmp/storyline-heavy.lock env PYTHONPATH=src .venv/bin/python \\
        bench/bench_layer_cost.py --articles 150 300 600

For each size N: N articles written by bench_pipeline's ``make_pile`` generator, cleaned and
split into sentences, all put in one storyline, then ``analyze_story`` run on them with its
parts timed (parse + per-article extraction, stance judging, entity resolution, claim
alignment). Prints seconds and traced peak memory (tracemalloc, Python objects) per part,
the memory the finished layer holds (what a run keeps per storyline),
stance pairs judged, claims and sides, and seconds and peak KiB per article beside the
first size's: a part whose per-article cost grows with N is superlinear.

Measured (2 shared cores; ms per article, traced peak, layer kept):
    before (5e04009): 400 articles 133.6 ms (claims 36.8, entities 23.3), 143 MiB, 37.9 KiB
    after, 200:  104.6 ms (parse+extract 74.4, claims 18.2, entities 10.3), 126 MiB
    after, 400:  123.2 ms (parse+extract 74.5, claims 35.7, entities 11.0), 142 MiB, 23.6 KiB
    after, 800:  149.3 ms (parse+extract 83.1, claims 55.8, entities 8.1), 158 MiB, 21.3 KiB
The claim step's stance pairs per article are capped by ClaimOptions.max_claims_per_article
(800 articles: 38 per article, 30,436 in all); process peak RSS 565 MiB at 800.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from bench_pipeline import make_pile  # noqa: E402

import storyline.link.story_layer as layer  # noqa: E402
from storyline.clean.article import clean_document  # noqa: E402
from storyline.config import Options  # noqa: E402
from storyline.model import Article, RawDocument  # noqa: E402
from storyline.nlp.sentences import split_sentences  # noqa: E402


def storyline_articles(n: int, seed: int) -> list[Article]:
    """N synthetic articles of few topics (so their names are shared, as in one storyline)."""
    with tempfile.TemporaryDirectory() as tmp:
        make_pile(Path(tmp), n * 5, seed)  # the pile's topics are ~n; keep a slice of them
        paths = sorted(Path(tmp).glob("*.txt"))
        rng = random.Random(seed)
        texts = [p.read_text(encoding="utf-8") for p in rng.sample(paths, n)]
    out = []
    for i, text in enumerate(texts):
        article = clean_document(RawDocument(f"a{i:06d}", text, "txt"))
        article.outlet = f"outlet{i % 40}"
        article.sentences = split_sentences(article.text)
        out.append(article)
    return out


class Parts:
    """Wraps the layer's parts to time them and trace their peak memory."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.peak: dict[str, int] = {}
        self.calls: dict[str, int] = {}
        self.top = 0  # the highest traced memory seen in any part (absolute)

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
                top = tracemalloc.get_traced_memory()[1]
                self.top = max(self.top, top)
                peak = top - base
                self.peak[name] = max(self.peak.get(name, 0), peak)
                self.calls[name] = self.calls.get(name, 0) + 1

        return timed


def measure(articles: list[Article], options: Options) -> tuple[dict[str, float], dict, Any]:
    parts = Parts()
    originals = {
        name: getattr(layer, name)
        for name in ("analyze_articles", "judge_claims", "resolve_mentions", "align_candidates")
    }
    pairs = [0]
    import storyline.link.claim_judge as claims

    default_stance = claims._default_stance

    def counting(batch: list[tuple[str, str]]) -> list[Any]:
        pairs[0] += len(batch)
        return default_stance(batch)

    claims._default_stance = counting
    try:
        for name, fn in originals.items():
            setattr(layer, name, parts.wrap(name, fn))
        tracemalloc.start()
        started = time.perf_counter()
        group = layer.analyze_story(articles, options)
        total = time.perf_counter() - started
        whole_peak = max(parts.top, tracemalloc.get_traced_memory()[1])
        kept = tracemalloc.get_traced_memory()[0]  # the storyline's layer, still held
        tracemalloc.stop()
    finally:
        for name, fn in originals.items():
            setattr(layer, name, fn)
        claims._default_stance = default_stance
    sides = sum(len(c.sides) for c in group.claims)
    stats = {"total": total, "peak": whole_peak, "pairs": pairs[0], "kept": kept}
    stats |= {"claims": len(group.claims), "sides": sides, "entities": len(group.entities)}
    return parts.seconds | {"total": total}, parts.peak | {"total": whole_peak}, stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[150, 300, 600])
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    options = Options()
    layer.analyze_story(storyline_articles(3, args.seed), options)  # load models once
    names = ["analyze_articles", "judge_claims", "resolve_mentions", "align_candidates", "total"]
    first: tuple[int, dict[str, float], dict] | None = None
    for n in args.articles:
        articles = storyline_articles(n, args.seed)
        seconds, peaks, stats = measure(articles, options)
        print(
            f"\n{n} articles in one storyline: {stats['total']:.1f} s, traced peak "
            f"{stats['peak'] / 2**20:,.0f} MiB, layer kept {stats['kept'] / 2**20:,.1f} MiB "
            f"({stats['kept'] / 1024 / n:,.1f} KiB/article); stance pairs {stats['pairs']:,}; claims "
            f"{stats['claims']:,} with {stats['sides']:,} sides; entities {stats['entities']:,}"
        )
        print(
            f"  {'part':<18}{'s':>9}{'ms/article':>12}{'peak MiB':>10}{'KiB/article':>13}{'x first':>9}"
        )
        for name in names:
            s, p = seconds.get(name, 0.0), peaks.get(name, 0)
            ratio = ""
            if first is not None and first[1].get(name):
                ratio = f"{(s / n) / (first[1][name] / first[0]):.1f}"
            print(
                f"  {name:<18}{s:>9.2f}{1000 * s / n:>12.1f}{p / 2**20:>10.1f}"
                f"{p / 1024 / n:>13.1f}{ratio:>9}"
            )
        if first is None:
            first = (n, seconds, peaks)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\nprocess peak RSS: {rss:,.0f} MiB")


if __name__ == "__main__":
    main()
