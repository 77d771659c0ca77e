"""Streaming ``storyline cluster``: three passes over a JSONL file with bounded memory.

1. scan: stream the lines once; per article keep only its id, byte offset, date, source and
   the dedup map output (LSH band keys + shingle hashes, computed in the ``Executor``;
   the shingles go to a temporary file, read back only for candidate pairs).
2. dedup reduce: ``find_near_duplicates_by_keys`` over the kept keys and shingles, then each
   group's original is chosen as ``find_duplicates`` does (``choose_originals``), reading
   back only the group members' texts by byte offset.
3. cluster: the originals, in the clusterer's (day, id) order and in batches of
   ``ClusterOptions.batch_articles``, are read back by offset, their ``article_features``
   computed in the executor and the batch added to the ``StoryClusterer``. With worker
   processes the next batch is read and mapped while this one is added (``ahead``), so
   at most two batches of texts and features are alive. Copies follow their original.

The result equals the in-memory ``find_duplicates`` + ``StoryClusterer.add_in_batches``:
the same batches in the same order reach the clusterer, whichever executor maps them.
"""

from __future__ import annotations

import os
import tempfile
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from pathlib import Path
from typing import IO, Any, BinaryIO, TypeVar

import numpy as np

from storyline.cluster.stories import (
    ArticleFeatures,
    ClusterItem,
    StoryClusterer,
    article_features,
    date_batches,
)
from storyline.config import ClusterOptions, DedupOptions
from storyline.dedup.minhash import band_keys, find_near_duplicates_by_keys, fingerprint_keys
from storyline.dedup.near import DedupInput, choose_originals
from storyline.jsonl import parse_object
from storyline.model import NO_PROGRESS, Progress
from storyline.run.executor import DEFAULT_CHUNK_SIZE, Executor


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str


def parse_line(lineno: int, line: str) -> tuple[ClusterItem, dict[str, Any]] | Skipped | None:
    """One JSONL line as a ClusterItem (plus the raw record), a Skipped, or None if blank."""
    if not line.strip():
        return None
    rec = parse_object(line)
    if isinstance(rec, str):
        return Skipped(lineno, rec)
    if not isinstance(rec.get("id"), str | int):
        return Skipped(lineno, "record has no id")
    title = rec.get("title") or ""
    text = rec.get("text") or ""
    if not isinstance(title, str) or not isinstance(text, str):
        return Skipped(lineno, "title/text is not a string")
    if not title.strip() and not text.strip():
        return Skipped(lineno, "empty title and text")
    date = rec.get("date")
    source = rec.get("source")
    item = ClusterItem(
        id=str(rec["id"]),
        title=title,
        text=text,
        date=date if isinstance(date, str) else None,
        source=source if isinstance(source, str) else None,
    )
    return item, rec


def read_records(path: Path) -> Iterator[tuple[int, ClusterItem, dict[str, Any]] | Skipped]:
    """(byte offset, item, record) per good line; bad lines become Skipped.

    Lines and their numbers are those of a text-mode read (universal newlines: \\n, \\r\\n
    and a lone \\r all end a line); a line that is not UTF-8 is skipped, not fatal."""
    lineno = 0
    with path.open("rb") as fh:
        for start, part in _lines(fh):
            lineno += 1
            try:
                got = parse_line(lineno, part.decode("utf-8"))
            except UnicodeDecodeError as exc:
                got = Skipped(lineno, f"invalid UTF-8 at byte {exc.start}")
            if isinstance(got, tuple):
                yield start, *got
            elif got is not None:
                yield got


_BLOCK = 1 << 20


