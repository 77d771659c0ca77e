"""A store as typed tables a notebook reads directly (pyarrow): one row per item.

``stories``: one row per story; ``articles``: one per stored article (copies included,
``duplicate_of`` naming their original); ``quotes``: one per quote, with its article and
the character offsets that slice the article's text to the quote (``unspoken`` and
``speaker_kind`` say which ones who-said-what leaves out); ``claims``: one per
side of a claim (each side is a sentence of one article, with its offsets), so a claim
with three sources is three rows sharing ``claim``. The same tables back
``storyline export`` and the server's ``/api/export/{kind}.parquet``.

The analyst layer is read by field from ``storyline.layer`` records.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.layer import StoryLayer
from storyline.model import Story, calendar_day
from storyline.store.base import Store, StoryFilter

if TYPE_CHECKING:
    import pyarrow as pa

KINDS = ("stories", "articles", "quotes", "claims")
FORMATS = ("parquet", "jsonl", "csv")
_PAGE = 500


def story_layer(story: Story) -> StoryLayer:
    """A story's analyst layer (empty when it has none: analysis off or failed)."""
    return story.layer or StoryLayer()


def _day(value: str | None) -> date | None:
    """A full ISO date's day (a bare year or month is no day)."""
    return calendar_day(value) if value and len(value) >= 10 else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def _schemas() -> dict[str, pa.Schema]:
    import pyarrow as pa

    text, i64, i32 = pa.string(), pa.int64(), pa.int32()
    return {
        "stories": pa.schema(
            [
                ("id", text),
                ("title", text),
                ("storyline", text),
                ("articles", i32),
                ("originals", i32),
                ("duplicates", i32),
                ("outlets", pa.list_(text)),
                ("independent_outlets", i32),
                ("first_date", text),
                ("last_date", text),
                ("first_day", pa.date32()),
                ("last_day", pa.date32()),
                ("quotes", i32),
                ("claims", i32),
                ("contradicted", i32),
                ("summary", text),
                ("article_ids", pa.list_(text)),
            ]
        ),
        "articles": pa.schema(
            [
                ("id", text),
                ("story", text),
                ("storyline", text),
                ("duplicate_of", text),
                ("title", text),
                ("outlet", text),
                ("publisher", text),
                ("url", text),
                ("date", text),
                ("day", pa.date32()),
                ("year", i32),
                ("lang", text),
                ("source", text),
                ("record_id", text),
                ("chars", i64),
                ("text", text),
            ]
        ),
        "quotes": pa.schema(
            [
                ("story", text),
                ("article", text),
                ("start", i64),
                ("end", i64),
                ("text", text),
                ("kind", text),
                ("speaker", text),
                ("speaker_entity", text),
                ("speaker_start", i64),
                ("speaker_end", i64),
                ("cue", text),
                # what who-said-what decides by: the speaker's kind, and whether the words
                # are what someone knows or wants rather than says (``layer.QuoteItem``)
                ("speaker_kind", text),
                ("unspoken", pa.bool_()),
            ]
        ),
        "claims": pa.schema(
            [
                ("story", text),
                ("claim", text),
                ("claim_kind", text),
                ("status", text),
                ("subject", text),
                ("claim_text", text),
                ("side", i32),
                ("article", text),
                ("start", i64),
                ("end", i64),
                ("text", text),
                ("source", text),
                ("speaker", text),
                ("stance", text),
                ("score", pa.float64()),
            ]
        ),
    }


def schema(kind: str) -> pa.Schema:
    """The typed columns of one export table."""
    if kind not in KINDS:
        raise ValueError(f"unknown export {kind!r}: one of {', '.join(KINDS)}")
    return _schemas()[kind]


def story_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Stories in the list's order (latest first)."""
    by_id = {s.id: s for s in store.stories()}
    offset = 0
    while True:
        listing = store.find_stories(StoryFilter(), _PAGE, offset)
        for item in listing.items:
            story = by_id[item.id]
            layer = story_layer(story)
            yield {
                "id": item.id,
                "title": item.title,
                "storyline": item.storyline,
                "articles": item.articles,
                "originals": item.articles - item.duplicates,
                "duplicates": item.duplicates,
                "outlets": list(item.outlets),
                "independent_outlets": item.independent_outlets,
                "first_date": item.first_date,
                "last_date": item.last_date,
                "first_day": _day(item.first_date),
                "last_day": _day(item.last_date),
                "quotes": len(layer.quotes),
                "claims": len(layer.claims),
                "contradicted": sum(1 for c in layer.claims if c.status == "contradicted"),
                "summary": " ".join(s.text for s in story.summary),
                "article_ids": list(story.articles),
            }
        offset += len(listing.items)
        if offset >= listing.total or not listing.items:
            return


