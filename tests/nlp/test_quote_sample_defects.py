"""Quote spans and speakers a reader of the bundled sample's brief found wrong, on
sentences written after the sample's: a request as a trip's aim, a report sourced by
"according to", a reported clause whose subject is a relative pronoun, a refusal joined
to what was said."""

from __future__ import annotations

from pathlib import Path

from helpers import assert_quote_offsets
from storyline.nlp.quotes import extract_quotes

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "russia-syria"


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


def test_a_report_interrupted_by_its_attribution_shows_only_the_words_said():
    # the sample brief showed "One of the warships, said Mr Trukhachev, carries ..." as
    # the words said
    text = (SAMPLES / "ft-repost-warships.txt").read_text(encoding="utf-8")
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "contingent of marines" in q.text]
    assert quote.speaker == "Mr Trukhachev"
    # the span (what is scored and cited) still covers the whole report ...
    assert quote.text.startswith("One of the warships, said Mr Trukhachev, carries")
    # ... but the words shown are its fragments, each an exact slice of the text
    assert [text[s:e] for s, e in quote.fragments] == [
        "One of the warships",
        "carries a 150-strong contingent of marines, in addition to 25 tanks",
    ]
    assert quote.words() == (
        "One of the warships … carries a 150-strong contingent of marines, in addition to 25 tanks"
    )


def test_a_direct_quote_split_by_its_cue_shows_only_the_quoted_words():
    text = "“We are under siege,” the activist said. “We have no medicine left for anyone.”"
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = quotes
    assert quote.text == text
    assert quote.words() == "“We are under siege,” … “We have no medicine left for anyone.”"
    assert "activist" not in quote.words()


def test_according_to_set_off_inside_a_report_is_no_part_of_its_words():
    text = "Fundraising, according to the campaign, has surged in the past three weeks."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = quotes
    assert quote.speaker == "the campaign"
    assert quote.words() == "Fundraising … has surged in the past three weeks"


def test_an_opening_curly_mark_typed_for_the_closing_one_closes_the_quote():
    text = (
        "The race tightened in the last week.\n\n"
        "“If the senator loses Iowa, that could create real problems for her here,“ said"
        " Jim Clyde, a congressman from South Carolina.\n\n"
        "“She said “no” to that,” he said."
    )
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert quotes[0].text.endswith("problems for her here,“")
    assert quotes[0].speaker == "Jim Clyde, a congressman from South Carolina"
    assert quotes[1].text == "“She said “no” to that,”"


def test_a_rank_abbreviation_before_a_name_is_no_speaker_of_its_own():
    # a reader saw "LAPD Det" and "Sgt" as speakers: spaCy cut "Sgt." into "Sgt" + "." and
    # the parser ended the sentence after it
    text = (
        "The two girls were found safe on Sunday.\n"
        '"They were cold but otherwise fine," said Sgt. Kim Riley.\n'
        "Officers found the man in a car, said LAPD Det. Chris Barling."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    speakers = {q.text: q.speaker for q in quotes}
    assert speakers['"They were cold but otherwise fine,"'].endswith("Sgt. Kim Riley")
    assert speakers["Officers found the man in a car"].endswith("Chris Barling")
