"""The rule registry the TIMEX modules share: a rule is a regex and a resolver.

Every rule module keeps its own ordered list; ``storyline.nlp.dates`` concatenates them in
a fixed order, which is the tie-break when two candidates cover the same span.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from storyline.nlp.date_units import MONTHS


@dataclass(frozen=True)
class Ctx:
    text: str
    dct: dt.date | None


Resolved = tuple[str, str | None, str | None]  # type, value, mod
Resolver = Callable[[re.Match[str], Ctx], Resolved | None]
Rule = tuple[re.Pattern[str], Resolver]


def rule_registry(rules: list[Rule]) -> Callable[..., Callable[[Resolver], Resolver]]:
    """A decorator factory that appends ``(pattern, resolver)`` to ``rules`` in order."""

    def rule(pattern: str, flags: int = re.IGNORECASE) -> Callable[[Resolver], Resolver]:
        compiled = re.compile(pattern, flags)

        def register(fn: Resolver) -> Resolver:
            rules.append((compiled, fn))
            return fn

        return register

    return rule


def month_num(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]
