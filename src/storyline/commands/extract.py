"""Command logic for `storyline extract quotes|dates` and `storyline eval quotes|dates`.

Input lines are JSON objects ``{"id", "text", "date"?}``. A line that is not valid JSON or
lacks a text yields ``{"id", "error"}`` in the output instead of stopping the batch.
Output is sorted by input order and written with sorted keys: same input, same bytes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.jsonl import read_lines

log = logging.getLogger(__name__)


def _read_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    for line in read_lines(path):
        record = line.record
        if record is None:
            yield line.number, None, line.error
        elif not isinstance(record.get("text"), str):
            expected = f"line {line.number}: expected an object with a string 'text'"
            yield line.number, record, expected  # keep its id if any
        else:
            yield line.number, record, None


def _record_id(record: dict[str, Any] | None, number: int) -> str:
    if record is not None and record.get("id") is not None:
        return str(record["id"])
    return f"line-{number}"


def _write(lines: list[dict[str, Any]], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for item in lines:
            handle.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")


def extract_quotes_file(in_path: Path, out_path: Path) -> tuple[int, int]:
    """Quotes for every record; returns (records written, records with errors)."""
    from storyline.nlp.quotes import QuoteOptions, extract_quotes_checked

    rows = list(_read_records(in_path))
    good = [(n, r) for n, r, err in rows if err is None and r is not None]
    results = extract_quotes_checked([r["text"] for _n, r in good], QuoteOptions())
    by_line = {n: result for (n, _r), result in zip(good, results, strict=True)}
    output: list[dict[str, Any]] = []
    errors = 0
    for number, record, error in rows:
        rid = _record_id(record, number)
        if error is not None:
            errors += 1
            output.append({"id": rid, "error": error})
            continue
        quotes, failure = by_line[number]
        if failure is not None:
            errors += 1
            output.append({"id": rid, "error": failure})
            continue
        output.append({"id": rid, "quotes": [q.to_dict() for q in quotes]})
    _write(output, out_path)
    return len(output), errors


def extract_dates_file(in_path: Path, out_path: Path) -> tuple[int, int]:
    """Dates for every record, resolved against its ``date`` (the article date) if any."""
    from storyline.nlp.dates import extract_dates

    output: list[dict[str, Any]] = []
    errors = 0
    for number, record, error in _read_records(in_path):
        rid = _record_id(record, number)
        if error is not None or record is None:
            errors += 1
            output.append({"id": rid, "error": error})
            continue
        dct = record.get("date") or record.get("dct")
        found = extract_dates(record["text"], dct if isinstance(dct, str) else None)
        output.append({"id": rid, "dates": [t.to_dict() for t in found]})
    _write(output, out_path)
    return len(output), errors
