"""Page matter a reader found in a brief of a scraped news pile (summary sentences, story
titles, claims and speakers): contributor lines, app pleas, captions closed by their
credit, a related-stories list under its heading, captions pointing at a person in the
photo. Fixtures are written for these tests (no dev text)."""

from helpers import clean
from storyline.clean.boilerplate import classify_line
from storyline.clean.junk import is_junk_sentence

LEAD = "The river peaked two feet lower than expected on Monday, the county said."


def test_a_contributor_line_is_cut_and_a_sentence_about_contributing_stays():
    for line in (
        "Jane Q. Doe contributed to this report.",
        "ABC News’ John Roe contributed to this report.",
        "Associated Press writers Ann B. Lee at the United Nations and Tom Fox in Washington "
        "contributed to this report.",
        "Reporter Sam Hill contributed to this report. shill@example.com or 555-0100",
        "Reuters contributed reporting from Kabul.",
        # a courtesy title's stop ends no sentence
        "Mr. Smith contributed reporting.",
        "Dr. Jane Roe and Mrs. Ann Lee contributed reporting from Paris.",
    ):
        assert classify_line(line) == "wire credit", line
    for line in (
        "Police said the man fled. Jane Doe contributed to this report.",
        "Police said the man fled. Mr. Doe contributed to this report.",
        "The senator, who contributed to this report's funding, declined to comment.",
        "Donors contributed to the campaign of the mayor.",
        # news about a report: its sentence goes on past the report, or names "the" report
        "Several agencies contributed to the report, which was released Tuesday.",
        "Scientists from 40 countries contributed to the report.",
        "Google contributed to these reports of abuse after users complained.",
    ):
        assert classify_line(line) is None, line
    article = clean(f"{LEAD}\n\nJane Q. Doe contributed to this report.")
    assert article.text == LEAD


def test_a_plea_to_install_an_app_is_cut_and_news_about_an_app_stays():
    assert classify_line("Get the CBS app for iPhone & iPad! Click HERE: http://bit.ly/x") == (
        "share prompt"
    )
    assert classify_line("Download the free News 9 app for Android now.") == "share prompt"
    assert classify_line("Get the app that changed dating, its users said on Monday.") is None


def test_a_caption_closed_by_its_credit_is_cut():
    for line in (
        "Mayor Jane Doe on Feb. 6. Photographer: John Roe/AFP via Getty Images",
        "The mayor speaks at an event in Wayne, N.J., on Oct. 22, 2018. (Sam Lee/AP)",
        "Graduates at the commencement in Atlanta. Living at home is now common. (Ann "
        "Fox/ASSOCIATED PRESS)",
        "Senate leader Jane Doe smiles as she meets with reporters at the Capitol in "
        "Washington, Tuesday,... (Associated Press)",
        "City Clerk Jane Doe (Courtesy photo)",
        "The building where the ring flew a flag. (Courtesy of the State Department)",
        "Courtesy Maria Roe",
    ):
        assert classify_line(line) in {"photo caption", "photo credit"}, line
    for line in (
        "The Associated Press reported the figures on Tuesday.",
        "WASHINGTON (Associated Press) — The Senate passed the bill.",
        "Courtesy calls were made to every family, the school said.",
    ):
        assert classify_line(line) is None, line


def test_headlines_under_a_related_stories_heading_are_cut_until_prose_resumes():
    raw = (
        f"{LEAD}\n\nMore from Morning Mix:\n\n"
        "‘We just stood there’: She watched the fire take her home\n\n"
        "Policeman apologises for threatening drivers with a band's album\n\n"
        "READ MORE\n\nPolice: Mother faces charge in death of boy\n\n"
        "The water fell again on Tuesday, officials said."
    )
    article = clean(raw)
    assert article.text == f"{LEAD}\n\nThe water fell again on Tuesday, officials said."
    # a heading-like line with no list under it takes no prose with it
    raw = f"{LEAD}\n\nRelated stories\n\nThe water fell again on Tuesday, officials said."
    assert clean(raw).text.endswith("The water fell again on Tuesday, officials said.")


def test_a_caption_pointing_at_a_person_in_the_photo_is_no_summary_sentence():
    for sentence in (
        "Activist Jane Doe (L) is greeted by her sister after her release from prison.",
        "The minister (2nd R) meets farmers in the village of Kafr.",
        "Players (L-R) Ann Lee, Kim Fox and Sam Roe pose with the cup.",
        "A patient is prepared for an MRI in a file photo.",
    ):
        assert is_junk_sentence(sentence), sentence
    for sentence in (
        "Gov. Jane Doe (R) signed the bill on Monday.",
        "He filed photos of the damage with the insurer.",
        "Police released a file photo of the suspect on Tuesday.",
        "The network aired the file photo of the plane twice.",
    ):
        assert not is_junk_sentence(sentence), sentence
