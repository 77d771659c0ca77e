import csv
import json
from pathlib import Path

from storyline.config import IngestOptions
from storyline.ingest.decode import DecodeError, decode_bytes
from storyline.ingest.files import ingest_paths
from storyline.ingest.readers import read_csv
from storyline.model import InputReport, RawDocument

BODY = (
    "Russia has announced it is readying two warships to sail to Syria to protect Russian "
    "citizens. A spokesman said the mission would be undertaken in case of necessity. "
)
HTML = f"""<html><head><title>Warships readied - Example Times</title>
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2012-06-19T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Warships readied</h1>
<p>{BODY}</p><p>{BODY.replace("Russia", "Moscow")}</p><p>The fleet is based in Sevastopol.</p></article>
<footer>Copyright Example Times</footer></body></html>"""


def run(paths, options=None, stdin=None):
    items = list(ingest_paths([str(p) for p in paths], options or IngestOptions(), stdin=stdin))
    docs = [i for i in items if isinstance(i, RawDocument)]
    reports = [i for i in items if isinstance(i, InputReport)]
    return docs, reports


def skipped(reports):
    return {Path(r.source.split("#")[0]).name: r.reason for r in reports if r.status == "skipped"}


def test_txt_html_json_jsonl_csv(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"text": BODY, "title": "T", "outlet": "AFP"}))
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"text": BODY, "date": "2012-03-19", "source": "Naharnet"})
        + "\n"
        + json.dumps({"text": BODY + " Two.", "url": "https://x.example/2"})
        + "\n"
    )
    (tmp_path / "e.csv").write_text(f'title,text,url\nHeadline,"{BODY}",https://e.example/1\n')
    docs, reports = run([tmp_path])
    by_fmt = {}
    for doc in docs:
        by_fmt.setdefault(doc.fmt, []).append(doc)
    assert sorted(by_fmt) == ["csv", "html", "json", "jsonl", "txt"]
    html = by_fmt["html"][0]
    assert "warships" in html.text and "Home | World" not in html.text
    assert html.title == "Warships readied" and html.date == "2012-06-19"
    assert html.outlet == "Example Times" and html.extractor == "trafilatura"
    assert by_fmt["json"][0].outlet == "AFP"
    assert [d.outlet for d in by_fmt["jsonl"]] == ["Naharnet", None]
    assert by_fmt["jsonl"][0].date == "2012-03-19"
    assert by_fmt["csv"][0].url == "https://e.example/1"
    assert all(r.status == "read" for r in reports)
    assert all(len(r.digest) == 64 for r in reports)


