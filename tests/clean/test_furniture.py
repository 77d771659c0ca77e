"""Page furniture a reader found as story titles and quote speakers on a scraped pile:
bot checks, e-mail-a-friend forms, related-story links, social links, contact lines, a
video creator's self-promotion, a review's credit box and web-archive crawl notices.
Fixtures are written for these tests (no dev text)."""

from helpers import clean
from storyline.brief.text import count_words
from storyline.clean.boilerplate import classify_line
from storyline.clean.junk import junk_reason

BODY = "Floods hit Minot\n\nThe river peaked two feet lower than expected on Monday."


def assert_no_title(line: str) -> None:
    article = clean(f"{line}\n\n{BODY}")
    assert article.title == "Floods hit Minot", line
    assert line not in article.text, line
    assert article.text.endswith("lower than expected on Monday."), line


def test_a_bot_check_prompt_is_no_title_and_the_article_after_it_stays():
    for line in (
        "You must enter the characters with black color that stand out from the other characters",
        "Please type the characters you see in the image below",
        "Enter the code shown above to continue",
        "Please verify you are a human",
        "I'm not a robot",
    ):
        assert classify_line(line) == "bot check", line
        assert_no_title(line)
    for line in (
        "Enter the characters' world through the museum's new wing.",
        "Voters will enter the code of conduct debate on Tuesday, the mayor said.",
        "Robots are not human, the professor told the class on Monday.",
        "Users must enter the code shown on their screen to log in, the bank said.",
    ):
        assert classify_line(line) is None, line


def test_an_email_a_friend_form_is_cut():
    line = "Message: * A friend wanted you to see this item from NEWS.example: http://ex.am/1x"
    assert classify_line(line) == "share prompt"
    assert_no_title(line)


def test_related_story_links_in_title_case_are_cut_and_news_starting_with_more_stays():
    lines = (
        "More: Floods close three roads in Fargo",
        "More: Which Fargo roads are still closed?",
        "Related: Fargo mayor asks for state help",
        "Read more: How the levee was built",
        "See also: The 1997 flood in pictures",
    )
    for line in lines:
        assert classify_line(line) == "share prompt", line
        assert_no_title(line)
    article = clean(BODY + "\n\n" + "\n".join(lines) + "\n\nThe levee held overnight.")
    assert "More:" not in article.text and "Related:" not in article.text
    assert article.text.endswith("The levee held overnight.")
    for line in (
        "More Americans are buying flood insurance than ever, the survey found.",
        "More: that is what the mayor asked for.",
        "Related charges were filed on Tuesday.",
    ):
        assert classify_line(line) is None, line


def test_a_most_popular_widget_heading_is_no_title():
    for line in (
        "Most Popular Stories Most Popular Stories More>>",
        "Most Popular",
        "Most Viewed Stories",
    ):
        assert classify_line(line) is not None, line
        assert_no_title(line)
    assert classify_line("Most popular stories this year were about the flood.") is None


def test_social_and_video_links_with_a_label_are_cut_but_a_url_in_the_article_stays():
    for line in (
        "Follow Jane: http://twitter.com/janedoe",
        "LIKE us on: http://www.facebook.com/examplenews",
        "Example Tumblr: http://example.tumblr.com/",
        "Watch My Last Video! \u279c https://www.youtube.com/watch?v=abc",
        "BECOME MY FRIEND\u279c http://bit.ly/1abc",
        "\u2744 T W I T T E R\u279c https://twitter.com/janedoe",
        "See more http://www.example.com",
    ):
        assert classify_line(line) == "link line", line
        assert_no_title(line)
    for line in (
        "Jane Doe can be reached at http://www.twitter.com/janedoe.",
        "Like us at facebook.com/examplenews",
    ):
        assert classify_line(line) == "link line", line
    # a one-sentence paragraph that names a network's site is prose
    for line in (
        "The company announced the change in a post on Facebook.com.",
        "The clip has been viewed more than 2 million times on YouTube.com",
    ):
        assert classify_line(line) is None, line
    raw = "Para one here is prose.\nSee www.redcross.org/donate\nMore prose follows here.\n"
    assert "redcross" in clean(raw).text


def test_a_contact_line_with_labels_is_cut_and_a_sentence_with_an_address_stays():
    for line in (
        "Email: jdoe@example.com; Twitter: @jdoe.",
        "Business Inquiries Only: Manager- info@example.com",
        "Contact: press@example.org",
    ):
        assert classify_line(line) == "contact line", line
        assert_no_title(line)
    assert classify_line("Write to jdoe@example.com for the full report.") is None
    assert classify_line("@jdoe.") is None  # a tweet's signature line is not cut here
    assert classify_line("Email: The mayor's office did not answer.") is None


def test_a_video_creators_self_promotion_is_no_title():
    line = '"How To Fix A Bike Chain!" GET THIS VIDEO TO 50,000 likes! MY INSTAGRAM IS JDOE1! FOLLOW ME! :)'
    assert classify_line(line) == "self-promotion"
    assert_no_title(line)
    assert classify_line('"Follow me!" the guide shouted as the water rose.') is None
    assert classify_line('"Our Facebook is full of flood photos," the mayor said.') is None
    # a report quoting a creator's plea keeps it
    line = '"Please subscribe to my channel," the 12-year-old says at the end of each video.'
    assert classify_line(line) is None
    assert classify_line("Please subscribe to my channel!") == "self-promotion"


