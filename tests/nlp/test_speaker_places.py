"""A one-word name the tagger typed a place after "in"/"to" and once a person is a place:
no "he" later in the article means it."""

from spacy.tokens import Span

from helpers import parsed_doc
from storyline.nlp.speaker_places import place_names
from storyline.nlp.speakers import _names


def _town_doc(first_label: str = "GPE"):
    rows = [
        ("He", True, 1, "nsubj", "PRON", "PRP", "he", True),
        ("moved", True, 1, "ROOT", "VERB", "VBD", "move", False),
        ("to", True, 1, "prep", "ADP", "IN", "to", False),
        ("Clarkston", False, 2, "pobj", "PROPN", "NNP", "Clarkston", False),
        (".", True, 1, "punct", "PUNCT", ".", ".", False),
        ("Life", True, 8, "nsubj", "NOUN", "NN", "life", True),
        ("in", True, 5, "prep", "ADP", "IN", "in", False),
        ("Clarkston", True, 6, "pobj", "PROPN", "NNP", "Clarkston", False),
        ("is", True, 8, "ROOT", "AUX", "VBZ", "be", False),
        ("good", False, 8, "acomp", "ADJ", "JJ", "good", False),
        (".", True, 8, "punct", "PUNCT", ".", ".", False),
        ("Clarkston", True, 12, "nsubj", "PROPN", "NNP", "Clarkston", True),
        ("became", True, 12, "ROOT", "VERB", "VBD", "become", False),
        ("his", True, 14, "poss", "PRON", "PRP$", "his", False),
        ("home", False, 12, "attr", "NOUN", "NN", "home", False),
        (".", False, 12, "punct", "PUNCT", ".", ".", False),
    ]
    doc = parsed_doc(rows)
    doc.ents = [
        Span(doc, 3, 4, label=first_label),
        Span(doc, 7, 8, label="GPE"),
        Span(doc, 11, 12, label="PERSON"),
    ]
    return doc


def test_a_place_twice_after_in_or_to_is_no_person_where_once_tagged_one():
    doc = _town_doc()
    assert place_names(doc, {}) == {"clarkston"}
    assert not [n for n in _names(doc, []) if n.label == "PERSON"]


def test_one_place_mention_or_a_named_surname_keeps_the_person():
    assert place_names(_town_doc("PERSON"), {}) == set()
    assert place_names(_town_doc(), {"clarkston": 0}) == set()
