"""RSS and Atom feed files (feedparser).

One RawDocument per entry: the entry's full content (else its summary) with HTML stripped
as text, the entry title, link and published (else updated) date as ISO 8601 UTC, and the
feed title as outlet. An entry without any usable text is skipped with a reason. A feed
with XML errors ("bozo") is still read when feedparser's lenient parser recovered entries;
if nothing was recovered, the file is reported as skipped with the parser's error.
``RawDocument.source`` is ``"<path>#<entry number>"`` (1-based).
"""

from __future__ import annotations

import calendar
import logging
import re
import warnings
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from storyline.config import IngestOptions
from storyline.errors import Errors
from storyline.model import InputReport, RawDocument

logger = logging.getLogger(__name__)

# tags after which a line break belongs in the text (so paragraphs do not run together)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "table",
        "section",
        "article",
        "pre",
        "hr",
    ]
)
_WHITESPACE = re.compile(r"\s+")  # source line breaks inside a block are just spaces
_INLINE_SPACE = re.compile(r"[^\S\n]+")


def read_feed(path: Path, options: IngestOptions) -> Iterator[RawDocument | InputReport]:
    """Yield a RawDocument per usable entry and a skipped InputReport per bad entry."""
    import feedparser

    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            too_big = Errors.E150.format(size=size, limit=options.max_bytes)
            yield InputReport(str(path), "skipped", too_big)
            return
        data = path.read_bytes()  # feeds are small documents; size checked above
    except OSError as exc:
        yield InputReport(str(path), "skipped", Errors.E107.format(error=exc))
        return
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        if not entries:
            yield InputReport(str(path), "skipped", Errors.E151.format(error=problem))
            return
        logger.warning("%s: feed has XML errors (%s); read leniently", path, problem)
    if not entries:
        empty = Errors.E152 if parsed.get("version") else Errors.E153
        yield InputReport(str(path), "skipped", empty.format())
        return
    outlet = _clean_line(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, start=1):
        yield _entry_to_document(entry, f"{path}#{number}", outlet)


def _entry_to_document(entry: Any, source: str, outlet: str | None) -> RawDocument | InputReport:
    try:
        html = _entry_html(entry)
        text = html_fragment_to_text(html) if html else ""
        title = _clean_line(entry.get("title"))
        if not text:
            return InputReport(source, "skipped", Errors.E154.format(), record=True)
        return RawDocument(
            source=source,
            text=text,
            fmt="feed",
            title=title,
            url=_clean_line(entry.get("link")),
            date=_entry_date(entry),
            outlet=outlet,
            extractor="feedparser",
            record=True,
            record_id=_clean_line(entry.get("id")),
        )
    except ImportError:
        raise  # a missing dependency is not an odd entry
    except Exception as exc:  # noqa: BLE001 - one odd entry must not stop the feed
        logger.exception("%s: unreadable feed entry", source)
        return InputReport(source, "skipped", Errors.E155.format(error=exc), record=True)


def _entry_html(entry: Any) -> str:
    """The longest content block, else the summary (both may be HTML or plain text)."""
    contents = [c.get("value") or "" for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    return best if best.strip() else (entry.get("summary") or "")


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        with warnings.catch_warnings():
            # feedparser warns about its temporary updated->published alias on lookup
            warnings.simplefilter("ignore", DeprecationWarning)
            parsed = entry.get(key)
        if parsed:
            # feedparser normalises to UTC struct_time
            stamp = datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)
            return stamp.isoformat()
    return None


def html_fragment_to_text(html: str) -> str:
    """Visible text of an HTML fragment, with block elements as line breaks."""
    if "<" not in html:  # plain text: its own line breaks are the paragraph breaks
        return _normalise(_INLINE_SPACE.sub(" ", _unescape(html)))
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # unparsable markup: fall back to dropping tags
        return _normalise(_WHITESPACE.sub(" ", _unescape(re.sub(r"<[^>]*>", " ", html))))
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    parts: list[str] = []
    # iterative walk (text, children, tail) so that deep markup cannot hit the recursion limit
    stack: list[tuple[Any, bool]] = [(root, False)]  # lxml elements (lxml is untyped)
    while stack:
        element, closing = stack.pop()
        is_block = isinstance(element.tag, str) and element.tag.lower() in _BLOCK_TAGS
        if closing:
            if is_block:
                parts.append("\n")
            if element is not root and element.tail:
                parts.append(_WHITESPACE.sub(" ", element.tail))
            continue
        if is_block:
            parts.append("\n")
        if isinstance(element.tag, str) and element.text:
            parts.append(_WHITESPACE.sub(" ", element.text))
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(element))
    return _normalise("".join(parts))


def _unescape(text: str) -> str:
    import html as html_lib

    return html_lib.unescape(text)


def _normalise(text: str) -> str:
    """One line per block, inner whitespace already collapsed; no empty lines."""
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _clean_line(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
