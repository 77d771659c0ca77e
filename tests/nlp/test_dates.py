import datetime as dt

import pytest

from storyline.nlp.dates import extract_dates, parse_dct


def _values(text: str, dct: str | None) -> dict[str, str | None]:
    return {t.text: t.value for t in extract_dates(text, dct)}


def test_relative_dates_resolve_against_article_date():
    text = (
        "Fighting killed 56 people on Monday. On May 26, a cargo ship docked. "
        "Last year, Russia sold missiles. Lavrov spoke to lawmakers last week."
    )
    values = _values(text, "2012-06-19")  # a Tuesday
    assert values["Monday"] == "2012-06-18"
    assert values["May 26"] == "2012-05-26"
    assert values["Last year"] == "2011"
    assert values["last week"] == "2012-W24"


def test_month_and_durations():
    text = "Russia backed the idea in February, two weeks ago, over the past three months."
    found = {t.text: t for t in extract_dates(text, "2012-03-19")}
    assert found["February"].value == "2012-02"
    assert found["two weeks ago"].value == "2012-W10"
    assert found["the past three months"].value == "P3M"
    assert found["the past three months"].type == "DURATION"


def test_reference_words_and_deictic_days():
    values = _values("Prices are now higher than yesterday but fell today.", "1998-01-08")
    assert values == {"now": "PRESENT_REF", "yesterday": "1998-01-07", "today": "1998-01-08"}


def test_weekday_same_as_article_day_is_that_day_and_future_marker_moves_forward():
    # 2012-06-19 is a Tuesday
    assert _values("The vote was held Tuesday.", "2012-06-19") == {"Tuesday": "2012-06-19"}
    assert _values("The council will meet on Friday.", "2012-06-19") == {"Friday": "2012-06-22"}


def test_without_article_date_absolute_resolve_and_relative_are_none():
    text = "The treaty of April 6, 1994 was signed in 1998, in August 1988 and on Monday, May 26."
    values = _values(text, None)
    assert values["April 6, 1994"] == "1994-04-06"
    assert values["1998"] == "1998"
    assert values["August 1988"] == "1988-08"
    assert values["Monday, May 26"] == "XXXX-05-26"  # no year: month-day fallback
    rel = _values("It happened last week and two days ago.", None)
    assert rel == {"last week": None, "two days ago": None}


def test_no_article_date_never_uses_the_clock():
    a = extract_dates("He left yesterday.", None)
    assert a[0].value is None


def test_offsets_slice_text_exactly():
    text = "On Monday, 3 March 2012, and in “early September” — the 1980s; for 20 years now."
    found = extract_dates(text, "2012-03-05")
    assert found, "expected expressions"
    for t in found:
        assert text[t.start : t.end] == t.text
        assert t.text == t.text.strip()
    assert [t.start for t in found] == sorted(t.start for t in found)


def test_modal_may_is_not_a_month_and_money_is_not_a_year():
    assert _values("Prices may rise. It cost $1999 to build.", "2012-01-01") == {}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("2012-06-19", dt.date(2012, 6, 19)), ("2012-06-19T10:00:00Z", dt.date(2012, 6, 19)),
     ("June 2012", None), (None, None), ("2012-13-40", None)],
)  # fmt: skip
def test_parse_dct(raw, expected):
    assert parse_dct(raw) == expected


def test_year_ago_after_a_named_quarter_is_that_quarter_a_year_back():
    text = "Third-quarter profit rose to $5 million from $3 million a year ago."
    values = _values(text, "1989-11-02")
    assert values == {"Third-quarter": "1989-Q3", "a year ago": "1988-Q3"}
    assert _values("He left a year ago.", "1989-11-02") == {"a year ago": "1988"}


def test_clock_time_joins_the_day_it_belongs_to():
    found = extract_dates("The offensive began at noon Saturday.", "1991-02-25")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("noon Saturday", "TIME", "1991-02-23T12:00")
    ]


def test_a_count_is_not_a_year_but_a_year_before_a_noun_after_in_is():
    assert _values("Russia sent 2000 troops and 1500 tanks.", "2012-06-19") == {}
    assert _values("In 1998 people voted.", "2012-06-19") == {"1998": "1998"}


