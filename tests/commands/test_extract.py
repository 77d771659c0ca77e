import json

import pytest
from typer.testing import CliRunner

from storyline.cli import app
from storyline.commands.extract import extract_dates_file, extract_quotes_file
from storyline.evaluate.dev_files import format_table


def _write_jsonl(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_extract_dates_file_formats_and_keeps_going_on_bad_lines(tmp_path):
    src = tmp_path / "in.jsonl"
    _write_jsonl(
        src,
        [
            json.dumps({"id": "a", "text": "Talks ended on Monday.", "date": "2012-06-19"}),
            "{not json",
            json.dumps({"id": "b", "text": "Talks ended on Monday, June 18, 2012."}),
            json.dumps({"id": "c"}),
        ],
    )
    out = tmp_path / "out.jsonl"
    written, errors = extract_dates_file(src, out)
    assert (written, errors) == (4, 2)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0] == {
        "id": "a",
        "dates": [{"span": [15, 21], "text": "Monday", "type": "DATE", "value": "2012-06-18",
                   "mod": None}],
    }  # fmt: skip
    assert rows[1]["id"] == "line-2" and "invalid JSON" in rows[1]["error"]
    assert rows[2]["dates"][0]["value"] == "2012-06-18"
    assert "error" in rows[3]


@pytest.mark.slow
def test_extract_quotes_file_is_deterministic(tmp_path):
    src = tmp_path / "in.jsonl"
    text = "“We are under siege,” said one activist in Homs. Officials said talks failed."
    _write_jsonl(src, [json.dumps({"id": "x", "text": text})])
    out1, out2 = tmp_path / "o1.jsonl", tmp_path / "o2.jsonl"
    extract_quotes_file(src, out1)
    extract_quotes_file(src, out2)
    assert out1.read_bytes() == out2.read_bytes()
    row = json.loads(out1.read_text(encoding="utf-8"))
    first = row["quotes"][0]
    s, e = first["quote_span"]
    assert text[s:e] == "“We are under siege,”"
    ss, se = first["speaker_span"]
    assert text[ss:se] == first["speaker"] == "one activist in Homs"
    assert first["cue"] == "said"


def test_cli_extract_dates_runs(tmp_path):
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, [json.dumps({"id": "a", "text": "In February 1998.", "date": None})])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", "dates", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["dates"][0]["value"] == "1998-02"


def test_cli_eval_reports_missing_dev_file(tmp_path):
    result = CliRunner().invoke(app, ["eval", "dates", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 2


def test_format_table_aligns_systems():
    table = format_table([("ours", {"F1": 71.06}), ("baseline", {"F1": 32.8})])
    lines = table.splitlines()
    assert lines[0].startswith("system") and "71.1" in lines[2] and "32.8" in lines[3]


def test_extract_quotes_file_reports_bad_lines_and_failing_texts(tmp_path, monkeypatch):
    import storyline.nlp.quotes as quotes_module

    real = quotes_module.quotes_from_doc

    def flaky(doc, options=None):
        if "BOOM" in doc.text:
            raise ValueError("parser hiccup")
        return real(doc, options)

    monkeypatch.setattr(quotes_module, "quotes_from_doc", flaky)
    src = tmp_path / "in.jsonl"
    _write_jsonl(
        src,
        [
            json.dumps({"id": "ok", "text": "Officials said the talks had failed."}),
            json.dumps({"id": "bad", "text": 42}),
            json.dumps({"id": "boom", "text": "BOOM said the officials."}),
        ],
    )
    out = tmp_path / "out.jsonl"
    written, errors = extract_quotes_file(src, out)
    assert (written, errors) == (3, 2)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows[0]["id"] == "ok" and rows[0]["quotes"][0]["cue"] == "said"
    assert rows[1] == {"id": "bad", "error": "line 2: expected an object with a string 'text'"}
    assert rows[2]["id"] == "boom" and "parser hiccup" in rows[2]["error"]
