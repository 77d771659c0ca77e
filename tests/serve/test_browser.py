"""End to end in a real browser: a uvicorn server on 127.0.0.1, Debian's chromium
driven by Playwright, the sample pile uploaded through the API."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "browser-test-token"

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def upload_sample(server: str, sample_dir: Path) -> httpx.Response:
    """Every file of the sample pile through the upload API (as a user would)."""
    files = [
        ("files", (p.name, p.read_bytes(), "text/plain")) for p in sorted(sample_dir.iterdir())
    ]
    response = httpx.post(
        f"{server}/api/articles/upload",
        files=files,
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=120,
    )
    assert response.status_code == 200, response.text
    return response


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    import uvicorn

    from storyline.serve.app import create_app

    port = free_port()
    app = create_app(f"sqlite:///{tmp_path / 'store.db'}", TOKEN)
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


def test_clicking_a_summary_sentence_highlights_its_source(
    server: str, sample_dir: Path, tmp_path: Path
) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")

    response = upload_sample(server, sample_dir)
    assert response.json()["counts"]["new"] == 2

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            problems: list[str] = []
            page.on("pageerror", lambda exc: problems.append(str(exc)))
            page.on(
                "console",
                lambda msg: problems.append(msg.text) if msg.type == "error" else None,
            )
            page.goto(f"{server}/")
            page.click("a.story-title >> nth=0")
            page.wait_for_selector(".summary li.sent")
            sentence = page.locator(".summary li.sent").first
            cited_ids = (sentence.get_attribute("data-cite") or "").split()
            assert cited_ids
            mark = page.locator(f'mark[data-c~="{cited_ids[0]}"]').first
            assert "hl" not in (mark.get_attribute("class") or "")
            sentence.click()
            page.wait_for_selector(f'mark.hl[data-c~="{cited_ids[0]}"]')
            assert mark.is_visible()
            assert "active" in (sentence.get_attribute("class") or "")
            # the preview shows the cited sentence itself
            preview = page.locator("#cite-preview")
            assert preview.is_visible()
            assert mark.inner_text().strip()[:40] in preview.inner_text()
            # highlighted in the browser's computed style, not only by class; the
            # background fades in over a CSS transition, so wait for it to settle
            # on the highlight colour (#ffd43b) rather than reading it mid-fade
            page.wait_for_function(
                "m => getComputedStyle(m).backgroundColor === 'rgb(255, 212, 59)'",
                arg=mark.element_handle(),
                timeout=5_000,
            )
            assert problems == []  # no CSP violation or script error
            shot = tmp_path / "story-highlight.png"
            page.screenshot(path=str(shot), full_page=False)
            print(f"screenshot: {shot}")
            assert shot.stat().st_size > 10_000

            # the API documentation renders from local files (fastapi-offline's Swagger UI)
            from storyline.serve.app import bundled_swagger_ui

            if bundled_swagger_ui() is not None:
                docs = browser.new_page()
                requested: list[str] = []
                docs.on("request", lambda r: requested.append(r.url))
                docs.goto(f"{server}/docs")
                docs.wait_for_selector(".opblock", timeout=20_000)
                assert docs.locator(".opblock").count() >= 10
                assert all(u.startswith(server) or u.startswith("data:") for u in requested)

            phone = browser.new_page(viewport={"width": 390, "height": 844})
            phone.goto(page.url)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, "the story page scrolls sideways on a phone"
            phone.locator(".summary li.sent").first.click()
            phone.wait_for_selector("mark.hl")
            phone.screenshot(path=str(tmp_path / "story-phone.png"))
            print(f"screenshot: {tmp_path / 'story-phone.png'}")
        finally:
            browser.close()


def test_real_server_reads_need_the_token_for_forwarded_remote_clients(server: str) -> None:
    """uvicorn trusts X-Forwarded-For from 127.0.0.1 (a local reverse proxy): the remote
    client's address is what counts, so it needs the token to read."""
    assert httpx.get(f"{server}/api/stories").status_code == 200
    forwarded = {"X-Forwarded-For": "203.0.113.5"}
    assert httpx.get(f"{server}/api/stories", headers=forwarded).status_code == 401
    with_token = {**forwarded, "Authorization": f"Bearer {TOKEN}"}
    assert httpx.get(f"{server}/api/stories", headers=with_token).status_code == 200
    big = b"x" * (26 * 2**20)
    response = httpx.post(
        f"{server}/api/articles", content=big, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 413


@pytest.fixture
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tests' output folder for screenshots: STORYLINE_SCREENSHOTS if set, else
    pytest's base temporary folder (kept for the last three runs) /screenshots."""
    import os

    named = os.environ.get("STORYLINE_SCREENSHOTS")
    folder = Path(named) if named else tmp_path_factory.getbasetemp() / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_outlet_page_and_date_filter_on_the_sample_pile(
    server: str, sample_dir: Path, screenshots: Path
) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    upload_sample(server, sample_dir)
    naharnet = (sample_dir / "naharnet-icrc-truce.txt").read_text(encoding="utf-8")

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for name, viewport in (("laptop", (1280, 900)), ("phone", (390, 844))):
                page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
                problems: list[str] = []
                page.on("pageerror", lambda exc, problems=problems: problems.append(str(exc)))
                page.goto(f"{server}/")
                assert page.locator(".story-item").count() == 2

                # the outlet page for Naharnet lists its article, an original, by story
                page.click('.story-item a.chip:text-is("Naharnet")')
                page.wait_for_selector("h1:text-is('Naharnet')")
                items = page.locator(".outlet-articles li")
                assert items.count() == 1
                assert naharnet[:60] in items.first.inner_text()
                assert "original" in items.first.inner_text()
                assert page.locator(".outlet-story h2 a").count() == 1
                page.screenshot(
                    path=str(screenshots / f"outlet-naharnet-{name}.png"), full_page=True
                )
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport[0], f"the outlet page scrolls sideways ({name})"

                # a date filter hides the February story: only the May/June one is left
                page.goto(f"{server}/")
                page.fill('input[name="since"]', "2012-05-01")
                page.click('.filters button[type="submit"]')
                page.wait_for_selector("a.clear")
                titles = page.locator(".story-item a.story-title").all_inner_texts()
                assert len(titles) == 1 and "warships" in titles[0]
                assert "Russia called on Syria" not in page.inner_text("ul.stories")
                assert page.input_value('input[name="since"]') == "2012-05-01"
                page.screenshot(
                    path=str(screenshots / f"list-since-may-{name}.png"), full_page=True
                )
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport[0], f"the list scrolls sideways ({name})"

                # and a range around February keeps only the Naharnet story
                page.goto(f"{server}/?since=2012-02-01&until=2012-02-29")
                titles = page.locator(".story-item a.story-title").all_inner_texts()
                assert len(titles) == 1 and titles[0].startswith("Russia called on Syria")
                assert problems == []
            print(f"screenshots: {screenshots}")
            assert (screenshots / "outlet-naharnet-phone.png").stat().st_size > 5_000
        finally:
            browser.close()


def generated_pile(n: int = 300, seed: int = 11) -> list[dict[str, str]]:
    """``n`` articles on 30 topics spread over 2023 (a topic's articles within a few days),
    from 12 outlets; every tenth article is a syndicated copy of the one before it."""
    import random
    from datetime import date, timedelta

    rng = random.Random(seed)
    filler = [
        "the",
        "a",
        "of",
        "in",
        "on",
        "for",
        "with",
        "after",
        "before",
        "said",
        "report",
        "officials",
        "people",
        "city",
    ]
    records: list[dict[str, str]] = []
    for i in range(n):
        topic = i % 30
        if i % 10 == 9:  # a copy of the article before, reposted by another outlet
            copy = dict(records[-1])
            copy["outlet"] = f"Outlet {(i + 5) % 12}"
            copy["text"] = f"Reposted from {records[-1]['outlet']}.\n\n" + copy["text"]
            records.append(copy)
            continue
        words = [f"topic{topic}word{k}" for k in range(8)]
        sentences = [
            " ".join(rng.choice(words if rng.random() < 0.5 else filler) for _ in range(14))
            for _ in range(6)
        ]
        day = date(2023, 1, 1) + timedelta(days=topic * 12 + rng.randrange(3))
        records.append(
            {
                "title": f"Topic {topic} update {i}",
                "text": ". ".join(s.capitalize() for s in sentences) + ".",
                "date": day.isoformat(),
                "outlet": f"Outlet {i % 12}",
            }
        )
    return records


def test_list_and_outlet_pages_on_a_generated_pile(
    tmp_path: Path, screenshots: Path, live_server: Any
) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    import storyline
    from storyline.config import Options
    from storyline.serve.app import create_app

    db = tmp_path / "pile.db"
    storyline.brief(generated_pile(), Options(analysis=False), store=db)
    base = live_server(create_app(f"sqlite:///{db}", TOKEN))
    everything = httpx.get(f"{base}/api/stories", params={"limit": 1}).json()["total"]
    in_march = httpx.get(
        f"{base}/api/stories", params={"since": "2023-03-01", "until": "2023-03-31", "limit": 100}
    ).json()
    assert 0 < in_march["total"] < everything
    articles = httpx.get(f"{base}/api/articles", params={"limit": 100}).json()
    rows = list(articles["items"])
    while len(rows) < articles["total"]:
        rows += httpx.get(
            f"{base}/api/articles", params={"limit": 100, "offset": len(rows)}
        ).json()["items"]
    outlet2 = [r for r in rows if r["outlet"] == "Outlet 2"]
    assert outlet2

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for name, viewport in (("laptop", (1280, 900)), ("phone", (390, 844))):
                page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
                page.goto(f"{base}/")
                page.fill('input[name="since"]', "2023-03-01")
                page.fill('input[name="until"]', "2023-03-31")
                page.click('.filters button[type="submit"]')
                page.wait_for_selector("a.clear")
                shown = page.locator(".story-item").count()
                assert shown == min(in_march["total"], 20)  # one page of the filtered list
                for days in page.locator(".story-item .days").all_inner_texts():
                    first, _, last = days.partition(" – ")
                    assert first[:10] <= "2023-03-31" and (last or first)[:10] >= "2023-03-01"
                page.screenshot(path=str(screenshots / f"pile-march-{name}.png"), full_page=True)
                assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]

                page.goto(f"{base}/?sort=articles")
                counts = [
                    int(t.split()[0])
                    for t in page.locator(".story-item .meta span:first-child").all_inner_texts()
                ]
                assert counts == sorted(counts, reverse=True) and len(counts) == 20

                page.goto(f"{base}/outlets/Outlet%202")
                page.wait_for_selector("h1:text-is('Outlet 2')")
                assert page.locator(".outlet-articles li").count() == len(outlet2)
                copies = sum(1 for r in outlet2 if r["duplicate_of"])
                assert copies > 0  # it reposted others' articles, shown as copies of whom
                assert page.locator(".outlet-articles li.copy").count() == copies
                page.screenshot(path=str(screenshots / f"pile-outlet-{name}.png"), full_page=True)
                assert page.evaluate("document.documentElement.scrollWidth") <= viewport[0]
        finally:
            browser.close()


