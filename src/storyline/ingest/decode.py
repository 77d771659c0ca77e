"""Bytes to text: encoding detection and binary sniffing.

UTF-8 (with or without BOM) is tried strictly first; anything else goes through
charset-normalizer, so ISO-8859-1, cp1252, Shift-JIS or GBK pages do not come out as
mojibake (field note 3). Binary content is refused with a reason instead of being
decoded into garbage.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes


class DecodeError(ValueError):
    """The bytes are not text we can read; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


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


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data`` or raise ``DecodeError`` with a specific reason."""
    if not data.strip():
        raise DecodeError("empty input")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {name} after byte-order mark: {exc.reason}") from exc
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:1_000_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("not valid UTF-8 and no other text encoding fits")
    return Decoded(data.decode(best.encoding, errors="replace"), best.encoding)