def test_month_names_inside_other_words_are_not_months():
    text = "RIA Novosti said the Mayor of Marchtown met Junebug fans in Augusta."
    assert _values(text, "2012-03-19") == {}


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a month and day with no year: the occurrence nearest the article date
        ("The talks resume Nov. 25 in Geneva.", "2000-01-07", {"Nov. 25": "1999-11-25"}),
        ("The pact takes effect Feb. 1, officials said.", "1989-10-26", {"Feb. 1": "1990-02-01"}),
        # ... unless the sentence says it is past: "the year ended March 31"
        ("Revenue was $76 million for the year ended March 31.", "1989-11-01",
         {"the year": "P1Y", "March 31": "1989-03-31"}),
    ],
)  # fmt: skip
def test_month_day_without_year_is_the_nearest_fitting_one(text, dct, expected):
    assert _values(text, dct) == expected


def test_a_scheduled_weekday_is_the_coming_one():
    # 1989-10-27 is a Friday
    text = "The acquisition is scheduled to close Monday."
    assert _values(text, "1989-10-27") == {"Monday": "1989-10-30"}
    assert _values("The deal closed Monday.", "1989-10-27") == {"Monday": "1989-10-23"}


def test_a_month_well_after_the_article_date_is_last_years():
    assert _values("Sales fell in December.", "1998-03-04") == {"December": "1997-12"}
    assert _values("A mission will fly in December.", "1998-03-04") == {"December": "1998-12"}


def test_counted_units_with_a_qualifier_are_durations():
    found = {
        t.text: t.value
        for t in extract_dates("It took eight trading days and two more weeks.", "1998-01-08")
    }
    assert found == {"eight trading days": "P8D", "two more weeks": "P2W"}


def test_month_day_near_the_article_date_ignores_tense_cues():
    # four days after the article date, told in the past perfect: still this year's
    values = _values("The offer had been set to expire Nov. 6.", "1989-11-02")
    assert values["Nov. 6"] == "1989-11-06"
    # the leaders decided two weeks ago, though the clause talks of what "would" happen
    values = _values("They decided on Feb. 11 that a war would be needed.", "1991-02-25")
    assert values["Feb. 11"] == "1991-02-11"


def test_clock_times_with_am_pm_and_zone_join_the_day_after_them():
    values = _values("He was taken at 10 p.m. Wednesday, police said.", "1998-02-13")
    assert values["10 p.m. Wednesday"] == "1998-02-11T22:00"
    values = _values("The offer runs until 5 p.m. EST Nov. 9.", "1989-11-02")
    assert values["5 p.m. EST Nov. 9"] == "1989-11-09T17:00"
    # "until" a weekday is ahead; the dot of "a.m." is not a sentence end
    values = _values("They have until 9 a.m. Tuesday to sign.", "2000-04-03")
    assert values["9 a.m. Tuesday"] == "2000-04-04T09:00"


def test_quarters_halves_and_months_of_a_relative_year():
    text = (
        "Earnings in the year-ago third quarter fell; a deal may close in next year's first "
        "quarter. Costs rise for the last half of 1989. In June last year they met. "
        "Sales for the full year rose."
    )
    values = _values(text, "1989-10-30")
    assert values["the year-ago third quarter"] == "1988-Q3"
    assert values["next year's first quarter"] == "1990-Q1"
    assert values["the last half of 1989"] == "1989-H2"
    assert values["June last year"] == "1988-06"
    assert values["the full year"] == "1989"


def test_gaps_after_another_event_are_durations_and_following_counts_from_the_last_date():
    text = (
        "In March 1995 he left. Three days later he wrote. A minute and a half later it "
        "ended. The following month he returned, and the following year he retired."
    )
    found = {t.text: t for t in extract_dates(text, "1998-04-18")}
    assert found["Three days later"].value == "P3D"
    assert found["Three days later"].type == "DURATION"
    assert found["A minute and a half later"].value == "PT1M30S"
    assert found["The following month"].value == "1995-04"
    assert found["the following year"].value == "1996"


