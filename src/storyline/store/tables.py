"""The store's tables and how a row becomes a record (``SqlStore``'s schema).

Lists (removed spans, sentences, summaries) are stored as JSON text so SQLite and
PostgreSQL share one schema. Columns added after a store was first made are listed in
``ADDED_*_COLUMNS`` and added by ``SqlStore`` on open (ALTER TABLE).
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

import sqlalchemy as sa

from storyline.layer import StoryLayer
from storyline.model import (
    Article,
    Citation,
    InputReport,
    RemovedSpan,
    Span,
    Story,
    SummarySentence,
)
from storyline.store.base import StoryListing

metadata = sa.MetaData()

articles_table = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),  # ingest order, for stable listings
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("raw_text", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("publisher", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("date", sa.String(40)),
    sa.Column("year", sa.Integer),
    sa.Column("lang", sa.String(16)),
    sa.Column("removed", sa.Text, nullable=False),
    sa.Column("sentences", sa.Text, nullable=False, server_default="[]"),
    sa.Column("duplicate_of", sa.String(64)),
    sa.Column("story", sa.String(64), index=True),
    sa.Column("record_id", sa.Text),  # the input record's own id; older stores: ALTER TABLE
    # per-article work read by later runs (Article.work, band_keys); older stores: ALTER
    # TABLE, their articles' work (NULL) is made once on the next run
    sa.Column("work", sa.String(64)),
    sa.Column("band_keys", sa.LargeBinary),
)

reports_table = sa.Table(
    "input_reports",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("digest", sa.String(64), nullable=False),
    sa.Column("documents", sa.Integer, nullable=False),
)

stories_table = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("storyline", sa.String(64), index=True),
    sa.Column("articles", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    # added for the web UI and API; older stores get them by ALTER TABLE on open
    sa.Column("brief", sa.Text),  # the story's brief.json object
    sa.Column("article_count", sa.Integer),
    sa.Column("duplicate_count", sa.Integer),
    sa.Column("outlets", sa.Text),  # JSON list, sorted
    sa.Column("first_date", sa.String(40)),
    sa.Column("last_date", sa.String(40)),
    # position in the story list (latest first), so a page is an index range scan
    sa.Column("list_rank", sa.Integer, index=True),
)

# stages that work incrementally keep their state here (one JSON text per stage)
state_table = sa.Table(
    "stage_state",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# stages' state kept as one row per entry (cluster.state_rows: the incremental story
# clusterer), so a run reads and writes only the entries it touches (store.rows)
state_rows_table = sa.Table(
    "state_rows",
    metadata,
    sa.Column("kind", sa.String(32), primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
    sqlite_with_rowid=False,
)

ADDED_STORY_COLUMNS = (
    "brief",
    "article_count",
    "duplicate_count",
    "outlets",
    "first_date",
    "last_date",
    "list_rank",
)

ADDED_ARTICLE_COLUMNS = ("record_id", "work", "band_keys")

# A story's searchable text is capped: PostgreSQL refuses tsvectors over 1 MB.
SEARCH_BODY_CHARS = 200_000
QUERY_WORDS = 32

SQLITE_SEARCH_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS story_search USING fts5("
    "story_id UNINDEXED, title, body, tokenize='porter unicode61')",
)
POSTGRES_SEARCH_DDL = (
    "CREATE TABLE IF NOT EXISTS story_search ("
    "story_id VARCHAR(64) PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, "
    "tsv tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', title), 'A') || "
    "setweight(to_tsvector('english', body), 'B')) STORED)",
    "CREATE INDEX IF NOT EXISTS story_search_tsv ON story_search USING gin (tsv)",
)


def db_text(value: str | None) -> str | None:
    """PostgreSQL text cannot hold NUL; U+FFFD is one code point too, so every offset into
    the text stays valid (done on both backends so they store the same text)."""
    return None if value is None else value.replace("\x00", "\ufffd")


def _same_fields(a: object, b: object, kind: type) -> bool:
    """Equality of a stored record with its plain kind (the dataclass's own __eq__ asks for
    the same class)."""
    if not isinstance(b, kind):
        return NotImplemented
    return all(getattr(a, f.name) == getattr(b, f.name) for f in fields(kind))


class StoredArticle(Article):
    """An article read from the store whose removed spans and sentence spans are decoded
    from their stored JSON on first use: a run over a big store reads every article but
    needs the spans of only the few it analyses again."""

    _removed_json: str | None = None
    _sentences_json: str | None = None

    def __eq__(self, other: object) -> bool:
        return _same_fields(self, other, Article)

    @property  # type: ignore[override]
    def removed(self) -> list[RemovedSpan]:
        if self._removed_json is not None:
            self.__dict__["_removed"] = [RemovedSpan(**r) for r in json.loads(self._removed_json)]
            self._removed_json = None
        return self.__dict__["_removed"]  # type: ignore[no-any-return]

    @removed.setter
    def removed(self, value: list[RemovedSpan]) -> None:
        self._removed_json = None
        self.__dict__["_removed"] = value

    def has_sentences(self) -> bool:
        if self._sentences_json is not None:
            return self._sentences_json.strip() not in ("", "[]")
        return bool(self.sentences)

    @property  # type: ignore[override]
    def sentences(self) -> list[Span]:
        if self._sentences_json is not None:
            self.__dict__["_sentences"] = [Span(s, e) for s, e in json.loads(self._sentences_json)]
            self._sentences_json = None
        return self.__dict__["_sentences"]  # type: ignore[no-any-return]

    @sentences.setter
    def sentences(self, value: list[Span]) -> None:
        self._sentences_json = None
        self.__dict__["_sentences"] = value


def article_from_row(row: sa.Row) -> Article:
    # made without __init__ (the field values are known): a big store reads every article
    article = StoredArticle.__new__(StoredArticle)
    article.__dict__.update(
        id=row.id,
        text=row.text,
        raw_text=row.raw_text,
        source=row.source,
        title=row.title,
        outlet=row.outlet,
        publisher=row.publisher,
        url=row.url,
        date=row.date,
        year=row.year,
        lang=row.lang,
        _removed_json=row.removed,
        _sentences_json=row.sentences,
        duplicate_of=row.duplicate_of,
        story=row.story,
        storyline=None,
        record_id=getattr(row, "record_id", None),
        work=row.work,
        band_keys=None if row.band_keys is None else bytes(row.band_keys),
    )
    return article


def report_row(report: InputReport) -> dict[str, Any]:
    """An input report's stored columns (``record`` only sorts this run's counts)."""
    return {c.name: getattr(report, c.name) for c in reports_table.c if c.name != "seq"}


class StoredStory(Story):
    """A story read from the store whose member list, summary and layer are decoded from
    their stored JSON on first use: a run reads every story but changes few of them."""

    _json: dict[str, str | None]

    def __eq__(self, other: object) -> bool:
        return _same_fields(self, other, Story)

    def _decoded(self, name: str) -> Any:
        if name not in self.__dict__:
            text = self._json.get(name)
            if name == "articles":
                value: Any = json.loads(text or "[]")
            elif name == "summary":
                value = [
                    SummarySentence(
                        s["text"],
                        tuple(Citation(**c) for c in s["citations"]),
                        bool(s.get("partial", False)),
                    )
                    for s in json.loads(text or "[]")
                ]
            else:  # the layer is stored in the story's brief object (StoryLayer.to_dict)
                value = StoryLayer.from_dict(json.loads(text) if text else {})
            self.__dict__[name] = value
        return self.__dict__[name]

    @property  # type: ignore[override]
    def articles(self) -> list[str]:
        return self._decoded("articles")  # type: ignore[no-any-return]

    @articles.setter
    def articles(self, value: list[str]) -> None:
        self.__dict__["articles"] = value

    @property  # type: ignore[override]
    def summary(self) -> list[SummarySentence]:
        return self._decoded("summary")  # type: ignore[no-any-return]

    @summary.setter
    def summary(self, value: list[SummarySentence]) -> None:
        self.__dict__["summary"] = value

    @property  # type: ignore[override]
    def layer(self) -> StoryLayer | None:
        return self._decoded("layer")  # type: ignore[no-any-return]

    @layer.setter
    def layer(self, value: StoryLayer | None) -> None:
        self.__dict__["layer"] = value


def story_from_row(row: sa.Row) -> Story:
    story = StoredStory.__new__(StoredStory)
    story.__dict__.update(id=row.id, title=row.title, storyline=row.storyline)
    story._json = {
        "articles": row.articles,
        "summary": row.summary,
        "layer": getattr(row, "brief", None) or None,
    }
    return story


def listing_from_row(row: Any) -> StoryListing:
    count = row.article_count
    if count is None:  # a store saved before these columns existed
        count = len(json.loads(row.articles))
    return StoryListing(
        id=row.id,
        title=row.title,
        articles=count,
        duplicates=row.duplicate_count or 0,
        outlets=json.loads(row.outlets) if row.outlets else [],
        first_date=row.first_date,
        last_date=row.last_date,
        storyline=row.storyline,
    )


LISTING_COLUMNS = (
    stories_table.c.id,
    stories_table.c.title,
    stories_table.c.storyline,
    stories_table.c.articles,
    stories_table.c.article_count,
    stories_table.c.duplicate_count,
    stories_table.c.outlets,
    stories_table.c.first_date,
    stories_table.c.last_date,
)


def list_ranks(stories: list[tuple[str, str | None, str | None]]) -> dict[str, int]:
    """Story list order from (id, last article date, last day its text states): latest
    article date first; then the stories no article of which is dated, by the days their
    text states (a story mentioning 2050 is not news of 2050: it never leads the list);
    then undated; ties by id."""
    ordered = sorted(stories, key=lambda s: s[0])
    ordered.sort(key=lambda s: s[1] or s[2] or "", reverse=True)
    ordered.sort(key=lambda s: 0 if s[1] else 1 if s[2] else 2)
    return {sid: rank for rank, (sid, _dated, _stated) in enumerate(ordered)}
