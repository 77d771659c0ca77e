"""The analyst's layer on the sample pile, end to end through the pipeline."""

import pytest

from helpers import load_brief
from storyline.nlp.spacy_model import pipeline_available
from storyline.run.pipeline import run_brief

pytestmark = pytest.mark.skipif(not pipeline_available(), reason="spaCy model not installed")


@pytest.fixture(scope="module")
def brief(tmp_path_factory, sample_dir_module):
    out = tmp_path_factory.mktemp("layer")
    run_brief([str(sample_dir_module)], out)
    return load_brief(out)


@pytest.fixture(scope="module")
def sample_dir_module():
    from conftest import SAMPLES

    return SAMPLES


def test_two_stories_one_storyline(brief):
    assert len(brief["stories"]) == 2
    assert len({s["storyline"] for s in brief["stories"]}) == 1
    assert all(s["storyline"] for s in brief["stories"])


def test_every_layer_offset_slices_the_text(brief):
    texts = {a["id"]: a["text"] for a in brief["articles"]}
    for story in brief["stories"]:
        for e in story["entities"]:
            for m in e["mentions"]:
                assert texts[m["article"]][m["start"] : m["end"]].strip()
        for q in story["quotes"]:
            assert texts[q["article"]][q["start"] : q["end"]] == q["text"]
            if q["speaker_start"] is not None:
                assert texts[q["article"]][q["speaker_start"] : q["speaker_end"]] == q["speaker"]
        for f in story["facts"]:
            assert texts[f["article"]][f["start"] : f["end"]] == f["text"]
        for t in story["timeline"]:
            assert texts[t["article"]][t["start"] : t["end"]] == t["text"]
        for c in story["claims"]:
            for side in c["sides"]:
                assert texts[side["article"]][side["start"] : side["end"]] == side["text"]


def test_entities_resolved_across_both_articles(brief):
    entities = {}
    for story in brief["stories"]:
        for e in story["entities"]:
            entities.setdefault(e["id"], e)
    by_name = {e["name"]: e for e in entities.values()}
    lavrov = by_name["Sergei Lavrov"]
    assert "Lavrov" in lavrov["aliases"] and lavrov.get("role") == "foreign minister"
    assert len({m["article"] for m in lavrov["mentions"]}) == 2
    tartus = next(
        e for e in entities.values() if {"Tartus", "Tartous"} <= {e["name"], *e["aliases"]}
    )
    assert len({m["article"] for m in tartus["mentions"]}) == 2
    assert "Assad" in by_name["Bashar al-Assad"]["aliases"]
    assert "Vladimir Putin" in by_name and "Jakob Kellenberger" in by_name


def test_quotes_claims_and_timeline(brief):
    quotes = [q for s in brief["stories"] for q in s["quotes"]]
    siege = next(q for q in quotes if "We are under siege" in q["text"])
    assert siege["speaker"] == "one activist in Homs" and siege["kind"] == "direct"
    claims = [c for s in brief["stories"] for c in s["claims"]]
    denial = [
        c
        for c in claims
        if c["status"] == "contradicted"
        # Lavrov's denial, reported or in his own words ("... military presence there -- no")
        and any(
            "no plans to send troops" in side["text"]
            or "ensure our military presence" in side["text"]
            for side in c["sides"]
        )
    ]
    assert denial and any(
        "military unit had arrived" in side["text"] for side in denial[0]["sides"]
    )
    timeline = brief["stories"][0]["timeline"]
    values = [t["value"] for t in timeline]
    assert values == sorted(values) and values[0].startswith("2012-02") and "2012-05-26" in values
