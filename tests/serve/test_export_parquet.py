"""Exports for notebooks: the Parquet tables read back with pyarrow, row counts against
the API's own totals, every offset slicing its article's text, the CLI's files the same
tables."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storyline.cli import app

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def _table(client: TestClient, kind: str) -> Any:
    response = client.get(f"/api/export/{kind}.parquet")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/vnd.apache.parquet"
    return pq.read_table(io.BytesIO(response.content))


def _total(client: TestClient, path: str) -> int:
    return int(client.get(path, params={"limit": 1}).json()["total"])


def test_parquet_tables_match_the_api(loaded: TestClient) -> None:
    stories, articles = _table(loaded, "stories"), _table(loaded, "articles")
    quotes, claims = _table(loaded, "quotes"), _table(loaded, "claims")
    assert stories.num_rows == _total(loaded, "/api/stories") == 2
    assert articles.num_rows == _total(loaded, "/api/articles") == 2
    assert quotes.num_rows == _total(loaded, "/api/quotes") > 0
    briefs = [loaded.get(f"/api/stories/{i}").json() for i in stories.column("id").to_pylist()]
    sides = sum(len(c["sides"]) for b in briefs for c in b.get("claims", []))
    assert claims.num_rows == sides > 0
    assert stories.column("quotes").to_pylist() == [len(b.get("quotes", [])) for b in briefs]

    # typed columns, not strings for everything
    assert quotes.schema.field("start").type == pa.int64()
    # who-said-what's own fields: a notebook can leave out what the story page leaves out
    assert quotes.schema.field("unspoken").type == pa.bool_()
    api = loaded.get("/api/quotes", params={"limit": quotes.num_rows}).json()["items"]
    assert sorted((q["article"], q["span"][0], q.get("unspoken", False)) for q in api) == sorted(
        (r["article"], r["start"], r["unspoken"]) for r in quotes.to_pylist()
    )
    assert {r["speaker_kind"] for r in quotes.to_pylist()} == {q.get("speaker_kind") for q in api}
    assert claims.schema.field("score").type == pa.float64()
    assert stories.schema.field("outlets").type == pa.list_(pa.string())
    assert articles.schema.field("day").type == pa.date32()
    assert set(articles.column("outlet").to_pylist()) == {"Financial Times", "Naharnet"}
    assert stories.column("independent_outlets").to_pylist() == [1, 1]

    # every offset slices its article's text to exactly the cited string
    texts = dict(
        zip(articles.column("id").to_pylist(), articles.column("text").to_pylist(), strict=True)
    )
    for table in (quotes, claims):
        for row in table.to_pylist():
            assert texts[row["article"]][row["start"] : row["end"]] == row["text"]
    speakers = {q["speaker"] for q in quotes.to_pylist()}
    assert "Sergei Lavrov" in speakers or "Lavrov" in speakers

    # the same bytes twice: no clock in the file
    again = loaded.get("/api/export/quotes.parquet").content
    assert again == loaded.get("/api/export/quotes.parquet").content
    assert loaded.get("/api/export/entities.parquet").status_code == 404
    assert loaded.get("/api/export/quotes.csv").status_code == 404  # csv: stories|articles


def test_cli_export_writes_the_same_tables(loaded: TestClient, db_url: str, tmp_path: Path) -> None:
    if not db_url.startswith("sqlite:///"):
        pytest.skip("the CLI test reads the SQLite file")
    db = db_url.removeprefix("sqlite:///")
    runner = CliRunner()
    for fmt in ("parquet", "jsonl", "csv"):
        result = runner.invoke(app, ["export", "--db", db, "--format", fmt, str(tmp_path / fmt)])
        assert result.exit_code == 0, result.output
    for kind in ("stories", "articles", "quotes", "claims"):
        served = _table(loaded, kind)
        written = pq.read_table(tmp_path / "parquet" / f"{kind}.parquet")
        assert written.equals(served)
        lines = (tmp_path / "jsonl" / f"{kind}.jsonl").read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == [
            {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}
            for row in served.to_pylist()
        ]
        csv_lines = (tmp_path / "csv" / f"{kind}.csv").read_text(encoding="utf-8")
        assert csv_lines.startswith(",".join(served.schema.names) + "\n")
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db"), str(tmp_path)])
    assert missing.exit_code == 2 and "no store" in missing.output
    assert not (tmp_path / "none.db").exists()
    bad = runner.invoke(app, ["export", "--db", db, "--format", "xlsx", str(tmp_path)])
    assert bad.exit_code == 2
