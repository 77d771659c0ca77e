"""The kind of voice a speaker phrase is: person, group, record, or something else."""

from __future__ import annotations

import pytest

from storyline.nlp.spacy_model import load_pipeline
from storyline.nlp.speaker_kind import speaker_kind


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("Sergei Lavrov said Russia had no plans to send troops.", "Sergei Lavrov", "person"),
        ("The activist said some neighbourhoods had been cut off.", "The activist", "person"),
        ("He said the mission would go ahead.", "He", "person"),
        ("Police said the driver had fled.", "Police", "group"),
        ("The Assad regime insists it is fighting terrorists.", "The Assad regime", "group"),
        ("Russia said it was not violating any sanctions.", "Russia", "group"),
        ("The criminal complaint says the girl was lured.", "The criminal complaint", "record"),
        ("A ministry statement said the talks would resume.", "A ministry statement", "record"),
        (
            "The sheer size of the mound suggests it was a significant undertaking.",
            "The sheer size of the mound",
            "other",
        ),
        ("His enthusiasm for the work shines through.", "His enthusiasm for the work", "other"),
        ("Many consider it one of the greatest songs.", "Many", None),
        ("Tenants complained about the heat.", "Tenants", "person"),
        # what the words do not tell is shown (None), never hidden as "other"
        ("The police chief said Barling stole the car.", "Barling", "person"),
        ("The 34-year-old told the court he was sorry.", "The 34-year-old", "person"),
        ("The two said they would appeal.", "The two", "group"),
        ("The airline said the flight was delayed.", "The airline", "group"),
        ("Someone said the door was open.", "Someone", "person"),
        (
            "Comey's political misadventures may offer Republicans a chance.",
            "Comey's political misadventures",
            "other",
        ),
        ("93 percent of voters said they were worried.", "93 percent of voters", "group"),
        ("Many of the complaints note the broken lift.", "Many of the complaints", "record"),
        # what carries words for all to read is a record (shown in who said what)
        ("The banner read: “No to war.”", "The banner", "record"),
        ("A placard read: “Hands off our park.”", "A placard", "record"),
        (
            "The bus matron and mother of four said she was sorry.",
            "The bus matron and mother of four",
            "person",
        ),
        (
            "Several relatives of the victims questioned the plan.",
            "Several relatives of the victims",
            "person",
        ),
    ],
)
def test_speaker_kind(nlp, text: str, speaker: str, kind: str | None) -> None:
    doc = nlp(text)
    start = text.index(speaker)
    assert speaker_kind(doc, start, start + len(speaker)) == kind


def test_no_words_no_kind(nlp) -> None:
    doc = nlp("Police said so.")
    assert speaker_kind(doc, 6, 6) is None


def test_a_head_the_words_do_not_tell_is_no_kind(nlp) -> None:
    text = "The gizmo said hello to the crowd."
    doc = nlp(text)
    assert speaker_kind(doc, 0, len("The gizmo")) is None
