"""WARC and WARC.gz reader (fastwarc), streaming record by record.

``response`` records with HTML become one document each (main text via trafilatura, title
and date from the page, outlet from the host); ``resource`` and ``conversion`` records with
text or HTML content are read the same way. Other record types (warcinfo, request, metadata,
revisit) carry no article and are passed over silently.

A bad record never stops the file: a truncated record, a payload whose digest does not match,
an HTTP error status or a non-text payload is reported as skipped with the reason. When the
WARC framing itself is broken (an invalid header, a damaged gzip member) the reader scans
forward to the next record start (``WARC/1.`` line, or gzip member for .gz files), reports the
damaged byte range as skipped, and carries on from there.

At scale, ``read_warc_payloads`` (sequential, cheap) and ``payload_to_document`` (trafilatura,
costly) are used separately so that extraction runs in an ``Executor``; ``read_warc`` is the
two composed in one process.

``RawDocument.source`` is ``"<path>#<byte offset of the record>"`` (compressed offset for .gz):
it stays stable even when damaged records are skipped.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from storyline.config import IngestOptions
from storyline.errors import Errors
from storyline.ingest.decode import DecodeError, decode_bytes
from storyline.ingest.readers import extract_html, outlet_from_url
from storyline.model import InputReport, RawDocument

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

logger = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SCAN_CHUNK = 1 << 20
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)


@dataclass(frozen=True)
class WarcPayload:
    """A text or HTML payload taken out of one record, not yet extracted.

    Reading records is sequential (one file stream) but main-text extraction is the costly
    per-article step: ``read_warc_payloads`` runs in the driver and ``payload_to_document``
    can run in an ``Executor``.
    """

    source: str
    url: str | None
    content_type: str  # text/html, application/xhtml+xml, text/plain, or "" (sniffed HTML)
    charset: str | None
    body: bytes


def read_warc(path: Path, options: IngestOptions) -> Iterator[RawDocument | InputReport]:
    """Yield a RawDocument per usable record and a skipped InputReport per bad one."""
    for item in read_warc_payloads(path, options):
        yield item if isinstance(item, InputReport) else payload_to_document(item, options)


def read_warc_payloads(path: Path, options: IngestOptions) -> Iterator[WarcPayload | InputReport]:
    """The records' text/HTML payloads, checked (length, digest, status, type), in order."""
    try:
        with open(path, "rb") as fh:
            is_gzip = fh.read(3) == _GZIP_MAGIC
            yield from _read_stream(path, fh, is_gzip, options)
    except OSError as exc:
        yield InputReport(source=str(path), status="skipped", reason=f"cannot read file: {exc}")


def _read_stream(
    path: Path, fh: BinaryIO, is_gzip: bool, options: IngestOptions
) -> Iterator[WarcPayload | InputReport]:
    from fastwarc.warc import ArchiveIterator

    start = 0
    while True:
        fh.seek(start)
        last_record_at: int | None = None
        try:
            # parse_http=True: fastwarc splits HTTP headers from the entity body for us;
            # digests are checked by us so that a mismatch skips one record, not the file.
            # stream_pos is the absolute (compressed, for .gz) file offset of the record.
            for record in ArchiveIterator(fh, parse_http=True, verify_digests=False):
                last_record_at = record.stream_pos
                yield from _convert_record(record, path, last_record_at, options)
            return
        except (OSError, ValueError, RuntimeError) as exc:
            if last_record_at is not None:
                # Records were read fine up to here: restart at the record after the last
                # good one. If the damage is there, the next pass fails before reading any
                # record and reports it with its exact offset.
                resume = _find_next_record(fh, last_record_at + 1, is_gzip)
                logger.warning("%s: %s after byte %d; resyncing", path, exc, last_record_at)
            else:
                resume = _find_next_record(fh, start + 1, is_gzip)
                until = f"resumed at byte {resume}" if resume is not None else "rest of file"
                yield InputReport(
                    source=f"{path}#{start}",
                    status="skipped",
                    reason=f"damaged WARC data ({exc}); skipped from byte {start}, {until}",
                )
            if resume is None:
                return
            start = resume


def _find_next_record(fh: BinaryIO, offset: int, is_gzip: bool) -> int | None:
    """Byte offset of the next record (or gzip member) start at or after ``offset``."""
    marker = _GZIP_MAGIC if is_gzip else b"\n" + _WARC_MAGIC
    fh.seek(offset)
    base = offset
    tail = b""
    while True:
        chunk = fh.read(_SCAN_CHUNK)
        if not chunk:
            return None
        window = tail + chunk
        hit = window.find(marker)
        if hit >= 0:
            pos = base - len(tail) + hit
            return pos if is_gzip else pos + 1  # skip the newline before "WARC/1."
        tail = window[-(len(marker) - 1) :]
        base += len(chunk)


