"""Datelines opening a paragraph are a sentence of their own before the parser runs."""

from __future__ import annotations

from storyline.nlp.dateline import dateline_ends
from storyline.nlp.spacy_model import load_pipeline


def test_datelines_at_paragraph_starts_are_found_and_nothing_else():
    text = (
        "KATHMANDU, Nepal (AP) — A climber said it.\n"
        "WASHINGTON (Reuters) - Officials met.\n"
        "(CNN) -- The storm hit.\n"
        "The U.S. - China talks resumed. NATO - the alliance - met."
    )
    ends = dateline_ends(text)
    assert [text[e : e + 9] for e in ends] == ["A climber", "Officials", "The storm"]


def test_the_parser_starts_a_sentence_after_the_dateline():
    doc = load_pipeline()("BEIRUT (AP) — The army said the attack was repelled.")
    starts = [s.start_char for s in doc.sents]
    assert doc.text.index("The army") in starts
    assert "storyline_dateline" in load_pipeline().pipe_names
