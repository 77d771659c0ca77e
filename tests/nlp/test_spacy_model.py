"""The pipeline as loaded: a curly apostrophe reads as a straight one, a dash glued to a
closing quotation mark is its own token (the tokenizer and tagger fixes of
``spacy_model.load_pipeline``)."""

import pytest

from storyline.nlp.spacy_model import STRAIGHTEN_APOSTROPHES, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline("en_core_web_sm")


def _parse(nlp, text):
    return [(t.text.replace("\u2019", "'"), t.tag_, t.dep_, t.head.i) for t in nlp(text)]


def test_a_curly_apostrophe_is_tagged_and_parsed_as_a_straight_one(nlp):
    # the "’s" of "John’s" was tagged a closing quotation mark and the "’ve" of
    # "should’ve" the subject of "known" (a quote's speaker became "it should’ve")
    curly = "In addition, it should\u2019ve known. They\u2019re sure it\u2019s John\u2019s car."
    straight = curly.replace("\u2019", "'")
    assert _parse(nlp, curly) == _parse(nlp, straight)
    doc = nlp(curly)
    assert doc.text == curly  # the text is untouched: offsets slice the article
    assert [t.tag_ for t in doc if t.text == "\u2019s"] == ["VBZ", "POS"]
    assert nlp.pipe_names[0] == STRAIGHTEN_APOSTROPHES


def test_odd_apostrophe_runs_parse_and_keep_their_text(nlp):
    # bad input reaches the component first: nothing, apostrophes only, a run too long to
    # tokenize as it is (parse_input cuts it), a control character beside one
    from storyline.nlp.spacy_model import parse_input

    for text in ("", "\u2019", "\u2019\u2019\u2019\u2019", "\u2019" * 600, "\x00\u2019s"):
        assert nlp(parse_input(nlp, text)).text == text
