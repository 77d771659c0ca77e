"""Stretches of unknown length ("over the years", "a few days later", "a day-long
meeting") and ordinal quarters told of a habit (a SET)."""

from storyline.nlp.dates import extract_dates


def _values(text: str, dct: str | None) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in extract_dates(text, dct)}


def test_a_vague_gap_after_another_event_is_a_length():
    values = _values("A few days later, the rival announced a bid.", "2011-10-27")
    assert values["A few days later"] == ("DURATION", "PXD")
    values = _values("He said so several months before he took office.", "2011-10-26")
    assert values["several months before"] == ("DURATION", "PXM")
    # a counted gap keeps its count; a vague one counted back from the article stays a date
    assert _values("Three days later, he quit.", "2011-10-27")["Three days later"][1] == "P3D"
    assert _values("He left several years ago.", "2011-10-27")["several years ago"] == (
        "DATE",
        "PAST_REF",
    )


def test_over_the_years_and_the_weeks_ahead_are_vague_lengths():
    values = _values("Over the years many patients have died waiting.", "2011-03-31")
    assert values["the years"] == ("DURATION", "PXY")
    values = _values("Funds may sell bonds in the weeks ahead.", "2011-10-27")
    assert values["the weeks ahead"] == ("DURATION", "PXW")
    values = _values("In the years that followed, the rebels regrouped.", "2011-04-01")
    assert values["the years that followed"] == ("DURATION", "PXY")


def test_the_years_without_a_cue_and_over_the_years_with_a_count_are_left_alone():
    assert "the years" not in _values("The years were hard.", "2011-04-01")
    found = _values("Output grew over the years 1990 to 1995.", "2011-04-01")
    assert ("DURATION", "PXY") not in found.values()


def test_a_unit_long_adjective_is_a_length():
    values = _values("They left their third day-long meeting.", "2011-04-03")
    assert values["day-long"] == ("DURATION", "P1D")
    values = _values("It was a years-long feud.", "2011-04-03")
    assert values["years-long"] == ("DURATION", "PXY")


def test_ordinal_quarters_told_of_a_habit_are_every_years():
    text = "Most of its business is usually conducted in the second and fourth quarters."
    values = _values(text, "2011-10-26")
    assert values["second"] == ("SET", "XXXX-Q2")
    assert values["fourth quarters"] == ("SET", "XXXX-Q4")


def test_ordinal_quarters_of_one_year_are_no_set():
    found = extract_dates("Profit fell in the second and third quarters.", "2011-10-26")
    assert all(t.type != "SET" for t in found)


def test_quarterly_before_a_noun_names_a_kind_not_a_time():
    assert _values("Du Pont raised its quarterly dividend to $1.20.", "2011-10-26") == {}
    assert _values("The quarterly results also reflected charges.", "2011-10-26") == {}
    # told of how often something happens, it is a set
    values = _values("The reserve will be adjusted quarterly and will reflect sales.", None)
    assert values["quarterly"] == ("SET", "P1Q")
    assert _values("Rates are reviewed on a quarterly basis.", None)["quarterly"] == ("SET", "P1Q")
    assert _values("Interest is paid quarterly.", None)["quarterly"] == ("SET", "P1Q")


def test_soon_as_a_conjunction_signal_or_in_a_past_narrative_is_no_time():
    for text in (
        "He will go as soon as Gonzalez arrives.",
        "He was killed soon after being captured.",
        "He was soon released.",
        "A trickle of cash soon became a flood.",
    ):
        assert ("DATE", "FUTURE_REF") not in _values(text, "2011-04-03").values(), text
    assert _values("It will soon move into surplus.", "2011-04-03")["soon"] == (
        "DATE",
        "FUTURE_REF",
    )
    found = _values("It would sell the unit as soon as possible.", "2011-04-03")
    assert ("DATE", "FUTURE_REF") in found.values()


def test_a_quarter_renamed_in_apposition_takes_the_named_quarter():
    text = (
        "Service Corp. reported a third-quarter profit. In the comparable year-ago quarter, "
        "the second quarter ended Oct. 31, it had a loss."
    )
    values = _values(text, "2011-10-27")
    assert values["the comparable year-ago quarter"] == ("DATE", "2010-Q2")
    # a list of quarters is no renaming
    text = "Sales rose in the first quarter, the second quarter and the third quarter of 2010."
    assert _values(text, "2011-10-27")["the first quarter"][1] != "2010-Q2"


