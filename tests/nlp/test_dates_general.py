"""Expressions common in news of any year that the TimeBank-era dev files hardly hold:
halves of units, "this <weekday>", the analysts' "Q4", seasons told in the past."""

from storyline.nlp.dates import extract_dates


def _values(text: str, dct: str | None) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in extract_dates(text, dct)}


def test_halves_are_told_in_the_next_smaller_unit():
    dct = "2013-03-20"
    assert _values("The talks lasted half an hour.", dct)["half an hour"][1] == "PT30M"
    assert _values("He gave a half-hour speech.", dct)["a half-hour"][1] == "PT30M"
    assert _values("It took half a day.", dct)["half a day"][1] == "PT12H"
    assert _values("It took half a century.", dct)["half a century"][1] == "P50Y"
    assert _values("It took half a year.", dct)["half a year"][1] == "P6M"
    assert _values("It took one and a half years.", dct)["one and a half years"][1] == "P1Y6M"
    assert _values("It took two and a half hours.", dct)["two and a half hours"][1] == "PT2H30M"
    assert _values("It took 1 1/2 days.", dct)["1 1/2 days"][1] == "P1DT12H"
    # unchanged: whole counts and the halves already told
    assert _values("It took an hour and a half.", dct)["an hour and a half"][1] == "PT1H30M"
    assert _values("It took 2 1/2 years.", dct)["2 1/2 years"][1] == "P2Y6M"


def test_this_weekday_is_the_day_of_the_articles_week():
    dct = "2013-03-20"  # a Wednesday
    assert _values("He said this Saturday would be busy.", dct)["this Saturday"][1] == (
        "2013-03-23"
    )
    assert _values("He spoke this Monday.", dct)["this Monday"][1] == "2013-03-18"
    assert _values("This Friday, the court rules.", dct)["This Friday"][1] == "2013-03-22"
    # a capital lead still leaves the tense of the clause to the weekday it opens
    assert _values("On Thursday, the league plans to meet.", dct)["Thursday"][1] == "2013-03-21"
    assert _values("Last Monday, he quit.", dct)["Last Monday"][1] == "2013-03-18"


def test_analyst_quarter_shorthand():
    dct = "2013-03-20"
    assert _values("Q4 earnings rose.", dct)["Q4"] == ("DATE", "2012-Q4")
    assert _values("Earnings rose in Q1 2013.", dct)["Q1 2013"][1] == "2013-Q1"
    assert _values("Earnings will rise in Q2.", dct)["Q2"][1] == "2013-Q2"
    assert "q4" not in _values("Press q4 to go on.", dct)
    # a maker's model is no quarter; a company's quarter is
    assert "Q3" not in _values("The new Audi Q3 costs more.", dct)
    assert _values("Apple's Q4 results beat forecasts.", dct)["Q4"][1] == "2012-Q4"


def test_this_weekday_told_on_a_sunday_or_ahead_is_never_past():
    sunday = "2013-03-24"
    assert _values("The game is this Monday.", sunday)["this Monday"][1] == "2013-03-25"
    assert _values("They will play this Saturday.", sunday)["this Saturday"][1] == "2013-03-30"
    wednesday = "2013-03-20"
    assert _values("He will speak this Monday.", wednesday)["this Monday"][1] == "2013-03-25"
    assert _values("He spoke this Monday.", wednesday)["this Monday"][1] == "2013-03-18"
    saturday = "2013-03-23"
    assert _values("The vote is this Sunday.", saturday)["this Sunday"][1] == "2013-03-24"


def test_a_bare_season_follows_the_tense_as_a_bare_month_does():
    # not begun at the article date and told in the past: last year's
    assert _values("In the summer he left the company.", "2013-03-20")["summer"][1] == "2012-SU"
    assert _values("In the summer he will leave.", "2013-03-20")["summer"][1] == "2013-SU"
    # over at the article date and told ahead: next year's
    assert _values("The plant will open in the spring.", "2013-10-20")["spring"][1] == "2014-SP"
    assert _values("Over the summer, sales fell.", "2013-10-20")["summer"][1] == "2013-SU"


def test_the_noun_plan_is_no_future_cue_for_a_weekday():
    dct = "2013-03-22"  # a Friday
    text = "Cyprus's parliament rejected the plan on Tuesday."
    assert _values(text, dct)["Tuesday"][1] == "2013-03-19"
    assert _values("The council plans to vote on Tuesday.", dct)["Tuesday"][1] == "2013-03-26"
    assert _values("Under the plan, banks will reopen Tuesday.", dct)["Tuesday"][1] == (
        "2013-03-26"
    )
