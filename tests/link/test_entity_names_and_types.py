"""Entities a reader of real piles' briefs found wrongly merged or typed: "Bob" and
"Bobby" Goodlatte (a father and his son) as one person, "Kuala Lumpur-Beijing" (a route)
absorbing Beijing, Twitter a person, “Moonlight” (a film) an organisation, World War II
a person, Windows 10 a nationality."""

import pytest

from storyline.link.entities import resolve_entities
from storyline.link.entity_names import same_first_name
from storyline.nlp.entities import SpacyEntityAnalyzer

A = (
    "Rep. Bob Goodlatte chairs the House Judiciary Committee. His son Bobby Goodlatte "
    "criticized him on Twitter on Monday. Twitter later showed the post to millions.\n"
    "The Malaysia Airlines Kuala Lumpur-Beijing flight disappeared. Relatives waited in "
    "Beijing for news.\n"
    "“Moonlight” won best picture. The producers of “Moonlight” were stunned. Moonlight "
    "won three awards.\n"
    "He served in World War II. The upgrade to Windows 10 is free."
)
B = "Families in Beijing were angry. Bobby Goodlatte said his father was wrong."


@pytest.fixture(scope="module")
def entities():
    return resolve_entities(["a", "b"], [A, B], SpacyEntityAnalyzer())[1]


def _named(entities, text):
    return [e for e in entities if text in {e.name, *e.aliases}]


def test_two_pet_forms_of_a_first_name_are_two_people(entities):
    assert not same_first_name("bob", "bobby")
    assert not same_first_name("tom", "tommy")
    assert same_first_name("alex", "alexander")  # a short form beside the full name
    assert same_first_name("bob", "robert")
    (bob,) = _named(entities, "Bob Goodlatte")
    (bobby,) = _named(entities, "Bobby Goodlatte")
    assert bob is not bobby


def test_a_route_between_two_places_is_neither(entities):
    (beijing,) = _named(entities, "Beijing")
    assert "Kuala Lumpur-Beijing" not in {beijing.name, *beijing.aliases}


def test_types_a_names_form_settles(entities):
    types = {e.name: e.type for e in entities}
    assert types["Twitter"] == "ORG"
    assert types["Moonlight"] == "WORK_OF_ART"
    assert types.get("World War II", "EVENT") == "EVENT"
    assert types.get("Windows 10", "PRODUCT") == "PRODUCT"
    assert any(n.startswith("World War") for n in types) and "Windows 10" in types


def test_a_name_in_scare_quotes_is_no_works_title():
    # "so-called" sets a group's name in quotes to doubt it, not to title a film or book
    text = (
        "Fighters of the so-called “ISIS” seized the town. The so-called “ISIS” denied it.\n"
        "The self-declared “Donetsk Republic” shelled the airport."
    )
    found = resolve_entities(["c"], [text], SpacyEntityAnalyzer())[1]
    assert all(e.type != "WORK_OF_ART" for e in found), [(e.name, e.type) for e in found]
