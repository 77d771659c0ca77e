"""A dict that reads its entries from stored rows on demand and knows which it changed.

The incremental clusterer's state (document frequencies, story centroids, inverted
indexes, storyline evidence, article placements) is kept as one row per entry (kind, key,
text) instead of one JSON text: a run reads only the entries it touches (``RowMap``
fetches a missing key from its ``RowSource`` on first use, or a batch of keys at once with
``prefetch``) and writes back only those whose text changed (``changes``). Code that walks
the whole mapping (iteration, ``len`` once entries were added, ``items``) loads it all
first, so the mapping always behaves as the dict it stands for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

V = TypeVar("V")

_NOTHING: Any = object()


class RowSource(Protocol):
    """Where the rows are kept (the store): text per (kind, key)."""

    def fetch_rows(self, kind: str, keys: Sequence[str]) -> dict[str, str]: ...

    def all_rows(self, kind: str) -> dict[str, str]: ...

    def count_rows(self, kind: str) -> int: ...

    def stored_keys(self, kind: str, keys: Sequence[str]) -> set[str]: ...


class RowMap(dict[str, V]):
    """``dict[str, V]`` over the rows of one ``kind``; ``default`` makes it a defaultdict.

    Only the methods the clusterer uses are row-aware; they are overridden here so none
    of them can answer from a partly read cache.
    """

    def __init__(
        self,
        source: RowSource,
        kind: str,
        decode: Callable[[str], V],
        encode: Callable[[V], str],
        default: Callable[[], V] | None = None,
    ) -> None:
        super().__init__()
        self.source, self.kind = source, kind
        self._decode, self._encode, self._default = decode, encode, default
        self._saved: dict[str, str] = {}  # stored text of every stored key read
        self._absent: set[str] = set()  # keys known not to be stored
        self._present: set[str] = set()  # keys known to be stored, not read yet
        self._complete = False
        self._stored_count: int | None = None

    # ---------------------------------------------------------------- reading rows
    def prefetch(self, keys: Iterable[str]) -> None:
        """Read the rows of ``keys`` not read yet, in one go."""
        if self._complete:
            return
        has, saved, absent = dict.__contains__, self._saved, self._absent
        want = sorted({k for k in keys if not has(self, k) and k not in saved and k not in absent})
        if not want:
            return
        found = self.source.fetch_rows(self.kind, want)
        decode = self._decode
        for key in want:
            text = found.get(key)
            if text is None:
                absent.add(key)
            else:
                saved[key] = text
                dict.__setitem__(self, key, decode(text))

    def prefetch_keys(self, keys: Iterable[str]) -> None:
        """Learn which of ``keys`` are stored without reading their rows (``in`` is then
        answered without decoding a value)."""
        if self._complete:
            return
        has, saved, absent, present = dict.__contains__, self._saved, self._absent, self._present
        want = sorted(
            {
                k
                for k in keys
                if not has(self, k) and k not in saved and k not in absent and k not in present
            }
        )
        if want:
            found = self.source.stored_keys(self.kind, want)
            present.update(found)
            absent.update(k for k in want if k not in found)

    def _one(self, key: str) -> None:
        if (
            not self._complete
            and not dict.__contains__(self, key)
            and key not in self._saved
            and key not in self._absent
        ):
            self.prefetch((key,))

    def load_all(self) -> None:
        """Read every stored row (before walking the whole mapping)."""
        if self._complete:
            return
        decode = self._decode
        for key, text in self.source.all_rows(self.kind).items():
            if (
                key not in self._saved
                and key not in self._absent
                and not dict.__contains__(self, key)
            ):
                self._saved[key] = text
                dict.__setitem__(self, key, decode(text))
        self._complete = True

    # ---------------------------------------------------------------- dict API
    def __getitem__(self, key: str) -> V:
        self._one(key)
        try:
            return dict.__getitem__(self, key)
        except KeyError:
            if self._default is None:
                raise
            value = self._default()
            dict.__setitem__(self, key, value)
            return value

    def __contains__(self, key: object) -> bool:
        if dict.__contains__(self, key):
            return True
        if not isinstance(key, str) or key in self._saved:  # read, then removed
            return False
        if key in self._present:
            return True
        self._one(key)
        return dict.__contains__(self, key)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        self._one(key)
        return dict.get(self, key, default)

    def __setitem__(self, key: str, value: V) -> None:
        self._one(key)  # so len() knows whether the key is new
        dict.__setitem__(self, key, value)

    def __delitem__(self, key: str) -> None:
        self._one(key)
        dict.__delitem__(self, key)

    def setdefault(self, key: str, default: Any = None) -> V:  # type: ignore[override]
        self._one(key)
        return dict.setdefault(self, key, default)

    def pop(self, key: str, default: Any = _NOTHING) -> Any:  # type: ignore[override]
        self._one(key)
        return dict.pop(self, key) if default is _NOTHING else dict.pop(self, key, default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        for key, value in dict(*args, **kwargs).items():
            self[key] = value

    def __len__(self) -> int:
        if self._complete:
            return dict.__len__(self)
        if self._stored_count is None:
            self._stored_count = self.source.count_rows(self.kind)
        has = dict.__contains__
        added = sum(1 for k in dict.__iter__(self) if k not in self._saved)
        removed = sum(1 for k in self._saved if not has(self, k))
        return self._stored_count + added - removed

    def __iter__(self) -> Iterator[str]:
        self.load_all()
        return dict.__iter__(self)

    def keys(self) -> Any:
        self.load_all()
        return dict.keys(self)

    def values(self) -> Any:
        self.load_all()
        return dict.values(self)

    def items(self) -> Any:
        self.load_all()
        return dict.items(self)

    def __bool__(self) -> bool:
        return len(self) > 0

    # ---------------------------------------------------------------- writing rows
    def changes(self) -> dict[str, str | None]:
        """Rows to write: key -> new text for entries added or changed, None for removed."""
        out: dict[str, str | None] = {}
        encode, saved = self._encode, self._saved
        for key, value in dict.items(self):
            text = encode(value)
            if saved.get(key) != text:
                out[key] = text
        out.update((k, None) for k in saved if not dict.__contains__(self, k))
        return out


def stored(*mappings: object) -> bool:
    """Whether any of ``mappings`` is read from the store's rows (else all is in memory)."""
    return any(isinstance(mapping, RowMap) for mapping in mappings)


def prefetch(mapping: object, keys: Iterable[str]) -> None:
    """``RowMap.prefetch`` when ``mapping`` is one (a plain dict has everything already)."""
    if isinstance(mapping, RowMap):
        mapping.prefetch(keys)


def prefetch_keys(mapping: object, keys: Iterable[str]) -> None:
    """``RowMap.prefetch_keys`` when ``mapping`` is one."""
    if isinstance(mapping, RowMap):
        mapping.prefetch_keys(keys)


def load_all(*mappings: object) -> None:
    """Read the rest of every ``RowMap`` among ``mappings`` (before walking them whole)."""
    for mapping in mappings:
        if isinstance(mapping, RowMap):
            mapping.load_all()
