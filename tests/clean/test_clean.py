from helpers import clean
from storyline.clean.boilerplate import classify_line, find_boilerplate
from storyline.clean.metadata import outlet_from_host


def test_sample_ft_repost(sample_dir):
    raw = (sample_dir / "ft-repost-warships.txt").read_text(encoding="utf-8")
    article = clean(raw)
    removed = {r.text: r.reason for r in article.removed}
    for r in article.removed:
        assert raw[r.start : r.end] == r.text
    assert any(t.startswith("High quality global journalism") for t in removed)
    assert removed["Leave a Reply"] == "comment form"
    assert removed["Connecting to %s"] == "comment form"
    assert any("You are commenting using your" in t for t in removed)
    for junk in (
        "High quality global",
        "Leave a Reply",
        "commenting using",
        "Connecting to %s",
        "By liverealnews",
        "Google+ photo",
    ):
        assert junk not in article.text
    assert article.text.startswith("Russia has announced")
    assert article.text.endswith("carrying a cargo of arms for Syria.")
    assert article.outlet == "Financial Times" and article.publisher == "liverealnews"
    assert article.lang == "en"


def test_sample_naharnet_footer(sample_dir):
    raw = (sample_dir / "naharnet-icrc-truce.txt").read_text(encoding="utf-8")
    article = clean(raw)
    assert [r.reason for r in article.removed] == ["copyright footer"]
    assert "Copyright" not in article.text
    assert article.outlet == "Naharnet"
    assert article.url == "https://naharnet.com/stories/en/33935"
    assert article.year == 2012


def test_article_sentences_mentioning_boilerplate_words_stay():
    for line in (
        "Copyright lawsuits against the studio rose sharply last year, the court said.",
        "By Monday, the troops had left the city of Homs, officials said on Tuesday.",
        "Share prices fell 5% on the news.",
        "Comments by the minister drew criticism from the opposition parties.",
        "He said he would leave a comment for the committee to review.",
    ):
        assert classify_line(line) is None, line


def test_widgets_and_notices_are_classified():
    cases = {
        "Share this article": "share prompt",
        "Facebook Twitter Email": "share prompt",
        "We use cookies to improve your experience. Accept cookies": "cookie notice",
        "Subscribe to read the full story": "paywall notice",
        "© 2024 Example Media Ltd. All rights reserved.": "copyright footer",
        "https://example.com/news/1": "trailing url",
        "Posted by Jane Doe": "byline",
        "3 Comments": "comment form",
    }
    for line, reason in cases.items():
        assert classify_line(line) == reason, line


def test_removed_offsets_point_into_raw_text_and_text_has_no_gaps():
    raw = "Share this article\n\nThe minister resigned on Monday.\n\n  Posted by Jane Doe  \nhttps://x.example/a\n"
    spans = find_boilerplate(raw)
    assert [raw[s.start : s.end] for s in spans] == [
        "Share this article",
        "Posted by Jane Doe",
        "https://x.example/a",
    ]
    article = clean(raw)
    assert article.text == "The minister resigned on Monday."
    assert article.url == "https://x.example/a" and article.outlet == "X"
    assert article.publisher is None  # a person's byline is an author, not a publisher


def test_ids_are_stable_and_depend_on_content_and_copy():
    text = "The minister resigned on Monday after a week of protests in the capital."
    assert clean(text).id == clean(text).id
    assert clean(text).id != clean(text + " More.").id
    assert clean(text).id != clean(text + "\nBy someblog").id  # a repost is its own article
    assert clean(text, title="A").id != clean(text, title="B").id


def test_outlet_from_host():
    assert outlet_from_host("www.naharnet.com") == "Naharnet"
    assert outlet_from_host("news.bbc.co.uk") == "BBC"


def test_review_false_positives_stay_in_the_text():
    for line in (
        'Commenting on the plan, opposition leader Jane Smith said it was "a fantasy".',
        "(c) share records with foreign agencies without review.",
        "By the numbers",
        "He paused, then chose to continue reading the statement as guards removed them.",
        'Regulators fined five news sites on Monday for banners that say "we use cookies" '
        "but give readers no way to refuse them.",
    ):
        assert classify_line(line) is None, line
    raw = "Commenting on the plan, X said it was bad.\nShort line two.\n"
    assert find_boilerplate(raw) == []
    raw = "Para one here is prose.\nSee www.redcross.org/donate\nMore prose follows here.\n"
    assert find_boilerplate(raw) == []  # a URL inside the article is not a trailing URL


