"""SQLAlchemy Core store: one implementation for SQLite and PostgreSQL.

Lists (removed spans, sentences, summaries) are stored as JSON text so both backends
share the same schema; every write method runs in one transaction. Each story also
keeps its whole brief.json object (so keys added by later stages are served without a
schema change) and the few figures a story list shows. Full-text search uses the
backend's own index: an FTS5 virtual table on SQLite, a tsvector column with a GIN
index on PostgreSQL; both are rebuilt with the stories, in the same transaction, and
queried by ``store/search.py``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import postgresql, sqlite

from storyline.model import (
    Article,
    InputReport,
    Story,
)
from storyline.store import browse, search
from storyline.store import rows as row_state
from storyline.store.base import Page, StateRows, Store, StoryFilter, StoryListing
from storyline.store.tables import (
    ADDED_ARTICLE_COLUMNS,
    ADDED_STORY_COLUMNS,
    LISTING_COLUMNS,
    POSTGRES_SEARCH_DDL,
    SEARCH_BODY_CHARS,
    SQLITE_SEARCH_DDL,
    article_from_row,
    articles_table,
    db_text,
    list_ranks,
    listing_from_row,
    metadata,
    report_row,
    reports_table,
    state_table,
    stories_table,
    story_from_row,
)

log = logging.getLogger(__name__)

# How long a SQLite writer waits for another process's write transaction (a long
# save_analysis of a big store) before giving up: waiting is better than losing a run.
SQLITE_BUSY_SECONDS = 300
# execution option marking a connection that writes (see _begin)
_WRITE = "storyline_write"


def _set_wal(cursor: Any) -> None:
    """Switch to WAL. Two processes opening a brand-new file at once can both want the
    exclusive lock this takes, and SQLite answers one with "database is locked" at once
    (its busy handler does not wait here): try again for a while instead of failing."""
    import sqlite3

    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    pause = 0.01
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # the driver's own implicit BEGIN is deferred and only comes before DML; _begin opens
    # every transaction itself instead, so DDL is transactional and writers lock up front
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    _set_wal(cursor)  # readers (the web UI) never block a run
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
    # search ranking (search.search_stories); PostgreSQL computes it in SQL
    dbapi_connection.create_function(
        "storyline_size_boost", 1, search.size_boost, deterministic=True
    )


def _begin(conn: sa.Connection) -> None:
    """SQLite: a write transaction takes the database write lock when it begins (BEGIN
    IMMEDIATE), so two processes never both read then try to write (one would fail with
    "database is locked" or insert what the other just inserted); they take turns, waiting
    up to SQLITE_BUSY_SECONDS. Reads begin deferred and never wait for writers (WAL)."""
    immediate = conn.get_execution_options().get(_WRITE)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


WRITE_CHUNK = 500  # stories written at a time by save_analysis


def _chunks(stories: Sequence[Story]) -> Iterator[Sequence[Story]]:
    for start in range(0, len(stories), WRITE_CHUNK):
        yield stories[start : start + WRITE_CHUNK]


class SqlStore(Store):
    def __init__(self, url: str) -> None:
        self.url = url
        sqlite_file = url.startswith("sqlite")
        connect_args = {"timeout": SQLITE_BUSY_SECONDS} if sqlite_file else {}
        self.engine = sa.create_engine(url, connect_args=connect_args)
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            event.listen(self.engine, "begin", _begin)
        self._writer = self.engine.execution_options(**{_WRITE: True})
        # one process creates or upgrades the schema while the others wait their turn
        # (two runs opening a fresh store at once: no "table already exists")
        with self._write() as conn:
            metadata.create_all(conn)
            browse.create_schema(conn)  # story facets (filters); older stores get them too
            self._migrate(conn)

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """A write transaction, serialised with every other writer of this store, in any
        process: SQLite's write lock (BEGIN IMMEDIATE), or on PostgreSQL an advisory lock
        per schema. Checking which ids exist and numbering ``seq`` are then race-free."""
        with self._writer.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(
                    sa.text(
                        "SELECT pg_advisory_xact_lock(hashtext('storyline:' || current_schema()))"
                    )
                )
            yield conn

    def _migrate(self, conn: sa.Connection) -> None:
        """Add the columns and search index newer code expects to an older store."""
        inspector = sa.inspect(conn)
        present = {c["name"] for c in inspector.get_columns("stories")}
        ddl = SQLITE_SEARCH_DDL if self.dialect == "sqlite" else POSTGRES_SEARCH_DDL
        for name in ADDED_STORY_COLUMNS:
            if name not in present:
                column = stories_table.c[name]
                kind = column.type.compile(dialect=self.engine.dialect)
                conn.execute(sa.text(f"ALTER TABLE stories ADD COLUMN {name} {kind}"))
        article_columns = {c["name"] for c in inspector.get_columns("articles")}
        for name in ADDED_ARTICLE_COLUMNS:
            if name not in article_columns:
                kind = articles_table.c[name].type.compile(dialect=self.engine.dialect)
                conn.execute(sa.text(f"ALTER TABLE articles ADD COLUMN {name} {kind}"))
        for statement in ddl:
            conn.execute(sa.text(statement))
        for indexed in ("list_rank", "storyline"):
            conn.execute(
                sa.text(f"CREATE INDEX IF NOT EXISTS ix_stories_{indexed} ON stories ({indexed})")
            )
        if "list_rank" not in present:
            t = stories_table
            old = conn.execute(sa.select(t.c.id, t.c.last_date)).all()
            ranks = list_ranks([(r.id, r.last_date, None) for r in old])
            if ranks:
                conn.execute(
                    t.update()
                    .where(t.c.id == sa.bindparam("b_id"))
                    .values(list_rank=sa.bindparam("b_rank")),
                    [{"b_id": sid, "b_rank": rank} for sid, rank in ranks.items()],
                )

    def add_articles(self, articles: Sequence[Article], reports: Sequence[InputReport]) -> int:
        with self._write() as conn:
            existing: set[str] = set()
            ids = [a.id for a in articles]
            for chunk in range(0, len(ids), 500):
                part = ids[chunk : chunk + 500]
                rows = conn.execute(
                    sa.select(articles_table.c.id).where(articles_table.c.id.in_(part))
                )
                existing.update(r.id for r in rows)
            seq = conn.execute(
                sa.select(sa.func.coalesce(sa.func.max(articles_table.c.seq), 0))
            ).scalar_one()
            new_rows = []
            for article in articles:
                if article.id in existing:
                    continue
                existing.add(article.id)
                seq += 1
                new_rows.append(
                    {
                        "id": article.id,
                        "seq": seq,
                        "source": article.source,
                        "record_id": db_text(article.record_id),
                        "raw_text": db_text(article.raw_text),
                        "text": db_text(article.text),
                        "title": db_text(article.title),
                        "outlet": db_text(article.outlet),
                        "publisher": db_text(article.publisher),
                        "url": db_text(article.url),
                        "date": db_text(article.date),
                        "year": article.year,
                        "lang": article.lang,
                        "removed": json.dumps(
                            [asdict(r) for r in article.removed], ensure_ascii=False
                        ),
                        "sentences": "[]",
                    }
                )
            if new_rows:
                # the lock already keeps out ids another writer stored; ignoring a conflict
                # also covers a writer that does not take it (an older storyline)
                conn.execute(self._insert_new(articles_table), new_rows)
            if reports:
                conn.execute(reports_table.insert(), [report_row(r) for r in reports])
        return len(new_rows)

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        query = sa.select(articles_table).order_by(articles_table.c.id)
        if ids is not None:
            query = query.where(articles_table.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            return [article_from_row(r) for r in conn.execute(query)]

    def save_analysis(
        self,
        articles: Sequence[Article],
        stories: Sequence[Story],
        state: dict[str, str] | None = None,
        keep: Collection[str] | None = None,
        row_changes: StateRows | None = None,
    ) -> None:
        with self._write() as conn:
            if articles:
                self._update_analysis(conn, articles)
            for name, value in sorted((state or {}).items()):
                conn.execute(state_table.delete().where(state_table.c.name == name))
                if value:  # "" removes it
                    conn.execute(state_table.insert().values(name=name, value=value))
            if row_changes is not None:
                row_state.write_rows(conn, row_changes)
            kept: list[Any] = []
            if keep is None:
                conn.execute(stories_table.delete())
                conn.execute(sa.text("DELETE FROM story_search"))
                conn.execute(browse.facets_table.delete())
            else:
                kept, stories = self._drop_stories_not_kept(conn, set(keep), stories)
            # written WRITE_CHUNK stories at a time (their member rows, brief JSON, search
            # text and facets): all of a large run's at once were much of its peak memory
            # (issue 17). The list order needs every story's last day first: from dates.
            lasts: list[tuple[str, str | None, str | None]] = []
            for part in _chunks(stories):
                members = self._story_members(conn, [s.id for s in part], text=False)
                stated = browse.stated_last_days(conn, part, members, [])
                for story in part:
                    dates = sorted(m.date for m in members.get(story.id, []) if m.date)
                    lasts.append((story.id, dates[-1] if dates else None, stated.get(story.id)))
            stated = browse.stated_last_days(conn, [], {}, [r.id for r in kept])
            ranks = list_ranks(lasts + [(r.id, r.last_date, stated.get(r.id)) for r in kept])
            for part in _chunks(stories):
                members = self._story_members(conn, [s.id for s in part])
                rows = [self._story_row(s, members.get(s.id, [])) for s in part]
                for row in rows:
                    row["list_rank"] = ranks[row["id"]]
                conn.execute(stories_table.insert(), rows)
                conn.execute(
                    sa.text(
                        "INSERT INTO story_search (story_id, title, body) "
                        "VALUES (:story_id, :title, :body)"
                    ),
                    [self._search_row(s, members.get(s.id, [])) for s in part],
                )
                facets = [f for s in part for f in browse.facet_rows(s, members.get(s.id, []))]
                if facets:
                    conn.execute(browse.facets_table.insert(), facets)
            # a kept story moves down the list when a later one comes before it
            moved = [
                {"b_id": r.id, "b_rank": ranks[r.id]} for r in kept if r.list_rank != ranks[r.id]
            ]
            if moved:
                t = stories_table
                conn.execute(
                    t.update()
                    .where(t.c.id == sa.bindparam("b_id"))
                    .values(list_rank=sa.bindparam("b_rank")),
                    moved,
                )

    @staticmethod
    def _drop_stories_not_kept(
        conn: sa.Connection, keep: set[str], stories: Sequence[Story]
    ) -> tuple[list[Any], list[Story]]:
        """Delete the stored stories (and their search rows) not in ``keep``; return the
        kept rows (id, last_date, list_rank) and the stories to write."""
        t = stories_table
        stored = conn.execute(sa.select(t.c.id, t.c.last_date, t.c.list_rank)).all()
        gone = sorted(r.id for r in stored if r.id not in keep)
        for chunk in range(0, len(gone), 500):
            part = gone[chunk : chunk + 500]
            conn.execute(t.delete().where(t.c.id.in_(part)))
            conn.execute(
                sa.text("DELETE FROM story_search WHERE story_id IN :ids").bindparams(
                    sa.bindparam("ids", expanding=True)
                ),
                {"ids": part},
            )
            conn.execute(
                browse.facets_table.delete().where(browse.facets_table.c.story_id.in_(part))
            )
        kept = [r for r in stored if r.id in keep]
        return kept, [s for s in stories if s.id not in keep]

    def _insert_new(self, table: sa.Table) -> Any:
        """INSERT that skips rows whose primary key is already stored."""
        if self.dialect == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing()
        if self.dialect == "sqlite":
            return sqlite.insert(table).on_conflict_do_nothing()
        return table.insert()

    @staticmethod
    def _story_members(
        conn: sa.Connection, stories: Sequence[str], text: bool = True
    ) -> dict[str, list[Any]]:
        """Stored articles of these stories (what the list figures and the search index
        need; without ``text``, their dates and sources only)."""
        t = articles_table
        members: dict[str, list[Any]] = {}
        wanted = sorted(set(stories))
        columns = [t.c.id, t.c.story, t.c.title, t.c.outlet, t.c.publisher]
        for chunk in range(0, len(wanted), 500):
            rows = conn.execute(
                sa.select(*columns, *([t.c.text] if text else []))
                .add_columns(t.c.date, t.c.duplicate_of)
                .where(t.c.story.in_(wanted[chunk : chunk + 500]))
                .order_by(t.c.story, t.c.id)
            )
            for row in rows:
                members.setdefault(row.story, []).append(row)
        return members

    @staticmethod
    def _story_row(story: Story, members: list[Any]) -> dict[str, Any]:
        dates = sorted(m.date for m in members if m.date)
        outlets = sorted({m.outlet or m.publisher for m in members if m.outlet or m.publisher})
        return {
            "id": story.id,
            "title": db_text(story.title),
            "storyline": story.storyline,
            "articles": json.dumps(story.articles),
            "summary": json.dumps([x.to_dict() for x in story.summary], ensure_ascii=False),
            # key order kept: a story reused from the store renders byte-identically
            "brief": json.dumps(story.to_brief(), ensure_ascii=False),
            "article_count": len(story.articles),
            "duplicate_count": sum(1 for m in members if m.duplicate_of),
            "outlets": json.dumps(outlets, ensure_ascii=False),
            "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None,
        }

    @staticmethod
    def _search_row(story: Story, members: list[Any]) -> dict[str, str | None]:
        parts = [s.text for s in story.summary]
        parts += [m.title for m in members if m.title]
        parts += [m.text for m in members if not m.duplicate_of]
        body = "\n".join(parts)[:SEARCH_BODY_CHARS]
        return {"story_id": story.id, "title": db_text(story.title), "body": db_text(body)}

    @staticmethod
    def _update_analysis(conn: sa.Connection, articles: Sequence[Article]) -> None:
        conn.execute(
            articles_table.update()
            .where(articles_table.c.id == sa.bindparam("b_id"))
            .values(
                sentences=sa.bindparam("b_sentences"),
                duplicate_of=sa.bindparam("b_duplicate_of"),
                story=sa.bindparam("b_story"),
                work=sa.bindparam("b_work"),
                band_keys=sa.bindparam("b_band_keys"),
            ),
            [
                {
                    "b_id": a.id,
                    "b_sentences": json.dumps([[s.start, s.end] for s in a.sentences]),
                    "b_duplicate_of": a.duplicate_of,
                    "b_story": a.story,
                    "b_work": a.work,
                    "b_band_keys": a.band_keys,
                }
                for a in articles
            ],
        )

    def stories(self) -> list[Story]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(stories_table).order_by(stories_table.c.id))
            return [story_from_row(r) for r in rows]

    def reports(self) -> list[InputReport]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(reports_table).order_by(reports_table.c.seq))
            return [InputReport(r.source, r.status, r.reason, r.digest, r.documents) for r in rows]

    def load_state(self, name: str) -> str | None:
        with self.engine.connect() as conn:
            query = sa.select(state_table.c.value).where(state_table.c.name == name)
            return conn.execute(query).scalar_one_or_none()

    def fetch_rows(self, kind: str, keys: Sequence[str]) -> dict[str, str]:
        with self.engine.connect() as conn:
            return row_state.fetch_rows(conn, kind, keys)

    def stored_keys(self, kind: str, keys: Sequence[str]) -> set[str]:
        with self.engine.connect() as conn:
            return row_state.stored_keys(conn, kind, keys)

    def all_rows(self, kind: str) -> dict[str, str]:
        with self.engine.connect() as conn:
            return row_state.all_rows(conn, kind)

    def count_rows(self, kind: str) -> int:
        with self.engine.connect() as conn:
            return row_state.count_rows(conn, kind)

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(articles_table)).scalar_one()

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = sorted(set(ids))
        found: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in range(0, len(wanted), 500):
                part = wanted[chunk : chunk + 500]
                rows = conn.execute(
                    sa.select(articles_table.c.id).where(articles_table.c.id.in_(part))
                )
                found.update(r.id for r in rows)
        return found

    def article_page(self, limit: int, offset: int, story: str | None = None) -> Page[Article]:
        query = sa.select(articles_table).order_by(articles_table.c.id)
        count = sa.select(sa.func.count()).select_from(articles_table)
        if story is not None:
            query = query.where(articles_table.c.story == story)
            count = count.where(articles_table.c.story == story)
        with self.engine.connect() as conn:
            total = conn.execute(count).scalar_one()
            rows = conn.execute(query.limit(limit).offset(offset))
            return Page([article_from_row(r) for r in rows], total, limit, offset)

    def story_page(
        self, limit: int, offset: int, storyline: str | None = None
    ) -> Page[StoryListing]:
        t = stories_table
        query = sa.select(*LISTING_COLUMNS).order_by(t.c.list_rank, t.c.id)
        count = sa.select(sa.func.count()).select_from(t)
        if storyline is not None:
            query = query.where(t.c.storyline == storyline)
            count = count.where(t.c.storyline == storyline)
        query = query.limit(limit).offset(offset)
        with self.engine.connect() as conn:
            total = conn.execute(count).scalar_one()
            items = [listing_from_row(r) for r in conn.execute(query)]
        return Page(items, total, limit, offset)

    def search_stories(self, query: str, limit: int, offset: int) -> Page[StoryListing]:
        with self.engine.connect() as conn:
            return search.search_stories(conn, self.dialect, query, limit, offset)

    def find_stories(self, where: StoryFilter, limit: int, offset: int) -> Page[StoryListing]:
        return browse.find_stories(self, where, limit, offset)

    def outlet_articles(self, outlet: str) -> list[Article]:
        return browse.outlet_articles(self, outlet)

    def copies_of(self, ids: Iterable[str]) -> list[Article]:
        return browse.copies_of(self, ids)

    def story(self, story_id: str) -> Story | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(stories_table).where(stories_table.c.id == story_id)
            ).first()
        return None if row is None else story_from_row(row)

    def story_brief(self, story_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(stories_table).where(stories_table.c.id == story_id)
            ).first()
        return None if row is None else self._brief_from_row(row)

    def iter_story_briefs(self) -> Iterator[dict[str, Any]]:
        # paged by id so a large store is never held in memory at once
        last = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    sa.select(stories_table)
                    .where(stories_table.c.id > last)
                    .order_by(stories_table.c.id)
                    .limit(200)
                ).all()
            if not rows:
                return
            for row in rows:
                yield self._brief_from_row(row)
            last = rows[-1].id

    @staticmethod
    def _brief_from_row(row: Any) -> dict[str, Any]:
        if row.brief:
            return json.loads(row.brief)
        return story_from_row(row).to_brief()

    def close(self) -> None:
        self.engine.dispose()
