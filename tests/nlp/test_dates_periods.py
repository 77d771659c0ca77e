"""Periods told without a number: the definite "the year" of news copy, the anaphoric
"that year" / "that quarter", seasons told as "this past", and named clock words."""

from storyline.nlp.dates import extract_dates


def _values(text: str, dct: str | None) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.type, t.value) for t in extract_dates(text, dct)}


def test_the_year_is_the_articles_year():
    values = _values("The shares hit a high for the year in June.", "2011-10-30")
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
    assert _values("the year two thousand", None)["the year two thousand"][1] == "2000"