def _lines(fh: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """(byte offset, line with its ending) for \n, \r\n and lone \r endings, read in
    blocks: a file whose lines end in \r alone is not one giant line."""
    held, offset = b"", 0
    while block := fh.read(_BLOCK):
        parts = (held + block).splitlines(keepends=True)
        # the last part may be unfinished, or a \r whose \n is in the next block
        held = parts.pop() if not parts[-1].endswith(b"\n") else b""
        for part in parts:
            yield offset, part
            offset += len(part)
    if held:
        yield offset, held


def _line_at(fh: BinaryIO, offset: int) -> bytes:
    """The line starting at ``offset``, without its ending (reads only as far as it)."""
    fh.seek(offset)
    line = b""
    while block := fh.read(64 * 1024):
        line += block
        end = min((i for i in (line.find(b"\n"), line.find(b"\r")) if i >= 0), default=-1)
        if end >= 0:
            return line[:end]
    return line


def read_items_at(path: Path, offsets: Sequence[int]) -> list[ClusterItem]:
    """The items on the lines starting at these byte offsets (lines that parsed in pass 1)."""
    items = []
    with path.open("rb") as fh:
        for offset in offsets:
            got = parse_line(0, _line_at(fh, int(offset)).decode("utf-8"))
            if not isinstance(got, tuple):
                raise ValueError(f"{path}: the line at byte {offset} changed since it was read")
            items.append(got[0])
    return items


def features_of(
    items: list[ClusterItem],
    executor: Executor,
    options: ClusterOptions,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
) -> dict[str, ArticleFeatures]:
    """The cluster map step: ``article_features`` of every item, computed in the executor."""
    mapped = executor.map(partial(article_features, opts=options), items, chunk_size=chunk_size)
    return dict(zip((it.id for it in items), mapped, strict=True))


T = TypeVar("T")
R = TypeVar("R")


def ahead(jobs: Iterable[T], load: Callable[[T], R], overlap: bool) -> Iterator[R]:
    """``load(job)`` of each job, in order. With ``overlap`` the next job is loaded in a
    thread while the caller works on this one: the cluster map runs in the executor's
    worker processes and the clusterer's ``add`` in this one, so on two cores both run
    at once instead of taking turns (the thread itself mostly waits). ``jobs`` is
    advanced in the caller's thread, so it may read state the caller owns (a store)."""
    if not overlap:
        yield from map(load, jobs)
        return
    todo = iter(jobs)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="cluster-map") as thread:
        pending = [thread.submit(load, job) for job in islice(todo, 1)]
        while pending:
            loaded = pending.pop().result()
            pending = [thread.submit(load, job) for job in islice(todo, 1)]
            yield loaded
            del loaded  # the caller is done with it: free it before the next one arrives


@dataclass
class ScannedPile:
    """Pass 1's per-line record of a pile (row = good line, in file order).

    The shingle hashes (the bulk: ~8 bytes per word of text) are spilled to an unlinked
    temporary file and read back per candidate pair, so memory holds per article only
    its id, offset, date, source and band keys. Close it (or use ``with``) to free them.
    """

    bands: int
    ids: list[str] = field(default_factory=list)
    offsets: array = field(default_factory=lambda: array("q"))
    dates: list[str | None] = field(default_factory=list)
    sources: list[str | None] = field(default_factory=list)
    keys: array = field(default_factory=lambda: array("Q"))  # bands per row, flat
    shingle_ends: array = field(default_factory=lambda: array("q", [0]))
    shingle_file: IO[bytes] = field(default_factory=tempfile.TemporaryFile)
    skipped: list[Skipped] = field(default_factory=list)

    def add_fingerprint(self, keys: np.ndarray, shingles: np.ndarray) -> None:
        self.keys.frombytes(np.ascontiguousarray(keys, dtype=np.uint64).tobytes())
        self.shingle_file.write(np.ascontiguousarray(shingles, dtype=np.uint64).tobytes())
        self.shingle_ends.append(self.shingle_ends[-1] + len(shingles))

    def shingles_of(self, row: int) -> np.ndarray:
        start, end = self.shingle_ends[row], self.shingle_ends[row + 1]
        data = os.pread(self.shingle_file.fileno(), 8 * (end - start), 8 * start)
        return np.frombuffer(data, dtype=np.uint64)

    def close(self) -> None:
        self.shingle_file.close()

    def __enter__(self) -> ScannedPile:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _ShinglesOfRows(Sequence[np.ndarray]):
    """``scan.shingles_of(rows[i])`` as a read-only sequence (no per-row copies)."""

    def __init__(self, scan: ScannedPile, rows: list[int]) -> None:
        self._scan, self._rows = scan, rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i: int) -> np.ndarray:  # type: ignore[override]  # no slices
        return self._scan.shingles_of(self._rows[i])


