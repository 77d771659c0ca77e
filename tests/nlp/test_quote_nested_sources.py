"""A report's writer-side source after a direct quote ("..., according to X"), a quote
paragraph signed on the next line ("- Jane Doe."), and a
second speaker's report closing a reported clause ("while 22 percent said Y")."""

from __future__ import annotations

from helpers import assert_quote_offsets
from storyline.nlp.quotes import extract_quotes


def test_according_to_after_a_direct_quotes_cue_is_its_source():
    text = (
        "The senator addressed his delegates on Monday.\n"
        "“I ask you not to protest on the convention floor tonight,” Mr. Hale said, "
        "according to the Daily Courier."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "protest on the convention floor" in q.text]
    assert quote.speaker == "Mr. Hale"
    assert quote.source == "the Daily Courier"


def test_according_to_in_the_next_sentence_is_no_source_of_the_quote():
    text = (
        "“We are running the fund exactly as the rules require,” Ms. Ortiz said. "
        "The fund has raised $3 million, according to the election commission."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "running the fund" in q.text]
    assert quote.speaker == "Ms. Ortiz" and quote.source is None


def test_according_to_inside_the_quoted_words_is_no_source():
    text = (
        "“The count was final at noon, according to the county clerk, and nobody "
        "objected,” the newspaper reported."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "The count was final" in q.text]
    assert quote.source is None


def test_a_second_speakers_report_ends_the_first_reported_clause():
    text = (
        "The poll was released on Tuesday.\n"
        "Some 74 percent of voters said they are set on voting for the mayor, while 22 "
        "percent said they might change their minds."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    first = [q for q in quotes if "set on voting" in q.text]
    second = [q for q in quotes if "might change their minds" in q.text]
    assert first and "22 percent" not in first[0].text
    assert first[0].text.endswith("for the mayor")
    assert second and second[0].speaker == "22 percent"


def test_a_quote_paragraph_signed_on_the_next_line_is_the_signers():
    text = (
        "Other outlets asked for copies.\n\n"
        '"I went to the bankers before the crash and warned them about the mortgages."\n\n'
        "- Jane Doe.\n\n"
        "Doe tends to overstate it."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "bankers" in q.text]
    assert quote.speaker == "Jane Doe" and quote.cue == "-"


def test_a_dash_line_that_is_no_name_signs_nothing():
    text = (
        "The list:\n\n"
        '"We will win this state by a lot, believe me, folks."\n\n'
        "- weather permitting, the rally goes on.\n"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert all(q.speaker is None for q in quotes if "win this state" in q.text)


def test_a_report_in_a_split_quotes_cue_clause_is_an_attribution_of_its_own():
    text = (
        "“We remain open to talks,” the minister said, referring to the offer made in "
        "March. “But the other side has chosen a different path.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (direct,) = [q for q in quotes if q.kind == "direct"]
    assert len(direct.fragments) == 2
    (aside,) = [q for q in quotes if q.cue == "referring"]
    assert aside.text == "the offer made in March"
    assert aside.speaker == "the minister"


def test_an_aside_about_the_speaker_in_the_cue_clause_is_no_attribution():
    text = (
        "“These are strange days,” said Peter Morgan, a lawyer who has been challenging "
        "the coal industry for years. “I don't know what they intend.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.kind for q in quotes] == ["direct"]


def test_according_to_a_record_names_who_made_it():
    text = (
        "Turnout in the spring primaries rose sharply among younger voters, according to "
        "an analysis by the Harlow Research Center."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "Turnout in the spring" in q.text]
    assert quote.speaker == "an analysis by the Harlow Research Center"


def test_according_to_a_record_provided_by_someone_names_them_as_the_source():
    text = (
        "“We will not raise the fee this year,” Mr. Hale said Monday in Dover, according "
        "to audio provided by Valley Public Radio."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "raise the fee" in q.text]
    assert quote.speaker == "Mr. Hale"
    assert quote.source == "audio provided by Valley Public Radio"


def test_according_to_a_record_keeps_a_trailing_time_out_of_the_source():
    text = "The mill will close in March, according to a memo from the owners, sent Friday."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "mill will close" in q.text]
    assert quote.speaker is not None and quote.speaker.startswith("a memo from the owners")
    assert "Friday" not in quote.speaker


def test_a_record_speaking_keeps_who_made_it():
    text = (
        "A fundraising email sent out by Mr. Hale on Tuesday warned that the race would "
        "be long and expensive."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "race would be long" in q.text]
    assert quote.speaker is not None and "by Mr. Hale" in quote.speaker


def test_a_group_led_by_someone_is_no_record_and_keeps_its_own_phrase():
    text = (
        "Twenty-seven states led by West Virginia argue that the agency overstepped its "
        "authority when it wrote the rules."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "overstepped" in q.text]
    assert quote.speaker == "Twenty-seven states"


def test_a_record_keeps_its_maker_but_not_when_or_where_it_came_out():
    for text, speaker in (
        (
            "A report released by the ministry on Tuesday said the economy had shrunk.",
            "A report released by the ministry",
        ),
        (
            "A poll conducted by the Times in March found that most voters oppose the plan.",
            "A poll conducted by the Times",
        ),
    ):
        quotes = extract_quotes(text)
        assert_quote_offsets(text, quotes)
        assert [q.speaker for q in quotes] == [speaker], text


def test_according_to_after_a_closing_relative_clause_sources_that_clause_only():
    # the agency gave the count, not the manager's claim: the report stays his
    text = (
        "His campaign manager, Tom Reeve, says the streak is proof the senator can still"
        " close the gap in pledged delegates, which stood at 263 before the primary,"
        " according to the Associated Press."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "proof the senator" in q.text]
    assert quote.speaker == "His campaign manager, Tom Reeve"
    assert quote.source is None


def test_according_to_after_a_relative_clause_the_speaker_says_sources_the_report():
    text = (
        "Mr. Hale said there is love in the city after the shooting, which he called an evil"
        " act, according to White House pool reports."
    )
    quotes = extract_quotes(text)
    (quote,) = [q for q in quotes if "there is love" in q.text]
    assert quote.source == "White House pool reports"


def test_according_to_inside_brackets_sources_only_the_brackets():
    text = (
        "Mr. Hale, in turn, cites his followers as the source for some of his own claims"
        " (the actual number is closer to 15 percent, according to the fact-checkers)."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (according,) = [q for q in quotes if q.cue == "according to"]
    assert according.text == "the actual number is closer to 15 percent"
    assert according.speaker == "the fact-checkers"


def test_according_to_opening_a_report_leaves_the_report_to_its_teller():
    text = (
        "In 2014, the Courier reported, according to sources in the meetings, the senator"
        " tried to calm any jitters among the bank's leaders."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "calm any jitters" in q.text]
    assert quote.speaker == "the Courier"
    assert quote.cue == "reported"


def test_according_to_closing_a_report_stays_its_source():
    text = (
        "The president told her that it was not that simple, according to an account she"
        " gave to the Daily Courier."
    )
    quotes = extract_quotes(text)
    (quote,) = [q for q in quotes if "not that simple" in q.text]
    assert quote.cue != "told" or quote.source is not None


def test_a_signature_line_may_say_where_or_how_after_a_comma():
    text = (
        "Voices from the hall.\n\n"
        '"The whole idea is something that we hear about all the time, and it needs to stop."'
        "\n\n-Michelle Marsh, Philadelphia.\n\n"
        '"Great speech. She is tested. She is ready. She never quits."\n\n'
        "-President Obama, tweeting after the speech."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.speaker for q in quotes] == ["Michelle Marsh", "President Obama"]