def test_bad_inputs_each_get_a_specific_reason_and_the_rest_is_read(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 2**20)  # sparse 50 MB file
    (tmp_path / "latin1.txt").write_bytes("Café crème in Genève coûte très cher.".encode("cp1252"))
    (tmp_path / "truncated.html").write_text("<html><body><p>Russia has announ")
    (tmp_path / "cut.html").write_text(HTML[: HTML.index("Sevastopol")])
    (tmp_path / "mixed.jsonl").write_text(
        json.dumps({"text": BODY}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n"
    )
    (tmp_path / "good.txt").write_text(BODY)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    docs, reports = run([tmp_path, tmp_path / "missing.txt"])
    reasons = skipped(reports)
    assert reasons["empty.txt"] == "[E120] empty input"
    assert reasons["binary.txt"] == "[E121] binary content, not text"
    assert reasons["big.txt"] == "[E103] file too large: 50.0 MiB > limit 20.0 MiB"
    assert (
        reasons["truncated.html"]
        == "[E131] no main text found in the HTML (15 letters; page is truncated)"
    )
    assert reasons["notes.pdf"] == "[E112] unsupported file type '.pdf'"
    assert reasons["missing.txt"] == "[E105] no such file or folder"
    jsonl = [r for r in reports if r.source.startswith(f"{tmp_path.name}/mixed.jsonl#")]
    assert [(r.source.rsplit("#", 1)[1], r.reason.split(":")[0]) for r in jsonl] == [
        ("L2", "[E145] invalid JSON on line 2"),
        ("L3", "[E134] record has no text field"),
    ]
    sources = sorted(Path(d.source.split("#")[0]).name for d in docs)
    assert sources == ["cut.html", "good.txt", "latin1.txt", "mixed.jsonl"]
    cut = next(r for r in reports if r.source.endswith("cut.html"))
    assert cut.status == "read" and "truncated" in cut.reason
    latin = next(d for d in docs if d.source.endswith("latin1.txt"))
    assert "Café crème in Genève" in latin.text


def test_decode_bytes_reasons():
    assert decode_bytes("naïve".encode("utf-8-sig")).text == "naïve"
    assert decode_bytes("naïve text".encode("utf-16")).text == "naïve text"
    for data, reason in [
        (b"   \n", "[E120] empty input"),
        (b"\x00\x01\x02abc", "[E121] binary content, not text"),
    ]:
        try:
            decode_bytes(data)
        except DecodeError as exc:
            assert str(exc) == reason
        else:
            raise AssertionError("no error")


def test_stdin_is_sniffed(tmp_path):
    docs, reports = run(["-"], stdin=HTML.encode())
    assert docs[0].fmt == "html" and reports[-1].source == "-"
    docs, _ = run(["-"], stdin=(json.dumps({"text": BODY}) + "\n").encode())
    assert docs[0].fmt == "jsonl"
    docs, _ = run(["-"], stdin=BODY.encode())
    assert docs[0].fmt == "txt"


def test_size_limit_is_an_option(tmp_path):
    (tmp_path / "a.txt").write_text(BODY)
    docs, reports = run([tmp_path], IngestOptions(max_bytes=10))
    assert not docs and reports[0].reason.startswith("[E103] file too large")


def test_legacy_encodings(tmp_path):
    french = "Le président a déclaré lundi que les négociations étaient terminées."
    assert decode_bytes(french.encode("cp1252")).text == french
    page = f'<html><head><meta charset="shift_jis"></head><body><p>{"日本語のニュース記事です。" * 5}</p></body></html>'
    assert "日本語のニュース" in decode_bytes(page.encode("shift_jis"), "shift_jis").text
    (tmp_path / "sjis.html").write_bytes(page.encode("shift_jis"))
    docs, _ = run([tmp_path])
    assert "日本語のニュース記事です" in docs[0].text


def test_deeply_nested_json_is_skipped_not_a_crash(tmp_path):
    (tmp_path / "deep.json").write_text('{"text": ' + "[" * 5000 + "]" * 5000 + "}")
    (tmp_path / "deep.jsonl").write_text(
        '{"text": ' + "[" * 5000 + "]" * 5000 + "}\n" + json.dumps({"text": BODY}) + "\n"
    )
    docs, reports = run([tmp_path])
    assert len(docs) == 1  # the good line after the bad one
    reasons = [r.reason for r in reports if r.status == "skipped"]
    assert "[E141] invalid JSON: nested too deeply" in reasons
    assert "[E146] invalid JSON on line 1: nested too deeply" in reasons


def test_non_string_fields_are_not_stringified(tmp_path):
    record = {"text": BODY, "title": 123, "date": {"y": 2020}, "url": ["a"]}
    (tmp_path / "r.json").write_text(json.dumps(record))
    (doc,), _ = run([tmp_path])
    assert (doc.title, doc.date, doc.url) == ("123", None, None)


def test_nothing_under_a_folder_is_dropped_silently(tmp_path):
    import os

    (tmp_path / "good.txt").write_text(BODY)
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "a.txt").write_text(BODY)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere")
    os.mkfifo(tmp_path / "pipe.txt")
    docs, reports = run([tmp_path])
    assert [Path(d.source).name for d in docs] == ["good.txt"]
    assert skipped(reports) == {
        ".hidden.txt": "[E108] hidden file or folder",
        ".git": "[E108] hidden file or folder",
        "dangling.txt": "[E109] broken symbolic link",
        "pipe.txt": "[E110] not a regular file (pipe, socket or device)",
    }


