"""Readers: one function per input format, each yielding documents or skip reports.

Contract: ``read_<fmt>(source, data, options) -> Iterator[RawDocument | InputReport]``.
A reader never raises for bad content: a bad record becomes an ``InputReport`` with
status "skipped" and a specific reason, and the rest of the input is still read.
"""

from __future__ import annotations

import codecs
import csv
import email.utils
import io
import json
import logging
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from storyline.config import IngestOptions
from storyline.errors import Errors
from storyline.ingest.decode import DecodeError, declared_charset, decode_bytes
from storyline.model import InputReport, RawDocument

log = logging.getLogger(__name__)

Item = RawDocument | InputReport

# Record fields accepted in JSON/JSONL/CSV, first match wins.
_OUTLET_KEYS = ("outlet", "source", "site", "sitename")
_DATE_KEYS = ("date", "published", "publication_date", "pubdate")


def _skip(source: str, reason: str, record: bool = False) -> InputReport:
    """A skip report; ``record``: for one record inside the input, not the whole input."""
    return InputReport(source=source, status="skipped", reason=reason, record=record)


def read_txt(source: str, data: bytes, options: IngestOptions) -> Iterator[Item]:
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        yield _skip(source, str(exc))
        return
    if not decoded.text.strip():
        yield _skip(source, Errors.E120.format())
        return
    notes = (decoded.note,) if decoded.note else ()
    yield RawDocument(source=source, text=decoded.text, fmt="txt", notes=notes)


def outlet_from_url(url: str | None) -> str | None:
    """The host name without a leading ``www.`` (``https://www.bbc.co.uk/x`` -> ``bbc.co.uk``)."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    return host or None


def extract_html(html: str, url: str | None, options: IngestOptions) -> dict[str, Any] | None:
    """Main text and metadata of one HTML page with trafilatura, or None if none found."""
    import trafilatura
    from trafilatura.settings import Document

    extractor = "trafilatura"
    if len(html) > options.html_max_chars:
        # trafilatura can run for minutes on huge pages (field note 8): cut, and say so
        log.warning(
            "HTML of %s truncated from %d to %d chars", url, len(html), options.html_max_chars
        )
        html = html[: options.html_max_chars]
        extractor = f"trafilatura(html truncated to {options.html_max_chars} chars)"
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            fast=options.html_fast,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,  # trafilatura's dedup is order-dependent (field note 11)
            # original (not updated) date; a fixed ceiling instead of "today" keeps runs
            # reproducible
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": "2099-12-31",
            },
        )
    except ImportError:
        raise  # a missing dependency is not a page without text
    except Exception:  # noqa: BLE001 - lxml/trafilatura raise many types on hostile markup
        log.exception("extraction failed for %s", url)
        return None
    # a Document (a dict only with as_dict=True, not asked for here)
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        return None
    return {
        "text": doc.text,
        "title": doc.title,
        "url": doc.url or url,
        "date": doc.date,
        "outlet": doc.sitename,
        "publisher": doc.author,
        "extractor": extractor,
    }


MIN_HTML_LETTERS = 20  # letters, not words: CJK text has no spaces


def looks_truncated(html: str) -> bool:
    tail = html[-2000:].lower()
    return "</html>" not in tail and "</body>" not in tail


def read_html(source: str, data: bytes, options: IngestOptions) -> Iterator[Item]:
    try:
        decoded = decode_bytes(data, declared_charset(data))
    except DecodeError as exc:
        yield _skip(source, str(exc))
        return
    try:
        meta = extract_html(decoded.text, None, options)
    except ImportError:
        raise
    except Exception as exc:  # noqa: BLE001 - a broken page must not stop the batch
        log.exception("HTML extraction failed for %s", source)
        yield _skip(source, Errors.E130.format(error=f"{type(exc).__name__}: {exc}"))
        return
    truncated = looks_truncated(decoded.text)
    letters = sum(ch.isalpha() for ch in meta["text"]) if meta else 0
    if letters < MIN_HTML_LETTERS:
        hint = "page is truncated" if truncated else "not an article?"
        yield _skip(source, Errors.E131.format(letters=letters, hint=hint))
        return
    notes = ("HTML looks truncated (no closing </body> or </html>); kept the text found",)
    yield RawDocument(
        source=source,
        fmt="html",
        notes=(notes if truncated else ()) + ((decoded.note,) if decoded.note else ()),
        **meta,  # type: ignore[arg-type]
    )


def as_text(value: Any) -> str | None:
    """A record field as text: strings and numbers only (never a dict's or list's repr)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def normalize_date(value: str | None) -> str | None:
    """An input's date as ISO 8601, whatever format the export used; None if unreadable.

    ISO stays as written; RFC 2822 (feeds, e-mail) and other absolute forms ("March 5,
    2012") are converted. Relative phrases are refused: they would depend on the clock.
    """
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"(19|20)\d\d(-[01]\d)?", value):  # a year or year-month is ISO too
        return value
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return value
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["year", "month"],
            "RELATIVE_BASE": datetime(2000, 1, 1),  # never the clock
        },
    )
    if parsed is None:
        log.info("unreadable date %r dropped", value)
        return None
    if parsed.time() == datetime.min.time() and parsed.tzinfo is None:
        return parsed.date().isoformat()
    return parsed.isoformat()


# a record's own id, kept beside ``source`` (article ids stay derived from the content)
_ID_KEYS = ("id", "record_id", "doc_id")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = as_text(record.get(key))
        if value is not None:
            return value
    return None


