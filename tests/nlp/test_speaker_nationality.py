"""A word the tagger types a nationality names no speaker only when it is shaped like
one ("Russian", "Chinese"): a research firm the tagger mistypes ("Statista") still speaks."""

from spacy.tokens import Span

from helpers import parsed_doc
from storyline.nlp.speaker_forms import nationality


def _doc(word):
    # "<word> estimates the market at 100 million ."
    rows = [
        (word, True, 1, "nsubj", "PROPN", "NNP", word, True),
        ("estimates", True, 1, "ROOT", "VERB", "VBZ", "estimate", False),
        ("the", True, 3, "det", "DET", "DT", "the", False),
        ("market", True, 1, "dobj", "NOUN", "NN", "market", False),
        ("at", True, 1, "prep", "ADP", "IN", "at", False),
        ("100", True, 6, "compound", "NUM", "CD", "100", False),
        ("million", False, 4, "pobj", "NUM", "CD", "million", False),
        (".", False, 1, "punct", "PUNCT", ".", ".", False),
    ]
    doc = parsed_doc(rows)
    doc.ents = [Span(doc, 0, 1, label="NORP")]
    return doc


def test_a_demonym_typed_a_nationality_is_no_speaker():
    for word in ("Russian", "Chinese", "British", "Iraqi", "Dutch", "Swiss", "Thai"):
        doc = _doc(word)
        assert nationality(doc[0:1]), word


def test_a_name_the_tagger_types_a_nationality_still_speaks():
    for word in ("Statista", "Gartner", "Nielsen"):
        doc = _doc(word)
        assert not nationality(doc[0:1]), word
