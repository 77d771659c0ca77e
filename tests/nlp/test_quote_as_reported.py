""" "As X reported, ...": a speech verb in an "as" clause reports the clause it hangs on;
"issued a statement condemning X" is held by who issued it; "X's argument is that Y";
"told X to do Y"; "saying X and suggesting Y"."""

from __future__ import annotations

from helpers import assert_quote_offsets
from storyline.nlp.quotes import extract_quotes


def test_as_the_paper_reported_opening_the_sentence():
    text = (
        "The donations drew attention this week.\n\n"
        "As The Daily Courier reported, the developer gave $5,000 to the mayor's campaign."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "gave $5,000" in q.text]
    assert quote.text == "the developer gave $5,000 to the mayor's campaign"
    assert quote.speaker == "The Daily Courier"


def test_as_the_mayor_noted_closing_the_sentence():
    text = "The deal will cost the city millions, as the mayor noted last week."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "cost the city millions" in q.text]
    assert quote.text == "The deal will cost the city millions"
    assert quote.speaker == "the mayor"


def test_an_as_clause_that_says_what_was_said_reports_no_host():
    text = "As she said goodbye to the staff, the lights in the hall went out."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert not [q for q in quotes if "lights in the hall" in q.text]


def test_as_reported_by_names_its_source_by_the_agent():
    text = "As reported by the Daily Courier, there are 150 delegates at stake on Tuesday."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "150 delegates" in q.text]
    assert quote.speaker == "the Daily Courier"


def test_an_as_clause_hung_on_the_subject_reports_its_clause():
    text = "The new rules, as the mayor noted last week, will cost the city millions."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "cost the city millions" in q.text]
    assert quote.speaker == "the mayor"


def test_a_statement_condemning_x_is_held_by_who_issued_it():
    text = "The governor issued a statement condemning the attack on the mosque."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "attack on the mosque" in q.text]
    assert quote.speaker == "The governor"


def test_an_owners_position_noun_and_is_names_what_they_hold():
    text = "The mayor's argument is that the city cannot afford a new stadium."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "cannot afford" in q.text]
    assert quote.speaker == "The mayor's"


def test_a_position_noun_with_no_owner_names_no_holder():
    text = "The question is whether the city can afford a new stadium."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert not [q for q in quotes if "afford" in q.text and q.cue == "question"]


def test_told_x_to_do_y_is_an_instruction_given():
    text = (
        "The debate turned sharp.\n\n"
        "The governor told the senator to sit down during a heated exchange on taxes."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "to sit down" in q.text]
    assert quote.text.startswith("the senator to sit down")
    assert quote.speaker == "The governor"


def test_two_joined_participle_reports_are_apart():
    text = (
        "The mayor answered on Friday.\n\n"
        "The mayor hit back, saying he would not support the plan and suggesting that "
        "the council should start over."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (first,) = [q for q in quotes if q.cue == "saying"]
    (second,) = [q for q in quotes if q.cue == "suggesting"]
    assert first.text == "he would not support the plan"
    assert second.text == "that the council should start over"
    assert first.speaker == second.speaker == "The mayor"


def test_an_as_clause_with_a_time_after_its_verb_still_reports_its_host():
    # "on Tuesday" hangs on "reported": no object of its own, so the host is what it reports
    text = (
        "The talks began on Sunday at the mayor's house.\n\nRoger Hale, the former chairman"
        " of the station, also met with the mayor that day, as The Daily Courier reported"
        " on Tuesday, and he will join the talks next week."
    )
    reported = [q for q in extract_quotes(text) if q.cue == "reported"]
    assert reported and reported[0].speaker == "The Daily Courier", [
        (q.text, q.cue, q.speaker) for q in extract_quotes(text)
    ]
    assert reported[0].text.startswith("Roger Hale")
