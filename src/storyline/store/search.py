"""Full-text story search on both backends: FTS5 on SQLite, a tsvector on PostgreSQL.

Hits are ranked by relevance times a slowly growing boost for the story's size
(``size_boost``), then the larger story, then the id.
"""

from __future__ import annotations

import math
import re
from typing import Any

import sqlalchemy as sa

from storyline.store.base import Page, StoryListing
from storyline.store.tables import LISTING_COLUMNS, QUERY_WORDS, listing_from_row, stories_table


def size_boost(originals: int | None) -> float:
    """How much a story's size lifts its search relevance: sqrt(1 + ln n) for n original
    (non-duplicate) articles. 1 article: 1.0, 2: 1.30, 9: 1.79, 100: 2.37. Relevance
    still leads (a big story that mentions the words in passing stays below a small one
    about them); among stories about the words, the bigger comes first. FTS5's bm25 is
    normalised by length, and a story's indexed text is all its articles, so without the
    boost a 1-article story outranks the 9-article story about the same thing."""
    return math.sqrt(1.0 + math.log(max(originals or 1, 1)))


# a story's original articles, from its stored figures (a store saved before they existed: 1)
_ORIGINALS = "coalesce(stories.article_count, 1) - coalesce(stories.duplicate_count, 0)"
# size_boost in PostgreSQL's SQL
_PG_SIZE_BOOST = f"sqrt(1 + ln(greatest({_ORIGINALS}, 1)))"


def fts5_query(query: str) -> str:
    """User words as FTS5 phrases (implicitly ANDed): no FTS5 syntax gets through."""
    words = re.findall(r"\w+", query.lower())[:QUERY_WORDS]
    return " ".join(f'"{w}"' for w in words)


def search_stories(
    conn: sa.Connection, dialect: str, query: str, limit: int, offset: int
) -> Page[StoryListing]:
    """One page of the stories matching the user's words, best first."""
    # relevance (lower is better) times the story's size boost (size_boost), then the
    # larger story, then the id
    if dialect == "sqlite":
        match = fts5_query(query)
        if not match:
            return Page([], 0, limit, offset)
        where = "story_search MATCH :q"
        relevance = "bm25(story_search, 0.0, 4.0, 1.0)"  # title hits weigh more
        boost = f"storyline_size_boost({_ORIGINALS})"
        params: dict[str, Any] = {"q": match}
    else:
        words = re.findall(r"\w+", query)[:QUERY_WORDS]
        if not words:
            return Page([], 0, limit, offset)
        where = "tsv @@ plainto_tsquery('english', :q)"
        relevance = "-ts_rank(tsv, plainto_tsquery('english', :q))"
        boost = _PG_SIZE_BOOST
        params = {"q": " ".join(words)}
    # one pass: the window count is taken over all matches before LIMIT applies
    # (FTS5 ranking functions cannot sit beside a window function, hence the subquery)
    hits = conn.execute(
        sa.text(
            f"SELECT story_id, count(*) OVER () AS total FROM ("
            f"SELECT story_search.story_id, {relevance} * {boost} AS score, "
            f"{_ORIGINALS} AS size FROM story_search "
            f"LEFT JOIN stories ON stories.id = story_search.story_id WHERE {where}"
            f") AS hits ORDER BY score, size DESC, story_id LIMIT :limit OFFSET :offset"
        ),
        {**params, "limit": limit, "offset": offset},
    ).all()
    ids = [r.story_id for r in hits]
    if hits:
        total = hits[0].total
    elif offset:  # past the last page: count separately
        total = conn.execute(
            sa.text(f"SELECT count(*) FROM story_search WHERE {where}"), params
        ).scalar_one()
    else:
        total = 0
    rows = conn.execute(sa.select(*LISTING_COLUMNS).where(stories_table.c.id.in_(ids)))
    by_id = {r.id: listing_from_row(r) for r in rows}
    return Page([by_id[i] for i in ids if i in by_id], total, limit, offset)
