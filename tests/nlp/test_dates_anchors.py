"""Anchoring rules of the TIMEX normaliser: tense of a period told as ended, and the
anaphoric "the previous <weekday>" / "the year-earlier period" (TimeML reference time); and
a quarter that is a share, not a time."""

from storyline.nlp.dates import extract_dates


def _values(text: str, dct: str | None) -> dict[str, str | None]:
    return {t.text: t.value for t in extract_dates(text, dct)}


def test_a_day_told_as_ended_is_on_or_before_the_article_date():
    # 1989-10-27: Oct. 31 is four days ahead, but a quarter that "ended" on it is over
    values = _values("The loss for the period ended Oct. 31 was $12 million.", "1989-10-27")
    assert values["Oct. 31"] == "1988-10-31"
    # a day already past keeps this year's, and a plan still looks ahead
    values = _values("Profit for the quarter ended Sept. 30 rose.", "1989-10-27")
    assert values["Sept. 30"] == "1989-09-30"
    values = _values("The offer had been set to expire Nov. 6.", "1989-11-02")
    assert values["Nov. 6"] == "1989-11-06"


def test_a_day_or_month_ahead_told_as_what_happened_is_last_years():
    # 2013-03-20: May 3 is six weeks ahead and April next month, but a shooting, an arrest
    # or a rise told in the past tense has happened: the year before
    assert _values("He was shot on May 3.", "2013-03-20")["May 3"] == "2012-05-03"
    assert _values("A grand jury indicted him May 3.", "2013-03-20")["May 3"] == "2012-05-03"
    assert _values("Police said he was arrested in April.", "2013-03-20")["April"] == "2012-04"
    assert _values("Sales rose in April.", "2013-03-20")["April"] == "2012-04"
    # "since" a day, or a day opening a sentence whose clause is told in the past
    text = "She has been in hospital since April 9, after a trip."
    assert _values(text, "2013-03-20")["April 9"] == "2012-04-09"
    text = "On April 9, the moratorium was extended."
    assert _values(text, "2013-03-20")["April 9"] == "2012-04-09"
    text = "On April 9, the moratorium will be extended."
    assert _values(text, "2013-03-20")["April 9"] == "2013-04-09"
    # plans, passives still to come and days within the dateline's margin stay ahead
    for text, span, want in (
        ("The vote was postponed until May 3.", "May 3", "2013-05-03"),
        ("The dividend will be paid May 3.", "May 3", "2013-05-03"),
        ("She was scheduled to be arraigned May 3.", "May 3", "2013-05-03"),
        ("They planned an extended May 3 holiday.", "May 3", "2013-05-03"),
        ("Sales will rise in April.", "April", "2013-04"),
        ("He died March 22.", "March 22", "2013-03-22"),
    ):
        assert _values(text, "2013-03-20")[span] == want, text


def test_an_ordinal_quarter_told_by_the_day_it_ended_takes_that_days_year():
    text = "A year ago, in the second quarter ended Oct. 31, the company had a loss."
    values = _values(text, "1989-10-27")
    assert values["the second quarter"] == "1988-Q2"
    assert values["Oct. 31"] == "1988-10-31"
    text = "Sun had a loss for its fourth quarter ended June 30."
    assert _values(text, "1989-10-26")["its fourth quarter"] == "1989-Q4"
    text = "It earned $5 million in the third quarter ended Sept. 30, 1988."
    assert _values(text, "1989-10-26")["the third quarter"] == "1988-Q3"


def test_the_previous_weekday_is_the_one_before_the_day_told_last():
    text = "Shares closed lower Friday. The index was down 4.5% from the previous Friday."
    values = _values(text, "1989-10-30")  # a Monday: "Friday" is Oct. 27
    assert values["Friday"] == "1989-10-27"
    assert values["the previous Friday"] == "1989-10-20"
    # with no day told before it, the article date is the reference
    assert _values("Prices fell from the preceding Monday.", "1989-10-30") == {
        "the preceding Monday": "1989-10-23"
    }
    assert _values("Prices fell from the previous Friday.", None) == {"the previous Friday": None}