def test_common_page_furniture_is_removed():
    for line, reason in {
        "Sign up for our newsletter": "share prompt",
        "Advertisement - Continue Reading Below": "share prompt",
        "Story continues below advertisement": "share prompt",
        "Image copyright Getty Images": "copyright footer",
        "This article was originally published on The Conversation.": "share prompt",
        "(Reporting by John Smith; Editing by Jane Doe)": "wire credit",
        "Copy link": "share prompt",
        "Photo: Reuters": "share prompt",
        # seen on the Multi-News dev pile, where they became story titles and summaries
        "Are you there? Send us your images or video.": "share prompt",
        "Join us on Facebook Like us and you'll find top breaking news in your Facebook "
        "newsfeed.": "share prompt",
        "Sign up for the Curbed NY newsletter Sign up for our daily email newsletter and get "
        "top stories and breaking news delivered to your inbox.": "share prompt",
        "Story highlights DeAngelo Lamar Davis, 31, charged in connection with the death": (
            "share prompt"
        ),
        "WARNING: The video contains subject matter of a graphic nature that some may find "
        "offensive": "content warning",
        "Published: January 2011 Special Series: 7 Billion": "dateline",
        "Photograph by Randy Olson": "share prompt",
        "FILE - In this May 24, 2016, file photo, Rep. John Conyers, D-Mich., speaks on "
        "Capitol Hill in Washington during a hearing. Police say they're... (Associated "
        "Press)": "photo caption",
    }.items():
        assert classify_line(line) == reason, line


def test_page_clutter_is_no_title_and_the_first_real_line_is():
    # first lines a Multi-News pile used as titles
    clutter = [
        "Please enable Javascript to watch this video",
        "English &gt;&gt; World",
        "Click to email this to a friend (Opens in new window)",
        "Add a location to your Tweets",
        "Published on Apr 1, 2017",
        "Associated Press Tue Feb 19, 2013 7:44 PM",
        "Follow CBSMIAMI.COM: Facebook | Twitter",
        "(Washington Post Staff Photo/Andrea Bruce)",
        "/ Updated By Sarah Fitzpatrick",
    ]
    for line in clutter:
        article = clean(
            f"{line}\n\nFloods hit Minot\n\nThe river peaked two feet lower than expected."
        )
        assert article.title == "Floods hit Minot", line
        assert line not in article.text
        assert article.text.startswith("Floods hit Minot")
    given = clean(
        "The river peaked on Monday.", title="Please enable Javascript to watch this video"
    )
    assert given.title is None  # no headline line: the story takes its first sentence
    player = clean("Skip in Skip x Embed x Share The discovery of two children was a tragedy.")
    assert player.text == "The discovery of two children was a tragedy."


def test_an_embedded_video_player_line_is_cut_and_an_article_line_naming_one_stays():
    raw = (
        "Comey is the kind of adversary the White House fears.\n\n"
        "JUST WATCHED Cummings: Trump has stepped over the line Replay More Videos ... "
        "MUST WATCH Cummings: Trump has stepped over the line 00:47\n\n"
        "Viewers who just watched the hearing said they would replay more videos of it."
    )
    article = clean(raw)
    assert [r.reason for r in article.removed] == ["video player"]
    assert "Cummings" not in article.text
    assert article.text.endswith("they would replay more videos of it.")
    assert classify_line("MUST WATCH Comey: We follow where the evidence takes us 02:04")


def test_page_furniture_lines_are_no_headline_and_zero_width_spaces_go():
    for line in ("share tweet pin email", "Local News More>>", "April 10th, 2016"):
        article = clean(f"{line}\n\nFloods hit Minot\n\nThe river peaked on Monday.")
        assert article.title == "Floods hit Minot", line
        assert line not in article.text
    article = clean("The river peaked on Monday.", title="\u200bCNN is being sued")
    assert article.title == "CNN is being sued"
    assert clean("\u200bCNN\u200b is being sued.").text == "CNN is being sued."
    # an article's sentence that names a day and more stays
    kept = clean("On April 10th, 2016 the river peaked and more >> was written.")
    assert kept.removed == []


def test_html_entities_are_decoded_in_the_stored_text_and_title():
    raw = "North Korea&#39;s leader was named &quot;Sexiest Man&quot; by The Onion &amp; AT&T."
    article = clean(raw, title="Prodigy Mourned by Nas, Just Blaze &amp; More")
    assert article.title == "Prodigy Mourned by Nas, Just Blaze & More"
    assert article.text == 'North Korea\'s leader was named "Sexiest Man" by The Onion & AT&T.'
    assert article.raw_text == raw  # removed spans still point into the raw text
    # a Windows-1252 dash read as Latin-1 ("\x97") is the dash it was
    assert (
        clean("\x97 The missions were completed at night.").text
        == "— The missions were completed at night."
    )


