"""Every API endpoint, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from storyline.layer import StoryLayer
from storyline.store.factory import open_store

TOKEN = "test-token-123"  # the token the conftest's apps are created with
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def all_pages(client: TestClient, path: str, limit: int, **params: str) -> tuple[list, set]:
    """Walk a listing page by page; return the rows and every total reported."""
    rows: list = []
    totals = set()
    offset = 0
    while True:
        body = client.get(path, params={**params, "limit": limit, "offset": offset}).json()
        totals.add(body["total"])
        assert body["limit"] == limit and body["offset"] == offset
        rows += body["items"]
        if not body["items"]:
            return rows, totals
        assert len(body["items"]) <= limit
        offset += limit


# --- auth and limits -------------------------------------------------------------------


def test_writes_need_the_token(client: TestClient, sample_records: list) -> None:
    records = sample_records
    assert client.post("/api/articles", json=records).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert client.post("/api/articles", json=records, headers=wrong).status_code == 401
    assert (
        client.post("/api/articles", json=records, headers={"Authorization": TOKEN}).status_code
        == 401
    )
    assert client.get("/api/articles").json()["total"] == 0


def test_without_a_configured_token_writes_are_refused(db_url: str, make_client) -> None:
    with make_client(db_url, token=None) as c:
        response = c.post("/api/articles", json=[{"text": "x"}], headers=AUTH)
        assert response.status_code == 403 and "STORYLINE_TOKEN" in response.json()["detail"]


def test_reads_are_open_to_localhost_only(db_url: str, make_client) -> None:
    with make_client(db_url) as local:
        assert local.get("/api/stories").status_code == 200
    app = make_client(db_url).app
    with TestClient(app, client=("203.0.113.9", 4000), base_url="http://localhost") as remote:
        assert remote.get("/api/stories").status_code == 401
        assert remote.get("/").status_code == 401
        assert remote.get("/api/stories", headers=AUTH).status_code == 200
    with make_client(db_url, public_reads=True) as open_client:
        remote = TestClient(
            open_client.app, client=("203.0.113.9", 4000), base_url="http://localhost"
        )
        assert remote.get("/api/stories").status_code == 200


def test_oversized_bodies_get_413(db_url: str, make_client) -> None:
    with make_client(db_url, max_request_bytes=1000, max_records=2) as c:
        big = [{"text": "word " * 400}]
        response = c.post("/api/articles", json=big, headers=AUTH)
        assert response.status_code == 413
        # no Content-Length (chunked): counted while streaming
        streamed = c.post(
            "/api/articles",
            content=iter([b"[", b'{"text": "' + b"y" * 1200 + b'"}', b"]"]),
            headers={**AUTH, "content-type": "application/json"},
        )
        assert streamed.status_code == 413
        many = [{"text": "a"}, {"text": "b"}, {"text": "c"}]
        assert c.post("/api/articles", json=many, headers=AUTH).status_code == 413
        files = {"files": ("a.txt", b"z" * 2000, "text/plain")}
        assert c.post("/api/articles/upload", files=files, headers=AUTH).status_code == 413
        assert c.get("/api/articles").json()["total"] == 0


def test_paging_parameters_are_validated(client: TestClient) -> None:
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422
    assert client.get("/api/stories", params={"limit": 101}).status_code == 422
    assert client.get("/api/articles", params={"offset": -1}).status_code == 422
    assert client.get("/api/search").status_code == 422


# --- ingest ----------------------------------------------------------------------------


def test_ingest_json_reports_each_article(client: TestClient, sample_records: list) -> None:
    records = [
        *sample_records,
        {"title": "no text here"},
        "not an object",
        {"text": "   "},
    ]
    body = client.post("/api/articles", json={"articles": records}, headers=AUTH).json()
    statuses = [(a["source"], a["status"]) for a in body["articles"]]
    assert statuses == [
        ("request#0", "new"),
        ("request#1", "new"),
        ("request#2", "skipped"),
        ("request#3", "skipped"),
        ("request#4", "skipped"),
    ]
    assert [a["reason"][:6] for a in body["articles"][2:]] == ["[E134]", "[E132]", "[E135]"]
    assert body["articles"][2]["reason"] == "[E134] record has no text field"
    assert body["counts"] == {"new": 2, "exists": 0, "skipped": 3}
    assert body["analysed"] is True and body["stories"] >= 1
    again = client.post("/api/articles", json=records[:2] + records[:1], headers=AUTH).json()
    assert [a["status"] for a in again["articles"]] == ["exists", "exists", "exists"]
    assert again["analysed"] is False
    assert client.get("/api/articles").json()["total"] == 2


def test_bulk_ingest_then_analyse(client: TestClient, sample_records: list) -> None:
    for record in sample_records:
        body = client.post(
            "/api/articles", params={"analyse": "false"}, json=[record], headers=AUTH
        ).json()
        assert body["counts"]["new"] == 1 and body["analysed"] is False
    assert client.get("/api/stories").json()["total"] == 0
    assert client.post("/api/analyse").status_code == 401
    done = client.post("/api/analyse", headers=AUTH).json()
    assert done["articles"] == 2 and done["stories"] >= 1 and "dedup" in done["seconds"]
    assert client.get("/api/stories").json()["total"] == done["stories"]
    ids = [s["id"] for s in client.get("/api/stories").json()["items"]]
    before = [client.get(f"/api/stories/{sid}").json() for sid in ids]
    # recomputing every story from scratch gives the stories the incremental runs kept
    bad = client.post("/api/analyse", params={"full": "maybe"}, headers=AUTH)
    assert bad.status_code == 422
    redone = client.post("/api/analyse", params={"full": "true"}, headers=AUTH).json()
    assert redone["stories"] == done["stories"]
    assert [client.get(f"/api/stories/{sid}").json() for sid in ids] == before


def test_ingest_rejects_a_payload_that_is_not_records(client: TestClient) -> None:
    assert client.post("/api/articles", json={"text": "x"}, headers=AUTH).status_code == 422
    bad = client.post(
        "/api/articles", content=b"{not json", headers={**AUTH, "content-type": "application/json"}
    )
    assert bad.status_code == 422


def test_upload_files_with_hostile_names(client: TestClient, sample_dir: Path) -> None:
    sample = sorted(sample_dir.glob("*.txt"))
    jsonl = b'{"text": "Storms hit the coast of Brittany on Monday, cutting power to homes."}\n{"oops"\n'
    files = [
        ("files", ("../../../../tmp/evil/" + sample[0].name, sample[0].read_bytes(), "text/plain")),
        ("files", ("..\\..\\windows\\" + sample[1].name, sample[1].read_bytes(), "text/plain")),
        ("files", ("records.jsonl", jsonl, "application/json")),
        ("files", ("payload.exe", b"MZ\x90\x00", "application/octet-stream")),
        ("files", ("README.md", b"# notes", "text/markdown")),
    ]
    body = client.post("/api/articles/upload", files=files, headers=AUTH).json()
    names = [i["name"] for i in body["inputs"]]
    assert names == [
        f"upload/{sample[0].name}",
        f"upload/{sample[1].name}",
        "upload/records.jsonl",
        "upload/payload.exe",
        "upload/README.md",
    ]
    assert all(n.count("/") == 1 and ".." not in n for n in names)
    assert [i["status"] for i in body["inputs"]] == ["read", "read", "read", "skipped", "skipped"]
    assert body["counts"]["new"] == 3
    skipped = {a["source"]: a["reason"] for a in body["articles"] if a["status"] == "skipped"}
    assert skipped["upload/records.jsonl#L2"].startswith("[E145] invalid JSON on line 2")
    assert skipped["upload/payload.exe"] == "[E112] unsupported file type '.exe'"
    assert not Path("/tmp/evil").exists()
    sources = {a["source"] for a in client.get("/api/articles").json()["items"]}
    assert f"upload/{sample[0].name}" in sources


# --- reads -----------------------------------------------------------------------------


def test_story_listing_pages_match_totals(loaded: TestClient) -> None:
    for limit in (1, 2, 100):
        rows, totals = all_pages(loaded, "/api/stories", limit)
        assert len(totals) == 1 and totals == {len(rows)}
        assert len({r["id"] for r in rows}) == len(rows)
    first = loaded.get("/api/stories").json()["items"]
    assert first == loaded.get("/api/stories").json()["items"]
    assert all({"articles", "duplicates", "outlets", "first_date"} <= set(r) for r in first)


def test_stories_of_one_storyline(loaded: TestClient, db_url: str) -> None:
    with open_store(db_url) as store:
        stories = store.stories()
        for story in stories[:1]:
            story.storyline = "l-russia-syria"
        store.save_analysis(store.articles(), stories)
    body = loaded.get("/api/stories", params={"storyline": "l-russia-syria"}).json()
    assert body["total"] == 1 == len(body["items"])
    assert body["items"][0]["storyline"] == "l-russia-syria"
    html = loaded.get("/", params={"storyline": "l-russia-syria"}).text
    assert "1 story" in html and body["items"][0]["id"] in html
    # a search narrows to one storyline like any other filter
    both = loaded.get("/api/stories", params={"q": "russia", "storyline": "l-russia-syria"})
    assert both.status_code == 200 and both.json()["total"] == 1


def test_search_endpoints(loaded: TestClient) -> None:
    hits = loaded.get("/api/search", params={"q": "warship"}).json()
    assert hits["total"] == 1 == len(hits["items"])
    assert "warships" in hits["items"][0]["title"].lower()
    assert loaded.get("/api/stories", params={"q": "warship"}).json() == hits
    rows, totals = all_pages(loaded, "/api/search", 1, q="Russia")
    assert totals == {len(rows)} and len(rows) >= 1
    assert loaded.get("/api/search", params={"q": "xylophone"}).json()["total"] == 0


def test_story_brief_is_the_brief_json_object(loaded: TestClient, db_url: str) -> None:
    stories = loaded.get("/api/stories").json()["items"]
    with open_store(db_url) as store:
        expected = {s.id: s.to_brief() for s in store.stories()}
        texts = {a.id: a.text for a in store.articles()}
    for listing in stories:
        brief = loaded.get(f"/api/stories/{listing['id']}").json()
        assert brief == expected[listing["id"]]
        for sentence in brief["summary"]:
            for c in sentence["citations"]:
                cited = texts[c["article"]][c["start"] : c["end"]]
                assert " ".join(cited.split()) == " ".join(sentence["text"].split())
    assert loaded.get("/api/stories/s-nope").status_code == 404


def test_story_articles_and_article_detail(loaded: TestClient) -> None:
    story = loaded.get("/api/stories").json()["items"][0]
    rows, totals = all_pages(loaded, f"/api/stories/{story['id']}/articles", 1)
    assert totals == {story["articles"]} == {len(rows)}
    assert loaded.get("/api/stories/s-nope/articles").status_code == 404
    everything, totals = all_pages(loaded, "/api/articles", 1)
    assert totals == {2} and [a["id"] for a in everything] == sorted(a["id"] for a in everything)
    for row in everything:
        detail = loaded.get(f"/api/articles/{row['id']}").json()
        assert detail["removed"], "the sample articles have boilerplate"
        for span in detail["removed"]:
            assert detail["raw_text"][span["start"] : span["end"]] == span["text"]
            assert span["reason"]
        for start, end in detail["sentences"]:
            assert detail["text"][start:end].strip()
    assert loaded.get("/api/articles/a-nope").status_code == 404
    one_story = loaded.get("/api/articles", params={"story": story["id"]}).json()
    assert one_story["total"] == story["articles"]


def save_analysed_story(db_url: str) -> None:
    """Give the first story a layer of three entities and two quotes, the others none."""
    with open_store(db_url) as store:
        articles = store.articles()
        stories = store.stories()
        aid = stories[0].articles[0]
        stories[0].layer = StoryLayer.from_dict(
            {
                "entities": [
                    {"id": "e1", "name": "Sergei Lavrov", "type": "PERSON", "aliases": ["Lavrov"],
                     "mentions": {aid: [[0, 6], [10, 16]]}},
                    {"id": "e2", "name": "Tartus", "type": "GPE", "aliases": [],
                     "mentions": {aid: [[20, 26]]}},
                    {"id": "e3", "name": "Vladimir Putin", "type": "PERSON", "aliases": []},
                ],
                "quotes": [
                    {"text": "We support the truce", "article": aid, "span": [0, 20],
                     "speaker": "Lavrov", "kind": "direct"},
                    {"text": "the fleet is ready", "article": aid, "span": [30, 48],
                     "speaker": "Putin", "kind": "indirect"},
                ],
            }
        )  # fmt: skip
        for s in stories[1:]:
            s.layer = None  # only the first story has entities and quotes
        store.save_analysis(articles, stories)


def test_entities_and_quotes_from_story_objects(loaded: TestClient, db_url: str) -> None:
    real = loaded.get("/api/entities", params={"limit": 100}).json()  # from the analysis layer
    assert real["total"] > 0 and any(e["name"] == "Sergei Lavrov" for e in real["items"])
    save_analysed_story(db_url)
    rows, totals = all_pages(loaded, "/api/entities", 2)
    assert totals == {3} and [r["name"] for r in rows][0] == "Sergei Lavrov"
    assert all(r["story"] for r in rows)
    people = loaded.get("/api/entities", params={"type": "person"}).json()
    assert people["total"] == 2 == len(people["items"])
    story = rows[0]["story"]
    assert loaded.get("/api/entities", params={"story": story}).json()["total"] == 3
    brief = loaded.get(f"/api/stories/{story}").json()
    assert len(brief["entities"]) == 3 and len(brief["quotes"]) == 2  # extra keys pass through
    quotes = loaded.get("/api/quotes", params={"speaker": "lavrov"}).json()
    assert quotes["total"] == 1 and quotes["items"][0]["text"] == "We support the truce"
    rows, totals = all_pages(loaded, "/api/quotes", 1)
    assert totals == {2} == {len(rows)}


def test_exports(loaded: TestClient) -> None:
    stories = loaded.get("/api/stories", params={"limit": 100}).json()
    response = loaded.get("/api/export/stories.jsonl")
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    assert sorted(x["id"] for x in lines) == sorted(s["id"] for s in stories["items"])
    table = list(csv.DictReader(io.StringIO(loaded.get("/api/export/stories.csv").text)))
    assert len(table) == stories["total"] and table[0]["summary"]
    articles = list(csv.DictReader(io.StringIO(loaded.get("/api/export/articles.csv").text)))
    assert len(articles) == 2 and all(a["text"] for a in articles)
    jl = loaded.get("/api/export/articles.jsonl").text.splitlines()
    assert [json.loads(x)["id"] for x in jl] == sorted(a["id"] for a in articles)
    assert loaded.get("/api/export/secrets.csv").status_code == 404
    assert loaded.get("/api/export/stories.xml").status_code == 404


def test_csv_export_defuses_formulas(client: TestClient) -> None:
    record = {
        "text": "A formula in the title should stay text in a spreadsheet.",
        "title": "=HYPERLINK(1)",
    }
    client.post("/api/articles", json=[record], headers=AUTH)
    (row,) = csv.DictReader(io.StringIO(client.get("/api/export/articles.csv").text))
    assert row["title"] == "'=HYPERLINK(1)"


def test_openapi_docs(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    schema = client.get("/openapi.json").json()
    assert {"StoryBrief", "StoryPage", "ArticleDetail", "IngestResult"} <= set(
        schema["components"]["schemas"]
    )
    paths = schema["paths"]
    for path in (
        "/api/articles",
        "/api/articles/upload",
        "/api/analyse",
        "/api/stories",
        "/api/search",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/entities",
        "/api/quotes",
        "/api/export/{kind}.{fmt}",
    ):
        assert path in paths


@pytest.mark.parametrize(
    "path", ["/", "/api/stories", "/docs", "/static/app.js", "/stories/s-nope", "/nowhere"]
)
def test_security_headers(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
