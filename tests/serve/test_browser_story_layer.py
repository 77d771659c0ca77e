"""The story page's analyst layer as a reader sees it, in a real browser, checked against
the story's brief.json object (``GET /api/stories/{id}``) by content: timeline labels are
the normalised dates (never character offsets), claims show their text and each side's
cited sentence, quotes show the quoted words once-quoted, each sliced from its article."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from serve.test_browser import CHROMIUM, CHROMIUM_ARGS, server, upload_sample  # noqa: F401 (fixture)

pytestmark = pytest.mark.slow

DATE_LABEL = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _texts(server_url: str, ids: set[str]) -> dict[str, str]:
    return {aid: httpx.get(f"{server_url}/api/articles/{aid}").json()["text"] for aid in ids}


def _sides(claim: dict[str, Any]) -> tuple[tuple[Any, ...], ...]:
    return tuple(
        (s["article"], *_span(s), s["stance"], s["source"], s.get("speaker"))
        for s in claim["sides"]
    )


def _span(item: dict[str, Any]) -> tuple[int, int]:
    start, end = item["span"]
    return int(start), int(end)


def test_story_page_layer_matches_brief_json(
    server: str,  # noqa: F811 (the fixture imported above)
    sample_dir: Path,
    tmp_path: Path,
) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (Debian package chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    upload_sample(server, sample_dir)
    stories = httpx.get(f"{server}/api/stories").json()["items"]
    assert len(stories) == 2
    seen = {
        "timeline": 0,
        "year inferred": 0,
        "claims": 0,
        "quotes": 0,
        "sourced quotes": 0,
        "split quotes": 0,
    }
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            for listing in stories:
                brief = httpx.get(f"{server}/api/stories/{listing['id']}").json()
                texts = _texts(server, set(brief["articles"]))
                page.goto(f"{server}/stories/{listing['id']}")

                # timeline: one row per event, labelled with its normalised date
                labels = page.locator("#timeline time").all_inner_texts()
                values = sorted(e["value"] for e in brief.get("timeline", []))
                assert sorted(labels) == values
                assert all(DATE_LABEL.match(label) for label in labels), labels
                # a year the article did not state is said so beside the date
                inferred = page.locator("#timeline .inferred").all_inner_texts()
                flagged = [e for e in brief.get("timeline", []) if e.get("year_inferred")]
                assert inferred == ["(year inferred)"] * len(flagged)
                seen["year inferred"] += len(flagged)
                rows = page.locator("#timeline .ev").all_inner_texts()
                for event in brief.get("timeline", []):
                    start, end = _span(event)
                    assert texts[event["article"]][start:end] == event["text"]
                    assert any(event["text"] in row for row in rows)
                seen["timeline"] += len(labels)

                # claims: the claim's text and every side's cited sentence, never a bare badge;
                # single-source claims citing the same sides share a row (folded away)
                page.locator("#claims details").evaluate_all(
                    "els => els.forEach(e => e.open = true)"
                )
                rows = page.locator("#claims li.claim").all_inner_texts()
                claims = brief.get("claims", [])
                cited = {_sides(c) for c in claims if c["status"] == "single-source" and c["sides"]}
                judged = [c for c in claims if c["status"] != "single-source" or not c["sides"]]
                assert len(rows) == len(cited) + len(judged)
                for claim in claims:
                    said = [texts[s["article"]][slice(*_span(s))].strip() for s in claim["sides"]]
                    assert all(said)
                    assert any(
                        claim["status"] in row
                        and claim["text"] in row
                        and all(s in row for s in said)
                        for row in rows
                    ), claim["id"]
                    # a single-source claim whose one sentence says it is read once
                    if (
                        claim["status"] == "single-source"
                        and len(said) == 1
                        and claim["text"] in said[0]
                    ):
                        assert not any(row.count(said[0]) > 1 for row in rows)
                seen["claims"] += len(claims)

                # quotes: each quote's words appear once-quoted, sliced from its article
                # (speakers quoted once are folded on a story of many speakers)
                page.locator("#quotes details").evaluate_all(
                    "els => els.forEach(e => e.open = true)"
                )
                shown_quotes = page.locator("#quotes li.quote").all_inner_texts()
                # (a quote whose speaker is no voice, "the size of the mound", reported
                # words with no one and no source to them, and what someone knows or sees
                # rather than says, are in brief.json only)
                quotes = [
                    q
                    for q in brief.get("quotes", [])
                    if q.get("speaker_kind") != "other"
                    and not q.get("unspoken")
                    and (
                        q["kind"] == "direct"
                        or q.get("speaker")
                        or q.get("speaker_words")
                        or q.get("source")
                    )
                ]
                assert len(shown_quotes) == len(quotes)
                for quote in quotes:
                    start, end = _span(quote)
                    text = texts[quote["article"]]
                    assert text[start:end] == quote["text"]
                    # a quote split by its attribution shows its fragments, each sliced
                    # from the article, and not the attribution between them; (a quote
                    # running on into the next paragraph shows on one line)
                    frags = quote.get("fragments") or [[start, end]]
                    assert all(start <= a < b <= end for a, b in frags)
                    pieces = [" ".join(text[a:b].strip("“”\"' ").split()) for a, b in frags]
                    row = next(
                        (q for q in shown_quotes if all(p in " ".join(q.split()) for p in pieces)),
                        None,
                    )
                    assert row is not None, pieces
                    between = [
                        " ".join(text[b:a].split()).strip(",;:“”\"' ")
                        for (_, b), (a, _) in zip(frags, frags[1:], strict=False)
                    ]
                    assert not any(g and g in " ".join(row.split()) for g in between), between
                    seen["split quotes"] += len(frags) > 1
                    if quote.get("source"):  # whose account it is, as brief.md says it
                        assert f"according to {quote['source']}" in row
                        seen["sourced quotes"] += 1
                assert not any("““" in q or "””" in q for q in shown_quotes)
                seen["quotes"] += len(quotes)
            shot = tmp_path / "story-layer.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
        finally:
            browser.close()
    # the sample has dated events (some with the year inferred), claims and quotes: an
    # empty section is a defect
    assert all(count > 0 for count in seen.values()), seen
