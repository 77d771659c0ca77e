"""A story's timeline: each sentence that dates something, once, under the date it names.

Dates are resolved against the article's date (``storyline.nlp.dates``); this module
decides which of them are events a reader wants listed. A date is no event when it sits
in an embedded post, a caption or widget line (``is_junk_sentence``), a line that says
nothing besides it, a line with no verb at all (a link, a section heading, a credit or a
reference: "2010 Illinois Election Guide", "(May 4, 2015) Gannett Wisconsin Media"), or
when it only bounds a period ("a pre-1950 building"). A sentence naming several dates
("a 2000 article and a 2006 book", "from 2010 to 2014") is one row, not one per date.
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
    """Dated events: each sentence that dates something, under its most precise date, in
    time order; ``verbless`` (per article, when known) the starts of its sentences that
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
        for t in found:
            value, inferred = t.value, False
            if t.type != "DATE" or not value or value[:1] not in "0123456789X":
                continue
            if value.startswith("XXXX"):
                if year is None:
                    continue
                value, inferred = f"{year:04d}{value[4:]}", True
            if not value[:4].isdigit():
                continue
            sentence = index.containing(t.start)
            if in_embedded_post(posts, t.start, t.end) or _bound(article.text, t):
                continue
            said = "" if sentence is None else article.text[sentence.start : sentence.end]
            if is_junk_sentence(said):
                continue  # a photo caption's dated line, a widget's: no event reported
            if sentence is not None and not _says_more_than(sentence, t, article.text):
                continue  # "July 15, 2017:" heads a list; the date alone reports no event
            if sentence is not None and sentence.start in flat:
                continue  # "2015 Southern California Images in the News": no clause, no event
            ref = None if sentence is None else SentenceRef(sentence.start, sentence.end, said)
            events.append(TimelineEvent(value, inferred, t.text, article.id, t.start, t.end, ref))
    return sorted(_one_per_sentence(events), key=lambda e: (e.value, e.article, e.start))


def _one_per_sentence(events: list[TimelineEvent]) -> list[TimelineEvent]:
    """Each sentence once, under the most precise date it names (the day it reports over
    the years it recalls: "consecrated on 8 December 1912" over "built 1909–1912"), the
    earliest of equally precise ones (a span "from 2010 to 2014" starts in 2010)."""
    best: dict[tuple[str, int], TimelineEvent] = {}
    out = []
    for event in events:
        if event.sentence is None:
            out.append(event)
            continue
        key = (event.article, event.sentence.start)
        held = best.get(key)
        if held is None or (-_precision(event.value), event.value, event.start) < (
            -_precision(held.value),
            held.value,
            held.start,
        ):
            best[key] = event
    return out + list(best.values())


def _precision(value: str) -> int:
    """How finely a date value names its time: a century ("18") -1, a decade ("199") 0, a
    year 1, a month, quarter or season 2, a day 3."""
    head, *parts = value.split("-")
    return len(head) - 3 + len(parts)


# "pre-1950", "post-2008": the year bounds a period a thing is of, it dates no event
_BOUND_BEFORE = re.compile(r"(?i:\b(?:pre|post))-$")


def _bound(text: str, date: TimeExpression) -> bool:
    return _BOUND_BEFORE.search(text[max(0, date.start - 5) : date.start]) is not None


# a word of two or more letters: "on", "said", "Trump"; not "2017", ":", "-"
_WORD = re.compile(r"[^\W\d_]{2,}")


def _says_more_than(sentence: Span, date: TimeExpression, text: str) -> bool:
    """Does the sentence say anything besides its date: a word outside the date's span?"""
    rest = text[sentence.start : date.start] + " " + text[date.end : sentence.end]
    return _WORD.search(rest) is not None
