"""Attributions a poll makes ("X leads in the latest poll"), hearsay ("reportedly"), a
reputation ("known for"), and a stance voiced ("voiced concerns about ...")."""

from __future__ import annotations

from helpers import assert_quote_offsets
from storyline.nlp.quotes import extract_quotes


def test_a_clause_standing_in_a_poll_is_the_polls_finding():
    text = (
        "The race tightened over the summer.\n"
        "The governor leads the senator by eight points in the latest Marist poll."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "leads the senator" in q.text]
    assert quote.text == "The governor leads the senator by eight points"
    assert quote.speaker == "the latest Marist poll"


def test_a_poll_opening_the_sentence_sources_what_follows():
    text = "In the new Quinnipiac survey, the mayor wins about one in three likely voters."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "wins about one in three" in q.text]
    assert quote.speaker is not None and "survey" in quote.speaker


def test_a_poll_that_only_places_a_noun_sources_nothing():
    text = "The questions in the poll were written by a team of professors from Ohio."
    quotes = extract_quotes(text)
    assert not [q for q in quotes if q.speaker and "poll" in q.speaker]


def test_said_in_a_survey_stays_the_speakers():
    text = "Most of the farmers said in a survey that prices would fall next year."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "prices would fall" in q.text]
    assert quote.speaker == "Most of the farmers"


def test_voiced_concerns_is_a_stance_of_its_subject():
    text = (
        "The committee met on Friday.\n"
        "Several council members voiced concerns about the cost of the new stadium."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "the cost of the new stadium" in q.text]
    assert quote.speaker == "Several council members"


def test_a_clause_marked_reportedly_is_hearsay_with_no_source():
    text = (
        "The inquiry entered its final month.\n\n"
        "The agency is reportedly making arrangements to interview the former governor."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "making arrangements" in q.text]
    assert quote.speaker is None and quote.cue == "reportedly"


def test_reportedly_said_stays_the_speakers_report():
    text = "The governor reportedly said that the budget would be cut by a tenth."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "budget would be cut" in q.text]
    assert quote.speaker == "The governor"


def test_in_his_view_names_whose_view_the_clause_is():
    text = "In the senator's view, the tax plan would hurt working families."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "hurt working families" in q.text]
    assert quote.speaker == "the senator's"


def test_known_for_is_a_reputation_held_by_no_one_named():
    text = "The court met on Monday.\n\nThe justice is known for speaking her mind on many issues."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "speaking her mind" in q.text]
    assert quote.text.startswith("The justice is known for")
    assert quote.speaker is None


def test_a_share_of_those_polled_says_it_through_the_poll():
    text = (
        "In a September Marist poll, 75 percent of Republicans said most people in politics"
        " can't be trusted."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "can't be trusted" in q.text]
    assert quote.speaker == "75 percent of Republicans"
    assert quote.source is not None and quote.source.endswith("Marist poll")


def test_a_named_speaker_in_a_poll_sentence_keeps_no_poll_source():
    text = "In a September Marist poll, the governor said the numbers were wrong."
    quotes = extract_quotes(text)
    (quote,) = [q for q in quotes if "numbers were wrong" in q.text]
    assert quote.speaker == "the governor" and quote.source is None
