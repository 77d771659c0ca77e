"""Figures compared as what they say: a bound is a bound (true of every value past it), a
floor never backs a ceiling, and two hedges that only reach toward each other are two
figures, neither one backing nor denying the other."""

import pytest

from storyline.link.claims import ClaimArticle, align_claims

pytest.importorskip("spacy")


def _facts(*texts):
    arts = [ClaimArticle(f"a{n}", t, (), f"outlet-{n}") for n, t in enumerate(texts)]
    return [c for c in align_claims(arts) if c.kind == "fact"]


def test_a_lower_bound_does_not_contradict_a_value_past_it():
    # seen on a real pile: "killing the one dog and injuring five others" was shown
    # contradicted by "The crashes killed one of King's dogs and injured at least two others"
    facts = _facts(
        "The crash injured five dogs on Sunday, troopers said.",
        "The crash injured at least three dogs on Sunday, troopers said.",
    )
    assert facts and all(c.status != "contradicted" for c in facts), [
        (c.status, c.subject) for c in facts
    ]
    # a value still contradicts another value: five against three
    denied = _facts(
        "The crash injured five dogs on Sunday, troopers said.",
        "The crash injured three dogs on Sunday, troopers said.",
    )
    assert any(c.status == "contradicted" for c in denied), [(c.status, c.subject) for c in denied]


def test_a_floor_never_backs_a_ceiling():
    # seen on a real pile: "only 80 ran more than three times a week" was corroborated by
    # "people who ran less than three times a week"
    facts = _facts(
        "Only 80 of the joggers ran more than three times a week.",
        "The healthiest joggers ran less than three times a week.",
    )
    assert facts and all(c.status != "corroborated" for c in facts)


def test_two_hedges_that_only_reach_toward_each_other_are_two_figures():
    # seen on a real pile: "a zone about 60 miles long" corroborated by "a restricted zone
    # of up to 80 miles around the city"
    facts = _facts(
        "The security zone stretches about 60 miles along the coast.",
        "The security zone stretches up to 80 miles along the coast.",
    )
    assert facts and all(c.status != "corroborated" for c in facts)
    # a hedge still backs the value it names
    backed = _facts(
        "The security zone stretches about 60 miles along the coast.",
        "The security zone stretches 60 miles along the coast.",
    )
    assert any(c.status == "corroborated" for c in backed)
