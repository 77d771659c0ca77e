"""Throughput of the story clusterer on a synthetic pile (default 20,000 articles).

    PYTHONPATH=src python bench/bench_cluster.py [--articles 20000] [--batches 4] [--dedup]

The pile is generated here, seeded: invented words and names, a few thousand "events"
that each get a burst of articles over a few days (paraphrased: each article draws its
own sentences from the event's vocabulary plus general filler), some events share a
topic (same names, different details) and some articles are reposts with boilerplate.
Prints articles/s for one-shot and incremental clustering, BCubed F1 against the
generator's events, the CPU seconds of the TF-IDF single-pass baseline on the same pile
beside ours (limit: ours <= 2x the baseline's), and peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from storyline.cluster.stories import ClusterItem, StoryClusterer, article_features
from storyline.evaluate.cluster_baseline import single_pass_tfidf
from storyline.evaluate.cluster_metrics import bcubed

CPU_LIMIT = 2.0  # ours may cost at most this many times the baseline's CPU

SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in "aeiou"] + ["an", "er", "ol", "is"]


def _word(rng: random.Random, lo: int = 2, hi: int = 4) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi)))


def make_pile(n: int, seed: int = 7) -> tuple[list[ClusterItem], dict[str, str]]:
    rng = random.Random(seed)
    common = [_word(rng) for _ in range(3000)]
    topics = []
    for _ in range(max(1, n // 60)):
        names = [_word(rng).capitalize() for _ in range(4)]
        topics.append((names, [_word(rng) for _ in range(30)]))
    items: list[ClusterItem] = []
    gold: dict[str, str] = {}
    event = 0
    while len(items) < n:
        names, topic_words = rng.choice(topics)
        # an event: the topic's names and words plus its own specific details
        details = [_word(rng, 3, 5) for _ in range(12)] + [str(rng.randint(2, 999))]
        place = _word(rng).capitalize()
        start_day = rng.randint(1, 28)
        size = min(n - len(items), 1 + int(rng.expovariate(1 / 6)))
        first_text = None
        for _ in range(size):
            sentences = []
            for _ in range(rng.randint(4, 9)):
                words = (
                    rng.sample(details, 3)
                    + rng.sample(topic_words, 3)
                    + rng.sample(common, 6)
                    + [rng.choice(names), place]
                )
                rng.shuffle(words)
                sentences.append(" ".join(words) + ".")
            text = " ".join(s[0].upper() + s[1:] for s in sentences)
            if first_text is not None and rng.random() < 0.15:
                text = "Subscribe now for our newsletter. " + first_text + " Leave a reply."
            first_text = first_text or text
            title = " ".join([place, rng.choice(names)] + rng.sample(details, 3))
            day = min(28, start_day + int(rng.expovariate(1.0)))
            item_id = f"syn-{len(items):06d}"
            items.append(ClusterItem(item_id, title, text, f"2024-03-{day:02d}"))
            gold[item_id] = f"e{event}"
        event += 1
    return items, gold


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--batches", type=int, default=4, help="batches for the incremental run")
    ap.add_argument("--dedup", action="store_true", help="also time near-duplicate search")
    args = ap.parse_args()

    t0 = time.perf_counter()
    items, gold = make_pile(args.articles)
    print(f"generated {len(items)} articles, {len(set(gold.values()))} events "
          f"in {time.perf_counter() - t0:.1f}s")  # fmt: skip

    c0 = time.process_time()
    t0 = time.perf_counter()
    clusterer = StoryClusterer()
    features = {it.id: article_features(it, clusterer.options) for it in items}
    map_secs = time.perf_counter() - t0
    print(f"features:    {len(items) / map_secs:8.0f} articles/s ({map_secs:.1f}s, per-article "
          "map step)")  # fmt: skip
    t0 = time.perf_counter()
    one_shot = {a.id: a.story for a in clusterer.add(items, features)}
    secs = time.perf_counter() - t0
    print(f"grouping:    {len(items) / secs:8.0f} articles/s ({secs:.1f}s, reduce step)")
    secs += map_secs
    ours_cpu = time.process_time() - c0
    score = bcubed(one_shot, gold)
    print(f"one batch:   {len(items) / secs:8.0f} articles/s ({secs:.1f}s), "
          f"{len(set(one_shot.values()))} stories, "
          f"{len({clusterer.stories.groups[s].parent for s in set(one_shot.values())})} "
          f"storylines, BCubed F1 {score.f1:.3f}")  # fmt: skip

    c0 = time.process_time()
    base = single_pass_tfidf(items, 0.2)
    base_cpu = time.process_time() - c0
    print(f"baseline:    {len(items) / base_cpu:8.0f} articles per CPU s ({base_cpu:.1f}s CPU), "
          f"TF-IDF single pass @0.2, BCubed F1 {bcubed(base, gold).f1:.3f}")  # fmt: skip
    ratio = ours_cpu / base_cpu
    print(f"cpu ratio:   {ratio:8.2f}x the baseline (ours {ours_cpu:.1f}s CPU, features + "
          f"grouping; limit {CPU_LIMIT:.1f}x: {'ok' if ratio <= CPU_LIMIT else 'OVER'})")  # fmt: skip

    t0 = time.perf_counter()
    incremental = StoryClusterer()
    step = -(-len(items) // args.batches)
    ordered = sorted(items, key=lambda it: (it.date or "", it.id))
    inc: dict[str, str] = {}
    for b in range(args.batches):
        chunk = ordered[b * step : (b + 1) * step]
        inc.update({a.id: a.story for a in incremental.add(chunk)})
    secs = time.perf_counter() - t0
    print(f"{args.batches} batches:   {len(items) / secs:8.0f} articles/s ({secs:.1f}s), "
          f"{len(set(inc.values()))} stories, BCubed F1 {bcubed(inc, gold).f1:.3f}")  # fmt: skip

    if args.dedup:
        from storyline.dedup.near import find_duplicates

        t0 = time.perf_counter()
        dups = find_duplicates([(it.id, it.text, it.date) for it in items])
        secs = time.perf_counter() - t0
        print(f"near-dups:   {len(items) / secs:8.0f} articles/s ({secs:.1f}s), {len(dups)} found")

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
