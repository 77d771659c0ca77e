"""Bytes to text: encoding detection and binary sniffing.

UTF-8 (with or without BOM) is tried strictly first; anything else goes through
charset-normalizer, so ISO-8859-1, cp1252, Shift-JIS or GBK pages do not come out as
mojibake (field note 3). Binary content is refused with a reason instead of being
decoded into garbage.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str = ""  # what the reader should know (bytes replaced), "" when clean


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 20)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)

# Single-byte Latin code pages that charset detectors confuse on short texts. Western
# European news is by far the most common of them, so windows-1252 wins the tie.
_LATIN_SINGLE_BYTE = re.compile(r"^(cp125[0-8]|iso8859_\d+|latin_1|cp775|cp85\d|mac_\w+)$")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag, if Python knows it."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` or raise ``DecodeError`` with a specific reason.

    ``declared`` is the encoding the container states (an HTML meta tag, an HTTP
    header in a WARC record); it is used when the bytes decode cleanly with it.
    """
    if not data.strip():
        raise DecodeError("empty input")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {name} after byte-order mark: {exc.reason}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    nuls = data.count(0)
    if 0 < nuls <= len(data) // 1000:
        # a stray NUL or two in a text export: drop them, not the whole file
        decoded = decode_bytes(data.replace(b"\x00", b""), declared)
        note = f"{nuls} NUL byte(s) dropped"
        return Decoded(
            decoded.text, decoded.encoding, "; ".join(filter(None, [note, decoded.note]))
        )
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mostly = _mostly_utf8(data)
    if mostly is not None:
        return mostly
    if declared and declared != "utf-8":
        try:
            return Decoded(data.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("not valid UTF-8 and no other text encoding fits")
    encoding = best.encoding
    if _LATIN_SINGLE_BYTE.match(encoding):
        try:
            return Decoded(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            pass
    return Decoded(data.decode(encoding, errors="replace"), encoding)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text without a byte-order mark: mostly-ASCII text has a NUL in every other
    byte, all on one side. Anything else (real binary) is left to the binary check."""
    head = data[:8192]
    if len(head) < 16 or b"\x00" not in head:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    for name, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.3 * half and other <= 0.02 * half:
            try:
                text = data[: len(data) - len(data) % 2].decode(name)
            except UnicodeDecodeError:
                return None
            controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
            if controls > max(8, len(text[:4096]) // 20):
                return None
            return Decoded(text, name)
    return None


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few damaged bytes stays UTF-8 (with U+FFFD for them and a note): read
    as another code page its every accented letter would be garbled ("franÃ§ais")."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = len(_UTF8_SEQUENCE.findall(data[:1_000_000]))
    if good == 0 or bad > good:
        return None  # a single-byte code page or Shift-JIS: let the detector decide
    return Decoded(text, "utf-8", f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD")
