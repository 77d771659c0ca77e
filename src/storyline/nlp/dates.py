"""Temporal expressions with TIMEX3-style values, resolved against the article date.

Deterministic rules (no clock, no model): every candidate is a regex match with a
resolver; overlapping candidates are resolved by keeping the longest, then the earliest.
Values follow TIMEX3/TimeML conventions: ``2012-06-18`` (day), ``2012-W24`` (week),
``2012-06`` (month), ``2012-Q2``, ``2011``, ``201`` (decade), durations ``P3M`` /
``PT2H`` / ``PXY`` and the references ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``.

Without an article date (DCT), absolute expressions ("May 26, 2012", "1998") still get
their values, a month-day with no year gets ``XXXX-MM-DD`` and expressions that only make
sense relative to the DCT ("on Monday", "last week", "two weeks ago") get ``value=None``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storyline.nlp import date_calendar, date_holidays, date_relative, date_spans
from storyline.nlp.date_rule import Ctx, Resolved, Rule, month_num
from storyline.nlp.date_units import DAY, MONTH_RE, WEEKDAYS, YEAR, parse_dct

__all__ = ["TimeExpression", "extract_dates", "parse_dct"]

# calendar first, then article-relative, then spans: the order breaks ties between
# candidates of equal length at the same place
_RULES: list[Rule] = [
    *date_calendar.RULES,
    *date_holidays.RULES,
    *date_relative.RULES,
    *date_spans.RULES,
]


@dataclass(frozen=True)
class TimeExpression:
    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    mod: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "span": [self.start, self.end],
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
        }


# -- extraction ----------------------------------------------------------------------------


_ASIDE = re.compile(r"\s*\([^()]{1,25}\)\s*")
# between a clock time and the day it is on: "on", after a time zone ("9 a.m. EST on")
_ON_DAY = re.compile(r"\s+(?:[A-Z]{2,4}\s+)?on\s+")
# between a day and its clock time: "Tuesday at 10 a.m.", "Thursday, at noon"
_AT_CLOCK = re.compile(r",?\s+at\s+")
# a value with a clock time the rules dated by the article ("2013-03-20T10:00")
_CLOCK_VALUE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$")


def _day_of(value: str | None) -> str | None:
    """The calendar day of a day's value ("2013-03-19", "2013-03-19TNI"), else None."""
    head = (value or "")[:10]
    return head if _DAY_VALUE.match(head) and (value or "")[10:11] in ("", "T") else None