def test_the_year_earlier_period_after_the_nine_months_is_that_span():
    text = (
        "Net for the third quarter fell. For the nine months, net rose 4%. "
        "In the year-earlier period, net was $77 million."
    )
    values = _values(text, "1989-10-27")
    assert values["the nine months"] == "P9M"
    assert values["the year-earlier period"] == "P9M"
    # right after a quarter it is still that quarter's twin a year back
    text = "Net for the third quarter fell. In the year-earlier period, net was higher."
    assert _values(text, "1989-10-27")["the year-earlier period"] == "1988-Q3"


def test_a_quarter_of_a_whole_is_a_share_not_a_time():
    assert _values("Iraq imports about three-quarters of its food.", "1990-08-15") == {}
    assert _values("Funds hold more than a quarter of the market.", "1989-10-27") == {}
    # what filled the time, or a part of the year, still is a duration (and "the year"
    # is the article's)
    text = "It turned a profit after several quarters of losses and three quarters of the year."
    expected = {"several quarters": "PXQ", "three quarters": "P3Q", "the year": "1989"}
    assert _values(text, "1989-10-30") == expected


def test_last_years_figure_after_a_reported_quarter_is_that_quarter_a_year_back():
    # "last year's $1.55 billion" said of the quarter's sales is the year-ago quarter's
    # figure, as "the year-ago results" is; "last year" told of anything else stays the year
    text = (
        "Ralston earned $50 million in the fourth quarter ended Sept. 30. Sales were "
        "$1.76 billion, a 13% increase from last year's $1.55 billion."
    )
    assert _values(text, "1989-11-02")["last year"] == "1988-Q4"
    text = "Third-quarter net rose. Last year's results were hurt by charges."
    assert _values(text, "1989-10-26")["Last year"] == "1988-Q3"
    text = "Third-quarter net rose. The chairman resigned last year."
    assert _values(text, "1989-10-26")["last year"] == "1988"
    assert _values("Last year's harvest was poor.", "1989-10-26")["Last year"] == "1988"


def test_the_weekend_looked_forward_to_is_the_coming_one():
    # 1989-10-30 is a Monday: "over the weekend" is the one just past (Oct 28-29, W43);
    # "ahead of the weekend", "until the weekend" the coming one (Nov 4-5, W44)
    assert _values("Talks went on over the weekend.", "1989-10-30") == {
        "the weekend": "1989-W43-WE"
    }
    text = "Traders squared positions ahead of the weekend."
    assert _values(text, "1989-10-30") == {"the weekend": "1989-W44-WE"}
    assert _values("The offer stands until the weekend.", "1989-10-30")["the weekend"] == (
        "1989-W44-WE"
    )
    # past narration's "by the weekend" is no look ahead: the weekend just past
    assert _values("By the weekend, troops had left.", "1989-10-30")["the weekend"] == (
        "1989-W43-WE"
    )
    # on a Saturday the weekend ahead is the one under way
    assert _values("Stores close ahead of the weekend.", "1989-10-28")["the weekend"] == (
        "1989-W43-WE"
    )


def test_a_clock_time_is_on_the_day_told_with_it():
    # 2018-06-13 is a Wednesday: Tuesday is the 12th, Saturday the 9th
    def found(text: str) -> dict[str, str | None]:
        return _values(text, "2018-06-13")

    assert found("He died at 10 a.m. on Tuesday.")["10 a.m."] == "2018-06-12T10:00"
    assert found("He arrived Tuesday at 10 a.m.")["10 a.m."] == "2018-06-12T10:00"
    text = "The attack began at 21:58 BST on Saturday night."
    assert found(text)["21:58"] == "2018-06-09T21:58"
    assert found("It happened at 11 p.m. on Feb. 20.")["11 p.m."] == "2018-02-20T23:00"
    # a time with no day told beside it stays on the article's day
    assert found("In 2012 at 10 a.m. it rained.")["10 a.m."] == "2018-06-13T10:00"


def test_a_month_after_a_fixture_told_in_the_present_is_ahead():
    # told in March 2013: November and Nov. 1 told of what is coming are 2013's
    for text, span, want in (
        ("The law takes effect in November.", "November", "2013-11"),
        ("The law takes effect on Nov. 1.", "Nov. 1", "2013-11-01"),
        ("The election is in November.", "November", "2013-11"),
        ("Voters go to the polls in November.", "November", "2013-11"),
        ("His term expires in November.", "November", "2013-11"),
        # told in the past it is the one before
        ("He was elected in November.", "November", "2012-11"),
    ):
        assert _values(text, "2013-03-20")[span] == want, text