def test_a_reviews_credit_box_gives_no_speaker_lines():
    for line in (
        "MPAA rating: R for strong bloody violence and some language",
        "Running time: 1 hour, 30 minutes",
        "With: Jane Levy, Shiloh Doe, Lou Taylor Roe, Elizabeth Blackmore.",
    ):
        assert classify_line(line) == "credits", line
    for line in (
        "With: the mayor at his side, the governor toured the levee.",
        "Running time is short for the bill, the senator said.",
    ):
        assert classify_line(line) is None, line


def test_web_archive_crawl_notices_are_junk_and_news_about_seeds_is_not():
    notices = [
        "The seed for this crawl was a list of every host in the Wayback Machine\n\n"
        "This crawl was run at a level 1 (URLs including their embeds, plus the URLs of all "
        "outbound links including their embeds)\n\nThe WARC files associated with this crawl "
        "are not currently available to the general public.",
        "This collection contains collaborative Election crawls performed by IA.",
        "Web wide crawl with initial seedlist and crawler configuration from March 2011.\n\n"
        "Crawl start date: 09 March, 2011\n\nNumber of captures: 2,000,000\n\n"
        "The seed list for this crawl was a list of popular hosts.",
    ]
    for text in notices:
        assert junk_reason(text, count_words(text)), text
    news = [
        "The seed for the tournament was decided on Sunday, when Duke lost to Virginia.",
        "The pub crawl raised $5,000 for the food bank; the crawl was run by students.",
        "Traffic slowed to a crawl on Interstate 94 after the storm, police said.",
    ]
    for text in news:
        assert junk_reason(text, count_words(text)) is None, text


def test_a_video_players_caption_ending_on_its_makers_name_is_no_title():
    for line in (
        "CLOSE Four dispensaries in Fargo begin sales on Monday. Jane Doe",
        "CLOSE Four dispensaries in Fargo begin sales on Monday. Jane Doe/Fargo Forum",
    ):
        assert classify_line(line) == "video player", line
        assert_no_title(line)
    assert classify_line("CLOSE to 100 people were hurt, Jane Doe said.") is None


def test_a_bare_url_line_is_still_the_pages_trailing_url_not_a_link_line():
    article = clean(BODY + "\n\nhttp://www.youtube.com/examplechannel")
    assert [r.reason for r in article.removed] == ["trailing url"]


def test_an_index_of_teasers_is_junk_and_an_article_with_a_trailing_ellipsis_is_not():
    teasers = "\n\n".join(
        f"Story {n} about the flood found that the river rose faster than new ..." for n in range(8)
    )
    assert junk_reason(teasers, count_words(teasers))
    article = "\n\n".join(
        ["The river rose on Monday and the mayor spoke.", '"We will rebuild ..." she said.']
        + [f"Paragraph {n} of the report says the levee held." for n in range(6)]
    )
    assert junk_reason(article, count_words(article)) is None


def test_a_run_printed_three_times_or_more_is_the_texts_own():
    # a refrain, or a generated pile's 2 MB one-line file: no widget prints itself thrice
    line = 'He said "the ferry will run." Then the council voted. '
    raw = "Ferry news\n\n" + line * 3 + "\n\nThe river rose."
    article = clean(raw)
    assert article.text.count("the ferry will run") == 3
    assert article.removed == [] or all(r.reason != "repeated text" for r in article.removed)


def test_a_run_printed_twice_back_to_back_keeps_one_copy():
    raw = (
        "Flood news\n\n"
        "Charges: Two men used student loans to buy flights Charges: Two men used student "
        "loans to buy flights The two men face new federal charges. The two men face new federal charges. "
        "Police said.\n\nThe river rose."
    )
    article = clean(raw)
    assert article.text == (
        "Flood news\n\nCharges: Two men used student loans to buy flights The two men face "
        "new federal charges. Police said.\n\nThe river rose."
    )
    assert [r.reason for r in article.removed] == ["repeated text", "repeated text"]
    for span in article.removed:
        assert raw[span.start : span.end] == span.text
    # short repeats and dividers are prose or harmless: they stay
    for line in ("Lock her up! Lock her up! the crowd chanted.", "- - - - - - - - - - - - - -"):
        assert clean(line).removed == [], line


def test_a_link_labelled_with_its_network_is_cut():
    for line in ("Example YouTube: http://bit.ly/1abc", "Jane on Instagram: https://ex.am/j"):
        assert classify_line(line) == "link line", line
    assert classify_line("YouTube said: the video broke no rules.") is None


def test_a_blog_update_label_is_cut_and_its_paragraph_stays():
    for label in ("Original:", "Update 11:10 a.m.:", "UPDATE:", "Updated 3:45 p.m. ET:"):
        article = clean(f"{BODY}\n\n{label} The levee held overnight, the mayor said.")
        assert article.text.endswith(
            "expected on Monday.\n\nThe levee held overnight, the mayor said."
        )
        assert [r.reason for r in article.removed] == ["update label"], label
    kept = clean("Original plans called for a taller levee.\n\nUpdates will follow.")
    assert kept.removed == []
