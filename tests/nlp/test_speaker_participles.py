"""A participle cue the parser hangs on a clause whose subject is no voice: the subject
of the clause right before the participle speaks (``nlp.speaker_participles``)."""

from __future__ import annotations

from storyline.nlp.quotes import extract_quotes
from storyline.nlp.spacy_model import load_pipeline
from storyline.nlp.speakers import resolve_speakers


def _resolved(text: str):
    doc = next(load_pipeline().pipe([text]))
    quotes = extract_quotes(text)
    return resolve_speakers(doc, quotes)


def test_a_participle_hung_on_a_time_phrase_is_the_persons():
    # the parser makes "the county vote" the subject of "portraying"
    text = (
        "Ms. Hale spent much of the run-up to the county vote portraying her rival as a "
        "man focused only on taxes."
    )
    (quote,) = [q for q in _resolved(text) if q.cue == "portraying"]
    assert quote.speaker == "Hale"


def test_a_person_subject_of_the_main_clause_keeps_the_participle():
    text = (
        "The governor spoke for an hour on Friday after the vote, saying that the state "
        "would cut the fuel tax next year."
    )
    (quote,) = [q for q in _resolved(text) if "fuel tax" in q.text]
    assert quote.speaker == "The governor"


def test_a_share_of_those_polled_keeps_the_participle():
    # the clause right before "citing" is the senator's: without the share's check the
    # words went to him
    text = (
        "Among Republican voters, 42 percent named security their top worry after the "
        "senator spoke, citing the attacks in Paris as the reason for their concern."
    )
    (quote,) = [q for q in _resolved(text) if q.cue == "citing"]
    assert quote.speaker is not None and "42 percent" in quote.speaker


def test_whom_a_message_goes_to_does_not_say_it():
    # the parser hangs "saying" on "supporters", whom the message was sent to
    text = (
        "As the senator took the stage on Tuesday night, his campaign sent out a text"
        ' message to supporters saying: "With your help, we were just declared the winner'
        ' in New Hampshire! Reply GIVE to contribute $10 from your phone bill."'
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert direct and direct[0].speaker == "his campaign", [(q.text, q.speaker) for q in direct]


def test_a_participle_after_a_reported_clause_is_the_reporters():
    # the parser hangs "calling" on "release", the verb of what Hale says
    text = (
        "On her tax returns, Ms. Hale says the campaign would release her records on"
        " Friday, calling them “very boring tax returns” because “I remain one of the"
        " poorer members of the council.”"
    )
    calling = [q for q in extract_quotes(text) if q.cue == "calling"]
    assert calling and calling[0].speaker == "Ms. Hale", [
        (q.text, q.cue, q.speaker) for q in extract_quotes(text)
    ]