def _merge_adjacent(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """Join "noon Saturday", "Thursday evening"-style pairs the rules found separately; a
    clock time with an aside before its day ("10:35 a.m. (0735 GMT) Friday") takes that
    day but keeps its own span."""
    out: list[TimeExpression] = []
    for item in found:
        if out:
            prev = out[-1]
            gap = text[prev.end : item.start]
            day = _day_of(item.value)
            if (
                (_ASIDE.fullmatch(gap) or _ON_DAY.fullmatch(gap))
                and _CLOCK_VALUE.match(prev.value or "")
                and day is not None
            ):
                # "10:35 a.m. (0735 GMT) Friday", "at 10 a.m. on Tuesday", "at 21:58 BST
                # on Saturday night": the clock time is on that day, not the article's
                value = day + "T" + (prev.value or "").split("T", 1)[1]
                out[-1] = TimeExpression(prev.text, prev.start, prev.end, "TIME", value, prev.mod)
            before = _day_of(prev.value)
            if _AT_CLOCK.fullmatch(gap) and _CLOCK_VALUE.match(item.value or "") and before:
                # "Tuesday at 10 a.m.", "a shutdown Thursday at midnight"
                value = before + "T" + (item.value or "").split("T", 1)[1]
                item = TimeExpression(item.text, item.start, item.end, "TIME", value, item.mod)
            if (
                gap in (" ", ", ")
                and prev.type == "TIME"
                and item.type == "DATE"
                and prev.value is not None
                and "T" in prev.value
                and not prev.value.startswith("XXXX")
                and item.value is not None
                and len(item.value) == 10  # a calendar day
            ):
                value = item.value + "T" + prev.value.split("T", 1)[1]
                out[-1] = TimeExpression(
                    text[prev.start : item.end], prev.start, item.end, "TIME", value, prev.mod
                )
                continue
        out.append(item)
    return out


_LEADING_PREPOSITION = re.compile(
    r"(?:on|in|since|until|by|from|before|after|during|of|through|at)\s+", re.IGNORECASE
)


def extract_dates(text: str, dct: str | dt.date | None = None) -> list[TimeExpression]:
    """Temporal expressions in ``text``; ``dct`` is the article date (ISO text or a date)."""
    ctx = Ctx(text=text, dct=parse_dct(dct))
    candidates: list[tuple[int, int, int, Resolved]] = []
    for order, (scan, resolver) in enumerate(_RULES):
        for m in scan.finditer(text):
            start, end = m.start(), m.end()
            # a span never ends on whitespace, and leaves out a leading preposition that a
            # rule only matched for context ("on Monday" -> "Monday", TIMEX3 style)
            while end > start and text[end - 1].isspace():
                end -= 1
            lead = _LEADING_PREPOSITION.match(text, start, end)
            if lead and lead.end() < end:
                start = lead.end()
            if end <= start:
                continue
            resolved = resolver(m, ctx)
            if resolved is None:
                continue
            candidates.append((start, end, order, resolved))
    # longest first, then leftmost, then rule order: a deterministic greedy cover
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int]] = []
    chosen: list[TimeExpression] = []
    for start, end, _order, (kind, value, mod) in candidates:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append(TimeExpression(text[start:end], start, end, kind, value, mod))
    chosen.sort(key=lambda t: (t.start, t.end))
    found = _year_ago_quarters(_merge_adjacent(chosen, text), text, ctx.dct)
    found = _appositive_quarters(_day_around(_following(found, ctx.dct), text), text)
    return _range_year(_elided_days(found, text), text)


# "March 8 to 23, 2017", "March 8-23, 2017": a day range whose year is written once, after
# its last day; the first day is of that year too
_RANGE_END_YEAR = re.compile(
    r"\s*(?:-|–|—|to|through|thru|until|till)\s*\d{1,2},?\s+((?:19|20)\d\d)\b", re.IGNORECASE
)


