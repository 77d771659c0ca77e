"""Page matter a reader found in briefs of Multi-News piles: a video host's messages, a
player's "View" button glued to its clip, link bars, share counters, a closed comment box,
an encyclopedia's header, bare time stamps, a caption closed by its credit, a rights line
as a title, a currency sign glued to the word before. Fixtures are written for these
tests (no dev text)."""

import pytest

from helpers import clean
from storyline.clean.boilerplate import classify_line
from storyline.clean.junk import is_credit

LEAD = "The river peaked two feet lower than expected on Monday, the county said."


@pytest.mark.parametrize(
    "line",
    [
        "The interactive transcript could not be loaded.",
        "Rating is available when the video has been rented.",
        "View Mayor opens new bridge The mayor of Springfield opened the bridge on Friday.",
        "MORE | Two hikers missing near the river trail | MAP: Where they were last seen",
        "TIMELINE | The flood, day by day",
        "Help spread the word! Share Tweet 3.2k total shares total shares",
        "12 Comments Sorry, comments for this post are now closed.",
        "From Wikipedia, the free encyclopedia",
        "UPDATE: November 8, 8:25 AM CST",
        "Sunday, November 6",
        "The mayor opens the bridge in Springfield. (Jane Roe/The Springfield Herald)",
        "CLOSE Police confirmed the bridge was closed on Friday. Jane Roe and John Doe/ The Herald",
    ],
)
def test_page_matter_lines_are_cut(line):
    assert classify_line(line) is not None
    assert clean(f"{line}\n\n{LEAD}").text == LEAD


@pytest.mark.parametrize(
    "line",
    [
        "View the full report on the county's website.",
        "View From the Bridge",
        "The county said comments are closed until Monday's meeting.",
        "Sunday, November 6, the team met to plan the season.",
        "He met her on November 8 at 8:25 a.m. in Dallas.",
        "The poll (Reuters/Ipsos) shows the mayor ahead.",
        "The firm sold 3 million shares on Friday.",
        "Wikipedia, the free encyclopedia, turned 20 on Friday.",
    ],
)
def test_prose_with_the_same_words_stays(line):
    assert classify_line(line) is None


def test_a_rights_line_is_no_title():
    assert is_credit("Copyright Marvel Comics")
    assert not is_credit("Copyright law is changing")
    assert clean(f"Copyright Marvel Comics\n{LEAD}").title != "Copyright Marvel Comics"


def test_a_currency_sign_glued_to_a_word_gets_its_space():
    got = clean("The deal includes$400 million in cash and US$5 in fees.").text
    assert got == "The deal includes $400 million in cash and US$5 in fees."