def record_to_document(
    record: Any, source: str, fmt: str, options: IngestOptions, *, inside: bool = False
) -> Item:
    """A JSON/CSV record to a document: ``text`` plus optional metadata; HTML in ``html``.

    ``inside``: the record is one of several in an input (a JSONL line, a CSV row, an item
    of a JSON list), so a skip is reported as a record's (``InputReport.record``)."""
    if not isinstance(record, dict):
        kind = type(record).__name__
        return _skip(source, Errors.E132.format(kind=kind), inside)
    text = record.get("text")
    extractor = "record"
    meta: dict[str, Any] = {}
    if (not isinstance(text, str) or not text.strip()) and isinstance(record.get("html"), str):
        found = extract_html(record["html"], _first(record, ("url",)), options)
        if found is None:
            return _skip(source, Errors.E133.format(), inside)
        text, extractor = found.pop("text"), found.pop("extractor")
        meta = {k: v for k, v in found.items() if v}
    if not isinstance(text, str):
        return _skip(source, Errors.E134.format(), inside)
    if not text.strip():
        return _skip(source, Errors.E135.format(), inside)
    return RawDocument(
        source=source,
        text=text,
        fmt=fmt,
        title=_first(record, ("title", "headline")) or meta.get("title"),
        url=_first(record, ("url", "link")) or meta.get("url"),
        date=normalize_date(_first(record, _DATE_KEYS)) or meta.get("date"),
        outlet=_first(record, _OUTLET_KEYS) or meta.get("outlet"),
        publisher=_first(record, ("publisher", "author")) or meta.get("publisher"),
        extractor=extractor,
        record=inside,
        record_id=_first(record, _ID_KEYS),
    )


def _decode_or_skip(source: str, data: bytes) -> str | InputReport:
    try:
        return decode_bytes(data).text
    except DecodeError as exc:
        return _skip(source, str(exc))


def read_jsonl(source: str, data: bytes, options: IngestOptions) -> Iterator[Item]:
    """JSONL held in memory (standard input, a .json file of lines); files are streamed."""
    from storyline.ingest.jsonl_stream import parse_jsonl_line

    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    for lineno, line in enumerate(data.split(b"\n"), start=1):
        if line.strip():
            yield parse_jsonl_line(line, lineno, f"{source}#L{lineno}", options)


def read_json(source: str, data: bytes, options: IngestOptions) -> Iterator[Item]:
    text = _decode_or_skip(source, data)
    if isinstance(text, InputReport):
        yield text
        return
    try:
        payload = json.loads(text)
    except RecursionError:
        yield _skip(source, Errors.E141.format())
        return
    except json.JSONDecodeError as exc:
        # A .json file holding one object per line is common; read it as JSONL.
        if "\n" in text.strip() and exc.msg == "Extra data":
            yield from read_jsonl(source, data, options)
            return
        yield _skip(source, Errors.E140.format(error=exc.msg, line=exc.lineno, column=exc.colno))
        return
    records = payload if isinstance(payload, list) else [payload]
    if isinstance(payload, dict) and isinstance(payload.get("articles"), list):
        records = payload["articles"]
    if not records:
        yield _skip(source, Errors.E142.format())
    if len(records) == 1:
        yield record_to_document(records[0], source, "json", options)
        return
    for n, record in enumerate(records):
        yield record_to_document(record, f"{source}#{n}", "json", options, inside=True)


@contextmanager
def csv_field_size_limit(limit: int) -> Iterator[None]:
    """Raise the csv module's field size limit (a process-wide setting) for one block only."""
    previous = csv.field_size_limit()
    csv.field_size_limit(max(previous, limit))
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def csv_dialect(header: str) -> type[csv.Dialect] | csv.Dialect:
    """The dialect of a CSV file from its header line: exports use ; or tabs as often as
    commas."""
    try:
        return csv.Sniffer().sniff(header, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def _parse_csv(
    text: str, field_size_limit: int
) -> tuple[Sequence[str] | None, list[tuple[int, dict[Any, Any]]], tuple[int, str] | None]:
    """Header, ``(line number, row)`` pairs and the first parse error of a CSV text.

    Rows are read eagerly so the raised field size limit is restored before any caller code
    runs (a generator would keep it raised while suspended at each yield).
    """
    dialect = csv_dialect(text.split("\n", 1)[0])
    rows: list[tuple[int, dict[Any, Any]]] = []
    with csv_field_size_limit(field_size_limit):
        reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
        fieldnames = reader.fieldnames
        try:
            for row in reader:
                rows.append((reader.line_num, row))
        except csv.Error as exc:
            return fieldnames, rows, (reader.line_num, str(exc))
    return fieldnames, rows, None


def read_csv(source: str, data: bytes, options: IngestOptions) -> Iterator[Item]:
    text = _decode_or_skip(source, data)
    if isinstance(text, InputReport):
        yield text
        return
    fieldnames, rows, error = _parse_csv(text, options.max_bytes)
    columns = [(name or "").strip().lower() for name in fieldnames or []]
    if "text" not in columns and "html" not in columns:
        yield _skip(source, Errors.E147.format(columns=fieldnames))
        return
    for line_num, row in rows:
        where = f"{source}#L{line_num}"
        if None in row:  # more cells than header columns
            yield _skip(where, Errors.E148.format(), record=True)
            continue
        record = {(k or "").strip().lower(): v for k, v in row.items()}
        yield record_to_document(record, where, "csv", options, inside=True)
    if error is not None:
        yield _skip(f"{source}#L{error[0]}", Errors.E149.format(error=error[1]), record=True)
