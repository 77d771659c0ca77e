"""The records of claim alignment (articles, sides, claims, statements, verdicts) and the
name keys and entity lookup that facts, statements and the stance step share."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from storyline.disjoint import DisjointSet
from storyline.link.stance_denials import Move
from storyline.model import Article, Span
from storyline.nlp.facts import Fact


@dataclass(frozen=True)
class ClaimArticle:
    """What the aligner needs from an article; ``source`` is its independent-source key."""

    id: str
    text: str
    sentences: tuple[Span, ...]
    source: str
    copy: bool = False  # a syndicated copy: offers its facts, judges no claim

    @classmethod
    def from_article(cls, article: Article, source: str | None = None) -> ClaimArticle:
        key = source or article.outlet or article.publisher or article.duplicate_of or article.id
        return cls(
            article.id,
            article.text,
            tuple(article.sentences),
            key,
            article.duplicate_of is not None,
        )


@dataclass(frozen=True)
class ClaimSide:
    article: str
    source: str
    start: int  # the cited sentence
    end: int
    text: str
    stance: str  # "asserts" (states the claim) | "agree" | "disagree"
    score: float | None = None  # the stance engine's probability, when it decided
    speaker: str | None = None  # who the article attributes the sentence to
    value: float | None = None
    value_start: int | None = None  # the number phrase, for facts
    value_end: int | None = None


@dataclass
class AlignedClaim:
    id: str
    kind: str  # "fact" | "statement"
    subject: str  # what the claim is about: "people killed", "a Russian military unit"
    text: str  # the claim as first stated
    status: str  # "corroborated" | "single-source" | "contradicted"
    sources: list[str]
    sides: list[ClaimSide] = field(default_factory=list)  # asserting or agreeing
    opposing: list[ClaimSide] = field(default_factory=list)  # disagreeing


_NATIONALITIES = {
    "british": "britain",
    "chinese": "china",
    "french": "france",
    "turkish": "turkey",
    "israeli": "israel",
    "iraqi": "iraq",
    "iranian": "iran",
    "soviet": "soviet union",
    "u.s.": "us",
    "american": "us",
    "united states": "us",
    "u.s": "us",
}
NAME_LABELS = {"GPE", "NORP", "LOC", "ORG", "PERSON", "FAC", "EVENT", "PRODUCT", "LAW"}


def _place_key(text: str) -> str:
    t = text.lower().strip()
    if t.startswith("the "):
        t = t[4:]
    t = re.sub(r"['\u2019]s$", "", t)
    if t in _NATIONALITIES:
        return _NATIONALITIES[t]
    if t.endswith("ian") or t.endswith("an"):  # Russian -> russia, Syrian -> syria
        return t[:-1]
    return t


def name_key(ent: Any) -> str:
    if ent.label_ == "PERSON":  # "Sergei Lavrov", "Lavrov", "Mr Lavrov" -> lavrov
        return str(ent.text.split()[-1]).lower().strip(".'\u2019s")
    return _place_key(ent.text)


class Ents:
    """A Doc's entities in text order, found per span by binary search."""

    def __init__(self, doc: Any) -> None:
        self.ents = list(doc.ents)
        self.starts = [e.start_char for e in self.ents]

    def within(self, start: int, end: int) -> list[Any]:
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.ents) and self.ents[i].start_char < end:
            if self.ents[i].end_char <= end:
                out.append(self.ents[i])
            i += 1
        return out


