"""CSV files on disk, streamed row by row (never loaded whole).

A CSV export of any size is read one row at a time: a row whose line runs past
``IngestOptions.max_bytes`` (one giant cell) or whose field the csv module refuses is
skipped with its line number and reason, and every other row is still read. The text
encoding is chosen from the first megabyte the same way as for any file (storyline's
``decode_bytes``); stray NUL bytes are dropped. Uploads and standard input, which arrive as
bytes in memory, go through ``readers.read_csv``.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from storyline.config import IngestOptions
from storyline.errors import Errors
from storyline.ingest.decode import DecodeError, decode_bytes
from storyline.ingest.readers import csv_dialect, csv_field_size_limit, record_to_document
from storyline.model import InputReport, RawDocument

_HEAD = 1 << 20
_READ_CHUNK = 1 << 20


def read_csv_stream(path: Path, options: IngestOptions) -> Iterator[RawDocument | InputReport]:
    """Yield a RawDocument per usable row and a skipped InputReport per bad one."""
    source = str(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEAD)
    except OSError as exc:
        yield InputReport(source, "skipped", Errors.E107.format(error=exc))
        return
    try:
        encoding = decode_bytes(head).encoding
    except DecodeError as exc:
        yield InputReport(source, "skipped", str(exc))
        return
    with open(path, encoding=encoding, errors="replace", newline="") as text:
        too_long: list[int] = []
        lines = _capped_lines(text, options.max_bytes, too_long)
        header = next(lines, "")
        reader = csv.DictReader(_chain(header, lines), dialect=csv_dialect(header))
        with csv_field_size_limit(options.max_bytes):
            fieldnames = reader.fieldnames
        columns = [(name or "").strip().lower() for name in fieldnames or []]
        if "text" not in columns and "html" not in columns:
            yield InputReport(source, "skipped", Errors.E147.format(columns=fieldnames))
            return
        while True:
            try:
                with csv_field_size_limit(options.max_bytes):
                    row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:  # one malformed row: report it, read on
                where = f"{source}#L{reader.line_num}"
                yield InputReport(where, "skipped", Errors.E149.format(error=exc), record=True)
                continue
            yield from _long_lines(source, too_long, options)
            where = f"{source}#L{reader.line_num}"
            if None in row:  # more cells than header columns
                yield InputReport(where, "skipped", Errors.E148.format(), record=True)
                continue
            record = {(k or "").strip().lower(): v for k, v in row.items()}
            yield record_to_document(record, where, "csv", options, inside=True)
        yield from _long_lines(source, too_long, options)


def _long_lines(source: str, found: list[int], options: IngestOptions) -> Iterator[InputReport]:
    for line in found:
        reason = Errors.E143.format(limit=options.max_bytes)
        yield InputReport(f"{source}#L{line}", "skipped", reason, record=True)
    found.clear()


def _chain(first: str, rest: Iterator[str]) -> Iterator[str]:
    yield first
    yield from rest


def _capped_lines(text: TextIO, cap: int, too_long: list[int]) -> Iterator[str]:
    """The file's lines, NUL bytes dropped; a line longer than ``cap`` characters is read
    in bounded chunks, dropped (its number noted in ``too_long``) and stands as a blank
    line, so line numbers and the rows after it stay right."""
    number = 0
    while True:
        line = text.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) > cap and not line.endswith("\n"):
            while True:
                rest = text.readline(_READ_CHUNK)
                if not rest or rest.endswith("\n"):
                    break
            too_long.append(number)
            yield "\n"
            continue
        yield line.replace("\x00", "") if "\x00" in line else line
