"""TIMEX rules for named holidays: "Thanksgiving Day", "last Christmas", "Easter week".

A holiday without a year is the occurrence nearest the article date (an article of
January 2000 telling of "Thanksgiving Day" means November 1999's); "last"/"next" take the
one before/after it. Fixed-date and rule-date (nth weekday, Easter) holidays of the US and
Christian calendars that news wires name; others are left alone rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from storyline.nlp.date_rule import Ctx, Resolved, Rule, rule_registry
from storyline.nlp.date_units import YEAR, iso_week

RULES: list[Rule] = []
_rule = rule_registry(RULES)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n < 0:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),  # fourth Thursday of November
    "christmas": lambda y: dt.date(y, 12, 25),
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "independence day": lambda y: dt.date(y, 7, 4),
    "the fourth of july": lambda y: dt.date(y, 7, 4),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    # US general elections: the Tuesday after the first Monday of November
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "easter": easter,
    "good friday": lambda y: easter(y) - dt.timedelta(days=2),
}


@_rule(
    r"\b(?:(last|next|this)\s+)?(Thanksgiving|Christmas Eve|Christmas|New Year's (?:Day|Eve)|"
    r"Independence Day|the Fourth of July|Halloween|Valentine's Day|Labor Day|Memorial Day|"
    rf"Election Day|Easter|Good Friday)(?:\s+(Day|Sunday|week))?(?:,?\s+({YEAR}))?\b",
    0,
    needs=r"Thanksgiving|Christmas|New Year's|Independence Day|Fourth of July|Halloween|"
    r"Valentine's Day|Labor Day|Memorial Day|Election Day|Easter|Good Friday",
)
def _holiday(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    name = m.group(2).lower()
    tail = (m.group(3) or "").lower()
    if tail == "day" and name not in ("thanksgiving", "christmas"):
        return None  # "Labor Day Day" is no holiday; only "Thanksgiving/Christmas Day"
    if tail == "sunday" and name != "easter":
        return None
    when = _HOLIDAYS[name]
    if m.group(4):
        day = when(int(m.group(4)))
    elif ctx.dct is None:
        return "DATE", None, None
    else:
        dct = ctx.dct
        options = [when(y) for y in (dct.year - 1, dct.year, dct.year + 1)]
        lead = (m.group(1) or "").lower()
        if lead == "last":
            options = [d for d in options if d < dct]
            day = options[-1]
        elif lead == "next":
            day = [d for d in options if d > dct][0]
        elif lead == "this":
            day = options[1]
        else:
            day = min(options, key=lambda d: (abs((d - dct).days), d))
    if tail == "week":
        return "DATE", iso_week(day), None  # "Easter week": the week ending on the day
    return "DATE", day.isoformat(), None
