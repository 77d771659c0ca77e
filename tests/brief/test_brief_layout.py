"""brief.md / brief.html as a reader takes them: a table of contents, stories by date then
size, long lists folded, facts that say what they count, and a story's own layer."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from storyline.brief.render import (
    brief_chunks,
    brief_document,
    brief_records,
    dump_brief,
    reading_order,
    render_html,
    render_markdown,
)
from storyline.layer import ClaimItem, ClaimSideItem, EntityItem, FactItem, MentionRef, StoryLayer
from storyline.model import Article, Citation, Story, SummarySentence


def _article(n: int, date: str | None, words: int = 40) -> Article:
    text = " ".join(f"Word{n}x{i}" for i in range(words)) + "."
    return Article(id=f"a{n:04d}", text=text, raw_text=text, source=f"{n}.txt", date=date)


def _story(n: int, articles: list[Article], facts: int = 0) -> Story:
    first = articles[0]
    summary = [SummarySentence(first.text[:20], (Citation(first.id, 0, 20),))]
    layer = StoryLayer(
        entities=[
            EntityItem(f"E{n}", f"Name{n}", "PERSON", [], None, [MentionRef(first.id, 0, 5)])
        ],  # fmt: skip
        facts=[
            FactItem(first.id, "12", 0, 2, 12.0, None, "ships", 3, 8, None, None, 0, 20)
            for _ in range(facts)
        ],
    )
    return Story(f"s{n:04d}", f"Story {n}", [a.id for a in articles], summary, None, layer)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []
        self.sections: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.append(str(found["id"]))
        if tag == "a" and (found.get("href") or "").startswith("#"):
            self.links.append(str(found["href"])[1:])
        if tag == "section":
            self.sections.append(str(found.get("id")))


def test_stories_are_read_latest_first_then_largest() -> None:
    a = [_article(1, "2012-02-01"), _article(2, "2012-06-18"), _article(3, "2012-06-18T10:00")]
    b = [_article(4, "2012-06-18"), _article(5, None), _article(6, None)]
    stories = [
        _story(1, [a[0]]),  # February
        _story(2, [a[1]]),  # June 18, one article
        _story(3, [b[0], a[2]]),  # June 18 10:00, the latest
        _story(4, [b[1], b[2]]),  # undated: last
        _story(5, [_article(7, "2012-06-18"), _article(8, "2012-06-01")]),  # June 18, two
    ]
    articles = [*a, *b, _article(7, "2012-06-18"), _article(8, "2012-06-01")]
    order = [s.id for s in reading_order(stories, articles)]
    assert order == ["s0003", "s0005", "s0002", "s0001", "s0004"]
    markdown = render_markdown(articles, stories)
    headings = re.findall(r"^## Story (\d+)$", markdown, flags=re.M)
    assert headings == ["3", "5", "2", "1", "4"]


def test_what_is_not_news_is_read_last_even_when_dated_latest() -> None:
    crawl = "This is a web archive crawl. The seed for wide00014 was a list of sites."
    notice = Article(id="a9999", text=crawl, raw_text=crawl, source="x.txt", date="2013-01-09")
    news = [_article(1, "2012-06-18"), _article(2, None)]
    junk = Story("s9999", "Not a news article: crawl data", ["a9999"], [], None, None)
    stories = [junk, _story(1, [news[0]]), _story(2, [news[1]])]
    order = [s.id for s in reading_order(stories, [notice, *news])]
    assert order == ["s0001", "s0002", "s9999"]


def test_500_stories_get_a_table_of_contents_and_stay_small() -> None:
    articles = [_article(n, f"2013-{1 + n % 12:02d}-{1 + n % 28:02d}") for n in range(500)]
    stories = [_story(n, [articles[n]], facts=30 if n == 7 else 1) for n in range(500)]
    html = render_html(articles, stories)
    tags = _Tags()
    tags.feed(html)
    # every story is in the table of contents, linking to its section, in reading order
    wanted = [s.id for s in reading_order(stories, articles)]
    assert tags.sections == wanted
    assert [x for x in tags.links if x.startswith("s")][:500] == wanted
    assert len(set(tags.ids)) == len(tags.ids)  # anchors are unique
    # each source text is folded; a long list is folded with its count
    assert html.count('<details class="article"') == 500
    assert "<summary>facts (15)</summary>" in html and "<summary>facts (1)" not in html
    assert "… and 15 more facts in brief.json" in html  # the first 15 of 30 shown
    # proportional: no story's section is much more than its own text
    text = sum(len(a.text) for a in articles)
    assert len(html) < 4 * text + 2_000 * len(stories)
    for section in re.findall(r"<section.*?</section>", html, flags=re.S):
        assert len(section) < 8_000


def test_facts_say_what_was_counted_in_md_and_html() -> None:
    article = _article(1, "2012-06-18")
    story = _story(1, [article], facts=1)
    markdown = render_markdown([article], [story])
    assert "### Facts and figures" in markdown
    assert f"- **12 ships**: {article.text[:20]} [1:0-2]" in markdown
    html = render_html([article], [story])
    assert f"<b>12 ships</b>: {article.text[:20]}" in html


def test_brief_json_is_one_record_per_line_and_lists_storylines_once() -> None:
    articles = [_article(1, "2012-06-18"), _article(2, "2012-06-19")]
    stories = [_story(1, [articles[0]]), _story(2, [articles[1]])]
    for story in stories:
        story.storyline = "L1"
    text = dump_brief(brief_document(articles, stories))
    data = json.loads(text)
    assert data["schema_version"] == 2
    (line,) = data["storylines"]
    assert line["id"] == "L1" and line["stories"] == ["s0001", "s0002"]
    assert [e["id"] for e in line["entities"]] == ["E1", "E2"]
    lines = text.splitlines()
    assert sum(1 for x in lines if x.startswith('{"id":"a')) == 2
    assert sum(1 for x in lines if x.startswith('{"id":"s')) == 2
    assert json.loads(dump_brief({"schema_version": 2, "articles": [], "stories": []})) == {
        "schema_version": 2,
        "articles": [],
        "stories": [],
    }


def test_brief_json_is_written_a_record_at_a_time_as_dumped_whole() -> None:
    """brief.json is written from generators (issue 17: memory), byte for byte what the
    whole document dumps, empty lists included."""
    document = {"v": 2, "empty": iter([]), "items": (x for x in [{"a": "é"}, {"b": [1]}])}
    assert "".join(brief_chunks(document)) == (
        '{\n"v":2,\n"empty":[],\n"items":[\n{"a":"é"},\n{"b":[1]}\n]\n}\n'
    )
    articles = [_article(1, "2012-06-18"), _article(2, None)]
    stories = [_story(1, [articles[0]]), _story(2, [articles[1]])]
    stories[0].storyline = "L1"
    stories[1].layer = None
    whole = dump_brief(brief_document(articles, stories))
    assert "".join(brief_chunks(brief_records(articles, stories))) == whole
    assert '"storylines":[\n{"id":"L1"' in whole


def test_a_claim_with_many_sides_shows_a_few_of_each_stance() -> None:
    article = _article(1, "2012-06-18", words=400)
    story = _story(1, [article])
    sides = [
        ClaimSideItem(article.id, f"Outlet {i}", i * 10, i * 10 + 8,
                      "disagree" if i % 8 == 0 else "asserts")
        for i in range(40)
    ]  # fmt: skip
    assert story.layer is not None
    story.layer.claims = [ClaimItem("C1", "fact", "ships", "12 ships", "contradicted", [], sides)]
    markdown = render_markdown([article], [story])
    shown = [x for x in markdown.splitlines() if x.startswith("  - Outlet")]
    assert len(shown) == 10
    assert sum("disagrees" in x for x in shown) == 5  # every judging side up to half
    assert "  - … and 30 more sides in brief.json" in markdown
    # a side's sentence is read from the article by its offsets
    assert f"“{article.text[80:88]}” [1:80-88]" in markdown


def test_a_story_of_many_articles_shows_the_cited_texts_and_lists_the_rest() -> None:
    articles = [_article(n, "2012-06-18") for n in range(50)]
    story = _story(1, articles[::-1])  # the summary cites the last article, a0049
    html = render_html(articles, [story])
    shown = re.findall(r'<details class="article" id="(a\d+)".*?</details>', html, flags=re.S)
    assert len(shown) == 50  # every article is listed, with its anchor
    texts = [a for a in articles if a.text in html]
    assert len(texts) == 20 and articles[49] not in texts  # the first 20 uncited ones
    cited = articles[49].text
    assert f'<mark id="a0049-0-20">{cited[:20]}</mark>{cited[20:]}' in html  # and the cited
    assert html.count("text in brief.json") == 29
