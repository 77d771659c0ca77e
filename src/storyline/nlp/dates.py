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
from collections.abc import Callable
from dataclasses import dataclass

from storyline.nlp.date_units import (
    DAY,
    MOD_RE,
    MONTH_RE,
    MONTHS,
    NUM_WORD,
    ORDINALS,
    PART_OF_DAY,
    SEASONS,
    UNIT,
    VAGUE,
    VAGUE_NUMBERS,
    WEEKDAY_RE,
    WEEKDAYS,
    YEAR,
    duration,
    is_future,
    is_future_weekday,
    iso_week,
    mod_of,
    number,
    parse_dct,
    shift_months,
    unit_key,
)

__all__ = ["TimeExpression", "extract_dates", "parse_dct"]


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


@dataclass(frozen=True)
class _Ctx:
    text: str
    dct: dt.date | None


Resolved = tuple[str, str | None, str | None]  # type, value, mod
_Resolver = Callable[[re.Match[str], _Ctx], Resolved | None]
_RULES: list[tuple[re.Pattern[str], _Resolver]] = []


def _rule(pattern: str, flags: int = re.IGNORECASE) -> Callable[[_Resolver], _Resolver]:
    compiled = re.compile(pattern, flags)

    def register(fn: _Resolver) -> _Resolver:
        _RULES.append((compiled, fn))
        return fn

    return register


