"""Walk the user's paths and dispatch each file to the reader for its format.

Every input gets an ``InputReport`` (read, or skipped and why), so nothing is lost
silently; per-record problems inside a file come from the readers themselves.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from storyline.budget import time_budget
from storyline.config import IngestOptions
from storyline.errors import BudgetExceeded, Errors
from storyline.ingest import readers
from storyline.ingest.labels import printable, source_label
from storyline.ingest.stream_formats import Reader as StreamReader
from storyline.ingest.stream_formats import stream_reader_for
from storyline.model import InputReport, RawDocument

log = logging.getLogger(__name__)

Item = readers.Item
Reader = Callable[[str, bytes, IngestOptions], Iterator[Item]]

READERS: dict[str, Reader] = {
    ".txt": readers.read_txt,
    ".text": readers.read_txt,
    ".html": readers.read_html,
    ".htm": readers.read_html,
    ".xhtml": readers.read_html,
    ".json": readers.read_json,
    ".jsonl": readers.read_jsonl,  # uploads and stdin; files on disk are streamed
    ".ndjson": readers.read_jsonl,
    ".csv": readers.read_csv,
}

# Files that sit beside articles but are not articles; reported as skipped, never read.
_NOT_ARTICLES = {"readme.md", "license", "licence", ".ds_store"}


def register_reader(suffix: str, reader: Reader) -> None:
    """Let other packages (WARC, feeds) plug in a reader for a file suffix."""
    READERS[suffix.lower()] = reader


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def sniff_reader(data: bytes) -> Reader:
    """Pick a reader for stdin from the first non-blank bytes."""
    head = data.lstrip()[:512].lower()
    if head.startswith(b"<"):
        return readers.read_html
    if head.startswith(b"[") or head.startswith(b"{"):
        first_line = data.lstrip().split(b"\n", 1)[0]
        return readers.read_jsonl if first_line.rstrip().endswith(b"}") else readers.read_json
    return readers.read_txt


def _walk(folder: Path) -> Iterator[tuple[Path, str] | InputReport]:
    """Every entry under ``folder`` with its label, sorted; what is not read gets a report,
    never silence."""
    problems: list[OSError] = []
    entries: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(folder, onerror=problems.append, followlinks=False):
        dirs.sort()
        for name in dirs + files:
            entries.append((os.path.join(root, name), Path(root) / name))
    for error in problems:
        where = Path(str(error.filename))
        label = source_label(where, folder) if where.is_relative_to(folder) else folder.name
        yield InputReport(label, "skipped", f"cannot read folder: {error.strerror}")
    hidden_dirs: list[Path] = []
    for _key, entry in sorted(entries):
        if any(entry.is_relative_to(d) for d in hidden_dirs):
            continue  # reported once, with its folder
        label = source_label(entry, folder)
        if entry.name.startswith("."):
            if entry.is_dir() and not entry.is_symlink():
                hidden_dirs.append(entry)
            yield InputReport(label, "skipped", "hidden file or folder")
        elif entry.is_symlink() and not entry.exists():
            yield InputReport(label, "skipped", "broken symbolic link")
        elif entry.is_dir():
            continue
        elif not entry.is_file():
            yield InputReport(label, "skipped", "not a regular file (pipe, socket or device)")
        else:
            yield entry, label


def iter_files(paths: Iterable[str]) -> Iterator[tuple[Path, str] | InputReport]:
    """Files under ``paths`` (folders walked recursively, sorted) with their labels, or
    reports for the rest."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path, source_label(path, path)
        else:
            yield InputReport(printable(raw), "skipped", "no such file or folder")


def _read_one(source: str, data: bytes, reader: Reader, options: IngestOptions):
    digest = hashlib.sha256(data).hexdigest()
    documents = 0
    skipped: list[InputReport] = []
    notes: list[str] = []
    for item in _guarded(source, reader(source, data, options), options.record_seconds):
        if isinstance(item, RawDocument):
            documents += 1
            notes.extend(n for n in item.notes if n not in notes)
            yield item
        elif item.source == source:
            skipped.append(item)  # the whole input failed
        else:
            yield item  # one record inside the input
    if skipped and not documents:
        yield InputReport(source, "skipped", skipped[0].reason, digest, 0)
    else:
        yield InputReport(source, "read", "; ".join(notes), digest, documents)


