from storyline.brief.text import count_words
from storyline.clean.junk import is_junk_sentence, junk_reason


def test_junk_reason():
    assert junk_reason("", 0) == "empty"
    assert junk_reason("Tweet with a location. You can add location information.", 9)
    article = "The Senate passed the bill on Tuesday after a long debate. " * 40
    assert junk_reason(article, count_words(article)) is None
    # a long article may mention the archive once without being a notice
    long = article + "An Internet Archive copy of the page was cited."
    assert junk_reason(long, count_words(long)) is None


def test_junk_sentences():
    assert is_junk_sentence("Photo: Getty Images")
    assert is_junk_sentence("Click here to subscribe to our newsletter.")
    assert not is_junk_sentence("The Senate passed the bill on Tuesday.")


def test_a_long_consent_wall_is_junk_but_a_story_about_cookies_is_not():
    wall = (
        "We and our partners store and/or access information on a device, such as cookies, "
        "and process personal data. We use cookies and similar technologies to show "
        "personalised ads and content. You can manage preferences at any time. "
        "See our privacy policy and terms of use for details on our use of cookies. "
    ) * 6  # over 300 words: flagged by density, not by shortness
    assert junk_reason(wall, count_words(wall))
    bakery = (
        "The bakery on Main Street sold 4,000 cookies on Saturday, a record for the shop. "
        "Owner Mia Chen said the chocolate cookies ran out by noon and the line reached "
        "the corner. The town council will honour the bakery at its meeting next week. "
    ) * 6
    assert junk_reason(bakery, count_words(bakery)) is None


def test_a_short_article_naming_one_boilerplate_phrase_is_not_junk():
    article = (
        "Facebook changed its privacy policy on Tuesday after regulators in three countries "
        "asked how it shares data with advertisers. The company said users would be asked to "
        "agree to the new rules when they next log in, and that nothing changes for messages. "
        "Critics said the change went too far and that it would let the firm combine data "
        "from all of its apps in one place."
    )
    assert junk_reason(article, count_words(article)) is None
    notice = "The seed for Wide00014 was: slash pages from every domain on the web."
    assert junk_reason(notice, count_words(notice))


def test_short_news_about_privacy_cookies_or_the_internet_archive_is_not_junk():
    briefs = [
        "Meta was fined 390 million euros on Wednesday after Irish regulators ruled that its "
        "privacy policy forced users to accept personalised advertising.",
        "A federal judge ruled against the Internet Archive in a copyright suit brought by four "
        "publishers; the Wayback Machine is not affected, the library said.",
        "The EU court ruled that websites which use cookies need active consent.",
    ]
    for text in briefs:
        assert junk_reason(text, count_words(text)) is None, text
    widget = "Tweet with a location. You can add location information to your Tweets."
    assert junk_reason(widget, count_words(widget))


def test_a_group_is_not_news_only_when_every_text_is_not():
    from storyline.clean.junk import not_news_reason

    crawl = "This is a web archive crawl. The seed for wide00014 was a list of sites."
    news = "Fresh fighting across Syria killed 56 people on Monday, activists said."
    assert not_news_reason([crawl, ""]) == "boilerplate (the seed for wide00014 was)"
    assert not_news_reason([crawl, news]) is None
    assert not_news_reason([]) is None


def test_an_archive_collection_s_description_is_no_news():
    # a reader saw one as a story: "Crawl of outlinks from wikipedia.org started March,
    # 2016." with a timeline row and a fact ("865 collections")
    notice = (
        "Crawl of outlinks from example.org started March, 2016. These files are currently "
        "not publicly accessible. Properties of this collection. It has been several years "
        "since the last time we did this. The seed list was built from all 865 collections."
    )
    assert junk_reason(notice, count_words(notice))


def test_a_blog_hosts_placeholder_page_is_no_news():
    # a Multi-News source was a host's "You're Almost There..." page, shown as a story
    page = (
        "You're Almost There...\n\nYour custom domain mapping may take as little as 15-30 "
        "minutes to resolve, but in some cases mapping a new custom domain can take up to 24 "
        "hours. If you need additional information about domain mapping, please visit our "
        "help center."
    )
    assert junk_reason(page, len(page.split())) == "boilerplate (domain mapping)"


