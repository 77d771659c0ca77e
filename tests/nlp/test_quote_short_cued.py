"""Short quotations a cue stands beside ('Priebus said, "Probably."', '"Quiet," he
demanded'), and a quote that goes on later in its paragraph."""

from __future__ import annotations

from helpers import assert_quote_offsets
from storyline.nlp.quotes import extract_quotes


def test_a_one_word_answer_after_said_and_a_comma_is_a_quote():
    text = (
        "Asked whether he would fire the aide, the mayor said, “Probably.”\n\n"
        "The council meets again next week."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "Probably" in q.text]
    assert quote.text == "“Probably.”"
    assert quote.speaker == "the mayor"


def test_a_short_exclamation_before_its_speaker_and_verb_is_a_quote():
    text = (
        "The hearing grew louder by the minute.\n\n"
        "“Order, please!” the judge shouted over the crowd.\n\n"
        "The room fell silent."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "Order, please" in q.text]
    assert quote.speaker == "the judge"


def test_a_short_title_before_a_cue_is_no_quote():
    text = (
        "Appearing on NBC’s “Meet the Press,” the senator said the bill would pass "
        "before the end of the month."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert not [q for q in quotes if q.text.startswith("“Meet")]
    assert [q for q in quotes if "the bill would pass" in q.text]


def test_a_cue_less_quote_later_in_the_paragraph_goes_on_with_the_attributed_one():
    text = (
        "The tour stops in three small towns.\n\n"
        "“Those are some very small towns,” Ms. Woolson said. They also lie far from any "
        "television market. “That is a tough area for any campaign.”\n\n"
        "The campaign did not respond."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "very small towns" in q.text]
    assert "tough area" in quote.text and len(quote.fragments) == 2


def test_a_quote_after_another_speakers_report_in_the_paragraph_is_not_joined():
    text = (
        "“Those are some very small towns,” Ms. Woolson said. The mayor says the roads "
        "are fine. “That is a tough area for any campaign.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "very small towns" in q.text]
    assert "tough area" not in quote.text