@dataclass(frozen=True)
class SentenceInfo:
    """One sentence as the stance step needs it: who says it, what it names, its cues."""

    start: int
    end: int
    speaker: str | None  # the attributed speaker as written
    voice: str | None  # its key ("lavrov"); None for the outlet's own voice or a pronoun
    names: frozenset[str]  # keys of the names it mentions
    keys: frozenset[str]  # names and content lemmas
    cue: bool  # carries a refuting word or a negation
    cue_near: frozenset[str] = frozenset()  # keys within _CUE_REACH tokens of a cue
    refute_near: frozenset[str] = frozenset()  # those near a refuting word ("denied")
    denied: tuple[Move, ...] = ()  # planned moves it denies ("no plans to send troops to X")
    figures: frozenset[str] = frozenset()  # the numbers it gives, as written ("12", "1,500")
    words: frozenset[str] = frozenset()  # the lemmas of all its words, stop words included
    # the verbs it tells only as possible, planned or ahead ("may file", "plans to sue")
    hedged: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Statement:
    """A check-worthy sentence and what it claims."""

    article: ClaimArticle
    sentence: SentenceInfo
    proposition: str  # what is claimed (attribution cut off), the stance engine's claim
    subject: str
    claimed_keys: frozenset[str]  # the content lemmas of the proposition alone
    move: Move | None = None  # the move it reports as done ("a unit had arrived in X")
    # what it says happened or is so: its main predicates' lemmas ("file" in "The lawsuit
    # was filed Monday", "fake" in "The building was a fake"); empty when none was found
    event: frozenset[str] = frozenset()


class FactKey(NamedTuple):
    """What a number fact counts and in what scope: two figures are compared only under
    the same thing, unit and dates; ``places`` (the sentence's places) only decide
    whether two different figures are told of the same event."""

    thing: str  # "people killed", "warships", "amount (value)"
    unit: str
    dates: frozenset[str]
    places: frozenset[str]


@dataclass(frozen=True)
class ClaimCandidates:
    """What one article offers to claim alignment, read from its parse once: its number
    facts with their (counted thing, unit, time scope) keys, its check-worthy statements,
    and every sentence's speaker, names and cues (what the stance step compares)."""

    article: ClaimArticle
    facts: tuple[tuple[FactKey, Fact], ...]
    statements: tuple[Statement, ...]
    sentences: tuple[SentenceInfo, ...] = ()


@dataclass(frozen=True)
class Verdict:
    """One independent source's stance toward one statement, with its deciding sentence."""

    claim: tuple[str, int]  # (article id, sentence start) of the statement
    side: ClaimSide


StanceFn = Callable[[list[tuple[str, str]]], list[Any]]


def make_side(
    article: ClaimArticle, sentence: SentenceInfo, stance: str, score: float | None = None
) -> ClaimSide:
    return ClaimSide(
        article.id,
        article.source,
        sentence.start,
        sentence.end,
        article.text[sentence.start : sentence.end],
        stance,
        score,
        sentence.speaker,
    )


def _independent_voices(sides: list[ClaimSide]) -> int:
    """Sources that say it in their own words: two sources citing the very same sentence
    copied it from one origin (an excerpt or a rewrite the near-duplicate check let
    through), which is one voice, not corroboration."""
    voices: DisjointSet[str] = DisjointSet(s.source for s in sides)
    first_with: dict[str, str] = {}
    for side in sides:
        words = " ".join(side.text.lower().split())
        voices.union(side.source, first_with.setdefault(words, side.source))
    return len({voices.find(s.source) for s in sides})


def make_claim(
    kind: str,
    subject: str,
    sides: list[ClaimSide],
    opposing: list[ClaimSide],
    text: str | None = None,
) -> AlignedClaim:
    sides = sorted(
        set(sides), key=lambda s: (s.stance != "asserts", s.article, s.start, s.value_start or 0)
    )
    opposing = sorted(set(opposing), key=lambda s: (s.article, s.start, s.value_start or 0))
    sources = sorted({s.source for s in sides} | {s.source for s in opposing})
    if opposing:
        status = "contradicted"
    elif _independent_voices(sides) >= 2:
        status = "corroborated"
    else:
        status = "single-source"
    basis = "|".join(f"{s.article}:{s.start}:{s.value_start}" for s in sides + opposing)
    cid = "C" + hashlib.sha1(f"{kind}|{subject}|{basis}".encode()).hexdigest()[:12]
    claim_text = text if text is not None else (sides or opposing)[0].text
    return AlignedClaim(cid, kind, subject, claim_text, status, sources, sides, opposing)
