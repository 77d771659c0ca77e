"""A name after a closed list, which the parser joins to the list as one more item, is
who reports the list ("..., two machines and a laptop, Modern Ghana reported";
``nlp.speaker_phrase``)."""

from __future__ import annotations

from storyline.nlp.quotes import extract_quotes


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_a_name_after_a_closed_list_reports_the_list():
    text = (
        "In that investigation, authorities found 190 passports, three printers, one camera, "
        "75 different rubber stamps, two lamination machines and a laptop, Modern Ghana "
        "reported."
    )
    assert _speakers(text) == ["Modern Ghana"]


def test_people_listed_together_still_speak_together():
    assert _speakers("Smith, Jones and Brown said the plan would fail.") == [
        "Smith, Jones and Brown"
    ]
    text = "The mayor, the governor and the senator, Democrats all, said the plan would fail."
    assert _speakers(text) == ["The mayor, the governor and the senator, Democrats all"]
