"""Plain helpers behind the API and the pages: paging, upload names, export rows, and the
view of a story's analysis (quotes, entities, facts, timeline, claims), read from its
typed layer (``storyline.layer.StoryLayer``) by field.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from storyline.brief.layer_view import (
    claims_by_status,
    fact_sentence,
    others_label,
    said_as,
    said_once,
    same_citation_groups,
    side_label,
    speaker_roles,
    subject_beside,
    subjects_label,
)
from storyline.brief.layer_view import quotes_by_speaker as layer_quotes_by_speaker
from storyline.layer import (
    ClaimItem,
    ClaimSideItem,
    EntityItem,
    FactItem,
    QuoteItem,
    StoryLayer,
    TimelineEvent,
)
from storyline.model import Article, calendar_day
from storyline.store.base import Page, Store

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


def story_layers(store: Store, story: str | None) -> Iterator[tuple[str, StoryLayer]]:
    """(story id, layer) of one story or of every analysed story, by story id."""
    briefs = [store.story_brief(story)] if story else store.iter_story_briefs()
    for brief in briefs:
        layer = StoryLayer.from_dict(brief) if brief else None
        if brief is not None and layer is not None:
            yield brief["id"], layer


def entity_items(store: Store, story: str | None, type_: str | None) -> list[dict[str, Any]]:
    """The entities of one story or of all (by story id), of one type if asked, each as
    brief.json has it and tagged with its story."""
    wanted = (type_ or "").lower()
    return [
        {**e.to_dict(), "story": sid}
        for sid, layer in story_layers(store, story)
        for e in layer.entities
        if not wanted or e.type.lower() == wanted
    ]


def quote_items(store: Store, story: str | None, speaker: str | None) -> list[dict[str, Any]]:
    """The quotes of one story or of all (by story id), of one speaker (case-insensitive)
    if asked, each as brief.json has it and tagged with its story."""
    wanted = (speaker or "").lower()
    return [
        {**q.to_dict(), "story": sid}
        for sid, layer in story_layers(store, story)
        for q in layer.quotes
        if not wanted or (q.speaker or "").lower() == wanted
    ]


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


# --- the story page's view of the analysis layer (typed records, read by field) ---------


def cite_id(article: str, start: int, end: int) -> str:
    return f"c-{article}-{start}-{end}"


Cited = QuoteItem | FactItem | TimelineEvent | ClaimSideItem


def item_citation(item: Cited) -> tuple[str, int, int]:
    """The (article, start, end) span an item points at: a quote's words, a fact's
    number phrase, a dated event's date, a claim side's sentence."""
    return (item.article, item.start, item.end)


def layer_citations(layer: StoryLayer | None) -> list[tuple[str, int, int]]:
    """Every span the story's layer cites (claims: each of its sides)."""
    if layer is None:
        return []
    items: list[Cited] = [*layer.quotes, *layer.facts, *layer.timeline]
    items += [side for claim in layer.claims for side in claim.sides]
    return [item_citation(item) for item in items]


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


def _cite_attr(item: Cited) -> str:
    return cite_id(*item_citation(item))


def quotes_by_speaker(layer: StoryLayer | None) -> list[dict[str, Any]]:
    """Who said what, as brief.md shows it: grouped under the speaker's resolved name with
    its role, each quote with the words the article used for the speaker ("as ...")."""
    roles = speaker_roles(layer)
    groups = [
        {
            "speaker": name,
            "role": roles.get(name, ""),
            "quotes": [
                {
                    "text": quote.words(),  # the words said, not the cue between them
                    "kind": quote.kind,
                    "cue": quote.cue,
                    "said_as": said_as(quote, name),
                    "source": quote.source,  # "according to officials at the summit"
                    "articles": [quote.article],
                    "cite": _cite_attr(quote),
                }
                for quote in quotes
            ],
        }
        for name, quotes in layer_quotes_by_speaker(layer)
    ]
    # the brief's order: most quoted first, the unnamed ("(unattributed)") last
    return groups


