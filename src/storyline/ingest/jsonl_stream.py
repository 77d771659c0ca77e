"""Large JSONL files, streamed line by line (never loaded whole).

Each line is one JSON object with ``text`` (required) and optional ``title``, ``url``,
``date``, ``outlet`` (or ``source``), ``publisher``. A line that is not valid UTF-8 or JSON,
is not an object, lacks a non-empty ``text``, or is longer than ``IngestOptions.max_bytes``
becomes one skipped ``InputReport`` named ``"<path>#<line number>"``; the rest of the file
is still read. ``RawDocument.source`` is ``"<path>#<line number>"`` (1-based).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from storyline.config import IngestOptions
from storyline.errors import Errors
from storyline.ingest.readers import record_to_document
from storyline.model import InputReport, RawDocument

_READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class JsonlPartition:
    """A run of whole lines of a JSONL file that one worker reads by itself."""

    path: str
    start: int  # byte offset of the first line
    end: int  # byte offset just past the last line
    first_line: int  # 1-based number of the first line


def read_jsonl_stream(path: Path, options: IngestOptions) -> Iterator[RawDocument | InputReport]:
    """Yield a RawDocument per usable line and a skipped InputReport per bad line."""
    yield from read_jsonl_partition(JsonlPartition(str(path), 0, -1, 1), options)


def read_jsonl_partition(
    partition: JsonlPartition, options: IngestOptions
) -> Iterator[RawDocument | InputReport]:
    """``read_jsonl_stream`` restricted to one partition (``end == -1``: to the end)."""
    path = partition.path
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        yield InputReport(str(path), "skipped", Errors.E107.format(error=exc))
        return
    with fh:
        fh.seek(partition.start)
        lines = _lines(fh, options.max_bytes, partition.first_line, partition.end)
        for lineno, line, too_long in lines:
            source = f"{path}#L{lineno}"
            if too_long:
                yield _skip(source, Errors.E143.format(limit=options.max_bytes))
                continue
            if not line.strip():
                continue  # blank lines are padding, not records
            yield parse_jsonl_line(line, lineno, source, options)


def jsonl_partitions(
    path: Path, partition_bytes: int, options: IngestOptions
) -> list[JsonlPartition]:
    """Cut a JSONL file into line-aligned partitions of about ``partition_bytes`` each.

    One sequential pass that only finds line ends (no JSON parsing), so that workers can
    read and process their partitions themselves instead of receiving the text from the
    driver.
    """
    partitions: list[JsonlPartition] = []
    with open(path, "rb") as fh:
        start, first_line, last_line = 0, 1, 0
        for last_line, _, _ in _lines(fh, options.max_bytes, 1, -1):
            position = fh.tell()
            if position - start >= partition_bytes:
                partitions.append(JsonlPartition(str(path), start, position, first_line))
                start, first_line = position, last_line + 1
        if fh.tell() > start:
            partitions.append(JsonlPartition(str(path), start, fh.tell(), first_line))
    return partitions


def _lines(
    fh: BinaryIO, max_bytes: int, first_line: int, end: int
) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, line bytes, too_long) up to byte ``end`` (-1: end of file).

    An over-long line is drained in bounded chunks, never held whole.
    """
    lineno = first_line - 1
    while end < 0 or fh.tell() < end:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line in bounded chunks
                rest = fh.readline(_READ_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, b"", True
            continue
        yield lineno, line, False


def parse_jsonl_line(
    line: bytes, lineno: int, source: str, options: IngestOptions
) -> RawDocument | InputReport:
    """One JSONL line to a document, or a skip report naming the line and the problem."""
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return _skip(source, Errors.E144.format(line=lineno, error=exc.reason, byte=exc.start))
    except json.JSONDecodeError as exc:
        return _skip(source, Errors.E145.format(line=lineno, error=exc.msg, column=exc.colno))
    except RecursionError:
        return _skip(source, Errors.E146.format(line=lineno))
    return record_to_document(record, source, "jsonl", options, inside=True)


def _skip(source: str, reason: str) -> InputReport:
    """A skipped line: always one record of the file."""
    return InputReport(source=source, status="skipped", reason=reason, record=True)
