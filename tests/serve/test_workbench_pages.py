"""The list's filters, sorts and search snippets on / and GET /api/stories, and the outlet
page, over a small store built without spaCy (workbench_fixtures)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from storyline.serve.listing import snippet
from workbench_fixtures import ROAD_OUTLET, workbench_store


@pytest.fixture
def bench(db_url: str, make_client: Any) -> Iterator[TestClient]:
    workbench_store(db_url).close()
    with make_client(db_url) as client:
        yield client


def story_ids(html: str) -> list[str]:
    return re.findall(r'data-story="([^"]+)"', html)


def api_ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/api/stories", params=params)
    assert response.status_code == 200, response.text
    return [s["id"] for s in response.json()["items"]]


def test_api_filters_and_sorts(bench: TestClient) -> None:
    assert api_ids(bench) == ["s-ships", "s-truce", "s-road"]
    assert api_ids(bench, since="2012-06-01") == ["s-ships"]
    assert api_ids(bench, until="2012-03-31") == ["s-truce"]
    assert api_ids(bench, outlet="Naharnet") == ["s-truce"]
    assert api_ids(bench, entity="Lavrov") == ["s-ships", "s-truce"]
    assert api_ids(bench, contradicted="true") == ["s-truce"]
    assert api_ids(bench, sort="outlets")[0] == "s-ships"
    assert api_ids(bench, q="lavrov", since="2012-06-01") == ["s-ships"]
    items = bench.get("/api/stories").json()["items"]
    ships = items[0]
    assert ships["independent_outlets"] == 2 and ships["dated_by"] == "articles"
    assert items[1]["dated_by"] == "text" and items[1]["first_day"] == "2012-02-01"
    assert bench.get("/api/stories", params={"since": "June"}).status_code == 422
    assert bench.get("/api/stories", params={"sort": "random"}).status_code == 422


def test_list_page_filters_sorts_and_keeps_them_in_links(bench: TestClient) -> None:
    everything = bench.get("/").text
    assert story_ids(everything) == ["s-ships", "s-truce", "s-road"]
    june = bench.get("/", params={"since": "2012-06-01", "until": "2012-06-30"}).text
    assert story_ids(june) == ["s-ships"]  # the February story is outside the range
    assert 'value="2012-06-01"' in june and "clear filters" in june
    assert "undated (mentions " in everything  # the undated story placed by its own dates
    # empty form fields are no filter
    empty = {"since": "", "until": "", "outlet": "", "entity": "", "contradicted": "", "sort": ""}
    assert story_ids(bench.get("/", params=empty).text) == story_ids(everything)
    assert story_ids(bench.get("/", params={"contradicted": "yes"}).text) == ["s-truce"]
    assert story_ids(bench.get("/", params={"entity": "sergei lavrov"}).text) == [
        "s-ships",
        "s-truce",
    ]
    assert bench.get("/", params={"since": "yesterday"}).status_code == 422
    # outlet chips lead to the outlet page, any name as one path segment
    assert 'href="/outlets/Naharnet"' in everything
    hostile = re.search(r'href="(/outlets/Local[^"]*)"', everything)
    assert hostile and hostile[1] == "/outlets/Local%20%3Cb%3ENews%3C%2Fb%3E"
    assert bench.get(hostile[1]).status_code == 200


def test_search_snippets_are_highlighted_and_escaped(bench: TestClient) -> None:
    html = bench.get("/", params={"q": "mountain"}).text
    assert story_ids(html) == ["s-road"]
    snippet_html = re.search(r'<p class="snippet">(.*?)</p>', html, re.S)
    assert snippet_html, "no snippet on a search hit"
    assert "<mark>mountain</mark>" in snippet_html[1]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet_html[1]
    assert "<script>alert" not in html and "<i>road</i>" not in html
    assert "Mountain &lt;i&gt;road&lt;/i&gt;" in html
    # stems: "warships" finds "warships" and the query's case does not matter
    ships = bench.get("/", params={"q": "WARSHIP"}).text
    assert "<mark>warships</mark>" in ships


def test_snippet_windows_and_marks() -> None:
    text = "word " * 80 + "the Warships sailed; a warship " + "tail " * 80
    pieces = snippet([text], "warships")
    assert pieces[0]["text"] == "…" and pieces[-1]["text"] == "…"
    assert [p["text"] for p in pieces if p["hit"]] == ["Warships", "warship"]
    assert len("".join(p["text"] for p in pieces)) < 260
    assert snippet(["nothing here"], "warships") == []


def test_outlet_page_originals_and_copies(bench: TestClient) -> None:
    ft = bench.get("/outlets/FT").text
    assert "original" in ft and 'href="/articles/a-2"' in ft  # copied by the blog
    assert ">Blog<" in ft
    blog = bench.get("/outlets/Blog").text
    assert "copy" in blog and 'href="/articles/a-1"' in blog and 'href="/outlets/FT"' in blog
    naharnet = bench.get("/outlets/Naharnet").text
    assert 'href="/stories/s-truce"' in naharnet and 'href="/articles/a-4"' in naharnet
    hostile = bench.get(f"/outlets/{ROAD_OUTLET}")
    assert hostile.status_code == 200
    assert "Local &lt;b&gt;News&lt;/b&gt;" in hostile.text and "<b>News</b>" not in hostile.text
    assert bench.get("/outlets/Nobody").status_code == 404
