"""Throughput of the quote and date extractors (prints numbers; not a test).

Usage: PYTHONPATH=src python bench/bench_quotes_dates.py [DIR_OR_JSONL ...]
Default input: the sample pile in samples/russia-syria (repeated to ~200k characters).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from storyline.nlp.dates import extract_dates
from storyline.nlp.quotes import extract_quotes_batch
from storyline.nlp.spacy_model import load_pipeline


def _texts(args: list[str]) -> list[str]:
    paths = [Path(a) for a in args] or [
        Path(__file__).resolve().parents[1] / "samples/russia-syria"
    ]
    texts: list[str] = []
    for path in paths:
        if path.is_dir():
            texts += [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
        elif path.suffix == ".jsonl":
            lines = path.read_text(encoding="utf-8").splitlines()
            texts += [json.loads(line)["text"] for line in lines if line.strip()]
        else:
            texts.append(path.read_text(encoding="utf-8"))
    if not args and texts:
        total = sum(map(len, texts))
        texts = texts * max(1, 200_000 // total)
    return texts


def main() -> None:
    texts = _texts(sys.argv[1:])
    chars = sum(map(len, texts))
    t0 = time.perf_counter()
    dates = sum(len(extract_dates(t, "2012-06-19")) for t in texts)
    t_dates = time.perf_counter() - t0
    t0 = time.perf_counter()
    load_pipeline()
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    quotes = sum(len(q) for q in extract_quotes_batch(texts))
    t_quotes = time.perf_counter() - t0
    print(f"texts={len(texts)} chars={chars}")
    print(f"dates : {dates} expressions in {t_dates:.2f}s = {chars / t_dates / 1000:.0f}k chars/s")
    print(f"spaCy load: {t_load:.2f}s")
    print(f"quotes: {quotes} quotes in {t_quotes:.2f}s = {chars / t_quotes / 1000:.1f}k chars/s")


if __name__ == "__main__":
    main()