def test_storyline_and_entity_pages_on_the_sample_pile(
    server: str, sample_dir: Path, screenshots: Path
) -> None:
    """The storyline page lists both sample stories, the February one before the May/June
    one; the entity page for Lavrov, reached from it, shows his quote."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    upload_sample(server, sample_dir)

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for name, viewport in (("laptop", (1280, 900)), ("phone", (390, 844))):
                page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
                problems: list[str] = []
                page.on("pageerror", lambda exc, problems=problems: problems.append(str(exc)))
                page.goto(f"{server}/")
                # one storyline: both stories carry its chip, which opens its page
                assert page.locator(".story-item a.chip.storyline").count() == 2
                page.click(".story-item a.chip.storyline >> nth=0")
                page.wait_for_selector("h1:has-text('Storyline')")
                titles = page.locator(".line-story a.story-title").all_inner_texts()
                assert len(titles) == 2
                assert titles[0].startswith("Russia called on Syria")  # February
                assert "warships" in titles[1]  # May/June
                days = page.locator(".line-story .days").all_inner_texts()
                # the uploaded articles carry no published date: each story is placed by the
                # dates its text mentions and says so, February before May/June
                assert days[0] == "undated (mentions 2012-02)", days
                second = re.search(r"\d{4}-\d{2}-\d{2}", days[1])
                assert second is not None and second.group(0) >= "2012-05-01", days
                assert page.locator(".line-timeline li").count() > 0
                page.screenshot(path=str(screenshots / f"storyline-{name}.png"), full_page=True)
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport[0], f"the storyline page scrolls sideways ({name})"

                # Lavrov's entity page, from the storyline's entity table
                page.click("#entities a:has-text('Sergei Lavrov')")
                page.wait_for_selector("h1:text-is('Sergei Lavrov')")
                quotes = page.inner_text("#quotes")
                assert (
                    "Russia had no plans to send troops" in quotes
                    or "confront the United States" in quotes
                )
                assert page.locator("#stories .story-item").count() == 2
                page.screenshot(path=str(screenshots / f"entity-lavrov-{name}.png"), full_page=True)
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport[0], f"the entity page scrolls sideways ({name})"
                assert problems == []
            print(f"screenshots: {screenshots}")
            assert (screenshots / "storyline-phone.png").stat().st_size > 5_000
        finally:
            browser.close()
