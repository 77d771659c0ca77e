"""The analyst's layer records: brief.json shape round trips, old stored shapes still read,
and a storyline's table made once from its stories' own items."""

from __future__ import annotations

import json

from helpers import TEXT, assert_layer_offsets, sample_layer
from storyline.layer import (
    ClaimSideItem,
    FactItem,
    MentionRef,
    OtherSides,
    SentenceRef,
    StoryLayer,
)
from storyline.model import Story, storylines
from storyline.storyline_layer import StorylineLayer, storyline_layer


def test_every_record_round_trips_through_its_brief_json_shape() -> None:
    layer = sample_layer()
    assert_layer_offsets(layer, {"a1": TEXT, "a9": TEXT})  # the fixture itself is exact
    data = json.loads(json.dumps(layer.to_dict()))
    assert StoryLayer.from_dict(data) == layer
    # offsets as [start, end] pairs, unset fields left out, a side's source when it differs
    quote = data["quotes"][0]
    assert quote["span"] == [14, 38] and quote["speaker_span"] == [0, 8]
    assert "speaker_words" not in quote and "start" not in quote
    assert data["facts"][0]["sentence"] == [0, 39] and "unit" not in data["facts"][0]
    assert data["entities"][0]["mentions"] == {"a1": [[0, 8], [40, 45]]}
    side = data["claims"][0]["sides"][0]
    assert side["source"] == "FT" and side["copies"] == ["a9"] and "text" not in side
    assert data["claims"][0]["other_sides"] == {"count": 2, "stories": ["s2", "s3"]}
    assert data["claims"][0]["source_count"] == 3
    own = ClaimSideItem("a1", "a1", 0, 5, "asserts")
    assert "source" not in own.to_dict() and ClaimSideItem.from_dict(own.to_dict()) == own


def test_a_story_without_a_layer_has_none_and_no_layer_keys() -> None:
    assert StoryLayer.from_dict({"id": "s1", "summary": []}) is None
    story = Story("s1", "t", ["a1"])
    assert not {"entities", "quotes", "claims"} & set(story.to_brief())


def test_a_layer_stored_in_the_first_shape_still_reads() -> None:
    """Stores written before the typed records keep start/end keys, mention dicts and a
    side's text; they read (and are made again on the next run: LAYER_SHAPE)."""
    old = {
        "entities": [{"id": "E1", "name": "Putin", "type": "PERSON", "aliases": [],
                      "mentions": [{"article": "a1", "start": 40, "end": 45}]}],
        "quotes": [{"text": "x", "article": "a1", "start": 1, "end": 2, "speaker": None,
                    "speaker_entity": None, "speaker_start": None, "speaker_end": None,
                    "cue": None, "kind": "direct"}],
        "facts": [{"article": "a1", "text": "56", "start": 14, "end": 16, "value": 56.0,
                   "unit": None, "counted": None, "counted_start": None, "counted_end": None,
                   "modifier": None, "verb": None, "sentence_start": 0, "sentence_end": 39}],
        "timeline": [{"value": "2012", "year_inferred": False, "text": "2012", "article": "a1",
                      "start": 3, "end": 7, "sentence": {"start": 0, "end": 9, "text": "t"}}],
        "claims": [{"id": "C1", "kind": "fact", "subject": "s", "text": "t", "status": "x",
                    "sources": [], "sides": [{"article": "a1", "source": "FT", "start": 0,
                                              "end": 39, "text": "...", "stance": "asserts"}]}],
    }  # fmt: skip
    layer = StoryLayer.from_dict(old)
    assert layer is not None
    assert layer.entities[0].mentions == [MentionRef("a1", 40, 45)]
    assert (layer.quotes[0].start, layer.facts[0].sentence_end) == (1, 39)
    assert layer.timeline[0].sentence == SentenceRef(0, 9, "t")
    assert layer.claims[0].sides[0].end == 39 and layer.claims[0].others == OtherSides()
    assert layer.claims[0].source_count == 0  # no sources listed


def test_fact_says_what_was_counted() -> None:
    fact = sample_layer().facts[0]
    assert fact.what == "56 people"
    money = FactItem("a1", "$550m", 0, 5, 5.5e8, "USD", None, None, None, None, None, 0, 9)
    assert money.what == "$550m (USD)"
    assert FactItem("a1", "12%", 0, 3, 12.0, "%", None, None, None, None, None, 0, 9).what == "12%"


def test_a_storyline_is_its_stories_merged_once() -> None:
    first, second = sample_layer("a1"), sample_layer("b1")
    second.entities[0].aliases = ["Putin"]
    line = storyline_layer("L1", [("s2", second), ("s1", first), ("s3", None)])
    assert line.stories == ["s1", "s2", "s3"]
    (putin,) = line.entities
    assert (putin.id, putin.mentions, putin.articles) == ("E1", 4, 2)
    assert putin.aliases == ["Mr Putin", "Putin"] and putin.stories == ["s1", "s2"]
    assert [(t.story, t.article, t.value) for t in line.timeline] == [
        ("s1", "a1", "2012-05-26"),
        ("s2", "b1", "2012-05-26"),
    ]
    assert StorylineLayer.from_dict(json.loads(json.dumps(line.to_dict()))) == line
    stories = [
        Story("s1", "t", ["a1"], storyline="L1", layer=first),
        Story("s2", "t", ["b1"], storyline="L1", layer=second),
        Story("s4", "t", ["c1"], storyline=None, layer=sample_layer("c1")),
        Story("s5", "t", ["d1"], storyline="L2", layer=None),  # not analysed: no table
    ]
    assert [x.id for x in storylines(stories)] == ["L1"]
