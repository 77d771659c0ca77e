import json

import pytest

from storyline.commands.link import link_entities_file
from storyline.link.entities import LinkOptions, cluster_mentions, entity_id, resolve_entities
from storyline.nlp.entities import EntityMention, SpacyEntityAnalyzer

A = (
    "Vladimir Putin met the British prime minister in Los Cabos on Monday. "
    "Mr Putin warned that Russia would keep the port of Tartous in Syria. "
    "Ships sailed from the Black Sea."
)
B = (
    "Putin said Russia would protect its citizens. A Russian tanker docked at Tartus on the "
    "Mediterranean Sea, the Interfax news agency reported."
)


@pytest.fixture(scope="module")
def resolved():
    return resolve_entities(["a", "b"], [A, B], SpacyEntityAnalyzer())


def _entity(entities, name):
    return next(e for e in entities if e.name == name)


def test_mentions_slice_their_article(resolved):
    mentions, entities = resolved
    texts = {"a": A, "b": B}
    for e in entities:
        for m in e.mentions:
            assert texts[m.article][m.start : m.end] == m.text
    assert sum(len(ms) for ms in mentions) == sum(len(e.mentions) for e in entities)


def test_putin_forms_resolve_to_one_entity(resolved):
    _, entities = resolved
    putin = _entity(entities, "Vladimir Putin")
    assert putin.type == "PERSON"
    assert set(putin.aliases) == {"Mr Putin", "Putin"}
    assert {m.article for m in putin.mentions} == {"a", "b"}


def test_spelling_variants_and_possessives(resolved):
    _, entities = resolved
    tartous = next(e for e in entities if "Tartus" in e.aliases or e.name == "Tartus")
    assert {tartous.name, *tartous.aliases} == {"Tartous", "Tartus"}
    russia = _entity(entities, "Russia")
    assert {m.article for m in russia.mentions} == {"a", "b"}
    assert russia.aliases == []  # "Russia's" is a mention of "Russia"; "Russian" is not


def test_different_names_with_the_same_head_stay_apart(resolved):
    _, entities = resolved
    black = _entity(entities, "Black Sea")
    assert "Mediterranean Sea" not in black.aliases


def test_ids_are_deterministic(resolved):
    _, entities = resolved
    again = resolve_entities(["a", "b"], [A, B], SpacyEntityAnalyzer())[1]
    assert [e.to_dict() for e in entities] == [e.to_dict() for e in again]
    putin = _entity(entities, "Vladimir Putin")
    assert putin.id == entity_id("Vladimir Putin", "PERSON")


def _m(start, text, kind, head, name="", type_="", sentence=0, plural=False):
    return EntityMention(start, start + len(text), text, type_, kind, head, name, plural, sentence)


def test_pronoun_takes_nearest_compatible_antecedent_and_respects_gender():
    text = "Ellen DeGeneres thanked the man and she smiled ."
    mentions = [
        [
            _m(0, "Ellen DeGeneres", "name", "degeneres", "ellen degeneres", "PERSON"),
            _m(28, "man", "nominal", "man"),
            _m(36, "she", "pronoun", "she", type_="PERSON"),
        ]
    ]
    clusters = cluster_mentions(mentions, [text], LinkOptions())
    assert [(0, 0), (0, 2)] in clusters
    assert [(0, 1)] in clusters


def test_common_nouns_link_only_inside_a_substory():
    texts = [
        "The Oscars host Hugh Jackman will sing at the Academy Awards ceremony in Hollywood.",
        "Hugh Jackman , the Oscars host , rehearsed the Academy Awards opening number .",
        "Pirates seized a tanker in the Gulf of Aden ; the navy chased the pirate skiffs .",
    ]
    host = [_m(texts[0].index("ceremony"), "ceremony", "nominal", "ceremony")]
    other = [_m(texts[1].index("number"), "number", "nominal", "number")]
    far = [_m(texts[2].index("tanker"), "tanker", "nominal", "ceremony")]  # same head lemma
    clusters = cluster_mentions([host, other, far], texts, LinkOptions())
    assert [(0, 0)] in clusters and [(2, 0)] in clusters


def test_link_entities_file_with_given_and_detected_mentions(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "d1", "group": "g", "text": A, "mentions": [{"span": [0, 14]}, {"span": [70, 78]}]},
        {"id": "d2", "group": "g", "text": B, "mentions": [{"span": [0, 5]}]},
        {"id": "d3", "group": "h", "text": B},
        {"id": "bad", "group": "g", "text": "short", "mentions": [{"span": [3, 99]}]},
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    errors = link_entities_file(src, out)
    assert len(errors) == 2  # the bad span and the broken line, each reported
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert set(records) == {"d1", "d2", "d3"}
    d1, d2 = records["d1"]["mentions"], records["d2"]["mentions"]
    assert [m["span"] for m in d1] == [[0, 14], [70, 78]]
    # "Vladimir Putin", "Mr Putin" and "Putin" share one id across documents of group g
    assert d1[0]["entity"] == d1[1]["entity"] == d2[0]["entity"]
    detected = records["d3"]["mentions"]
    assert any(B[s:e] == "Tartus" for s, e in (m["span"] for m in detected))
    link_entities_file(src, tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_bytes() == out.read_bytes()


def test_empty_and_stopword_texts_do_not_break_a_group():
    from storyline.commands.link import LinkRecord, link_group

    records = [
        LinkRecord("x", "g", "", None),
        LinkRecord("y", "g", "the a an", []),
        LinkRecord("z", "g", "Putin spoke in Moscow.", [(0, 5)]),
        LinkRecord("w", "g", "Vladimir Putin spoke.", None),
    ]
    out = link_group(records, SpacyEntityAnalyzer(), LinkOptions())
    assert [r["id"] for r in out] == ["x", "y", "z", "w"]
    assert out[0]["mentions"] == [] and out[1]["mentions"] == []
    assert out[2]["mentions"][0]["entity"] == out[3]["mentions"][0]["entity"]


def test_entity_ids_are_unique_even_for_namesakes():
    # two people called Smith with different first names stay apart and get distinct ids
    texts = ["John Smith met Mary Smith in Paris.", "Paris police said Smith left."]
    _, entities = resolve_entities(["a", "b"], texts, SpacyEntityAnalyzer())
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))
    by_name = {e.name: e for e in entities}
    assert "Mary Smith" in by_name and "Mary Smith" not in by_name["John Smith"].aliases