def scan_pile(
    path: Path,
    executor: Executor,
    options: DedupOptions,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Progress = NO_PROGRESS,
) -> ScannedPile:
    """Pass 1: stream the file; the dedup map (band keys, shingles) runs in the executor.
    ``progress`` hears of each line as stage "scan" (a skipped line as skipped)."""
    result = ScannedPile(bands=len(band_keys(np.zeros(options.num_perm), options)))

    def texts() -> Iterator[str]:
        for got in read_records(path):
            if isinstance(got, Skipped):
                result.skipped.append(got)
                progress.advance("scan", skipped=1)
                continue
            offset, item, _ = got
            result.ids.append(item.id)
            result.offsets.append(offset)
            result.dates.append(item.date)
            result.sources.append(item.source)
            yield item.text or item.title

    mapped = executor.map(partial(fingerprint_keys, options=options), texts(), chunk_size)
    for keys, shingles in mapped:
        result.add_fingerprint(keys, shingles)
        progress.advance("scan")
    result.shingle_file.flush()  # read back with pread, past the file object's buffer
    return result


def find_copies(path: Path, pile: ScannedPile, options: DedupOptions) -> dict[str, str]:
    """Pass 2: ``find_duplicates`` of the scanned pile ({copy id: original id}).

    As there, a repeated id counts once, with its last line's text, date and source."""
    last_row = {article_id: row for row, article_id in enumerate(pile.ids)}
    ids = sorted(last_row)
    if not ids:
        return {}
    rows = [last_row[i] for i in ids]
    keys = np.frombuffer(pile.keys, dtype=np.uint64).reshape(-1, pile.bands)[rows]
    # undated for the reduce: the original is chosen below, with the wire rule
    found = find_near_duplicates_by_keys(
        ids, keys, _ShinglesOfRows(pile, rows), [None] * len(ids), options
    )
    del keys

    def members_of(group: list[str]) -> list[DedupInput]:
        group_rows = [last_row[i] for i in group]
        items = read_items_at(path, [pile.offsets[row] for row in group_rows])
        return [
            (it.id, it.text or it.title, pile.dates[row], pile.sources[row])
            for it, row in zip(items, group_rows, strict=True)
        ]

    return choose_originals(found, members_of)


def cluster_originals(
    path: Path,
    pile: ScannedPile,
    duplicates: dict[str, str],
    clusterer: StoryClusterer,
    executor: Executor,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Progress = NO_PROGRESS,
) -> dict[str, tuple[str, str]]:
    """Pass 3: {original id: (story, storyline)}, as ``add_in_batches`` of the originals;
    ``progress`` hears of each batch's lines as stage "cluster"."""
    rows = [row for row, article_id in enumerate(pile.ids) if article_id not in duplicates]
    ids = [pile.ids[row] for row in rows]
    # a repeated id is ordered by its last line's date, as add_in_batches orders it
    last_date = dict(zip(ids, (pile.dates[row] for row in rows), strict=True))
    dates = [last_date[i] for i in ids]
    found: dict[str, tuple[str, str]] = {}
    batches = date_batches(ids, dates, clusterer.options.batch_articles)

    def fresh_lines(batch: list[int]) -> list[int]:
        # only an id's first line in the batch that the clusterer has not placed is read
        # and mapped; ``add`` ignores the others' texts (it only reports them). Picked
        # before the batch ahead of it is added, an id that batch places is mapped in vain
        fresh: dict[str, int] = {}
        for i in batch:
            if ids[i] not in fresh and clusterer.story_of(ids[i]) is None:
                fresh[ids[i]] = rows[i]
        return list(fresh.values())

    def load(lines: list[int]) -> tuple[list[ClusterItem], dict[str, ArticleFeatures]]:
        items = read_items_at(path, [pile.offsets[row] for row in lines])
        return items, features_of(items, executor, clusterer.options, chunk_size)

    loaded = ahead(map(fresh_lines, batches), load, executor.workers > 1)
    for batch, (items, features) in zip(batches, loaded, strict=True):
        by_id = {it.id: it for it in items}
        placeholders = (ClusterItem(ids[i], "", "") for i in batch if ids[i] not in by_id)
        for a in clusterer.add(items + list(placeholders), features):
            found[a.id] = (a.story, a.storyline)
        del items, features, by_id
        progress.advance("cluster", len(batch))
    return found
