"""Concurrent-writer trials: several processes open one fresh store at the same moment and
write at once (the same articles, then articles of their own).

Used by tests/store/test_concurrent_writers.py (a few trials) and bench/bench_faults.py
(20 per backend). Each trial counts failures: a writer that raised, an article lost, or two
articles sharing an ingest ``seq``.
"""

from __future__ import annotations

import multiprocessing
import traceback
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from storyline.model import Article, InputReport
from storyline.store.factory import open_store

SHARED = 150  # articles every writer stores (same ids)
OWN = 150  # articles only one writer stores


def _article(aid: str) -> Article:
    text = f"Article {aid} says something new about the harbour."
    return Article(id=aid, text=text, raw_text=text, source=f"{aid}.txt")


def _writer(url: str, n: int, barrier: Any, errors: Any) -> None:
    try:
        barrier.wait(timeout=60)
        with open_store(url) as store:
            shared = [_article(f"shared{i:04d}") for i in range(SHARED)]
            own = [_article(f"w{n}-{i:04d}") for i in range(OWN)]
            report = InputReport(f"writer{n}", "read", "", "0" * 64, len(shared) + len(own))
            # small batches interleave the writers' transactions
            for start in range(0, SHARED, 50):
                store.add_articles(shared[start : start + 50], [])
                store.add_articles(own[start : start + 50], [])
            store.add_articles([], [report])
    except Exception:  # noqa: BLE001 - a trial counts failures, it does not stop at one
        errors.put(f"writer {n}: {traceback.format_exc()}")


@dataclass
class TrialResult:
    errors: list[str]
    articles: int
    distinct_seq: int
    expected: int

    @property
    def failed(self) -> bool:
        return bool(self.errors) or not (self.articles == self.distinct_seq == self.expected)


def run_trial(url: str, writers: int = 2) -> TrialResult:
    """``writers`` processes open ``url`` (a fresh store) at once and write; check the rows."""
    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(writers)
    errors = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(url, n, barrier, errors)) for n in range(writers)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
        if p.is_alive():
            p.kill()
            p.join()
    found: list[str] = []
    while not errors.empty():
        found.append(errors.get())
    found += [f"writer exit code {p.exitcode}" for p in procs if p.exitcode]
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            rows, distinct = conn.execute(
                sa.text("SELECT count(*), count(DISTINCT seq) FROM articles")
            ).one()
    except sa.exc.SQLAlchemyError as exc:
        found.append(f"cannot count: {exc}")
        rows = distinct = 0
    finally:
        engine.dispose()
    return TrialResult(found, rows, distinct, SHARED + OWN * writers)


def fresh_pg_schema(base_url: str) -> tuple[str, Any]:
    """A URL on a new, empty PostgreSQL schema, and a function that drops it."""
    schema = f"w_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(base_url)
    with admin.begin() as conn:
        conn.execute(sa.text(f"CREATE SCHEMA {schema}"))
    url = sa.make_url(base_url).update_query_dict({"options": f"-csearch_path={schema}"})

    def drop() -> None:
        with admin.begin() as conn:
            conn.execute(sa.text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()

    return url.render_as_string(hide_password=False), drop
