"""A whole-line rule of page matter (``storyline.clean.boilerplate``, ``storyline.clean.widgets``)
and the date pieces their patterns share."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    reason: str
    pattern: re.Pattern[str]


def line_rule(reason: str, *patterns: str) -> Rule:
    """One rule matching any of ``patterns``, case-insensitive unless a pattern says so."""
    return Rule(reason, re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE))


# a day as a page writes it: "Apr 1, 2017", "Feb. 19 2013", "Sunday, November 6"
MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
WEEKDAY = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"
