"""Which of the at-scale readers handles a path (WARC, feeds, large JSONL).

The base ingest dispatcher can consult ``stream_reader_for`` before its own readers. Feeds
are recognised by extension (.rss, .atom) or, for .xml files, by sniffing the root element.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from storyline.config import IngestOptions
from storyline.ingest.csv_stream import read_csv_stream
from storyline.ingest.feeds import read_feed
from storyline.ingest.jsonl_stream import read_jsonl_stream
from storyline.ingest.warc import read_warc
from storyline.model import InputReport, RawDocument

Reader = Callable[[Path, IngestOptions], Iterator[RawDocument | InputReport]]

_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def _is_feed_xml(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048).lower()
    except OSError:
        return False
    return any(root in head for root in _FEED_ROOTS)


def stream_reader_for(path: Path) -> Reader | None:
    """The reader for a WARC, feed, JSONL or CSV path, else ``None``."""
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        return read_warc
    if name.endswith((".rss", ".atom")) or (name.endswith(".xml") and _is_feed_xml(path)):
        return read_feed
    if name.endswith(".jsonl"):
        return read_jsonl_stream
    if name.endswith(".csv"):
        return read_csv_stream
    return None
