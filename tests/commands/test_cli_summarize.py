from __future__ import annotations

import json

from typer.testing import CliRunner

from storyline.cli import app


def test_summarize_command(tmp_path, flood):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "x", "documents": [{"text": t} for t in flood]}) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["summarize", str(src), "-o", str(out), "--words", "30"])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "x" and record["sentences"]
    assert len(record["summary"].split()) <= 30