def _month_num(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


# -- absolute calendar dates ---------------------------------------------------------------


@_rule(rf"\b(?:{WEEKDAY_RE},?\s+)?({MONTH_RE})\s+({DAY}),?\s+({YEAR})\b")
def _month_day_year(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    day = int(re.match(r"\d+", m.group(2)).group())  # type: ignore[union-attr]
    try:
        d = dt.date(int(m.group(3)), _month_num(m.group(1)), day)
    except ValueError:
        return None
    return "DATE", d.isoformat(), None


@_rule(rf"\b(?:{WEEKDAY_RE},?\s+)?({DAY})\s+({MONTH_RE})(?:,?\s+({YEAR}))?\b")
def _day_month_year(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    day = int(re.match(r"\d+", m.group(1)).group())  # type: ignore[union-attr]
    month = _month_num(m.group(2))
    if m.group(2) == "may" or (m.group(2).lower() == "may" and not m.group(3)):
        return None  # "5 may ..." is far more often the modal verb
    year = int(m.group(3)) if m.group(3) else (ctx.dct.year if ctx.dct else None)
    if year is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    try:
        return "DATE", dt.date(year, month, day).isoformat(), None
    except ValueError:
        return None


@_rule(rf"\b(?:{WEEKDAY_RE},?\s+)?({MONTH_RE})\s+({DAY})\b(?!,?\s*{YEAR})(?!\s*[,.]?\d)")
def _month_day(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    if m.group(1) == "may" or m.group(1) == "MAY":
        return None
    day = int(re.match(r"\d+", m.group(2)).group())  # type: ignore[union-attr]
    month = _month_num(m.group(1))
    if not 1 <= day <= 31:
        return None
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", None
    # a month and day with no year is the one nearest the article date ("Nov. 25" in
    # January is last November's, "Feb. 1" in October next February's)
    dct = ctx.dct
    found = []
    for year in (dct.year - 1, dct.year, dct.year + 1):
        try:
            found.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not found:
        return None
    if _PAST_DAY.search(
        ctx.text[max(0, ctx.text.rfind(".", 0, m.start()) + 1, m.start() - 40) : m.start()]
    ):
        found = [d for d in found if d <= dct] or found  # "the year ended March 31"
    elif is_future(ctx.text, m.start(), m.end()):
        found = [d for d in found if d >= dct] or found
    nearest = min(found, key=lambda d: (abs((d - dct).days), d))
    return "DATE", nearest.isoformat(), None


_PAST_DAY = re.compile(r"\b(ended|since|set on|was|were|had been|last seen|the night of)\b", re.I)


@_rule(r"\b(\d{4})-(\d{2})-(\d{2})\b")
def _iso_date(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return "DATE", d.isoformat(), None


@_rule(rf"\b{MOD_RE}?({MONTH_RE}),?\s+(?:of\s+)?({YEAR})\b")
def _month_year(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    mod = mod_of(m.group(0)[: m.start(1) - m.start()])
    return "DATE", f"{m.group(2)}-{_month_num(m.group(1)):02d}", mod


@_rule(
    rf"\b(?:(last|next|this|in|since|until|by|from|before|after|during|of|through|early|late|"
    rf"mid-?|the end of|the beginning of|the middle of|earlier|later)\s+)?"
    rf"((?:early|late|mid-?)\s*)?({MONTH_RE})(?![A-Za-z])(?!\.?\s*{DAY}\b)(?!\s*,?\s*{YEAR})",
    0,
)
def _month_alone(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    lead = (m.group(1) or "").lower()
    month_token = m.group(3)
    if month_token[0].islower():
        return None
    if month_token == "May" and not lead:
        return None  # sentence-initial modal "May"
    if lead in ("in", "since", "until", "by", "from", "before", "after", "during", "of",
                "through", "earlier", "later"):  # fmt: skip
        pass
    mod = mod_of(m.group(2)) or mod_of(lead)
    month = _month_num(month_token)
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}", mod
    year = ctx.dct.year
    if lead == "last":
        year = year - 1 if month >= ctx.dct.month else year
    elif lead == "next":
        year = year + 1 if month <= ctx.dct.month else year
    elif not is_future(ctx.text, m.start(), m.end()) and (
        month - ctx.dct.month > 6 or (month > ctx.dct.month + 1 and not lead)
    ):
        year -= 1  # a month well after the DCT (told in the past tense) is last year's
    elif ctx.dct.month - month > 6 and is_future(ctx.text, m.start(), m.end()):
        year += 1  # "in February", said in October of what will be, is next year's
    return "DATE", f"{year}-{month:02d}", mod


_COUNTED = re.compile(
    r"\s+(?:more\s+|other\s+|new\s+)?(?:people|men|women|children|troops|soldiers|marines|"
    r"tanks|jobs|members|workers|residents|civilians|refugees|dollars|euros|pounds|units|"
    r"cases|votes|deaths|lives|rebels|prisoners|protesters|casualties|staff|employees|"
    r"students|miles|kilometres|kilometers|km|feet|tonnes|tons|barrels|shares)\b"
)
_YEAR_PREPOSITIONS = {"in", "since", "by", "of", "until", "from", "before", "after", "during"}


@_rule(rf"\b(?:(fiscal|calendar|early|late|mid-?)\s*)?({YEAR})\b(?![-/]\d)(?!\s*(?:%|percent))")
def _year(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    before = ctx.text[max(0, m.start() - 2) : m.start()]
    if "$" in before or re.search(r"\d[,.]$", before):
        return None
    if not m.group(1) and _COUNTED.match(ctx.text, m.end()):
        previous = ctx.text[max(0, m.start() - 12) : m.start()].split()
        if not previous or previous[-1].lower() not in _YEAR_PREPOSITIONS:
            return None  # "2000 troops": a count, not a year
    lead = (m.group(1) or "").lower()
    mod = mod_of(lead) if lead not in ("", "fiscal", "calendar") else None
    return "DATE", m.group(2), mod


@_rule(rf"\b(?:the\s+)?{MOD_RE}?(1[6-9]\d|20\d)0'?s\b")
def _decade(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    prefix = re.sub(r"^the\s+", "", m.group(0)[: m.start(1) - m.start()], flags=re.I)
    return "DATE", m.group(1), mod_of(prefix)


@_rule(r"\b(?:the\s+)?(nineteen|twenty)-?(tens|twenties|thirties|forties|fifties|sixties|"
       r"seventies|eighties|nineties)\b|\bthe\s+(twenties|thirties|forties|fifties|sixties|"
       r"seventies|eighties|nineties)\b")  # fmt: skip
def _decade_words(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    names = ["tens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
             "eighties", "nineties"]  # fmt: skip
    century = "20" if (m.group(1) or "").lower() == "twenty" else "19"
    word = (m.group(2) or m.group(3)).lower()
    return "DATE", f"{century}{names.index(word) + 1}", None


@_rule(r"\b(nineteen|twenty)[- ]((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
       r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|"
       r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b")  # fmt: skip
def _spoken_year(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    tail = number(m.group(2))
    if tail is None:
        return None
    return "DATE", f"{19 if m.group(1).lower() == 'nineteen' else 20}{int(tail):02d}", None


@_rule(r"\bthe year two thousand(?:\s+and\s+(\w+))?\b|\btwo thousand\b(?=\s+(?:and|[.,]))")
def _year_2000(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    tail = number(m.group(1)) if m.group(1) else 0
    return "DATE", f"{2000 + int(tail or 0)}", None


@_rule(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\b")
def _century(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    return "DATE", f"{int(m.group(1)) - 1:02d}", None


# -- quarters and seasons ------------------------------------------------------------------


@_rule(
    r"\b(?:(?:the|its|a|this|last|next)\s+)?(?:(fiscal|flat|latest)\s+)?(?:(\d{4})\s+)?"
    r"(first|second|third|fourth)[- ](?:fiscal\s+)?quarter\b(?:\s+of\s+(\d{4}))?"
)
def _quarter_ordinal(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    q = ORDINALS[m.group(3).lower()]
    year = m.group(2) or m.group(4)
    if year is None:
        if ctx.dct is None:
            return "DATE", f"XXXX-Q{q}", None
        year = ctx.dct.year
        if m.group(0).lower().startswith("last"):
            year -= 1
        elif m.group(0).lower().startswith("next"):
            year += 1
    return "DATE", f"{year}-Q{q}", None


@_rule(r"\b(?:(this|last|next|early|late)\s+)?(spring|summer|autumn|winter)(?:\s+of\s+(\d{4}))?\b")
def _season(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    code = SEASONS[m.group(2).lower()]
    lead = (m.group(1) or "").lower()
    if m.group(3):
        return "DATE", f"{m.group(3)}-{code}", None
    if not lead and not ctx.text[max(0, m.start() - 4) : m.start()].lower().endswith("the "):
        return None
    if ctx.dct is None:
        return "DATE", None, None
    year = ctx.dct.year + (-1 if lead == "last" else 1 if lead == "next" else 0)
    return "DATE", f"{year}-{code}", mod_of(lead)


# -- relative to the article date ----------------------------------------------------------


@_rule(
    r"\b(?:(early|late|earlier|later)\s+)?(today|yesterday|tomorrow|tonight)"
    r"(?:\s+(morning|afternoon|evening|night))?\b"
)
def _deictic_day(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    word = m.group(2).lower()
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    mod = mod_of(m.group(1)) if m.group(1) and m.group(1).lower() in ("early", "late") else None
    part = PART_OF_DAY.get((m.group(3) or "").lower()) or ("NI" if word == "tonight" else None)
    if ctx.dct is None:
        return ("TIME" if part else "DATE"), None, mod
    d = (ctx.dct + dt.timedelta(days=offset)).isoformat()
    if part:
        return "TIME", f"{d}T{part}", mod
    return "DATE", d, mod


@_rule(
    rf"\b(?:(?:on|last|next|this|early|late)\s+)?(?:(early|late)\s+)?({WEEKDAY_RE})"
    r"(?:\s+(morning|afternoon|evening|night))?\b",
    0,
)
def _weekday(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    lead = m.group(0).split()[0].lower()
    target = WEEKDAYS[m.group(2).lower()]
    part = PART_OF_DAY.get((m.group(3) or "").lower())
    mod = mod_of(m.group(1)) or (mod_of(lead) if lead in ("early", "late") else None)
    kind = "TIME" if part else "DATE"
    if ctx.dct is None:
        return kind, None, mod
    delta = (target - ctx.dct.weekday()) % 7
    future = lead == "next" or (lead != "last" and is_future_weekday(ctx.text, m.start()))
    if future:
        d = ctx.dct + dt.timedelta(days=delta if lead != "next" else delta or 7)
    else:
        d = ctx.dct - dt.timedelta(days=(ctx.dct.weekday() - target) % 7)
        if lead == "last" and d == ctx.dct:
            d -= dt.timedelta(days=7)
    value = d.isoformat() + (f"T{part}" if part else "")
    return kind, value, mod


@_rule(
    r"\b(?:(earlier|later|early|late)\s+)?(this|last|next|the past|the previous|the coming|"
    r"the current|the latest|the same|the next)\s+(week|weekend|month|year|quarter)\b"
)
def _this_last_next(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    lead = m.group(2).lower()
    unit = m.group(3).lower()
    mod = {"earlier": "START", "early": "START", "late": "END", "later": "END"}.get(
        (m.group(1) or "").lower()
    )
    if ctx.dct is None:
        return "DATE", None, mod
    step = {"last": -1, "the past": -1, "the previous": -1, "next": 1, "the coming": 1,
            "the next": 1}.get(lead, 0)  # fmt: skip
    if lead == "the latest" and unit == "quarter":
        step = -1  # "the latest quarter" is the last one reported, before the DCT's quarter
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


@_rule(r"\bthe (weekend)\b")
def _the_weekend(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    if ctx.dct is None:
        return "DATE", None, None
    # news "over the weekend" is the one just past (or the current one on a weekend day)
    d = ctx.dct if ctx.dct.weekday() >= 5 else ctx.dct - dt.timedelta(days=ctx.dct.weekday() + 1)
    return "DATE", iso_week(d) + "-WE", None


@_rule(rf"\b(?:(about|nearly|almost|some|roughly|around|more than|over)\s+)?"
       rf"({NUM_WORD}|{VAGUE})\s+({UNIT})\s+(?:or so\s+)?"
       r"(ago|earlier|before|later|from now|hence)\b")  # fmt: skip
def _ago(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    qualifier = (m.group(1) or "").lower()
    mod = "APPROX" if qualifier in ("about", "nearly", "almost", "roughly", "around") else None
    amount = number(m.group(2))
    direction = m.group(4).lower()
    if direction in ("earlier", "before", "later") and amount is None:
        return None  # "some years later" is anchored to another event, not the DCT
    sign = 1 if direction in ("later", "from now", "hence") else -1
    unit = unit_key(m.group(3))
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


@_rule(
    r"\b(?:(more than|less than|over(?!\s+the\b)|under|nearly|almost|about|around|some|"
    r"up to|at least|roughly|approximately)\s+)?((?:the|its|their|his|her|an?)\s+)?"
    r"(?:(past|last|next|first|coming|previous|following|final|additional|entire|full|"
    r"latest|remaining)\s+)?"
    rf"(?:({NUM_WORD}|{VAGUE})[- ])?(?:(?:more|trading|straight|consecutive)\s+)?({UNIT})"
    r"(?:\s+(?:or so|and a half))?\b"
    r"(?!\s+(?:ago|earlier|before|later|from now))"
)
def _duration_rule(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    qualifier = (m.group(1) or "").lower()
    det = (m.group(2) or "").strip().lower()
    amount_text = m.group(4)
    unit = unit_key(m.group(5))
    plural = m.group(5).lower().endswith("s")
    if amount_text is None:
        if det in ("a", "an"):
            amount: float | None = 1.0
        elif m.group(3) and not plural and det in ("the", "its", "their", "his", "her"):
            amount = 1.0  # "the past year" as a span; values as a one-unit duration
        elif plural and m.group(3):
            amount = None  # "the next weeks"
        elif plural and not det:
            amount = None  # bare "weeks", "years"
        else:
            return None  # "the year", "a day's work"-like fragments are too ambiguous
    else:
        amount = number(amount_text)
        if amount is None and amount_text.lower() not in VAGUE_NUMBERS:
            return None
        if amount is not None and amount_text.isdigit() and amount > 500:
            return None
    if unit in ("quarter",) and amount_text is None and det in ("the",):
        return None
    if m.group(0).lower().endswith("and a half") and amount is not None:
        amount += 0.5
    mod = {
        "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
        "less than": "LESS_THAN", "under": "LESS_THAN", "up to": "EQUAL_OR_LESS",
        "nearly": "APPROX", "almost": "LESS_THAN", "about": "APPROX", "around": "APPROX",
        "some": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
    }.get(qualifier)  # fmt: skip
    if amount_text and amount_text.lower().startswith(("a couple", "couple")):
        mod = mod or "APPROX"
    return "DURATION", duration(amount, unit), mod


@_rule(r"\b(?:(\d{1,2})\s+)(\d)/(\d)\s+(years?|months?|days?|hours?)\b")
def _fraction_duration(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    amount = int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    return "DURATION", duration(amount, m.group(4)), None


@_rule(r"\b(?:(?:more|most)\s+)?(now|currently|at present|nowadays|presently|these days|"
       r"recently|recent|lately|the past|the future|in the past|in the future|"
       r"the short term|the long term|soon|former|formerly|once)\b")  # fmt: skip
def _reference(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    word = m.group(1).lower()
    if word in ("now", "currently", "at present", "nowadays", "presently", "these days"):
        return "DATE", "PRESENT_REF", None
    if word in ("recently", "recent", "lately", "the past", "in the past", "formerly"):
        return "DATE", "PAST_REF", None
    if word in ("the future", "in the future", "the long term", "the short term", "soon"):
        return "DATE", "FUTURE_REF", None
    return None  # "former", "once": too often not temporal expressions in news


@_rule(r"\b(?:(?:around|about|at|by|before|after|until)\s+)?(\d{1,2}):(\d{2})\s*"
       r"(a\.?m\.?|p\.?m\.?)?(?=\W|$)|\b(noon|midnight)\b")  # fmt: skip
def _clock_time(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    if m.group(4):
        hh, mm = (12, 0) if m.group(4).lower() == "noon" else (0, 0)
    else:
        hh, mm = int(m.group(1)), int(m.group(2))
        ampm = (m.group(3) or "").lower().replace(".", "")
        if ampm == "pm" and hh < 12:
            hh += 12
        if ampm == "am" and hh == 12:
            hh = 0
        if hh > 23 or mm > 59:
            return None
    mod = "APPROX" if m.group(0).lower().startswith(("around", "about")) else None
    if ctx.dct is None:
        return "TIME", f"XXXX-XX-XXT{hh:02d}:{mm:02d}", mod
    return "TIME", f"{ctx.dct.isoformat()}T{hh:02d}:{mm:02d}", mod


@_rule(r"\b(?:every|each)\s+(day|week|month|year|quarter)\b|\b(daily|weekly|monthly|"
       r"annually|yearly|quarterly)\b|\ba (day|week|month|year)\b(?=\s*[,.;])")  # fmt: skip
def _set(m: re.Match[str], ctx: _Ctx) -> Resolved | None:
    word = (m.group(1) or m.group(2) or "").lower()
    codes = {"day": "P1D", "daily": "P1D", "week": "P1W", "weekly": "P1W", "month": "P1M",
             "monthly": "P1M", "year": "P1Y", "annually": "XXXX", "yearly": "P1Y",
             "quarter": "P1Q", "quarterly": "P1Q"}  # fmt: skip
    if m.group(3):
        return None  # "a year" at a clause end is usually a duration; leave to _duration_rule
    return "SET", codes[word], None


# -- extraction ----------------------------------------------------------------------------


def _merge_adjacent(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """Join "noon Saturday", "Thursday evening"-style pairs the rules found separately."""
    out: list[TimeExpression] = []
    for item in found:
        if out:
            prev = out[-1]
            gap = text[prev.end : item.start]
            if (
                gap == " "
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
    ctx = _Ctx(text=text, dct=parse_dct(dct))
    candidates: list[tuple[int, int, int, Resolved]] = []
    for order, (pattern, resolver) in enumerate(_RULES):
        for m in pattern.finditer(text):
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
    return _year_ago_quarters(_merge_adjacent(chosen, text), text)


_YEAR_AGO = re.compile(r"^(?:a year (?:ago|earlier)|year-ago|the year-ago.*)$", re.I)


_QUARTER_REACH = 600  # chars after a named quarter within which "a year ago" means its twin


def _year_ago_quarters(found: list[TimeExpression], text: str) -> list[TimeExpression]:
    """In quarterly results ("profit rose from $5m a year ago"), a year-ago expression
    means the same quarter one year back, as TimeBank annotates: it follows the quarter
    named shortly before it."""
    out: list[TimeExpression] = []
    last_quarter: tuple[int, int, int] | None = None  # year, quarter, where it was named
    for t in found:
        m = re.fullmatch(r"(\d{4})-Q([1-4])", t.value or "")
        if m:
            last_quarter = (int(m.group(1)), int(m.group(2)), t.end)
        elif last_quarter and t.type == "DATE" and _YEAR_AGO.match(t.text):
            year, q, named_at = last_quarter
            if t.start - named_at <= _QUARTER_REACH:
                t = TimeExpression(t.text, t.start, t.end, t.type, f"{year - 1}-Q{q}", t.mod)
        out.append(t)
    return out
