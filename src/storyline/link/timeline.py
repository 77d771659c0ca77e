"""A story's timeline: each sentence that dates something, once, under the date it names.

Dates are resolved against the article's date (``storyline.nlp.dates``); this module
decides which of them are events a reader wants listed. A date is no event when it sits
in an embedded post, a caption or widget line (``is_junk_sentence``), a line that says
nothing besides it, a line with no verb at all (a link, a section heading, a credit or a
reference: "2010 Illinois Election Guide", "(May 4, 2015) Gannett Wisconsin Media"), or
when it only bounds a period ("a pre-1950 building") or ends one ("from 2010 to 2014" is
one event, dated 2010). A sentence is listed once per event it dates ("passed in 1985 and
repealed in 1993": two rows), not again under a coarser date its finer one falls in
("built in 1912, consecrated on 8 December 1912": one row, the day).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyline.clean.embeds import embedded_posts, in_embedded_post
from storyline.clean.junk import is_junk_sentence
from storyline.layer import SentenceRef, TimelineEvent
from storyline.model import Article, SentenceIndex, Span
from storyline.nlp.dates import TimeExpression


def reference_year(articles: Sequence[Article]) -> int | None:
    """The one year the group's articles are known to be from, if they agree on one."""
    years = {int(a.date[:4]) for a in articles if a.date and a.date[:4].isdigit()}
    years |= {a.year for a in articles if a.year}
    return years.pop() if len(years) == 1 else None


def story_timeline(
    articles: Sequence[Article],
    sentences: Sequence[Sequence[Span]],
    dates: Sequence[Sequence[TimeExpression]],
    verbless: Sequence[frozenset[int]] | None = None,
) -> list[TimelineEvent]:
    """Dated events: each sentence that dates something, once per event it dates (see
    ``_finest_per_sentence``), in time order; ``verbless`` (per article, when known) the starts of its sentences that
    have no verb.

    Dates are resolved against the article's date. An undated article's partial dates
    ("May 26" -> XXXX-05-26) take the year the group is known to be from (a copyright
    line, a dated sibling), flagged ``year_inferred``; nothing ever uses the clock.
    """
    group_year = reference_year(articles)
    events = []
    no_verb = verbless or [frozenset()] * len(articles)
    for article, spans, found, flat in zip(articles, sentences, dates, no_verb, strict=True):
        if article.duplicate_of is not None:
            continue
        year = article.year or group_year
        index = SentenceIndex(list(spans))
        posts = embedded_posts(article.text)  # a tweet's stamp and words are no event
        previous: TimeExpression | None = None
        for t in sorted(found, key=lambda t: (t.start, t.end)):
            value, inferred = t.value, False
            if t.type != "DATE" or not value or value[:1] not in "0123456789X":
                continue
            before, previous = previous, t
            if before is not None and _ends_a_range(article.text, before, t):
                continue  # "from January 2017 to May 2018": one period, dated by its start
            if value.startswith("XXXX"):
                if year is None:
                    continue
                value, inferred = f"{year:04d}{value[4:]}", True
            if not value[:4].isdigit():
                continue
            sentence = index.containing(t.start)
            if in_embedded_post(posts, t.start, t.end) or _bound(article.text, t):
                continue
            if _year_modifier(article.text, t):
                continue  # "the 2016 campaign", "Kercher's 2007 murder": dates a thing
            said = "" if sentence is None else article.text[sentence.start : sentence.end]
            if is_junk_sentence(said):
                continue  # a photo caption's dated line, a widget's: no event reported
            if sentence is not None and not _says_more_than(sentence, t, article.text):
                continue  # "July 15, 2017:" heads a list; the date alone reports no event
            if sentence is not None and sentence.start in flat:
                continue  # "2015 Southern California Images in the News": no clause, no event
            ref = None if sentence is None else SentenceRef(sentence.start, sentence.end, said)
            events.append(TimelineEvent(value, inferred, t.text, article.id, t.start, t.end, ref))
    return sorted(_finest_per_sentence(events), key=lambda e: (e.value, e.article, e.start))


