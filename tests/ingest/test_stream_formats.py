from __future__ import annotations

from pathlib import Path

from storyline.ingest.feeds import read_feed
from storyline.ingest.jsonl_stream import read_jsonl_stream
from storyline.ingest.stream_formats import stream_reader_for
from storyline.ingest.warc import read_warc


def test_reader_chosen_by_extension_and_feed_sniffing(tmp_path: Path) -> None:
    feed = tmp_path / "news.xml"
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel/></rss>')
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset></urlset>')
    assert stream_reader_for(Path("crawl.warc.gz")) is read_warc
    assert stream_reader_for(Path("CRAWL.WARC")) is read_warc
    assert stream_reader_for(Path("x.atom")) is read_feed
    assert stream_reader_for(feed) is read_feed
    assert stream_reader_for(sitemap) is None
    assert stream_reader_for(Path("pile.jsonl")) is read_jsonl_stream
    assert stream_reader_for(Path("notes.txt")) is None
