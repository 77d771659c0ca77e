"""TIMEX rules resolved against the article date: today, weekdays, last week, two years ago."""

from __future__ import annotations

import datetime as dt
import re

from storyline.nlp.date_rule import Ctx, Resolved, Rule, rule_registry
from storyline.nlp.date_units import (
    NUM_WORD,
    PART_OF_DAY,
    UNIT,
    VAGUE,
    WEEKDAY_RE,
    WEEKDAYS,
    duration,
    is_future_weekday,
    iso_week,
    mod_of,
    number,
    shift_months,
    unit_key,
)

RULES: list[Rule] = []
_rule = rule_registry(RULES)

# -- relative to the article date ----------------------------------------------------------


@_rule(
    r"\b(?:(early|late|earlier|later|mid[- ]?morning|mid[- ]?afternoon)\s+)?"
    r"(today|yesterday|tomorrow|tonight)"
    r"(?:\s+(morning|afternoon|evening|night))?\b",
    needs="today|yesterday|tomorrow|tonight",
)
def _deictic_day(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    word = m.group(2).lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    mod = mod_of(m.group(1)) if m.group(1) and m.group(1).lower() in ("early", "late") else None
    lead = re.sub(r"[- ]", "", (m.group(1) or "").lower())
    part = (
        PART_OF_DAY.get((m.group(3) or "").lower())
        or {"midmorning": "MO", "midafternoon": "AF"}.get(lead)
        or ("NI" if word == "tonight" else None)
    )
    if ctx.dct is None:
        return ("TIME" if part else "DATE"), None, mod
    d = (ctx.dct + dt.timedelta(days=offset)).isoformat()
    if part:
        return "TIME", f"{d}T{part}", mod
    return "DATE", d, mod


@_rule(
    rf"\b(?:(?:[Oo]n|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate)\s+)?(?:(early|late)\s+)?({WEEKDAY_RE})"
    r"(?:\s+(morning|afternoon|evening|night))?\b",
    0,
)
def _weekday(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if not m.group(3) and _SHARED_PLURAL.match(ctx.text, m.end()):
        return None  # "Monday and Tuesday nights": a set, left to the plural rule
    if _NAMED_DAY_BEFORE.search(ctx.text, max(0, m.start(2) - 16), m.start(2)) or (
        not m.group(3) and _TITLE_AFTER.match(ctx.text, m.end())
    ):
        return None  # "Black Friday", "Super Tuesday", "the Sunday Times"
    lead = m.group(0).split()[0].lower()
    target = WEEKDAYS[m.group(2).lower()]
    part = PART_OF_DAY.get((m.group(3) or "").lower())
    mod = mod_of(m.group(1)) or (mod_of(lead) if lead in ("early", "late") else None)
    kind = "TIME" if part else "DATE"
    if ctx.dct is None:
        return kind, None, mod
    delta = (target - ctx.dct.weekday()) % 7
    future = lead == "next" or (lead != "last" and is_future_weekday(ctx.text, m.start(2)))
    if lead == "this":
        # "this Saturday" is the Saturday of the article's own (Monday-first) week, ahead
        # or past by the calendar: told on a Wednesday, "this Saturday" is three days on
        # and "this Monday" two days back. On a Sunday that week is over and "this" is the
        # week ahead ("the game is this Monday": tomorrow); a day told ahead is never past
        offset = target - ctx.dct.weekday()
        if offset < 0 and (ctx.dct.weekday() == 6 or future):
            offset += 7
        d = ctx.dct + dt.timedelta(days=offset)
    elif future:
        d = ctx.dct + dt.timedelta(days=delta if lead != "next" else delta or 7)
    else:
        d = ctx.dct - dt.timedelta(days=(ctx.dct.weekday() - target) % 7)
        if lead == "last" and d == ctx.dct:
            d -= dt.timedelta(days=7)
    value = d.isoformat() + (f"T{part}" if part else "")
    return kind, value, mod


# a weekday that is part of a name: a named day ("Black Friday", the day after
# Thanksgiving; "Super Tuesday", a primary; "Bloody Sunday", a massacre), a programme
# ("Saturday Night Live") or a paper ("The Sunday Times"). Not "told ABC News Sunday":
# there the day is the date, and "Fox News Sunday" airs on the Sunday it names
_NAMED_DAY_BEFORE = re.compile(
    r"\b(?:Black|Cyber|Super|Holy|Ash|Palm|Bloody|Maundy|Shrove|Fat|Giving)\s+$"
)
_TITLE_AFTER = re.compile(
    r"\s+(?:Times(?!\s+Square)|Telegraph|Mirror|Express|Herald|Post|Star|People|Independent|Observer|"
    r"Night\s+Live|Morning\s+(?:Herald|Show|Joe))\b"
)
_SHARED_PLURAL = re.compile(
    rf"\s+(?:and|or)\s+{WEEKDAY_RE}\s+(?:morning|afternoon|evening|night)s\b"
)


@_rule(
    r"\b(?:(earlier|later|early|late)\s+)?(this|last|next|the past|the previous|the coming|"
    r"the current|the latest|the same|the next)\s+(?:fiscal\s+)?(week|weekend|month|year|quarter)\b"
    # "over the next year or so": the same year, told as roughly (not a one-year span)
    r"(\s+or\s+so\b)?"
)
def _this_last_next(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    lead = m.group(2).lower()
    unit = m.group(3).lower()
    mod = {"earlier": "START", "early": "START", "late": "END", "later": "END"}.get(
        (m.group(1) or "").lower()
    ) or ("APPROX" if m.group(4) else None)
    if ctx.dct is None:
        return "DATE", None, mod
    step = {"last": -1, "the past": -1, "the previous": -1, "next": 1, "the coming": 1,
            "the next": 1}.get(lead, 0)  # fmt: skip
    if lead == "the latest" and unit in ("quarter", "year"):
        step = -1  # "the latest quarter/fiscal year" is the last one reported, a finished one
    if lead == "this" and unit == "quarter" and _RESULTS_OF.match(ctx.text, m.end()):
        # "this quarter's loss includes charges": results are told of a finished quarter,
        # the one reported (filled in by ``storyline.nlp.dates``), not the article's
        return "DATE", None, "QUARTER"
    d = ctx.dct
    if unit == "week":
        return "DATE", iso_week(d + dt.timedelta(weeks=step)), mod
    if unit == "weekend":
        return "DATE", iso_week(d + dt.timedelta(weeks=step)) + "-WE", mod
    if unit == "month":
        y, mo = shift_months(d, step)
        return "DATE", f"{y}-{mo:02d}", mod
    if unit == "quarter":
        y, mo = shift_months(d, 3 * step)
        return "DATE", f"{y}-Q{(mo - 1) // 3 + 1}", mod
    return "DATE", str(d.year + step), mod


@_rule(
    r"\b(?:(by|at|around|until|till|before|after|since|through|toward|towards|near)\s+)?"
    r"(?:the\s+(?:end|close)\s+of\s+(?:the|this)\s+(year|month|week)\b"
    r"|(year)'s\s+end\b|(year)[- ]end\b(?!-))",
    needs=r"(?:end|close)\s+of\s+(?:the|this)\s+(?:year|month|week)\b|year(?:'s\s+|[- ])end\b",
)
def _period_end(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # TIMEX3 (TIDES 2005, TimeML): "the end of the year" is the year with mod END; with no
    # other year told it is the article's, as "by year's end" in news always is; "since
    # year-end" looks back to the last one that has passed
    lead = (m.group(1) or "").lower()
    if m.group(4) and not lead:
        return None  # a bare "year-end" is the adjective of "year-end results", no date
    unit = (m.group(2) or "year").lower()
    if ctx.dct is None:
        return "DATE", None, "END"
    back = 1 if lead == "since" else 0
    d = ctx.dct
    if m.group(4) and m.group(0).lower().endswith("year-end"):
        # the hyphenated "year-end" is the accounting date that closes the year, Dec. 31
        # (TimeBank: "complete the transaction by year-end", "since year-end")
        return "DATE", f"{d.year - back}-12-31", None
    if unit == "week":
        return "DATE", iso_week(d - dt.timedelta(weeks=back)), "END"
    if unit == "month":
        y, mo = shift_months(d, -back)
        return "DATE", f"{y}-{mo:02d}", "END"
    return "DATE", str(d.year - back), "END"


@_rule(r"\b(earlier|later)\s+in\s+the\s+(year|month)\b")
def _earlier_in_the_period(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "delayed earlier in the year": the article's year (month), as "earlier this year"
    if ctx.dct is None:
        return "DATE", None, None
    if m.group(2).lower() == "month":
        return "DATE", f"{ctx.dct.year}-{ctx.dct.month:02d}", None
    return "DATE", str(ctx.dct.year), None


_RESULTS_OF = re.compile(
    r"'s\s+(?:\w+\s+)?(?:loss|losses|profit|profits|earnings|results|net|sales|revenue|"
    r"revenues|income|charges?)\b",
    re.IGNORECASE,
)


@_rule(r"\bthe (weekend)\b")
def _the_weekend(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if ctx.dct is None:
        return "DATE", None, None
    # news "over the weekend" is the one just past (or the current one on a weekend day);
    # "ahead of the weekend", "until the weekend" look forward, to the coming one ("by the
    # weekend" does not: past narration says "By the weekend, troops had left")
    d = ctx.dct if ctx.dct.weekday() >= 5 else ctx.dct - dt.timedelta(days=ctx.dct.weekday() + 1)
    if ctx.dct.weekday() < 5 and _TOWARD.search(ctx.text, max(0, m.start() - 12), m.start()):
        d = ctx.dct + dt.timedelta(days=5 - ctx.dct.weekday())
    return "DATE", iso_week(d) + "-WE", None


_TOWARD = re.compile(r"\b(?:ahead\s+of|until|till)\s+$", re.IGNORECASE)


_SHORT_UNITS = ("second", "minute", "hour", "day", "week")


@_rule(rf"\b(?:(about|nearly|almost|some|roughly|around|more than|over)\s+)?"
       rf"({NUM_WORD}|{VAGUE})\s+({UNIT})\s+(?:or so\s+|(and a half)\s+)?"
       r"(ago|earlier|before|later|from now|hence)\b",
       # at most 5 word starts before the unit: "more than a couple of"
       anchor=rf"\b{UNIT}", words_before=5)  # fmt: skip
def _ago(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    qualifier = (m.group(1) or "").lower()
    mod = "APPROX" if qualifier in ("about", "nearly", "almost", "roughly", "around") else None
    amount = number(m.group(2))
    direction = m.group(5).lower()
    if amount is not None and m.group(4):
        amount += 0.5  # "a minute and a half later"
    if direction in ("earlier", "before", "later") and amount is None:
        # "a few days later", "several months before he took office": a gap of unknown
        # length after (before) another event, not a date counted from the article's; as
        # with "three days later" below, TimeML marks the length, a DURATION (PXD, PXM)
        return "DURATION", duration(None, unit_key(m.group(3))), mod
    sign = 1 if direction in ("later", "from now", "hence") else -1
    unit = unit_key(m.group(3))
    if direction in ("earlier", "before", "later") and unit in _SHORT_UNITS:
        # "three days later", "30 days before the closing": a gap after another event,
        # told as its length (TimeBank), not a date counted from the article's
        return "DURATION", duration(amount, unit), None
    if ctx.dct is None:
        return "DATE", None, mod
    if amount is None:
        if unit == "year" and m.group(2).lower() in ("a few", "few"):
            return "DATE", str(ctx.dct.year)[:3] + "X", mod
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod
    n = int(amount)
    d = ctx.dct
    if unit in ("day", "hour", "minute", "second"):
        days = n if unit == "day" else 0
        return "DATE", (d + dt.timedelta(days=sign * days)).isoformat(), mod
    if unit == "week":
        return "DATE", iso_week(d + dt.timedelta(weeks=sign * n)), mod
    if unit == "month":
        y, mo = shift_months(d, sign * n)
        return "DATE", f"{y}-{mo:02d}", mod
    if unit == "quarter":
        y, mo = shift_months(d, sign * 3 * n)
        return "DATE", f"{y}-Q{(mo - 1) // 3 + 1}", mod
    if unit == "decade":
        return "DATE", str(d.year + sign * 10 * n)[:3], mod
    if unit == "century":
        return "DATE", str(d.year + sign * 100 * n)[:2], mod
    return "DATE", str(d.year + sign * n), mod


@_rule(rf"\bin\s+({NUM_WORD})\s+(day|week|month|year)s?\b(?!\s+(?:or|and|to|of)\b)(?!-)")
def _in_time(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "the stock would be redeemed in five years": after a modal of the clause, "in" a
    # length is the point that far past the article date (TimeML: a DATE anchored to the
    # DCT, as "five years from now"); elsewhere ("the second letter in two weeks") it is
    # the length, left to the duration rule
    if not _MODAL_JUST_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start()):
        return None
    amount = number(m.group(1))
    if amount is None or amount != int(amount):
        return None
    if ctx.dct is None:
        return "DATE", None, None
    n, unit, d = int(amount), m.group(2).lower(), ctx.dct
    if unit == "day":
        return "DATE", (d + dt.timedelta(days=n)).isoformat(), None
    if unit == "week":
        return "DATE", iso_week(d + dt.timedelta(weeks=n)), None
    if unit == "month":
        y, mo = shift_months(d, n)
        return "DATE", f"{y}-{mo:02d}", None
    return "DATE", str(d.year + n), None


_MODAL_JUST_BEFORE = re.compile(
    r"\b(?:will|would|'ll|shall|(?:is|are) to)\s+(?:(?!in\b)[a-z]+\s+){0,3}$", re.I
)


@_rule(
    r"\byear-(?:ago|earlier)\b(?!\s+(?:quarter|period|nine months|first|second|third|fourth))",
    needs="year-(?:ago|earlier)",
)
def _year_ago_adjective(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "a year-earlier loss", "year-ago levels": the year before the article's; after a
    # quarter named in results reporting, ``storyline.nlp.dates`` makes it that quarter's twin
    if ctx.dct is None:
        return "DATE", None, None
    return "DATE", str(ctx.dct.year - 1), None


@_rule(
    r"\bthe\s+(following|next)\s+(year|month|day)\b(?=\s*,)|\bthe\s+following\s+(year|month|day)\b"
)
def _following(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # anchored to the date told just before it, not to the article date: the value is
    # filled in by ``storyline.nlp.dates`` once every expression of the text is known
    return "DATE", None, "FOLLOWING"


@_rule(
    r"\b(?:(?:earlier|later)\s+(?:in\s+)?)?that\s+(?:same\s+)?(year|quarter)\b(?!-)",
    needs=r"that\s+(?:same\s+)?(?:year|quarter)\b",
)
def _that_period(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "imports that year", "returned to Cuba later that year": the demonstrative points
    # back to the year (quarter) of the date told just before it, not to the article's
    # (TimeML: anchored to the reference time); ``storyline.nlp.dates`` fills it in
    return "DATE", None, "THAT"


@_rule(
    rf"\bthe\s+(?:previous|preceding|prior)\s+({WEEKDAY_RE})\b",
    re.IGNORECASE,
    needs="previous|preceding|prior",
)
def _previous_weekday(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "down 4.5% from the previous Friday": the definite "the previous" is anaphoric, the
    # such day before the day the text is telling of (TimeML: anchored to the reference
    # time, not the article date); ``storyline.nlp.dates`` fills the value in
    return "DATE", None, "PREVIOUS_WEEKDAY"


@_rule(
    r"\b(?:(later|earlier)\s+)?(this|last)\s+(morning|afternoon|evening|night)\b",
    needs="morning|afternoon|evening|night",
)
def _part_of_today(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "this morning" is the article's day; "last night" the night before it
    word = m.group(3).lower()
    back = 1 if (m.group(2) or "").lower() == "last" else 0
    if ctx.dct is None:
        return "TIME", None, None
    d = ctx.dct - dt.timedelta(days=back)
    return "TIME", f"{d.isoformat()}T{PART_OF_DAY[word]}", None


@_rule(r"\bmid[- ]?(morning|afternoon)\b(?![- ]\w)", needs="mid[- ]?(?:morning|afternoon)")
def _mid_part_of_day(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "By mid-afternoon, officials said": with no day told, the article's day, as "this
    # afternoon" is ("mid-afternoon yesterday" is the deictic rule's, a longer match)
    if ctx.dct is None:
        return "TIME", None, None
    return "TIME", f"{ctx.dct.isoformat()}T{PART_OF_DAY[m.group(1).lower()]}", None


_TODAY_IS = re.compile(r"\b(?:today|it|this)(?:\s+is|'s)\s+$", re.IGNORECASE)


@_rule(
    r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"\d{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day\b(?!-)",
    needs=r"(?:st|nd|rd|th)\s+(?:straight\s+|consecutive\s+)?day\b",  # every ordinal's ending
)
def _nth_day_today(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "Today is the eighth day of the operation", "It's the second day of an offensive":
    # told in the present as what today is, the count names the article's day (TimeML: a
    # DATE with the DCT's value); elsewhere ("on his first day in office") it is left out
    if not _TODAY_IS.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None
    return "DATE", ctx.dct.isoformat() if ctx.dct else None, None
