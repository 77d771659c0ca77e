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
    # a source without a title: "Untitled article", its file and record beside it
    sources = html[html.index('id="sources"') :]
    assert '<a href="/articles/a-1">Untitled article</a>' in sources
    assert "from t#1, record mn-7" in sources and "(untitled)" not in sources


def test_the_list_counts_no_outlets_it_does_not_know(client: TestClient) -> None:
    listing = client.get("/").text
    item = listing[listing.index('data-story="s-1"') :]
    assert "<span>outlet unknown</span>" in item and "independent outlet" not in item
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
