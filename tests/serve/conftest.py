from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Starlette 1.x asks for httpx2 in its test client; httpx (pinned in the dev extra) works
warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient  # noqa: E402

from storyline.config import ServeOptions  # noqa: E402
from storyline.serve.app import create_app  # noqa: E402

TOKEN = "test-token-123"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LOCAL = ("127.0.0.1", 50123)
BASE = "http://localhost"


def _make_client(db_url: str, token: str | None = TOKEN, **serve: Any) -> TestClient:
    app = create_app(db_url, token, serve_options=ServeOptions(**serve))
    # a loopback Host: the server answers only allow-listed Host names
    return TestClient(app, client=LOCAL, base_url=BASE)


@pytest.fixture
def make_client() -> Any:
    """make_client(db_url, token=TOKEN, **ServeOptions fields) -> TestClient (a loopback client)."""
    return _make_client


@pytest.fixture
def auth() -> dict[str, str]:
    return dict(AUTH)


@pytest.fixture
def client(db_url: str) -> Iterator[TestClient]:
    with _make_client(db_url) as c:
        yield c


@pytest.fixture
def sample_records(sample_dir: Path) -> list[dict[str, Any]]:
    return [{"text": p.read_text(encoding="utf-8")} for p in sorted(sample_dir.glob("*.txt"))]


def _load(client: TestClient, records: list[dict[str, Any]]) -> None:
    response = client.post("/api/articles", json=records, headers=AUTH)
    assert response.status_code == 200, response.text


@pytest.fixture(scope="session")
def loaded_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample pile posted once to a SQLite store, copied by each test that needs it
    (ingest and analysis are the same every time; posting costs a second per test)."""
    samples = Path(__file__).resolve().parents[2] / "samples" / "russia-syria"
    path = tmp_path_factory.mktemp("loaded") / "store.db"
    records = [{"text": p.read_text(encoding="utf-8")} for p in sorted(samples.glob("*.txt"))]
    with _make_client(f"sqlite:///{path}") as c:
        _load(c, records)
    return path


@pytest.fixture
def loaded(
    db_url: str, sample_records: list[dict[str, Any]], loaded_sqlite: Path
) -> Iterator[TestClient]:
    """A client over a store holding the sample pile, ingested and analysed."""
    if db_url.startswith("sqlite:///"):
        import sqlite3
        from contextlib import closing

        with (
            closing(sqlite3.connect(loaded_sqlite)) as source,
            closing(sqlite3.connect(db_url.removeprefix("sqlite:///"))) as target,
        ):
            source.backup(target)
        with _make_client(db_url) as c:
            yield c
        return
    with _make_client(db_url) as c:
        _load(c, sample_records)
        yield c


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def live_server() -> Iterator[Callable[[Any], str]]:
    """live_server(app) -> base URL: the app under a real uvicorn on 127.0.0.1 (a thread),
    stopped after the test."""
    import uvicorn

    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(app: Any) -> str:
        port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        servers.append((server, thread))
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                pytest.fail("uvicorn did not start")
            time.sleep(0.05)
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=30)
