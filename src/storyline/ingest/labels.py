"""Source labels for files: what the store, the manifest, the API and the pages show.

A label is the file's path from its input root (the folder or file named on the command
line), starting with that root's own name: ``pile/sub/a.txt``, never ``/srv/data/pile/...``
(the server's layout is nobody's business). It is always printable UTF-8: a name with
bytes that are not UTF-8 (Linux hands them over surrogate-escaped, which no encoder, store
or console accepts) shows them as ``\\xNN``, control characters likewise; the file itself
is read through its real path.
"""

from __future__ import annotations

import os
from pathlib import Path


def printable(text: str) -> str:
    """``text`` with undecodable bytes and control characters as backslash escapes."""
    try:
        raw = text.encode("utf-8", "surrogateescape")  # the name's own bytes
    except UnicodeEncodeError:  # a lone surrogate not made by surrogateescape
        raw = text.encode("utf-8", "backslashreplace")
    decoded = raw.decode("utf-8", "backslashreplace")
    if decoded.isprintable():
        return decoded
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in decoded
    )


def source_label(entry: Path, root: Path) -> str:
    """``entry`` (``root`` itself, or a path under it) labelled from ``root``'s name."""
    base = Path(os.path.abspath(root)).name
    rel = entry.relative_to(root).parts if entry != root else ()
    parts = [base, *rel] if base else list(rel)
    return printable("/".join(parts)) if parts else printable(str(entry))
