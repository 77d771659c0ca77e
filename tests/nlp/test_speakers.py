"""Speakers resolved to the names they refer to: small hand-written articles, and the
bundled sample pile (none of the pronoun/description speakers an analyst saw survives)."""

from __future__ import annotations

import pytest

from storyline.config import QuoteOptions
from storyline.link.story_layer import quotes_with_speakers
from storyline.nlp.spacy_model import load_pipeline

ARTICLE = (
    "Jakob Kellenberger met Russian officials in Moscow on Thursday.\n"
    '"I would like to note that Sergei Lavrov shares our concern," Kellenberger said. '
    '"Russia\'s support is very important to us," he said.\n'
    "Reporters reached one activist in Homs, who said the city had been shelled for days. "
    '"We have no medicine," the activist said.\n'
    'A foreign ministry statement said Moscow wanted a truce. It also added that "talks must go on."\n'
    'Russian officials said the ships would sail. "Russian" commentators disagreed.'
)


def _quotes(text: str):
    doc = next(load_pipeline().pipe([text]))
    return quotes_with_speakers(doc, QuoteOptions())


def test_pronouns_relatives_and_descriptions_name_who_speaks():
    quotes = _quotes(ARTICLE)
    by_words = {q.speaker_words: q for q in quotes if q.speaker_words}
    assert (
        by_words["he"].speaker == "Jakob Kellenberger" or by_words["he"].speaker == "Kellenberger"
    )
    assert by_words["who"].speaker == "one activist in Homs"
    assert by_words["the activist"].speaker == "one activist in Homs"
    assert by_words["It"].speaker == "A foreign ministry statement"
    for q in quotes:  # every offset slices the article
        if q.speaker is not None:
            assert ARTICLE[q.speaker_start : q.speaker_end] == q.speaker
        if q.speaker_words is not None:
            assert ARTICLE[q.words_start : q.words_end] == q.speaker_words
    assert not any(q.speaker in ("Russian", "he", "who", "It") for q in quotes)


@pytest.mark.slow
def test_no_pronoun_or_nationality_speaker_survives_on_the_sample(sample_dir, tmp_path):
    import storyline.api

    brief = storyline.api.brief([str(sample_dir)])
    texts = {a.id: a.text for a in brief.articles}
    speakers = []
    for story in brief.stories:
        assert story.layer is not None
        for q in story.layer.quotes:
            speakers.append(q.speaker)
            if q.speaker is not None:
                assert texts[q.article][q.speaker_start : q.speaker_end] == q.speaker
            if q.speaker_words is not None:
                start, end = q.speaker_words_start, q.speaker_words_end
                assert texts[q.article][start:end] == q.speaker_words
    forbidden = {"His comments", "who", "it", "he", "He", "That comment", "Russian", "Homs",
                 "United States", "the activist", "the statement"}  # fmt: skip
    assert not forbidden & set(speakers)
    assert "one activist in Homs" in speakers
    assert {"Kellenberger", "Lavrov", "Vyacheslav Trukhachev"} <= set(speakers)
    # who said what, as brief.md groups it: by who speaks, never by a place or a
    # nationality inside the speaker's words, and quotes not wrapped in marks twice
    markdown = brief.to_markdown()
    assert "- **one activist in Homs**\n" in markdown
    for wrong in ("- **Homs**\n", "- **Russian**\n", "- **United States**\n"):
        assert wrong not in markdown
    assert "““" not in markdown and "””" not in markdown
