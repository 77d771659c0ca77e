"""The analyst's layer on the sample pile, end to end through the pipeline."""

import pytest

from helpers import assert_layer_offsets, load_brief
from storyline.layer import StoryLayer
from storyline.nlp.spacy_model import pipeline_available
from storyline.run.pipeline import run_brief
from storyline.storyline_layer import StorylineLayer

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


def _layers(brief):
    return [StoryLayer.from_dict(s) for s in brief["stories"]]


def test_every_layer_offset_slices_the_text(brief):
    texts = {a["id"]: a["text"] for a in brief["articles"]}
    for layer in _layers(brief):
        assert layer is not None
        assert_layer_offsets(layer, texts)


def test_each_story_carries_its_own_items_and_the_storyline_its_whole(brief):
    """The two stories (one article each) share entity ids; each lists only the mentions,
    quotes, facts and dated events of its own article; the storyline's entity table and
    timeline are written once, under "storylines"."""
    for story, layer in zip(brief["stories"], _layers(brief), strict=True):
        own = set(story["articles"])
        assert {m.article for e in layer.entities for m in e.mentions} <= own
        assert {x.article for x in [*layer.quotes, *layer.facts, *layer.timeline]} <= own
        for claim in layer.claims:
            assert {s.article for s in claim.sides} <= own
            assert story["id"] not in claim.others.stories
            assert set(claim.others.stories) <= {s["id"] for s in brief["stories"]}
    (line,) = [StorylineLayer.from_dict(x) for x in brief["storylines"]]
    assert line.id == brief["stories"][0]["storyline"]
    assert line.stories == sorted(s["id"] for s in brief["stories"])
    rows = {e.name: e for e in line.entities}
    lavrov = rows["Sergei Lavrov"]
    assert lavrov.articles == 2 and len(lavrov.stories) == 2
    per_story = [e for layer in _layers(brief) for e in layer.entities if e.id == lavrov.id]
    assert lavrov.mentions == sum(len(e.mentions) for e in per_story)
    assert [t.value for t in line.timeline] == sorted(t.value for t in line.timeline)
    # each storyline event points at the event its story lists, by offsets
    events = {
        (story["id"], t.article, t.start, t.end): t
        for story, layer in zip(brief["stories"], _layers(brief), strict=True)
        for t in layer.timeline
    }
    assert len(line.timeline) == len(events)
    for ref in line.timeline:
        event = events[(ref.story, ref.article, ref.start, ref.end)]
        assert (ref.value, ref.year_inferred) == (event.value, event.year_inferred)


def test_entities_resolved_across_both_articles(brief):
    (line,) = [StorylineLayer.from_dict(x) for x in brief["storylines"]]
    by_name = {e.name: e for e in line.entities}
    lavrov = by_name["Sergei Lavrov"]
    assert "Lavrov" in lavrov.aliases and lavrov.role == "foreign minister"
    assert lavrov.articles == 2
    tartus = next(e for e in line.entities if {"Tartus", "Tartous"} <= {e.name, *e.aliases})
    assert tartus.articles == 2
    assert "Assad" in by_name["Bashar al-Assad"].aliases
    assert "Vladimir Putin" in by_name and "Jakob Kellenberger" in by_name


def test_quotes_claims_and_timeline(brief):
    texts = {a["id"]: a["text"] for a in brief["articles"]}
    layers = _layers(brief)
    quotes = [q for layer in layers for q in layer.quotes]
    siege = next(q for q in quotes if "We are under siege" in q.text)
    assert siege.speaker == "one activist in Homs" and siege.kind == "direct"
    claims = [c for layer in layers for c in layer.claims]
    denial = [
        c
        for c in claims
        if c.status == "contradicted"
        # Lavrov's denial, reported or in his own words ("... military presence there -- no")
        and any(
            "no plans to send troops" in side.said(texts)
            or "ensure our military presence" in side.said(texts)
            for side in c.sides
        )
    ]
    assert denial and any(
        "military unit had arrived" in side.said(texts) for side in denial[0].sides
    )
    # the storyline's timeline: both stories' dated events, in date order
    (line,) = brief["storylines"]
    values = [t["value"] for t in line["timeline"]]
    assert values == sorted(values) and values[0].startswith("2012-02") and "2012-05-26" in values
    # a story's own timeline: its article's events only
    for story, layer in zip(brief["stories"], layers, strict=True):
        assert {t.article for t in layer.timeline} <= set(story["articles"])
