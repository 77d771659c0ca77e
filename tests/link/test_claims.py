import pytest

from storyline.link.claims import ClaimArticle, align_claims
from storyline.model import Article
from storyline.nlp.sentences import split_sentences


def _article(aid, text, source):
    return ClaimArticle(aid, text, tuple(split_sentences(text)), source)


def _check_offsets(claims, articles):
    texts = {a.id: a.text for a in articles}
    for claim in claims:
        for side in claim.sides + claim.opposing:
            assert texts[side.article][side.start : side.end] == side.text
            if side.value_start is not None:
                assert side.value_start >= side.start and side.value_end <= side.end


def _fact(claims, counted):
    return next(c for c in claims if c.kind == "fact" and c.subject.startswith(counted))


def test_same_number_from_two_sources_is_corroborated():
    arts = [
        _article("a", "Shelling in Homs killed 56 people on Monday, activists said.", "reuters"),
        _article("b", "Activists said shelling killed 56 people in Homs on Monday.", "afp"),
    ]
    claims = align_claims(arts)
    _check_offsets(claims, arts)
    killed = _fact(claims, "people killed")
    assert killed.status == "corroborated"
    assert killed.sources == ["afp", "reuters"]


def test_syndicated_copies_count_as_one_source():
    text = "Shelling in Homs killed 56 people on Monday, activists said."
    arts = [_article("a", text, "reuters"), _article("a-copy", text, "reuters")]
    killed = _fact(align_claims(arts), "people killed")
    assert killed.status == "single-source"
    assert len(killed.sides) == 2


def test_different_numbers_for_the_same_count_contradict():
    arts = [
        _article("a", "Shelling in Homs killed 56 people on Monday, activists said.", "reuters"),
        _article("b", "Shelling in Homs killed 80 people on Monday, the army said.", "sana"),
    ]
    claims = align_claims(arts)
    _check_offsets(claims, arts)
    killed = _fact(claims, "people killed")
    assert killed.status == "contradicted"
    values = {s.value for s in killed.sides} | {s.value for s in killed.opposing}
    assert values == {56, 80}
    assert killed.sides and killed.opposing


def test_more_than_is_consistent_with_a_larger_number_and_scopes_differ():
    arts = [
        _article("a", "The war has claimed more than 9,100 lives in a year.", "afp"),
        _article("b", "The war has claimed 9,400 lives in a year.", "ap"),
        _article("c", "Fighting killed 56 people on Monday.", "ft"),
    ]
    claims = align_claims(arts)
    year = next(c for c in claims if c.kind == "fact" and "a year" in c.subject)
    assert year.status == "corroborated"
    monday = next(c for c in claims if c.kind == "fact" and "monday" in c.subject)
    assert monday.status == "single-source"  # a day's toll is not the war's toll


def test_denial_against_assertion_is_contradicted():
    arts = [
        _article(
            "a",
            "Lavrov said Russia had no plans to send troops to Syria. Talks went on.",
            "afp",
        ),
        _article("b", "Media reports said a Russian military unit had arrived in Syria.", "abc"),
    ]
    claims = align_claims(arts)
    _check_offsets(claims, arts)
    (statement,) = [c for c in claims if c.kind == "statement"]
    assert statement.status == "contradicted"
    sides = {s.article: s.polarity for s in statement.sides + statement.opposing}
    assert sides == {"a": -1, "b": 1}
    assert "Lavrov said" in next(s.text for s in statement.opposing)


def test_from_article_uses_outlet_as_source_and_empty_input():
    art = Article(id="x", text="t", raw_text="t", source="p", outlet="FT")
    assert ClaimArticle.from_article(art).source == "FT"
    assert ClaimArticle.from_article(art, "ft-group").source == "ft-group"
    assert align_claims([]) == []


@pytest.mark.parametrize("text", ["", "No numbers here at all.", "\n\n"])
def test_texts_without_claims(text):
    assert align_claims([_article("a", text, "s")]) == []


def test_statements_about_different_places_do_not_align():
    arts = [
        _article("a", "Russia sold missiles to Syria last year.", "ft"),
        _article("b", "Russia has not sold missiles to Iran.", "afp"),
    ]
    assert [c for c in align_claims(arts) if c.kind == "statement"] == []
