"""What a negation denies: a sentence contradicts a claim only when it says something did
not happen or is not so; an opinion of what ought not to be, a question's "whether or not",
"not only" and the main clause of a condition deny nothing."""

import pytest

from storyline.link.claims import ClaimArticle, align_claims

pytest.importorskip("spacy")


def _cue(sentence):
    from storyline.link.claim_statements import sentence_infos
    from storyline.link.claim_types import Ents
    from storyline.nlp.spacy_model import load_pipeline

    doc = next(load_pipeline().pipe([sentence]))
    article = ClaimArticle("a", sentence, (), "outlet-a")
    (info,) = sentence_infos(article, doc, (), Ents(doc))
    return info.cue


@pytest.mark.parametrize(
    "sentence",
    [
        # seen on a real pile as "contradicting" "The White House is considering picking
        # the Republican governor from Nevada to fill the current vacancy"
        '"This vacancy should not be filled by this lame-duck president," McConnell said.',
        # ... as contradicting "The Onion has named Kim Jong Un the Sexiest Man Alive"
        "We are here to debate whether or not Kim Jong Un is the sexiest man alive.",
        # ... as contradicting "Artist Mike Parr begins a 72-hour stint buried alive"
        "Parr said he could not be an independent artist if he needed permission.",
        "The mayor not only approved the bridge but also opened it.",
    ],
)
def test_a_negation_that_denies_nothing_is_no_cue(sentence):
    assert not _cue(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The White House is not considering the Nevada governor for the vacancy.",
        "Russia had no plans to send troops to Syria, Lavrov said.",
        "Mayor Jane Holt denied reports that the council had approved the bridge.",
    ],
)
def test_a_denial_is_still_a_cue(sentence):
    assert _cue(sentence)


def test_an_opinion_about_an_act_does_not_contradict_the_act():
    claim = (
        "The White House is considering picking the Republican governor of Nevada, Brian "
        "Sandoval, to fill the vacancy on the Supreme Court, officials said on Wednesday."
    )
    opinion = (
        '"I believe the overwhelming view of the Republican conference is that this '
        'vacancy should not be filled by this lame-duck president," Senate Majority Leader '
        "Mitch McConnell said of the Supreme Court vacancy and the governor of Nevada."
    )
    arts = [ClaimArticle("a", claim, (), "Post"), ClaimArticle("b", opinion, (), "Times")]
    claims = align_claims(arts)
    assert claims and all(c.status != "contradicted" for c in claims)