def test_sets_of_named_days_and_months_and_half_hours():
    values = _values("Flights leave each Thursday; marchers walk each July for 5 1/2 hours.", None)
    assert values["each Thursday"] == "XXXX-WXX-4"
    assert values["each July"] == "XXXX-07"
    assert values["5 1/2 hours"] == "PT5H30M"


def test_the_quarter_follows_the_quarter_reported_and_parts_of_the_day():
    text = (
        "Third-quarter profit fell. Sales in the quarter rose from the year-ago quarter. "
        "It grew last fall and analysts met this morning; CBS reported last night."
    )
    values = _values(text, "1989-10-26")
    assert values["the quarter"] == "1989-Q3"
    assert values["the year-ago quarter"] == "1988-Q3"
    assert values["last fall"] == "1988-FA"
    assert values["this morning"] == "1989-10-26TMO"
    assert values["last night"] == "1989-10-25TNI"
    # with no quarter named, "the quarter" is the one reported: before the article's
    assert _values("Sales in the quarter rose.", "1998-02-03")["the quarter"] == "1997-Q4"
    assert "fall" not in _values("Shares fall in the fall of 1998.", "1998-02-03")


def test_current_is_the_present_and_the_week_of_a_day_is_its_iso_week():
    values = _values(
        "Given current market conditions, a hearing is set the week of March 6.", "2000-02-24"
    )
    assert values["current"] == "PRESENT_REF"
    assert values["the week of March 6"] == "2000-W10"
    values = _values(
        "Holders buy at the then current price for the current fiscal year.", "1989-11-02"
    )
    assert values["current"] == "PAST_REF"
    assert values["the current fiscal year"] == "1989"


def test_a_past_verb_before_a_month_day_keeps_it_in_the_past():
    values = _values("A block of shares issued July 1, which will receive part.", "1989-10-27")
    assert values["July 1"] == "1989-07-01"
    values = _values("Profit in the 1988 quarter fell. Third-quarter sales rose.", "1989-10-30")
    assert values["Third-quarter"] == "1989-Q3"


def test_year_ago_adjective_is_a_date_not_a_one_year_duration():
    text = "It lost $5 in the third quarter, compared with a year-earlier loss of $2."
    found = {t.text: (t.type, t.value) for t in extract_dates(text, "1989-11-02")}
    assert found["year-earlier"] == ("DATE", "1988-Q3")  # the reported quarter's twin
    assert "a year" not in found
    assert _values("Sales topped year-ago levels.", "1989-11-02") == {"year-ago": "1988"}


def test_year_ago_after_a_nine_month_figure_is_not_the_quarter_twin():
    text = (
        "Net rose in the third quarter. Net for the nine months was $254 million, "
        "up from $163 million a year earlier."
    )
    assert _values(text, "1989-10-26")["a year earlier"] == "1988"


def test_recent_future_and_past_plural_units():
    text = (
        "Prices rose in recent months and in recent years; tax cuts in future quarters; "
        "there were sell programs in past years; funds in recent weeks and months sold."
    )
    found = {t.text: (t.type, t.value) for t in extract_dates(text, "1989-10-30")}
    assert found["recent months"] == ("DURATION", "PXM")
    assert found["recent years"] == ("DATE", "PAST_REF")
    assert found["future quarters"] == ("DATE", "FUTURE_REF")
    assert found["past years"] == ("DATE", "PAST_REF")
    assert found["recent weeks and months"] == ("DATE", "PAST_REF")
    assert _values("over the past years", "1989-10-30") == {"the past years": "PXY"}


def test_month_behind_the_article_is_next_years_when_the_sentence_looks_ahead():
    dct = "1989-10-30"
    assert _values("It agreed to purchase the line for $22 million in February.", dct) == {
        "February": "1990-02"
    }
    assert _values("The bank extended loans through January.", dct) == {"January": "1990-01"}
    assert _values("KKR bought RJR in February for $25 billion.", dct) == {"February": "1989-02"}
    # a past clause after the plan cue owns the month
    text = (
        "It will begin the transfer from kin caring for him since he was rescued in late November."
    )
    assert _values(text, "2000-04-05")["late November"] == "1999-11"
    text = "Collins will be named commander of the shuttle Columbia for a mission in December."
    assert _values(text, "1998-03-04") == {"December": "1998-12"}


