"""One independent source's stance toward the story's statements (the stance engine on
the article read whole, and on its aligned sentences that carry a refuting or negating
cue), each verdict with its deciding sentence."""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from storyline.config import ClaimOptions
from storyline.link.claim_types import (
    ClaimCandidates,
    SentenceInfo,
    StanceFn,
    Statement,
    Verdict,
    make_side,
)
from storyline.link.stance_denials import denies_move


def _default_stance(pairs: list[tuple[str, str]]) -> list[Any]:
    from storyline.link.stance import stance_many

    return stance_many(pairs)


def _aligned(claim: Statement, sentence: SentenceInfo, min_shared: int) -> bool:
    """Does this sentence speak of what the claim speaks of: shared names and key words."""
    if claim.sentence.names and not (claim.sentence.names & sentence.names):
        return False
    return len(claim.sentence.keys & sentence.keys) >= min_shared


def _tells_event(claim: Statement, sentence: SentenceInfo) -> bool:
    """Does the sentence tell the claim's event: one of its predicates or a form derived
    from it ("filed" / "filing", "investigators" / "investigating"), or one of its
    figures? With no predicate found, the claim asks for none."""
    if not claim.event or claim.sentence.figures & sentence.figures:
        return True
    for e in claim.event:
        # an act the claim tells as done is not told by a sentence that has it only as
        # possible or planned ("The lawsuit was filed Monday" / "parents may file lawsuits")
        told = sentence.words if e in claim.sentence.hedged else sentence.words - sentence.hedged
        if any(_derived(e, w) for w in told):
            return True
    return False


def _derived(a: str, b: str) -> bool:
    """One lemma, or two forms of one stem: the same letters up to the last two of the
    shorter, and at least five ("resign" / "resignation"; not "consider" / "consensus")."""
    if a == b:
        return True
    n = max(5, min(len(a), len(b)) - 2)
    return len(a) >= n and len(b) >= n and a[:n] == b[:n]


def _corroborates(
    claim: Statement,
    sentence: SentenceInfo,
    min_shared: int,
    min_share: float,
    other_event_share: float = 0.0,
) -> bool:
    """Can this sentence stand as an agreeing source: aligned, and sharing what the claim
    says, not only whom it names ("Russia seeks a political solution in Syria" is not
    corroborated by "Lavrov denied Russia sells arms to Syria", which shares only the
    names and one word)."""
    # words of what is claimed, not of its attribution ("a foreign ministry statement
    # said ..." shares "foreign" with "Russia's foreign minister denied ...")
    said = (claim.claimed_keys & sentence.keys) - claim.sentence.names - sentence.names
    content = claim.claimed_keys - claim.sentence.names
    needed = max(min_shared, math.ceil(min_share * len(content) - 1e-9))
    if not _tells_event(claim, sentence):
        # it shares the claim's actors and topic but tells another event, unless it
        # retells most of what is claimed ("Colbert aired footage of his chat with Urgant"
        # is not backed by "The Late Show with Stephen Colbert is the premier talk show")
        needed = max(needed, math.ceil(other_event_share * len(content) - 1e-9))
    return _aligned(claim, sentence, min_shared) and len(said) >= needed


def _denies(claim: Statement, sentence: SentenceInfo) -> bool:
    """Does a refuting word or negation in the sentence bear on what the claim says: a
    content word of the claim near it; a name of the claim is enough only next to a
    refuting word ("Holt denied reports that the Riverton council..."), not next to a
    negation ("The New York Times has not viewed the memo" against "Comey wrote a memo,
    sources told the New York Times"); or a denied plan to make the move the claim
    reports done."""
    if not sentence.cue:
        return False
    if denies_move(claim.move, sentence.denied):
        return True
    names = claim.sentence.names
    # a name is whom the claim is about, not what it says, whichever sentence the tagger
    # found it in: "did not hear him threaten Dunn" bears on Dunn, not on "Prosecutors
    # accused Dunn of killing Davis" (where the tagger left "Dunn" untagged)
    said = (claim.sentence.keys & sentence.cue_near) - names - sentence.names
    return bool(said or names & sentence.refute_near)


