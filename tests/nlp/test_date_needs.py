"""A rule's ``needs`` only skips texts the rule cannot match: on phrases each rule reads,
``Scan.finditer`` finds exactly what the bare pattern finds (the keyword must hold in every
match, in any case the rule accepts)."""

from __future__ import annotations

from storyline.nlp import dates

SAMPLES = [
    "On Tuesday, 12th March 2013 the talks began.",
    "They met on 3 Sept. in Paris.",
    "In the late 1990s and the 2010's, prices rose.",
    "Last Christmas, on New Year's Eve 2015 and on Good Friday the fourth of July was far.",
    "In the second and fourth quarters, and in its first quarters, sales fell.",
    "A year-long inquiry, a week-long trip and a DECADE-LONG feud.",
    "Earlier that same year, and later in that quarter, he left.",
    "For the third straight day, the 10th consecutive day, the 2ND DAY.",
    "By the end of the year, at year-end, before the year's end and the close of this month.",
    "Every Monday morning, each March and every sept. they meet.",
    "The year-ago results and the YEAR-EARLIER figure.",
    "By mid-morning, at midafternoon.",
]
RULES_WITH_NEW_NEEDS = {
    "_day_month_year", "_decade", "_holiday", "_recurring_quarters", "_unit_long",
    "_that_period", "_nth_day_today", "_period_end", "_set_named", "_year_ago_adjective",
    "_mid_part_of_day",
}  # fmt: skip


def test_needs_never_drops_a_match() -> None:
    matched = set()
    for scan, resolver in dates._RULES:
        if scan.needs is None:
            continue
        for text in SAMPLES:
            bare = [m.span() for m in scan.pattern.finditer(text)]
            assert [m.span() for m in scan.finditer(text)] == bare, (resolver.__name__, text)
            if bare:
                matched.add(resolver.__name__)
    assert matched >= RULES_WITH_NEW_NEEDS  # each rule is tried on a phrase it reads


def test_a_text_without_the_keyword_is_skipped() -> None:
    rule = next(scan for scan, r in dates._RULES if r.__name__ == "_unit_long")
    assert list(rule.finditer("a long year")) == []
    assert [m.group() for m in rule.finditer("a year-long feud")] == ["year-long"]


def test_a_keyword_holds_the_same_spacing_as_its_pattern() -> None:
    # "at a later date" broken over a line or with two spaces is still the vague future
    for text in ("We will pay at a later\ndate.", "We will pay at a later  date."):
        assert [(t.text, t.value) for t in dates.extract_dates(text)] == [
            (text[text.index("a later") :].rstrip("."), "FUTURE_REF")
        ]