def test_month_day_far_from_the_article_follows_a_plan_cue():
    text = "Costs rose under the company's new labor pact effective June 1."
    assert _values(text, "1989-10-26") == {"June 1": "1990-06-01"}
    assert _values("Shares were issued June 1.", "1989-10-26") == {"June 1": "1989-06-01"}


def test_holidays_resolve_to_the_nearest_occurrence_or_by_their_lead():
    assert _values("Elian was found Thanksgiving Day.", "2000-01-07") == {
        "Thanksgiving Day": "1999-11-25"
    }
    assert _values("He was found last Thanksgiving.", "2000-02-10") == {
        "last Thanksgiving": "1999-11-25"
    }
    assert _values("the campaign from now to Election Day.", "1998-10-26")["Election Day"] == (
        "1998-11-03"
    )
    assert _values("as Easter week began", "2000-04-17") == {"Easter week": "2000-W16"}
    assert _values("on Christmas 1995", None) == {"Christmas 1995": "1995-12-25"}
    assert _values("Thanksgiving", None) == {"Thanksgiving": None}


def test_easter_dates():
    from storyline.nlp.date_holidays import easter

    assert [easter(y).isoformat() for y in (1998, 2000, 2019)] == [
        "1998-04-12", "2000-04-23", "2019-04-21"
    ]  # fmt: skip


def test_near_future_and_latest_period():
    assert _values("an offering in the near future.", "1989-11-01") == {
        "the near future": "FUTURE_REF"
    }
    text = "Profit rose in the third quarter. The latest period had gains."
    assert _values(text, "1989-11-01")["The latest period"] == "1989-Q3"


def test_spoken_years_with_a_month_or_season():
    text = "January nineteen ninety-seven. We saw it in the winter of nineteen ninety-four."
    values = _values(text, "1998-02-27")
    assert values["January nineteen ninety-seven"] == "1997-01"
    assert values["winter of nineteen ninety-four"] == "1994-WI"


def test_quarter_after_the_articles_is_last_years_unless_the_sentence_looks_ahead():
    text = "AT&T announced an eighteen percent drop in profits for the fourth quarter."
    assert _values(text, "1998-01-26") == {"the fourth quarter": "1997-Q4"}
    text = "It expects profit to rise in the fourth quarter."
    assert _values(text, "1998-01-26") == {"the fourth quarter": "1998-Q4"}
    assert _values("Profit fell in the first quarter.", "1998-05-26") == {
        "the first quarter": "1998-Q1"
    }


def test_latest_fiscal_year_is_the_last_finished_one():
    assert _values("sales in the latest fiscal year", "1989-10-26") == {
        "the latest fiscal year": "1988"
    }


def test_one_day_after_a_modal_is_the_vague_future():
    found = {
        t.text: (t.type, t.value) for t in extract_dates("Islam will one day be big.", "1998-03-03")
    }
    assert found == {"one day": ("DATE", "FUTURE_REF")}
    found = {t.text: (t.type, t.value) for t in extract_dates("It lasted one day.", "1998-03-03")}
    assert found == {"one day": ("DURATION", "P1D")}


def test_plural_weekdays_are_sets():
    found = {
        t.text: (t.type, t.value)
        for t in extract_dates("flights on Tuesday nights and on Sundays", "1998-02-13")
    }
    assert found == {"Tuesday nights": ("SET", "XXXX-WXX-2TNI"), "Sundays": ("SET", "XXXX-WXX-7")}


def test_ages_are_not_durations():
    assert _values("the 6-year-old boy and a 44-year-old man", "2000-01-07") == {}
    assert _values("Mr. Reupke, 52 years old, will succeed him.", "2000-01-07") == {}
    assert _values("He was 37 years old when he was kidnapped.", "2000-01-07") == {}
    assert _values("for six years", "2000-01-07") == {"six years": "P6Y"}


