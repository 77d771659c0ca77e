"""`storyline --version` prints the version and exits 0 (issue 16: it said "Missing command")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from storyline.cli import app
from storyline.version import __version__


def test_version_flag_prints_the_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == __version__


def test_version_flag_from_the_installed_command() -> None:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "storyline"), "--version"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == __version__
