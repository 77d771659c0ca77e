"""The russia-syria sample pile: two articles from different outlets on the same story."""

from pathlib import Path

import pytest

from storyline.link.claims import ClaimArticle, align_claims
from storyline.link.entities import resolve_entities
from storyline.nlp.entities import SpacyEntityAnalyzer
from storyline.nlp.facts import extract_facts
from storyline.nlp.sentences import split_sentences

# spaCy over the whole sample pile
pytestmark = pytest.mark.slow

PILE = Path(__file__).resolve().parents[2] / "samples" / "russia-syria"


@pytest.fixture(scope="module")
def pile():
    if not PILE.is_dir():
        pytest.skip("sample pile missing")
    files = sorted(PILE.glob("*.txt"))
    return {f.stem: f.read_text(encoding="utf-8") for f in files}


@pytest.fixture(scope="module")
def entities(pile):
    ids = sorted(pile)
    return resolve_entities(ids, [pile[i] for i in ids], SpacyEntityAnalyzer())[1]


def _find(entities, surface):
    found = [e for e in entities if e.name == surface or surface in e.aliases]
    assert len(found) == 1, (surface, [(e.name, e.aliases) for e in found])
    return found[0]


def test_every_entity_mention_slices_its_article(pile, entities):
    for e in entities:
        for m in e.mentions:
            assert pile[m.article][m.start : m.end] == m.text


def test_people_and_places_resolved_with_aliases(entities):
    putin = _find(entities, "Mr Putin")
    assert putin.name == "Vladimir Putin" and "Mr Putin" in putin.aliases
    lavrov = _find(entities, "Lavrov")
    assert lavrov.name == "Sergei Lavrov"
    assert lavrov.role == "foreign minister"
    assert {m.article for m in lavrov.mentions} == {"ft-repost-warships", "naharnet-icrc-truce"}
    assad = _find(entities, "Assad")
    assert assad.name == "Bashar al-Assad"
    assert len({m.article for m in assad.mentions}) == 2
    kellenberger = _find(entities, "Kellenberger")
    assert kellenberger.name == "Jakob Kellenberger" and kellenberger.type == "PERSON"
    tartus = _find(entities, "Tartus")
    assert {tartus.name, *tartus.aliases} == {"Tartous", "Tartus"}
    assert len({m.article for m in tartus.mentions}) == 2
    assert _find(entities, "Russia") is not _find(entities, "Syria")


@pytest.fixture(scope="module")
def claims(pile):
    # the outlets as the brief keys them: ft-repost-warships -> "ft", naharnet-... -> "naharnet"
    articles = [
        ClaimArticle(aid, text, tuple(split_sentences(text)), aid.split("-")[0])
        for aid, text in sorted(pile.items())
    ]
    found = align_claims(articles)
    for c in found:
        for s in c.sides + c.opposing:
            assert pile[s.article][s.start : s.end] == s.text
    return found


def test_lavrov_denial_against_the_reported_unit(claims):
    disputed = [
        c
        for c in claims
        if c.status == "contradicted"
        and any("no plans to send troops" in s.text for s in c.sides + c.opposing)
    ]
    assert len(disputed) == 1
    claim = disputed[0]
    assert claim.text == "a Russian military unit had arrived in Syria"
    (denial,) = claim.opposing
    assert "no plans to send troops" in denial.text and denial.stance == "disagree"
    assert denial.speaker and "Lavrov" in denial.speaker
    (report,) = claim.sides
    assert "military unit had arrived in Syria" in report.text and report.stance == "asserts"
    assert report.speaker == "Russian media reports"


def test_the_ft_is_not_flagged_against_itself(claims):
    contradicted = [c for c in claims if c.status == "contradicted"]
    assert contradicted  # the Lavrov one: the check below can fail
    for c in contradicted:
        assert not any(s.source == "ft" for s in c.sides + c.opposing), c


def test_no_subject_is_a_one_word_common_noun(claims):
    assert claims
    for c in claims:
        words = c.subject.split()
        assert len(words) > 1 or words[0][:1].isupper(), c.subject
        assert c.text


def test_facts_in_the_pile(pile):
    text = pile["ft-repost-warships"]
    (facts,) = extract_facts([text])
    got = {f.text: f for f in facts}
    assert got["150-strong"].counted == "contingent of marines"
    assert got["$550m"].unit == "USD"
    assert got["36"].counted == "Yak-130 trainer aircraft"
    for f in facts:
        assert text[f.start : f.end] == f.text


@pytest.mark.parametrize("article", ["naharnet-icrc-truce", "ft-repost-warships"])
def test_tartus_is_a_place_in_each_story_alone(pile, article):
    """Each story resolves its own entities: Tartus is typed a place there too."""
    entities = resolve_entities([article], [pile[article]], SpacyEntityAnalyzer())[1]
    tartus = [e for e in entities if e.name in ("Tartus", "Tartous")]
    assert tartus and all(e.type in ("GPE", "LOC") for e in tartus)


def test_the_lede_request_is_not_a_quote(pile):
    from storyline.nlp.quotes import extract_quotes

    text = pile["naharnet-icrc-truce"]
    lede = text[: text.index("\n")]
    assert lede.startswith("Russia called on Syria Monday")
    for q in extract_quotes(text):
        assert q.start >= len(lede)  # nothing in the lede is reported speech


def test_no_nationality_adjective_or_address_is_an_entity(entities):
    # what an analyst reads in brief.md's entity tables: "Russian citizens" names Russia's
    # people, not an entity "Russian"; a copyright line's URL is not a person
    names = {n for e in entities for n in (e.name, *e.aliases)}
    assert not names & {"Russian", "Syrian", "British", "Western", "Islamic", "Soviet", "Navy"}
    assert not any("://" in n for n in names)
