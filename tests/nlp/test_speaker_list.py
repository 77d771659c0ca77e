"""Who speaks: a name after a closed list, which the parser joins to the list as one more
item, reports the list ("..., two machines and a laptop, Modern Ghana reported";
``nlp.speaker_phrase``); a common noun that opens a sentence is no one a later "they"
means ("Problem was, it kinda sucked."; ``nlp.name_parts.common_noun_opening``)."""

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


def test_a_common_noun_opening_a_sentence_is_no_antecedent():
    from storyline.config import QuoteOptions
    from storyline.link.article_layer import quotes_with_speakers
    from storyline.nlp.spacy_model import load_pipeline

    # NER (on in the article layer) types "Problem" PERSON; "they" then went to it
    text = (
        "It is amazing. Problem was, it kinda sucked. I got my dev kit from the team. A "
        "couple of weeks ago, they reminded me that I still had not visited their office."
    )
    (quote,) = quotes_with_speakers(load_pipeline()(text), QuoteOptions())
    assert quote.speaker != "Problem"
    named = "Senator Bernie Sanders spoke in Ohio. Sanders said the race was not over."
    (quote,) = quotes_with_speakers(load_pipeline()(named), QuoteOptions())
    assert quote.speaker == "Sanders"
