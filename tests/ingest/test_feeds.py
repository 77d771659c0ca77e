from __future__ import annotations

from pathlib import Path

from storyline.config import IngestOptions
from storyline.ingest.feeds import html_fragment_to_text, read_feed
from storyline.model import InputReport, RawDocument

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example</link>
<item><title>Council approves harbour plan</title><link>https://gazette.example/a</link>
<pubDate>Tue, 03 Mar 2020 10:00:00 +0100</pubDate>
<description>&lt;p&gt;The council voted &lt;b&gt;7-2&lt;/b&gt; on Monday.&lt;/p&gt;&lt;p&gt;Work
starts in May.&lt;/p&gt;&lt;script&gt;track()&lt;/script&gt;</description></item>
<item><title></title><link>https://gazette.example/b</link><description></description></item>
<item><title>Ferry timetable</title><pubDate>not a date</pubDate>
<description>Plain text body &amp; more.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Service</title>
<entry><title>Quake hits coast</title><link href="https://wire.example/q"/>
<updated>2021-06-01T08:30:00Z</updated><summary>Short summary.</summary>
<content type="html">&lt;p&gt;A magnitude 6 quake hit the coast.&lt;/p&gt;&lt;p&gt;No
casualties were reported.&lt;/p&gt;</content></entry>
</feed>
"""


def split(items) -> tuple[list[RawDocument], list[InputReport]]:
    items = list(items)
    return (
        [x for x in items if isinstance(x, RawDocument)],
        [x for x in items if isinstance(x, InputReport)],
    )


def test_rss_entries_become_documents_and_broken_entry_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "gazette.rss"
    path.write_text(RSS, encoding="utf-8")
    docs, reports = split(read_feed(path, IngestOptions()))
    assert [d.source for d in docs] == [f"{path}#1", f"{path}#3"]
    first = docs[0]
    assert first.text == "The council voted 7-2 on Monday.\nWork starts in May."
    assert first.title == "Council approves harbour plan"
    assert first.url == "https://gazette.example/a"
    assert first.date == "2020-03-03T09:00:00+00:00"
    assert first.outlet == "Harbour Gazette" and first.fmt == "feed"
    assert docs[1].date is None and docs[1].text == "Plain text body & more."
    assert [(r.source, r.status) for r in reports] == [(f"{path}#2", "skipped")]
    assert reports[0].reason == "[E154] entry has no content or summary text"
    assert reports[0].record and all(d.record for d in docs)


def test_atom_prefers_full_content_over_summary(tmp_path: Path) -> None:
    path = tmp_path / "wire.atom"
    path.write_text(ATOM, encoding="utf-8")
    docs, reports = split(read_feed(path, IngestOptions()))
    assert reports == []
    assert docs[0].text == "A magnitude 6 quake hit the coast.\nNo casualties were reported."
    assert docs[0].date == "2021-06-01T08:30:00+00:00"
    assert docs[0].outlet == "Wire Service"


def test_bozo_feed_is_read_leniently(tmp_path: Path) -> None:
    broken = RSS.replace(
        "</channel>",
        "<item><title>Broken & unescaped <b>markup</title>"
        "<description>Text of the broken item.</description></item></channel>",
    )
    path = tmp_path / "bozo.rss"
    path.write_text(broken, encoding="utf-8")
    docs, _ = split(read_feed(path, IngestOptions()))
    assert [d.text for d in docs][-1] == "Text of the broken item."
    assert len(docs) == 3


def test_not_a_feed_and_missing_file_are_reported(tmp_path: Path) -> None:
    page = tmp_path / "page.xml"
    page.write_text("<html><body>hello</body></html>", encoding="utf-8")
    assert [(r.status, r.reason) for r in read_feed(page, IngestOptions())] == [
        ("skipped", "[E153] not an RSS/Atom feed")
    ]
    (report,) = read_feed(tmp_path / "missing.rss", IngestOptions())
    assert report.status == "skipped" and report.reason.startswith("[E107] cannot read file")


def test_html_fragment_to_text_keeps_paragraph_breaks() -> None:
    assert html_fragment_to_text("<p>One <i>two</i></p><ul><li>three</li></ul>four") == (
        "One two\nthree\nfour"
    )
    assert html_fragment_to_text("no &amp;  markup\n\nsecond\tline") == "no & markup\nsecond line"
