"""The one JSONL line reader: every command and evaluation reads its input through it, so
a bad line (invalid UTF-8 or JSON, nested too deeply, not an object) is told the same way
everywhere and never stops the batch."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class JsonLine:
    """One non-blank line: its object, or why it has none (``record`` is None then)."""

    number: int  # 1-based line number
    record: dict[str, Any] | None
    error: str | None = None


def parse_object(line: str | bytes) -> dict[str, Any] | str:
    """A JSON object, or the reason the line is not one."""
    try:
        text = line.decode("utf-8") if isinstance(line, bytes) else line
    except UnicodeDecodeError as exc:
        return f"not valid UTF-8: {exc.reason} at byte {exc.start}"
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"invalid JSON: {exc.msg} at column {exc.colno}"
    except RecursionError:
        return "invalid JSON: nested too deeply"
    if not isinstance(value, dict):
        return f"not a JSON object (a {type(value).__name__})"
    return value


def parse_lines(lines: Iterable[str | bytes]) -> Iterator[JsonLine]:
    """Objects of the non-blank lines, numbered from 1, bad lines with their reason."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        parsed = parse_object(line)
        if isinstance(parsed, str):
            yield JsonLine(number, None, f"line {number}: {parsed}")
        else:
            yield JsonLine(number, parsed)


def read_lines(path: Path) -> Iterator[JsonLine]:
    """``parse_lines`` over a file, read as bytes (an invalid byte spoils one line only)."""
    with path.open("rb") as handle:
        yield from parse_lines(handle)