def article_rows(store: Store) -> Iterator[dict[str, Any]]:
    storyline_of = {s.id: s.storyline for s in store.stories()}
    offset = 0
    while True:
        page = store.article_page(_PAGE, offset)
        for a in page.items:
            yield {
                "id": a.id,
                "story": a.story,
                "storyline": storyline_of.get(a.story or ""),
                "duplicate_of": a.duplicate_of,
                "title": a.title,
                "outlet": a.outlet,
                "publisher": a.publisher,
                "url": a.url,
                "date": a.date,
                "day": _day(a.date),
                "year": a.year,
                "lang": a.lang,
                "source": a.source,
                "record_id": a.record_id,
                "chars": len(a.text),
                "text": a.text,
            }
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def quote_rows(store: Store) -> Iterator[dict[str, Any]]:
    for story in store.stories():
        for q in story_layer(story).quotes:
            yield {
                "story": story.id,
                "article": q.article,
                "start": q.start,
                "end": q.end,
                "text": q.text,
                "kind": q.kind,
                "speaker": q.speaker,
                "speaker_entity": q.speaker_entity,
                "speaker_start": q.speaker_start,
                "speaker_end": q.speaker_end,
                "cue": q.cue,
                "speaker_kind": q.speaker_kind,
                "unspoken": q.unspoken,
            }


def claim_rows(store: Store) -> Iterator[dict[str, Any]]:
    """One row per side a story lists (its own sides; the storyline's other sides are in
    the stories that list them)."""
    for story in store.stories():
        claims = story_layer(story).claims
        cited = sorted({side.article for claim in claims for side in claim.sides})
        texts = {a.id: a.text for a in store.articles(cited)} if cited else {}
        for claim in claims:
            for n, side in enumerate(claim.sides):
                yield {
                    "story": story.id,
                    "claim": claim.id,
                    "claim_kind": claim.kind,
                    "status": claim.status,
                    "subject": claim.subject,
                    "claim_text": claim.text,
                    "side": n,
                    "article": side.article,
                    "start": side.start,
                    "end": side.end,
                    "text": side.said(texts),
                    "source": side.source,
                    "speaker": side.speaker,
                    "stance": side.stance,
                    "score": side.score,
                }


ROWS: dict[str, Callable[[Store], Iterator[dict[str, Any]]]] = {
    "stories": story_rows,
    "articles": article_rows,
    "quotes": quote_rows,
    "claims": claim_rows,
}


def export_table(store: Store, kind: str) -> pa.Table:
    """One export as a pyarrow Table with typed columns, in a stable order."""
    import pyarrow as pa

    columns = schema(kind)
    return pa.Table.from_pylist(list(ROWS[kind](store)), schema=columns)


def parquet_bytes(table: pa.Table) -> bytes:
    """The table as one Parquet file in memory (zstd; no clock or host in its metadata)."""
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def _csv_cell(value: Any) -> str:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    # a cell starting with = + - @ runs as a formula in spreadsheets (CSV injection)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_export(
    store: Store, outdir: Path, fmt: str, kinds: tuple[str, ...] = KINDS
) -> list[tuple[Path, int]]:
    """Write each table as OUTDIR/{kind}.{fmt} (each replaced atomically); return the
    files written with their row counts."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: one of {', '.join(FORMATS)}")
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in kinds:
        schema(kind)  # an unknown kind fails before anything is written
        path = outdir / f"{kind}.{fmt}"
        tmp = path.with_name(path.name + ".tmp")
        rows = 0
        if fmt == "parquet":
            table = export_table(store, kind)
            rows = table.num_rows
            tmp.write_bytes(parquet_bytes(table))
        else:
            names = schema(kind).names
            with tmp.open("w", encoding="utf-8", newline="") as fh:
                if fmt == "csv":
                    writer = csv.writer(fh, lineterminator="\n")
                    writer.writerow(names)
                for row in ROWS[kind](store):
                    rows += 1
                    if fmt == "csv":
                        writer.writerow([_csv_cell(row[n]) for n in names])
                    else:
                        record = {n: _json_value(row[n]) for n in names}
                        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        tmp.replace(path)
        written.append((path, rows))
    return written


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value
