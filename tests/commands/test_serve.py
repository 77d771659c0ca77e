"""`storyline serve`: localhost by default, token from the environment."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyline.cli import app


def test_serve_binds_localhost_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda application, **kw: calls.append({"app": application, **kw})
    )
    monkeypatch.setenv("STORYLINE_TOKEN", "s3cret")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--port", "8123"])
    assert result.exit_code == 0, result.output
    (call,) = calls
    assert call["host"] == "127.0.0.1" and call["port"] == 8123
    state = call["app"].state.storyline
    assert state.token == "s3cret" and state.db_url.startswith("sqlite:///")
    assert not state.serve.public_reads
    state.store.close()


def test_serve_without_token_disables_writes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import uvicorn

    calls: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append(application))
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert calls[0].state.storyline.token is None
    calls[0].state.storyline.store.close()


def test_allowed_hosts_are_loopback_names_the_bound_host_and_the_option(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import uvicorn

    calls: list[Any] = []
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: calls.append(application))
    monkeypatch.setenv("STORYLINE_TOKEN", "s3cret")
    args = ["serve", "--db", str(tmp_path / "x.db"), "--host", "192.0.2.10"]
    args += ["--allowed-host", "news.example", "--allowed-host", "Briefs.Example:8443"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    state = calls[0].state.storyline
    assert state.allowed_hosts == {
        "127.0.0.1", "localhost", "::1", "192.0.2.10", "news.example", "briefs.example"
    }  # fmt: skip
    state.store.close()
    calls.clear()
    assert CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "y.db")]).exit_code == 0
    assert calls[0].state.storyline.allowed_hosts == {"127.0.0.1", "localhost", "::1"}
    calls[0].state.storyline.store.close()
