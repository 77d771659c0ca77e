"""Periods told without a number: the definite "the year" of news copy, the anaphoric
"that year" / "that quarter", seasons told as "this past", and named clock words."""

from storyline.nlp.dates import extract_dates


def _values(text: str, dct: str | None) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in extract_dates(text, dct)}


def test_the_year_is_the_articles_year():
    values = _values("The shares hit a high for the year in June.", "2011-10-30")
    assert values["the year"] == ("DATE", "2011")
    values = _values("The stock rose to a high for the year of $42.87 a share.", "2011-10-30")
    assert values["the year"] == ("DATE", "2011")
    values = _values("The maker expects lower earnings for the fiscal year.", "2011-10-30")
    assert values["the fiscal year"] == ("DATE", "2011")


def test_the_year_told_by_its_end_or_throughout_is_a_one_year_span():
    values = _values("Revenue was $5 million for the year ended March 31.", "2011-10-30")
    assert values["the year"] == ("DURATION", "P1Y")
    values = _values("It sees a loss for the year ending June 30, 2012.", "2011-10-30")
    assert values["the year"] == ("DURATION", "P1Y")
    values = _values("Margins should widen throughout the fiscal year.", "2011-10-30")
    assert values["the fiscal year"] == ("DURATION", "P1Y")


def test_the_year_leaves_other_phrases_alone():
    found = _values("In the year before the vote, the year-ago figures fell.", "2011-10-30")
    assert "the year" not in found
    found = _values("They condemned him for the year of bloody violence.", "2012-06-19")
    assert "the year" not in found
    assert _values("the year two thousand", None)["the year two thousand"][1] == "2000"


def test_that_year_and_that_quarter_point_back_to_the_date_told_before():
    text = "She fled in June 2004 and returned later that year."
    assert _values(text, "2011-01-28")["later that year"] == ("DATE", "2004")
    text = "Imports reached $3 billion in 2007, a record for that year."
    assert _values(text, "2011-01-28")["that year"] == ("DATE", "2007")
    text = "It lost $2 million in the second quarter of 2009. Results for that quarter fell."
    assert _values(text, "2011-01-28")["that quarter"] == ("DATE", "2009-Q2")


def test_that_year_with_nothing_told_before_is_left_out():
    assert "that year" not in _values("Nobody expected a crash that year.", "2011-01-28")


def test_this_past_season_is_the_articles_year():
    text = "The unit was scrapped this past spring, and sales fell this past fall."
    values = _values(text, "2011-10-30")
    assert values["this past spring"] == ("DATE", "2011-SP")
    assert values["this past fall"] == ("DATE", "2011-FA")


def test_midday_is_noon():
    values = _values("He was due in court at midday.", "2011-10-08")
    assert values["midday"] == ("TIME", "2011-10-08T12:00")


def test_the_next_year_or_so_is_next_year_told_roughly():
    found = extract_dates("The plant will be closed over the next year or so.", "2011-11-02")
    assert [(t.text, t.type, t.value, t.mod) for t in found] == [
        ("the next year or so", "DATE", "2012", "APPROX")
    ]


def test_mid_afternoon_alone_is_the_articles_afternoon():
    values = _values("By mid afternoon, officials said the road was open.", "2011-03-06")
    assert values["mid afternoon"] == ("TIME", "2011-03-06TAF")
    values = _values("Shares slipped at mid-afternoon yesterday.", "2011-11-02")
    assert values["mid-afternoon yesterday"] == ("TIME", "2011-11-01TAF")
    assert "mid-afternoon" not in _values("A mid-afternoon-ish lull set in.", "2011-11-02")


def test_a_fixture_told_in_the_simple_present_is_a_coming_weekday():
    # 2011-05-06 is a Friday
    text = "He and the prime minister meet separately Monday with the envoy."
    assert _values(text, "2011-05-06")["Monday"] == ("DATE", "2011-05-09")
    assert _values("The council resumes on Tuesday.", "2011-05-06")["Tuesday"][1] == "2011-05-10"
    # told in the past, or as a plan that had been due, it is the day before
    assert _values("They met Monday with the envoy.", "2011-05-06")["Monday"][1] == "2011-05-02"
    text = "The offer had been due to begin Monday."
    assert _values(text, "2011-05-06")["Monday"][1] == "2011-05-02"


