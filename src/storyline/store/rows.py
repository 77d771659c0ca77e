"""Reading and writing the ``state_rows`` table (one row per entry of a stage's state).

``SqlStore`` answers ``cluster.rowmap.RowSource`` with these; the rows a run changed are
written by ``save_analysis`` in the same transaction as the rest of the analysis.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa

from storyline.store.base import StateRows
from storyline.store.tables import state_rows_table

# keys per IN (...) list: well under SQLite's and PostgreSQL's parameter limits
CHUNK = 500

_t = state_rows_table


def fetch_rows(conn: sa.Connection, kind: str, keys: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(keys), CHUNK):
        part = list(keys[start : start + CHUNK])
        query = sa.select(_t.c.key, _t.c.value).where(_t.c.kind == kind, _t.c.key.in_(part))
        found.update((r.key, r.value) for r in conn.execute(query))
    return found


def stored_keys(conn: sa.Connection, kind: str, keys: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), CHUNK):
        part = list(keys[start : start + CHUNK])
        query = sa.select(_t.c.key).where(_t.c.kind == kind, _t.c.key.in_(part))
        found.update(r.key for r in conn.execute(query))
    return found


def all_rows(conn: sa.Connection, kind: str) -> dict[str, str]:
    query = sa.select(_t.c.key, _t.c.value).where(_t.c.kind == kind)
    return {r.key: r.value for r in conn.execute(query)}


def count_rows(conn: sa.Connection, kind: str) -> int:
    query = sa.select(sa.func.count()).select_from(_t).where(_t.c.kind == kind)
    return int(conn.execute(query).scalar_one())


def write_rows(conn: sa.Connection, changes: StateRows) -> None:
    """Apply ``changes`` (inside the caller's transaction)."""
    if changes.replace:
        conn.execute(_t.delete().where(_t.c.kind.in_(sorted(changes.kinds))))
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    insert = f"INSERT INTO state_rows (kind, key, value) VALUES ({mark}, {mark}, {mark})"
    for kind, rows in sorted(changes.rows.items()):
        keys = sorted(rows)
        if not changes.replace:
            for start in range(0, len(keys), CHUNK):
                part = keys[start : start + CHUNK]
                conn.execute(_t.delete().where(_t.c.kind == kind, _t.c.key.in_(part)))
        # in key order: the (kind, key) index then grows at its end instead of splitting
        # pages all over (a new store's millions of rows write 2-3x faster); with the
        # driver's own executemany of plain tuples, made a chunk at a time (SQLAlchemy's
        # per-row parameter handling would double the first run's saving time)
        for start in range(0, len(keys), 50_000):
            part = keys[start : start + 50_000]
            chunk = [(kind, k, v) for k in part if (v := rows[k]) is not None]
            if chunk:
                conn.exec_driver_sql(insert, chunk)
