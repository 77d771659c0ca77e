"""SQLAlchemy Core store: one implementation for SQLite and PostgreSQL.

Lists (removed spans, sentences, summaries) are stored as JSON text so both backends
share the same schema; every write method runs in one transaction.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import asdict

import sqlalchemy as sa
from sqlalchemy import event

from storyline.model import (
    Article,
    Citation,
    InputReport,
    RemovedSpan,
    Span,
    Story,
    SummarySentence,
)
from storyline.store.base import Store

log = logging.getLogger(__name__)

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
    sa.Column("storyline", sa.String(64)),
    sa.Column("articles", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers (the web UI) never block a run
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _article_from_row(row: sa.Row) -> Article:
    return Article(
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
        removed=[RemovedSpan(**r) for r in json.loads(row.removed)],
        sentences=[Span(s, e) for s, e in json.loads(row.sentences)],
        duplicate_of=row.duplicate_of,
        story=row.story,
    )


def _story_from_row(row: sa.Row) -> Story:
    summary = [
        SummarySentence(s["text"], tuple(Citation(**c) for c in s["citations"]))
        for s in json.loads(row.summary)
    ]
    return Story(row.id, row.title, json.loads(row.articles), summary, row.storyline)


class SqlStore(Store):
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = sa.create_engine(url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        metadata.create_all(self.engine)

    def add_articles(self, articles: Sequence[Article], reports: Sequence[InputReport]) -> int:
        with self.engine.begin() as conn:
            existing = set()
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
                        "raw_text": article.raw_text,
                        "text": article.text,
                        "title": article.title,
                        "outlet": article.outlet,
                        "publisher": article.publisher,
                        "url": article.url,
                        "date": article.date,
                        "year": article.year,
                        "lang": article.lang,
                        "removed": json.dumps(
                            [asdict(r) for r in article.removed], ensure_ascii=False
                        ),
                        "sentences": "[]",
                    }
                )
            if new_rows:
                conn.execute(articles_table.insert(), new_rows)
            if reports:
                conn.execute(reports_table.insert(), [asdict(r) for r in reports])
        return len(new_rows)

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        query = sa.select(articles_table).order_by(articles_table.c.id)
        if ids is not None:
            query = query.where(articles_table.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            return [_article_from_row(r) for r in conn.execute(query)]

    def save_analysis(self, articles: Sequence[Article], stories: Sequence[Story]) -> None:
        with self.engine.begin() as conn:
            if articles:
                self._update_analysis(conn, articles)
            conn.execute(stories_table.delete())
            if stories:
                conn.execute(
                    stories_table.insert(),
                    [
                        {
                            "id": s.id,
                            "title": s.title,
                            "storyline": s.storyline,
                            "articles": json.dumps(s.articles),
                            "summary": json.dumps(
                                [x.to_dict() for x in s.summary], ensure_ascii=False
                            ),
                        }
                        for s in stories
                    ],
                )

    @staticmethod
    def _update_analysis(conn: sa.Connection, articles: Sequence[Article]) -> None:
        conn.execute(
            articles_table.update()
            .where(articles_table.c.id == sa.bindparam("b_id"))
            .values(
                sentences=sa.bindparam("b_sentences"),
                duplicate_of=sa.bindparam("b_duplicate_of"),
                story=sa.bindparam("b_story"),
            ),
            [
                {
                    "b_id": a.id,
                    "b_sentences": json.dumps([[s.start, s.end] for s in a.sentences]),
                    "b_duplicate_of": a.duplicate_of,
                    "b_story": a.story,
                }
                for a in articles
            ],
        )

    def stories(self) -> list[Story]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(stories_table).order_by(stories_table.c.id))
            return [_story_from_row(r) for r in rows]

    def reports(self) -> list[InputReport]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(reports_table).order_by(reports_table.c.seq))
            return [InputReport(r.source, r.status, r.reason, r.digest, r.documents) for r in rows]

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(articles_table)).scalar_one()

    def close(self) -> None:
        self.engine.dispose()
