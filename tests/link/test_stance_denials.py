"""A denied plan against a done move (storyline.link.stance_denials) and the lower bar it
gives the stance engine's ``disagree`` in claim alignment."""

import pytest

from storyline.config import ClaimOptions
from storyline.link import claim_judge
from storyline.link.claims import ClaimArticle, align_claims, name_key
from storyline.link.stance import StanceResult
from storyline.link.stance_denials import Move, denied_moves, denies_move, done_move
from storyline.nlp.sentences import split_sentences

pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def nlp():
    from storyline.nlp.spacy_model import load_pipeline

    return load_pipeline("en_core_web_sm")


@pytest.mark.parametrize(
    "sentence",
    [
        "Last week Lavrov said Russia had no plans to send troops to Syria.",
        "Russia has no intention of sending troops to Syria.",
        "Russia will not send troops to Syria.",
    ],
)
def test_a_denied_plan_names_who_and_where(nlp, sentence):
    assert denied_moves(nlp(sentence)[:], name_key) == (
        Move(frozenset({"russia"}), frozenset({"syria"})),
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia plans to send troops to Syria.",  # a plan, not denied
        "Russia did not sell missiles to Syria.",  # denied, but not a move
        "Russia had no plans to send troops.",  # no place
    ],
)
def test_no_denied_plan(nlp, sentence):
    assert denied_moves(nlp(sentence)[:], name_key) == ()


def test_a_done_move_and_what_is_not_one(nlp):
    done = done_move(nlp("A Russian military unit had arrived in Syria.")[:], name_key)
    assert done == Move(frozenset({"russia"}), frozenset({"syria"}))
    for text in (
        "Russia is readying two warships to sail to Syria.",  # under way, not done
        "Russia will send troops to Syria.",  # future
        "A Russian unit had not arrived in Syria.",  # negated
        "Russia sold missiles to Syria.",  # not a move
    ):
        assert done_move(nlp(text)[:], name_key) is None, text


def test_the_denial_must_cover_place_and_actor():
    denial = (Move(frozenset({"russia"}), frozenset({"syria"})),)
    assert denies_move(Move(frozenset({"russia", "syria"}), frozenset({"syria"})), denial)
    assert not denies_move(Move(frozenset({"russia"}), frozenset({"libya"})), denial)
    assert not denies_move(Move(frozenset({"france"}), frozenset({"syria"})), denial)
    assert not denies_move(None, denial)


REPORT = "Local media said a Russian military unit had arrived in Syria on Monday."
DENIALS = {
    "same place": "Foreign Minister Sergei Lavrov said Russia had no plans to send troops to Syria.",
    "other place": "Foreign Minister Sergei Lavrov said Russia had no plans to send troops to "
    "Libya, and no Russian military unit was in Syria.",
}


def _contradicted(monkeypatch, denial, options):
    """Claims of two outlets when the engine says ``disagree`` at 0.5 to every pair."""

    def engine(pairs):
        return [StanceResult("disagree", 0.5, ()) for _ in pairs]

    monkeypatch.setattr(claim_judge, "_default_stance", engine)
    articles = [
        ClaimArticle(aid, text, tuple(split_sentences(text)), aid)
        for aid, text in (("media", REPORT), ("wire", denial))
    ]
    return [c for c in align_claims(articles, options) if c.status == "contradicted"]


def test_a_denied_plan_lowers_the_bar_for_the_done_move(monkeypatch):
    (claim,) = _contradicted(monkeypatch, DENIALS["same place"], ClaimOptions())
    assert claim.text.startswith("a Russian military unit had arrived in Syria")
    (denial,) = claim.opposing
    assert "no plans to send troops to Syria" in denial.text and denial.score == 0.5


def test_without_the_structure_the_general_bar_holds(monkeypatch):
    assert _contradicted(monkeypatch, DENIALS["other place"], ClaimOptions()) == []
    # the general bar lowered below the engine's score lets it through: the bars steer
    assert _contradicted(monkeypatch, DENIALS["other place"], ClaimOptions(disagree_threshold=0.4))


def test_the_structure_decides_and_the_engine_score_is_kept_above_the_plan_bar(monkeypatch):
    # the engine's 0.5 disagree is under this bar: the denial stands on its structure alone
    options = ClaimOptions(plan_denial_threshold=0.6)
    (claim,) = _contradicted(monkeypatch, DENIALS["same place"], options)
    (denial,) = claim.opposing
    assert denial.stance == "disagree" and denial.score is None


def test_a_denied_plan_stands_when_the_engine_reads_agree(monkeypatch):
    def engine(pairs):
        return [StanceResult("agree", 0.8, ()) for _ in pairs]

    monkeypatch.setattr(claim_judge, "_default_stance", engine)
    articles = [
        ClaimArticle(aid, text, tuple(split_sentences(text)), aid)
        for aid, text in (("media", REPORT), ("wire", DENIALS["same place"]))
    ]
    contradicted = [c for c in align_claims(articles) if c.status == "contradicted"]
    assert len(contradicted) == 1 and contradicted[0].opposing[0].score is None


def test_a_negation_next_to_a_shared_name_only_does_not_contradict(monkeypatch):
    """'The New York Times has not viewed the memo' says nothing against what the Times
    was told: the negation bears on the paper's name, not on the claim's words."""

    def engine(pairs):
        return [StanceResult("disagree", 0.95, ()) for _ in pairs]

    monkeypatch.setattr(claim_judge, "_default_stance", engine)
    claim = "Sources told The New York Times on Tuesday that Comey wrote a memo about the probe."
    other = "The New York Times has not viewed a copy of the memo written by Comey, officials said."
    articles = [
        ClaimArticle(aid, text, tuple(split_sentences(text)), aid)
        for aid, text in (("cnn", claim), ("wire", other))
    ]
    assert [c for c in align_claims(articles) if c.status == "contradicted"] == []
