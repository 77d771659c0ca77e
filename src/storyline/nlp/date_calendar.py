"""TIMEX rules for calendar expressions: dates, months, years, decades, quarters, seasons."""

from __future__ import annotations

import datetime as dt
import re

from storyline.nlp.date_rule import Ctx, Resolved, Rule, month_num, rule_registry
from storyline.nlp.date_units import (
    DAY,
    MOD_RE,
    MONTH_RE,
    ORDINALS,
    PAST_EVENT_BEFORE,
    SEASONS,
    SPOKEN_YEAR,
    WEEKDAY_RE,
    YEAR,
    fixture_before,
    is_future,
    iso_week,
    mod_of,
    number,
    sentence_looks_ahead,
    year_of,
)

RULES: list[Rule] = []
_rule = rule_registry(RULES)
# what every name of MONTH_RE starts with (any case: the rules ignore case)
_MONTH_STEMS = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"

# -- absolute calendar dates ---------------------------------------------------------------


@_rule(rf"\b(?:{WEEKDAY_RE},?\s+)?({MONTH_RE})\s+({DAY}),?\s+({YEAR})\b")
def _month_day_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    day = int(re.match(r"\d+", m.group(2)).group())  # type: ignore[union-attr]
    try:
        d = dt.date(int(m.group(3)), month_num(m.group(1)), day)
    except ValueError:
        return None
    return "DATE", d.isoformat(), None