def test_trips_laws_and_hearings_told_in_the_present_are_coming_weekdays():
    # 2013-03-20 is a Wednesday: Thursday ahead is the 21st, behind the 14th
    ahead = {
        "Obama travels to Israel on Thursday.": "2013-03-21",
        "The pope arrives Thursday in Brazil.": "2013-03-21",
        "The law takes effect Monday.": "2013-03-25",
        "The ambassador testifies Friday before the committee.": "2013-03-22",
        "He faces a hearing Tuesday.": "2013-03-26",
        "The company reports earnings Thursday.": "2013-03-21",
        "The summit is on Thursday.": "2013-03-21",
        "The deadline is Friday.": "2013-03-22",
        "The vote is set for Thursday.": "2013-03-21",
        "He is slated to speak Thursday.": "2013-03-21",
        "Lawmakers are set to unveil the bill Thursday.": "2013-03-21",
        "Thursday's vote will decide control of the Senate.": "2013-03-21",
        "He must decide by Friday.": "2013-03-22",
        "Schools reopen Monday.": "2013-03-25",
        "The strike continues through Friday.": "2013-03-22",
    }
    for text, want in ahead.items():
        found = [t for t in extract_dates(text, "2013-03-20") if t.text.endswith("day")]
        assert [t.value for t in found] == [want], text
    behind = {
        "Republicans secured enough votes Friday.": "2013-03-15",
        "He faces charges in the attack Sunday.": "2013-03-17",
        "The vote was set for Thursday but was postponed.": "2013-03-14",
        "The pope arrived Thursday in Brazil.": "2013-03-14",
        "He is in hospital after being shot Monday.": "2013-03-18",
        "The visits Monday drew crowds.": "2013-03-18",
        "He must have left Friday.": "2013-03-15",
        "Trump threatened to veto must-pass bills on Tuesday.": "2013-03-19",
    }
    for text, want in behind.items():
        found = [t for t in extract_dates(text, "2013-03-20") if t.text.endswith("day")]
        assert [t.value for t in found] == [want], text


def test_in_a_length_after_a_modal_is_that_far_past_the_article_date():
    values = _values("The stock would be redeemed in five years.", "2011-11-02")
    assert values["five years"] == ("DATE", "2016")
    values = _values("The court will rule in two weeks.", "2011-11-02")  # a Wednesday, W44
    assert values["two weeks"] == ("DATE", "2011-W46")
    # without a modal, or as a stretch, it is a length
    values = _values("It was his second letter in two weeks.", "2011-11-02")
    assert values["two weeks"] == ("DURATION", "P2W")
    values = _values("You may, in a year or two, save lives.", "2011-11-02")
    assert values.get("a year") != ("DATE", "2012")


def test_last_and_the_name_of_the_month_just_past_is_last_years():
    values = _values("Two helicopters crashed last February.", "2011-03-01")
    assert values["last February"] == ("DATE", "2010-02")
    values = _values("He was arrested last November.", "2011-03-01")
    assert values["last November"] == ("DATE", "2010-11")
    values = _values("He was arrested last January.", "2011-06-01")
    assert values["last January"] == ("DATE", "2011-01")


def test_a_decade_told_without_its_century_is_the_one_nearest_the_article():
    text = "Sales followed the trend of the last half of the '80s, as in the '90s."
    assert _values(text, "1989-10-26") == {"the '80s": ("DATE", "198"), "the '90s": ("DATE", "199")}
    # a decade more than ten years ahead is the last century's
    found = extract_dates("Jazz of the late '20s and the ’90s boom.", "2000-03-01")
    assert [(t.text, t.value, t.mod) for t in found] == [
        ("the late '20s", "192", "END"),
        ("the ’90s", "199", None),
    ]
    assert _values("in the '80s", None) == {"the '80s": ("DATE", None)}
    assert _values("the 80s and rock'80s", "1989-10-26") == {}  # not a year number's plural


def test_at_a_later_date_and_at_this_moment_are_the_vague_future_and_the_present():
    text = "It may seek more financing at a later date."
    assert _values(text, "1989-10-26") == {"a later date": ("DATE", "FUTURE_REF")}
    text = "He would not be traveling at this crucial moment if talks had failed."
    assert _values(text, "1990-08-15") == {"this crucial moment": ("DATE", "PRESENT_REF")}
    # not without "at": "the moment of truth", "a later date of birth" are no such times
    assert _values("This moment of truth came. A later date was set.", "1990-08-15") == {}


def test_for_a_while_is_a_stretch_of_unknown_length():
    text = "They will have to live without power for a while."
    assert _values(text, "1998-01-11") == {"a while": ("DURATION", "PXX")}
    # the conjunction and "a while ago" (no "for" before) are left alone
    assert _values("It rained a while ago, while we slept.", "1998-01-11") == {}
