"""Bounded load test of `storyline serve` on 127.0.0.1: requests/s and latency percentiles
for story reads and search, over a store filled with N synthetic articles.

Run: .venv/bin/python bench/bench_serve.py --articles 2000 --requests 400 --concurrency 4
     (add --db postgresql+psycopg://user@127.0.0.1:5432/db for PostgreSQL; its tables are
     replaced). The server runs in a subprocess (its own GIL); the client sends a fixed
     number of requests per scenario from a few threads, never more.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from storyline.model import Article, Citation, Span, Story, SummarySentence
from storyline.store.factory import database_url, open_store

# news-like text: common words plus a long tail, drawn with Zipf weights, so a search
# for words of one story is selective and a search for a common word matches most stories
COMMON = [
    "minister",
    "rebels",
    "police",
    "president",
    "talks",
    "truce",
    "arms",
    "border",
    "sanctions",
    "aid",
]
SYLLABLES = [
    "ka",
    "lo",
    "mir",
    "tan",
    "vel",
    "sor",
    "ish",
    "ga",
    "dun",
    "rek",
    "ul",
    "bra",
    "ne",
    "pi",
    "to",
    "zu",
]
PLACES = ["Homs", "Damascus", "Geneva", "Moscow", "Tartus", "Brussels", "Ankara", "Beirut"]
OUTLETS = ["AFP", "Reuters", "Naharnet", "Financial Times", "AP", "BBC", "Al Jazeera"]


def vocabulary(rng: random.Random, size: int = 5000) -> tuple[list[str], list[float]]:
    tail = sorted({"".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
                   for _ in range(size * 2)})[:size]  # fmt: skip
    rng.shuffle(tail)
    words = COMMON + tail
    return words, [1 / (rank + 1) ** 1.1 for rank in range(len(words))]


def synthetic_sentence(rng: random.Random, words: list[str], cumulative: list[float]) -> str:
    picked = rng.choices(words, cum_weights=cumulative, k=rng.randint(8, 16))
    picked.insert(rng.randrange(len(picked)), rng.choice(PLACES))
    return " ".join(picked).capitalize() + "."


def fill_store(url: str, n_articles: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """N articles in stories of 1-6 (some marked duplicates), each story with a cited
    summary; written straight to the store (this bench measures serving, not analysis)."""
    rng = random.Random(seed)
    words, weights = vocabulary(rng)
    cumulative = list(itertools.accumulate(weights))
    articles: list[Article] = []
    stories: list[Story] = []
    n = 0
    while n < n_articles:
        sid = f"s-{len(stories):06d}"
        members = []
        for _ in range(min(rng.randint(1, 6), n_articles - n)):
            sentences = [
                synthetic_sentence(rng, words, cumulative) for _ in range(rng.randint(8, 25))
            ]
            text = "\n".join(sentences)
            spans, pos = [], 0
            for s in sentences:
                spans.append(Span(pos, pos + len(s)))
                pos += len(s) + 1
            day = rng.randint(1, 365)
            article = Article(
                id=f"a-{n:08d}",
                text=text,
                raw_text="Share this\n" + text,
                source=f"bench#{n}",
                title=" ".join(sentences[0].split()[:8]),
                outlet=rng.choice(OUTLETS),
                date=time.strftime("%Y-%m-%d", time.gmtime(1325376000 + day * 86400)),
                lang="en",
                sentences=spans,
                story=sid,
                duplicate_of=members[0].id if members and rng.random() < 0.2 else None,
            )
            members.append(article)
            n += 1
        lead = members[0]
        summary = [
            SummarySentence(lead.text[s.start : s.end], (Citation(lead.id, s.start, s.end),))
            for s in lead.sentences[:4]
        ]
        stories.append(Story(sid, lead.title or sid, [a.id for a in members], summary))
        articles.extend(members)
    with open_store(url) as store:
        store.add_articles(articles, [])
        store.save_analysis(articles, stories)
    return [s.id for s in stories], [" ".join(s.summary[0].text.split()[:6]) for s in stories]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, port: int) -> subprocess.Popen:
    code = (
        "import sys, uvicorn\n"
        "from storyline.serve.app import create_app\n"
        "uvicorn.run(create_app(sys.argv[1], None), host='127.0.0.1', port=int(sys.argv[2]),"
        " log_level='warning', access_log=False)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    proc = subprocess.Popen([sys.executable, "-c", code, url, str(port)], env=env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stories?limit=1", timeout=1).is_success:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def run_scenario(base: str, paths: list[str], concurrency: int) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0

    def one(client: httpx.Client, path: str) -> tuple[float, bool]:
        started = time.perf_counter()
        response = client.get(base + path)
        return time.perf_counter() - started, response.status_code == 200

    with httpx.Client(timeout=30, limits=httpx.Limits(max_connections=concurrency)) as client:
        one(client, paths[0])  # warm up the connection and caches
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            for seconds, ok in pool.map(lambda p: one(client, p), paths):
                latencies.append(seconds)
                errors += not ok
        wall = time.perf_counter() - started
    latencies.sort()
    return {
        "requests": len(paths),
        "errors": errors,
        "rps": len(paths) / wall,
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))],
        "max_ms": 1000 * latencies[-1],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=400, help="per scenario (max 5000)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads (max 16)")
    parser.add_argument("--db", default=None, help="store URL (default: a temp SQLite file)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    requests = min(args.requests, 5000)
    concurrency = max(1, min(args.concurrency, 16))

    tmp = tempfile.TemporaryDirectory()
    url = database_url(args.db or Path(tmp.name) / "bench.db")
    if url.startswith("postgresql"):
        import sqlalchemy as sa

        from storyline.store.sql import metadata

        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS story_search"))
        metadata.drop_all(engine)
        engine.dispose()
    started = time.perf_counter()
    story_ids, story_words = fill_store(url, args.articles, args.seed)
    fill = time.perf_counter() - started
    backend = url.split(":", 1)[0]
    print(
        f"store: {backend}, {args.articles} articles, {len(story_ids)} stories "
        f"(filled in {fill:.1f}s); {requests} requests per scenario, {concurrency} threads"
    )

    rng = random.Random(args.seed)
    pages = max(1, len(story_ids) // 20)
    scenarios = {
        "story list  GET /api/stories": [
            f"/api/stories?limit=20&offset={20 * rng.randrange(pages)}" for _ in range(requests)
        ],
        "story brief GET /api/stories/{id}": [
            f"/api/stories/{rng.choice(story_ids)}" for _ in range(requests)
        ],
        "story page  GET /stories/{id}": [
            f"/stories/{rng.choice(story_ids)}" for _ in range(requests)
        ],
        "search      two words of a story": [
            "/api/search?limit=20&q=" + "+".join(rng.sample(rng.choice(story_words).split(), 2))
            for _ in range(requests)
        ],
        "search      one common word": [
            f"/api/search?limit=20&q={rng.choice(COMMON)}" for _ in range(requests)
        ],
        "filtered    GET /api/stories?since&until&outlet": [
            "/api/stories?limit=20&since=2012-03-01&until=2012-06-30&outlet="
            + rng.choice(OUTLETS).replace(" ", "+")
            for _ in range(requests)
        ],
        "sorted      GET /api/stories?sort=outlets": [
            f"/api/stories?limit=20&sort=outlets&offset={20 * rng.randrange(pages)}"
            for _ in range(requests)
        ],
        "list page   GET /?since&sort=articles": [
            f"/?since=2012-0{rng.randint(1, 9)}-01&sort=articles" for _ in range(requests)
        ],
        # the whole store as a typed table: a few requests, each the whole table
        "export      GET /api/export/articles.parquet": [
            "/api/export/articles.parquet" for _ in range(max(4, requests // 50))
        ],
    }
    port = free_port()
    server = start_server(url, port)
    try:
        base = f"http://127.0.0.1:{port}"
        print(f"{'scenario':36} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} errors")
        for name, paths in scenarios.items():
            r = run_scenario(base, paths, concurrency)
            print(
                f"{name:36} {r['rps']:8.1f} {r['p50_ms']:8.1f} {r['p95_ms']:8.1f} "
                f"{r['max_ms']:8.1f} {r['errors']:6d}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
        tmp.cleanup()


if __name__ == "__main__":
    main()
