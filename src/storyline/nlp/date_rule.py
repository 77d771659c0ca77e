"""The rule registry the TIMEX modules share: a rule is a regex and a resolver.

Every rule module keeps its own ordered list; ``storyline.nlp.dates`` concatenates them in
a fixed order, which is the tie-break when two candidates cover the same span.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from storyline.nlp.date_units import MONTHS


@dataclass(frozen=True)
class Ctx:
    text: str
    dct: dt.date | None


Resolved = tuple[str, str | None, str | None]  # type, value, mod
Resolver = Callable[[re.Match[str], Ctx], Resolved | None]

_WORD_START = re.compile(r"\b\w")


@dataclass(frozen=True)
class Scan:
    """A rule's pattern and how its matches are found: always exactly
    ``pattern.finditer(text)``'s, but without trying the pattern at every word of the
    text when the rule says what each of its matches holds (the rules ran 47 regexes
    over every text, a sixth of the analyst layer's own time).

    ``needs``: every match of the pattern contains a match of it, so a text without one
    has no match. ``anchor`` (with ``words_before``): every match contains a match of
    ``anchor`` that starts a word, with at most ``words_before`` word starts (``\\b\\w``)
    before it inside the match, and the match itself starts a word (the pattern opens
    with ``\\b`` and a word character); so the pattern is tried only at those word starts
    in front of each anchor, leftmost first, as ``finditer`` would find them."""

    pattern: re.Pattern[str]
    needs: re.Pattern[str] | None = None
    anchor: re.Pattern[str] | None = None
    words_before: int = 0

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.needs is not None and self.needs.search(text) is None:
            return iter(())
        if self.anchor is None:
            return self.pattern.finditer(text)
        return self._anchored(text)

    def _anchored(self, text: str) -> Iterator[re.Match[str]]:
        assert self.anchor is not None
        anchors = [m.start() for m in self.anchor.finditer(text)]
        if not anchors:
            return
        starts = [m.start() for m in _WORD_START.finditer(text)]
        tried: set[int] = set()
        for at in anchors:
            k = bisect.bisect_left(starts, at)
            tried.update(starts[max(0, k - self.words_before) : k])
            tried.add(at)
        end = 0
        for start in sorted(tried):
            if start < end:
                continue  # inside the last match: finditer goes on after it
            m = self.pattern.match(text, start)
            if m is not None and m.end() > start:
                yield m
                end = m.end()


Rule = tuple[Scan, Resolver]


def rule_registry(rules: list[Rule]) -> Callable[..., Callable[[Resolver], Resolver]]:
    """A decorator factory that appends ``(scan, resolver)`` to ``rules`` in order; the
    keywords are ``Scan``'s (regexes compiled with the rule's flags)."""

    def rule(
        pattern: str,
        flags: int = re.IGNORECASE,
        needs: str | None = None,
        anchor: str | None = None,
        words_before: int = 0,
    ) -> Callable[[Resolver], Resolver]:
        scan = Scan(
            re.compile(pattern, flags),
            re.compile(needs, flags) if needs is not None else None,
            re.compile(anchor, flags) if anchor is not None else None,
            words_before,
        )

        def register(fn: Resolver) -> Resolver:
            rules.append((scan, fn))
            return fn

        return register

    return rule


def month_num(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]
