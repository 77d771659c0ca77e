"""Page matter a reader found in the brief of a scraped Multi-News pile: captions that
point at "this" photo, an outlet's note on its own article, a related link closed by
"Read more", a caption closed by a "Photo by" credit. Fixtures are written for these
tests (no dev text)."""

from helpers import clean
from storyline.clean.boilerplate import classify_line
from storyline.clean.junk import is_junk_sentence

LEAD = "The river peaked two feet lower than expected on Monday, the county said."


def test_a_caption_pointing_at_this_photo_is_no_sentence_of_the_news():
    # a reader saw both as story titles (and one as a timeline row)
    for sentence in (
        "County Judge Jane Roe is shown in this this June 27, 2011 file photo.",
        "Ann Lee, in this photograph provided by the City Hall April 22, 2015, is seen during "
        "a sporting event in Caudry on April 11, 2015.",
        "In this 2012 photo, a man walks past the plant.",
        "The singer poses in this undated handout photo.",
        "Smith is seen in this image released by the police on Tuesday.",
    ):
        assert is_junk_sentence(sentence), sentence
    for sentence in (
        "Police released this photo of the suspect on Monday.",
        "In this image-conscious age, the senator said, looks matter.",
        "Nothing is wrong in this picture, she said.",
        "The company said in this year's report that sales of photos were up.",
        "A photo taken on June 27, 2011 shows the judge.",
    ):
        assert not is_junk_sentence(sentence), sentence


def test_an_outlets_note_on_its_own_article_is_cut():
    # a reader saw "This story is updated at the bottom with a response from ..." as a story
    # title and "This article was amended on 9 June 2016." as a timeline row
    for line in (
        "This story is updated at the bottom with a response from Jane Roe",
        "This article was amended on 9 June 2016. Two quotes attributed to Ann Lee were "
        "actually made by the plaintiff's other lawyer, Jo Ray.",
        "This story has been updated.",
        "Editor's note: This post has been updated to include a statement from the company.",
        "An earlier version of this article misstated the mayor's age.",
    ):
        assert classify_line(line) == "editor's note", line
    for line in (
        "The app was updated on Tuesday, the company said.",
        "This story is about a river that was amended by engineers.",
        "His story was updated for the film, the director said.",
    ):
        assert classify_line(line) != "editor's note", line
    article = clean(f"This story is updated at the bottom with a response from Jane Roe\n\n{LEAD}")
    assert article.text == LEAD
    assert article.title != "This story is updated at the bottom with a response from Jane Roe"


def test_news_of_a_report_that_cites_its_source_is_no_editors_note():
    # the outlet's note speaks for itself; a line that cites someone reports on some
    # other report (a review found "This report was revised ..., Smith said." cut)
    for line in (
        "This report was revised in 2019 after the commission found errors, Smith said.",
        "This article was edited by the company's lawyers before it ran, according to the suit.",
        "An earlier version of this report by the inspector general was never released, "
        "officials said.",
    ):
        assert classify_line(line) is None, line
    article = clean(f"{LEAD}\n\nThis report was changed after lawmakers objected, Roe said.")
    assert article.text.endswith("This report was changed after lawmakers objected, Roe said.")


def test_a_related_link_closed_by_read_more_is_cut():
    for line in (
        "Brock Roe's statement blames assault on 'party culture' Read more",
        "What are the true risks of taking cannabis? Read more",
    ):
        assert classify_line(line) == "related link", line
    # prose ends on its own stop; a sentence may speak of reading more
    for line in (
        "She told students to read more.",
        "Parents who read more to their children see results, the study found.",
    ):
        assert classify_line(line) is None, line
    article = clean(f"{LEAD}\n\nWhat are the true risks of taking cannabis? Read more")
    assert article.text == LEAD


def test_a_caption_closed_by_a_photo_by_credit_is_cut():
    # a reader saw "House Minority Leader ... speaks during a news conference at the U.S.
    # Capitol last week." in a summary
    line = (
        "House Minority Leader Jane Roe speaks during a news conference at the U.S. Capitol "
        "last week. (Photo by Win Doe/Getty Images)"
    )
    assert classify_line(line) == "photo caption"
    article = clean(f"{line}\n\n{LEAD}")
    assert article.text == LEAD


def test_a_media_slots_label_on_its_own_line_is_cut():
    # "Photo⏎⏎O.K., about the Obama plan: It calls for ..." gave a speaker "Photo O.K."
    for line in ("Photo", "Video", "Image 3 of 12", "Gallery"):
        assert classify_line(line) is not None, line
    assert classify_line("Photos of the crash were shared widely.") is None
    article = clean(f"Photo\n\nO.K., about the plan: it calls for new spending.\n\n{LEAD}")
    assert article.text.startswith("O.K., about the plan")


def test_a_crawls_data_sheet_is_no_news_at_any_length():
    from storyline.clean.junk import junk_reason

    sheet = (
        "Wide crawl with initial seedlist and crawler configuration from March 2011.\n\n"
        "Crawl start date: 09 March, 2011\n\nCrawl end date: 23 December, 2011\n\n"
        + "We crawled many hosts and respected robots directives on each of them. "
        * 25
    )
    assert 250 < len(sheet.split()) < 800
    assert junk_reason(sheet, len(sheet.split())) is not None
    news = (
        "The Internet Archive said its seedlist was drawn from public sites, a spokesman "
        "said on Monday. " + "The archive holds billions of pages saved over two decades. " * 30
    )
    assert junk_reason(news, len(news.split())) is None


def test_a_caption_widgets_toggle_line_is_cut():
    # the story page showed "Enlarge this image toggle caption U.S. Force Korea via AP U.S.
    # Force Korea via AP" as the first paragraph of a source
    for line in (
        "Enlarge this image toggle caption U.S. Force Korea via AP U.S. Force Korea via AP",
        "toggle caption Pew Research Center/NPR",
    ):
        assert classify_line(line) is not None, line
    assert classify_line("He pressed the toggle caption button twice, he said.") is None


def test_a_prompt_to_click_below_is_no_sentence_of_the_news():
    # a petition page's "Click below to sign the Petition." was a summary sentence
    assert is_junk_sentence("Click below to sign the Petition.")
    assert is_junk_sentence("Click the link to read the full report.")
    assert not is_junk_sentence("Clicks below the target cost the firm millions, it said.")


def test_a_caption_closed_by_a_bracketed_name_and_outlet_is_cut():
    line = (
        "County Judge Jane Roe is shown in this June 27, 2011 file photo. (Jason Doe/The "
        "Recorder via Associated Press)"
    )
    assert classify_line(line) == "photo caption"
    for prose in (
        "The vote was 5-4 (and/or a tie).",
        "He split the bill 50/50 with her. (Both agreed.)",
        "Sales rose in the first half (January/June), the company said.",
    ):
        assert classify_line(prose) is None, prose


def test_a_byline_with_its_published_stamp_is_cut():
    # the timeline dated "By Staff Sgt. ... / Published March 24, 2017" as an event
    line = "By Staff Sgt. Jane W. Doe, 7th Air Force Public Affairs / Published March 24, 2017"
    assert classify_line(line) == "dateline"
    assert (
        classify_line("By Friday, the troops had left the base / the town, officials said.") is None
    )
