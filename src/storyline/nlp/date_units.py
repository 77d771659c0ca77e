"""Calendar vocabulary, regex fragments and small date arithmetic for the TIMEX rules."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip
VAGUE_NUMBERS = {"several", "a few", "few", "some", "many", "the next few", "a number of"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
UNIT_CODES = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
    "week": ("", "W"), "month": ("", "M"), "quarter": ("", "Q"), "year": ("", "Y"),
    "decade": ("", "DE"), "century": ("", "C"),
}  # fmt: skip
PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
MODS = {"early": "START", "late": "END", "mid": "MID", "the end of": "END",
        "the beginning of": "START", "the middle of": "MID", "the start of": "START"}  # fmt: skip
FUTURE_CUES = re.compile(
    r"\b(will|shall|'ll|is to|are to|to be|going to|expects?|expected|plans?|planned|"
    r"scheduled|due|would)\b",
    re.IGNORECASE,
)

MONTH_RE = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|"
    r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|"
    r"a couple of|a couple|couple of|an?|\d+(?:\.\d+)?)"
)
VAGUE = r"(?:several|a few|few|some|many|a number of)"
UNIT = r"(?:second|minute|hour|day|week|month|quarter|year|decade|centur(?:y|ie))s?"
MOD_RE = r"(?:(?:early|late|mid-?|the (?:end|beginning|middle|start) of)\s*)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
# a year read out in broadcast transcripts: "nineteen ninety-seven", "twenty ten"
SPOKEN_YEAR = (
    r"(?:nineteen|twenty)[- ](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"


def parse_dct(value: str | dt.date | None) -> dt.date | None:
    """Article date from ISO text ("2012-06-19", "2012-06-19T10:00:00Z"); None if unusable."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def number(word: str) -> float | None:
    w = word.lower().replace("-", " ").strip()
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None


def unit_key(unit: str) -> str:
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def duration(amount: float | None, unit: str) -> str:
    time_part, code = UNIT_CODES[unit_key(unit)]
    if amount is None and code == "DE":
        # decades are told in years as counted ones are ("two decades" P20Y): "decades",
        # "decades-long" is some number of years, PXY (not a PXDE no other value uses)
        return "PXY"
    if amount is None:
        return f"P{time_part}X{code}"
    if code == "DE":
        amount, code = amount * 10, "Y"
    if code == "C":
        amount, code = amount * 100, "Y"
    if amount == int(amount):
        return f"P{time_part}{int(amount)}{code}"
    # a fraction is told in the next smaller unit, leaving out a zero whole: "2 1/2 years"
    # P2Y6M, "half a year" P6M, "5 1/2 hours" PT5H30M, "half an hour" PT30M, "half a day"
    # PT12H (not P2.5Y, PT0H30M, P0.5D)
    whole = int(amount)
    smaller = {"Y": ("", "M", 12), "D": ("T", "H", 24), "H": ("", "M", 60), "M": ("", "S", 60)}
    if code in smaller and (code != "M" or time_part == "T"):
        sep, small, per = smaller[code]
        rest = round((amount - whole) * per)
        if code == "D" and whole == 0:
            return f"PT{rest}H"
        head = f"{whole}{code}" if whole else ""
        return f"P{time_part}{head}{sep}{rest}{small}"
    return f"P{time_part}{amount}{code}"


def iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def shift_months(d: dt.date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def mod_of(prefix: str | None) -> str | None:
    if not prefix:
        return None
    key = prefix.strip().lower().rstrip("-").strip()
    return MODS.get(key)


def is_future(text: str, start: int, end: int) -> bool:
    """Tense cue around the expression, within its sentence (rough but deterministic)."""
    left = text.rfind(".", 0, start)
    window = text[max(left + 1, start - 60) : min(len(text), end + 25)]
    return bool(FUTURE_CUES.search(window))


# not the "expected" of "lower-than-expected earnings": an adjective, no plan; "plan" only
# as the verb of "plans to", not the noun ("parliament rejected the plan on Tuesday")
_WEEKDAY_FUTURE = re.compile(
    r"(?<!-)\b(will|shall|'ll|is to|are to|to resume|is due|are due|scheduled|schedules|planned|"
    r"plans?(?=\s+to\b)|planning|as soon as|as early as|expected|likely to|would be|could come|ready to|"
    r"until|postponed|this coming|(?:is|are)\s+(?:now\s+)?(?:set|slated)|hopes? to|aims? to|"
    r"must(?!\s+have|-))\b",
    re.I,
)


_PAST_PERFECT = re.compile(r"\b(?:had|previously)\b", re.I)
_SENTENCE_END = re.compile(r"(?<![ .][a-zA-Z])[.!?]['\"`]*\s+(?=[A-Z`'\"])")


# a past or reporting verb after the plan cue owns the weekday: "the talks will resume,
# officials said Tuesday" is told on a past Tuesday
_TOLD_AFTER = re.compile(r"\b(?:said|says|told|announced|reported|added|[a-z]+ed)\b", re.I)
_CLAUSE_REACH = 150  # chars back to the sentence start searched for a plan cue


# a news body tells a fixture in the simple present right before its day ("the talks
# resume Monday", "the council meets Thursday"); past events take the past tense. Not the
# infinitive of a plan already told ("had been due to open Friday"), nor verbs that are
# also nouns of a past event ("the vote Monday", "a start Friday")
_SCHEDULED_PRESENT = re.compile(
    r"(?<!\bto )\b(?:meet|meets|convene|convenes|resume|resumes|opens|begin|begins|starts)"
    r"\s+(?:[a-z]+ly\s+)?(?:on\s+)?$"
)
# more fixtures in the simple present: a trip ("Obama travels to Israel on Thursday", "the
# pope arrives Thursday in Brazil"), a law or truce ("takes effect Monday"), a vote or a
# match ("voters go to the polls Sunday", "the team plays Sunday"; not "votes", as often a
# noun: "secured enough votes Friday"), a hearing ("he faces a hearing Tuesday"), results
# ("the company reports earnings Thursday"). The verb has a subject before it (a
# sentence-opening "Reports Thursday said" is a noun), and a plural-looking form is no verb
# after a determiner ("the visits Monday"); between verb and day only a place ("to
# Israel") or the verb's fixed object, so that "faces charges in the attack Sunday" (a past
# attack) stays past
_FIXTURE_PRESENT = re.compile(
    r"(?<=\w )(?<!\bthe )(?<!\bThe )(?<!\ba )(?<!\ban )(?<!\bof )(?<!\bto )(?<!\bits )"
    r"(?<!\bhis )(?<!\bher )(?<!\bour )(?<!\btheir )"
    r"(?:(?:travels?|arrives?|flies|fly|heads|leaves|returns|goes|go)"
    r"(?:\s+(?:to|in|for|back\s+to|home\s+to)(?:\s+(?:the\s+)?[A-Z][\w.'-]*){1,3})?"
    r"|visits(?:\s+(?:the\s+)?[A-Z][\w.'-]*){1,3}"
    r"|takes? effect|goes to the polls|go to the polls|plays|hosts|testif(?:y|ies)"
    r"|closes|ends|expires|reopens?|kicks? off|holds? (?:talks|a vote|elections?)"
    r"|(?:continues|lasts|runs) (?:through|until)"
    r"|faces? (?:a|an) (?:hearing|vote|deadline|trial)"
    r"|reports? (?:earnings|results))"
    r"\s+(?:[a-z]+ly\s+)?(?:on\s+|at\s+midnight\s+|through\s+|by\s+)?$"
)
# a fixture told with a present copula: "the summit is on Thursday", "the deadline is
# Friday", "the vote is set for Thursday", "he is slated to speak Thursday"
_PRESENT_COPULA = re.compile(r"\b(?:is|are)\s+(?:on\s+|for\s+)?$")


# the verb right before a date that has already happened: a past form ending in -ed or
# a common irregular one ("shot", "rose", "was born"), or a passive ("was arrested"), with
# at most a short object between ("announced the plan Aug. 21", "won the title in April").
# Not the participles that set a date ahead ("scheduled", "postponed", "moved to"), nor a
# passive still to come ("will be paid Dec. 14", "to be arraigned July 2"), nor an
# adjective after a determiner ("an extended July 4 weekend")
PAST_EVENT_BEFORE = re.compile(
    r"(?<!\bbe )(?<!\ba )(?<!\ban )(?<!\bthe )"
    r"\b(?:(?!(?:scheduled|expected|planned|slated|proposed|needed|postponed|delayed|"
    r"rescheduled|pushed|moved|set|due|indeed|based|united|limited|related|supposed)\b)"
    r"[a-z]{3,}ed|rose|fell|grew|began|came|went|took|left|won|lost|met|died|killed|shot|"
    r"fled|became|sold|bought|hit|struck|fought|flew|led|broke|gave|made|held|found|born|"
    r"saw|sent|spent|paid|wrote|ran|built|brought|caught|sank|swept|stole|threw|wore)"
    r"\s+(?:(?:the|a|an|its|his|her|their|it|them|him|title|plan|deal|office|power)\s+){0,2}"
    r"(?:on\s+|in\s+)?$"
)


# a weekday's event told ahead after it: "Thursday's vote will decide", "Sunday's election
# is expected to be close"
_POSSESSIVE_AHEAD = re.compile(
    r"[A-Za-z]+['\u2019]s\s+(?:[a-z-]+\s+){1,3}(?:will|is\s+(?:expected|set|scheduled|due|likely)|"
    r"are\s+(?:expected|set|scheduled|due|likely)|could|may)\b"
)


def fixture_before(window: str) -> bool:
    """Does ``window`` (the sentence up to a date) end with a fixture told in the present
    ("the talks resume", "the law takes effect", "the election is", "voters go to the
    polls")? News tells what is past in the past tense."""
    return bool(
        _SCHEDULED_PRESENT.search(window)
        or _FIXTURE_PRESENT.search(window)
        or _PRESENT_COPULA.search(window)
    )


def is_future_weekday(text: str, start: int) -> bool:
    """News weekdays are past unless an explicit future marker precedes them: closely, or
    earlier in the sentence with no past or reporting verb between ("protesters planned a
    large demonstration in Little Havana on Saturday")."""
    window = text[max(0, start - _CLAUSE_REACH) : start]
    ends = list(_SENTENCE_END.finditer(window))  # not the dot of "a.m." or "Gen."
    window = window[ends[-1].end() :] if ends else window
    if fixture_before(window):
        return True  # "Arafat and Netanyahu meet separately Monday": a fixture
    if _POSSESSIVE_AHEAD.match(text, start):
        return True
    cues = list(_WEEKDAY_FUTURE.finditer(window))
    if not cues:
        # a weekday opening its sentence governs the clause after it: "On Tuesday, the
        # league plans to hold a news conference"
        opening = _OPENING_WEEKDAY.fullmatch(window) and _OPENING_CLAUSE.match(text, start)
        return bool(opening and _PRESENT_PLAN.search(opening.group(1)))
    cue = cues[-1]
    if cue.start() < len(window) - 40 and _TOLD_AFTER.search(window, cue.end()):
        return False
    own = window[max(0, min(len(window) - 40, cue.start() - 25)) :]
    # a plan told in the past perfect is over: "had been scheduled to expire at midnight
    # Friday", "Until Thursday, they had not called him a suspect"; so is one whose
    # clause goes on in the past: "a memorial service planned for Saturday was canceled"
    after = text[start : start + 40]
    return not _PAST_PERFECT.search(own + after) and not _PAST_AFTER.match(after)


# a plan told in the present or future (not "the government planned to pay", told after)
_PRESENT_PLAN = re.compile(
    r"\b(?:will|shall|'ll|plans to|(?:is|are) (?:to|due|scheduled|expected|set)\b)", re.I
)
_OPENING_WEEKDAY = re.compile(r"\s*(?:(?:On|Also|Late|Early|By)\s+)?", re.I)
# the weekday and the next words of its clause, up to the clause verb or a reporting verb
_OPENING_CLAUSE = re.compile(r"[A-Z][a-z]+day,\s+((?:(?!\b(?:said|says|told)\b)[^.;,]){1,80})")
_PAST_AFTER = re.compile(r"[A-Za-z]+(?:\s+(?:morning|afternoon|evening|night))?\s+(?:was|were)\b")


# a plan or a deadline in the sentence before a month: "will be named ... for a mission in
# December", "agreed to purchase the line ... in February", "to pay down the loan by February"
_AHEAD = re.compile(
    r"\b(will|shall|'ll|would|is to|are to|going to|expects?|expected|plans?|planned|"
    r"planning|scheduled|due|slated|set to|agreement to|agreed to|program to|ready to|"
    r"effective)\b",
    re.I,
)

_PAST_CLAUSE = re.compile(r"\b(since|was|were|had|did|ago)\b", re.I)


def sentence_looks_ahead(text: str, start: int) -> bool:
    """A future or plan cue between the sentence start and ``start`` (the expression)."""
    window = text[max(0, start - 250) : start]
    ends = list(_SENTENCE_END.finditer(window))
    window = window[ends[-1].end() :] if ends else window
    cues = list(_AHEAD.finditer(window))
    if not cues:
        return False
    # "... it will begin the transfer from relatives caring for him since he was rescued in
    # late November": a past clause after the plan cue owns the month
    return not _PAST_CLAUSE.search(window, cues[-1].end())


def year_of(text: str) -> int | None:
    """A four-digit or spoken year ("1997", "nineteen ninety-seven") as a number."""
    if text.isdigit():
        return int(text)
    head, _, tail = text.lower().replace("-", " ").partition(" ")
    rest = number(tail)
    if head not in ("nineteen", "twenty") or rest is None:
        return None
    return (1900 if head == "nineteen" else 2000) + int(rest)
