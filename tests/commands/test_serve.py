"""`storyline serve`: localhost by default, token from the environment, an existing store,
"serving on" once it accepts connections."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.commands import serve as serve_command


def test_serve_binds_localhost_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        serve_command,
        "run_uvicorn",
        lambda application, **kw: calls.append({"app": application, **kw}),
    )
    monkeypatch.setenv("STORYLINE_TOKEN", "s3cret")
    result = CliRunner().invoke(
        app, ["serve", "--db", str(tmp_path / "x.db"), "--create", "--port", "8123"]
    )
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
    calls: list[Any] = []
    monkeypatch.setattr(
        serve_command, "run_uvicorn", lambda application, **kw: calls.append(application)
    )
    monkeypatch.delenv("STORYLINE_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db"), "--create"])
    assert result.exit_code == 0, result.output
    assert calls[0].state.storyline.token is None
    calls[0].state.storyline.store.close()


def test_allowed_hosts_are_loopback_names_the_bound_host_and_the_option(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(
        serve_command, "run_uvicorn", lambda application, **kw: calls.append(application)
    )
    monkeypatch.setenv("STORYLINE_TOKEN", "s3cret")
    args = ["serve", "--db", str(tmp_path / "x.db"), "--create", "--host", "192.0.2.10"]
    args += ["--allowed-host", "news.example", "--allowed-host", "Briefs.Example:8443"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    state = calls[0].state.storyline
    assert state.allowed_hosts == {
        "127.0.0.1", "localhost", "::1", "192.0.2.10", "news.example", "briefs.example"
    }  # fmt: skip
    state.store.close()
    calls.clear()
    assert (
        CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "y.db"), "--create"]).exit_code
        == 0
    )
    assert calls[0].state.storyline.allowed_hosts == {"127.0.0.1", "localhost", "::1"}
    calls[0].state.storyline.store.close()


# --- the store must be there (issue 16: a mistyped --db served a new empty store) ----------


@pytest.fixture
def no_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    calls: list[Any] = []
    monkeypatch.setattr(
        serve_command, "run_uvicorn", lambda application, **kw: calls.append(application)
    )
    monkeypatch.setenv("STORYLINE_TOKEN", "s3cret")
    yield calls
    for application in calls:
        application.state.storyline.store.close()


def test_a_mistyped_sqlite_path_is_refused(no_server: list[Any], tmp_path: Path) -> None:
    missing = tmp_path / "out" / "storylin.db"
    result = CliRunner().invoke(app, ["serve", "--db", str(missing)])
    assert result.exit_code == 2
    assert "no store at" in result.output and "--create" in result.output
    assert not missing.exists() and not no_server
    sqlite_url = f"sqlite:///{missing}"
    assert CliRunner().invoke(app, ["serve", "--db", sqlite_url]).exit_code == 2
    assert not missing.exists()


def test_the_store_must_be_named(no_server: list[Any]) -> None:
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2 and "--db" in result.output and not no_server


def test_an_existing_store_is_served_and_create_makes_a_new_one(
    no_server: list[Any], tmp_path: Path
) -> None:
    from storyline.store.factory import open_store

    built = tmp_path / "built.db"
    open_store(str(built)).close()
    assert CliRunner().invoke(app, ["serve", "--db", str(built)]).exit_code == 0
    fresh = tmp_path / "new" / "fresh.db"
    result = CliRunner().invoke(app, ["serve", "--db", str(fresh), "--create"])
    assert result.exit_code == 0, result.output
    assert fresh.is_file() and len(no_server) == 2


def test_a_folder_is_no_store(no_server: list[Any], tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path), "--create"])
    assert result.exit_code == 2 and "folder" in result.output


def test_a_postgresql_database_must_exist(no_server: list[Any]) -> None:
    import os

    from sqlalchemy.engine import make_url

    base = os.environ.get("STORYLINE_TEST_PG_URL")
    if not base:
        pytest.skip("STORYLINE_TEST_PG_URL not set (scripts/test.sh starts a PostgreSQL server)")
    missing = make_url(base).set(database="storyline_no_such_db").render_as_string(False)
    result = CliRunner().invoke(app, ["serve", "--db", missing, "--create"])
    assert result.exit_code == 2, result.output
    assert "cannot open that database" in result.output and not no_server
    assert CliRunner().invoke(app, ["serve", "--db", base]).exit_code == 0


# --- "serving on" once connections are accepted (issue 16: printed 10-30 s before) --------


@pytest.mark.slow
def test_serving_line_appears_when_the_server_accepts(tmp_path: Path) -> None:
    import os
    import queue
    import socket
    import subprocess
    import sys
    import threading
    import urllib.request

    from storyline.store.factory import open_store

    db = tmp_path / "served.db"
    open_store(str(db)).close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [str(Path(sys.executable).parent / "storyline"), "serve", "--db", str(db)]
    env = {k: v for k, v in os.environ.items() if k != "STORYLINE_TOKEN"}
    proc = subprocess.Popen(
        [*command, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    try:
        while True:
            line = lines.get(timeout=120)
            assert line is not None, f"server exited: {''.join(seen)}"
            seen.append(line)
            if "storyline serving" in line:
                break
        # at the moment the line appears, a connection is accepted and answered
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories", timeout=10) as r:
            assert r.status == 200
        assert f"http://127.0.0.1:{port}/" in line
    finally:
        proc.terminate()
        proc.wait(timeout=30)
