"""The story list's filters and search snippets, and the outlet page's view.

Snippets are cut from a story's own text (title, summary, then its original articles)
around the first words of the query, as plain pieces marked hit or not: the template
escapes every piece and wraps hits in <mark>, so article text is never markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException

from storyline.brief.text import stem
from storyline.model import Article
from storyline.store.base import STORY_SORTS, Store, StoryFilter

DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SNIPPET_CHARS = 220
_QUERY_WORDS = 12


def day_param(name: str, value: str | None) -> str | None:
    """A form's date field: empty is no filter; anything but YYYY-MM-DD is a 422."""
    text = (value or "").strip()
    if not text:
        return None
    if not DAY.fullmatch(text):
        raise HTTPException(422, f"{name}: a day as YYYY-MM-DD")
    return text


def story_filter(
    q: str | None,
    storyline: str | None,
    since: str | None,
    until: str | None,
    outlet: str | None,
    entity: str | None,
    contradicted: str | None,
    sort: str | None,
) -> StoryFilter:
    """The list page's query string as a StoryFilter (empty fields are no filter)."""
    flag = {"yes": True, "no": False}.get((contradicted or "").strip().lower())
    order = (sort or "").strip() or None
    if order is not None and order not in STORY_SORTS:
        raise HTTPException(422, f"sort: one of {', '.join(STORY_SORTS)}")
    return StoryFilter(
        q=(q or "").strip() or None,
        since=day_param("since", since),
        until=day_param("until", until),
        outlet=(outlet or "").strip() or None,
        entity=(entity or "").strip() or None,
        storyline=(storyline or "").strip() or None,
        contradicted=flag,
        sort=order,
    )


def _pattern(query: str) -> re.Pattern[str] | None:
    """Words starting like a query word's stem ("warships" finds "warship", "Warships")."""
    words = re.findall(r"\w+", query.lower())[:_QUERY_WORDS]
    stems = sorted({stem(w) or w for w in words}, key=len, reverse=True)
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(s) for s in stems) + r")\w*", re.IGNORECASE)


def snippet(texts: Sequence[str], query: str, chars: int = SNIPPET_CHARS) -> list[dict[str, Any]]:
    """Pieces ``{"text", "hit"}`` of the first text holding a query word: a window of about
    ``chars`` around its first hit, cut at spaces, with every hit inside marked."""
    pattern = _pattern(query)
    if pattern is None:
        return []
    for text in texts:
        first = pattern.search(text)
        if first is None:
            continue
        start = max(0, first.start() - chars // 3)
        end = min(len(text), start + chars)
        if start > 0:
            start = text.find(" ", start, first.start()) + 1 or start
        if end < len(text):
            cut = text.rfind(" ", first.end(), end)
            end = cut if cut > 0 else end
        window = " ".join(text[start:end].split())  # one line, as a list shows it
        pieces: list[dict[str, Any]] = []
        if start > 0:
            pieces.append({"text": "…", "hit": False})
        at = 0
        for match in pattern.finditer(window):
            if match.start() > at:
                pieces.append({"text": window[at : match.start()], "hit": False})
            pieces.append({"text": match.group(), "hit": True})
            at = match.end()
        if at < len(window):
            pieces.append({"text": window[at:], "hit": False})
        if end < len(text):
            pieces.append({"text": "…", "hit": False})
        return pieces
    return []


def story_snippet(store: Store, story_id: str, query: str) -> list[dict[str, Any]]:
    """The snippet of one search hit: from its summary, else its articles (the title is
    shown beside it already)."""
    brief = store.story_brief(story_id) or {}
    own = [str(s.get("text") or "") for s in brief.get("summary") or [] if isinstance(s, dict)]
    found = snippet(own, query)
    if found:
        return found
    articles = store.articles(brief.get("articles") or [])
    articles.sort(key=lambda a: (a.duplicate_of is not None, a.id))
    return snippet([a.text for a in articles], query)


@dataclass
class OutletArticle:
    """One article of an outlet, and how it relates to copies elsewhere."""

    article: Article
    original: Article | None  # what it is a copy of (None: it is an original)
    copied_by: list[Article]  # copies of it, in other outlets or its own


def outlet_view(store: Store, outlet: str) -> dict[str, Any] | None:
    """An outlet's articles grouped by story (stories newest first by their articles'
    dates, then id), each an original (with who copied it) or a copy of whom."""
    articles = store.outlet_articles(outlet)
    if not articles:
        return None
    originals = {
        a.id: a for a in store.articles({a.duplicate_of for a in articles if a.duplicate_of})
    }
    copies: dict[str, list[Article]] = {}
    for copy in store.copies_of([a.id for a in articles if not a.duplicate_of]):
        copies.setdefault(copy.duplicate_of or "", []).append(copy)
    by_story: dict[str, list[OutletArticle]] = {}
    for a in articles:
        original = originals.get(a.duplicate_of or "") if a.duplicate_of else None
        by_story.setdefault(a.story or "", []).append(
            OutletArticle(a, original, copies.get(a.id, []))
        )
    groups: list[dict[str, Any]] = []
    for sid, items in by_story.items():
        items.sort(key=lambda x: (x.article.date or "", x.article.id))
        brief = store.story_brief(sid) if sid else None
        latest = max((x.article.date or "" for x in items), default="")
        groups.append(
            {
                "id": sid or None,
                "title": (brief or {}).get("title") or "(not in a story yet)",
                "items": items,
                "latest": latest,
            }
        )
    groups.sort(key=lambda g: g["id"] or "")
    groups.sort(key=lambda g: g["latest"], reverse=True)
    return {
        "outlet": outlet,
        "groups": groups,
        "articles": len(articles),
        "originals": sum(1 for a in articles if not a.duplicate_of),
        "copies": sum(1 for a in articles if a.duplicate_of),
        "copied": sum(1 for a in articles if copies.get(a.id)),
    }
