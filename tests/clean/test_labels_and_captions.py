"""Cleaning a reader of real piles' briefs found wrong: a reporting sentence with a
weekday, a full date and its year read as a photo caption; "He responded on Twitter:
@CNN" cut as a contact line; an image's lone label ("Virgin Australia") titling a story.
Fixtures are written for these tests (no dev text)."""

from helpers import clean
from storyline.clean.boilerplate import classify_line
from storyline.clean.junk import is_junk_sentence


def test_a_reported_event_with_its_full_date_is_no_caption():
    for sentence in (
        "The verdict was announced on Tuesday, April 11, 2017.",
        "The company said Monday, Oct. 28, 2013, that it would appeal.",
        "Kroll died Sunday, Dec. 16, 2018, at his home in Manhattan.",
        # pictures named in the reported clause are its news, not the date's picture
        "Police said Monday, Oct. 28, 2013, that images of the suspect shared online were fake.",
    ):
        assert not is_junk_sentence(sentence), sentence
    # a caption's form: what a picture shows, in the present, the date set off after it
    for caption in (
        "Italian Premier Silvio Berlusconi sits in the lower chamber to attend a confidence "
        "vote, in Rome, Friday, Oct. 14, 2011.",
        "John McCain, R-Ariz., speaks during a town hall, Tuesday, Feb. 19, 2013, in Sun "
        "Lakes, Ariz.",
        "In this Saturday, July 1, 2017, photo, people line up at a dispensary in Las Vegas.",
        "A photo released on Sunday, March 18, 2012, shows rescue teams at the scene.",
        "Rescue teams were seen at the scene in this Sunday, March 18, 2012 file photo.",
    ):
        assert is_junk_sentence(caption), caption


def test_a_sentence_that_quotes_a_handle_is_no_contact_line():
    assert classify_line("He responded on Twitter: @CNN") is None
    assert classify_line("Trump tweeted: @nytimes") is None
    assert classify_line("Email: jdoe@paper.com; Twitter: @jdoe") == "contact line"
    article = clean("Trump lashes out at network\n\nThe president was angry.\n\n"
                    "He responded on Twitter: @CNN\n\nThe network did not reply.")  # fmt: skip
    assert "He responded on Twitter: @CNN" in article.text


def test_a_lone_label_the_lead_never_speaks_of_is_no_title():
    body = (
        "Today is the day you really can't trust anything you read online, as companies get "
        "in on the game of April Fools' Day."
    )
    assert clean(f"Virgin Australia\n\n{body}").title is None
    assert clean(f"Your Health\n\n{body}").title is None
    # a short headline the lead tells of, or one with a sentence's form, stays
    lead = "Alexis Murphy, 17, has been missing since the evening of Aug. 3."
    assert clean(f"Alexis Murphy Missing\n\n{lead}").title == "Alexis Murphy Missing"
    minot = "The river peaked two feet lower than expected on Monday."
    assert clean(f"Floods hit Minot\n\n{minot}").title == "Floods hit Minot"
    # the lead may name it in a possessive or a compound
    won = "President Barack Obama's victory on Tuesday surprised few."
    assert clean(f"Obama Wins\n\n{won}").title == "Obama Wins"
    fire = "A Trump-branded building in Manhattan caught fire on Saturday."
    assert clean(f"Trump Tower\n\n{fire}").title == "Trump Tower"


def test_a_header_fragment_ending_on_a_separator_is_no_title():
    # a Multi-News story was titled "PHILADELPHIA |": the page header's place before the
    # agency's dateline ("PHILADELPHIA (Reuters) - Eight people ...")
    lead = "PHILADELPHIA (Reuters) - Eight people were injured on Monday in a gas explosion."
    assert clean(f"PHILADELPHIA |\n\n{lead}").title is None
    assert clean(f"World News »\n\n{lead}").title is None
    assert clean(f"Gas blast injures eight in Philadelphia\n\n{lead}").title is not None
