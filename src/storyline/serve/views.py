"""Plain helpers behind the API and the pages: paging, upload names, export rows, and the
view of a story's analysis (quotes, entities, facts, timeline, claims).

The analysis keys are filled by later stages; a story object may lack any of them, and
their items are read tolerantly (the first of a few likely field names) so the pages
show what is there and never fail on what is not.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from storyline.brief.layer_view import side_label
from storyline.model import Article, calendar_day
from storyline.store.base import Page, Store

ANALYSIS_KEYS = ("entities", "quotes", "facts", "timeline", "claims")
EXPORT_KINDS = ("stories", "articles")
_EXPORT_PAGE = 200


def page_dict(
    page: Page[Any] | list[Any],
    convert: Callable[[Any], Any] | None,
    total: int | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> dict[str, Any]:
    if isinstance(page, Page):
        items, total, limit, offset = page.items, page.total, page.limit, page.offset
    else:
        items = page
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "items": [convert(i) for i in items] if convert else list(items),
    }


def safe_upload_name(filename: str | None) -> str:
    """A label for an uploaded file: its last path component, printable, never a path.

    Uploads are read in memory and never written under their name; the label is what the
    input reports show, so "../../etc/passwd.txt" becomes "upload/passwd.txt".
    """
    base = PurePosixPath((filename or "").replace("\\", "/")).name
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    base = base.lstrip(".") or "unnamed"
    return "upload/" + base[-200:]


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s) and may be a link target; None otherwise (javascript: ...)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def article_detail(article: Article) -> dict[str, Any]:
    detail = article.to_brief()
    detail["raw_text"] = article.raw_text
    detail["sentences"] = [[s.start, s.end] for s in article.sentences]
    return detail


def flatten_story_items(store: Store, key: str, story: str | None) -> list[dict[str, Any]]:
    """``key`` items of one story or of all stories (by story id), each tagged with it."""
    briefs = [store.story_brief(story)] if story else store.iter_story_briefs()
    rows: list[dict[str, Any]] = []
    for brief in briefs:
        if not brief:
            continue
        for item in brief.get(key) or []:
            row = dict(item) if isinstance(item, dict) else {"value": item}
            row.setdefault("story", brief["id"])
            rows.append(row)
    return rows


def _csv_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # a cell starting with = + - @ runs as a formula in spreadsheets (CSV injection)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


_STORY_COLUMNS = ("id", "title", "articles", "duplicates", "outlets", "first_date", "last_date")
_ARTICLE_COLUMNS = (
    "id", "story", "duplicate_of", "title", "outlet", "publisher", "url", "date", "lang", "text",
)  # fmt: skip


def _csv_line(values: list[Any]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([_csv_cell(v) for v in values])
    return buffer.getvalue()


def export_lines(store: Store, kind: str, fmt: str) -> Iterator[str]:
    """Every story or article, one JSON object or CSV row per line, in a stable order."""
    if kind == "stories":
        if fmt == "jsonl":
            for brief in store.iter_story_briefs():
                yield json.dumps(brief, ensure_ascii=False, sort_keys=True) + "\n"
            return
        yield _csv_line([*_STORY_COLUMNS, "summary"])
        offset = 0
        while True:
            page = store.story_page(_EXPORT_PAGE, offset)
            for s in page.items:
                brief = store.story_brief(s.id) or {}
                summary = " ".join(x["text"] for x in brief.get("summary", []))
                row = s.to_dict()
                row["outlets"] = "; ".join(s.outlets)
                yield _csv_line([row[c] for c in _STORY_COLUMNS] + [summary])
            offset += len(page.items)
            if not page.items or offset >= page.total:
                return
    if fmt == "csv":
        yield _csv_line(list(_ARTICLE_COLUMNS))
    offset = 0
    while True:
        articles = store.article_page(_EXPORT_PAGE, offset)
        for article in articles.items:
            record = article.to_brief()
            if fmt == "jsonl":
                yield json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
            else:
                yield _csv_line([record[c] for c in _ARTICLE_COLUMNS])
        offset += len(articles.items)
        if not articles.items or offset >= articles.total:
            return


# --- the story page's view of later stages' output --------------------------------------


def _first(item: Any, keys: tuple[str, ...]) -> Any:
    if not isinstance(item, dict):
        return item if keys and keys[0] == "text" else None
    for key in keys:
        value = item.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _label(value: Any) -> str:
    if isinstance(value, dict):
        return str(_first(value, ("name", "text", "label", "id")) or "")
    return "" if value is None else str(value)


def _sources(item: Any) -> list[str]:
    """Article ids an item cites, whatever the shape (ids, citation dicts)."""
    found = _first(item, ("articles", "sources", "citations", "support", "evidence"))
    if found is None and isinstance(item, dict) and item.get("article"):
        found = [item["article"]]
    out: list[str] = []
    for entry in found or []:
        aid = entry.get("article") if isinstance(entry, dict) else entry
        if isinstance(aid, str) and aid not in out:
            out.append(aid)
    return out


def cite_id(article: str, start: int, end: int) -> str:
    return f"c-{article}-{start}-{end}"


def item_citations(item: Any) -> list[tuple[str, int, int]]:
    """The (article, start, end) spans an item points at: a ``citations`` list of
    {article, start, end}, or its own ``article`` with ``start``/``end`` or ``quote_span``."""
    if not isinstance(item, dict):
        return []
    found: list[tuple[str, int, int]] = []
    citations = item.get("citations")
    entries = citations if isinstance(citations, list) else [item]
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("article"), str):
            continue
        span = entry.get("quote_span") or entry.get("span")
        start, end = (span if isinstance(span, list | tuple) and len(span) == 2 else
                      (entry.get("start"), entry.get("end")))  # fmt: skip
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            found.append((entry["article"], start, end))
    return found


def cited_segments(text: str, spans: set[tuple[int, int]], article: str) -> list[dict[str, Any]]:
    """The text cut at every span boundary; each piece lists the citation ids covering it,
    so overlapping and nested citations (a quote inside a summary sentence) all highlight."""
    spans = {(s, e) for s, e in spans if 0 <= s < e <= len(text)}
    cuts = sorted({0, len(text)} | {s for s, _ in spans} | {e for _, e in spans})
    pieces: list[dict[str, Any]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        ids = " ".join(cite_id(article, s, e) for s, e in sorted(spans) if s <= a and b <= e)
        if pieces and pieces[-1]["ids"] == ids:
            pieces[-1]["text"] += text[a:b]
        else:
            pieces.append({"text": text[a:b], "ids": ids})
    return pieces or [{"text": text, "ids": ""}]


def _cite_attr(item: Any) -> str:
    return " ".join(cite_id(*c) for c in item_citations(item))


def quotes_by_speaker(quotes: list[Any]) -> list[dict[str, Any]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for quote in quotes:
        speaker = _label(_first(quote, ("speaker", "speaker_name", "source"))) or "(unattributed)"
        groups.setdefault(speaker, []).append(
            {
                "text": _label(_first(quote, ("text", "quote"))),
                "kind": _first(quote, ("kind", "type")),
                "cue": _first(quote, ("cue",)),
                "articles": _sources(quote),
                "cite": _cite_attr(quote),
            }
        )
    ordered = sorted(groups.items(), key=lambda kv: (kv[0] == "(unattributed)", -len(kv[1]), kv[0]))
    return [{"speaker": name, "quotes": items} for name, items in ordered]


def entity_rows(entities: list[Any]) -> list[dict[str, Any]]:
    rows = []
    for entity in entities:
        mentions = _first(entity, ("mentions", "mention_count", "count"))
        aliases = _first(entity, ("aliases",)) or []
        name = _label(_first(entity, ("name", "text", "label")))
        rows.append(
            {
                "name": name,
                "type": _first(entity, ("type", "label_", "kind")) or "",
                "aliases": [_label(a) for a in aliases if _label(a) != name][:8]
                if isinstance(aliases, list)
                else [],
                "mentions": len(mentions) if isinstance(mentions, list) else mentions,
                "articles": _sources(entity),
            }
        )
    return sorted(rows, key=lambda r: (-(r["mentions"] or 0), r["name"].lower()))


def _status_class(status: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", status.lower()).strip("-")[:40] or "unknown"


def fact_rows(facts: list[Any], texts: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Facts as the story page shows them: what was counted ("56 people", never a bare
    "56"), and the sentence it was read from (brief.json facts: ``text``, ``counted``,
    ``article``, ``sentence_start``/``sentence_end``); older items keep their status."""
    texts = texts or {}
    rows = []
    for fact in facts:
        status = _label(_first(fact, ("status", "corroboration", "verdict"))) or ""
        number = _label(_first(fact, ("text", "fact", "claim", "statement")))
        counted = _label(fact.get("counted")) if isinstance(fact, dict) else ""
        what = f"{number} {counted}" if counted and counted not in number else number
        if isinstance(fact, dict) and fact.get("unit") and not counted:
            what = f"{number} ({fact['unit']})" if fact["unit"] not in number else number
        sentence = ""
        if isinstance(fact, dict) and fact.get("article") in texts:
            start, end = fact.get("sentence_start"), fact.get("sentence_end")
            if isinstance(start, int) and isinstance(end, int):
                sentence = texts[fact["article"]][start:end]
        rows.append(
            {
                "text": what,
                "sentence": sentence,
                "status": status,
                "status_class": _status_class(status),
                "claimant": _label(_first(fact, ("claimant", "speaker", "attributed_to"))),
                "articles": _sources(fact),
                "cite": _cite_attr(fact),
            }
        )
    return rows


