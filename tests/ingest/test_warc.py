"""WARC reader: fixtures are written with warcio at test time, then damaged on purpose."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from storyline.config import IngestOptions
from storyline.ingest.warc import read_warc
from storyline.model import InputReport, RawDocument

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

DATES = ["2020-03-02", "2020-03-03", "2020-03-04"]


def page(i: int) -> bytes:
    paragraphs = "".join(
        f"<p>Paragraph {j} of report {i}: the harbour council debated the new ferry timetable "
        f"and the budget for the pier repairs at length on Monday evening.</p>"
        for j in range(5)
    )
    return (
        f"<html><head><title>Harbour report {i}</title>"
        f'<meta property="article:published_time" content="{DATES[i]}"></head>'
        f"<body><nav>Home | News | Sport</nav><article><h1>Harbour report {i}</h1>"
        f"{paragraphs}</article><footer>Copyright Gazette</footer></body></html>"
    ).encode()


def build_warc(gzip: bool) -> tuple[bytes, list[int]]:
    """Three HTML responses, a request record, a 404 and a text resource; record offsets."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    offsets = []

    def write(record) -> None:
        offsets.append(buffer.tell())
        writer.write_record(record)

    for i in range(3):
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        write(
            writer.create_warc_record(
                f"https://www.gazette.example/news/{i}",
                "response",
                payload=io.BytesIO(page(i)),
                http_headers=headers,
            )
        )
    write(
        writer.create_warc_record(
            "https://www.gazette.example/news/0",
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders("GET /news/0 HTTP/1.1", [], is_http_request=True),
        )
    )
    missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], "HTTP/1.1")
    write(
        writer.create_warc_record(
            "https://www.gazette.example/gone",
            "response",
            payload=io.BytesIO(b"<html><body>not here</body></html>"),
            http_headers=missing,
        )
    )
    write(
        writer.create_warc_record(
            "urn:text:wire-1",
            "resource",
            payload=io.BytesIO(b"Wire copy: ferry timetable approved by the council."),
            warc_content_type="text/plain; charset=utf-8",
        )
    )
    return buffer.getvalue(), offsets


def read_all(path: Path) -> tuple[list[RawDocument], list[InputReport]]:
    items = list(read_warc(path, IngestOptions()))
    docs = [x for x in items if isinstance(x, RawDocument)]
    reports = [x for x in items if isinstance(x, InputReport)]
    assert len(docs) + len(reports) == len(items)
    return docs, reports


@pytest.mark.parametrize("gzip", [False, True])
def test_reads_html_responses_and_text_resources(tmp_path: Path, gzip: bool) -> None:
    data, offsets = build_warc(gzip)
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    path.write_bytes(data)
    docs, reports = read_all(path)
    assert [d.title for d in docs] == [
        "Harbour report 0",
        "Harbour report 1",
        "Harbour report 2",
        None,
    ]
    first = docs[0]
    assert first.fmt == "warc"
    assert first.url == "https://www.gazette.example/news/0"
    assert first.outlet == "gazette.example"
    assert first.date == "2020-03-02"
    assert "ferry timetable" in first.text
    assert "Home | News" not in first.text  # boilerplate removed by trafilatura
    assert first.source == f"{path}#{offsets[0]}"
    assert docs[3].text == "Wire copy: ferry timetable approved by the council."
    # the 404 is reported, the request record is not an article and is passed over
    assert [(r.source, r.reason) for r in reports] == [(f"{path}#{offsets[4]}", "HTTP status 404")]


def test_corrupt_record_is_skipped_with_reason_and_rest_processed(tmp_path: Path) -> None:
    data, offsets = build_warc(gzip=False)
    damaged = bytearray(data)
    at = data.index(b"Paragraph 2 of report 1")
    damaged[at : at + 9] = b"XXXXXXXXX"  # same length: only the payload digest can tell
    path = tmp_path / "damaged.warc"
    path.write_bytes(bytes(damaged))
    docs, reports = read_all(path)
    assert [d.title for d in docs] == ["Harbour report 0", "Harbour report 2", None]
    skipped = {r.source: r.reason for r in reports if r.status == "skipped"}
    assert "digest mismatch" in skipped[f"{path}#{offsets[1]}"]


