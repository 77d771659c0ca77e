"""The faster rule components give every token the same attributes as spaCy's own."""

from __future__ import annotations

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from storyline.nlp.spacy_fast import FastAttributeRuler, FastLemmatizer, speed_up
from storyline.nlp.spacy_model import _FALLBACKS, load_pipeline

# the ruler's multi-token rules ("gonna", "y'all", "ain't", "let's", "c'mon", "there is"),
# its two-alternative rule ("gets"/"got"), dependency-conditioned ones, spaces, and the
# lemmatizer's base forms, exceptions and unknown words
TEXTS = [
    "We're gonna win, y'all. It ain't over, and let's not pretend it is. C'mon!",
    "There is a plan.  There are two plans.\n\nShe gets what she wants; he got nothing.",
    "The ministers were meeting in Geneva on Tuesday, officials said, denying reports "
    'that talks had collapsed. "We have not given up," Lavrov told reporters.',
    "Did they do it? I'd have done it had I known. The mice ran faster than the geese.",
    "Flooding killed 1,200 people in 2011, more than the best-known storms; the "
    "xylophonists' blorfing continued.",
]
COLUMNS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]


def _plain() -> spacy.language.Language:
    try:
        return spacy.load("en_core_web_sm")
    except OSError:
        return spacy.load(_FALLBACKS["en_core_web_sm"])


def test_same_attributes_as_spacy_components() -> None:
    plain, fast = _plain(), _plain()
    assert speed_up(fast) == ["attribute_ruler", "lemmatizer"]
    for _ in range(2):  # the second pass reads the caches the first one filled
        for a, b in zip(plain.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
            assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all(), a.text
            assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
            assert [str(t.morph) for t in a] == [str(t.morph) for t in b]


def test_the_shared_pipeline_is_sped_up() -> None:
    nlp = load_pipeline()
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)


def test_unsupported_patterns_keep_spacys_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "x"})  # an operator: not handled
    assert speed_up(nlp) == []
    assert type(ruler).__name__ == "AttributeRuler"
