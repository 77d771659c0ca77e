"""What a reader sees where the input gives no outlet, title or date (a pile like
Multi-News: records of id and text only): words, not "?", "(untitled) file#L3" or a
count of "independent outlets" no outlet stands behind; and a storyline's lead not
repeated under a title that is that lead."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.model import Citation, Story, SummarySentence
from storyline.serve.lines import new_lead, source_label
from storyline.store.factory import open_store
from workbench_fixtures import article

LEAD = "The harbour reopened on Monday after the storm, officials said."
MORE = "Ferries ran again by noon, the port authority said."


@pytest.fixture
def client(db_url: str, make_client: Any) -> Iterator[TestClient]:
    store = open_store(db_url)
    bare = [article(1, LEAD, "s-1", record_id="mn-7"), article(2, MORE, "s-1")]
    store.add_articles(bare, [])
    story = Story(
        "s-1", "The harbour reopened on Monday after the storm…", ["a-1", "a-2"],
        [SummarySentence(LEAD, (Citation("a-1", 0, len(LEAD)),))], "l-1",
    )  # fmt: skip
    store.save_analysis(bare, [story])
    store.close()
    with make_client(db_url) as c:
        yield c


def test_a_story_without_outlets_says_so_in_words(client: TestClient) -> None:
    html = client.get("/stories/s-1").text
    assert "outlet unknown for every article" in html and "(unknown outlet)" not in html
    table = html[html.index('id="outlets"') : html.index('id="sources"')]
    assert '<span class="who">unknown</span>' in table and ">?<" not in table
    assert '<span class="who">undated</span>' in table
    # a source without a title: its opening words, its file and record beside it
    sources = html[html.index('id="sources"') :]
    opening = "The harbour reopened on Monday after the storm, officials said."
    assert f'<a href="/articles/a-1">Untitled: “{opening}”</a>' in sources
    assert "from t#1, record mn-7" in sources and "(untitled)" not in sources


def test_the_list_counts_no_outlets_it_does_not_know(client: TestClient) -> None:
    listing = client.get("/").text
    item = listing[listing.index('data-story="s-1"') :]
    assert "<span>outlet unknown</span>" in item and "independent outlet" not in item
    # its storyline holds only itself: no storyline chip
    assert 'aria-label="the storyline of' not in item and "/storylines/" not in item
    line = client.get("/storylines/l-1").text
    assert "outlet unknown" in line and "independent outlet" not in line
    # the story's title is its lead: the lead is not printed again under it
    stories = line[line.index('id="stories"') :]
    assert stories.count("The harbour reopened on Monday") == 1
    # no entity runs through it: it is named by its first story's title
    assert "<h1>Storyline: The harbour reopened on Monday after the storm…</h1>" in line


def test_lead_and_source_label_helpers() -> None:
    assert new_lead("The harbour reopened on Monday after…", LEAD) == ""
    assert new_lead("Harbour reopens", LEAD) == LEAD
    assert source_label(article(3, MORE, "s", outlet="FT", date="2012-06-18T10:00")) == (
        "FT, 2012-06-18"
    )
    assert source_label(article(4, MORE, "s")) == "outlet unknown"
    assert source_label(None) == "source gone from the store"


def test_a_long_tail_of_speakers_and_names_folds(db_url: str, make_client: Any) -> None:
    from storyline.layer import EntityItem, MentionRef, QuoteItem, StoryLayer

    text = " ".join(f"Speaker{n} said it." for n in range(16)) + " Main said more. Main said most."
    quotes = [
        QuoteItem("it", "a-1", 0, 2, f"Speaker{n}", None, None, None, None, None, None, "said",
                  "indirect")
        for n in range(14)
    ] + [
        QuoteItem(w, "a-1", 0, 2, "Main", None, None, None, None, None, None, "said", "indirect")
        for w in ("more", "most")
    ]  # fmt: skip
    names = [
        EntityItem(f"E{n}", f"Name{n}", "PERSON", [], None, [MentionRef("a-1", 0, 2)] * (1 + (n < 3)))
        for n in range(31)
    ]  # fmt: skip
    store = open_store(db_url)
    arts = [article(1, text, "s-9")]
    store.add_articles(arts, [])
    story = Story("s-9", "Many voices", ["a-1"], [], None,
                  StoryLayer(entities=names, quotes=quotes))  # fmt: skip
    store.save_analysis(arts, [story])
    store.close()
    with make_client(db_url) as c:
        html = c.get("/stories/s-9").text
    quotes_html = html[html.index('id="quotes"') : html.index('id="entities"')]
    folded = quotes_html[quotes_html.index('<details class="once">') :]
    assert "<summary>14 more speakers quoted once</summary>" in folded
    assert "<h3>Main" in quotes_html and "<h3>Main" not in folded
    assert "<h3>Speaker0" in folded
    entities = html[html.index('id="entities"') : html.index('id="outlets"')]
    assert "<summary>28 more named once</summary>" in entities
    assert entities.index("<strong>Name0</strong>") < entities.index('<details class="once">')
    assert entities.index("<strong>Name30</strong>") > entities.index('<details class="once">')


def test_an_untitled_article_page_reads_in_words(client: TestClient) -> None:
    html = client.get("/articles/a-1").text
    opening = "The harbour reopened on Monday after the storm, officials said."
    assert f"<h1>Untitled: “{opening}”</h1>" in html and "(untitled)" not in html
    assert "<span>outlet unknown</span>" in html and "<span>undated</span>" in html
    assert ">its story: The harbour reopened on Monday after the storm…</a>" in html
    assert "As read (nothing removed)" in html and "0 removed spans" not in html
    assert "Input: t#1, record mn-7" in html


def test_the_story_page_counts_the_attributions_it_leaves_out(
    db_url: str, make_client: Any
) -> None:
    from dataclasses import replace

    from storyline.layer import QuoteItem, StoryLayer

    text = "Main said the port would open. Main found himself at the centre. It seems late."
    said = QuoteItem("the port would open", "a-1", 10, 29, "Main", None, 0, 4, None, None,
                     None, "said", "indirect")  # fmt: skip
    found = replace(said, text="himself at the centre", start=42, end=63, cue="found",
                    unspoken=True)  # fmt: skip
    hearsay = replace(said, text="late", start=74, end=78, cue="seems", speaker=None,
                      speaker_start=None, speaker_end=None)  # fmt: skip
    for q in (said, found, hearsay):
        assert text[q.start : q.end] == q.text
    store = open_store(db_url)
    arts = [article(1, text, "s-8")]
    store.add_articles(arts, [])
    story = Story("s-8", "Main speaks", ["a-1"], [], None,
                  StoryLayer(quotes=[said, found, hearsay]))  # fmt: skip
    store.save_analysis(arts, [story])
    store.close()
    with make_client(db_url) as c:
        html = c.get("/stories/s-8").text
        api = c.get("/api/quotes", params={"story": "s-8"}).json()
    quotes_html = html[html.index('id="quotes"') :]
    quotes_html = quotes_html[: quotes_html.index("</section>")]
    assert "the port would open" in quotes_html
    assert "himself at the centre" not in quotes_html and ">late<" not in quotes_html
    assert "2 more attributions not shown" in quotes_html
    assert '<a href="/api/quotes?story=s-8&amp;limit=100">' in quotes_html
    assert sorted(q["text"] for q in api["items"]) == ["himself at the centre", "late",
                                                      "the port would open"]  # fmt: skip
    assert [q["unspoken"] for q in api["items"] if q["cue"] == "found"] == [True]
