import json

import pytest

from storyline.link.story_layer import analyze_story, independent_source
from storyline.model import Article


def _article(aid, text, outlet, duplicate_of=None):
    return Article(
        id=aid,
        text=text,
        raw_text=text,
        source=f"{aid}.txt",
        outlet=outlet,
        duplicate_of=duplicate_of,
    )


ORIGINAL = "Shelling in Homs killed 56 people on Monday, activists told Mr Putin's envoy."
OTHER = "Activists said Vladimir Putin's envoy heard that shelling killed 56 people on Monday."


def test_copies_collapse_onto_their_original_source():
    arts = [
        _article("a", ORIGINAL, "reuters"),
        _article("b", ORIGINAL, "blog", duplicate_of="a"),
    ]
    by_id = {a.id: a for a in arts}
    assert independent_source(arts[1], by_id) == "reuters"
    layer = analyze_story(arts)
    killed = next(c for c in layer["claims"] if c["subject"].startswith("people killed"))
    assert killed["status"] == "single-source"


def test_story_layer_shape_offsets_and_determinism():
    arts = [_article("b", OTHER, "afp"), _article("a", ORIGINAL, "reuters")]
    layer = analyze_story(arts)
    texts = {a.id: a.text for a in arts}
    assert set(layer) == {"entities", "quotes", "facts", "timeline", "claims"}
    putin = next(e for e in layer["entities"] if e["name"] == "Vladimir Putin")
    assert {m["article"] for m in putin["mentions"]} == {"a", "b"}
    for e in layer["entities"]:
        assert {"id", "name", "type", "aliases", "mentions"} <= set(e)
        for m in e["mentions"]:
            assert texts[m["article"]][m["start"] : m["end"]]
    for f in layer["facts"]:
        assert texts[f["article"]][f["start"] : f["end"]] == f["text"]
    killed = next(c for c in layer["claims"] if c["subject"].startswith("people killed"))
    assert killed["status"] == "corroborated"
    again = analyze_story(list(reversed(arts)))
    assert json.dumps(layer, sort_keys=True) == json.dumps(again, sort_keys=True)
    for q in layer["quotes"]:
        assert texts[q["article"]][q["start"] : q["end"]] == q["text"]
        if q["speaker_start"] is not None:
            assert texts[q["article"]][q["speaker_start"] : q["speaker_end"]] == q["speaker"]
    for t in layer["timeline"]:
        assert texts[t["article"]][t["start"] : t["end"]] == t["text"]
    assert analyze_story([]) == {
        "entities": [],
        "quotes": [],
        "facts": [],
        "timeline": [],
        "claims": [],
    }


@pytest.mark.slow
def test_an_article_over_its_budget_loses_that_step_only(monkeypatch):
    import time

    from storyline.config import BudgetOptions, Options
    from storyline.link import story_layer

    judge = story_layer.judge_claims

    def slow_on_z(found, *args):
        # the stance step stuck on one article: the watchdog stops it at its budget
        while found.article.id == "z":
            time.sleep(0.01)
        return judge(found, *args)

    monkeypatch.setattr(story_layer, "judge_claims", slow_on_z)
    bridge = " The city council of Riverton approved the new bridge over the Avon river."
    arts = [_article("a", ORIGINAL + bridge, "reuters"), _article("z", OTHER + bridge, "afp")]
    layer = analyze_story(arts, Options(budget=BudgetOptions(article_seconds=0.3)))
    skipped = {(s["article"], s["step"]): s["reason"] for s in layer["skipped"]}
    assert skipped == {
        (
            "z",
            "claims",
        ): "[E201] claims over its time budget of 0.3 s on this article; skipped for it"
    }
    # the ordinary article keeps every step, z keeps its other steps
    assert any(f["article"] == "a" and f["value"] == 56 for f in layer["facts"])
    assert any(f["article"] == "z" and f["value"] == 56 for f in layer["facts"])
    assert any(q["article"] == "a" for q in layer["quotes"])
    # z judged nothing, so its agreeing figure still counts (a number fact), but no
    # statement of a's has a side from z
    for claim in layer["claims"]:
        if claim["kind"] == "statement":
            assert all(s["article"] != "z" for s in claim["sides"] if s["stance"] != "asserts")