def entity_rows(entities: list[EntityItem]) -> list[dict[str, Any]]:
    """The story's entities, its own mentions counted, most named first."""
    rows = [
        {
            "id": e.id,
            "name": e.name,
            "type": e.type,
            "aliases": [a for a in e.aliases if a != e.name][:8],
            "mentions": len(e.mentions),
            "articles": e.articles,
        }
        for e in entities
    ]
    return sorted(rows, key=lambda r: (-r["mentions"], r["name"].lower()))


def _status_class(status: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", status.lower()).strip("-")[:40] or "unknown"


def fact_rows(facts: list[FactItem], texts: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Facts as the story page shows them: what was counted ("56 people", never a bare
    "56", ``FactItem.what``) and the sentence it was read from."""
    texts = texts or {}
    return [
        {
            "text": fact.what,
            "sentence": fact_sentence(fact, texts),
            "articles": [fact.article],
            "cite": _cite_attr(fact),
        }
        for fact in facts
    ]


def claim_rows(claims: list[ClaimItem], texts: dict[str, str]) -> list[dict[str, Any]]:
    """brief.json claims as the story page shows them: status, subject, the claim's text
    and the story's sides (source, speaker, stance, cited sentence), contradicted first;
    sides in other stories of the storyline as a count. Single-source claims citing the
    same sides are one row (their subjects joined); a row whose one cited sentence holds
    the claim's words shows that sentence only (``said_once``)."""
    rows = []
    for group in same_citation_groups(claims_by_status(claims), texts):
        claim = group[0]
        status = claim.status or "unknown"
        once = said_once(claim, texts)
        subject = subjects_label(group)
        rows.append(
            {
                "status": status,
                "status_class": _status_class(status),
                "subject": subject_beside(subject, claim.sides[0]) if once else subject,
                "text": claim.text or (claim.sides[0].said(texts) if claim.sides else ""),
                "said_once": once,
                "others": others_label(claim),
                "sides": [
                    {
                        "label": side_label(side),
                        "stance": _status_class(side.stance or "asserts"),
                        "text": side.said(texts),
                        "articles": [side.article],
                        "cite": _cite_attr(side),
                    }
                    for side in claim.sides
                ],
            }
        )
    return rows


def timeline_rows(events: list[TimelineEvent]) -> list[dict[str, Any]]:
    """Events sorted by date, each labelled with its normalised date (``value``) and the
    sentence it is in, with the gap to the previous one (drawn as spacing)."""
    rows: list[dict[str, Any]] = []
    for event in events:
        rows.append(
            {
                "date": event.value,
                "label": event.label,
                # a year the article did not state is said so, as in brief.md
                "year_inferred": event.year_inferred,
                "day": calendar_day(event.value),
                "text": event.said,
                "articles": [event.article],
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


def day_ends(first: str | None, last: str | None, stated: bool) -> tuple[str, str]:
    """How a story's first and last day read ("" for no last): the days an undated story's
    articles state are stored as calendar days, but "February 2016" is what the article
    said, so a stated span that covers whole months or years reads as them ("2016-02",
    not "2016-02-01 – 2016-02-29"). Days the articles are dated read as days."""
    if not first:
        return "", ""
    try:
        a, b = date.fromisoformat(first), date.fromisoformat(last or first)
    except ValueError:
        return first, "" if not last or last == first else last
    # (the last calendar day, 9999-12-31, has no next day to look at: it ends its month)
    month_end = b == date.max or (b + timedelta(days=1)).day == 1
    if stated and a.day == 1 and month_end:
        whole_years = a.month == 1 and b.month == 12
        shown = (f"{a.year}", f"{b.year}") if whole_years else (f"{a:%Y-%m}", f"{b:%Y-%m}")
        return shown[0], "" if shown[0] == shown[1] else shown[1]
    return first, "" if b == a else b.isoformat()
