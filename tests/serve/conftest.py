from __future__ import annotations

import warnings
from collections.abc import Iterator
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


def _make_client(db_url: str, token: str | None = TOKEN, **serve: Any) -> TestClient:
    app = create_app(db_url, token, serve_options=ServeOptions(**serve))
    return TestClient(app, client=LOCAL)


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


@pytest.fixture
def loaded(client: TestClient, sample_records: list[dict[str, Any]]) -> TestClient:
    response = client.post("/api/articles", json=sample_records, headers=AUTH)
    assert response.status_code == 200, response.text
    return client