def claim_rows(claims: list[Any]) -> list[dict[str, Any]]:
    """brief.json claims as the story page shows them: status, subject, the claim's text
    and every side (source, speaker, stance, cited sentence), contradicted first."""
    rows = []
    order = {"contradicted": 0, "corroborated": 1, "single-source": 2}
    kept = [c for c in claims if isinstance(c, dict)]
    for claim in sorted(kept, key=lambda c: order.get(str(c.get("status")), 3)):
        status = _label(claim.get("status")) or "unknown"
        sides = [s for s in claim.get("sides") or [] if isinstance(s, dict)]
        rows.append(
            {
                "status": status,
                "status_class": _status_class(status),
                "subject": _label(_first(claim, ("subject", "claimant", "speaker"))),
                "text": _label(claim.get("text"))
                or (_label(sides[0].get("text")) if sides else ""),
                "sides": [
                    {
                        "label": side_label(side),
                        "stance": _status_class(_label(side.get("stance")) or "asserts"),
                        "text": _label(side.get("text")),
                        "articles": _sources(side),
                        "cite": _cite_attr(side),
                    }
                    for side in sides
                ],
            }
        )
    return rows


def timeline_rows(events: list[Any]) -> list[dict[str, Any]]:
    """Events sorted by date, each with the gap to the previous one (drawn as spacing)."""
    rows: list[dict[str, Any]] = []
    for event in events:
        # brief.json's timeline: "value" is the normalised date ("start" is a character
        # offset into the article, never a date)
        when = _first(event, ("value",))
        rows.append(
            {
                "date": _label(when),
                "day": calendar_day(str(when) if when is not None else None),
                "text": _label(_first(event, ("text", "event", "label", "description"))),
                "articles": _sources(event),
                "cite": _cite_attr(event),
            }
        )
    rows.sort(key=lambda r: (r["day"] is None, r["day"] or date.min, r["date"], r["text"]))
    previous = None
    for row in rows:
        gap = (row["day"] - previous).days if row["day"] and previous else 0
        # log-ish spacing: a day, a week, a month and a year all stay on screen
        row["gap"] = 0 if gap <= 0 else min(6, 1 + len(str(gap)) + (gap > 30) + (gap > 300))
        previous = row["day"] or previous
    return rows
