"""A line's label before a colon that names a feature or a data field, not a speaker (a
reader saw "NBC Nightly News Exclusive" and "Number of unique URLs" under who said what)."""

from helpers import assert_quote_offsets
from storyline.nlp.quotes import extract_quotes


def test_a_features_label_and_a_fields_number_are_no_ones_words():
    text = (
        "NBC Nightly News Exclusive: Lester Holt anchors from Seoul on Monday and Tuesday, "
        "April 3 and 4, at 6:30pm ET.\n\n"
        "Number of unique URLs: 2,273,840,159\n\n"
        "Campaign Update: The governor will visit four towns in Iowa this week.\n\n"
        "WALLACE: Governor, do you really see those two as equivalent?\n\n"
        "Ted Cruz: We will win this fight for the American people, and we will win it soon."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.speaker for q in quotes if q.cue == ":"] == ["WALLACE", "Ted Cruz"]
