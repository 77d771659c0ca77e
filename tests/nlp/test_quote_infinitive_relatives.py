"""A to-infinitive hung on a noun ("had reason to know", "gave her new impetus to
oppose"): the noun is what the infinitive is about; who acts is the one who has it, or
the one it is given to (``quote_clauses.infinitive_host``)."""

from __future__ import annotations

from storyline.nlp.quotes import extract_quotes


def _speakers(text: str, cue: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text) if q.cue == cue]


def test_the_one_who_has_the_reason_knows():
    text = "Mr. Dale had reason to know this from the start.\n"
    assert _speakers(text, "know") == ["Mr. Dale"]


def test_the_one_given_the_impetus_opposes():
    text = "The merger gave Senator Ruiz new impetus to oppose the highway plan.\n"
    assert _speakers(text, "oppose") == ["Senator Ruiz"]


def test_the_only_one_to_have_pledged_is_the_subject():
    text = "Ms. Ortiz is the only candidate here to have pledged to visit every county.\n"
    assert _speakers(text, "pledged") == ["Ms. Ortiz"]


def test_a_for_before_the_infinitive_names_who_acts():
    text = "The attacks have created a natural opening for Ms. Lane to highlight her record.\n"
    assert _speakers(text, "highlight") == ["Ms. Lane"]
