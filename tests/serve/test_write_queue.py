"""A long analysis never starves reads: a real uvicorn server (its own process, as
`storyline serve` runs) on 127.0.0.1 analyses a synthetic pile for several seconds while
50 writes arrive; every read (API, pages, /static) answers within a second, writes beyond
the queue get 503 with Retry-After, and the queued ones are stored."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from storyline.config import Options
from storyline.run.pipeline import ingest_into
from storyline.store.factory import open_store

pytestmark = pytest.mark.slow

BENCH = Path(__file__).resolve().parents[2] / "bench"
TOKEN = "queue-test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
READS = ("/api/stories", "/api/articles?limit=5", "/api/search?q=the", "/", "/static/app.css")
SERVER = """
import sys, uvicorn
from storyline.config import ServeOptions
from storyline.serve.app import create_app
app = create_app(sys.argv[1], sys.argv[2], serve_options=ServeOptions(max_queued_writes=4))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[3]), log_level="warning")
"""


@pytest.fixture
def pile_db(tmp_path: Path) -> str:
    sys.path.insert(0, str(BENCH))
    try:
        from synthetic_pile import build_pile
    finally:
        sys.path.remove(str(BENCH))
    pile = tmp_path / "pile.jsonl"
    build_pile(pile, 30)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with open_store(url) as store:
        ingest_into(store, [str(pile)], Options())
    return url


@pytest.fixture
def server(pile_db: str) -> Iterator[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", SERVER, pile_db, TOKEN, str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(base + "/static/app.css", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("server did not start")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_reads_are_served_during_a_long_analysis_with_writes_queued(server: str) -> None:
    results: dict[str, httpx.Response] = {}
    # one shared client: one per request would build an SSL context each, 50 at once
    # costing this process (and so the reads it times) much of a second
    writers = httpx.Client(base_url=server, timeout=600, limits=httpx.Limits(max_connections=60))

    def analyse() -> None:
        results["analyse"] = writers.post("/api/analyse?full=true", headers=AUTH)

    def write(n: int) -> None:
        record = {"text": f"Queued write {n}: the harbour authority opened a new pier today."}
        results[f"write{n}"] = writers.post(
            "/api/articles?analyse=false", json=[record], headers=AUTH
        )

    analysis = threading.Thread(target=analyse)
    analysis.start()
    time.sleep(0.5)  # the writer thread is analysing now
    threads = [threading.Thread(target=write, args=(n,)) for n in range(50)]
    for t in threads:
        t.start()
    latencies: list[float] = []
    started = time.monotonic()
    with httpx.Client(base_url=server, timeout=30) as client:
        while analysis.is_alive():
            for path in READS:
                t0 = time.monotonic()
                response = client.get(path)
                latencies.append(time.monotonic() - t0)
                assert response.status_code == 200, (path, response.status_code)
    busy = time.monotonic() - started
    analysis.join()
    for t in threads:
        t.join()
    writers.close()
    assert results["analyse"].status_code == 200, results["analyse"].text
    assert busy > 2, f"analysis too short ({busy:.1f} s) to show anything"
    assert max(latencies) < 1.0, f"longest read {max(latencies):.2f} s of {len(latencies)}"
    writes = [results[f"write{n}"] for n in range(50)]
    refused = [r for r in writes if r.status_code == 503]
    stored = [r for r in writes if r.status_code == 200]
    assert len(refused) + len(stored) == 50
    assert refused and all(r.headers["retry-after"].isdigit() for r in refused)
    assert stored and all(r.json()["counts"]["new"] == 1 for r in stored)
    total = httpx.get(server + "/api/articles?limit=1").json()["total"]
    assert total >= 30 + len(stored)
