"""Quote spans and speakers a reader of the bundled sample's brief found wrong, on
sentences written after the sample's: a request as a trip's aim, a report sourced by
"according to", a reported clause whose subject is a relative pronoun, a refusal joined
to what was said."""

from __future__ import annotations

from helpers import assert_quote_offsets
from storyline.nlp.quotes import extract_quotes


def test_a_request_that_is_the_aim_of_a_trip_is_no_quote():
    text = (
        "The talks went on for a week.\n"
        "The envoy then flew to Geneva to ask council members to press the rebels for a truce."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert not any(q.cue == "ask" for q in quotes)
    assert not any("council members" in q.text for q in quotes)


def test_a_report_sourced_by_according_to_is_the_speakers_once():
    text = (
        "The leaders met on Monday.\n"
        "Mr Putin warned Mr Cameron that the fall of the regime could lead to the rise of "
        "radical parties – drawing comparisons with Somalia – according to officials at the "
        "summit."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "the fall of the regime" in q.text]
    assert quote.speaker == "Mr Putin" and quote.cue == "warned"
    assert quote.text.endswith("drawing comparisons with Somalia")
    assert "according to" not in quote.text
    assert quote.source == "officials at the summit"
    assert not any(q.speaker == "officials at the summit" for q in quotes)


def test_according_to_inside_the_words_quoted_stays_in_them():
    text = (
        "The mayor spoke to reporters.\n"
        'Estrosi told the channel that "the driver fired on the crowd, according to the police."'
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    told = [q for q in quotes if q.cue == "told"]
    assert told and "according to the police" in told[0].text
    assert told[0].speaker == "Estrosi" and told[0].source is None


def test_a_reported_clause_keeps_the_subject_its_relative_pronoun_stands_for():
    text = (
        "The ships sailed on Monday.\n"
        "The port of Tartous is a key naval base, which experts estimate has about 50 staff "
        "working there."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if q.cue == "estimate"]
    assert quote.speaker == "experts"
    assert quote.text.startswith("a key naval base")
    assert quote.text.endswith("has about 50 staff working there")


def test_a_refusal_joined_to_the_reported_clause_is_not_what_was_said():
    text = (
        "The reports spread on Monday.\n"
        "A State Department spokeswoman said the government had not heard of the reports and "
        "declined to comment."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if q.cue == "said"]
    assert quote.text == "the government had not heard of the reports"


def test_countering_with_a_clause_reports_words_countering_a_threat_does_not():
    text = (
        "The leaders met on Monday.\n"
        "The British premier countered that authoritarian regimes were no insurance against "
        "terrorism. The navy moved ships to counter the threat."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if q.cue == "countered"]
    assert quote.speaker == "The British premier"
    assert quote.text == "that authoritarian regimes were no insurance against terrorism"
    assert not any(q.cue == "counter" for q in quotes)