def test_a_photo_captions_dated_line_is_no_sentence_of_the_summary():
    # a reader saw "Warren Beatty exits the stage after announcing the award for best
    # picture at the Oscars on Sunday, Feb. 26, 2017, at the Dolby Theatre in Los Angeles."
    # as a summary sentence: an agency caption, weekday and full date with its year
    assert is_junk_sentence(
        "Jane Doe exits the stage after the award at the gala on Sunday, Feb. 26, 2017, in "
        "Los Angeles."
    )
    assert is_junk_sentence("Crowds gather in the square on Tuesday, March 3, 2015.")
    for prose in (
        "The award was handed to the wrong film on Sunday night in Los Angeles.",
        "The law took effect on Feb. 26, 2017, after a long fight.",
        "On Sunday, the academy said it would review how envelopes are handled.",
    ):
        assert not is_junk_sentence(prose), prose


def test_reporting_on_copyrights_subscribers_and_cookies_is_no_page_matter():
    # the page's own notices are junk; the same words in reporting are not (a timeline
    # and a summary keep these sentences)
    for notice in (
        "Copyright 2016 by WDIV ClickOnDetroit - All rights reserved.",
        "Image copyright Getty Images Image caption The band broke up in 1980.",
        "Copyright (c) 2012 by Jane Doe.",
        "You can unsubscribe at any time.",
        "Thanks for subscribing!",
        "This site uses cookies to improve your experience.",
    ):
        assert is_junk_sentence(notice), notice
    for prose in (
        "Sprint had more than 52 million subscribers at the end of the second quarter.",
        "Paramount asserted a copyright over the language on Monday.",
        "The Copyright Office has not addressed the issue.",
        "The sets included a sandwich or a cookie, the company said.",
    ):
        assert not is_junk_sentence(prose), prose


def test_agency_captions_without_a_weekday_are_no_sentences_of_the_brief():
    # a Multi-News pile's timeline and summary carried "JUNE 18: Former Congresswoman ...
    # throws out the first pitch ..." (Getty's caption, its place cut as a dateline), "A
    # woman kneels ... in Newtown, Connecticut December 14, 2014." and "... in this evidence
    # photo released by the Connecticut State Police, December 27, 2013."
    for caption in (
        "JUNE 18: A former congresswoman throws out the first pitch at the softball game.",
        "WASHINGTON, DC - JUNE 18: A senator throws out the first pitch on Capitol Hill.",
        "A woman kneels with her children outside a church in Newtown, Connecticut December "
        "14, 2014.",
        "Members of the media work outside the courthouse in Paris, April 22, 2015.",
        "The car is pictured at the school in this evidence photo released by the state "
        "police, December 27, 2013.",
        "In this image released by a film channel, an actor appears in character.",
    ):
        assert is_junk_sentence(caption), caption
    for prose in (
        "He was arrested in Paris on April 22, 2015.",
        "The film is due in theaters June 30, 2010.",
        "June 18: the day the vote was held, officials said.",
        "The police released a file photo of the suspect on Monday.",
        "The deal was signed in London in March 2015.",
    ):
        assert not is_junk_sentence(prose), prose


def test_past_reporting_that_closes_on_a_place_and_a_date_is_no_caption():
    # a caption tells its picture in the present; reporting in the past may write a date
    # without "on" after the place (a review found these cut as captions)
    for prose in (
        "The accords were signed at Camp David September 17, 1978.",
        "He was born in Chicago, Ill., March 3, 1950.",
        "She died at her home in Manhattan, March 3, 2015.",
    ):
        assert not is_junk_sentence(prose), prose
    # a past tense in a relative clause describes someone in the picture
    assert is_junk_sentence(
        "People pray at a memorial to the two who were shot at the school in San "
        "Bernardino, Calif., April 11, 2017."
    )
