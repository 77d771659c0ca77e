"""The storyline page (/storylines/{id}) and the entity page (/entities/{id}) over a
small store built without spaCy: two stories of one storyline, one dated by its
articles (June), one only by the date its text states (February), and a third story in
another storyline whose entity is *named* like the first one's id."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.layer import EntityItem, MentionRef, QuoteItem, StoryLayer, TimelineEvent
from storyline.model import Citation, Story, SummarySentence
from storyline.store.factory import open_store
from workbench_fixtures import article

SHIPS = 'Russia readies two warships for Tartus. "We will <b>not</b> back down," Lavrov said.'
TRUCE = (
    "Sergei Lavrov said Russia had no plans to send <script>x()</script> troops. It was February."
)
OTHER = "A dam opened in the valley, said the engineer E1 office."
SAID = SHIPS.index('"We') + 1, SHIPS.index(',"')
NO_TROOPS = TRUCE.index("Russia had"), TRUCE.index(" troops.") + 7
FEB = TRUCE.index("February")


def lavrov(art: str, start: int, end: int) -> EntityItem:
    return EntityItem(
        "E1", "Sergei Lavrov", "PERSON", ["Lavrov", "Sergei Lavrov"], "foreign minister",
        [MentionRef(art, start, end)],
    )  # fmt: skip


def quote(art: str, span: tuple[int, int], text: str, kind: str) -> QuoteItem:
    start, end = span
    return QuoteItem(
        text[start:end], art, start, end, "Sergei Lavrov", "E1",
        None, None, None, None, None, "said", kind,
    )  # fmt: skip


def storyline_store(url: str) -> None:
    store = open_store(url)
    articles = [
        article(1, SHIPS, "s-ships", outlet="FT", date="2012-06-18"),
        article(2, SHIPS, "s-ships", outlet="Blog", date="2012-06-19"),
        article(3, TRUCE, "s-truce", outlet="Naharnet"),
        article(4, OTHER, "s-dam", outlet="Local", date="2012-03-01"),
    ]
    articles[1].duplicate_of = "a-1"
    store.add_articles(articles, [])
    at = SHIPS.index("Lavrov")
    ships = Story(
        "s-ships", "Warships <i>sail</i>", ["a-1", "a-2"],
        [SummarySentence(SHIPS[:39], (Citation("a-1", 0, 39),))], "l-1",
        StoryLayer(
            entities=[lavrov("a-1", at, at + 6)],
            quotes=[quote("a-1", SAID, SHIPS, "direct")],
            timeline=[TimelineEvent("2012-06-18", False, "Russia", "a-1", 0, 6)],
        ),
    )  # fmt: skip
    truce = Story(
        "s-truce", "Truce", ["a-3"],
        [SummarySentence(TRUCE[: NO_TROOPS[1] + 1], (Citation("a-3", 0, NO_TROOPS[1] + 1),))],
        "l-1",
        StoryLayer(
            entities=[lavrov("a-3", 0, 13)],
            quotes=[quote("a-3", NO_TROOPS, TRUCE, "indirect")],
            timeline=[TimelineEvent("2012-02", False, "February", "a-3", FEB, FEB + 8)],
        ),
    )  # fmt: skip
    dam = Story(
        "s-dam", "Dam", ["a-4"], [], "l-2",
        StoryLayer(entities=[EntityItem("E2", "E1", "ORG", ["E1"], None, [])]),
    )  # fmt: skip
    store.save_analysis(articles, [ships, truce, dam])
    store.close()


@pytest.fixture
def client(db_url: str, make_client: Any) -> Iterator[TestClient]:
    storyline_store(db_url)
    with make_client(db_url) as c:
        yield c


def story_ids(html: str) -> list[str]:
    return re.findall(r'data-story="([^"]+)"', html)


def test_storyline_page_orders_stories_and_shows_timeline_and_entities(
    client: TestClient,
) -> None:
    response = client.get("/storylines/l-1")
    assert response.status_code == 200
    html = response.text
    # the February story (dated by what its text states) before the June one
    assert story_ids(html) == ["s-truce", "s-ships"]
    # each day a <time> (that never breaks at its hyphens); the month its text states
    # reads as that month, as brief.md has it, not as its first and last days
    assert 'undated (mentions <time datetime="2012-02-01">2012-02</time>)' in html
    assert re.sub(r"<[^>]+>", "", html).count("2012-06-18 – 2012-06-19") == 1
    # lead sentences, counts, outlets; article text and titles escaped
    assert "Russia readies two warships for Tartus" in html
    assert "&lt;script&gt;x()&lt;/script&gt;" in html and "<script>x()" not in html
    assert "Warships &lt;i&gt;sail&lt;/i&gt;" in html
    assert "2 articles" in html and "1 duplicate" in html
    assert '<a class="chip" href="/outlets/Naharnet">Naharnet</a>' in html
    # the timeline: by date, each event citing its article and offsets
    timeline = html[html.index('id="timeline"') : html.index('id="entities"')]
    assert timeline.index("2012-02") < timeline.index("2012-06-18")
    # ... the article by its outlet and day (undated: its outlet alone), the id and
    # offsets in the link's tooltip, never as the text a reader reads
    assert (
        f'<a href="/articles/a-3" title="(untitled) t#3 · a-3, characters {FEB}–{FEB + 8}">'
        "Naharnet</a>: “February”" in timeline
    )
    assert '<a href="/articles/a-1" title="(untitled) t#1 · a-1, characters 0–6">' in timeline
    assert ">FT, 2012-06-18</a>: “Russia”" in timeline
    assert not re.search(r"\[\d+–\d+\]", timeline)
    # named by the entities running through it, the id only beside it
    assert "<h1>Storyline: Sergei Lavrov</h1>" in html and "<title>Storyline: Sergei Lavrov" in html
    # a lead sentence is shown under its story's title, the title of a story that has
    # none (its lead) is not shown twice
    # the entities running through it, linked to their pages
    entities = html[html.index('id="entities"') :]
    assert '<a href="/entities/E1"><strong>Sergei Lavrov</strong></a>' in entities
    assert "2 mentions in 2 articles" in entities
    # in the stories numbered 1 (February) and 2 (June) on the time axis
    assert 'in stories <a href="#story-1">1</a>, <a href="#story-2">2</a>' in entities
    assert "s-dam" not in html and "Dam" not in entities
    assert client.get("/storylines/l-404").status_code == 404


def test_entity_page_lists_stories_storylines_and_quotes_with_citations(
    client: TestClient,
) -> None:
    html = client.get("/entities/E1").text
    assert "<h1>Sergei Lavrov</h1>" in html
    assert "foreign minister" in html and "Also named: Lavrov" in html
    # stories holding the id only: the story whose entity is *named* "E1" is left out
    assert story_ids(html) == ["s-truce", "s-ships"]
    # a storyline by the titles of his stories in it, not by its id
    assert (
        '<a href="/storylines/l-1">the storyline of Truce; Warships &lt;i&gt;sail&lt;/i&gt;</a>'
        in html
    )
    assert ">l-1<" not in html and "l-2" not in html
    # his quotes, sliced from the stored articles, escaped, with their citations
    assert "Russia had no plans to send &lt;script&gt;x()&lt;/script&gt; troops" in html
    assert f'a-3, characters {NO_TROOPS[0]}–{NO_TROOPS[1]}">Naharnet</a>' in html
    assert "“We will &lt;b&gt;not&lt;/b&gt; back down”" in html
    assert f'a-1, characters {SAID[0]}–{SAID[1]}">FT, 2012-06-18</a>' in html
    # indirect speech is the reporter's words: not put in quotation marks
    assert "“Russia had no plans" not in html and "indirect (said)" in html
    assert TRUCE[NO_TROOPS[0] : NO_TROOPS[1]].startswith("Russia had no plans")
    other = client.get("/entities/E2").text
    assert story_ids(other) == ["s-dam"] and "Quotes" not in other
    assert client.get("/entities/E404").status_code == 404


def test_story_page_and_list_link_to_storyline_and_entity_pages(client: TestClient) -> None:
    story = client.get("/stories/s-ships").text
    assert 'href="/storylines/l-1"' in story
    assert 'href="/entities/E1"' in story
    listing = client.get("/").text
    assert 'href="/storylines/l-1"' in listing
    assert ">storyline of 2 stories</a>" in listing
    # a storyline of one story is none to show: no chip in the list, no link on its page
    assert 'href="/storylines/l-2"' not in listing
    assert "/storylines/l-2" not in client.get("/stories/s-dam").text
    # the JSON list says how many stories each story's storyline holds
    sizes = {s["id"]: s["storyline_stories"] for s in client.get("/api/stories").json()["items"]}
    assert sizes["s-ships"] == 2 and sizes["s-dam"] == 1


def test_entity_page_leaves_out_what_the_entity_knows_rather_than_says(
    db_url: str, make_client: Any
) -> None:
    # who said what leaves an unspoken attribution to brief.json; so does the entity page
    text = "Lavrov said Russia had no plans to move. Lavrov knows how to wait for a deal."
    said = quote("a-1", (text.index("Russia"), text.index(" to move")), text, "indirect")
    knows = QuoteItem(
        "how to wait for a deal", "a-1", text.index("how"), len(text) - 1, "Sergei Lavrov",
        "E1", None, None, None, None, None, "knows", "indirect", unspoken=True,
    )  # fmt: skip
    assert text[knows.start : knows.end] == knows.text
    store = open_store(db_url)
    arts = [article(1, text, "s-1")]
    store.add_articles(arts, [])
    layer = StoryLayer(entities=[lavrov("a-1", 0, 6)], quotes=[said, knows])
    store.save_analysis(arts, [Story("s-1", "Plans", ["a-1"], [], None, layer)])
    store.close()
    with make_client(db_url) as c:
        html = c.get("/entities/E1").text
    assert "Russia had no plans" in html
    assert "how to wait" not in html and "1 quote<" in html


def test_stated_whole_months_and_years_read_as_stated_and_dated_days_as_days() -> None:
    # a reader saw "undated (mentions 2016-02-01 – 2016-02-29)" on the story list for an
    # article that said "February 2016"
    from storyline.serve.views import day_ends

    assert day_ends("2016-02-01", "2016-02-29", True) == ("2016-02", "")
    assert day_ends("2016-02-01", "2016-04-30", True) == ("2016-02", "2016-04")
    assert day_ends("2010-01-01", "2016-12-31", True) == ("2010", "2016")
    assert day_ends("2016-02-03", "2016-02-29", True) == ("2016-02-03", "2016-02-29")
    # the days articles are dated are days, whole month or not
    assert day_ends("2016-02-01", "2016-02-29", False) == ("2016-02-01", "2016-02-29")
    assert day_ends("2012-06-18", "2012-06-18", False) == ("2012-06-18", "")
    # the calendar's last day (a year an article wrote as "9999") renders, never crashes
    assert day_ends("9999-12-01", "9999-12-31", True) == ("9999-12", "")
    assert day_ends(None, None, False) == ("", "")
