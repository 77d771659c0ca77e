"""Command logic for ``storyline export``: a store's tables as files a notebook reads
(through the public API; the CLI prints)."""

from __future__ import annotations

from pathlib import Path

import storyline.api
from storyline.store.export import KINDS


class StoreMissing(Exception):
    """The store named does not exist (export never creates an empty one)."""


def run_export(
    db: str, outdir: Path, fmt: str, kinds: tuple[str, ...] = KINDS
) -> list[tuple[Path, int]]:
    """Write DB's tables into OUTDIR as ``{kind}.{fmt}``; return (file, rows) each."""
    if "://" not in db and not Path(db).is_file():
        raise StoreMissing(f"no store at {db} (run `storyline brief` first)")
    with storyline.api.open_store(db) as store:
        return storyline.api.export(store, outdir, fmt, kinds)
