"""What an update costs beside a full run: +1% and +1 article added to a stored pile.

    PYTHONPATH=src python bench/bench_incremental.py --articles 20000 [--check]

The pile is bench/synthetic_pile.py's (stories told by several outlets, reposts, trimmed
copies, paraphrases; its text is tagged "pcm" by the language detector). A new SQLite
store gets the first ``--articles`` lines (ingest + analysis: the full run); copies of it
then get the next 1% of lines, one line, and one repost of a stored article (nothing to
cluster), each followed by the incremental analysis (what `storyline brief` runs on a
store). No analyst layer (spaCy), no brief files.
Targets (issue 17): +1% costs <= 3% of the full run, +1 article < 2 s, peak memory
<= 1.5 GB at 20k articles (ru_maxrss after the full run, no layer). ``--check`` also
recomputes the +1% store with ``incremental=False`` and checks that the stories and every
article's analysis are the same. ``--keep DIR`` keeps the pile and the full run's store
(with its time and peak memory) in DIR: a later run with the same ``--articles`` measures
only the updates (the base store must be made by the same code: a code change makes
every stored story and article's work stale, so rebuild it after one).

Measured (2 shared cores, busy), ``--articles 20000 --check``, branch incr4 (clusterer
state as rows): full run 136.7 s; +1% 3.14 s (2.3%); +1 article 1.50 s; +1 repost 1.33 s;
peak RSS 1,270 MiB; incremental == full recompute. Before (main 7794f85, state as one
106 MB JSON text): 83.6 s; 11.2 s (13.4%); 10.0 s; 1.98 s.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic_pile import build_pile  # noqa: E402

from storyline.config import Options  # noqa: E402
from storyline.run.pipeline import analyse_store, ingest_into  # noqa: E402
from storyline.store.factory import open_store  # noqa: E402

TARGET_SHARE = 0.03
TARGET_ONE = 2.0
TARGET_PEAK_MIB = 1536  # peak memory at 20k articles without dense vectors (issue 17)


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _run(db: Path, pile: Path, options: Options) -> tuple[float, dict[str, float]]:
    """Ingest ``pile`` into the store at ``db`` and bring its analysis up to date."""
    with open_store(db) as store:
        started = time.perf_counter()
        ingest_into(store, [str(pile)], options)
        timings = {"ingest+clean+store": time.perf_counter() - started}
        _articles, _stories, analysis = analyse_store(store, options)
        seconds = time.perf_counter() - started
    return seconds, timings | analysis


def _copy(src: Path, dst: Path) -> None:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def _same_as_full(db: Path, options: Options) -> bool:
    with open_store(db) as store:
        articles, stories, _ = analyse_store(store, options)
        again, full, _ = analyse_store(store, options, incremental=False)
    fields = [(a.id, a.sentences, a.duplicate_of, a.story, a.band_keys) for a in articles]
    return fields == [
        (a.id, a.sentences, a.duplicate_of, a.story, a.band_keys) for a in again
    ] and [s.to_brief() for s in stories] == [s.to_brief() for s in full]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--check", action="store_true", help="compare with a full recompute")
    parser.add_argument(
        "--keep",
        type=Path,
        help="folder that keeps the pile and the full run's store (and its time) between "
        "runs: a second run reuses them and measures only the updates",
    )
    args = parser.parse_args()
    options = Options(analysis=False)
    more = max(1, args.articles // 100)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        kept = args.keep / f"base-{args.articles}" if args.keep else None
        if kept and (kept / "full.json").exists():
            for name in ("base.jsonl", "more.jsonl", "one.jsonl", "repost.jsonl"):
                (folder / name).write_bytes((kept / name).read_bytes())
            _copy(kept / "base.db", folder / "base.db")
            full, full_stages, peak = json.loads((kept / "full.json").read_text(encoding="utf-8"))
        else:
            full, full_stages = _full_run(folder, args.articles, more, options)
            peak = _peak_mib()
            if kept:
                kept.mkdir(parents=True, exist_ok=True)
                for name in ("base.jsonl", "more.jsonl", "one.jsonl", "repost.jsonl"):
                    (kept / name).write_bytes((folder / name).read_bytes())
                _copy(folder / "base.db", kept / "base.db")
                (kept / "full.json").write_text(
                    json.dumps([full, full_stages, peak]), encoding="utf-8"
                )
        rows = [("full run", args.articles, full, full_stages)]
        updates = (
            ("+1%", "more.jsonl", more),
            ("+1 article", "one.jsonl", 1),
            ("+1 repost", "repost.jsonl", 1),
        )
        for label, pile, count in updates:
            db = folder / f"{pile}.db"
            _copy(folder / "base.db", db)
            seconds, stages = _run(db, folder / pile, options)
            rows.append((label, count, seconds, stages))
        same = _same_as_full(folder / "more.jsonl.db", options) if args.check else None
    _print(args.articles, rows, full, same)
    met = "met" if peak <= TARGET_PEAK_MIB else "NOT met"
    print(
        f"\npeak RSS of the full run: {peak:,.0f} MiB  (target <= {TARGET_PEAK_MIB:,} MiB "
        f"at 20k articles: {met}); of this process at the end: {_peak_mib():,.0f} MiB"
    )


def _full_run(
    folder: Path, articles: int, more: int, options: Options
) -> tuple[float, dict[str, float]]:
    """Write the pile's parts into ``folder`` and make its base store (the full run)."""
    build_pile(folder / "all.jsonl", articles + more)
    lines = (folder / "all.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "base.jsonl").write_text("".join(lines[:articles]), encoding="utf-8")
    (folder / "more.jsonl").write_text("".join(lines[articles:]), encoding="utf-8")
    (folder / "one.jsonl").write_text(lines[articles], encoding="utf-8")
    repost = json.loads(lines[0])
    # undated and from another outlet: the stored copy stays the original
    repost |= {"id": "repost-1", "text": f"Posted by a blog\n\n{repost['text']}"}
    repost |= {"date": None, "outlet": "A blog"}
    (folder / "repost.jsonl").write_text(json.dumps(repost) + "\n", encoding="utf-8")
    return _run(folder / "base.db", folder / "base.jsonl", options)


def _print(
    articles: int,
    rows: list[tuple[str, int, float, dict[str, float]]],
    full: float,
    same: bool | None,
) -> None:
    print(f"store: {articles} articles (synthetic pile), no analyst layer")
    print(f"{'run':<12}{'articles':>9}{'seconds':>9}{'% of full':>11}   target")
    for label, count, seconds, _stages in rows:
        target = {
            "+1%": f"<= {TARGET_SHARE:.0%} of full",
            "+1 article": f"< {TARGET_ONE:g} s",
            "+1 repost": f"< {TARGET_ONE:g} s",
        }
        share = f"{seconds / full:>10.1%}" if label != "full run" else f"{'':>10}"
        met = ""
        if label == "+1%":
            met = "  met" if seconds <= TARGET_SHARE * full else "  NOT met"
        elif label in ("+1 article", "+1 repost"):
            met = "  met" if seconds < TARGET_ONE else "  NOT met"
        print(f"{label:<12}{count:>9}{seconds:>9.2f} {share}   {target.get(label, '')}{met}")
    print("\nseconds per stage")
    names = list(dict.fromkeys(k for *_, stages in rows for k in stages))
    print(f"{'stage':<24}" + "".join(f"{label:>12}" for label, *_ in rows))
    for name in names:
        print(f"{name:<24}" + "".join(f"{stages.get(name, 0.0):>12.2f}" for *_, stages in rows))
    if same is not None:
        print(f"\n+1% store, incremental == full recompute: {same}")


if __name__ == "__main__":
    main()
