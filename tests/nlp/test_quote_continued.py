"""A long direct quote with no cue or speaker of its own goes on with the speaker of the
quote before it in its paragraph, or of the direct quote that closes the paragraph
before (``quote_speakerless.speaker_of_quote_before``)."""

from __future__ import annotations

from storyline.nlp.quote_draft import Draft
from storyline.nlp.quote_speakerless import speaker_of_quote_before


def test_a_quote_after_a_cued_one_in_its_paragraph_goes_on_with_its_speaker():
    text = (
        "“You know, it happens,” Mayor Brandt went on. “But you have to get over it and "
        "fight back, whatever you have to do.”\n"
    )
    second = text.index("“But")
    cued = Draft(0, text.index(" Mayor"), "direct", speaker=(24, 36), cue=(37, 41))
    bare = Draft(second, len(text) - 1, "direct")
    speaker_of_quote_before([cued, bare], text, min_words=6)
    assert bare.speaker == (24, 36) and text[24:36] == "Mayor Brandt"


def test_a_short_or_cued_quote_keeps_what_it_has():
    text = "“You know, it happens,” Mayor Brandt went on. “Fight back.”\n"
    cued = Draft(0, 23, "direct", speaker=(24, 36), cue=(37, 41))
    short = Draft(text.index("“Fight"), len(text) - 1, "direct")
    speaker_of_quote_before([cued, short], text, min_words=6)
    assert short.speaker is None


def test_a_quote_opening_the_next_paragraph_goes_on_with_the_speaker():
    text = (
        "“You know, it happens,” Mayor Brandt went on.\n\n“But you have to get over it and "
        "fight back, whatever you have to do.”\n"
    )
    cued = Draft(0, 23, "direct", speaker=(24, 36), cue=(37, 41))
    bare = Draft(text.index("“But"), len(text) - 1, "direct")
    speaker_of_quote_before([cued, bare], text, min_words=6)
    assert bare.speaker == (24, 36)


def test_a_quote_two_paragraphs_on_is_nobody_s():
    text = (
        "“You know, it happens,” Mayor Brandt went on.\n\nThe hall was quiet.\n\n“But you "
        "have to get over it and fight back, whatever you have to do.”\n"
    )
    cued = Draft(0, 23, "direct", speaker=(24, 36), cue=(37, 41))
    bare = Draft(text.index("“But"), len(text) - 1, "direct")
    speaker_of_quote_before([cued, bare], text, min_words=6)
    assert bare.speaker is None
