"""Command logic for ``storyline extract stance``.

Input lines are ``{"id", "claim", "body"}`` or the dev format ``{"body_id", "body",
"claims": [{"id", "claim", ...}]}`` (any gold ``stance`` is ignored). Output has one line
per claim–body pair, ``{"id", "stance", "score", "evidence": [{"start", "end"}]}``, in
input order with sorted keys; a line that cannot be read gives ``{"id", "error"}`` and the
run goes on.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from storyline.jsonl import read_lines
from storyline.link.stance import stance_many

log = logging.getLogger(__name__)

# pairs scored per model call: large enough to amortise numpy, small enough for memory
_BATCH = 2000


def _pairs_of(record: Any, number: int) -> list[tuple[str, str, str]]:
    """(id, claim, body) of each pair a line holds; raises ValueError on a bad line."""
    if not isinstance(record, dict):
        raise ValueError(f"line {number}: expected a JSON object")
    body = record.get("body")
    if not isinstance(body, str):
        raise ValueError(f"line {number}: expected a string 'body'")
    if "claims" in record:
        claims = record["claims"]
        if not isinstance(claims, list):
            raise ValueError(f"line {number}: 'claims' must be a list")
        out = []
        for j, item in enumerate(claims):
            if not isinstance(item, dict) or not isinstance(item.get("claim"), str):
                raise ValueError(f"line {number}: claim {j} needs a string 'claim'")
            out.append((str(item.get("id", f"line-{number}-{j}")), item["claim"], body))
        return out
    if not isinstance(record.get("claim"), str):
        raise ValueError(f"line {number}: expected a string 'claim' (or a 'claims' list)")
    return [(str(record.get("id", f"line-{number}")), record["claim"], body)]


def _line_id(record: Any, number: int) -> str:
    if isinstance(record, dict):
        for key in ("id", "body_id"):
            if record.get(key) is not None:
                return str(record[key])
    return f"line-{number}"


def extract_stance_file(in_path: Path, out_path: Path) -> tuple[int, int]:
    """Stance of every pair; returns (lines written, lines with errors)."""
    rows: list[dict[str, Any] | tuple[str, str, str]] = []
    for line in read_lines(in_path):  # the house reader: a bad line is reported, not fatal
        if line.record is None:
            rows.append({"id": f"line-{line.number}", "error": line.error})
            continue
        try:
            rows.extend(_pairs_of(line.record, line.number))
        except ValueError as exc:
            rows.append({"id": _line_id(line.record, line.number), "error": str(exc)})
    pairs = [r for r in rows if isinstance(r, tuple)]
    results = []
    for start in range(0, len(pairs), _BATCH):
        batch = pairs[start : start + _BATCH]
        results.extend(stance_many([(claim, body) for _id, claim, body in batch]))
    found = iter(results)
    errors = 0
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as out:
        for row in rows:
            if isinstance(row, tuple):
                item = {"id": row[0], **next(found).to_dict()}
            else:
                errors += 1
                item = row
            out.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")
    log.info("%d pair(s) scored, %d line(s) with errors", len(pairs), errors)
    return len(rows), errors