def _finest_per_sentence(events: list[TimelineEvent]) -> list[TimelineEvent]:
    """Each sentence once per date it names, leaving out a date that a finer one of the same
    sentence falls in ("built in 1912, consecrated on 8 December 1912": the day, not the
    year again) and a second mention of the same date."""
    by_sentence: dict[tuple[str, int], list[TimelineEvent]] = {}
    out = []
    for event in events:
        if event.sentence is None:
            out.append(event)
        else:
            by_sentence.setdefault((event.article, event.sentence.start), []).append(event)
    for group in by_sentence.values():
        values = {e.value for e in group}
        seen: set[str] = set()
        for event in sorted(group, key=lambda e: e.start):
            finer = any(v != event.value and v.startswith(event.value + "-") for v in values)
            if finer or event.value in seen:
                continue
            seen.add(event.value)
            out.append(event)
    return out


# "pre-1950", "post-2008": the year bounds a period a thing is of, it dates no event
_BOUND_BEFORE = re.compile(r"(?i:\b(?:pre|post))-$")


def _bound(text: str, date: TimeExpression) -> bool:
    return _BOUND_BEFORE.search(text[max(0, date.start - 5) : date.start]) is not None


# a year set before a noun names which thing ("the 2016 campaign", "his 2010 book", "a
# 2020 presidential run", "Kercher's 2007 murder"), not when the sentence's event took
# place; the time of an event comes after a preposition ("in 2016", "since 2006") or
# opens a clause ("2016 was the year ..."); a function word after it makes no modifier.
_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:in|since|by|during|from|until|till|to|of|before|after|through|throughout"
    r"|for|between|and|or|around|about|early|late|mid|circa|spring|summer|fall|autumn"
    r"|winter|on|at|as|than|year|years|season|class|fiscal|calendar))\s+$"
    r"|(?:[-\u2013\u2014,;:(\[.!?\"\u201c\u201d]|^)\s*$"  # a clause's or a text's start
)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?i:and|or|to|the|a|an|when|as|that|which|who|was|were|is|are|had|has|have"
    r"|will|would|through|until|till|by|in|on|at|for|of|with|saw)\b)[A-Za-z][a-z]+"
)


def _year_modifier(text: str, date: TimeExpression) -> bool:
    """Is the date a bare year set before a noun ("the 2016 campaign")?"""
    if not re.fullmatch(r"(?:1[89]|20)\d\d", date.text):
        return False
    if _PREPOSITION_BEFORE.search(text[max(0, date.start - 30) : date.start]):
        return False
    return _NOUN_AFTER.match(text, date.end) is not None


# what joins a period's two ends: "from 1925 to 1950", "January 2017 through May 2018",
# "between 2003 and 2006", "1998-2001"
_RANGE_JOIN = re.compile(r"\s*(?:to|through|thru|until|till|-|\u2013|\u2014)\s*")
_BETWEEN_AND = re.compile(r"\s+and\s+")
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
# a verb that changes a date ("postponed from May 7 to June 4", "moved the vote from
# Tuesday to Thursday"): its "from ... to" names the old date and the new one, no period
_MOVED = re.compile(
    r"\b(?:postpon(?:e|es|ed|ing)|delay(?:s|ed|ing)?|mov(?:e|es|ed|ing)|push(?:es|ed|ing)?"
    r"|reschedul(?:e|es|ed|ing)|brought|bring(?:s|ing)?|bump(?:s|ed|ing)?)"
    r"\b[^.!?;]{0,40}?\bfrom\s+$",
    re.IGNORECASE,
)


def _ends_a_range(text: str, start: TimeExpression, end: TimeExpression) -> bool:
    """Is ``end`` the second end of a period that opens with ``start`` ("from January 2017
    to May 2018")? The period is one event of the timeline: the same sentence shown again
    under its end date tells the reader nothing new."""
    if start.end > end.start:
        return False
    if _MOVED.search(text[max(0, start.start - 60) : start.start]):
        return False  # "postponed from May 7 to June 4": a date changed, both are events
    join = text[start.end : end.start]
    if _RANGE_JOIN.fullmatch(join):
        return True
    opening = text[max(0, start.start - 10) : start.start]
    return _BETWEEN_AND.fullmatch(join) is not None and _BETWEEN.search(opening) is not None


# a word of two or more letters: "on", "said", "Trump"; not "2017", ":", "-"
_WORD = re.compile(r"[^\W\d_]{2,}")


def _says_more_than(sentence: Span, date: TimeExpression, text: str) -> bool:
    """Does the sentence say anything besides its date: a word outside the date's span?"""
    rest = text[sentence.start : date.start] + " " + text[date.end : sentence.end]
    return _WORD.search(rest) is not None