def test_dates_are_normalised_without_the_clock():
    from storyline.ingest.readers import normalize_date

    assert normalize_date("2012-03-06") == "2012-03-06"
    assert normalize_date("Mon, 05 Mar 2012 10:00:00 GMT") == "2012-03-05T10:00:00+00:00"
    assert normalize_date("March 5, 2012") == "2012-03-05"
    assert normalize_date("2020") == "2020"
    assert normalize_date("yesterday") is None and normalize_date("garbage") is None


def test_the_earlier_copy_is_the_original_whatever_the_date_format(tmp_path):
    from storyline.run.pipeline import run_brief

    text = BODY * 3
    (tmp_path / "pile.jsonl").write_text(
        json.dumps({"text": text, "date": "2012-03-06", "outlet": "Reposter"})
        + "\n"
        + json.dumps({"text": text, "date": "Mon, 05 Mar 2012 10:00:00 GMT", "outlet": "Naharnet"})
        + "\n"
    )
    result = run_brief([str(tmp_path / "pile.jsonl")], tmp_path / "out")
    by_outlet = {a.outlet: a for a in result.articles}
    assert by_outlet["Reposter"].duplicate_of == by_outlet["Naharnet"].id
    assert by_outlet["Naharnet"].duplicate_of is None


def test_csv_dialects_and_header_case(tmp_path):
    (tmp_path / "semi.csv").write_text(f"Title;TEXT;Date\nHeadline;{BODY};2012-03-19\n")
    (tmp_path / "tabs.csv").write_text(f"text\tsource\n{BODY}\tAFP\n")
    docs, reports = run([tmp_path])
    by_name = {Path(d.source.split("#")[0]).name: d for d in docs}
    assert by_name["semi.csv"].title == "Headline" and by_name["semi.csv"].date == "2012-03-19"
    assert by_name["tabs.csv"].outlet == "AFP"