def test_a_byline_names_no_outlet_and_a_copyright_holder_loses_its_by():
    shot = clean(
        "A police officer died on Monday after he was shot.\n\n"
        "Copyright 2016 by WDIV ClickOnDetroit - All rights reserved."
    )
    assert (shot.outlet, shot.publisher) == ("WDIV ClickOnDetroit", None)
    for byline in ("By Kase Wickman", "By Emmanuel K. Dogbevi", "Posted by Jane van Doe"):
        article = clean(f"{byline}\n\nThe Black Caucus will oppose the debt deal, members said.")
        assert (article.outlet, article.publisher) == (None, None), byline
        assert byline not in article.text
    assert (
        clean("The minister resigned.\n\nPosted by syria-watch-blog").publisher
        == "syria-watch-blog"
    )


def test_a_byline_with_its_desk_a_player_button_and_a_contact_line_are_no_title():
    # first lines a reader saw as story titles: "By Jennifer Froetschel, DS Public
    # Affairs", "Play Facebook", "(bwhite@politico.com; @morningmoneyben)"
    clutter = {
        "By Jane Doe, Public Affairs Office": "byline",
        "By Jane Doe, Associated Press": "byline",
        "Play Facebook": "share prompt",
        "(jdoe@example.com; @jdoe)": "contact line",
        "Embed Floods hit Minot 2:14 autoplay autoplay Copy this code to your website or blog": (
            "video player"
        ),
        "CLOSE Bone-chilling cold gripped the town on Monday. (Jan. 2) AP": "video player",
        "RELATED Floods hit Fargo as the river rises": "share prompt",
        (
            "The mayor walks to the levee Wednesday. | Jane Roe/POLITICO Floods hit Fargo "
            "The river rose again."
        ): "photo caption",
    }
    for line, reason in clutter.items():
        assert classify_line(line) == reason, line
        article = clean(
            f"{line}\n\nFloods hit Minot\n\nThe river peaked two feet lower than expected."
        )
        assert article.title == "Floods hit Minot", line
        assert line not in article.text
    for line in (
        "By Monday, the troops had left the city.",
        "By Tuesday, Trump Had Fired Comey",
        "Play ball, the umpire said.",
        "Write to jdoe@example.com for the full report.",
        "CLOSE to 100 people were hurt, the AP said.",
        "MORE THAN 100 PEOPLE DIED IN THE BLAST",
        "MORE than 100 people died.",
    ):
        assert classify_line(line) is None, line


def test_a_byline_with_its_desk_names_the_desk_as_publisher_not_the_writer():
    # a reader saw "Jennifer Froetschel, DS Public Affairs states: ..." in Claims
    article = clean("By Jane Doe, DS Public Affairs\n\nFloods hit Minot\n\nThe river rose.")
    assert article.publisher == "DS Public Affairs"
    assert article.title == "Floods hit Minot"


def test_an_update_stamp_and_a_slashed_byline_with_a_stray_period_are_no_title():
    # a reader saw "/ Updated By Ken Dilanian, Peter Alexander. and Courtney Kube" and
    # "Updated 6.15pm" as story titles
    for line in (
        "/ Updated By Jane Doe, John Roe. and Ann Poe",
        "Updated 6.15pm",
        "Posted at 10:42 a.m. ET",
    ):
        assert classify_line(line) == "dateline", line
        article = clean(f"{line}\n\nFloods hit Minot\n\nThe river peaked two feet lower.")
        assert article.title == "Floods hit Minot", line
    for line in ("Updated 6 people died.", "Posted 3 mins", "Updated figures came in."):
        assert classify_line(line) is None, line


def test_a_photo_copyright_names_no_outlet():
    # BBC pages: "Image copyright MRSA Image caption ..." gave 'MRSA Image caption' as
    # the outlet of every claim from the article
    article = clean(
        "A satellite found 300 objects in the ocean.\n\n"
        "Image copyright MRSA Image caption The objects were spotted a day later\n\n"
        "Searches were suspended on Thursday."
    )
    assert article.outlet is None
    assert article.year is None
    footer = clean("The search goes on.\n\nCopyright 2014 Example News. All rights reserved.")
    assert (footer.outlet, footer.year) == ("Example News", 2014)


def test_a_story_continued_below_widget_is_cut():
    for line in ("Story Continued Below", "Story continues below"):
        assert classify_line(line) == "share prompt", line
    assert classify_line("The story continued below the fold.") is None


def test_a_flattened_photo_gallery_is_cut():
    # a reader saw "MH370 A" (from "The search for MH370 A towed pinger locator ...") as an
    # entity's name and gallery captions as claims: CNN's gallery was one line of the text
    gallery = (
        "Photos: The search for MH370 Photos: The search for MH370 A relative burns incense "
        "in Beijing on March 8, 2016. Hide Caption 1 of 43 Photos: The search for MH370 "
        "Police carry a piece of debris. Hide Caption 2 of 43"
    )
    assert classify_line(gallery) == "photo caption"
    article = clean(f"The search resumed on Monday.\n\n{gallery}\n\nThe ship left port.")
    assert "Hide Caption" not in article.text and "The ship left port." in article.text
    assert classify_line("Officials said they would hide caption details of 3 of 4 photos.") is None
