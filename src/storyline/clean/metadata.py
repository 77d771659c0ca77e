"""Metadata left inside the text: outlet, year, URL, byline.

Scraped text often carries its own provenance in the lines we cut as boilerplate:
"Copyright © 2012 Naharnet.com. All Rights Reserved. | https://naharnet.com/..." names
the outlet, the year and the URL; "By liverealnews" names who (re)published it, while
"By Kase Wickman" names an author, never an outlet; a publisher's paywall notice names
the outlet whose story it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from storyline.model import RemovedSpan

_URL = re.compile(r"(?:https?://|www\.)[^\s|<>\"']+", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_DOMAIN = re.compile(r"\b([A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*)\.(com|net|org|co\.uk|info|news)\b")
_COPYRIGHT_HOLDER = re.compile(
    r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)?\d\d)?)?\s*,?\s*"
    r"(?P<holder>[A-Z][\w&.' -]{1,60}?)(?:\.|,|\||$|\s+all rights)",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|posted by|written by|reporting by|author:)\s+(?P<name>.+)$", re.I)
_HOLDER_SUFFIX = re.compile(r"\s*(ltd|limited|inc|llc|plc|gmbh|s\.a\.)\.?$", re.IGNORECASE)

# Notices whose wording identifies the outlet whose article was copied.
KNOWN_NOTICES: tuple[tuple[str, str], ...] = (
    ("high quality global journalism requires investment", "Financial Times"),
    ("ft.com/", "Financial Times"),
    ("copyright the financial times", "Financial Times"),
    ("wsj.com", "The Wall Street Journal"),
    ("nytimes.com", "The New York Times"),
)


@dataclass(frozen=True)
class FoundMetadata:
    outlet: str | None = None
    publisher: str | None = None
    url: str | None = None
    year: int | None = None


def outlet_from_host(host: str) -> str:
    """ "naharnet.com" -> "Naharnet"; "www.bbc.co.uk" -> "BBC"-like: the registrable label."""
    host = host.lower().removeprefix("www.")
    labels = [part for part in host.split(".") if part]
    if len(labels) >= 3 and labels[-2] in {"co", "com", "org", "net", "gov", "ac"}:
        name = labels[-3]
    elif len(labels) >= 2:
        name = labels[-2]
    else:
        name = host
    return name.upper() if len(name) <= 3 else name.capitalize()


# a person's name as a byline gives it ("Kase Wickman", "Emmanuel K. Dogbevi"): an author,
# not the outlet; a handle or site ("liverealnews", "syria-watch-blog") is who published
_PERSON_NAME = re.compile(
    r"(?:[A-Z][a-z'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.|van|von|de|al|bin)){1,3}"
)


def _holder_to_outlet(holder: str) -> str | None:
    # "Copyright 2016 by WDIV ClickOnDetroit - All rights reserved.": the holder is
    # "WDIV ClickOnDetroit", not "by WDIV ClickOnDetroit -"
    holder = re.sub(r"^by\s+", "", holder.strip(" .,|-–—"), flags=re.IGNORECASE)
    holder = _HOLDER_SUFFIX.sub("", holder.strip(" .,|-–—"))
    domain = _DOMAIN.search(holder)
    if domain:
        return outlet_from_host(domain.group(0))
    return holder or None


def find_metadata(removed: list[RemovedSpan]) -> FoundMetadata:
    """Outlet, publisher, URL and year found in the removed boilerplate lines."""
    outlet = publisher = url = None
    year = None
    for span in removed:
        lowered = span.text.lower()
        for needle, name in KNOWN_NOTICES:
            if outlet is None and needle in lowered:
                outlet = name
        urls = _URL.findall(span.text)
        if urls and span.reason in {"copyright footer", "trailing url"}:
            url = urls[-1].rstrip(".,;)")
        # "Image copyright MRSA Image caption ...": a photo's holder (an agency, a
        # lab), never the outlet that ran the article nor the article's year
        if span.reason == "copyright footer" and not lowered.startswith("image "):
            years = _YEAR.findall(span.text)
            if years:
                year = int(years[-1])
            holder = _COPYRIGHT_HOLDER.search(span.text)
            if holder and outlet is None:
                outlet = _holder_to_outlet(holder.group("holder"))
        if span.reason == "byline" and publisher is None:
            match = _BYLINE.match(span.text.strip())
            name = match.group("name").strip() if match else ""
            # "By Jane Doe, Associated Press": the writer, then who published her
            writer, _, desk = name.partition(", ")
            if desk and _PERSON_NAME.fullmatch(writer):
                name = desk.strip()
            if name and not _PERSON_NAME.fullmatch(name):
                publisher = name
    if outlet is None and url:
        host = urlsplit(url if "://" in url else f"http://{url}").hostname
        if host:
            outlet = outlet_from_host(host)
    return FoundMetadata(outlet=outlet, publisher=publisher, url=url, year=year)
