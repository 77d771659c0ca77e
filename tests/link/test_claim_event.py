"""An agreeing sentence tells the claim's event: it names one of the claim's predicates (or
a form derived from it) or one of its figures, or else retells most of what is claimed; a
sentence sharing only the claim's actors and topic backs nothing."""

import pytest

from storyline.config import ClaimOptions
from storyline.link.claim_judge import _corroborates
from storyline.link.claims import ClaimArticle

pytest.importorskip("spacy")


def _parsed(text):
    from storyline.link.claim_statements import sentence_infos, statements_of
    from storyline.link.claim_types import Ents
    from storyline.nlp.spacy_model import load_pipeline

    doc = next(load_pipeline().pipe([text]))
    article = ClaimArticle("a", text, (), "outlet-a")
    ents = Ents(doc)
    infos = sentence_infos(article, doc, (), ents)
    return statements_of(article, doc, (), infos, set(), ents), infos


def _backs(claim_text, sentence_text, options=None):
    (claim,), _ = _parsed(claim_text)
    _, (sentence,) = _parsed(sentence_text)
    o = options or ClaimOptions()
    return _corroborates(
        claim,
        sentence,
        o.min_shared_keys,
        o.min_claimed_share,
        o.min_claimed_share_other_event,
    )


CLAIM = (
    "Stephen Colbert aired footage of his backstage chat with the Russian talk show host "
    "Ivan Urgant about restrictions on late-night television."
)


def test_a_sentence_of_the_same_actors_and_topic_but_another_event_backs_nothing():
    # seen on a real pile: CLAIM "corroborated" by "The Late Show with Stephen Colbert is
    # the premier late night talk show on CBS"
    other = "Stephen Colbert is the host of the premier late-night talk show on CBS."
    assert not _backs(CLAIM, other)
    # the share of the claim's words it carries alone would let it through
    assert _backs(CLAIM, other, ClaimOptions(min_claimed_share_other_event=0.0))


def test_the_same_predicate_or_most_of_the_claim_still_backs_it():
    same = "Stephen Colbert aired a chat with the talk show host Ivan Urgant on Tuesday."
    assert _backs(CLAIM, same)
    retold = (
        "Stephen Colbert showed his backstage chat with the Russian talk show host Ivan "
        "Urgant about the restrictions on late-night television."
    )
    assert _backs(CLAIM, retold)


def test_the_claims_event_is_its_main_predicate_or_a_light_verbs_complement():
    (claim,), _ = _parsed(CLAIM)
    assert claim.event == frozenset({"air"})
    (fake,), _ = _parsed("The battered building in Accra was a fake, the State Department said.")
    assert "fake" in fake.event


def test_a_quote_kept_whole_claims_its_quoted_words_not_where_they_were_said():
    # seen on a real pile: '"We don't have much at this time," State Police Sergeant Kim
    # Riley said at the press conference' was backed by "Riley ... wouldn't go so far as to
    # identify the bodies ... in a press conference Tuesday": they shared only the setting
    from storyline.link.claim_statements import sentence_infos, statements_of
    from storyline.link.claim_types import Ents
    from storyline.nlp.quotes import quotes_from_doc
    from storyline.nlp.spacy_model import load_pipeline

    text = (
        "\u201cWe don\u2019t have much at this time on the two bodies,\u201d State Police "
        "Sergeant Kim Riley said at the press conference."
    )
    doc = next(load_pipeline().pipe([text]))
    article = ClaimArticle("a", text, (), "outlet-a")
    ents, quotes = Ents(doc), quotes_from_doc(doc)
    infos = sentence_infos(article, doc, quotes, ents)
    (claim,) = statements_of(article, doc, quotes, infos, set(), ents)
    assert "body" in claim.claimed_keys
    assert not {"press", "conference"} & claim.claimed_keys


def test_an_act_told_only_as_possible_does_not_back_it_done():
    # seen on a real pile: "The lawsuit was filed Monday morning in Connecticut superior
    # court against Bushmaster" corroborated by parents who "may file wrongful death lawsuits"
    claim = (
        "Sandy Hook families filed a lawsuit on Monday morning in Connecticut superior court "
        "against Bushmaster and a gun store."
    )
    maybe = "The parents told Connecticut courts that they may file lawsuits against Bushmaster."
    done = "The parents filed their lawsuits against Bushmaster in a Connecticut court."
    assert not _backs(claim, maybe)
    assert _backs(claim, done)
