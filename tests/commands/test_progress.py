"""Progress you can see: bars and a stage table on a terminal (a real pseudo-terminal
here), one plain line per stage off one, nothing with --quiet."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from news_fixtures import QUAKE_A, QUAKE_B, WIRE
from storyline.cli import app
from storyline.commands.cluster import cluster_file
from storyline.commands.progress import StageProgress
from storyline.config import Options
from storyline.ingest.files import ingest_paths
from storyline.model import Progress
from storyline.run.pipeline import brief_in_memory

ESCAPE = "\x1b["
STAGE_LINE = re.compile(r"^stage (\w+): (\d+) item\(s\) in [\d.]+s \([\d,.]+/s\), (\d+) skipped$")
REPO = Path(__file__).resolve().parents[2]


def _pile(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for it in QUAKE_A + QUAKE_B:
            fh.write(json.dumps({"id": it.id, "title": it.title, "text": it.text}) + "\n")
        fh.write(json.dumps({"id": "w-1", "title": "Malaria vaccine", "text": WIRE}) + "\n")
        fh.write("{not json\n")
    return path


@pytest.fixture
def terminal_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain xterm: nothing in the environment forcing or forbidding a terminal."""
    for name in ("TTY_COMPATIBLE", "TTY_INTERACTIVE", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


class _PtyConsole:
    """A rich Console writing to the slave side of a pseudo-terminal; what reaches the
    master side is collected by a thread (so a full pty buffer never blocks the run)."""

    def __init__(self) -> None:
        self.master, slave = pty.openpty()
        self.file = os.fdopen(slave, "w", encoding="utf-8")
        self.console = Console(file=self.file, width=120)
        self.chunks: list[bytes] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:  # the slave side closed
                return
            if not data:
                return
            self.chunks.append(data)

    def output(self) -> str:
        self.file.close()
        self.reader.join(timeout=10)
        os.close(self.master)
        return b"".join(self.chunks).decode("utf-8", "replace")


class Recorder:
    """A Progress that keeps what it heard, to check what the library reports."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str, int | None, int]] = []

    def start(self, stage: str, total: int | None) -> None:
        self.events.append(("start", stage, total, 0))

    def advance(self, stage: str, done: int = 1, skipped: int = 0) -> None:
        self.events.append(("advance", stage, done, skipped))

    def finish(self, stage: str) -> None:
        self.events.append(("finish", stage, None, 0))

    def done(self, stage: str) -> tuple[int, int]:
        moves = [
            (d or 0, s) for kind, name, d, s in self.events if kind == "advance" and name == stage
        ]
        return sum(d for d, _ in moves), sum(s for _, s in moves)


def test_the_pipeline_reports_every_stage_it_runs(sample_dir: Path) -> None:
    recorder = Recorder()
    watcher: Progress = recorder  # the protocol is all the library needs
    options = Options(analysis=False)
    result = brief_in_memory(
        ingest_paths([str(sample_dir)], options.ingest), options, progress=watcher
    )
    started = [name for kind, name, *_ in recorder.events if kind == "start"]
    finished = [name for kind, name, *_ in recorder.events if kind == "finish"]
    assert started == finished == ["ingest", "sentences", "dedup", "cluster", "summarize"]
    assert recorder.done("ingest") == (3, 1)  # two articles and the README, skipped
    assert recorder.done("summarize") == (len(result.stories), 0)
    assert ("start", "sentences", 2, 0) in recorder.events


def test_on_a_terminal_bars_then_a_stage_table(sample_dir: Path, terminal_env: None) -> None:
    tty = _PtyConsole()
    assert tty.console.is_terminal
    options = Options(analysis=False)
    with StageProgress(tty.console) as progress:
        assert progress.live
        brief_in_memory(ingest_paths([str(sample_dir)], options.ingest), options, progress=progress)
    text = tty.output()
    assert ESCAPE in text  # drawn, with cursor moves and colour
    assert "━" in text  # the bars
    assert "3/3" in text and "2/2" in text  # items done / total
    assert "eta" in text
    table = text[text.rindex("stages") :]
    for stage, items, skipped in (("ingest", 3, 1), ("sentences", 2, 0), ("summarize", 2, 0)):
        row = re.search(rf"│ {stage}\s+│\s+(\d+) │\s+[\d.]+ │\s+(\d+) │", table)
        assert row, f"no {stage} row in the stage table"
        assert (int(row[1]), int(row[2])) == (items, skipped)
    assert "stage ingest:" not in text  # no log lines on a terminal


def test_cluster_on_a_terminal(tmp_path: Path, terminal_env: None) -> None:
    tty = _PtyConsole()
    with StageProgress(tty.console) as progress:
        n, skipped = cluster_file(
            _pile(tmp_path / "in.jsonl"), tmp_path / "out.jsonl", progress=progress
        )
    text = tty.output()
    assert (n, len(skipped)) == (7, 1)
    assert "━" in text and "stages" in text
    assert progress.stages["scan"].done == 8 and progress.stages["scan"].skipped == 1
    assert progress.stages["cluster"].done == 7  # no copies among them
    assert progress.stages["dedup"].total == 7


def test_off_a_terminal_one_plain_line_per_stage(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["cluster", str(_pile(tmp_path / "in.jsonl")), "-o", str(tmp_path / "out.jsonl")]
    )
    assert result.exit_code == 0, result.output
    assert ESCAPE not in result.output and "━" not in result.output
    lines = [m for line in result.output.splitlines() if (m := STAGE_LINE.match(line))]
    assert [(m[1], int(m[2]), int(m[3])) for m in lines] == [
        ("scan", 8, 1),
        ("dedup", 7, 0),
        ("cluster", 7, 0),
    ]


def test_brief_off_a_terminal_and_quiet(sample_dir: Path, tmp_path: Path) -> None:
    args = ["brief", str(sample_dir), "-o", str(tmp_path / "out"), "--no-analysis"]
    loud = CliRunner().invoke(app, args)
    assert loud.exit_code == 0, loud.output
    stages = [m[1] for line in loud.output.splitlines() if (m := STAGE_LINE.match(line))]
    assert stages == ["ingest", "sentences", "dedup", "cluster", "summarize", "save", "write"]
    quiet = CliRunner().invoke(app, [*args, "--quiet"])
    assert quiet.exit_code == 0, quiet.output
    assert "stage " not in quiet.output
    assert "brief.json" in quiet.output  # the result is still said


def _run_on_pty(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "storyline.cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
        cwd=REPO,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return process.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_the_real_cli_draws_on_a_pseudo_terminal(sample_dir: Path, tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("TTY_COMPATIBLE", "TTY_INTERACTIVE", "FORCE_COLOR", "NO_COLOR")
    }
    env |= {"TERM": "xterm-256color", "COLUMNS": "120", "PYTHONPATH": str(REPO / "src")}
    code, text = _run_on_pty(["brief", str(sample_dir), "-o", str(tmp_path / "out")], env)
    assert code == 0, text
    assert "━" in text and ESCAPE in text
    assert re.search(r"│ analysis\s+│\s+2 │", text), text[-2000:]
    code, text = _run_on_pty(
        ["brief", str(sample_dir), "-o", str(tmp_path / "out"), "--no-analysis", "-q"], env
    )
    assert code == 0 and "━" not in text and "stages" not in text
