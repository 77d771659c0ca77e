"""Which dated sentences the timeline lists, and under which date."""

from __future__ import annotations

from storyline.link.timeline import story_timeline
from storyline.model import Article, Span
from storyline.nlp.dates import TimeExpression


def _article(text: str) -> Article:
    return Article(id="a1", text=text, raw_text=text, source="a1.txt", outlet="x")


def _date(text: str, words: str, value: str, nth: int = 0) -> TimeExpression:
    at = -1
    for _ in range(nth + 1):
        at = text.index(words, at + 1)
    return TimeExpression(words, at, at + len(words), "DATE", value)


def _lines(text: str) -> list[Span]:
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append(Span(at, at + len(line)))
        at += len(line) + 1
    return spans


def test_a_sentence_is_one_row_per_event_not_per_date_it_names() -> None:
    # a reader saw a church's history four times, once under each year it names: a period
    # is one event at its start, and a year is not listed again beside a day in it; two
    # events of two years ("an article in 2000 and a book in 2006") stay two rows
    text = (
        "He wrote a law journal article in 2000 and a book in 2006 against assisted suicide.\n"
        "The church was built between 1909 and 1912, and consecrated on 8 December 1912.\n"
        "He served from 2010 to 2014 as a food service journeyman."
    )
    found = [
        _date(text, "2000", "2000"),
        _date(text, "2006", "2006"),
        _date(text, "1909", "1909"),
        _date(text, "1912", "1912"),
        _date(text, "8 December 1912", "1912-12-08"),
        _date(text, "2014", "2014"),
        _date(text, "2010", "2010"),
    ]
    events = story_timeline([_article(text)], [_lines(text)], [found])
    assert [e.value for e in events] == ["1909", "1912-12-08", "2000", "2006", "2010"]
    assert len({e.sentence.start for e in events if e.sentence}) == 3


def test_a_year_that_bounds_a_period_dates_no_event() -> None:
    # "the most popular pre-1950 building" was listed under 1950
    text = "In 2001, the church was voted the most popular pre-1950 building in Sweden."
    found = [_date(text, "2001", "2001"), _date(text, "1950", "1950")]
    events = story_timeline([_article(text)], [_lines(text)], [found])
    assert [e.value for e in events] == ["2001"]
    post = "Banks failed in the post-2008 slump."
    only = story_timeline([_article(post)], [_lines(post)], [[_date(post, "2008", "2008")]])
    assert only == []


def test_a_dated_line_with_no_verb_is_no_event() -> None:
    # "2010 Illinois Election Guide" (a link) and "(May 4, 2015) Gannett Wisconsin Media"
    # (a credit) were timeline rows
    text = "2010 Illinois Election Guide\nThe governor was arrested on Dec. 9, 2008."
    found = [_date(text, "2010", "2010"), _date(text, "Dec. 9, 2008", "2008-12-09")]
    lines = _lines(text)
    events = story_timeline([_article(text)], [lines], [found], [frozenset({lines[0].start})])
    assert [e.value for e in events] == ["2008-12-09"]
    # without the parse's word on verbs, both are kept as before
    assert len(story_timeline([_article(text)], [lines], [found])) == 2


def test_sentences_with_no_verb_are_found_in_the_parse() -> None:
    from storyline.link.article_layer import verbless_sentences
    from storyline.nlp.spacy_model import load_pipeline

    text = (
        "2010 Illinois Election Guide\n"
        "(May 4, 2015) Gannett Wisconsin Media\n"
        "The governor was arrested on Dec. 9, 2008.\n"
        "Fieldwork was undertaken in October 2015.\n"
        "Fifty-seven percent disapprove, up by 9 points since May and the most since March 2012."
    )
    lines = _lines(text)
    doc = next(load_pipeline().pipe([text]))
    assert verbless_sentences(doc, lines) == frozenset({lines[0].start, lines[1].start})


def test_a_date_moved_from_one_day_to_another_keeps_both_days():
    # "from May 7 to June 4" after "postponed" is an old date and a new one, not a period
    text = "The election was postponed from May 7 to June 4, officials said."
    found = [_date(text, "May 7", "2020-05-07"), _date(text, "June 4", "2020-06-04")]
    events = story_timeline([_article(text)], [_lines(text)], [found])
    assert [e.value for e in events] == ["2020-05-07", "2020-06-04"]
    text = "The custody lasted from May 7 to June 4, officials said."
    found = [_date(text, "May 7", "2020-05-07"), _date(text, "June 4", "2020-06-04")]
    assert [e.value for e in story_timeline([_article(text)], [_lines(text)], [found])] == [
        "2020-05-07"
    ]


def test_a_year_before_a_noun_names_a_thing_and_dates_no_event() -> None:
    # "Colbert ... announce his bid for the 2020 presidential election" was listed under
    # 2020, a tweet about "my 1991 Harvard Law classmate" under 1991
    text = (
        "In the 2016 campaign, Mercer gave $22.5 million to Republican candidates.\n"
        "Eisen tweeted that Gorsuch was his 1991 Harvard Law classmate.\n"
        "Both are appealing their convictions for Kercher's 2007 murder.\n"
        "In 2008, the Mercers bought a horse farm.\n"
        "2012 brought a recession; the firm was founded in 2004 and sold in 2010 to a bank.\n"
        "At least as far back as 2013 he has been a contractor for the firm."
    )
    found = [
        _date(text, y, y) for y in ("2016", "1991", "2007", "2008", "2012", "2004", "2010", "2013")
    ]
    events = story_timeline([_article(text)], [_lines(text)], [found])
    assert [e.value for e in events] == ["2004", "2008", "2010", "2012", "2013"]