def test_frequency_adverbs_are_sets():
    found = {
        t.text: (t.type, t.value) for t in extract_dates("held annually, checked hourly", None)
    }
    assert found == {"annually": ("SET", "P1Y"), "hourly": ("SET", "PT1H")}


def test_weekday_plan_in_the_past_perfect_is_over():
    # 1999-05-07 is a Friday
    assert _values("Until Thursday, they had not called him a suspect.", "1999-05-07") == {
        "Thursday": "1999-05-06"
    }
    assert _values("The offer will expire Thursday.", "1999-05-07") == {"Thursday": "1999-05-13"}


def test_weekday_plan_cue_earlier_in_the_sentence():
    # 2000-01-07 is a Friday: the plan cue is far before the weekday, no past verb between
    text = "Protesters planned a large demonstration in Little Havana on Saturday."
    assert _values(text, "2000-01-07") == {"Saturday": "2000-01-08"}
    # a reporting verb after the cue owns the weekday
    text = "The talks will resume in Geneva next month, the foreign ministry said on Tuesday."
    assert _values(text, "2000-01-07")["Tuesday"] == "2000-01-04"
    # a plan whose clause goes on in the past is over
    text = "A memorial service planned at the university for Saturday was canceled."
    assert _values(text, "2000-01-07") == {"Saturday": "2000-01-01"}
    # "lower-than-expected" is no plan
    text = "It fell after reporting lower-than-expected earnings after the close Wednesday."
    assert _values(text, "2000-01-07") == {"Wednesday": "2000-01-05"}


def test_reported_quarter_is_not_displaced_by_one_named_in_passing():
    text = (
        "Kimberly-Clark posted a 20% gain in third-quarter net income. After a flat second "
        "quarter, the company cited gains abroad. The quarter-to-quarter comparison was helped "
        "by charges taken in the year-earlier period."
    )
    found = _values(text, "1989-11-01")
    assert found["the year-earlier period"] == "1988-Q3"
    assert "The quarter" not in found


def test_comparable_period_last_year_is_the_quarter_twin():
    text = (
        "Net income for the third quarter ended Sept. 30 was $2 million, against $1.8 million "
        "for the corresponding period last year. Sales for last year's quarter were $3 million."
    )
    found = _values(text, "1989-11-01")
    assert found["the corresponding period last year"] == "1988-Q3"
    assert found["last year's quarter"] == "1988-Q3"


def test_clock_time_takes_the_day_after_an_aside():
    # 1998-08-08 is a Saturday; the aside keeps the spans apart
    text = "The blast occurred at 10:35 a.m. (0735 GMT) Friday, toppling a building."
    found = {t.text: (t.type, t.value) for t in extract_dates(text, "1998-08-08")}
    assert found["10:35 a.m."] == ("TIME", "1998-08-07T10:35")
    assert found["Friday"] == ("DATE", "1998-08-07")


def test_the_quarter_keeps_the_year_ago_comparison_alive():
    filler = "The thrift has branches in three states and a new chief executive. " * 20
    text = (
        "The thrift reported a third-quarter loss of $70 million. "
        + filler
        + "New loans were $6.6 million in the quarter compared with $361.8 million a year ago."
    )
    assert _values(text, "1989-11-02")["a year ago"] == "1988-Q3"


def test_weekday_opening_a_sentence_governs_its_clause():
    # 1998-10-26 is a Monday
    text = "It was the first topic. On Tuesday, the league plans to hold a news conference."
    assert _values(text, "1998-10-26")["Tuesday"] == "1998-10-27"
    text = "It was the first topic. On Friday, the government planned to pay the first claims."
    assert _values(text, "1998-10-26")["Friday"] == "1998-10-23"


def test_coordinated_weekdays_share_the_plural_part_of_day():
    found = {
        t.text: (t.type, t.value)
        for t in extract_dates(
            "flights leave on Monday and Tuesday nights, and on Friday", "1998-02-13"
        )
    }
    assert found == {
        "Monday": ("SET", "XXXX-WXX-1TNI"),
        "Tuesday nights": ("SET", "XXXX-WXX-2TNI"),
        "Friday": ("DATE", "1998-02-13"),
    }


# -- issue 11: general TIMEX3 conventions ---------------------------------------------------


