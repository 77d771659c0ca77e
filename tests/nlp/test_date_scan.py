"""The date rules' scans (``date_rule.Scan``: a keyword the text must hold, or an anchor
word the pattern is tried in front of) find exactly ``pattern.finditer``'s matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.nlp.date_rule import Scan
from storyline.nlp.dates import _RULES

CRAFTED = [
    # the longest lead a duration takes before its unit: 8 word starts
    "It lasted more than their last a couple of straight years, at least the past "
    "twenty-one consecutive months and approximately the additional 3.5 trading days.",
    "Up to a number of weeks; over the next few hours; under a half-hour; some 12-year "
    "stretch; the 6-year-old boy; a year-earlier loss; two years ago; 10 days later.",
    "About a couple of days later, more than a couple of years ago, roughly a number of "
    "months earlier and some three decades before, five centuries from now, 2 hours hence.",
    "In the third quarter of 2011, the year-ago quarter and last year's fourth-quarter "
    "profit; the first half of 1998; the first two quarters of 2001; the 1998 period.",
    "This fall, last summer and the fall of 1987; springs and summers; the past three "
    "summers; tonight, yesterday morning and early today; the year-end; year's end; by "
    "the end of the year; the close of this month.",
    "In the 1990s, the nineteen-eighties, the twenties, nineteen ninety-seven, twenty "
    "ten, the year two thousand and one, two thousand and the 21st century.",
    "The previous Friday, the preceding Monday; this morning, last night, later this "
    "evening; recent weeks, future quarters, past years; 2 1/2 years.",
    "minutes\n\nyears  ago   and\tdays-long month-old  weeks. Decade decades centuries",
    "",
]

_WORDS = [
    "more",
    "than",
    "less",
    "over",
    "the",
    "under",
    "nearly",
    "about",
    "some",
    "up",
    "to",
    "at",
    "least",
    "a",
    "an",
    "their",
    "past",
    "last",
    "next",
    "first",
    "coming",
    "previous",
    "additional",
    "twenty-one",
    "12",
    "3.5",
    "a",
    "couple",
    "of",
    "number",
    "few",
    "several",
    "many",
    "straight",
    "consecutive",
    "trading",
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "month",
    "quarter",
    "year",
    "decade",
    "century",
    "seconds",
    "days",
    "years",
    "centuries",
    "ago",
    "earlier",
    "later",
    "before",
    "from",
    "now",
    "hence",
    "or",
    "so",
    "and",
    "half",
    "old",
    "third",
    "fourth",
    "fiscal",
    "fall",
    "summer",
    "winter",
    "tonight",
    "today",
    "end",
    "close",
    "period",
    "half",
    "quarters",
    "nineteen",
    "ninety-seven",
    "tens",
    "twenties",
    "two",
    "thousand",
    "previous",
    "morning",
    "night",
    "year-ago",
    "year-end",
    "1998",
    "Monday",
    "March",
    "May",
]


def _matches(finder: object, text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in finder.finditer(text)]  # type: ignore[attr-defined]


def test_every_rule_finds_what_its_pattern_finds_on_crafted_texts() -> None:
    for text in CRAFTED:
        for scan, resolver in _RULES:
            assert _matches(scan, text) == _matches(scan.pattern, text), (resolver, text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from([" ", "  ", "-", "\n", ", ", "'s "])),
        max_size=30,
    )
)
def test_every_rule_finds_what_its_pattern_finds_on_word_salad(
    words: list[tuple[str, str]],
) -> None:
    text = "".join(w + sep for w, sep in words)
    for scan, resolver in _RULES:
        assert _matches(scan, text) == _matches(scan.pattern, text), (resolver, text)


def test_an_anchor_too_far_back_would_lose_a_match() -> None:
    # the scan is only as good as its bound: "more", "than" and "20" start words before
    # "years"; with one fewer, "more than" is lost
    pattern = re.compile(r"\b(?:more than\s+)?(\d+)\s+(years)\b")
    tight = Scan(pattern, anchor=re.compile(r"\byears"), words_before=3)
    short = Scan(pattern, anchor=re.compile(r"\byears"), words_before=2)
    text = "for more than 20 years"
    assert _matches(tight, text) == _matches(pattern, text)
    assert _matches(short, text) != _matches(pattern, text)


def test_a_text_without_the_needed_word_is_not_searched() -> None:
    scan = Scan(re.compile(r"\bthe (quarter)\b"), needs=re.compile("quarter"))
    assert _matches(scan, "the year") == []
    assert [m.group(1) for m in scan.finditer("in the quarter")] == ["quarter"]
