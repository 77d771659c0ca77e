"""The storyline section of brief.md and brief.html: a storyline's stories in time order
(the undated one placed by the date its text states), its timeline and its entities,
article text escaped, lengths bounded; a storyline of one story gets no section."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from storyline.brief.lines import MAX_LINE_EVENTS, line_sections
from storyline.brief.render import render_html, render_markdown
from storyline.layer import EntityItem, MentionRef, StoryLayer, TimelineEvent
from storyline.model import Article, Span, Story

JUNE = "Warships sail to Tartus, Lavrov said on June 18."
FEB = "Lavrov backed a <script>truce()</script> in February."


def art(n: int, text: str, date: str | None = None) -> Article:
    return Article(
        id=f"a-{n}", text=text, raw_text=text, source=f"t#{n}",
        sentences=[Span(0, len(text))], date=date,
    )  # fmt: skip


def lavrov(article: str, text: str) -> EntityItem:
    at = text.index("Lavrov")
    return EntityItem(
        "E1", "Sergei Lavrov", "PERSON", ["Lavrov"], None, [MentionRef(article, at, at + 6)]
    )


def event(article: str, text: str, value: str, written: str) -> TimelineEvent:
    at = text.index(written)
    return TimelineEvent(value, False, written, article, at, at + len(written))


def pile(extra_events: int = 0) -> tuple[list[Article], list[Story]]:
    articles = [art(1, JUNE, "2012-06-18"), art(2, FEB), art(3, "A lone story.", "2012-01-01")]
    june = StoryLayer(
        entities=[lavrov("a-1", JUNE)], timeline=[event("a-1", JUNE, "2012-06-18", "June 18")]
    )
    feb_events = [event("a-2", FEB, "2012-02", "February")]
    feb_events += [event("a-2", FEB, "2012-03-15", "February") for _ in range(extra_events)]
    feb = StoryLayer(entities=[lavrov("a-2", FEB)], timeline=feb_events)
    stories = [
        # ids in the opposite order of their dates: the section orders by date
        Story("s-a", "Warships <b>sail</b>", ["a-1"], [], "l-1", june),
        Story("s-b", "Truce", ["a-2"], [], "l-1", feb),
        Story("s-c", "Alone", ["a-3"], [], "l-2", StoryLayer()),
    ]
    return articles, stories


def test_sections_order_stories_by_date_and_skip_single_story_lines() -> None:
    articles, stories = pile()
    sections = line_sections(stories, articles)
    assert [s.id for s in sections] == ["l-1"]
    line = sections[0]
    assert [i.story.id for i in line.stories] == ["s-b", "s-a"]
    assert line.stories[0].days == "undated (mentions 2012-02)"
    assert line.stories[1].days == "2012-06-18"
    assert [r.ref.value for r in line.timeline] == ["2012-02", "2012-06-18"]
    assert [r.said for r in line.timeline] == ["February", "June 18"]
    for row in line.timeline:  # each event cites its article's text exactly
        text = {"a-1": JUNE, "a-2": FEB}[row.ref.article]
        assert text[row.ref.start : row.ref.end] in ("February", "June 18")
    assert [(e.name, e.mentions, e.articles) for e in line.entities] == [("Sergei Lavrov", 2, 2)]
    assert line.places(line.entities[0]) == [(1, "s-b"), (2, "s-a")]


def test_markdown_section_lists_stories_timeline_entities_escaped() -> None:
    articles, stories = pile()
    md = render_markdown(articles, stories)
    section = md[md.index("## Storylines") : md.index("## Warships")]
    assert "1. undated (mentions 2012-02): Truce (`s-b`)" in section
    assert "2. 2012-06-18: Warships &lt;b&gt;sail&lt;/b&gt; (`s-a`)" in section
    assert section.index("- 2012-02: February [1:") < section.index("- 2012-06-18: June 18")
    assert "(story 1)" in section and "(story 2)" in section
    assert (
        "- Sergei Lavrov (PERSON; also Lavrov): 2 mentions in 2 articles, stories 1, 2" in section
    )
    assert "l-2" not in section
    html = MarkdownIt().render(md)
    assert "<b>sail" not in html and "<script>" not in html


def test_html_section_links_stories_and_bounds_the_timeline() -> None:
    articles, stories = pile(extra_events=MAX_LINE_EVENTS + 5)
    html = render_html(articles, stories)
    section = html[html.index('id="storylines"') : html.index('<section class="story"')]
    assert section.index('href="#s-b">Truce') < section.index('href="#s-a">Warships &lt;b&gt;sail')
    assert "undated (mentions " in section
    assert section.count("<time ") == MAX_LINE_EVENTS
    assert "… and 7 more dated events in brief.json" in section
    assert 'stories <a href="#s-b">1</a>, <a href="#s-a">2</a>' in section
    # named by the entities running through it, not by its id alone; counts in words
    assert '<h3>Storyline: Sergei Lavrov <span class="cite">l-1</span></h3>' in section
    assert "(s)" not in section
    # an event cites its source by number, the id and offsets in the tooltip only
    assert re.search(
        r'<a class="ref" href="#a-\w+" title="source 1: a-\w+, characters \d+–\d+">\[1\]</a>',
        section,
    )
    assert not re.search(r"\[a-\w+:\d+–\d+\]", html)
    assert "<script>truce" not in html and "&lt;script&gt;truce()" in html


def test_an_undated_story_mentioning_history_and_forecasts_is_shown_undated() -> None:
    from storyline.brief.lines import line_story
    from storyline.layer import StoryLayer, TimelineEvent
    from storyline.model import Story

    events = [TimelineEvent(v, False, v, "a", 0, 4) for v in ("1800", "1966", "2050")]
    story = Story("s", "t", ["a"], layer=StoryLayer(timeline=events))
    assert line_story(story, {}).days == "undated"
    events.append(TimelineEvent("2013-02-19", False, "Feb 19, 2013", "a", 10, 22))
    story = Story("s", "t", ["a"], layer=StoryLayer(timeline=events))
    assert line_story(story, {}).days == "undated (mentions 2013-02-19)"


def test_a_timeline_row_cites_its_story_s_own_source_number() -> None:
    # the June story has two sources, its event in the second: "[2:...] (story 2)", and
    # "2" leads through that story's Sources list to the exact words
    articles, stories = pile()
    lead = art(0, "Ships were readied in port.", "2012-06-17")
    stories[0] = Story("s-a", "Warships", ["a-0", "a-1"], [], "l-1", stories[0].layer)
    md = render_markdown([lead, *articles], stories)
    section = md[md.index("## Storylines") : md.index("\n## ", md.index("## Storylines") + 5)]
    at = JUNE.index("June 18")
    assert f"- 2012-06-18: June 18 [2:{at}-{at + 7}] (story 2)" in section
    warships = md[md.index("## Warships") :]
    sources = dict(re.findall(r"^(\d+)\. `([^`]+)`", warships, re.MULTILINE))
    assert sources["2"] == "a-1" and JUNE[at : at + 7] == "June 18"