def test_today_is_the_nth_day_names_the_articles_day():
    values = _values("In Saudi Arabia, today is the eighth day of the operation.", "2011-08-15")
    assert values["the eighth day"] == ("DATE", "2011-08-15")
    values = _values("It's the second day of an offensive by the police.", "2011-03-06")
    assert values["the second day"] == ("DATE", "2011-03-06")
    # not told as what today is: no date of the article's
    found = _values("He would do so on his first day in office.", "2011-03-06")
    assert ("DATE", "2011-03-06") not in found.values()


def test_a_second_day_number_shares_the_month_before_it():
    found = extract_dates("The summit will be held on April 24 and 25.", "2011-02-10")
    assert [(t.text, t.value) for t in found] == [("April 24", "2011-04-24"), ("25", "2011-04-25")]
    for text in ("Rates rose on April 24 and 5 percent more later.", "On Feb. 27 and 30 of them"):
        assert len(extract_dates(text, "2011-02-10")) == 1, text


def test_uncounted_decades_are_years_as_counted_ones_are():
    # "two decades" is P20Y; "decades" is some number of years, not a unit no value uses
    assert _values("The two nations have feuded for decades.", "2012-05-01")["decades"] == (
        "DURATION",
        "PXY",
    )
    assert _values("a decades-long feud", "2012-05-01")["decades-long"][1] == "PXY"
    assert _values("for two decades", "2012-05-01")["two decades"][1] == "P20Y"


def test_second_before_the_noun_it_counts_is_the_ordinal():
    for text in (
        "He won a second term.",
        "A second earthquake shook the city.",
        "They have a Second Amendment right.",
        "It was a second-half goal.",
    ):
        assert extract_dates(text, "2013-03-20") == [], text
    # the unit: punctuation or a word of time after it
    assert _values("Wait a second, he said.", "2013-03-20")["a second"] == ("DURATION", "PT1S")
    assert _values("for a second or two", "2013-03-20")["a second"][1] == "PT1S"


def test_the_early_hours_of_a_day_are_no_stretch_of_hours():
    found = _values("A shooting erupted in the early hours of Saturday.", "2018-06-13")
    assert "hours" not in found and found["Saturday"] == ("DATE", "2018-06-09")
    assert _values("The talks lasted hours.", "2018-06-13")["hours"] == ("DURATION", "PTXH")


def test_a_capitalised_daily_or_weekly_in_a_name_is_no_set():
    for text in ("He told The Daily Beast.", "It ran in Us Weekly.", "Daily Mail reported it."):
        assert extract_dates(text, "2018-06-13") == [], text
    assert _values("Prices are set daily.", "2018-06-13")["daily"] == ("SET", "P1D")
    assert _values("Daily, he runs a mile.", "2018-06-13")["Daily"] == ("SET", "P1D")


def test_a_weekday_in_a_name_is_no_date():
    for text in (
        "Shoppers crowded stores on Black Friday.",
        "She told the Sunday Times.",
        "Super Tuesday voters went to the polls.",
    ):
        assert [t.text for t in extract_dates(text, "2018-06-13")] == [], text
    text = "Police said Sunday Times Square was closed."
    assert _values(text, "2018-06-13")["Sunday"] == ("DATE", "2018-06-10")
    assert _values("He told ABC News Sunday.", "2018-06-13")["Sunday"] == ("DATE", "2018-06-10")


def test_hours_and_minutes_without_a_cue_are_no_clock_time():
    # a video's length or a score
    for text in ("MUST WATCH Search for the plane 01:51  JUST WATCHED", "Cold snap | 0:41 Ice"):
        assert extract_dates(text, "2018-06-13") == [], text
    # "at", a zone or "local time" make it a time of day
    assert _values("The blast at 14:00 local time", "2018-06-13")["14:00"][1] == "2018-06-13T14:00"
    assert _values("It starts 09:00 GMT.", "2018-06-13")["09:00 GMT"][1] == "2018-06-13T09:00"
    assert _values("Trading opens 9:30 ET.", "2018-06-13")["9:30"][1] == "2018-06-13T09:30"


def test_a_day_ranges_first_day_takes_the_year_written_after_its_last():
    # the timeline dated "... held across the Korean Peninsula March 8 to 23, 2017." as 2017
    for text in ("The drill was held March 8 to 23, 2017.", "The fair ran March 8-23, 2017."):
        found = extract_dates(text, None)
        assert found[0].text == "March 8" and found[0].value == "2017-03-08", text
    # no range, or a count after "to": the day keeps no year of the sentence's
    found = extract_dates("On March 8 to 23 people came in 2017.", None)
    assert found[0].value == "XXXX-03-08"
    # an article date already gave the day its year: left as it was
    found = extract_dates("The drill was held March 8 to 23, 2017.", "2017-04-01")
    assert found[0].value == "2017-03-08"
