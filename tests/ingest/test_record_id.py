"""A record's own id is kept (issue 16): read, stored, in brief.json and the API; the
article id stays derived from the content."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

from storyline.config import IngestOptions, Options
from storyline.ingest.readers import read_csv, read_json, read_jsonl
from storyline.model import RawDocument
from storyline.run.pipeline import run_brief
from storyline.store.factory import open_store

TEXT = (
    "Rescue teams reached the flooded town of Riverton on Monday after the river burst "
    "its banks. Officials said about 2,000 residents had left their homes."
)
OTHER = (
    "The city council of Lakeside approved a new budget on Tuesday after a long debate. "
    "The mayor said the money would go to schools and roads."
)


def _docs(items) -> list[RawDocument]:
    return [i for i in items if isinstance(i, RawDocument)]


def test_readers_keep_the_record_id() -> None:
    options = IngestOptions()
    lines = [{"id": "mn-185", "text": TEXT}, {"text": OTHER}]
    data = "\n".join(json.dumps(r) for r in lines).encode()
    jsonl = _docs(read_jsonl("pile.jsonl", data, options))
    assert [(d.source, d.record_id) for d in jsonl] == [
        ("pile.jsonl#L1", "mn-185"),
        ("pile.jsonl#L2", None),
    ]
    (one,) = _docs(read_json("one.json", json.dumps({"id": 42, "text": TEXT}).encode(), options))
    assert one.record_id == "42"
    listed = _docs(read_json("list.json", json.dumps(lines).encode(), options))
    assert [d.record_id for d in listed] == ["mn-185", None]
    csv_data = f'id,text\nrow-7,"{TEXT}"\n'.encode()
    (row,) = _docs(read_csv("pile.csv", csv_data, options))
    assert row.source == "pile.csv#L2" and row.record_id == "row-7"


def test_record_id_is_stored_and_in_brief_json(tmp_path: Path) -> None:
    pile = tmp_path / "pile.jsonl"
    pile.write_text(
        json.dumps({"id": "mn-185", "text": TEXT, "date": "2012-06-18"})
        + "\n"
        + json.dumps({"text": OTHER, "date": "2012-06-19"})
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    run_brief([str(pile)], out, options=replace(Options(), analysis=False))
    brief = json.loads((out / "brief.json").read_text(encoding="utf-8"))
    by_record = {a["record_id"]: a for a in brief["articles"]}
    assert set(by_record) == {"mn-185", None}
    assert by_record["mn-185"]["source"] == "pile.jsonl#L1"

    # the article id is the content's: the same text without an id gets the same article id
    bare = tmp_path / "bare.jsonl"
    bare.write_text(json.dumps({"text": TEXT, "date": "2012-06-18"}) + "\n", encoding="utf-8")
    run_brief([str(bare)], tmp_path / "bare", options=replace(Options(), analysis=False))
    (plain,) = json.loads((tmp_path / "bare" / "brief.json").read_text())["articles"]
    assert plain["id"] == by_record["mn-185"]["id"] and plain["record_id"] is None

    with open_store(str(out / "storyline.db")) as store:
        stored = {a.record_id for a in store.articles()}
    assert stored == {"mn-185", None}


def test_an_older_store_gets_the_column(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with open_store(str(db)):
        pass
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE articles DROP COLUMN record_id")
    with open_store(str(db)) as store:
        assert store.articles() == []
    with sqlite3.connect(db) as conn:
        columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    assert "record_id" in columns
