"""Photo credits and captions are never titles; notification prompts are boilerplate
(issue 16: "Getty Images / DANIEL LEAL-OLIVAS / Contributor" as a story title, "Get push
notifications with news, features and more." in summaries)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storyline.clean.article import clean_document
from storyline.clean.boilerplate import classify_line
from storyline.clean.junk import is_credit
from storyline.config import Options
from storyline.model import Article, Citation, RawDocument, SummarySentence
from storyline.run.stages import _story_title

CREDITS = (
    "Getty Images / DANIEL LEAL-OLIVAS / Contributor",
    "AP Photo/Evan Vucci",
    "(AFP PHOTO / Joe Klamar)",
    "Chip Somodevilla/Getty Images",
    "REUTERS/Kevin Lamarque",
    "Hayne Palmour IV Share Photo",
)
HEADLINES = (
    "Reuters/Ipsos poll shows the race tightening",
    "Getty Images sues an AI start-up over its photos",
    "Trump lawyer Cohen pleads guilty to eight counts",
    "Share prices fall as the photo industry shrinks",
)
PROSE = (
    "Rescue teams reached the flooded town of Riverton on Monday after the river burst its "
    "banks. Officials said about 2,000 residents had left their homes."
)


@pytest.mark.parametrize("line", CREDITS)
def test_credit_lines_are_cut_with_a_reason_and_are_no_title(line: str) -> None:
    assert classify_line(line) == "photo credit"
    assert is_credit(line)


@pytest.mark.parametrize("line", HEADLINES)
def test_headlines_naming_an_agency_stay(line: str) -> None:
    assert classify_line(line) is None
    assert not is_credit(line)


def test_notification_prompts_are_boilerplate() -> None:
    prompt = "Get push notifications with news, features and more."
    assert classify_line(prompt) == "notification prompt"
    assert classify_line("Turn on breaking news alerts") == "notification prompt"
    assert classify_line("He said the alerts came too late for the town.") is None
    article = clean_document(RawDocument("t", f"{PROSE}\n{prompt}\n", "txt"))
    assert "push notifications" not in article.text
    assert [(r.text, r.reason) for r in article.removed] == [(prompt, "notification prompt")]


def test_a_credit_first_line_is_not_the_guessed_title() -> None:
    text = f"Getty Images / DANIEL LEAL-OLIVAS\nFlood waters rise in Riverton\n{PROSE}"
    article = clean_document(RawDocument("t", text, "txt"))
    assert article.title is None or not is_credit(article.title)


def test_story_title_skips_credits_for_the_next_headline_or_summary_sentence() -> None:
    def member(n: int, title: str | None) -> Article:
        return Article(f"a-{n}", PROSE, PROSE, f"t#{n}", title=title)

    summary = [
        SummarySentence(
            "Getty Images / DANIEL LEAL-OLIVAS / Contributor", (Citation("a-1", 0, 1),)
        ),
        SummarySentence("Rescue teams reached the flooded town.", (Citation("a-1", 0, 1),)),
    ]
    credit = "Getty Images / DANIEL LEAL-OLIVAS / Contributor"
    assert _story_title([member(1, credit), member(2, "Riverton floods")], summary) == (
        "Riverton floods"
    )
    assert _story_title([member(1, credit)], summary) == "Rescue teams reached the flooded town."


def test_story_title_is_the_earliest_headline_else_the_one_the_summary_cites_first() -> None:
    def member(n: int, title: str, date: str | None = None) -> Article:
        return Article(f"a-{n}", PROSE, PROSE, f"t#{n}", title=title, date=date)

    summary = [SummarySentence("Rescue teams reached the town.", (Citation("a-2", 0, 1),))]
    undated = [member(1, "Page furniture"), member(2, "Riverton floods")]
    assert _story_title(undated, summary) == "Riverton floods"  # not the lower id's
    dated = [member(1, "First report", "2024-05-01"), member(2, "Follow-up", "2024-05-02")]
    assert _story_title(dated, summary) == "First report"  # the earliest report leads


def test_a_pile_with_credits_and_prompts_gets_a_real_title_and_summary() -> None:
    import storyline

    raw = (
        "Getty Images / DANIEL LEAL-OLIVAS / Contributor\n\n"
        "Police found the gun he was using.The young man's aunt said he had been kind to "
        "everyone in Riverton.\n"
        "Get push notifications with news, features and more.\n"
        f"{PROSE}\n"
    )
    brief = storyline.brief([("pile/a.txt", raw.encode())], replace(Options(), analysis=False))
    (story,) = brief.stories
    assert not is_credit(story.title) and "push" not in story.title
    for sentence in story.summary:
        assert not is_credit(sentence.text)
        assert "push notifications" not in sentence.text
        assert "using.The" not in sentence.text


CAPTIONS = (
    "The mayor waves to supporters in Riverton on May 2, 2015. Jane Doe/Getty Images",
    "Rescuers search the rubble on Monday. (AP Photo/Evan Vucci)",
    "Fans gather outside the arena. REUTERS/Kevin Lamarque",
)
PARAGRAPHS_NAMING_AN_AGENCY = (
    "He said the deal was done. Reuters/Ipsos polls show a tight race.",
    "The poll was taken on Monday. Getty Images sued the start-up on Tuesday.",
    "Officials said 2,000 residents left. AP/NORC polls show support fell",
)


@pytest.mark.parametrize("line", CAPTIONS)
def test_a_caption_line_closing_on_its_credit_is_cut_and_is_no_title(line: str) -> None:
    assert classify_line(line) == "photo caption"
    article = clean_document(RawDocument("t", f"{line}\n\n{PROSE}\n", "txt"))
    assert article.text.strip() == PROSE
    assert article.title is None


@pytest.mark.parametrize("line", PARAGRAPHS_NAMING_AN_AGENCY)
def test_a_paragraph_naming_an_agency_after_a_sentence_stays(line: str) -> None:
    assert classify_line(line) is None


def test_a_story_title_from_a_summary_sentence_drops_a_bullets_dash() -> None:
    # a reader saw "--The cost of a second and independent autopsy." as a story title
    summary = [SummarySentence("--The cost of a second autopsy.", (Citation("a-1", 0, 1),))]
    member = Article("a-1", PROSE, PROSE, "t#1")
    assert _story_title([member], summary) == "The cost of a second autopsy."


def test_a_story_title_from_the_summary_is_the_first_sentence_that_leads_its_article() -> None:
    # a reader saw "A mistrial was declared on the murder charge." (a sentence from deep in
    # one report) title a story whose other report opened on what the story is
    deep = "The jury met for four days. A mistrial was declared on the murder charge."
    lead = (
        "WASHINGTON — Prosecutors released audio of jail calls placed by the gunman in the "
        "first days after the shooting."
    )
    members = [Article("a-1", deep, deep, "t#1"), Article("a-2", lead, lead, "t#2")]
    summary = [
        SummarySentence(deep[28:], (Citation("a-1", 28, len(deep)),)),
        SummarySentence(lead[13:], (Citation("a-2", 13, len(lead)),)),
    ]
    assert _story_title(members, summary) == (
        "Prosecutors released audio of jail calls placed by the gunman in the…"
    )
    # no summary sentence leads its article: the first one titles the story
    assert _story_title(members, summary[:1]) == "A mistrial was declared on the murder charge."
    # a short first line is a caption, not a lead; a credit line before a lead leaves it one
    caption = "The cabin of a Qatar Airways plane."
    credited = f"By Jane Doe/Getty Images.\n\n{lead[13:]}"
    members = [Article("a-1", caption, caption, "t#1"), Article("a-2", credited, credited, "t")]
    at = credited.index("Prosecutors")
    summary = [
        SummarySentence(caption, (Citation("a-1", 0, len(caption)),)),
        SummarySentence(credited[at:], (Citation("a-2", at, len(credited)),)),
    ]
    assert _story_title(members, summary).startswith("Prosecutors released audio")


def test_a_sentence_after_the_lead_paragraph_or_a_dateline_is_judged_rightly() -> None:
    lead = "A couple born on the same day at the same hospital have married two decades later."
    second = "The Taunton Gazette reports that the pair got married on Sept. 9 at a church."
    text = f"TAUNTON, Mass. (AP) — {lead}\n\n{second}"
    member = Article("a-1", text, text, "t#1")
    a, b = text.index(lead), text.index(second)
    summary = [
        SummarySentence(second, (Citation("a-1", b, b + len(second)),)),
        SummarySentence(lead, (Citation("a-1", a, a + len(lead)),)),
    ]
    # the lead after its dateline leads; the paragraph after the lead does not
    assert _story_title([member], summary).startswith("A couple born on the same day")
