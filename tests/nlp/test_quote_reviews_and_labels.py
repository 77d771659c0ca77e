"""Quotes a reader of real piles' briefs found wrong: a section or teaser label read as a
speaker ("Charges:", "INVESTIGATORS:"), a film that "boasts" or "offers" something read
as voicing it, a "Written by" credit read as a quote, an "it" resolved to two people."""

from __future__ import annotations

from helpers import assert_quote_offsets
from storyline.config import QuoteOptions
from storyline.link.article_layer import quotes_with_speakers
from storyline.nlp.quotes import extract_quotes
from storyline.nlp.spacy_model import load_pipeline


def _quotes(text: str):
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    return quotes


def test_a_label_its_own_line_speaks_of_is_no_speaker():
    text = (
        "Two students say it's time to disconnect from their phones.\n\n"
        "Charges: 2 Minnesota recruits used student loans to finance travel Two of the "
        "young men accused of attempting to join the group face new charges of financial aid.\n\n"
        "INVESTIGATORS: 'Connecting the dots' Minn. man with 'operational capacity' studies "
        "to be a semi driver The Fox 9 Investigators have learned that the man is studying.\n\n"
        "PENCE: Well, look, I think the American people want to see a change in Washington."
    )
    speakers = {q.speaker for q in _quotes(text)}
    assert "Charges" not in speakers and "INVESTIGATORS" not in speakers
    assert "PENCE" in speakers  # a transcript's speaker does not name himself


def test_an_interviews_answer_mark_is_no_speaker():
    # an interview's "A:" was listed as a speaker, its answers as A's words; the answer's
    # own attributions ("I think ...") are what is said in it
    text = (
        "Q: Why did you adopt the cause of Afghan women?\n\n"
        "A: Because they needed help, I think. I think American women were shocked after "
        "the attacks when the spotlight turned on Afghanistan."
    )
    quotes = _quotes(text)
    assert not {"A", "Q"} & {q.speaker for q in quotes}
    assert any(text[q.start : q.end].startswith("American women were shocked") for q in quotes)


def test_whom_one_writes_or_speaks_for_is_no_words():
    # a brief listed "Justice Elena Kagan -- Writing: 'the majority'" as a quote
    text = (
        "Writing for the majority, Justice Elena Kagan held that patent holders may not "
        "collect royalties. Speaking for the family, a lawyer said the boy was safe."
    )
    said = [text[q.start : q.end] for q in _quotes(text)]
    assert "the majority" not in said and "the family" not in said
    assert "the boy was safe" in said
    call = "He called for a ceasefire."
    assert [call[q.start : q.end] for q in _quotes(call)] == ["a ceasefire"]


def test_a_film_that_boasts_or_offers_something_voices_nothing():
    text = (
        "Fede Alvarez's blood-soaked reprise of Sam Raimi's shocker, \"The Evil Dead,\" "
        "boasts far better production values than the penny-pinching 1981 original. "
        "The remake offers enough gore to please fans. The movie boasts a fine cast."
    )
    assert not [q for q in _quotes(text) if q.cue in ("boasts", "offers")]
    # a person who boasts or offers something still takes a position
    said = _quotes("The mayor boasted that the city had never been safer.")
    assert [q for q in said if q.cue == "boasted"]


def test_a_written_by_credit_is_no_quote():
    text = (
        "Written by Alvarez and Rodo Sayagues (with an uncredited but acknowledged polish by "
        "Diablo Cody), the story begins with five young people arriving at a cabin."
    )
    assert not [q for q in _quotes(text) if q.cue == "Written"]
    # a report credited with "by" still is one
    reported = _quotes("As reported by Reuters, the company plans to cut 2,000 jobs next year.")
    assert reported


def _speakers(text: str):
    doc = next(load_pipeline().pipe([text]))
    return quotes_with_speakers(doc, QuoteOptions())


def test_it_is_never_two_people():
    text = (
        "The film was made by Fede Alvarez and Rodo Sayagues, who said the cabin was real.\n"
        "In the end, it offers enough good-time gore, goofiness, scares and screams to leave "
        "an audience feeling a certain elated exhaustion."
    )
    for quote in _speakers(text):
        if quote.speaker_words == "it" or quote.speaker == "it":
            assert " and " not in (quote.speaker or "")


def test_it_is_the_thing_its_own_sentence_names_first():
    # a reader saw "it offers enough gore" credited to the film's writers
    text = (
        "Written by Fede Alvarez and Rodo Sayagues, the story begins at a cabin. Alvarez said "
        "the cabin was real. It's unlikely the movie will gain the same ardent following as "
        "Raimi's debut, but it offers enough good-time gore to leave an audience exhausted."
    )
    (offers,) = [q for q in _speakers(text) if q.cue == "offers"]
    assert offers.speaker == "the movie"