def _convert_record(
    record: WarcRecord, path: Path, offset: int, options: IngestOptions
) -> Iterator[WarcPayload | InputReport]:
    from fastwarc.warc import WarcRecordType

    rtype = record.record_type
    if rtype not in (WarcRecordType.response, WarcRecordType.resource, WarcRecordType.conversion):
        return
    source = f"{path}#{offset}"

    def skipped(reason: str) -> InputReport:
        return InputReport(source=source, status="skipped", reason=reason)

    url = record.headers.get("WARC-Target-URI")
    expected = record.content_length
    if not url and expected == 0:
        yield skipped("empty or truncated record (no target URI, no content)")
        return
    if expected > options.max_bytes:
        yield skipped(f"record payload of {expected} bytes exceeds max_bytes={options.max_bytes}")
        return
    body = record.reader.read()
    if len(body) < expected:
        yield skipped(f"truncated record: {len(body)} of {expected} payload bytes present")
        return
    digest_problem = _payload_digest_problem(record.headers.get("WARC-Payload-Digest"), body)
    if digest_problem:
        yield skipped(digest_problem)
        return

    if rtype == WarcRecordType.response:
        if not record.is_http:
            yield skipped("response record without an HTTP message")
            return
        status = record.http_headers.status_code
        if status is None or not 200 <= status < 300:
            yield skipped(f"HTTP status {status}")
            return
        content_type = (record.http_content_type or "").lower()
        charset = record.http_charset
        encoding = (record.http_headers.get("Content-Encoding") or "").strip().lower()
        body, problem = _undo_content_encoding(body, encoding, options.max_bytes)
        if problem:
            yield skipped(problem)
            return
    else:
        raw_type = (record.headers.get("Content-Type") or "").lower()
        content_type, _, params = raw_type.partition(";")
        content_type = content_type.strip()
        charset = _charset_param(params)

    looks_like_html = body.lstrip()[:1] == b"<"
    if (
        content_type in _HTML_TYPES
        or content_type in _TEXT_TYPES
        or (not content_type and looks_like_html)
    ):
        yield WarcPayload(source, url, content_type, charset, body)
    else:
        yield skipped(f"unsupported content type {content_type or 'unknown'!r}")


def payload_to_document(payload: WarcPayload, options: IngestOptions) -> RawDocument | InputReport:
    """Main text and metadata of one payload (the per-article step; picklable arguments)."""
    source, url = payload.source, payload.url
    try:
        text = decode_bytes(payload.body, payload.charset).text
    except DecodeError as exc:
        return InputReport(source=source, status="skipped", reason=str(exc))
    if payload.content_type in _TEXT_TYPES:
        text = text.strip()
        if not text:
            return InputReport(source=source, status="skipped", reason="empty text payload")
        return RawDocument(
            source=source, text=text, fmt="warc", url=url, outlet=outlet_from_url(url)
        )
    page = extract_html(text, url, options)
    if page is None:
        return InputReport(source=source, status="skipped", reason="no main text found in HTML")
    return RawDocument(
        source=source,
        text=page["text"].strip(),
        fmt="warc",
        title=page["title"] or None,
        url=url,
        date=page["date"] or None,
        outlet=outlet_from_url(url),
        extractor=page["extractor"],
    )


def _charset_param(params: str) -> str | None:
    for part in params.split(";"):
        key, _, value = part.partition("=")
        if key.strip() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


def _payload_digest_problem(header: str | None, body: bytes) -> str | None:
    """A reason string when the WARC-Payload-Digest header does not match the payload."""
    if not header or ":" not in header:
        return None
    algorithm, _, expected = header.partition(":")
    try:
        digest = hashlib.new(algorithm.strip().lower().replace("-", ""), body).digest()
    except ValueError:
        return None  # unknown algorithm: nothing to verify against
    expected = expected.strip()
    if expected.upper() == base64.b32encode(digest).decode() or expected.lower() == digest.hex():
        return None
    return f"payload digest mismatch ({algorithm}): corrupt record"


def _undo_content_encoding(body: bytes, encoding: str, limit: int) -> tuple[bytes, str | None]:
    if encoding in ("", "identity"):
        return body, None
    if encoding in ("gzip", "x-gzip", "deflate"):
        try:
            # wbits=47 accepts gzip and zlib headers; raw deflate needs -15
            return _inflate(body, 47, limit)
        except zlib.error:
            try:
                return _inflate(body, -15, limit)
            except zlib.error as exc:
                return body, f"cannot undo Content-Encoding {encoding}: {exc}"
    return body, f"unsupported Content-Encoding {encoding!r}"


def _inflate(body: bytes, wbits: int, limit: int) -> tuple[bytes, str | None]:
    """Decompress at most ``limit`` bytes: a few KB can expand to gigabytes (a bomb)."""
    inflater = zlib.decompressobj(wbits)
    out = inflater.decompress(body, limit + 1)
    if len(out) > limit:
        return b"", Errors.E102.format(limit=limit)
    return out, None
