"""Numbered errors: every entry well-formed, every skip reason one of them, a missing
dependency never passed off as a skip."""

import ast
import json
import re
import sys
from pathlib import Path

import pytest

import storyline
from storyline.config import IngestOptions
from storyline.errors import ErrorCode, Errors
from storyline.ingest.files import ingest_paths
from storyline.model import InputReport

SRC = Path(storyline.__file__).parent
CODED = re.compile(r"^\[E\d{3}\] \S")


def test_every_entry_has_a_unique_code_matching_its_name():
    entries = {name: value for name, value in vars(Errors).items() if not name.startswith("_")}
    assert len(entries) > 50
    for name, entry in entries.items():
        assert re.fullmatch(r"E[1-4]\d\d", name), name
        assert isinstance(entry, ErrorCode) and entry.code == name, name
        assert entry.strip() and not entry.startswith("["), name
    assert len({e.code for e in entries.values()}) == len(entries)
    assert len(set(entries.values())) == len(entries)  # no two entries say the same
    assert Errors.E103.format(size=25.0, limit=20.0) == (
        "[E103] file too large: 25.0 MiB > limit 20.0 MiB"
    )


def test_real_skips_come_out_with_their_codes(tmp_path):
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "empty.txt").write_bytes(b"")
    (pile / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with (pile / "big.txt").open("wb") as fh:
        fh.truncate(25 * 2**20)  # sparse: 25 MiB over the 20 MiB default
    (pile / "lines.jsonl").write_text('{"title": "no text"}\n{oops\n', encoding="utf-8")
    (pile / "notes.pdf").write_bytes(b"%PDF-1.4")
    brief = storyline.brief([str(pile), str(tmp_path / "missing.txt")])
    reasons = {r.source: r.reason for r in brief.reports if r.status == "skipped"}
    reasons["missing.txt"] = reasons.pop(str(tmp_path / "missing.txt"))  # labelled as given
    assert reasons == {
        "pile/big.txt": "[E103] file too large: 25.0 MiB > limit 20.0 MiB",
        "pile/binary.txt": "[E121] binary content, not text",
        "pile/empty.txt": "[E120] empty input",
        "pile/lines.jsonl#L1": "[E134] record has no text field",
        "pile/lines.jsonl#L2": "[E145] invalid JSON on line 2: Expecting property name "
        "enclosed in double quotes at column 2",
        "pile/notes.pdf": "[E112] unsupported file type '.pdf'",
        "missing.txt": "[E105] no such file or folder",
    }
    records = {r.source for r in brief.reports if r.record}
    assert records == {"pile/lines.jsonl#L1", "pile/lines.jsonl#L2"}
    manifest = brief.manifest()
    assert manifest["counts"]["inputs_skipped"] == 5
    assert manifest["counts"]["records_skipped"] == 2
    assert manifest["counts"]["inputs_read"] == 1  # the JSONL file, read with no article
    assert {i["source"]: i["reason"] for i in manifest["inputs"]}["pile/empty.txt"] == (
        "[E120] empty input"
    )
    assert set(manifest["inputs"][0]) == {"source", "status", "reason", "sha256", "documents"}


def test_records_inside_an_input_are_marked_and_a_single_record_is_the_input(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"text": "A ferry sank."}, {"x": 1}]))
    (tmp_path / "one.json").write_text(json.dumps({"x": 1}))
    (tmp_path / "rows.csv").write_text("title,text\nA,\n", encoding="utf-8")
    items = list(ingest_paths([str(tmp_path)], IngestOptions()))
    skips = {i.source.split("/", 1)[1]: i for i in items if isinstance(i, InputReport)}
    assert skips["list.json#1"].record and skips["list.json#1"].reason.startswith("[E134]")
    assert skips["rows.csv#L2"].record and skips["rows.csv#L2"].reason.startswith("[E135]")
    assert not skips["one.json"].record and skips["one.json"].reason.startswith("[E134]")
    assert all(CODED.match(r.reason) for r in skips.values() if r.status == "skipped")


def test_cleaned_to_nothing_is_coded_and_keeps_the_record_mark():
    from storyline.model import RawDocument
    from storyline.run.pipeline import clean_item

    out = clean_item(RawDocument("a.jsonl#L3", "Share this:\nFacebook", "jsonl", record=True))
    assert isinstance(out, InputReport)
    assert out.reason == "[E181] nothing left after removing boilerplate" and out.record
    # a file of zero-width spaces and a flattened video player is nothing either
    for junk in (
        "\u200b\u200b\n\u200b\ufeff",
        "JUST WATCHED x Replay More Videos ... MUST WATCH x 0:47",
    ):
        out = clean_item(RawDocument("z.txt", junk, "txt"))
        assert isinstance(out, InputReport) and out.reason.startswith("[E181]")


def _reason_args(tree: ast.AST):
    """The reason argument of every skip report built in a module."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        if name == "InputReport":
            if len(node.args) >= 3:
                yield node.args[2]
            yield from (k.value for k in node.keywords if k.arg == "reason")
        elif name in ("_skip", "skipped") and len(node.args) >= 2:
            yield node.args[1]
        elif name == "DecodeError" and node.args:
            yield node.args[0]


@pytest.mark.parametrize(
    "module",
    sorted(
        str(p.relative_to(SRC))
        for p in [*(SRC / "ingest").glob("*.py"), SRC / "run" / "pipeline.py"]
    ),
)
def test_no_free_text_skip_reason_is_left(module):
    tree = ast.parse((SRC / module).read_text(encoding="utf-8"))
    for arg in _reason_args(tree):
        free = isinstance(arg, ast.JoinedStr) or (
            isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value
        )
        assert not free, f"{module}:{arg.lineno}: skip reason without a code"


def test_a_missing_dependency_is_an_error_not_a_skip(tmp_path, monkeypatch):
    feed = tmp_path / "news.rss"
    feed.write_text("<rss version='2.0'><channel><item><title>x</title></item></channel></rss>")
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>" + "A ferry sank off Crete. " * 20 + "</p></body></html>")
    monkeypatch.setitem(sys.modules, "feedparser", None)  # import feedparser -> ImportError
    with pytest.raises(ImportError):
        list(ingest_paths([str(feed)], IngestOptions()))
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(ImportError):
        list(ingest_paths([str(page)], IngestOptions()))