def judge_claims(
    judge: ClaimCandidates,
    statements: Sequence[Statement],
    options: ClaimOptions | None = None,
    stance_fn: StanceFn | None = None,
    index: StatementIndex | None = None,
) -> list[Verdict]:
    """The stance of one article (an independent source) toward the statements of the
    story its sentences align with (at most ``options.max_claims_per_article``, those
    sharing the most key terms), each with its deciding sentence: ``agree`` from the
    stance engine on the whole article, ``disagree`` from the engine on an aligned sentence
    carrying a refuting or negating cue, above ``options.disagree_threshold``. Toward
    statements of its own source it can only report a disagreement between two speakers it
    names. ``index`` (``StatementIndex`` of ``statements``) finds the statements naming
    what the article names without reading the others."""
    options = options or ClaimOptions()
    if judge.article.copy or not judge.sentences:
        return []
    text = judge.article.text
    by_name: dict[str, list[int]] = defaultdict(list)  # name -> sentences naming it
    for n, sentence in enumerate(judge.sentences):
        for name in sentence.names:
            by_name[name].append(n)
    found: list[tuple[Statement, list[SentenceInfo]]] = []
    for claim in index.naming(by_name) if index is not None else statements:
        naming = sorted({n for name in claim.sentence.names for n in by_name.get(name, ())})
        aligned = [
            s
            for s in (judge.sentences[n] for n in naming)
            if not (claim.article.id == judge.article.id and s.start == claim.sentence.start)
            and _aligned(claim, s, options.min_shared_keys)
        ]
        if aligned:
            found.append((claim, aligned))
    if len(found) > options.max_claims_per_article:
        found = _best_aligned(found, options.max_claims_per_article)
    whole: list[Statement] = []
    single: list[tuple[Statement, SentenceInfo]] = []
    for claim, aligned in found:
        own = claim.article.source == judge.article.source
        if own:
            voice = claim.sentence.voice
            single += [
                (claim, s)
                for s in aligned
                if _denies(claim, s) and voice and s.voice and s.voice != voice
            ]
        else:
            whole.append(claim)
            single += [(claim, s) for s in aligned if _denies(claim, s)]
    if not whole and not single:
        return []
    # a sentence is read alone and with the sentence after it ("X denied reports that ...
    # No vote has taken place"): the engine judges passages, and is shaky on one sentence
    after = {a.start: b for a, b in zip(judge.sentences, judge.sentences[1:], strict=False)}
    windows = []
    for _claim, s in single:
        windows.append((s.start, s.end))
        nxt = after.get(s.start)
        windows.append((s.start, nxt.end if nxt is not None else s.end))
    pairs = [(c.proposition, text) for c in whole]
    pairs += [(c.proposition, text[a:b]) for (c, _s), (a, b) in zip(
        [p for p in single for _ in (0, 1)], windows, strict=True)]  # fmt: skip
    results = (stance_fn or _default_stance)(pairs)
    by_start = {s.start: s for s in judge.sentences}
    agreed: dict[tuple[str, int], Verdict] = {}
    judged: list[tuple[Statement, SentenceInfo, Any]] = []
    for claim, result in zip(whole, results[: len(whole)], strict=True):
        if result.stance == "disagree":  # the article read whole denies it: cite its cue
            for start, _end in result.evidence:
                hit = _sentence_at(judge.sentences, start)
                if (
                    hit is not None
                    and _denies(claim, hit)
                    and _aligned(claim, hit, options.min_shared_keys)
                ):
                    judged.append((claim, hit, result))
                    break
        if result.stance != "agree" or result.score < options.agree_threshold:
            continue
        for start, _end in result.evidence:
            hit = _sentence_at(judge.sentences, start) or by_start.get(start)
            if hit is not None and _corroborates(
                claim,
                hit,
                options.min_shared_keys,
                options.min_claimed_share,
                options.min_claimed_share_other_event,
            ):
                key = (claim.article.id, claim.sentence.start)
                agreed[key] = Verdict(key, make_side(judge.article, hit, "agree", result.score))
                break
    disagreed: dict[tuple[str, int], Verdict] = {}
    rest = results[len(whole) :]
    for i, (claim, sentence) in enumerate(single):
        judged += [(claim, sentence, rest[2 * i]), (claim, sentence, rest[2 * i + 1])]
    for claim, sentence, result in judged:
        key = (claim.article.id, claim.sentence.start)
        # a denied plan against the move the claim reports done ("no plans to send troops
        # to Syria" / "a unit had arrived in Syria"): the engine reads that structure badly
        # (it calls the Lavrov sentence agree), so the structure decides; the engine's
        # score is kept only when it said disagree above the plan bar
        planned = denies_move(claim.move, sentence.denied)
        engine_disagrees = result.stance == "disagree"
        if planned:
            bar = options.plan_denial_threshold
            score = result.score if engine_disagrees and result.score >= bar else None
        elif engine_disagrees and result.score >= options.disagree_threshold:
            score = result.score
        else:
            continue
        if key in agreed:  # the article as a whole agrees: one sentence does not overturn it
            continue
        best = disagreed.get(key)
        if best is None or (best.side.score or 0.0) < (score or 0.0):
            disagreed[key] = Verdict(key, make_side(judge.article, sentence, "disagree", score))
    return sorted(
        [*agreed.values(), *disagreed.values()],
        key=lambda v: (v.claim, v.side.stance, v.side.start),
    )


class StatementIndex:
    """A storyline's statements by the names they mention: the statements an article can
    align with (one naming something its sentences name), in ``statements`` order."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self.statements = list(statements)
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for i, statement in enumerate(self.statements):
            for name in statement.sentence.names:
                self.by_name[name].append(i)

    def naming(self, names: Iterable[str]) -> list[Statement]:
        found = {i for name in names for i in self.by_name.get(name, ())}
        return [self.statements[i] for i in sorted(found)]


def _best_aligned(
    found: Sequence[tuple[Statement, list[SentenceInfo]]], cap: int
) -> list[tuple[Statement, list[SentenceInfo]]]:
    """The ``cap`` statements an article aligns with best (most key terms shared with one
    of its sentences; ties by the statement's article id and offset), in their order."""

    def rank(n: int) -> tuple[int, str, int]:
        claim, aligned = found[n]
        shared = max(len(claim.sentence.keys & s.keys) for s in aligned)
        return -shared, claim.article.id, claim.sentence.start

    kept = sorted(sorted(range(len(found)), key=rank)[:cap])
    return [found[n] for n in kept]


def _sentence_at(sentences: Sequence[SentenceInfo], offset: int) -> SentenceInfo | None:

    n = bisect.bisect_right([s.start for s in sentences], offset) - 1
    if n >= 0 and sentences[n].start <= offset < sentences[n].end:
        return sentences[n]
    return None
