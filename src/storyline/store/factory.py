"""Pick a store backend from a URL or a path (as datasketch's storage factory does)."""

from __future__ import annotations

import os
from pathlib import Path

from storyline.store.base import Store


def database_url(db: str | os.PathLike[str]) -> str:
    """A SQLAlchemy URL: URLs pass through, a plain path means a SQLite file."""
    text = os.fspath(db)
    # plain postgresql:// would pick psycopg2; storyline ships psycopg 3
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql+psycopg://" + text[len(prefix) :]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).resolve()}"


def open_store(db: str | os.PathLike[str]) -> Store:
    url = database_url(db)
    if url.startswith(("sqlite:", "postgresql:", "postgresql+psycopg:")):
        from storyline.store.sql import SqlStore

        return SqlStore(url)
    raise ValueError(
        f"unsupported database URL {url!r} (use a file path, sqlite:// or postgresql://)"
    )