@_rule(
    rf"\b(?:{WEEKDAY_RE},?\s+)?({DAY})\s+({MONTH_RE})(?:,?\s+({YEAR}))?\b",
    # a day's last digit (or its st/nd/rd/th), then a month: every month name starts with
    # one of these stems
    needs=rf"\d(?:st|nd|rd|th)?\s+{_MONTH_STEMS}",
)
def _day_month_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    day = int(re.match(r"\d+", m.group(1)).group())  # type: ignore[union-attr]
    month = month_num(m.group(2))
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
def _month_day(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if m.group(1) == "may" or m.group(1) == "MAY":
        return None
    day = int(re.match(r"\d+", m.group(2)).group())  # type: ignore[union-attr]
    month = month_num(m.group(1))
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
    if _ENDED_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        # "the quarter ended Oct. 31": a period told as ended is over, so its end is on or
        # before the article date (TimeML/HeidelTime tense: past -> the latest such day)
        return "DATE", max((d for d in found if d <= dct), default=min(found)).isoformat(), None
    nearest = min(found, key=lambda d: (abs((d - dct).days), d))
    if abs((nearest - dct).days) <= _SURE_DAYS and not (
        (nearest - dct).days > _AHEAD_MARGIN and _told_as_past(ctx.text, m.start(), m.end())
    ):
        return "DATE", nearest.isoformat(), None  # close to the article date: tense adds noise
    before = ctx.text[max(0, ctx.text.rfind(".", 0, m.start()) + 1, m.start() - 40) : m.start()]
    if (
        _PAST_DAY.search(before)
        or _PAST_VERB.search(before)
        or _told_as_past(ctx.text, m.start(), m.end())
    ):
        found = [d for d in found if d <= dct] or found  # "the year ended March 31"
    elif (
        is_future(ctx.text, m.start(), m.end())
        or sentence_looks_ahead(ctx.text, m.start())
        or _fixture_told(ctx.text, m.start())
    ):
        found = [d for d in found if d >= dct] or found
    nearest = min(found, key=lambda d: (abs((d - dct).days), d))
    return "DATE", nearest.isoformat(), None


_ENDED_BEFORE = re.compile(r"\bended\s+(?:on\s+)?$", re.IGNORECASE)


def _fixture_told(text: str, start: int) -> bool:
    """A month or day after a fixture told in the present, in its sentence: "the law takes
    effect in November", "the election is in November", "the trial begins Oct. 1"."""
    window = text[max(0, start - 150) : start]
    stop = max(window.rfind(". "), window.rfind("\n"))
    return fixture_before(window[stop + 1 :])


def _told_as_past(text: str, start: int, end: int) -> bool:
    """A date told as what has happened: a past event verb right before it ("was shot on
    May 3"), "since" ("in hospital since July 9"), or, opening its sentence, a clause
    in the past after it ("On Aug. 3, the moratorium was extended")."""
    if PAST_EVENT_BEFORE.search(text, max(0, start - 60), start):
        return True
    if _SINCE_BEFORE.search(text, max(0, start - 12), start):
        return True
    if not _SENTENCE_OPENING.search(text, max(0, start - 12), start):
        return False
    clause = _CLAUSE_AFTER.match(text, end)
    return bool(
        clause and _PAST_FINITE.search(clause.group(1)) and not is_future(clause.group(1), 0, 0)
    )


_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
# the date opens its sentence, alone or after "On"/"In"/"By"
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]['\"]?\s+|\n)(?:(?:On|In|By)\s+)?$")
# the clause after an opening date and its comma, up to the next comma or stop
_CLAUSE_AFTER = re.compile(r"(?:,\s*\d{4})?,\s+([^,;.]{1,80})")
# a month-day within this many days of the article date is that one, whatever the tense
# cues around it say ("had been set to expire Nov. 6" four days after the DCT)
_SURE_DAYS = 60
# ... except a day weeks ahead told as what happened ("he was shot on May 3", told in
# March, is last year's May 3). A few days' margin for a dateline a day or two off
_AHEAD_MARGIN = 10
# a verb in the past tense just before the date: "shares issued July 1", "announced the
# plan Aug. 21" (not "scheduled", "expected": those look ahead)
_PAST_VERB = re.compile(
    r"\b(?!(?:scheduled|expected|planned|slated|proposed|needed)\b)[a-z]+ed\s+"
    r"(?:(?:the|a|an|its|his|her|their|plan|deal|it|them)\s+){0,2}(?:on\s+)?$"
)
_PAST_DAY = re.compile(r"\b(ended|since|set on|was|were|had been|last seen|the night of)\b", re.I)


@_rule(r"\b(\d{4})-(\d{2})-(\d{2})\b")
def _iso_date(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    try:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
    return "DATE", d.isoformat(), None


@_rule(rf"\b{MOD_RE}?({MONTH_RE}),?\s+(?:of\s+)?({YEAR}|{SPOKEN_YEAR})\b")
def _month_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    mod = mod_of(m.group(0)[: m.start(1) - m.start()])
    year = year_of(m.group(2))
    if year is None:
        return None
    return "DATE", f"{year}-{month_num(m.group(1)):02d}", mod


@_rule(
    rf"\b(?:(last|next|this|in|since|until|by|from|before|after|during|of|through|early|late|"
    rf"mid-?|the end of|the beginning of|the middle of|earlier|later)\s+)?"
    rf"((?:early|late|mid-?)\s*)?({MONTH_RE})(?![A-Za-z])(?!\.?\s*{DAY}\b)(?!\s*,?\s*{YEAR})",
    0,
)
def _month_alone(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    lead = (m.group(1) or "").lower()
    month_token = m.group(3)
    if month_token[0].islower():
        return None
    if month_token == "May" and not lead:
        return None  # sentence-initial modal "May"
    if (
        not lead
        and _NAME_AFTER.match(ctx.text, m.end())
        and not _TIME_WORD_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    ):
        return None  # a first name: "Foreign Minister Jan Kavan", "April Ryan"
    if month_token == "March" and not lead and _MARCH_NOUN.match(ctx.text, m.end()):
        return None  # the noun: "the March for Life", "the March of the Combatant Mothers"
    if lead in ("in", "since", "until", "by", "from", "before", "after", "during", "of",
                "through", "earlier", "later"):  # fmt: skip
        pass
    mod = mod_of(m.group(2)) or mod_of(lead)
    month = month_num(month_token)
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}", mod
    year = ctx.dct.year
    ahead = (
        is_future(ctx.text, m.start(), m.end())
        or sentence_looks_ahead(ctx.text, m.start())
        or _fixture_told(ctx.text, m.start())
    )
    if lead == "last":
        # the month just past is "last month"; naming it ("crashed last February", told
        # in March) reaches back to the one a year before
        year = year - 1 if month >= ctx.dct.month - 1 else year
    elif lead == "next":
        year = year + 1 if month <= ctx.dct.month else year
    elif lead == "since":
        year = year - 1 if month > ctx.dct.month else year
    elif lead == "this":
        pass
    elif not ahead and (month - ctx.dct.month >= 6 or (month > ctx.dct.month + 1 and not lead)):
        year -= 1  # a month well after the DCT (told in the past tense) is last year's
    elif not ahead and month > ctx.dct.month + 1 and _told_in_past(ctx.text, m.start()):
        year -= 1  # "changed to a calendar year in December", told in October: last December
    elif (
        not ahead
        and month == ctx.dct.month + 1
        and lead in ("", "in")
        and PAST_EVENT_BEFORE.search(ctx.text, max(0, m.start() - 60), m.start())
    ):
        year -= 1  # "he was arrested in April", told in March: the April before
    elif ctx.dct.month - month > 6 and (ahead or lead in ("by", "through", "until")):
        year += 1  # "in February", said in October of what will be, is next year's
    return "DATE", f"{year}-{month:02d}", mod


# a capitalised word right after a bare month, in a sentence not set in title case, is a
# surname: "Foreign Minister Jan Kavan said", "Gov. Jan Brewer's office" (not a headline's
# "McDonald's February Sales Slip", where the next word is capitalised too)
_NAME_AFTER = re.compile(
    rf"\s(?!{MONTH_RE}\b|{WEEKDAY_RE}\b|(?:The|This|Last|Next|In|On|At)\b)[A-Z][a-z]+"
    r"(?:'s?)?(?=\s+[a-z]|\s*[.,;:)]|\s*$)"
)
# "In March Obama said": a sentence-initial preposition still makes it the month; so does
# a determiner, the month then an attribute ("at a February White House meeting")
_TIME_WORD_BEFORE = re.compile(
    r"\b(?:in|since|until|by|from|before|after|during|of|through|last|next|this|early|late|"
    r"for|to|a|an|the|its|his|her|their)\s+$",
    re.IGNORECASE,
)
_MARCH_NOUN = re.compile(r"\s+(?:for|on|against|to)\s|\s+of\s+the\s+[A-Z]")


# a finite past verb of the clause: "was", "had", a regular past ("changed"); not the
# participles of plans ("scheduled", "expected") nor common words that end in -ed
_PAST_FINITE = re.compile(
    r"\b(?:was|were|had|did|(?!(?:scheduled|expected|planned|slated|proposed|needed|need|"
    r"indeed|speed|feed|seed|proceed|exceed|succeed|red|bed|based|united|limited|related|"
    r"interested|concerned|used|supposed|bound|set|due)\b)[a-z]{3,}ed)\b"
)


def _told_in_past(text: str, at: int) -> bool:
    """Is the clause before ``at`` (back to its sentence start) told in the past tense?"""
    window = text[max(0, at - 150) : at]
    ends = list(re.finditer(r"[.!?;]\s", window))
    window = window[ends[-1].end() :] if ends else window
    return bool(_PAST_FINITE.search(window))


_COUNTED = re.compile(
    r"\s+(?:more\s+|other\s+|new\s+)?(?:people|men|women|children|troops|soldiers|marines|"
    r"tanks|jobs|members|workers|residents|civilians|refugees|dollars|euros|pounds|units|"
    r"cases|votes|deaths|lives|rebels|prisoners|protesters|casualties|staff|employees|"
    r"students|miles|kilometres|kilometers|km|feet|tonnes|tons|barrels|shares)\b"
)
_YEAR_PREPOSITIONS = {"in", "since", "by", "of", "until", "from", "before", "after", "during"}


# not an index level or a price: "closed at 2082.1"
@_rule(
    rf"\b(?:(fiscal|calendar|early|late|mid-?)\s*)?({YEAR})\b(?![-/]\d|\.\d)(?!\s*(?:%|percent))"
)
def _year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
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


@_rule(rf"\b(?:the\s+)?{MOD_RE}?(1[6-9]\d|20\d)0'?s\b", needs=r"\d0'?s\b")
def _decade(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    prefix = re.sub(r"^the\s+", "", m.group(0)[: m.start(1) - m.start()], flags=re.I)
    return "DATE", m.group(1), mod_of(prefix)


@_rule(rf"(?:\bthe\s+{MOD_RE}?|(?<![\w'’]))['’]([0-9])0s\b", needs="0s")
def _short_decade(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "the '80s", "the late '60s": the decade told without its century is the one nearest
    # the article date that has begun by a decade after it ("the '90s" in 1989 is the
    # coming one, "the '20s" in 1998 the 1920s); without a DCT the century is unknown
    prefix = m.group(0)[: m.start(1) - m.start() - 1]
    mod = mod_of(re.sub(r"^the\s+", "", prefix, flags=re.I))
    if ctx.dct is None:
        return "DATE", None, mod
    century = ctx.dct.year // 100
    if century * 100 + int(m.group(1)) * 10 > ctx.dct.year + 10:
        century -= 1
    return "DATE", f"{century}{m.group(1)}", mod


@_rule(r"\b(?:the\s+)?(nineteen|twenty)-?(tens|twenties|thirties|forties|fifties|sixties|"
       r"seventies|eighties|nineties)\b|\bthe\s+(twenties|thirties|forties|fifties|sixties|"
       r"seventies|eighties|nineties)\b", needs="ties|tens")  # fmt: skip
def _decade_words(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    names = ["tens", "twenties", "thirties", "forties", "fifties", "sixties", "seventies",
             "eighties", "nineties"]  # fmt: skip
    century = "20" if (m.group(1) or "").lower() == "twenty" else "19"
    word = (m.group(2) or m.group(3)).lower()
    return "DATE", f"{century}{names.index(word) + 1}", None


@_rule(r"\b(nineteen|twenty)[- ]((?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
       r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|"
       r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b", needs="nineteen|twenty")  # fmt: skip
def _spoken_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    tail = number(m.group(2))
    if tail is None:
        return None
    return "DATE", f"{19 if m.group(1).lower() == 'nineteen' else 20}{int(tail):02d}", None


@_rule(
    r"\bthe year two thousand(?:\s+and\s+(\w+))?\b|\btwo thousand\b(?=\s+(?:and|[.,]))",
    needs="two thousand",
)
def _year_2000(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    tail = number(m.group(1)) if m.group(1) else 0
    return "DATE", f"{2000 + int(tail or 0)}", None


@_rule(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+century\b", needs="century")
def _century(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    return "DATE", f"{int(m.group(1)) - 1:02d}", None


# -- quarters and seasons ------------------------------------------------------------------


@_rule(
    r"\b(?:(the|its|a|this|last|next|the year-ago|the year-earlier|year-ago|year-earlier|"
    r"last year's|next year's|this year's)\s+)?(?:(fiscal|flat|latest)\s+)?(?:(\d{4})\s+)?"
    r"(first|second|third|fourth)[- ](?:fiscal\s+)?quarter\b(?:\s+of\s+(\d{4}))?",
    needs="quarter",
)
def _quarter_ordinal(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    q = ORDINALS[m.group(4).lower()]
    year = m.group(3) or m.group(5) or _ended_year(ctx, m.end())
    return "DATE", f"{year or _quarter_year(q, (m.group(1) or '').lower(), m, ctx)}-Q{q}", None


# the analysts' shorthand "Q4", "Q1 2013", "Q3 of 2012" (capital Q only: not a "q1" label)
@_rule(rf"\bQ([1-4])(?:\s+(?:of\s+)?({YEAR}))?\b", flags=0, needs="Q[1-4]")
def _quarter_short(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if _MAKERS_NAME.search(ctx.text, max(0, m.start() - 60), m.start()):
        return None  # "the new Audi Q3": a model's name, not a quarter
    q = int(m.group(1))
    year = m.group(2) or _ended_year(ctx, m.end())
    return "DATE", f"{year or _quarter_year(q, '', m, ctx)}-Q{q}", None


# a capitalised word inside a sentence right before "Q3" (no "'s": "Apple's Q4" is its
# quarter): a maker's name, the "Q3" its model's
_MAKERS_NAME = re.compile(r"[a-z,]\s+[A-Z][\w-]*\s+$")


def _quarter_year(q: int, lead: str, m: re.Match[str], ctx: Ctx) -> str:
    """The year of a quarter told without one, from its lead word, tense and the DCT."""
    if ctx.dct is None:
        return "XXXX"
    year = ctx.dct.year
    if lead.startswith("last") or "year-" in lead:
        year -= 1  # "the year-ago third quarter" is last year's third quarter
    elif lead.startswith("next"):
        year += 1
    elif (
        lead in ("", "the", "its")
        and q > (ctx.dct.month - 1) // 3 + 1
        and not is_future(ctx.text, m.start(), m.end())
        and not sentence_looks_ahead(ctx.text, m.start())
    ):
        # results are told for quarters past: "a drop in profits for the fourth
        # quarter" in a January article is last year's fourth quarter
        year -= 1
    return str(year)


_QUARTER_ENDED = re.compile(rf"\s+ended\s+({MONTH_RE})\s+({DAY})\b(?:,?\s+({YEAR}))?")


def _ended_year(ctx: Ctx, at: int) -> str | None:
    """The year of a quarter told by the day it ended ("the second quarter ended Oct. 31"):
    the year of that day, which is over, so on or before the article date."""
    m = _QUARTER_ENDED.match(ctx.text, at)
    if m is None:
        return None
    if m.group(3):
        return m.group(3)
    if ctx.dct is None:
        return None
    day = int(re.match(r"\d+", m.group(2)).group())  # type: ignore[union-attr]
    for year in (ctx.dct.year, ctx.dct.year - 1):
        try:
            if dt.date(year, month_num(m.group(1)), day) <= ctx.dct:
                return str(year)
        except ValueError:
            continue
    return None


@_rule(
    rf"\b(?:the\s+)?(?:(first|second|last|latter)\s+half|first\s+two\s+quarters)"
    rf"\s+of\s+(?:the\s+year\s+)?({YEAR})\b",
    needs="half|quarters",
)
def _half_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    half = 1 if (m.group(1) or "first").lower() == "first" else 2
    return "DATE", f"{m.group(2)}-H{half}", None


@_rule(rf"\b({MONTH_RE})\s+(this|last|next)\s+year\b", 0)
def _month_of_relative_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    month = month_num(m.group(1))
    if ctx.dct is None:
        return "DATE", f"XXXX-{month:02d}", None
    step = {"this": 0, "last": -1, "next": 1}[m.group(2)]
    return "DATE", f"{ctx.dct.year + step}-{month:02d}", None


@_rule(r"\bthe\s+(?:full|whole|entire)\s+year\b(?!\s+(?:ago|earlier|before))")
def _full_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "sales for the full year": the reporting year of the article, not a span of one year
    return "DATE", str(ctx.dct.year) if ctx.dct else None, None


@_rule(
    r"\bthe\s+(?:(?:fiscal|calendar)\s+)?year\b(?![-'])"
    r"(?!\s+(?:ago|earlier|before|after|later|two thousand|\d|in which|when|that)\b)"
    r"(?!\s+of\s+[A-Za-z])"
)
def _the_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # the definite "the year" of news copy ("a high for the year", "lower earnings for
    # the fiscal year") is the article's year (TimeML: anchored to the DCT); told by the
    # day it ends ("the year ended March 31") it is the twelve-month period reported,
    # which TimeBank marks as a duration, P1Y; so is the year "throughout" which
    # something lasts, the whole stretch of it. "The year of bloody violence" is told by
    # what filled it, not placed on the calendar: no date (but "a high for the year of
    # $42.87" is the article's year)
    if _YEAR_ENDED.match(ctx.text, m.end()) or _THROUGHOUT.search(
        ctx.text, max(0, m.start() - 12), m.start()
    ):
        return "DURATION", "P1Y", None
    return "DATE", str(ctx.dct.year) if ctx.dct else None, None


_YEAR_ENDED = re.compile(r",?\s+end(?:ed|ing)\b")
_THROUGHOUT = re.compile(r"\bthroughout\s+$", re.IGNORECASE)


@_rule(
    r"\b(?:(this(?:\s+past)?|last|next|early|late)\s+)?(spring|summer|autumn|winter)"
    rf"(?:\s+of\s+(\d{{4}}|{SPOKEN_YEAR}))?\b"
    rf"|\b(this(?:\s+past)?|last|next)\s+(fall)\b|\bthe\s+(fall)\s+of\s+(\d{{4}}|{SPOKEN_YEAR})\b",
    needs="spring|summer|autumn|winter|fall",
)
def _season(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    if m.group(5) or m.group(6):  # "fall" only with a lead or "of YEAR": else the verb
        code = "FA"
        lead = (m.group(4) or "").lower()
        if m.group(7):
            return "DATE", f"{year_of(m.group(7))}-{code}", None
        if ctx.dct is None:
            return "DATE", None, None
        return "DATE", f"{ctx.dct.year + {'last': -1, 'next': 1}.get(lead, 0)}-{code}", None
    code = SEASONS[m.group(2).lower()]
    lead = (m.group(1) or "").lower()
    if m.group(3):
        return "DATE", f"{year_of(m.group(3))}-{code}", None
    if not lead and not ctx.text[max(0, m.start() - 4) : m.start()].lower().endswith("the "):
        return None
    if ctx.dct is None:
        return "DATE", None, None
    year = ctx.dct.year + (-1 if lead == "last" else 1 if lead == "next" else 0)
    if lead in ("", "early", "late") and code in _SEASON_MONTHS:
        # as a bare month: a season not yet begun at the article date, told in the past,
        # is last year's ("in the summer he left", told in March); one already over, told
        # ahead, is next year's ("the plant will open in the spring", told in October)
        first, last = _SEASON_MONTHS[code]
        ahead = is_future(ctx.text, m.start(), m.end()) or sentence_looks_ahead(ctx.text, m.start())
        if not ahead and first > ctx.dct.month:
            year -= 1
        elif ahead and last < ctx.dct.month:
            year += 1
    return "DATE", f"{year}-{code}", mod_of(lead)


# first and last month of the seasons that lie inside one calendar year (not winter)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}


@_rule(
    r"\bthe\s+(?:(year-ago|year-earlier)\s+|(latest)\s+(?=period))?(?:quarter|period)\b"
    r"(?!-)(?!\s+(?:of|a year|a year-earlier|the year)\b)",  # not "the quarter-to-quarter"
    needs="quarter|period",
)
def _the_quarter(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # in results reporting "the quarter" is the one named before it ("the year-ago
    # quarter" its twin a year back); ``storyline.nlp.dates`` fills the value in
    if m.group(0).lower().endswith("period") and not (m.group(1) or m.group(2)):
        return None  # a bare "the period" is too vague; "the latest period" is the reported one
    return "DATE", None, "QUARTER_BACK" if m.group(1) else "QUARTER"


@_rule(
    r"\bthe\s+(?:corresponding|comparable|same|like)\s+(?:(year-ago|year-earlier)\s+)?"
    r"(?:quarter|period)\b(?(1)|(?:\s+(?:of\s+|in\s+)?(?:last year|a year (?:ago|earlier)|"
    r"the (?:previous|prior) year)\b))"
    r"|\blast\s+year's\s+(?:quarter|period)\b",
    needs="quarter|period",
)
def _comparable_quarter(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "the corresponding period last year", "the comparable year-ago quarter", "last
    # year's quarter": in results reporting, the twin a year back of the quarter reported
    return "DATE", None, "QUARTER_BACK"


@_rule(rf"\bthe\s+week\s+of\s+({MONTH_RE})\s+({DAY})\b(?:,?\s+({YEAR}))?", 0)
def _week_of(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    day = int(re.match(r"\d+", m.group(2)).group())  # type: ignore[union-attr]
    year = int(m.group(3)) if m.group(3) else (ctx.dct.year if ctx.dct else None)
    if year is None:
        return "DATE", None, None
    try:
        return "DATE", iso_week(dt.date(year, month_num(m.group(1)), day)), None
    except ValueError:
        return None


@_rule(rf"\bthe\s+({YEAR})\s+(?:quarter|period)\b", needs="quarter|period")
def _quarter_of_year(m: re.Match[str], ctx: Ctx) -> Resolved | None:
    # "the 1988 period": that year's twin of the quarter being reported (filled in later)
    return "DATE", m.group(1), "QUARTER_OF_YEAR"
