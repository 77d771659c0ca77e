"""``storyline eval storylines``: the piles, the baseline, the table."""

import json

import pytest

from conftest import dev_data
from storyline.cluster.stories import ClusterItem, StoryClusterer
from storyline.evaluate.storyline_pile import generate_pile
from storyline.evaluate.storylines import (
    evaluate_pile,
    format_rows,
    generated_pile,
    multinews_pile,
    sample_pile,
    shared_name_storylines,
)


def test_the_generated_pile_is_seeded():
    one, two = generate_pile(7), generate_pile(7)
    assert one == two
    assert [p.item for p in generate_pile(8)] != [p.item for p in one]
    labels = {p.storyline for p in one}
    assert {"harbour", "leak"} <= labels and sum(1 for x in labels if x.startswith("filler")) >= 8
    # follow-ups over weeks: each situation spans more than a month
    for label in ("harbour", "leak"):
        days = sorted(p.item.date for p in one if p.storyline == label)
        assert days[0][:7] != days[-1][:7]


def test_ours_meets_the_generated_target_and_the_baseline_does_not():
    ours, base = evaluate_pile(generated_pile(7))
    assert ours.system == "storyline" and ours.ok
    assert ours.pairs.precision == 1.0 and ours.pairs.recall == 1.0 and ours.wrong_joins == 0
    assert not base.ok and base.largest > ours.largest and base.wrong_joins > 0
    assert ours.stories == base.stories  # same stories: only storylines differ


def test_the_baseline_joins_stories_sharing_any_name():
    items = [
        ClusterItem("a", "", "The mayor met Anna Kovacs about the audit.", "2024-01-01"),
        ClusterItem("b", "", "A storm hit and Anna Kovacs closed the stalls.", "2024-03-01"),
        ClusterItem("c", "", "The rocket left after Emil Varga counted down.", "2024-05-01"),
    ]  # months apart: three stories
    clusterer = StoryClusterer()
    out = clusterer.add(items)
    assert len({a.story for a in out}) == 3
    base = shared_name_storylines(clusterer, out)
    assert base["a"] == base["b"] != base["c"]


def test_multinews_is_flattened_one_article_per_document(tmp_path):
    path = tmp_path / "mn.jsonl"
    rows = [
        {"id": "x", "documents": [{"text": "one"}, {"text": "two", "title": "T"}]},
        {"id": "y", "documents": [{"text": "three"}]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    pile = multinews_pile(path)
    assert [(it.id, it.title, it.text, it.date) for it in pile.items] == [
        ("x#0", "", "one", None),
        ("x#1", "T", "two", None),
        ("y#0", "", "three", None),
    ]
    assert pile.gold == {"x#0": "x", "x#1": "x", "y#0": "y"}


def test_the_sample_is_one_storyline_of_two_stories(sample_dir):
    pile = sample_pile(sample_dir)
    assert all(it.date is None for it in pile.items)  # as a user's folder: undated
    ours, _ = evaluate_pile(pile)
    assert (ours.stories, ours.storylines, ours.ok) == (2, 1, True)


def test_the_table_has_a_line_per_system_and_pile():
    rows = evaluate_pile(generated_pile(7))
    table = format_rows(rows).splitlines()
    assert table[0].split()[:3] == ["pile", "system", "articles"]
    assert len(table) == 2 + len(rows)
    assert "met" in table[2] and "MISSED" in table[3]


@pytest.mark.slow
def test_the_real_pile_is_mostly_one_story_per_storyline():
    ours, base = evaluate_pile(multinews_pile(dev_data("mds-dev/multinews_val250.jsonl")))
    assert ours.own >= 0.9 and ours.largest <= 5 and ours.ok
    assert base.largest > 100  # topic buckets: what the baseline (and the former code) did


def test_the_command_prints_the_three_piles(tmp_path, sample_dir):
    from typer.testing import CliRunner

    from storyline.cli import app

    path = tmp_path / "mn.jsonl"
    docs = [{"id": "x", "documents": [{"text": p.item.text} for p in generate_pile(7)[:3]]}]
    path.write_text("".join(json.dumps(r) + "\n" for r in docs), encoding="utf-8")
    args = ["eval", "storylines", str(path), "--sample", str(sample_dir), "--seed", "3"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    piles = [line.split()[0] for line in result.output.splitlines() if "  storyline  " in line]
    assert piles == ["mn.jsonl", "russia-syria", "generated"]
    assert "shared-entity baseline" in result.output
    missing = CliRunner().invoke(app, ["eval", "storylines", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2
