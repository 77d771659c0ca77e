"""Load and faults together on `storyline serve` (127.0.0.1 only, bounded), then
concurrent-writer trials.

Per backend (SQLite; PostgreSQL when STORYLINE_TEST_PG_URL is set or a local initdb can
start a throwaway server): a store holding a synthetic pile; a server subprocess; one
long analysis (POST /api/analyse?full=true) and, while it runs, story/page/static reads,
searches, a burst of queued uploads and a few hostile requests (no token, foreign Host,
huge offset, malformed JSON). Prints errors (transport failures, unexpected statuses),
5xx (503 from a full write queue is counted apart: it is the designed answer), p95 per
kind and the longest read stall. Then N trials of two processes racing on a fresh store
(schema, same ids, seq): failures counted.

Run: .venv/bin/python bench/bench_faults.py [--articles 40] [--writes 50] [--trials 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

import writer_trials  # noqa: E402
from synthetic_pile import build_pile  # noqa: E402

from storyline.config import Options  # noqa: E402
from storyline.run.pipeline import ingest_into  # noqa: E402
from storyline.store.factory import open_store  # noqa: E402

TOKEN = "bench-faults-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
SERVER = """
import sys, uvicorn
from storyline.serve.app import create_app
app = create_app(sys.argv[1], sys.argv[2])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[3]), log_level="error")
"""
READS = ("/api/stories", "/api/articles?limit=5", "/", "/static/app.css", "/api/stories?offset=3")
SEARCHES = ("harbour", "minister talks", "the", "zzzz")
MAX_SECONDS = 900  # the whole load phase is cut off here, whatever happens


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, started: float, status: int | None, error: str = "") -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(time.monotonic() - started)
            if status is None:
                self.errors.append(f"{kind}: {error}")
            else:
                self.statuses[kind, status] += 1


def timed(
    tally: Tally, kind: str, call: Callable[[], httpx.Response], ok: set[int], label: str = ""
) -> None:
    started = time.monotonic()
    try:
        response = call()
    except httpx.HTTPError as exc:
        tally.record(kind, started, None, f"{label or kind}: {type(exc).__name__}: {exc}")
        return
    tally.record(kind, started, response.status_code)
    if response.status_code not in ok:
        with tally.lock:
            tally.errors.append(
                f"{label or kind}: unexpected {response.status_code} {response.text[:120]}"
            )


@contextmanager
def server(url: str) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", SERVER, url, TOKEN, str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/static/app.css", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def load_and_faults(url: str, articles: int, writes: int, workdir: Path) -> Tally:
    pile = workdir / "pile.jsonl"
    build_pile(pile, articles)
    with open_store(url) as store:
        ingest_into(store, [str(pile)], Options())
    tally = Tally()
    # one client for the uploads: a client per request would build an SSL context each,
    # 50 at once costing this process (and so the reads it times) a second of GIL
    with (
        server(url) as base,
        httpx.Client(
            base_url=base, timeout=MAX_SECONDS, limits=httpx.Limits(max_connections=writes + 5)
        ) as writers,
    ):
        done = threading.Event()
        started = time.monotonic()

        def analyse() -> None:
            timed(tally, "analysis", lambda: writers.post(
                "/api/analyse?full=true", headers=AUTH), {200})  # fmt: skip
            done.set()

        def reader(paths: tuple[str, ...], kind: str) -> None:
            with httpx.Client(base_url=base, timeout=60) as client:
                n = 0
                while not done.is_set() and time.monotonic() - started < MAX_SECONDS:
                    path = paths[n % len(paths)]
                    timed(tally, kind, lambda p=path: client.get(p), {200})
                    n += 1

        def upload(n: int) -> None:
            text = f"Upload {n}: the harbour authority opened pier {n} on Monday morning."
            files = {"files": (f"up{n}.txt", text.encode(), "text/plain")}
            timed(tally, "upload", lambda: writers.post(
                "/api/articles/upload?analyse=false", files=files, headers=AUTH), {200, 503})  # fmt: skip

        def hostile() -> None:
            with httpx.Client(base_url=base, timeout=60) as client:
                cases: list[tuple[str, Callable[[], httpx.Response], set[int]]] = [
                    ("no token", lambda: client.post("/api/articles", content=b"[{"), {401}),
                    ("foreign Host", lambda: client.get(
                        "/api/export/articles.jsonl", headers={"Host": "attacker.example"}), {400}),
                    ("huge offset", lambda: client.get(f"/api/articles?offset={2**64}"), {422}),
                    ("bad JSON", lambda: client.post(
                        "/api/articles", content=b"[{", headers={**AUTH, "content-type":
                        "application/json"}), {422, 503}),
                    ("proxied remote", lambda: client.get(
                        "/api/stories", headers={"X-Real-IP": "203.0.113.9"}), {401}),
                ]  # fmt: skip
                for _ in range(5):
                    for kind, call, ok in cases:
                        timed(tally, "hostile", call, ok, label=kind)

        analysis = threading.Thread(target=analyse)
        analysis.start()
        time.sleep(1.0)  # the writer thread is analysing
        threads = [
            threading.Thread(target=reader, args=(READS, "read")),
            threading.Thread(target=reader, args=(READS[::-1], "read")),
            threading.Thread(
                target=reader, args=(tuple(f"/api/search?q={q}" for q in SEARCHES), "search")
            ),
            threading.Thread(target=hostile),
            *(threading.Thread(target=upload, args=(n,)) for n in range(writes)),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(MAX_SECONDS)
        analysis.join(MAX_SECONDS)
    return tally


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else max(values, default=0)


def report(name: str, tally: Tally) -> None:
    print(f"\n== load and faults: {name} ==")
    for kind in ("read", "search", "upload", "hostile", "analysis"):
        values = tally.latencies.get(kind, [])
        statuses = ", ".join(
            f"{s}: {n}" for (k, s), n in sorted(tally.statuses.items()) if k == kind
        )
        print(f"{kind:9s} n={len(values):5d}  p95={p95(values):7.3f} s  max={max(values, default=0):7.3f} s  [{statuses}]")  # fmt: skip
    five = sum(n for (_k, s), n in tally.statuses.items() if s >= 500 and s != 503)
    full = sum(n for (_k, s), n in tally.statuses.items() if s == 503)
    stall = max(tally.latencies.get("read", []) + tally.latencies.get("search", []), default=0)
    print(f"errors: {len(tally.errors)}  5xx (not 503): {five}  503 queue full: {full}")
    print(f"longest read stall during the analysis: {stall:.3f} s")
    for error in tally.errors[:10]:
        print("  error:", error)


def writer_trial_report(name: str, make_url: Callable[[int], tuple[str, Callable[[], None]]],
                        trials: int) -> None:  # fmt: skip
    failures: list[str] = []
    started = time.monotonic()
    for n in range(trials):
        url, cleanup = make_url(n)
        try:
            result = writer_trials.run_trial(url)
        finally:
            cleanup()
        if result.failed:
            failures.append(
                f"trial {n}: rows {result.articles}, distinct seq {result.distinct_seq}, "
                f"expected {result.expected}; {(result.errors or [''])[0][-300:]}"
            )
    print(f"\n== concurrent writers: {name} ==")
    print(f"{trials} trials of 2 processes on a fresh store: {len(failures)} failed "
          f"({time.monotonic() - started:.1f} s)")  # fmt: skip
    for failure in failures[:5]:
        print("  ", failure)


@contextmanager
def postgres_url() -> Iterator[str | None]:
    """STORYLINE_TEST_PG_URL, or a throwaway local server (initdb on a free port, as
    scripts/test.sh starts one), or None."""
    if os.environ.get("STORYLINE_TEST_PG_URL"):
        yield os.environ["STORYLINE_TEST_PG_URL"]
        return
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if not bins:
        yield None
        return
    pgbin = bins[-1].parent
    folder = Path(tempfile.mkdtemp(prefix="bench-faults-pg."))
    run: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
        run = ["runuser", "-u", "postgres", "--"]
    port = free_port()
    data = folder / "data"
    try:
        subprocess.run([*run, str(pgbin / "initdb"), "-D", str(data), "-A", "trust", "-U",
                        "storyline"], check=True, capture_output=True)  # fmt: skip
        subprocess.run([*run, str(pgbin / "pg_ctl"), "-D", str(data), "-l", str(folder / "log"),
                        "-w", "-o", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 "
                        "-c fsync=off", "start"], check=True, capture_output=True)  # fmt: skip
        subprocess.run([*run, str(pgbin / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U",
                        "storyline", "bench"], check=True, capture_output=True)  # fmt: skip
        yield f"postgresql+psycopg://storyline@127.0.0.1:{port}/bench"
    except subprocess.CalledProcessError as exc:
        print(f"no PostgreSQL: {exc.stderr.decode(errors='replace')[:200]}")
        yield None
    finally:
        subprocess.run([*run, str(pgbin / "pg_ctl"), "-D", str(data), "-m", "fast", "stop"],
                       capture_output=True)  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=40, help="pile the analysis runs over")
    parser.add_argument("--writes", type=int, default=50, help="uploads sent during it")
    parser.add_argument("--trials", type=int, default=20, help="concurrent-writer trials")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, postgres_url() as pg:
        work = Path(tmp)
        report("SQLite", load_and_faults(f"sqlite:///{work / 'load.db'}", args.articles,
                                         args.writes, work))  # fmt: skip
        if pg:
            url, drop = writer_trials.fresh_pg_schema(pg)
            try:
                report("PostgreSQL", load_and_faults(url, args.articles, args.writes, work))
            finally:
                drop()
        writer_trial_report(
            "SQLite", lambda n: (f"sqlite:///{work / f'trial{n}.db'}", lambda: None), args.trials
        )
        if pg:
            writer_trial_report(
                "PostgreSQL", lambda _n: writer_trials.fresh_pg_schema(pg), args.trials
            )
        else:
            print("\n(PostgreSQL skipped: set STORYLINE_TEST_PG_URL or install postgresql)")


if __name__ == "__main__":
    main()
