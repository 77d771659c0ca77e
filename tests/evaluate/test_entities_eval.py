import json

from typer.testing import CliRunner

from storyline.cli import app
from storyline.evaluate.entities import evaluate_entities, format_entity_eval


def _doc(doc_id, topic, text, mentions):
    out = []
    for i, (surface, cluster) in enumerate(mentions):
        s = text.index(surface)
        out.append(
            {
                "m_id": str(i),
                "tag": "HUMAN_PART_PER",
                "kind": "entity",
                "span": [s, s + len(surface)],
                "text": surface,
                "cluster": cluster,
                "cluster_scope": "cross_doc",
                "selected_sentence": True,
            }
        )
    # an event and an unselected mention are never scored
    out.append({**out[0], "kind": "event", "cluster": "EV"})
    out.append({**out[0], "selected_sentence": False, "cluster": "X"})
    return {"id": doc_id, "topic": topic, "subtopic": "ecb", "text": text, "mentions": out}


def _write(tmp_path):
    docs = [
        _doc(
            "t1/a",
            "1",
            "Vladimir Putin met Barack Obama in Mexico .",
            [("Vladimir Putin", "P"), ("Barack Obama", "O"), ("Mexico", "M")],
        ),
        _doc(
            "t1/b",
            "1",
            "Mr Putin told Obama that talks in Mexico went well .",
            [("Mr Putin", "P"), ("Obama", "O"), ("Mexico", "M")],
        ),
        _doc("t2/a", "2", "Putin flew home .", [("Putin", "Q")]),
    ]
    path = tmp_path / "dev.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs) + "\n", encoding="utf-8")
    return path


def test_evaluate_entities_on_a_tiny_set(tmp_path):
    result = evaluate_entities(_write(tmp_path))
    assert (result.documents, result.mentions, result.topics) == (3, 7, 2)
    # names resolve perfectly here; the topic-2 "Putin" never joins topic 1
    assert result.system.conll_f1 == 1.0
    assert result.exact_string.conll_f1 < 1.0
    table = format_entity_eval(result)
    assert "storyline" in table and "same head lemma" in table


def test_cli_eval_and_link(tmp_path):
    runner = CliRunner()
    path = _write(tmp_path)
    res = runner.invoke(app, ["eval", "entities", str(path)])
    assert res.exit_code == 0, res.output
    assert "CoNLL" in res.output
    res = runner.invoke(app, ["eval", "entities", str(tmp_path / "missing.jsonl")])
    assert res.exit_code == 2
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["link", "entities", str(path), "-o", str(out)])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["t1/a", "t1/b", "t2/a"]
