""" "find" in its bare form reports a finding only with what was found to hold; what a
thing seems is the writer's reading ("seemed equally unperturbed")."""

from __future__ import annotations

from helpers import assert_quote_offsets
from storyline.nlp.quotes import extract_quotes


def test_to_find_a_bare_object_reports_nothing():
    text = (
        "The graduates moved back home after college.\n\n"
        "Many of them could not find jobs that made good use of their degrees."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert not [q for q in quotes if "jobs that made good use" in q.text]


def test_found_with_a_clause_is_still_a_finding():
    text = "A state audit found that the agency had lost track of nearly 300 laptops."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "lost track" in q.text]
    assert quote.speaker == "A state audit"


def test_what_a_thing_seems_is_the_writers_reading_with_no_holder():
    text = (
        "The campaign chair dismissed the story as absurd.\n\n"
        "The candidate's supporters seemed equally unperturbed by the news."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "equally unperturbed" in q.text]
    assert quote.speaker is None
    assert quote.text.startswith("The candidate's supporters")


def test_a_report_inside_a_seeming_sentence_keeps_its_speaker():
    text = "While the mayor said that taxes would rise, he seemed uneasy about the vote."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "taxes would rise" in q.text]
    assert quote.speaker == "the mayor"
    assert not [q for q in quotes if "uneasy" in q.text]
