from __future__ import annotations

import json
from pathlib import Path

from storyline.config import IngestOptions
from storyline.ingest.jsonl_stream import read_jsonl_stream
from storyline.model import InputReport, RawDocument


def test_good_lines_read_and_each_bad_line_skipped_with_line_number(tmp_path: Path) -> None:
    path = tmp_path / "pile.jsonl"
    lines = [
        json.dumps({"text": "First story.", "title": "One", "source": "AP", "date": "2020-01-01"}),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": "Second.", "url": "https://x.example/2", "outlet": "X", "date": 2020}),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"text": "bad \xff byte"}\n')
    items = list(read_jsonl_stream(path, IngestOptions()))
    docs = [x for x in items if isinstance(x, RawDocument)]
    reports = [x for x in items if isinstance(x, InputReport)]
    assert [(d.source, d.text, d.outlet, d.date) for d in docs] == [
        (f"{path}#L1", "First story.", "AP", "2020-01-01"),
        (f"{path}#L6", "Second.", "X", "2020"),
    ]
    assert docs[1].url == "https://x.example/2" and docs[0].title == "One"
    assert [r.source for r in reports] == [f"{path}#L2", f"{path}#L3", f"{path}#L4", f"{path}#L7"]
    assert all(r.status == "skipped" and r.reason for r in reports)
    assert reports[0].reason.startswith("[E145] invalid JSON on line 2")
    assert all(r.record for r in reports) and all(d.record for d in docs)
    assert reports[3].reason.startswith("[E144] line 7 is not valid UTF-8")


def test_over_long_line_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    long_line = json.dumps({"text": "word " * 5_000})
    path.write_text(long_line + "\n" + json.dumps({"text": "after"}) + "\n", encoding="utf-8")
    items = list(read_jsonl_stream(path, IngestOptions(max_bytes=1_000)))
    assert isinstance(items[0], InputReport)
    assert items[0].reason == "[E143] line longer than max_bytes=1000"
    assert isinstance(items[1], RawDocument) and items[1].text == "after"
    assert items[1].source == f"{path}#L2"


def test_missing_file_is_one_skipped_report(tmp_path: Path) -> None:
    (report,) = read_jsonl_stream(tmp_path / "nope.jsonl", IngestOptions())
    assert report.status == "skipped"


def test_partitions_cover_the_file_and_read_the_same_records(tmp_path: Path) -> None:
    from storyline.ingest.jsonl_stream import jsonl_partitions, read_jsonl_partition

    path = tmp_path / "pile.jsonl"
    lines = [json.dumps({"text": f"story number {i} " * (i % 7 + 1)}) for i in range(200)]
    lines[57] = "{broken"
    lines[120] = json.dumps({"text": "x" * 3_000})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    options = IngestOptions(max_bytes=2_000)
    whole = list(read_jsonl_stream(path, options))
    parts = jsonl_partitions(path, 500, options)
    assert len(parts) > 5
    assert parts[0].start == 0 and parts[-1].end == path.stat().st_size
    assert all(a.end == b.start for a, b in zip(parts, parts[1:], strict=False))
    pieces = [item for part in parts for item in read_jsonl_partition(part, options)]
    assert pieces == whole
    assert f"{path}#L58" in {x.source for x in whole if isinstance(x, InputReport)}
