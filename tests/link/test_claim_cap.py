"""The claim step's cost bound: an article is judged against at most
``ClaimOptions.max_claims_per_article`` statements, those it aligns with best, found
through a ``StatementIndex`` of the names they mention (records built by hand: no parse)."""

from dataclasses import dataclass

from storyline.config import ClaimOptions
from storyline.link.claims import (
    ClaimArticle,
    ClaimCandidates,
    SentenceInfo,
    Statement,
    StatementIndex,
    judge_claims,
)

JUDGE_TEXT = "Riverton council approved the bridge vote."


@dataclass(frozen=True)
class _Result:
    stance: str
    score: float
    evidence: tuple[tuple[int, int], ...]


def _info(start, end, names, keys):
    names = frozenset(names)
    return SentenceInfo(start, end, None, None, names, names | frozenset(keys), False)


def _statement(aid, names, keys, source=None):
    text = "Riverton said the council approved the bridge and the vote today."
    article = ClaimArticle(aid, text, (), source or f"outlet-{aid}")
    info = _info(0, len(text), names, keys)
    return Statement(article, info, text, "Riverton", frozenset(keys))


def _judge():
    article = ClaimArticle("judge", JUDGE_TEXT, (), "judge-outlet")
    sentence = _info(0, len(JUDGE_TEXT), {"riverton"}, {"council", "approve", "bridge", "vote"})
    return ClaimCandidates(article, (), (), (sentence,))


class _Stance:
    """Agrees with every claim, citing the judge's sentence; records what it was asked."""

    def __init__(self):
        self.claims: list[str] = []

    def __call__(self, pairs):
        self.claims += [c for c, _ in pairs]
        return [_Result("agree", 0.9, ((0, len(JUDGE_TEXT)),)) for _ in pairs]


STATEMENTS = [
    # keys shared with the judge (an agreeing side shares two words beyond the names)
    _statement("s1", {"riverton"}, {"council", "vote"}),  # 3
    _statement("s2", {"riverton"}, {"council", "approve", "bridge", "vote"}),  # 5
    _statement("s3", {"riverton"}, {"council", "approve", "vote"}),  # 4
    _statement("s0", {"riverton"}, {"bridge", "vote"}),  # 3, lower article id than s1
    _statement("s4", {"avon"}, {"council", "approve", "bridge", "vote"}),  # names nothing shared
]


def _judged(options, index=None):
    stance = _Stance()
    verdicts = judge_claims(_judge(), STATEMENTS, options, stance, index)
    return sorted(v.claim[0] for v in verdicts), stance


def test_every_aligned_statement_is_judged_under_the_cap():
    judged, _ = _judged(ClaimOptions())
    assert judged == ["s0", "s1", "s2", "s3"]  # s4 names nothing the article names


def test_the_cap_keeps_the_best_aligned_statements_deterministically():
    judged, stance = _judged(ClaimOptions(max_claims_per_article=2))
    assert judged == ["s2", "s3"]
    assert len(stance.claims) == 2
    judged, _ = _judged(ClaimOptions(max_claims_per_article=3))
    assert judged == ["s0", "s2", "s3"]  # a tie on shared keys goes to the lower article id
    judged, stance = _judged(ClaimOptions(max_claims_per_article=0))
    assert judged == [] and stance.claims == []


def test_the_index_finds_the_same_statements_as_reading_them_all():
    index = StatementIndex(STATEMENTS)
    for cap in (0, 2, 3, 40):
        options = ClaimOptions(max_claims_per_article=cap)
        plain, plain_stance = _judged(options)
        indexed, indexed_stance = _judged(options, index)
        assert plain == indexed and plain_stance.claims == indexed_stance.claims
    assert [s.article.id for s in index.naming({"avon"})] == ["s4"]
    assert [s.article.id for s in index.naming({"riverton", "nowhere"})] == ["s1", "s2", "s3", "s0"]


def test_a_side_sharing_only_the_names_does_not_corroborate():
    """The sample's false corroboration: "Russia seeks a political solution in Syria"
    against "Lavrov denied Russia sells arms to Syria" shares the names and one word."""
    names_only = _statement("s5", {"riverton"}, {"bridge", "storm"})
    verdicts = judge_claims(_judge(), [names_only], ClaimOptions(), _Stance())
    assert verdicts == []
    verdicts = judge_claims(_judge(), [STATEMENTS[1]], ClaimOptions(), _Stance())
    assert [v.claim[0] for v in verdicts] == ["s2"]
