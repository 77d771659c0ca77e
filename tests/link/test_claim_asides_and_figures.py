"""What may back a claim: a sentence sharing only the words of the claim's aside (set
off by dashes or brackets) is no corroboration; and two figures agree only when one is the
other rounded to the digits it is written with."""

import pytest

from storyline.config import ClaimOptions
from storyline.link.claim_facts import _agree
from storyline.link.claim_judge import _corroborates
from storyline.link.claims import ClaimArticle, SentenceInfo
from storyline.model import Span
from storyline.nlp.facts import Fact

pytest.importorskip("spacy")


def _statement_of(text):
    from storyline.link.claims import claim_candidates
    from storyline.nlp.spacy_model import load_pipeline

    doc = next(load_pipeline().pipe([text]))
    sentences = tuple(Span(s.start_char, s.end_char) for s in doc.sents)
    article = ClaimArticle("a", text, sentences, "outlet-a")
    (statement,) = claim_candidates(article, doc, ()).statements
    return statement


def test_words_of_an_aside_back_no_claim():
    # a reader saw "Moonlight has won best picture" back "Moonlight – truly the year's best
    # picture – was the title inside the envelope they should have been given"
    claim = _statement_of(
        "But Moonlight – truly the year’s best picture – was the title inside the envelope "
        "they should have been given."
    )
    assert "picture" not in claim.claimed_keys
    assert {"title", "envelope"} <= claim.claimed_keys
    names = frozenset({"moonlight"})
    backer = SentenceInfo(0, 9, None, None, names, names | {"win", "good", "picture"}, False)
    options = ClaimOptions()
    assert not _corroborates(claim, backer, options.min_shared_keys, options.min_claimed_share)
    telling = SentenceInfo(0, 9, None, None, names, names | {"title", "envelope", "win"}, False)
    assert _corroborates(claim, telling, options.min_shared_keys, options.min_claimed_share)


def _fact(text, value, modifier=None, value_max=None):
    return Fact(text, 0, len(text), value, None, "passengers", None, None, modifier, None, 0, 9,
                value_max)  # fmt: skip


def test_different_counts_do_not_agree():
    # a reader saw "150 Chinese passengers" and "153 Chinese passengers" shown as agreeing
    tolerance = ClaimOptions().value_tolerance
    assert not _agree(_fact("150", 150), _fact("153", 153), tolerance)
    assert not _agree(_fact("1,500", 1500), _fact("1,523", 1523), tolerance)
    assert _agree(_fact("153", 153), _fact("153", 153), tolerance)


def test_a_figure_agrees_with_itself_rounded_to_its_digits():
    tolerance = ClaimOptions().value_tolerance
    assert _agree(_fact("$808 million", 808e6), _fact("$808.4 million", 808.4e6), tolerance)
    assert _agree(_fact("1.2 billion", 1.2e9), _fact("1.23 billion", 1.23e9), tolerance)
    assert not _agree(_fact("1.2 billion", 1.2e9), _fact("1.3 billion", 1.3e9), tolerance)
    assert _agree(_fact("$550m", 550e6), _fact("$550.2m", 550.2e6), tolerance)
    # a hedge still reaches as far as it says
    assert _agree(_fact("about 150", 150, "about"), _fact("153", 153), tolerance)
