"""Number facts aligned across sources: same counted thing (head noun, with a few synonyms
such as lives/people), same unit and same time scope (the dates named in the sentence).
Equal values (allowing "more than"/"about") agree; different values given by different
sources contradict when both cannot be true (a bound compares as a bound: "at least two"
does not deny "five"); an outlet never contradicts itself."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from storyline.config import ClaimOptions
from storyline.link.claim_types import (
    AlignedClaim,
    ClaimArticle,
    ClaimCandidates,
    ClaimSide,
    Ents,
    FactKey,
    make_claim,
)
from storyline.nlp.facts import Fact

# counted nouns that count the same thing
_COUNT_SYNONYMS = {"life": "people", "person": "people", "casualty": "people", "death": "people"}
_SMALL_NUMBER_WORDS = {"one", "two", "both", "a", "an", "single"}
_OPEN_BOUND = 1.25  # how far past "more than X" (or below "less than X") a figure still agrees
# DATE entities that tell how long or how often, not when ("after a year of fighting",
# "a daily ceasefire"), or how old someone is ("Kroll, 31,", "a 5-year-old", "34 years
# old"): no time scope for a figure (a claim read "people killed [a year, daily]", "sum
# (raise) [5-year-old]")
_NOT_A_TIME = re.compile(
    r"(daily|weekly|monthly|yearly|annually|nightly|hourly|days|weeks|months|years"
    r"|(every|each|per|a|an|one|two|three|several|a few|few|many|\d+)\s+(\w+\s+)?"
    r"(days?|weeks?|months?|years?|decades?|hours?)"
    r"|(aged?\s+)?\d{1,3}|[\w-]+[- ](years?|months?|weeks?|days?)[- ]olds?)"
)
# verbs that report the same event for a count of people
_EVENT_SYNONYMS = {"die": "kill", "claim": "kill"}
# verbs that tell no event of their own: "the average woman has seven children" and "he
# had five children" are about different people, not two tolls of one event
_NO_EVENT_VERBS = frozenset({"have", "be", "get", "include", "make", "take", "give", "see"})


# the head of a figure that counts nothing named ("$808 million", "6%"): "amount (verb)"
_AMOUNT = "amount"


def fact_key(fact: Fact, doc: Any, ents: Ents | None = None) -> FactKey | None:
    """(counted thing, unit, time scope) or None when the fact counts nothing citable."""
    if fact.counted is None and fact.unit is None:
        return None
    if fact.unit is None and fact.text.lower() in _SMALL_NUMBER_WORDS:
        return None  # "the two sides", "one activist": a determiner, not a figure to check
    head = ""
    if fact.counted_start is not None and fact.counted_end is not None:
        span = doc.char_span(fact.counted_start, fact.counted_end, alignment_mode="expand")
        if span is not None and len(span):
            lemma = span.root.lemma_.lower()
            head = _COUNT_SYNONYMS.get(lemma, lemma)
            if fact.verb in ("kill", "claim", "die") and head in ("people", "civilian"):
                head = "people killed"
    if not head and fact.unit:
        head = f"{_AMOUNT} ({fact.verb or 'value'})"
    ents = ents or Ents(doc)
    within = ents.within(fact.sentence_start, fact.sentence_end)
    dates = frozenset(
        e.text.lower()
        for e in within
        if e.label_ == "DATE" and not _NOT_A_TIME.fullmatch(e.text.lower())
    )
    places = frozenset(e.text.lower() for e in within if e.label_ in ("GPE", "LOC", "FAC"))
    return FactKey(head, fact.unit or "", dates, places)


def _agree(a: Fact, b: Fact, tolerance: float, named: bool = True) -> bool:
    """Do two figures give one value? A figure that counts nothing named (a bare "6%", "$808
    million": what it is a share or a sum of is left to the sentence) agrees on its own
    value only: "shares gained about 6%" does not back "anyone buying over 4.75%" because
    6 lies past "over 4.75"; "at least $808 million" backs "$808 million"."""
    if _plain(a) and _plain(b):
        # two figures given as they are: the same when one is the other rounded to the
        # digits it is written with ("$808 million" and "$808.4 million", "1.2 billion"
        # and "1.23 billion"); a count written out to its last unit is exact, so "150
        # passengers" and "153 passengers" are two figures, not one rounded
        # (the two roundings must overlap, not only touch: "1.2" and "1.3" meet at 1.25)
        reach = _last_digit(a) / 2 + _last_digit(b) / 2
        return abs(a.value - b.value) < reach * (1 - 1e-9)
    if not named:
        lo_a, hi_a = a.value, a.value_max or a.value
        lo_b, hi_b = b.value, b.value_max or b.value
        return bool(lo_a <= hi_b * (1 + tolerance) and lo_b <= hi_a * (1 + tolerance))
    # a floor and a ceiling never give one value ("more than three times a week" / "less
    # than three times a week"); else one figure's own value lies within the other's
    # reading: two hedges that only reach toward each other ("about 60 miles" / "up to 80
    # miles") are two figures
    if {_side(a), _side(b)} == {"floor", "ceiling"}:
        return False

    def within(f: Fact, g: Fact) -> bool:
        lo, hi = _range(g)
        return lo / (1 + tolerance) <= f.value <= hi * (1 + tolerance)

    return within(a, b) or within(b, a)


# hedges that give a figure's floor or its ceiling
_FLOORS = frozenset({"more than", "over", "at least", "as few as"})
_CEILINGS = frozenset({"less than", "fewer than", "under", "at most", "up to", "as many as"})


def _side(f: Fact) -> str | None:
    """Which side of its value a figure bounds the count: "floor" (more than, at least),
    "ceiling" (less than, up to, as many as) or None (a value, a range, "about")."""
    m = f.modifier or ""
    return "floor" if m in _FLOORS else "ceiling" if m in _CEILINGS else None


def _consistent(a: Fact, b: Fact) -> bool:
    """Can both figures be true of one count? A bound compares as a bound: "at least two
    others injured" is true of five; "more than 7,500" of 8,000; "up to 80" of 60; a
    figure "about" or "nearly" a value allows a quarter either side (or below) of it."""

    def bounds(f: Fact) -> tuple[float, float]:
        if f.value_max is not None:
            return f.value, f.value_max
        side, m = _side(f), f.modifier or ""
        if side == "floor":
            return f.value, math.inf
        if side == "ceiling":
            return 0.0, f.value
        if m in ("nearly", "almost"):
            return f.value / _OPEN_BOUND, f.value
        if m:  # about, around, some, estimated
            return f.value / _OPEN_BOUND, f.value * _OPEN_BOUND
        return f.value, f.value

    lo_a, hi_a = bounds(a)
    lo_b, hi_b = bounds(b)
    return lo_a <= hi_b and lo_b <= hi_a


# the digits of a figure as written: "1,500", "808.4" (a scale word or suffix after them)
_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _plain(f: Fact) -> bool:
    """A single figure with no hedge ("about", "more than") and no range."""
    return f.value_max is None and not f.modifier


def _last_digit(f: Fact) -> float:
    """The value of the last digit a figure is written with: 1 for "153", 0.1 million for
    "1.5 million", a million for "$808m"; 1 for a number in words ("three")."""
    m = _DIGITS.search(f.text)
    if m is None:
        return 1.0
    written = float(m.group(0).replace(",", ""))
    scale = f.value / written if written else 1.0
    return float(scale * 10.0 ** -len(m.group(1) or ""))


def _range(f: Fact) -> tuple[float, float]:
    if f.value_max is not None:
        return f.value, f.value_max
    m = f.modifier or ""
    # an open bound still names its figure: "more than 7,500" does not back "40,000",
    # nor "just over 57%" back "89%"; it backs a figure up to a quarter past it
    if m in ("more than", "over", "at least"):
        return f.value, f.value * _OPEN_BOUND
    if m in ("less than", "fewer than", "under", "at most", "up to"):
        return f.value / _OPEN_BOUND, f.value
    if m in ("about", "around", "approximately", "roughly", "some", "nearly", "almost"):
        return f.value * 0.9, f.value * 1.1
    return f.value, f.value


_CURRENCY = re.compile(r"[A-Z]{3}")  # a currency code: "USD", "EUR"


def _fact_subject(head: str, dates: frozenset[str], fact: Fact) -> str:
    """What is counted, never a bare common noun: "people killed", "contingent of
    marines", "tanks (Trukhachev)", "sum (pay)"; the time scope in brackets."""
    counted = (fact.counted or "").strip()
    if head.startswith(f"{_AMOUNT} ("):
        # a figure that counts nothing named is a share, a sum of money or a measure: said
        # so, with its verb or the figure ("sum (pay)", "percentage (5 percent)"), never
        # the placeholder "amount (value)"
        unit = fact.unit or ""
        kind = "percentage" if unit == "%" else "sum" if _CURRENCY.fullmatch(unit) else "figure"
        subject = f"{kind} ({fact.verb or fact.text})"
    elif len(head.split()) >= 2:
        subject = head
    elif len(counted.split()) >= 2:
        subject = counted
    else:
        subject = f"{counted or head} ({fact.verb or fact.text})"
    if dates:
        subject += f" [{', '.join(sorted(dates))}]"
    return subject


def align_facts(candidates: Sequence[ClaimCandidates], options: ClaimOptions) -> list[AlignedClaim]:
    # one claim is one event: "7,500 people have died" and "a town of 40,000 people"
    # count the same noun but are not the same figure (a count without a verb stands apart)
    groups: dict[tuple, list[tuple[ClaimArticle, Fact]]] = defaultdict(list)
    places: dict[tuple[str, int], frozenset[str]] = {}  # (article, figure start): its places
    for found in candidates:
        for key, fact in found.facts:
            groups[(*key[:3], _event(fact))].append((found.article, fact))
            places[(found.article.id, fact.start)] = key.places
    out = []
    for group_key in sorted(groups, key=lambda k: (k[0], k[1], sorted(k[2]), k[3])):
        head, _unit, dates, _event_verb = group_key
        named = not head.startswith(f"{_AMOUNT} (")  # a figure that counts something named
        # readings: members whose values agree with each other
        readings: list[list[tuple[ClaimArticle, Fact]]] = []
        seen: set[tuple[str, int]] = set()
        for article, fact in groups[group_key]:
            if (article.id, fact.sentence_start) in seen:
                continue  # one sentence is one side, whichever of its figures matched
            seen.add((article.id, fact.sentence_start))
            for reading in readings:
                if _agree(reading[0][1], fact, options.value_tolerance, named):
                    reading.append((article, fact))
                    break
            else:
                readings.append([(article, fact)])
        # the reading backed by the most sources leads
        readings.sort(key=lambda r: -len({a.source for a, _ in r}))
        main, others = readings[0], readings[1:]
        main_sources = {a.source for a, _ in main}
        # another source's different value contradicts; an outlet never contradicts itself
        # and only about the same event: both values given with the same verb ("killed 56" /
        # "killed 80"); a count without a verb, or with another one ("36 remained in hospital"
        # / "12 held ... freed", "tops 1500 points" / "ended down 1,175"), is another figure;
        # and only when both cannot be true ("injured five" / "injured at least two" can)
        opposing = [
            r
            for r in others
            if len(main_sources | {a.source for a, _ in r}) >= 2
            and _same_event(main[0], r[0], places)
            and not _consistent(main[0][1], r[0][1])
        ]
        alone = [r for r in others if r not in opposing]
        for reading, against in [(main, [m for r in opposing for m in r])] + [
            (r, []) for r in alone
        ]:
            first = reading[0][1]
            subject = _fact_subject(head, dates, first)
            out.append(
                make_claim(
                    "fact",
                    subject,
                    [_factmake_side(a, f, "asserts") for a, f in reading],
                    [_factmake_side(a, f, "disagree") for a, f in against],
                )
            )
    return out


def _factmake_side(article: ClaimArticle, fact: Fact, stance: str) -> ClaimSide:
    s, e = fact.sentence_start, fact.sentence_end
    return ClaimSide(
        article.id,
        article.source,
        s,
        e,
        article.text[s:e],
        stance,
        value=fact.value,
        value_start=fact.start,
        value_end=fact.end,
    )


# --- statements ----------------------------------------------------------------------


def _event(fact: Fact) -> str:
    verb = fact.verb or ""
    return _EVENT_SYNONYMS.get(verb, verb)


def _same_event(
    a: tuple[ClaimArticle, Fact],
    b: tuple[ClaimArticle, Fact],
    places: dict[tuple[str, int], frozenset[str]],
) -> bool:
    """Two figures of one event: the same verb ("killed 56" / "killed 80"), told of the
    same places ("125 died across Syria" is not "104 were killed in Homs", nor is a whole
    toll one town's)."""
    (article_a, fact_a), (article_b, fact_b) = a, b
    return (
        fact_a.verb is not None
        and fact_a.verb not in _NO_EVENT_VERBS
        and _event(fact_a) == _event(fact_b)
        and places[(article_a.id, fact_a.start)] == places[(article_b.id, fact_b.start)]
    )
