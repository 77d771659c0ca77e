"""Soak test: a real pile from the dev data plus hostile documents, end to end with the
analyst's layer; prints each stage's total and its slowest articles, and fails (exit 1)
when an article ran over its budget or the run did not finish.

Run: .venv/bin/python bench/bench_soak.py [--max-docs N] [--article-seconds 60]
The real part is every document of ../shared/data/mds-dev/multinews_val250.jsonl and
neus_allsides_val.jsonl (read at run time, never copied into the repo); the hostile part is
generated here with a fixed seed: a 2 MB one-line text, a 250k-character article, lists,
tables, photo captions, German/Russian/Chinese text, runs of punctuation, and files in
cp1252, Shift-JIS, UTF-16 without a BOM and UTF-8 with damaged bytes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from storyline.config import BudgetOptions, IngestOptions, Options
from storyline.model import StepTiming
from storyline.run.pipeline import run_brief

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "data" / "mds-dev"
REAL_FILES = ("multinews_val250.jsonl", "neus_allsides_val.jsonl")


def real_documents(limit: int | None) -> list[dict[str, str]]:
    docs = []
    for name in REAL_FILES:
        path = DEV / name
        if not path.exists():
            sys.exit(f"dev file missing: {path} (the soak pile is built from it)")
        for line in path.open(encoding="utf-8"):
            cluster = json.loads(line)
            for k, doc in enumerate(cluster["documents"]):
                docs.append(
                    {
                        "id": f"{cluster['id']}/{k}",
                        "text": doc["text"],
                        "title": doc.get("title", ""),
                    }
                )
    return docs[:limit] if limit else docs


def hostile_documents(rng: random.Random) -> dict[str, bytes]:
    words = [
        "council",
        "harbour",
        "ferry",
        "budget",
        "minister",
        "said",
        "police",
        "report",
        "vote",
        "week",
    ]

    def prose(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n))

    quote = 'He said "the ferry will run." Then the council voted. '
    german = "Der Stadtrat hat am Montag den Haushalt für den Hafen beschlossen. " * 400
    russian = "Городской совет в понедельник утвердил бюджет порта. " * 400
    chinese = "市议会周一批准了港口预算。渡轮时刻表也获得通过。" * 600
    memo = (
        "MEMO: projected turnout.\n18,000 to 26,000 from Election, and grounded in "
        "profitability and growth.\n" + "Precinct 12: 3,400 to 4,100 voters.\n" * 300
    )
    mixed = "Le conseil municipal a voté le budget du port, élève, été, où. " * 200
    return {
        "one-line-2mb.txt": (quote * (2_000_000 // len(quote))).encode(),
        "long-article.txt": "\n\n".join(prose(120) + "." for _ in range(350)).encode(),
        "list-page.txt": "\n".join(f"{i}. Item {i}: {prose(6)}" for i in range(4000)).encode(),
        "table.txt": "\n".join(
            "\t".join(str(rng.randint(0, 10**6)) for _ in range(8)) for _ in range(3000)
        ).encode(),
        "captions.txt": "\n".join(
            f"Getty Images / PHOTOGRAPHER {i} / Contributor. {prose(8)}" for i in range(1500)
        ).encode(),
        "punctuation.txt": ("!" * 50_000 + "?." * 30_000 + "..." * 20_000).encode(),
        "memo.txt": memo.encode(),
        "german.txt": german.encode(),
        "russian.txt": russian.encode(),
        "chinese.txt": chinese.encode(),
        "cp1252.txt": mixed.encode("cp1252"),
        "shift-jis.txt": ("港の予算が承認された。" * 300).encode("shift_jis"),
        "utf16-no-bom.txt": mixed.encode("utf-16-le"),
        "utf8-damaged.txt": mixed.encode() + b"\xff\xfe broken tail.",
    }


def slowest(profile: list[StepTiming], top: int) -> None:
    by_step: dict[str, list[StepTiming]] = defaultdict(list)
    for t in profile:
        by_step[t.step].append(t)
    print(f"{'step':12} {'items':>6} {'total s':>8}   slowest (seconds, chars, item)")
    for step in sorted(by_step, key=lambda s: -sum(t.seconds for t in by_step[s])):
        items = sorted(by_step[step], key=lambda t: -t.seconds)
        total = sum(t.seconds for t in items)
        print(f"{step:12} {len(items):6d} {total:8.1f}")
        for t in items[:top]:
            print(f"{'':29} {t.seconds:7.2f}  {t.chars:8d}  {t.item[-60:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-docs", type=int, default=None, help="real documents to use")
    parser.add_argument("--article-seconds", type=float, default=60.0)
    parser.add_argument("--top", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(14)
    with tempfile.TemporaryDirectory() as tmp:
        pile = Path(tmp) / "pile"
        pile.mkdir()
        real = real_documents(args.max_docs)
        with (pile / "real.jsonl").open("w", encoding="utf-8") as fh:
            for doc in real:
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
        hostile = hostile_documents(rng)
        for name, data in hostile.items():
            (pile / name).write_bytes(data)
        options = Options(
            budget=BudgetOptions(article_seconds=args.article_seconds),
            ingest=IngestOptions(record_seconds=args.article_seconds),
        )
        profile: list[StepTiming] = []
        print(f"pile: {len(real)} real documents + {len(hostile)} hostile files")
        started = time.perf_counter()
        result = run_brief([str(pile)], Path(tmp) / "out", options=options, profile=profile)
        wall = time.perf_counter() - started
        manifest = json.loads((Path(tmp) / "out" / "manifest.json").read_text())
    print(f"finished in {wall:.1f} s: {result.counts()}")
    print("stages: " + ", ".join(f"{k} {v:.1f}s" for k, v in result.timings.items()))
    slowest(profile, args.top)
    skipped = [r for r in manifest["inputs"] if r["status"] == "skipped"]
    for r in skipped:
        print(f"input skipped: {Path(r['source']).name}: {r['reason']}")
    over = [s for s in manifest["analysis_skipped"] if s["reason"].startswith("[E201]")]
    over += [r for r in skipped if r["reason"].startswith("[E202]")]
    for s in manifest["analysis_skipped"]:
        print(f"analysis skipped: {s['article']} {s['step']}: {s['reason']}")
    print(f"over budget: {len(over)}")
    sys.exit(1 if over else 0)


if __name__ == "__main__":
    main()
