"""Output size against input size: brief.json bytes per byte of cleaned text, with the
analyst's layer on, and peak memory, on bench_pipeline's synthetic pile.

Run (heavy: take the shared lock):
    flock /tmp/storyline-heavy.lock env PYTHONPATH=src .venv/bin/python \\
        bench/bench_brief_size.py --articles 2000

Prints brief.json, brief.md and brief.html bytes, the cleaned text the brief covers (UTF-8
bytes of every article's ``text``), their ratio beside the limit (issue 17: brief.json <= 5x
the cleaned text), the bytes each part of brief.json takes, the run's stage timings and
its peak RSS (ru_maxrss of this process).

Measured (2 shared cores, the analysis layer on): 2,000 articles (1,928 after exact
duplicates) 4.69x, 598 MiB peak; 20,000 (19,276) 4.37x, 108 MB brief.json.
With the claim cap and blocked name linking (branch layercost): 2,000 articles 4.92x,
543 MiB peak, layer 69.1 s (before: 73 s). Before the
story layer carried its own items: 526 MB at 2,000 articles (issue 17).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from bench_pipeline import make_pile  # noqa: E402

from storyline.config import Options  # noqa: E402
from storyline.run.pipeline import run_brief  # noqa: E402

LIMIT = 5.0  # brief.json bytes per cleaned-text byte (issue 17)
PARTS = ("summary", "entities", "quotes", "facts", "timeline", "claims")


def _size(value: object) -> int:
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def breakdown(brief: dict) -> dict[str, int]:
    """Bytes of each part of brief.json (compact, as written)."""
    parts = {"articles": _size(brief["articles"])}
    for key in PARTS:
        parts[key] = sum(_size(s.get(key, [])) for s in brief["stories"])
    parts["storylines"] = _size(brief.get("storylines", []))
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-analysis", action="store_true", help="summaries only")
    parser.add_argument("--keep", default=None, help="write the brief here and keep it")
    args = parser.parse_args()
    options = Options(analysis=not args.no_analysis)
    with tempfile.TemporaryDirectory() as tmp:
        pile = Path(tmp) / "pile"
        pile.mkdir()
        make_pile(pile, args.articles, args.seed)
        out = Path(args.keep) if args.keep else Path(tmp) / "out"
        started = time.perf_counter()
        result = run_brief([str(pile)], out, options=options)
        seconds = time.perf_counter() - started
        sizes = {
            name: (out / name).stat().st_size for name in ("brief.json", "brief.md", "brief.html")
        }
        brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    text = sum(len(a.text.encode("utf-8")) for a in result.articles)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    stories = len(result.stories)
    lines = len({s.storyline or s.id for s in result.stories})
    print(
        f"articles: {len(result.articles)}  stories: {stories} in {lines} storylines  "
        f"analysis: {'on' if options.analysis else 'off'}  run: {seconds:.1f} s"
    )
    print(f"cleaned text: {text:,} bytes")
    for name, size in sizes.items():
        print(f"{name:<12}{size:>14,} bytes  {size / text:6.2f}x text")
    ratio = sizes["brief.json"] / text
    verdict = "ok" if ratio <= LIMIT else "OVER"
    print(f"brief.json / cleaned text: {ratio:.2f}x  (limit {LIMIT:.0f}x: {verdict})")
    print("brief.json by part:")
    for key, size in breakdown(brief).items():
        print(f"  {key:<12}{size:>14,} bytes  {size / text:6.2f}x text")
    print("stage timings:")
    for stage, took in result.timings.items():
        print(f"  {stage:<36}{took:>8.1f} s")
    print(f"peak RSS: {peak:,.0f} MiB (limit at 20k articles: 1,536 MiB)")


if __name__ == "__main__":
    main()
