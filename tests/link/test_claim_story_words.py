"""What may back a claim: a sentence sharing only the words every source of the story
uses ("best picture" in a story of the best-picture mix-up) is no corroboration; and two
figures agree only when one is the other rounded to the digits it is written with
(records built by hand: no parse)."""

from dataclasses import dataclass

from storyline.config import ClaimOptions
from storyline.link.claim_facts import _agree
from storyline.link.claims import (
    ClaimArticle,
    ClaimCandidates,
    SentenceInfo,
    Statement,
    StatementIndex,
    judge_claims,
)
from storyline.nlp.facts import Fact

CLAIM = "But Moonlight, truly the year's best picture, was the title inside the envelope."
BACKER = "Moonlight has won best picture."


@dataclass(frozen=True)
class _Result:
    stance: str
    score: float
    evidence: tuple[tuple[int, int], ...]


def _agrees(pairs):
    return [_Result("agree", 0.95, ((0, len(BACKER)),)) for _ in pairs]


def _statement(aid, text, keys, names=("moonlight",)):
    names = frozenset(names)
    info = SentenceInfo(0, len(text), None, None, names, names | frozenset(keys), False)
    return Statement(ClaimArticle(aid, text, (), f"outlet-{aid}"), info, text, "Moonlight",
                     frozenset(keys))  # fmt: skip


CLAIMED = {"good", "picture", "title", "inside", "envelope", "truly", "year"}
# four other outlets of the story: each says "best picture" and "envelope"
OTHERS = [
    _statement(f"o{k}", "x", {"good", "picture", "envelope", "announce", f"word{k}"})
    for k in range(4)
]


def _judge(keys):
    names = frozenset({"moonlight"})
    sentence = SentenceInfo(0, len(BACKER), None, None, names, names | frozenset(keys), False)
    return ClaimCandidates(ClaimArticle("judge", BACKER, (), "judge-outlet"), (), (), (sentence,))


def _verdicts(judge_keys, statements, options=None):
    index = StatementIndex(statements, options)
    return judge_claims(_judge(judge_keys), statements, options, _agrees, index)


def test_words_every_source_says_do_not_back_a_claim():
    claim = _statement("a", CLAIM, CLAIMED)
    statements = [claim, *OTHERS]
    assert {"good", "picture", "envelope"} <= StatementIndex(statements).story_words
    assert not _verdicts({"good", "picture", "win"}, statements)
    # a word of what the claim itself says backs it
    (verdict,) = _verdicts({"good", "picture", "title"}, statements)
    assert verdict.claim == ("a", 0) and verdict.side.stance == "agree"


def test_a_small_story_has_no_story_words():
    # with three sources the words two of them share are what they corroborate
    claim = _statement("a", CLAIM, CLAIMED)
    statements = [claim, *OTHERS[:2]]
    assert StatementIndex(statements).story_words == frozenset()
    assert _verdicts({"good", "picture", "win"}, statements)
    # the options steer it
    options = ClaimOptions(story_word_sources=3)
    assert not _verdicts({"good", "picture", "win"}, statements, options)


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