def test_truncated_record_and_broken_framing_are_skipped(tmp_path: Path) -> None:
    data, offsets = build_warc(gzip=False)
    # cut 150 bytes out of record 1: its Content-Length now swallows the next header
    cut = data[: offsets[1] + 400] + data[offsets[1] + 550 :]
    path = tmp_path / "cut.warc"
    path.write_bytes(cut)
    docs, reports = read_all(path)
    titles = [d.title for d in docs]
    assert titles[0] == "Harbour report 0"
    assert "Harbour report 1" not in titles
    assert titles[-1] is None and docs[-1].text.startswith("Wire copy")  # the rest is read
    assert any(r.source == f"{path}#{offsets[1]}" and r.reason for r in reports)

    # a file that ends in the middle of a record
    path = tmp_path / "short.warc"
    path.write_bytes(data[: offsets[2] + 700])
    docs, reports = read_all(path)
    assert [d.title for d in docs] == ["Harbour report 0", "Harbour report 1"]
    assert [r.source for r in reports] == [f"{path}#{offsets[2]}"]
    assert reports[0].reason.startswith("truncated record")


def test_damaged_gzip_member_is_skipped_and_the_next_member_read(tmp_path: Path) -> None:
    data, offsets = build_warc(gzip=True)
    damaged = bytearray(data)
    damaged[offsets[1] + 40 : offsets[1] + 60] = b"\x00" * 20
    path = tmp_path / "damaged.warc.gz"
    path.write_bytes(bytes(damaged))
    docs, reports = read_all(path)
    assert [d.title for d in docs] == ["Harbour report 0", "Harbour report 2", None]
    damaged_reports = [r for r in reports if r.source == f"{path}#{offsets[1]}"]
    assert len(damaged_reports) == 1
    assert "damaged WARC data" in damaged_reports[0].reason


def test_huge_page_is_truncated_before_extraction_with_a_note(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    body = page(0).replace(b"</body>", b"<div>" + b"padding words " * 20_000 + b"</div></body>")
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://gazette.example/big",
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
        )
    )
    path = tmp_path / "big.warc"
    path.write_bytes(buffer.getvalue())
    options = IngestOptions(html_max_chars=50_000)
    docs = [x for x in read_warc(path, options) if isinstance(x, RawDocument)]
    assert len(docs) == 1
    assert "truncated to 50000 chars" in docs[0].extractor
    assert "ferry timetable" in docs[0].text


def test_unreadable_file_yields_one_skipped_report(tmp_path: Path) -> None:
    items = list(read_warc(tmp_path / "missing.warc", IngestOptions()))
    assert len(items) == 1 and isinstance(items[0], InputReport)
    assert items[0].status == "skipped" and "cannot read file" in items[0].reason

    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"this is not a WARC file at all\n" * 10)
    items = list(read_warc(garbage, IngestOptions()))
    assert items and all(isinstance(x, InputReport) and x.status == "skipped" for x in items)


def test_extraction_can_run_in_an_executor_with_the_same_result(tmp_path: Path) -> None:
    from functools import partial

    from storyline.ingest.warc import WarcPayload, payload_to_document, read_warc_payloads
    from storyline.run.executor import LocalExecutor

    data, _ = build_warc(gzip=True)
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    options = IngestOptions()
    items = list(read_warc_payloads(path, options))
    payloads = [x for x in items if isinstance(x, WarcPayload)]
    assert len(payloads) == 4
    with LocalExecutor(workers=2) as executor:
        docs = list(executor.map(partial(payload_to_document, options=options), payloads, 2))
    expected = [x for x in read_warc(path, options) if isinstance(x, RawDocument)]
    assert docs == expected


@pytest.mark.parametrize("gzip", [False, True])
def test_a_compression_bomb_is_cut_at_the_record_cap(tmp_path: Path, gzip: bool) -> None:
    # 40 KB on disk that expands to 64 MB: it used to be decompressed whole into memory
    import zlib

    bomb = zlib.compressobj(9, zlib.DEFLATED, 31)
    body = bomb.compress(b"<html><body><p>" + b"a" * (64 << 20)) + bomb.flush()
    assert len(body) < 100_000
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    headers = StatusAndHeaders(
        "200 OK",
        [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
        protocol="HTTP/1.1",
    )
    writer.write_record(
        writer.create_warc_record(
            "https://gazette.example/bomb",
            "response",
            payload=io.BytesIO(body),
            http_headers=headers,
        )
    )
    for record in build_warc(False)[0], b"":
        buffer.write(record if not gzip else b"")
    path = tmp_path / ("bomb.warc.gz" if gzip else "bomb.warc")
    path.write_bytes(buffer.getvalue())
    items = list(read_warc(path, IngestOptions(max_bytes=1 << 20)))
    bombs = [x for x in items if isinstance(x, InputReport) and x.source.endswith("#0")]
    assert len(bombs) == 1
    assert bombs[0].reason.startswith("[E102] compressed record expands past the record cap")
    if not gzip:  # the records after it are still read
        assert len([x for x in items if isinstance(x, RawDocument)]) == 4
