"""The web pages: content, citations wired to highlights, later stages' keys, and XSS."""

from __future__ import annotations

import re
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path

from fastapi.testclient import TestClient

from storyline.layer import (
    ClaimItem,
    ClaimSideItem,
    EntityItem,
    FactItem,
    MentionRef,
    QuoteItem,
    StoryLayer,
    TimelineEvent,
)
from storyline.run.pipeline import run_brief
from storyline.serve.views import cited_segments, safe_upload_name, safe_url, timeline_rows
from storyline.store.factory import open_store

AUTH = {"Authorization": "Bearer test-token-123"}


class Tags(HTMLParser):
    """Every start tag with its attributes, to check what a browser would build."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def test_story_list_shows_outlets_counts_and_links(loaded: TestClient) -> None:
    html = loaded.get("/").text
    stories = loaded.get("/api/stories").json()["items"]
    for s in stories:
        assert f'href="/stories/{s["id"]}"' in html
        for outlet in s["outlets"]:
            assert outlet in html
    assert "2 stories" in html or "1 story" in html
    head = loaded.head("/")
    assert head.status_code == 200 and "content-security-policy" in head.headers


def test_story_page_wires_each_summary_sentence_to_its_cited_span(loaded: TestClient) -> None:
    for listing in loaded.get("/api/stories").json()["items"]:
        brief = loaded.get(f"/api/stories/{listing['id']}").json()
        response = loaded.get(f"/stories/{listing['id']}")
        assert response.status_code == 200
        tags = tags_of(response.text)
        marks = {c for t, a in tags if t == "mark" for c in (a["data-c"] or "").split()}
        cited_items = [a for t, a in tags if t == "li" and "data-cite" in a]
        # the summary comes first; quotes, facts and events after it cite their spans too
        sentences = cited_items[: len(brief["summary"])]
        assert len(cited_items) >= len(brief["summary"]) > 0
        for attrs, sentence in zip(sentences, brief["summary"], strict=True):
            wanted = {f"c-{c['article']}-{c['start']}-{c['end']}" for c in sentence["citations"]}
            assert set((attrs["data-cite"] or "").split()) == wanted
            assert wanted <= marks
        assert 'src="/static/app.js"' in response.text
        assert "Outlets and duplicates" in response.text


def test_article_page_shows_removed_spans(loaded: TestClient) -> None:
    article = loaded.get("/api/articles").json()["items"][0]
    detail = loaded.get(f"/api/articles/{article['id']}").json()
    html = loaded.get(f"/articles/{article['id']}").text
    dels = [a for t, a in tags_of(html) if t == "del"]
    assert len(dels) == len(detail["removed"]) > 0
    assert loaded.get("/articles/a-nope").status_code == 404
    assert loaded.get("/stories/s-nope").status_code == 404


def test_search_page(loaded: TestClient) -> None:
    html = loaded.get("/", params={"q": "warships"}).text
    assert "1 story" in html and "warships" in html.lower()
    assert "No story matches" in loaded.get("/", params={"q": "xylophone"}).text


def _quote(text: str, article: str, speaker: str | None, kind: str, start: int = 0) -> QuoteItem:
    return QuoteItem(text, article, start, start + len(text), speaker, None, None, None, None,
                     None, None, "said", kind)  # fmt: skip


def _event(value: str, text: str, article: str, start: int) -> TimelineEvent:
    return TimelineEvent(value, False, text, article, start, start + len(text))


def test_the_story_page_shows_the_typed_layer(loaded: TestClient, db_url: str) -> None:
    with open_store(db_url) as store:
        story = store.stories()[0]
        aid = story.articles[0]
        story.layer = StoryLayer(
            quotes=[
                # a direct quote's text carries the article's own quotation marks
                _quote("“We back the truce”", aid, "Zed Quoter", "direct"),
                _quote("talks will go on", aid, "Zed Quoter", "indirect"),
                _quote("“no comment”", aid, None, "direct"),  # quoted words, no speaker
                _quote("the talks were stalled", aid, None, "indirect"),  # no one: not shown
            ],
            entities=[EntityItem("E1", "Tartus", "GPE", [], None,
                                 [MentionRef(aid, i, i + 3) for i in (0, 5, 9)])],  # fmt: skip
            facts=[  # the number, what it counts, its sentence
                FactItem(aid, "two", 0, 3, 2.0, None, "warships", None, None, None, None, 0, 24)
            ],
            timeline=[
                _event("2012-06-18", "Warships readied", aid, 0),
                _event("2012-03-20", "Truce talks in Moscow", aid, 0),
                TimelineEvent("2012-05-26", True, "May 26", aid, 0, 6),  # the year not stated
            ],
            # a claim stated in a direct quote carries the article's marks: never ““...”
            claims=[ClaimItem("C1", "statement", "Moscow", "“Arms sales are legal,” he said",
                              "single-source", ["X"], [ClaimSideItem(aid, "X", 0, 10, "asserts")])],
        )  # fmt: skip
        store.save_analysis(store.articles(), [story])
    html = loaded.get(f"/stories/{story.id}").text
    assert html.count("Zed Quoter") == 1  # one heading per speaker
    assert "“We back the truce”" in html and "““" not in html and "(unattributed)" in html
    assert "“no comment”" in html and "the talks were stalled" not in html
    assert "Tartus" in html and ">3<" in html
    assert "<b>two warships</b>" in html
    with open_store(db_url) as store:
        first = next(a for a in store.articles() if a.id == story.articles[0])
    assert html_escape(first.text[0:24]) in html  # the sentence the number comes from
    assert html.index("Truce talks in Moscow") < html.index("Warships readied")
    # the marker stands apart from the event's sentence, not glued to its first word
    assert '<time>2012-05-26</time> <span class="inferred">(year inferred)</span> <span' in html
    assert "‘“Arms sales are legal,” he said’" in html and "Moscow" in html
    assert html_escape(first.text[0:10]) in html  # the claim side's sentence, read by offsets


def test_claim_rows_show_text_status_and_every_side() -> None:
    from storyline.serve.views import claim_rows

    claim = ClaimItem.from_dict(
        {"id": "c1", "subject": "a Russian military unit", "status": "contradicted",
         "text": "a unit arrived in Syria", "sides": [
             {"article": "a-1", "source": "Naharnet", "span": [0, 11], "stance": "asserts",
              "speaker": "reports"},
             {"article": "a-1", "source": "Naharnet", "span": [12, 29], "stance": "disagree",
              "score": 0.61, "speaker": "Lavrov"}],
         "other_sides": {"count": 2, "stories": ["s-2"]}})  # fmt: skip
    single = ClaimItem("c0", "statement", "x y", "t", "single-source", [], [])
    rows = claim_rows([single, claim], {"a-1": "A unit came Lavrov: no troops"})
    assert [r["status"] for r in rows] == ["contradicted", "single-source"]
    row = rows[0]
    assert row["text"] == "a unit arrived in Syria" and row["subject"] == "a Russian military unit"
    assert [s["label"] for s in row["sides"]] == [
        "Naharnet (reports) states",
        "Naharnet (Lavrov) disagrees, 0.61",
    ]
    assert row["sides"][1]["cite"] == "c-a-1-12-29" and row["sides"][1]["stance"] == "disagree"
    assert [s["text"] for s in row["sides"]] == ["A unit came", "Lavrov: no troops"]
    assert row["others"] == "2 more sides in other stories of this storyline (s-2)"


def test_cited_segments_keep_overlapping_and_nested_citations() -> None:
    text = "Alpha beta gamma delta."
    pieces = cited_segments(text, {(0, 16), (6, 10), (11, 23), (30, 40)}, "a-1")
    assert "".join(p["text"] for p in pieces) == text
    covering = [(p["text"], p["ids"].split()) for p in pieces]
    assert covering == [
        ("Alpha ", ["c-a-1-0-16"]),
        ("beta", ["c-a-1-0-16", "c-a-1-6-10"]),
        (" ", ["c-a-1-0-16"]),
        ("gamma", ["c-a-1-0-16", "c-a-1-11-23"]),
        (" delta.", ["c-a-1-11-23"]),
    ]
    for cid in ("c-a-1-0-16", "c-a-1-6-10", "c-a-1-11-23"):
        start, end = map(int, cid.split("-")[-2:])
        assert "".join(p["text"] for p in pieces if cid in p["ids"].split()) == text[start:end]
    assert cited_segments("", set(), "a-1") == [{"text": "", "ids": ""}]


def test_quotes_with_offsets_highlight_their_source(loaded: TestClient, db_url: str) -> None:
    with open_store(db_url) as store:
        story = store.stories()[0]
        article = store.articles([story.articles[0]])[0]
        cut = story.summary[0].citations[0]
        inner = (cut.start + 4, cut.start + 20)  # a quote nested in a summary sentence

        quote = _quote(article.text[inner[0] : inner[1]], article.id, "Someone", "direct", inner[0])
        story.layer = StoryLayer(quotes=[quote])
        store.save_analysis(store.articles(), [story])
    tags = tags_of(loaded.get(f"/stories/{story.id}").text)
    quote_li = [a for t, a in tags if t == "li" and "quote" in (a.get("class") or "")]
    wanted = f"c-{article.id}-{inner[0]}-{inner[1]}"
    assert quote_li[0]["data-cite"] == wanted
    marks = [(a["data-c"] or "").split() for t, a in tags if t == "mark"]
    assert any(wanted in m for m in marks)
    summary_id = f"c-{cut.article}-{cut.start}-{cut.end}"
    assert sum(summary_id in m for m in marks) == 3  # cut in three around the quote


def test_timeline_rows_sort_by_date_and_space_by_gap() -> None:
    rows = timeline_rows(
        [_event(v, "x", "a", 0) for v in ("2012-06", "2012-03-20", "2012-03-21", "XXXX-05")]
    )
    assert [r["date"] for r in rows] == ["2012-03-20", "2012-03-21", "2012-06", "XXXX-05"]
    assert rows[0]["gap"] == 0 and 0 < rows[1]["gap"] < rows[2]["gap"]


def test_upload_names_and_urls_are_made_safe() -> None:
    assert safe_upload_name("../../etc/passwd.txt") == "upload/passwd.txt"
    assert safe_upload_name("C:\\Users\\x\\..\\a.html") == "upload/a.html"
    assert safe_upload_name("..") == "upload/unnamed"
    assert safe_upload_name("a\x00b\n.txt") == "upload/ab.txt"
    assert safe_upload_name(None) == "upload/unnamed"
    assert safe_url("https://example.com/a?b=1") == "https://example.com/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x"):
        assert safe_url(bad) is None


# --- XSS -------------------------------------------------------------------------------

HOSTILE_TEXT = (
    "Officials met in Damascus on Monday to discuss the ceasefire plan in detail.\n"
    "<script>alert('xss-1')</script> The envoy said talks would continue next week.\n"
    "A photo <img src=x onerror=\"alert('xss-2')\"> showed the damaged port of Tartus.\n"
    "Readers were told to <a href=\"javascript:alert('xss-3')\">click here</a> for more.\n"
    "The ministry added that aid convoys would reach Homs by Friday afternoon.\n"
)
HOSTILE = {
    "text": HOSTILE_TEXT,
    "title": "<script>alert('xss-title')</script>Ceasefire talks",
    "url": "javascript:alert('xss-url')",
    "outlet": '"><svg onload=alert("xss-outlet")>',
    "publisher": "<b onmouseover=alert(1)>Pub</b>",
    "date": "2012-06-18",
}


def assert_inert(html: str) -> None:
    """No tag or attribute from the article survives as markup."""
    assert "<script>alert" not in html
    assert "<img src=x" not in html and "<svg" not in html and "<b onmouseover" not in html
    for tag, attrs in tags_of(html):
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, value)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, attrs)
        assert tag not in ("img", "svg", "iframe", "object", "embed")
        if tag == "script":
            assert attrs.get("src") == "/static/app.js"  # our one script, never inline


def test_hostile_article_is_escaped_on_every_page(client: TestClient, tmp_path: Path) -> None:
    body = client.post("/api/articles", json=[HOSTILE], headers=AUTH).json()
    assert body["counts"]["new"] == 1, body
    story = client.get("/api/stories").json()["items"][0]
    article_id = body["articles"][0]["article"]
    pages = [
        "/",
        "/?q=ceasefire",
        "/?q=%3Cscript%3Ealert",
        f"/stories/{story['id']}",
        f"/articles/{article_id}",
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert_inert(response.text)
    story_html = client.get(f"/stories/{story['id']}").text
    assert "&lt;script&gt;alert(" in story_html  # shown as text, not dropped
    assert "onerror=" in story_html and "&lt;img src=x" in story_html
    assert 'class="bad-url"' in story_html  # the javascript: URL is text, not a link
    # the API returns the text as data (JSON), unchanged
    detail = client.get(f"/api/articles/{article_id}").json()
    assert "<script>alert('xss-1')</script>" in detail["raw_text"]


def test_hostile_article_is_escaped_in_brief_html(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    pile.mkdir()
    import json

    (pile / "hostile.json").write_text(json.dumps([HOSTILE]), encoding="utf-8")
    result = run_brief([str(pile)], tmp_path / "out")
    assert result.counts()["articles_total"] == 1
    html = (tmp_path / "out" / "brief.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in html
    # brief.html carries one inline script of its own; the article's must not be markup
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    assert len(scripts) == 1 and "xss" not in scripts[0]
    assert "<img src=x" not in html and "<svg" not in html and "<b onmouseover" not in html
    for _tag, attrs in tags_of(html):
        assert not any(name.startswith("on") for name in attrs)
        assert not any((v or "").lower().startswith("javascript:") for v in attrs.values())


def test_timeline_rows_show_the_normalised_date_not_the_offset():
    from storyline.serve.views import timeline_rows

    events = [_event("2012-06-18", "Monday", "a", 2050), _event("2012-02", "February", "a", 4482)]
    rows = timeline_rows(events)
    assert [r["date"] for r in rows] == ["2012-02", "2012-06-18"]
    assert all(r["date"] not in ("2050", "4482") for r in rows)
    # a year the article did not state is flagged, as brief.md flags it
    guessed = TimelineEvent("2012-05-26", True, "May 26", "a", 10, 16)
    rows = timeline_rows([guessed, *events])
    assert [r["year_inferred"] for r in rows] == [False, True, False]


def test_a_page_past_the_end_says_so_and_links_back(loaded: TestClient) -> None:
    """Issue 16: /?page=999 showed "showing 19961–19960"."""
    for path, here in (("/?page=999", "/?"), ("/?q=syria&page=50", "/?q=syria&amp;")):
        response = loaded.get(path)
        assert response.status_code == 200
        html = response.text
        assert "showing" not in html and "–" not in html.split('class="count"')[1][:80]
        assert "Nothing on page" in html and "pager" not in html
        links = {a.get("href") for tag, a in tags_of(html) if tag == "a"}
        assert here.replace("&amp;", "&") + "page=1" in links
    first = loaded.get("/").text
    assert "showing 1–" in first and "Nothing on page" not in first


def test_a_story_page_offers_its_brief_as_markdown_and_json(loaded: TestClient) -> None:
    listing = loaded.get("/api/stories").json()["items"][0]
    sid = listing["id"]
    html = loaded.get(f"/stories/{sid}").text
    assert f'href="/stories/{sid}.md"' in html and f'href="/api/stories/{sid}"' in html
    md = loaded.get(f"/stories/{sid}.md")
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert f'filename="{sid}.md"' in md.headers["content-disposition"]
    brief = loaded.get(f"/api/stories/{sid}").json()
    text = md.text
    assert text.startswith("# Brief") and brief["title"][:40] in text
    # every summary sentence with its citation, as in brief.md: "[n:start-end]", n the
    # article's number in the Sources list
    numbers = {aid: n for n, aid in re.findall(r"^(\d+)\. `([^`]+)`", text, re.MULTILINE)}
    assert numbers
    for sentence in brief["summary"]:
        citation = sentence["citations"][0]
        start, end = (
            citation["span"] if "span" in citation else (citation["start"], citation["end"])
        )
        assert f"[{numbers[citation['article']]}:{start}-{end}]" in text
    # only this story: no other story's section
    others = [s for s in loaded.get("/api/stories").json()["items"] if s["id"] != sid]
    assert all(f"## {o['title'][:30]}" not in text for o in others)
    assert loaded.get("/stories/no-such-story.md").status_code == 404


def test_the_story_page_shows_who_said_what_as_the_brief_does(
    loaded: TestClient, db_url: str
) -> None:
    # the name the speaker resolved to, its role, and the article's own words for them
    with open_store(db_url) as store:
        story = store.stories()[0]
        aid = story.articles[0]
        said = QuoteItem("the fleet would sail", aid, 0, 20, "Vyacheslav Trukhachev", "E7",
                         None, None, "A spokesman for the fleet", None, None, "told",
                         "indirect")  # fmt: skip
        plain = QuoteItem("no ship had left", aid, 0, 16, "Mr Trukhachev", "E7", None, None,
                          None, None, None, "said", "indirect")  # fmt: skip
        story.layer = StoryLayer(
            quotes=[said, plain],
            entities=[
                EntityItem(
                    "E7",
                    "Vyacheslav Trukhachev",
                    "PERSON",
                    [],
                    "spokesman",
                    [MentionRef(aid, 0, 3)],
                )
            ],  # fmt: skip
        )
        store.save_analysis(store.articles(), [story])
    html = loaded.get(f"/stories/{story.id}").text
    section = html[html.index('id="quotes"') :]
    section = section[: section.index("</section>")]
    heading = re.search(r"<h3>(.*?)</h3>", section, re.S)
    assert heading is not None
    assert "Vyacheslav Trukhachev" in heading.group(1) and ", spokesman" in heading.group(1)
    assert section.count("<h3>") == 1  # both quotes under the one resolved name
    items = re.findall(r"<li [^>]*>(.*?)</li>", section, re.S)
    assert len(items) == 2
    told = next(i for i in items if "the fleet would sail" in i)
    assert "(told, as “A spokesman for the fleet”)" in told
    plain_li = next(i for i in items if "no ship had left" in i)
    assert "(said)" in plain_li and "as “" not in plain_li  # "Mr Trukhachev" adds nothing


def test_story_page_timeline_rows_spell_out_a_decade():
    from storyline.layer import TimelineEvent
    from storyline.serve.views import timeline_rows

    rows = timeline_rows([TimelineEvent("199", False, "the 1990s", "a1", 19, 28)])
    assert (rows[0]["date"], rows[0]["label"]) == ("199", "1990s")
