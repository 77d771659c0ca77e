from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.brief.text import count_words
from storyline.commands.summarize import run_summarize
from storyline.evaluate.summaries import evaluate, format_table


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_summarize_writes_one_cited_line_per_cluster(tmp_path, flood, junk):
    documents = [{"text": t, "title": None} for t in flood] + [{"text": junk[1]}]
    src = _write(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "c1", "documents": documents}),
            "{not json",
            json.dumps({"id": "c3", "documents": []}),
            json.dumps({"id": "c4"}),
        ],
    )
    out = tmp_path / "out.jsonl"
    done, failed = run_summarize(src, out, words=50)
    assert (done, failed) == (2, 2)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["c1", "line-2", "c3", "c4"]
    first = records[0]
    assert first["summary"] == "\n".join(s["text"] for s in first["sentences"])
    assert count_words(first["summary"]) <= 50
    for sentence in first["sentences"]:
        (cite,) = sentence["citations"]
        assert flood[cite["doc"]][cite["start"] : cite["end"]] == sentence["text"]
    assert "error" in records[1] and "error" in records[3]
    assert records[2]["sentences"] == []


def test_eval_scores_every_system(tmp_path, flood):
    pytest.importorskip("rouge_score")
    reference = (
        "About 2,000 Riverton residents fled the flooding Clear River. "
        "The governor declared an emergency and sent the National Guard."
    )
    src = _write(
        tmp_path / "in.jsonl",
        [
            json.dumps(
                {"id": "c1", "documents": [{"text": t} for t in flood], "summary": reference}
            ),
            json.dumps({"id": "c2", "documents": [{"text": flood[0]}]}),
        ],
    )
    results, skipped = evaluate(src, words=40)
    assert [r.name for r in results] == ["storyline", "lead", "lexrank", "sumbasic", "textrank"]
    assert skipped == ["c2: no reference summary"]
    for r in results:
        assert r.clusters == 1
        assert 0.0 < r.mean("rouge1") <= 100.0
    table = format_table(results, 40)
    assert "storyline" in table and "R-Lsum" in table and "s/cluster" in table


def test_dev_set_beats_the_baselines_when_available():
    from conftest import dev_data

    path = dev_data("mds-dev/neus_allsides_val30.jsonl")
    results, _ = evaluate(path, words=60)
    ours, *baselines = results
    assert ours.mean("rouge1") > max(b.mean("rouge1") for b in baselines)
    assert ours.mean("rouge2") > max(b.mean("rouge2") for b in baselines)
