"""A second speaker's report closing a reported clause ("while 22 percent said Y")."""

from __future__ import annotations

from storyline.nlp.quotes import extract_quotes


def _check_offsets(text, quotes):
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker
        if q.source is not None:
            assert text[q.source_start : q.source_end] == q.source


def test_a_second_speakers_report_ends_the_first_reported_clause():
    text = (
        "The poll was released on Tuesday.\n"
        "Some 74 percent of voters said they are set on voting for the mayor, while 22 "
        "percent said they might change their minds."
    )
    quotes = extract_quotes(text)
    _check_offsets(text, quotes)
    first = [q for q in quotes if "set on voting" in q.text]
    second = [q for q in quotes if "might change their minds" in q.text]
    assert first and "22 percent" not in first[0].text
    assert first[0].text.endswith("for the mayor")
    assert second and second[0].speaker == "22 percent"
