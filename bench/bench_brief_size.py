"""Output size against input size: brief.json bytes per byte of cleaned text, with the
analyst's layer on, and peak memory, on bench_pipeline's synthetic pile.

Run (heavy: take the shared lock):
    flock /tmp/storyline-heavy.lock env PYTHONPATH=src .venv/bin/python \\
        bench/bench_brief_size.py --articles 2000

Prints brief.json, brief.md and brief.html bytes, the cleaned text the brief covers (UTF-8
bytes of every article's ``text``), their ratio beside the limit (issue 17: brief.json <= 5x
the cleaned text), the bytes each part of brief.json takes, the run's stage timings and
its peak RSS (ru_maxrss of this process), the run's and each stage's (sampled every
50 ms; "after X" is the time between stage X and the next) before this script reads
brief.json back (a line at a time, as it is written).

Measured (2 shared cores, the analysis layer on): 2,000 articles (1,928 after exact
duplicates) 4.69x, 598 MiB peak; 20,000 (19,276) 4.37x, 108 MB brief.json.
With the claim cap and blocked name linking (branch layercost): 2,000 articles 4.92x,
543 MiB peak, layer 69.1 s (before: 73 s). Before the
story layer carried its own items: 526 MB at 2,000 articles (issue 17).
Writing the brief files as they are made and saving stories 500 at a time (branch
mem17): 2,000 articles 572 -> 479 MiB peak (the analysis stage now; it was writing the
files), same bytes; 20,000 without the layer 763 MiB (was 1,270 MiB, with this script
then loading brief.json whole); 20,000 with the layer 913 MiB (was 2,046 MiB; the
analysis stage's peak), 4.81x, run 1,500.6 s on shared cores (layer 1,352 s).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
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


def records(path: Path) -> Iterator[tuple[str, dict]]:
    """(list name, record) of brief.json, read a line at a time: it holds one record per
    line (render.dump_brief), and loading it whole would be this script's own peak."""
    section = ""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.endswith(":["):
                section = json.loads(line[:-2])
            elif line.startswith("{") and section:
                yield section, json.loads(line.rstrip(","))
            elif line.startswith("]"):
                section = ""


def breakdown(path: Path) -> dict[str, int]:
    """Bytes of each part of brief.json (compact, as written)."""
    parts = dict.fromkeys(("articles", *PARTS, "storylines"), 0)
    counts = dict.fromkeys(("articles", "storylines"), 0)
    for section, record in records(path):
        if section == "stories":
            for key in PARTS:
                parts[key] += _size(record.get(key, []))
        elif section in counts:
            parts[section] += _size(record) + (1 if counts[section] else 0)  # the comma
            counts[section] += 1
    for section, count in counts.items():
        parts[section] += 2 if count else 0  # the brackets
    return parts


def rss_mib() -> float:
    """This process's resident set now (VmRSS), in MiB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class StagePeaks:
    """A ``Progress`` that records the peak RSS seen during each stage of the run (sampled
    every 50 ms by a thread); time between stages is charged to "after <stage>"."""

    def __init__(self) -> None:
        self.current = "start"
        self.peaks: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _note(self) -> None:
        now = rss_mib()
        self.peaks[self.current] = max(self.peaks.get(self.current, 0.0), now)

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self._note()

    def label(self, name: str) -> None:
        self._note()
        self.current = name
        self._note()

    def __enter__(self) -> StagePeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._note()

    def start(self, stage: str, total: int | None) -> None:
        self.label(stage)

    def advance(self, stage: str, done: int = 1, skipped: int = 0) -> None:
        return None

    def finish(self, stage: str) -> None:
        self.label(f"after {stage}")


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
        with StagePeaks() as peaks:
            result = run_brief([str(pile)], out, options=options, progress=peaks)
        seconds = time.perf_counter() - started
        # the run's own peak, before this script reads brief.json back for its breakdown
        run_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        sizes = {
            name: (out / name).stat().st_size for name in ("brief.json", "brief.md", "brief.html")
        }
        parts = breakdown(out / "brief.json")
    text = sum(len(a.text.encode("utf-8")) for a in result.articles)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
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
    for key, size in parts.items():
        print(f"  {key:<12}{size:>14,} bytes  {size / text:6.2f}x text")
    print("stage timings:")
    for stage, took in result.timings.items():
        print(f"  {stage:<36}{took:>8.1f} s")
    print("peak RSS by stage (sampled every 50 ms):")
    for stage, mib in peaks.peaks.items():
        print(f"  {stage:<36}{mib:>8,.0f} MiB")
    print(f"peak RSS of the run: {run_peak:,.0f} MiB (limit at 20k articles: 1,536 MiB)")
    print(f"peak RSS with this script's pass over brief.json: {peak:,.0f} MiB")


if __name__ == "__main__":
    main()