def test_end_of_year_is_the_year_with_mod_end_and_year_end_the_closing_day():
    found = {t.text: t for t in extract_dates(
        "The sale should close by the end of the year, or by year's end at the latest. "
        "Shares are up 4% since year-end. The deal closes by year-end.",
        "1989-10-26",
    )}  # fmt: skip
    assert (found["the end of the year"].value, found["the end of the year"].mod) == ("1989", "END")
    assert (found["year's end"].value, found["year's end"].mod) == ("1989", "END")
    # the hyphenated accounting term: the last day of the year, the one passed after "since"
    assert found["year-end"].value == "1989-12-31"
    assert [t.value for t in extract_dates("up 4% since year-end.", "1989-10-26")] == ["1988-12-31"]


def test_year_end_adjective_and_earlier_in_the_year():
    assert _values("Year-end results were weak; year-end net fell.", "1989-10-26") == {}
    assert _values("Planting was delayed earlier in the year by rain.", "1989-10-26") == {
        "earlier in the year": "1989"
    }
    assert _values("Vote before the end of this month.", "2016-05-10") == {
        "the end of this month": "2016-05"
    }


def test_a_month_name_used_as_a_first_name_or_a_noun_is_no_date():
    dct = "1999-03-12"
    assert _values("Czech Foreign Minister Jan Kavan said so.", dct) == {}
    assert _values("outside Gov. Jan Brewer's office.", dct) == {}
    assert _values("protesters at the annual March for Life.", dct) == {}
    # the month stays a month after a preposition or a determiner, and in a headline
    assert _values("In March Obama signed it.", dct) == {"March": "1999-03"}
    assert _values("at a February White House meeting.", dct) == {"February": "1999-02"}
    assert _values("McDonald's February Sales Slip on US Weakness", dct) == {"February": "1999-02"}


def test_an_index_level_with_decimals_is_no_year():
    assert _values("The index closed at 2082.1, down from 1678.5.", "1989-10-30") == {}


def test_the_quarter_told_by_its_end_date():
    text = (
        "In the quarter ended July 31, Jayark earned $1 million, up from $0.5 million a year ago."
    )
    assert _values(text, "1989-10-30") == {
        "the quarter": "1989-Q2",  # May-July: the calendar quarter holding its middle
        "July 31": "1989-07-31",
        "a year ago": "1988-Q2",
    }
    # a fiscal quarter named before stays the one "the quarter ended" refers to
    text = "Earnings soared in the fiscal first quarter. For the quarter ended Sept. 30, it earned"
    assert _values(text, "1989-10-26")["the quarter"] == "1989-Q1"


def test_this_quarters_results_are_the_reported_quarter():
    text = "It lost $2 million for the third quarter ended Sept. 30. This quarter's loss includes charges."
    assert _values(text, "1989-11-01")["This quarter"] == "1989-Q3"
    assert _values("It will finish the plant this quarter.", "1989-11-01") == {
        "this quarter": "1989-Q4"
    }


def test_a_month_after_the_article_month_told_in_the_past_is_last_years():
    dct = "1989-10-27"
    text = "The operator changed from a fiscal year to a calendar year in December."
    assert _values(text, dct) == {"December": "1988-12"}
    assert _values("The company will change its fiscal year in December.", dct) == {
        "December": "1989-12"
    }


def test_the_day_before_or_after_a_date_is_one_date():
    dct = "2000-02-24"  # a Thursday
    assert _values("The day before last Tuesday's hearing, he went home.", dct) == {
        "The day before last Tuesday": "2000-02-21"
    }
    assert _values("They met on the day after Christmas.", dct) == {
        "the day after Christmas": "1999-12-26"
    }
    assert _values("It came a day after Monday's vote.", dct) == {
        "a day after Monday": "2000-02-22"
    }


def test_counted_seasons_are_a_set_not_the_vague_past():
    found = extract_dates("There was violence for the past three summers.", "1998-03-22")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("the past three summers", "SET", "XXXX-SU")
    ]
    assert _values("In the past, it was calm.", "1998-03-22") == {"the past": "PAST_REF"}