def _guarded(source: str, items: Iterator[Item], seconds: float) -> Iterator[Item]:
    """A reader's output, each record read within ``seconds``; if the reader fails or runs
    over, one skip report for the input says why (what it yielded before is kept), and the
    batch goes on."""
    items = iter(items)
    while True:
        try:
            with time_budget(seconds, "reading"):
                item = next(items)
        except StopIteration:
            return
        except BudgetExceeded:
            log.warning("reading %s: a record ran over %gs", source, seconds)
            yield InputReport(
                source, "skipped", Errors.E202.format(stage="reading", seconds=seconds)
            )
            return
        except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
            log.exception("reading %s failed", source)
            yield InputReport(source, "skipped", f"reader failed: {type(exc).__name__}: {exc}")
            return
        yield item


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _relabel(item: Item, path: str, label: str) -> Item:
    """A streamed reader names records after the path it was given ("<path>#L12"); the
    label takes the path's place."""
    if item.source == path or item.source.startswith(path + "#"):
        return replace(item, source=label + item.source[len(path) :])
    return item


def _stream_one(path: Path, label: str, reader: StreamReader, options: IngestOptions):
    source = label
    try:
        digest = _file_digest(path)
    except OSError as exc:
        yield InputReport(source, "skipped", f"cannot read file: {exc.strerror or exc}")
        return
    documents = 0
    whole_file_problem = None
    relabelled = (_relabel(i, str(path), label) for i in reader(path, options))
    for item in _guarded(source, relabelled, options.record_seconds):
        if isinstance(item, RawDocument):
            documents += 1
        elif item.source == source:
            whole_file_problem = item.reason
            continue
        yield item
    if whole_file_problem and not documents:
        yield InputReport(source, "skipped", whole_file_problem, digest, 0)
    else:
        yield InputReport(source, "read", whole_file_problem or "", digest, documents)


def ingest_paths(
    paths: Iterable[str], options: IngestOptions, stdin: bytes | None = None
) -> Iterator[RawDocument | InputReport]:
    """Yield documents and one report per input (plus one per skipped record)."""
    for found in iter_files(paths if stdin is None else [p for p in paths if p != "-"]):
        if isinstance(found, InputReport):
            yield found
            continue
        entry, source = found
        if entry.name.lower() in _NOT_ARTICLES:
            yield InputReport(source, "skipped", "not an article (documentation file)")
            continue
        streamed = stream_reader_for(entry)
        if streamed is not None:
            # WARC, feeds and JSONL are read record by record: no whole-file size limit
            yield from _stream_one(entry, source, streamed, options)
            continue
        reader = READERS.get(_suffix(entry))
        if reader is None:
            yield InputReport(
                source, "skipped", f"unsupported file type '{entry.suffix or entry.name}'"
            )
            continue
        size = entry.stat().st_size
        if size > options.max_bytes:
            yield InputReport(
                source,
                "skipped",
                f"file too large: {size / 2**20:.1f} MiB > limit {options.max_bytes / 2**20:.1f} MiB",
            )
            continue
        try:
            data = entry.read_bytes()
        except OSError as exc:
            yield InputReport(source, "skipped", f"cannot read file: {exc.strerror or exc}")
            continue
        yield from _read_one(source, data, reader, options)
    if stdin is not None:
        if len(stdin) > options.max_bytes:
            yield InputReport("-", "skipped", "standard input larger than the size limit")
        else:
            yield from _read_one("-", stdin, sniff_reader(stdin), options)


def ingest_bytes(
    name: str, data: bytes, options: IngestOptions
) -> Iterator[RawDocument | InputReport]:
    """One input held in memory (an HTTP upload): read by its name's suffix, like a file."""
    if Path(name).name.lower() in _NOT_ARTICLES:
        yield InputReport(name, "skipped", "not an article (documentation file)")
        return
    reader = READERS.get(_suffix(Path(name)))
    if reader is None:
        yield InputReport(name, "skipped", f"unsupported file type '{Path(name).suffix or name}'")
        return
    if len(data) > options.max_bytes:
        yield InputReport(
            name,
            "skipped",
            f"file too large: {len(data) / 2**20:.1f} MiB > limit {options.max_bytes / 2**20:.1f} MiB",
        )
        return
    yield from _read_one(name, data, reader, options)


def read_stdin_bytes(limit: int) -> bytes:
    return sys.stdin.buffer.read(limit + 1)
