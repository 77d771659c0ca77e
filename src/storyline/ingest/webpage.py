"""Main-text and metadata extraction from one HTML page (shared by the WARC reader).

trafilatura does the boilerplate removal and, through htmldate, the publication date. Very
large pages make lxml and trafilatura slow and memory hungry, so the HTML is truncated to
``IngestOptions.html_timeout_chars`` before extraction and the truncation is recorded in the
``extractor`` audit field.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from storyline.config import IngestOptions

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None
    date: str | None
    extractor: str


def outlet_from_url(url: str | None) -> str | None:
    """The host name without a leading ``www.`` (``https://www.bbc.co.uk/x`` -> ``bbc.co.uk``)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    return host or None


def decode_bytes(data: bytes, declared_charset: str | None) -> str:
    """Decode with the declared charset, else UTF-8, else charset-normalizer's best guess."""
    for charset in (declared_charset, "utf-8"):
        if not charset:
            continue
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("utf-8", errors="replace")


def extract_page(html: str, url: str | None, options: IngestOptions) -> PageText | None:
    """Main text, title and date of an HTML page; ``None`` when no main text is found."""
    import trafilatura

    extractor = "trafilatura"
    if len(html) > options.html_timeout_chars:
        logger.warning(
            "HTML of %s has %d chars; truncated to %d before extraction",
            url,
            len(html),
            options.html_timeout_chars,
        )
        html = html[: options.html_timeout_chars]
        extractor = f"trafilatura(html truncated to {options.html_timeout_chars} chars)"
    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, fast=options.html_fast
        )
    except Exception as exc:  # trafilatura/lxml raise many types on hostile markup
        logger.warning("extraction failed for %s: %s", url, exc)
        return None
    if doc is None or not (doc.text or "").strip():
        return None
    return PageText(
        text=doc.text.strip(),
        title=(doc.title or None),
        date=(doc.date or None),
        extractor=extractor,
    )
