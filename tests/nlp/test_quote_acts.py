"""An attribution of what someone knows, sees, decides or wants is marked unspoken; a
clause after the same verbs is something put in words and is not."""

from __future__ import annotations

import pytest

from storyline.config import QuoteOptions
from storyline.link.article_layer import quotes_with_speakers
from storyline.nlp.quote_acts import unspoken
from storyline.nlp.spacy_model import load_pipeline

TEXT = (
    "Comey, who knows how to leave a paper trail, decided to keep a log of his talks. "
    "The former FBI chief found himself at the center of the drama. "
    "The group also found itself caught up in a feud. "
    "A study found that hunger increases spending. "
    '"We know that Trump asked him," Schiff said. '
    "Officials want to find out what occurred. "
    "Critics believe the plan will fail. "
    "Lawyers saw ambiguities in the language. "
    "A Swiss climber found the bodies on the mountain. "
    "The ministry denied the report."
)


@pytest.fixture(scope="module")
def quotes():
    return quotes_with_speakers(load_pipeline()(TEXT), QuoteOptions())


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("how to leave a paper trail", True),
        ("to keep a log of his talks", True),
        ("himself at the center of the drama", True),
        ("itself caught up in a feud", True),  # the parser makes "itself" a subject
        ("to find out what occurred", True),
        ("ambiguities in the language", True),
        ("the bodies on the mountain", True),  # finding a thing is no finding
        ("that hunger increases spending", False),  # a finding put in words
        ("the plan will fail", False),  # a belief is a stance, not a cue of this kind
        ("the report", False),  # denying is saying
    ],
)
def test_unspoken(quotes, content: str, expected: bool) -> None:
    quote = next(q for q in quotes if q.text == content)
    assert quote.unspoken is expected


def test_direct_quotes_and_cueless_quotes_are_never_unspoken(quotes) -> None:
    direct = next(q for q in quotes if q.kind == "direct")
    assert direct.text.startswith('"We know') and not direct.unspoken
    doc = load_pipeline()(TEXT)
    at = TEXT.index("how to leave")
    assert not unspoken(doc, "indirect", None, (at, at + 26))
    assert not unspoken(doc, "direct", (TEXT.index("knows"), TEXT.index("knows") + 5),
                        (at, at + 26))  # fmt: skip


FINDINGS = (
    "A jury found him guilty of murder. "
    "Eichmann made the request after being found guilty of 15 charges. "
    "Investigators found evidence that the company had falsified its records. "
    "Investigators found no evidence of political bias. "
    "The team found that some of the upper layers of the soil date to the medieval period, "
    "and contain shards of pottery. "
    "Many in Ireland felt the result flattered England. "
    "The lawsuit seeks damages of $5 million."
)


@pytest.mark.parametrize(
    "cue",
    [
        "found him guilty",  # a verdict
        "found no evidence",  # an investigation's finding
        "found guilty",  # found by someone unnamed
        "found evidence that",  # a proposition inside
        "found that some",  # a clause whose finite verb the tagger calls VB ("contain")
        "felt the result",  # a clause with its own subject
        "seeks damages",  # a record has no wants: a lawsuit's demand is its words
    ],
)
def test_findings_and_clauses_are_words(cue: str) -> None:
    quotes = quotes_with_speakers(load_pipeline()(FINDINGS), QuoteOptions())
    at = FINDINGS.index(cue)
    (quote,) = [q for q in quotes if q.cue_start == at]
    assert not quote.unspoken


ACTS = (
    "Ms. Doe was arrested Tuesday and charged with aggravated child abuse and murder. "
    "Switzerland recalled its entire diplomatic staff from the mission. "
    "The mayor recalled that the river had never risen so fast. "
    "The company did not respond to a request for comment. "
    "He was told that the plan had failed."
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("aggravated child abuse and murder", True),  # a passive's subject said nothing
        ("its entire diplomatic staff from the mission", True),
        ("the river had never risen so fast", False),  # recalling a fact is words
        ("the plan had failed", False),  # told a clause, though passive
    ],
)
def test_acts_with_a_thing_and_passives_are_unspoken(content: str, expected: bool) -> None:
    quotes = quotes_with_speakers(load_pipeline()(ACTS), QuoteOptions())
    found = [q for q in quotes if content in q.text]
    assert found, [q.text for q in quotes]
    assert all(q.unspoken is expected for q in found)