def _range_year(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """A range's first day left without a year ("XXXX-03-08") takes the year written after
    the range's last day (only when no article date gave it one)."""
    out = []
    for t in found:
        value = t.value or ""
        after = _RANGE_END_YEAR.match(text, t.end) if value.startswith("XXXX-") else None
        if after is not None and t.type == "DATE":
            t = TimeExpression(t.text, t.start, t.end, t.type, after.group(1) + value[4:], t.mod)
        out.append(t)
    return out


# "April 24 and 25": a second day number sharing the month told just before it; not a
# count ("May 5 and 6 percent"), a clock time ("at 4 and 5 p.m.") nor a new year's date
_ELIDED_DAY = re.compile(
    r"\s+(?:and|or)\s+(\d{1,2})\b(?!\s*(?:,\s*)?\d{4})"
    r"(?!\s*(?:%|percent|million|billion|cents|points|a\.m|p\.m|[-/:.]\d))",
    re.IGNORECASE,
)


def _elided_days(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """ "The summit on April 24 and 25": TimeML marks "25" as a date of its own, the 25th of
    the month (and year) of the date before it."""
    out: list[TimeExpression] = []
    for i, t in enumerate(found):
        out.append(t)
        m = _DAY_VALUE.match(t.value or "") if t.type == "DATE" and t.text[-1:].isdigit() else None
        after = _ELIDED_DAY.match(text, t.end) if m else None
        if not (m and after):
            continue
        day = int(after.group(1))
        try:  # a later day of the same month, and one the month has
            dt.date(int(m.group(1)), int(m.group(2)), day)
        except ValueError:
            continue
        if day <= int(m.group(3)):
            continue
        start, end = after.start(1), after.end(1)
        if i + 1 < len(found) and found[i + 1].start < end:
            continue  # already read as something else
        value = f"{m.group(1)}-{m.group(2)}-{day:02d}"
        out.append(TimeExpression(text[start:end], start, end, "DATE", value, None))
    return out


_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]$")
_ORDINAL_QUARTER = re.compile(r"\b(?:first|second|third|fourth|\d)", re.IGNORECASE)


def _appositive_quarters(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """ "In the comparable year-ago quarter, the second quarter ended Oct. 31, ...": a
    quarter told again in apposition names the same quarter, so the one reached by counting
    (a year back from the reported quarter) takes the value its appositive spells out; the
    appositive is the fiscal name the company itself reports under."""
    out = list(found)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if not (first.value and second.value and first.type == second.type == "DATE"):
            continue
        if not (_QUARTER_VALUE.match(first.value) and _QUARTER_VALUE.match(second.value)):
            continue
        if _ORDINAL_QUARTER.search(first.text):
            continue  # "the first quarter, the second quarter and ...": a list, not a renaming
        if text[first.end : second.start] == ", " and second.text.lower().startswith("the "):
            out[i] = TimeExpression(
                first.text, first.start, first.end, first.type, second.value, first.mod
            )
    return out


_DAY_AROUND = re.compile(r"\b(the|a)\s+day\s+(before|after)\s+$", re.IGNORECASE)


def _day_around(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """ "The day before last Tuesday('s hearing)", "the day after Christmas": one day off the
    date told, and one expression (TimeML marks the whole phrase with the shifted value)."""
    out: list[TimeExpression] = []
    for t in found:
        lead = _DAY_AROUND.search(text, max(0, t.start - 20), t.start)
        m = _DAY_VALUE.match(t.value or "") if t.type == "DATE" else None
        if lead and m and not (out and out[-1].start < lead.start() < out[-1].end):
            if out and out[-1].start >= lead.start():
                out.pop()  # "a day" read alone as a duration is part of this date
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            step = 1 if lead.group(2).lower() == "after" else -1
            value = (d + dt.timedelta(days=step)).isoformat()
            t = TimeExpression(
                text[lead.start() : t.end], lead.start(), t.end, "DATE", value, t.mod
            )
        out.append(t)
    return out


_DAY_VALUE = re.compile(r"(\d{4})-(\d{2})-(\d{2})$")
_MONTH_VALUE = re.compile(r"(\d{4})-(\d{2})")
_YEAR_VALUE = re.compile(r"(\d{4})")


def _following(found: list[TimeExpression], dct: dt.date | None) -> list[TimeExpression]:
    """The following year, month or day is one after the date told just before it; "the
    previous Friday" is the Friday before the day told just before it."""
    out: list[TimeExpression] = []
    for t in found:
        if t.mod == "FOLLOWING":
            unit = t.text.lower().split()[-1]
            value = _after_previous(out, unit)
            t = TimeExpression(t.text, t.start, t.end, t.type, value, None)
        elif t.mod == "PREVIOUS_WEEKDAY":
            value = _weekday_before(out, dct, WEEKDAYS[t.text.lower().split()[-1]])
            t = TimeExpression(t.text, t.start, t.end, t.type, value, None)
        elif t.mod == "THAT":
            value = _period_told_before(out, t.text.lower().split()[-1])
            if value is None:
                continue  # no such period told before: nothing to point back to
            t = TimeExpression(t.text, t.start, t.end, t.type, value, None)
        out.append(t)
    return out


def _weekday_before(before: list[TimeExpression], dct: dt.date | None, weekday: int) -> str | None:
    """The latest ``weekday`` strictly before the last day told (else the article date)."""
    anchor = dct
    for prev in reversed(before):
        if m := _DAY_VALUE.match((prev.value or "")[:10]):
            anchor = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            break
    if anchor is None:
        return None
    return (anchor - dt.timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)).isoformat()


_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]$")
_ORDINAL_QUARTER = re.compile(r"\b(?:first|second|third|fourth|\d)", re.IGNORECASE)


def _period_told_before(before: list[TimeExpression], unit: str) -> str | None:
    """The year (quarter) of the last date told that has one, for "that year"."""
    for prev in reversed(before):
        v = prev.value or ""
        if unit == "quarter":
            if _QUARTER_VALUE.match(v):
                return v
        elif prev.type == "DATE" and (m := _YEAR_VALUE.match(v)):
            return m.group(1)
    return None


def _after_previous(before: list[TimeExpression], unit: str) -> str | None:
    for prev in reversed(before):
        v = prev.value or ""
        if unit == "day" and (m := _DAY_VALUE.match(v)):
            d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            return (d + dt.timedelta(days=1)).isoformat()
        if unit == "month" and (m := _MONTH_VALUE.match(v)):
            total = int(m.group(1)) * 12 + int(m.group(2))  # month index + 1 = next month
            return f"{total // 12}-{total % 12 + 1:02d}"
        if unit == "year" and (m := _YEAR_VALUE.match(v)):
            return str(int(m.group(1)) + 1)
    return None


_YEAR_AGO = re.compile(
    r"^(?:a year (?:ago|earlier)|(?:a )?year-(?:ago|earlier)|the year-ago.*)$", re.I
)


# "from last year's $1.55 billion", "Last year's results were hurt": told of a figure, the
# genitive is the year-ago adjective ("the year-ago results") in other words, the twin of
# the reported quarter; "last year" alone ("He left last year") stays the year
_LAST_YEARS_FIGURE = re.compile(
    r"'s\s+(?:\w+\s+)?(?:[$#]|C\$|results|earnings|net|profits?|loss|sales|revenues?)", re.I
)
_QUARTER_REACH = 1000  # chars after the reported quarter (named or 'the quarter') within which
# "a year ago" is its twin: a results story's comparison runs over a few paragraphs


def _year_ago_quarters(
    found: list[TimeExpression], text: str, dct: dt.date | None
) -> list[TimeExpression]:
    """In quarterly results ("profit rose from $5m a year ago"), a year-ago expression
    means the same quarter one year back, as TimeBank annotates: it follows the quarter
    named shortly before it."""
    out: list[TimeExpression] = []
    last_quarter: tuple[int, int, int] | None = None  # year, quarter, where it was named
    # a quarter told as the one reported ("third-quarter profit", "the quarter ended
    # Sept. 30") stays the reference when another is named in passing ("after a flat
    # second quarter"); only another reported quarter replaces it
    told = False
    span: str | None = None  # "the nine months" when it, not a quarter, was named last
    for t in found:
        derived = t.mod in ("QUARTER", "QUARTER_BACK", "QUARTER_OF_YEAR")
        if (
            t.mod == "QUARTER_BACK"
            and not last_quarter
            and span
            and t.text.lower().endswith("period")
        ):
            # "For the nine months, ... In the year-earlier period": the period is the one
            # named last, the nine months, and takes its value (TimeBank: P9M)
            t = TimeExpression(t.text, t.start, t.end, t.type, span, None)
        elif t.mod in ("QUARTER", "QUARTER_BACK"):
            if t.mod == "QUARTER" and last_quarter is not None:
                # "in the quarter" names the reported quarter again: a year-ago after it
                # is its twin however far the quarter was first named
                last_quarter = (*last_quarter[:2], t.end)
            reported_by_end = t.mod == "QUARTER" and _QUARTER_ENDED.match(text, t.end)
            t = _the_quarter(t, last_quarter, dct, text)
            if last_quarter is None and t.value and reported_by_end:
                # "in the quarter ended July 31" with no quarter named before: the quarter
                # its end date tells is the one reported; a year-ago after it is its twin
                year, q = int(t.value[:4]), int(t.value[-1])
                last_quarter, told = (year, q, t.end), True
        elif t.mod == "QUARTER_OF_YEAR":
            twin = f"-Q{last_quarter[1]}" if last_quarter else ""
            t = TimeExpression(t.text, t.start, t.end, t.type, f"{t.value}{twin}", None)
        m = re.fullmatch(r"(\d{4})-Q([1-4])", t.value or "")
        if m and not derived and t.mod is None and not _YEAR_BACK.search(t.text):
            # reported results: "fourth quarter ended Aug. 26", "fourth-quarter profit"
            year, q = int(m.group(1)), int(m.group(2))
            ahead = _after(year, q, dct)
            # the headline quarter may be a fiscal one named ahead of the article's
            # ("fourth-quarter earnings" in November); once one is told, a quarter ahead
            # is a forecast ("will result in a fourth-quarter charge")
            reported = text.startswith(" ended", t.end) or (
                (not ahead or not told)
                and ("-quarter" in t.text.lower() or "latest" in t.text.lower())
            )
            same = last_quarter is not None and last_quarter[:2] == (year, q)
            if same or reported or not (ahead or told):
                last_quarter = (year, q, t.end)
                told = reported or (same and told)
        elif (
            last_quarter
            and t.type == "DATE"
            and (
                _YEAR_AGO.match(t.text)
                or (t.text.lower() == "last year" and _LAST_YEARS_FIGURE.match(text, t.end))
            )
        ):
            year, q, named_at = last_quarter
            if t.start - named_at <= _QUARTER_REACH:
                t = TimeExpression(t.text, t.start, t.end, t.type, f"{year - 1}-Q{q}", t.mod)
        elif _OTHER_PERIOD.fullmatch(t.value or "") and not derived:
            # "for the nine months": the comparison has
            # moved off the quarter, so a year-ago expression after it is not its twin
            last_quarter, span = None, t.value
        out.append(t)
    return out


_OTHER_PERIOD = re.compile(r"P(?:[6-9]|1[0-2])M")
_YEAR_BACK = re.compile(r"year-(?:ago|earlier)|a year (?:ago|earlier)", re.I)


def _after(year: int, quarter: int, dct: dt.date | None) -> bool:
    """Is the quarter the article's or later? Results are reported for quarters past."""
    return dct is not None and year * 4 + quarter >= dct.year * 4 + (dct.month - 1) // 3 + 1


_QUARTER_ENDED = re.compile(rf"\s+end(?:ed|ing)\s+({MONTH_RE})\s+({DAY})\b(?:,?\s+({YEAR}))?")


def _quarter_by_end(text: str, at: int, dct: dt.date | None) -> tuple[int, int] | None:
    """The calendar quarter of a quarter told by its end date ("the quarter ended July 31"):
    the one holding its middle, some 45 days before the end; a 13-week quarter ending
    "Oct. 1" is July-September. The end date without a year is the last one by the DCT."""
    m = _QUARTER_ENDED.match(text, at)
    if m is None:
        return None
    day = int(re.match(r"\d+", m.group(2)).group())  # type: ignore[union-attr]
    year = int(m.group(3)) if m.group(3) else (dct.year if dct else None)
    if year is None:
        return None
    try:
        end = dt.date(year, month_num(m.group(1)), day)
    except ValueError:
        return None
    if not m.group(3) and dct is not None and end > dct and "ended" in m.group(0):
        end = dt.date(year - 1, end.month, min(end.day, 28 if end.month == 2 else end.day))
    middle = end - dt.timedelta(days=45)
    return middle.year, (middle.month - 1) // 3 + 1


def _the_quarter(
    t: TimeExpression, named: tuple[int, int, int] | None, dct: dt.date | None, text: str
) -> TimeExpression:
    """ "The quarter" is the quarter named last, else the one its end date tells ("the
    quarter ended July 31"), else the one before the article's (the quarter being
    reported); "the year-ago quarter" is that one a year back."""
    value = None
    # "the year-ago quarter ended Oct. 31" is told by its own date, already a year back
    by_end = _quarter_by_end(text, t.end, dct) if named is None and t.mod == "QUARTER" else None
    if by_end is not None:
        named = (*by_end, t.start)
    elif named is None and dct is not None:
        total = dct.year * 4 + (dct.month - 1) // 3 - 1
        named = (total // 4, total % 4 + 1, t.start)
    if named is not None:
        year, q, _at = named
        value = f"{year - 1 if t.mod == 'QUARTER_BACK' else year}-Q{q}"
    return TimeExpression(t.text, t.start, t.end, t.type, value, None)
