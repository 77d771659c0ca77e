"""A story's check-worthy claims, and where its independent sources agree or contradict.

Two kinds of claims:

- **number facts** (``storyline.nlp.facts``): same counted thing (head noun, with a few
  synonyms such as lives/people), same unit and same time scope (the dates named in the
  sentence). Equal values (allowing "more than"/"about") agree; different values given by
  different sources contradict.
- **statements**: every sentence that is attributed (someone said, denied, announced it:
  ``storyline.nlp.quotes``) or reports an event (its main verb's subject names someone or
  somewhere), with what it claims (the reported clause, the attribution cut off), who
  says it (the speaker), and its key terms (names and content lemmas). Each independent
  source then gets a stance toward each statement from the stance engine
  (``storyline.link.stance``): ``agree`` when its article, read whole, agrees with the
  claim and the sentence that decides it is aligned with the claim; ``disagree`` when one
  of its sentences aligned with the claim carries a refuting or negating cue and the
  engine, reading that sentence, says ``disagree`` with a high score (a lower one when the
  sentence denies a plan to make the move the claim reports done: ``stance_denials``).
  No topic lexicon.

A claim is ``contradicted`` when a side disagrees with the deciding sentence cited on both
sides, ``corroborated`` when two or more independent sources assert or agree, else
``single-source``. Sources are the caller's independent-source keys (syndicated copies
collapsed). An outlet never contradicts itself: two sentences of one source oppose each
other only when the article attributes them to two different speakers (Lavrov denies what
"Russian media reports said"), never in its own voice. Every side carries article id and
offsets that slice the article.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from storyline.config import ClaimOptions
from storyline.link.claim_facts import align_facts, fact_key
from storyline.link.claim_judge import StatementIndex, judge_claims
from storyline.link.claim_statements import sentence_infos, statements_of
from storyline.link.claim_types import (
    AlignedClaim,
    ClaimArticle,
    ClaimCandidates,
    ClaimSide,
    Ents,
    SentenceInfo,
    StanceFn,
    Statement,
    Verdict,
    make_claim,
    make_side,
    name_key,
)
from storyline.nlp.facts import Fact, facts_in_docs
from storyline.nlp.quotes import Quote

__all__ = [
    "AlignedClaim",
    "ClaimArticle",
    "ClaimCandidates",
    "ClaimSide",
    "SentenceInfo",
    "StanceFn",
    "Statement",
    "StatementIndex",
    "Verdict",
    "name_key",
    "align_candidates",
    "align_claims",
    "claim_candidates",
    "judge_claims",
]

logger = logging.getLogger(__name__)


def align_claims(
    articles: Sequence[ClaimArticle],
    options: ClaimOptions | None = None,
    model: str = "en_core_web_sm",
) -> list[AlignedClaim]:
    """Claims of ``articles`` with every independent source's stance, sorted
    deterministically (parses the articles; the brief does this per article in steps)."""
    options = options or ClaimOptions()
    if not articles:
        return []
    from storyline.nlp.quotes import quotes_from_doc
    from storyline.nlp.spacy_model import load_pipeline, parse_input

    nlp = load_pipeline(model)
    docs = list(nlp.pipe([parse_input(nlp, a.text) for a in articles], batch_size=16))
    facts = facts_in_docs(docs, [list(a.sentences) for a in articles])
    candidates = [
        claim_candidates(a, doc, fs, quotes_from_doc(doc))
        for a, doc, fs in zip(articles, docs, facts, strict=True)
    ]
    statements = [s for c in candidates for s in c.statements]
    verdicts = [v for c in candidates for v in judge_claims(c, statements, options)]
    return align_candidates(candidates, options, verdicts)


def claim_candidates(
    article: ClaimArticle, doc: Any, facts: Sequence[Fact], quotes: Sequence[Quote] = ()
) -> ClaimCandidates:
    ents = Ents(doc)  # Span.ents walks the whole Doc: read its entities once
    keyed = []
    for fact in facts:
        key = fact_key(fact, doc, ents)
        if key is not None:
            keyed.append((key, fact))
    infos = sentence_infos(article, doc, quotes, ents)
    if article.copy:  # a copy's statements are its original's
        return ClaimCandidates(article, tuple(keyed), (), ())
    fact_sentences = {f.sentence_start for _, f in keyed}
    statements = statements_of(article, doc, quotes, infos, fact_sentences, ents)
    return ClaimCandidates(article, tuple(keyed), tuple(statements), tuple(infos))


def align_candidates(
    candidates: Sequence[ClaimCandidates],
    options: ClaimOptions | None = None,
    verdicts: Sequence[Verdict] = (),
) -> list[AlignedClaim]:
    """Claims from the articles' candidates and the sources' verdicts, sorted
    deterministically: contradicted, corroborated, single-source."""
    options = options or ClaimOptions()
    out = align_facts(candidates, options)
    out.extend(_statement_claims([s for c in candidates for s in c.statements], verdicts))
    out.sort(key=lambda c: (_STATUS_ORDER[c.status], c.kind, c.subject, c.id))
    return out


_STATUS_ORDER = {"contradicted": 0, "corroborated": 1, "single-source": 2}


def _statement_claims(
    statements: Sequence[Statement], verdicts: Sequence[Verdict]
) -> list[AlignedClaim]:
    """One claim per statement with its verdicts; a statement the claim's lead cites as
    agreeing is the same claim (merged, directly only); one cited as disagreeing and
    stated by no one else is shown on that claim's opposing side only."""
    by_key = {(s.article.id, s.sentence.start): s for s in statements}
    sides: dict[tuple[str, int], list[ClaimSide]] = defaultdict(list)
    opposing: dict[tuple[str, int], list[ClaimSide]] = defaultdict(list)
    for v in verdicts:
        if v.claim in by_key:
            (opposing if v.side.stance == "disagree" else sides)[v.claim].append(v.side)

    # a claim is a lead statement and the statements that agree with it directly, never
    # through a chain (A backs B, B backs C: A and C may say different things); leads with
    # a disagreement first, then those backed by the most sources
    def backing(k: tuple[str, int]) -> list[tuple[str, int]]:
        return [(s.article, s.start) for s in sides[k] if (s.article, s.start) in by_key]

    def rank(k: tuple[str, int]) -> tuple[bool, int, tuple[str, int]]:
        return (not opposing[k], -len({s.source for s in sides[k]}), k)

    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    placed: set[tuple[str, int]] = set()
    for key in sorted(by_key, key=rank):
        if key in placed:
            continue
        members = [key] + [k for k in dict.fromkeys(backing(key)) if k not in placed and k != key]
        placed.update(members)
        groups[key] = members
    cited_against = {(s.article, s.start) for ss in opposing.values() for s in ss}
    out = []
    for members in groups.values():
        against = [s for k in members for s in opposing[k]]
        if (
            not against
            and len(members) == 1
            and members[0] in cited_against
            and not sides[members[0]]
        ):
            continue  # shown as the opposing side of the claim it disputes
        lead = members[0]
        statement = by_key[lead]
        # the lead states it; its backers (the members among them) agree with it, each
        # with its deciding sentence (a member's own backers may not back the lead)
        support = {lead: make_side(statement.article, statement.sentence, "asserts")}
        for s in sides[lead]:
            support.setdefault((s.article, s.start), s)
        against = [s for s in against if (s.article, s.start) not in support]
        out.append(
            make_claim(
                "statement",
                statement.subject,
                list(support.values()),
                against,
                statement.proposition,
            )
        )
    return out