def test_huge_csv_field_is_read_without_raising_the_limit_for_other_code():
    default_limit = csv.field_size_limit()
    huge = BODY * (2 * default_limit // len(BODY))  # over the csv module's default limit
    data = f'title,text\nFirst,"{BODY}"\nHuge,"{huge}"\n'.encode()
    items = read_csv("big.csv", data, IngestOptions(max_bytes=10 * len(data)))
    first = next(items)
    # suspended mid-file: code running between rows still sees the default limit
    assert csv.field_size_limit() == default_limit
    rest = list(items)
    assert isinstance(first, RawDocument) and first.title == "First"
    assert [d.title for d in rest] == ["Huge"] and len(rest[0].text) > default_limit
    assert csv.field_size_limit() == default_limit


def test_csv_field_over_the_limit_is_reported_after_the_rows_before_it():
    default_limit = csv.field_size_limit()
    huge = "x" * (default_limit + 1)
    data = f'title,text\nFirst,"{BODY}"\nHuge,"{huge}"\n'.encode()
    items = list(read_csv("big.csv", data, IngestOptions(max_bytes=1_000)))
    assert isinstance(items[0], RawDocument) and items[0].title == "First"
    assert len(items) == 2 and isinstance(items[1], InputReport)
    assert items[1].source.startswith("big.csv#L") and items[1].record
    assert items[1].reason.startswith("[E149] malformed CSV: field larger than")
    assert csv.field_size_limit() == default_limit


def test_a_record_over_its_read_budget_is_skipped_and_the_rest_read(tmp_path):
    from storyline.ingest.files import ingest_paths

    rows = "".join(f"<tr><td>cell {i}</td><td>value {i}</td></tr>" for i in range(60_000))
    (tmp_path / "a-table.html").write_text(f"<html><body><table>{rows}</table></body></html>")
    (tmp_path / "b-news.txt").write_text("The council approved the harbour budget on Monday.")
    items = list(ingest_paths([str(tmp_path)], IngestOptions(record_seconds=0.05)))
    reports = {Path(r.source).name: r for r in items if isinstance(r, InputReport)}
    assert reports["a-table.html"].status == "skipped"
    assert reports["a-table.html"].reason == (
        "[E202] reading over its time budget of 0.05 s on this record; record skipped"
    )
    docs = [d for d in items if isinstance(d, RawDocument)]
    assert [Path(d.source).name for d in docs] == ["b-news.txt"]


def test_cleaning_over_its_budget_skips_the_record_with_a_reason():
    from storyline.run.pipeline import clean_item

    text = "\n".join(f"Line {i} of a very long list page, with words." for i in range(200_000))
    item = RawDocument(source="list.txt", text=text, fmt="txt")
    out = clean_item(item, seconds=0.05)
    assert isinstance(out, InputReport) and out.status == "skipped"
    assert out.reason.startswith("[E202] cleaning over its time budget of 0.05 s")
    assert isinstance(clean_item(RawDocument("ok.txt", "A short news line.", "txt")), object)


def test_utf16_without_a_byte_order_mark_is_read():
    text = "Le conseil a voté le budget du port lundi. Ferry timetable approved.\n" * 20
    for codec in ("utf-16-le", "utf-16-be"):
        decoded = decode_bytes(text.encode(codec))
        assert decoded.text == text and decoded.encoding == codec


def test_utf8_with_one_bad_byte_stays_utf8_with_a_note(tmp_path):
    # it used to come out as Shift-JIS: "franﾃｧais"
    data = "Le texte en français, avec des accents: élève, été, où.".encode() + b"\xff end."
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert "français" in decoded.text and "élève" in decoded.text
    assert decoded.note.startswith("1 invalid UTF-8 byte")
    (tmp_path / "a.txt").write_bytes(data)
    items = list(ingest_paths([str(tmp_path / "a.txt")], IngestOptions()))
    report = next(r for r in items if isinstance(r, InputReport))
    assert report.status == "read" and "invalid UTF-8" in report.reason


def test_real_binary_and_cp1252_are_still_told_apart():
    import pytest

    assert decode_bytes("Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".encode("cp1252")).text == (
        "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e"
    )
    with pytest.raises(DecodeError):
        decode_bytes(bytes(range(256)) * 40)


def test_a_stray_nul_byte_does_not_reject_a_csv(tmp_path):
    rows = "".join(f'r{i},"Harbour council story number {i} about the ferry."\n' for i in range(50))
    data = ("id,text\n" + rows).encode().replace(b"number 7 ", b"number 7\x00 ")
    (tmp_path / "pile.csv").write_bytes(data)
    items = list(ingest_paths([str(tmp_path / "pile.csv")], IngestOptions()))
    docs = [d for d in items if isinstance(d, RawDocument)]
    assert len(docs) == 50
    assert any("number 7 about" in d.text for d in docs)
    assert decode_bytes(data).note == "1 NUL byte(s) dropped"


def test_a_csv_with_one_giant_cell_keeps_its_good_rows(tmp_path):
    # it was read whole and refused as too large: every good row was lost with it
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("id,text\n")
        fh.write('a,"The council approved the harbour budget on Monday."\n')
        fh.write('b,"' + "x" * 3_000_000 + '"\n')
        fh.write('c,"Ferry timetables change next week, officials said."\n')
    items = list(ingest_paths([str(path)], IngestOptions(max_bytes=1_000_000)))
    docs = [d for d in items if isinstance(d, RawDocument)]
    assert [d.text for d in docs] == [
        "The council approved the harbour budget on Monday.",
        "Ferry timetables change next week, officials said.",
    ]
    assert [d.source.rsplit("#", 1)[1] for d in docs] == ["L2", "L4"]
    skipped = [r for r in items if isinstance(r, InputReport) and r.status == "skipped"]
    assert len(skipped) == 1 and skipped[0].source.endswith("#L3") and skipped[0].record
    assert skipped[0].reason.startswith("[E143]")
    report = next(r for r in items if isinstance(r, InputReport) and not r.record)
    assert report.status == "read" and report.documents == 2
