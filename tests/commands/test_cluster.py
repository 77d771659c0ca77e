import json

from typer.testing import CliRunner

from news_fixtures import BOILER_BOTTOM, ELECTION, QUAKE_A, QUAKE_B, WIRE
from storyline.cli import app


def _write(path, items, extra=()):
    with path.open("w", encoding="utf-8") as fh:
        for it in items:
            rec = {"id": it.id, "title": it.title, "text": it.text, "date": it.date}
            fh.write(json.dumps(rec) + "\n")
        for line in extra:
            fh.write(line + "\n")


def test_cluster_command_writes_stories_storylines_and_duplicates(tmp_path):
    src = tmp_path / "in.jsonl"
    reposts = [
        json.dumps({"id": "w-1", "title": "Malaria vaccine", "text": WIRE, "date": "2021-10-06"}),
        json.dumps({"id": "w-2", "title": "", "text": WIRE + BOILER_BOTTOM, "date": "2021-10-08"}),
        "{not json",
        json.dumps({"id": "empty", "title": "", "text": ""}),
    ]
    _write(src, QUAKE_A + QUAKE_B, reposts)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["cluster", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    by_id = {r["id"]: r for r in rows}
    assert sorted(by_id) == sorted(["qa-1", "qa-2", "qa-3", "qb-1", "qb-2", "qb-3", "w-1", "w-2"])
    assert [r["id"] for r in rows] == sorted(by_id)
    assert set(rows[0]) == {"id", "story", "storyline", "duplicate_of"}
    assert by_id["w-2"]["duplicate_of"] == "w-1"
    assert by_id["w-2"]["story"] == by_id["w-1"]["story"]
    assert by_id["qa-1"]["duplicate_of"] is None
    assert by_id["qa-1"]["story"] == by_id["qa-3"]["story"] != by_id["qb-1"]["story"]
    assert "skipped line" in result.output  # reported, not fatal
    # byte-identical on a second run
    out2 = tmp_path / "out2.jsonl"
    CliRunner().invoke(app, ["cluster", str(src), "-o", str(out2)])
    assert out.read_bytes() == out2.read_bytes()


def test_cluster_command_state_keeps_story_ids_across_runs(tmp_path):
    state = tmp_path / "state.json"
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _write(first, QUAKE_A[:2] + QUAKE_B[:2])
    _write(second, [QUAKE_A[2], QUAKE_B[2]] + ELECTION)
    runner = CliRunner()
    for src, out in ((first, "a.out"), (second, "b.out")):
        res = runner.invoke(app, ["cluster", str(src), "-o", str(tmp_path / out), "--state",
                                  str(state)])  # fmt: skip
        assert res.exit_code == 0, res.output
    a = {
        r["id"]: r["story"] for r in map(json.loads, (tmp_path / "a.out").read_text().splitlines())
    }
    b = {
        r["id"]: r["story"] for r in map(json.loads, (tmp_path / "b.out").read_text().splitlines())
    }
    assert b["qa-3"] == a["qa-1"] and b["qb-3"] == a["qb-1"]


def test_eval_cluster_prints_both_systems(tmp_path):
    src = tmp_path / "gold.jsonl"
    with src.open("w") as fh:
        for it in QUAKE_A + QUAKE_B:
            gold = "A" if it.id.startswith("qa") else "B"
            rec = {"id": it.id, "title": it.title, "text": it.text, "date": it.date}
            fh.write(json.dumps(rec | {"cluster": gold}) + "\n")
    result = CliRunner().invoke(app, ["eval", "cluster", str(src)])
    assert result.exit_code == 0, result.output
    assert "storyline" in result.output and "tfidf-single-pass" in result.output
    ours = next(line for line in result.output.splitlines() if line.startswith("storyline "))
    assert float(ours.split()[3]) == 1.0  # B3-F1 column


def test_eval_cluster_sweep_prints_each_pile_size(tmp_path):
    src = tmp_path / "gold.jsonl"
    with src.open("w") as fh:
        for it in QUAKE_A + QUAKE_B:
            gold = "A" if it.id.startswith("qa") else "B"
            rec = {"id": it.id, "title": it.title, "text": it.text, "date": it.date}
            fh.write(json.dumps(rec | {"cluster": gold}) + "\n")
    result = CliRunner().invoke(app, ["eval", "cluster", "--sweep", str(src)])
    assert result.exit_code == 0, result.output
    sweep = result.output.split("size sweep")[1].splitlines()[2:]
    assert [line.split()[:2] for line in sweep if line.strip()] == [["6", "2"]]
