"""The ``StoryClusterer``'s state as rows: one per entry, read on demand, written if changed.

Kinds (key -> text):

- ``meta``: "clusterer" -> {version, options, docs, pruned_at, generation}
- ``df``: feature -> document frequency
- ``story``: story id -> its centroid group (``Group.to_state``)
- ``posting``: feature -> story ids indexed by it (in the order they were indexed)
- ``names``: story id -> its names' mention counts (storylines)
- ``name_df``: name -> number of stories carrying it
- ``line_of``: story id -> storyline id
- ``recent``: storyline id -> its latest stories
- ``name_posting``: name -> placed stories carrying it
- ``assigned``: article id -> story id

``from_rows`` gives a clusterer whose mappings are ``RowMap``s over the store: adding one
article reads the few dozen rows it touches, not the whole state. ``to_rows`` gives the
rows to write (only the changed ones for a clusterer read from rows; every row for one made
in memory, e.g. a new store or one migrated from the former single JSON text).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from storyline.cluster.features import DocumentFrequencies
from storyline.cluster.groups import Group
from storyline.cluster.rowmap import RowMap, RowSource
from storyline.cluster.stories import STATE_VERSION, StoryClusterer
from storyline.config import ClusterOptions

META = "meta"
META_KEY = "clusterer"

Rows = dict[str, Mapping[str, str | None]]  # kind -> key -> text (None: remove the row)


class Encoded(Mapping[str, str | None]):
    """An in-memory mapping's rows, each encoded when read (no second copy of a state
    written whole)."""

    def __init__(self, mapping: Mapping[str, Any], encode: Callable[[Any], str]) -> None:
        self._mapping, self._encode = mapping, encode

    def __getitem__(self, key: str) -> str | None:
        return self._encode(self._mapping[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._mapping)

    def __len__(self) -> int:
        return len(self._mapping)


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _group(text: str) -> Group:
    return Group.from_state(json.loads(text))


def _group_text(group: Group) -> str:
    return _json(group.to_state())


def _counter(text: str) -> Counter[str]:
    return Counter({str(k): int(v) for k, v in json.loads(text).items()})


def _str_list(text: str) -> list[str]:
    return [str(s) for s in json.loads(text)]


def _same(text: str) -> str:
    return text


# kind -> (decode, encode, default factory)
_CODECS: dict[str, tuple[Callable[[str], Any], Callable[[Any], str], Callable[[], Any] | None]] = {
    "df": (int, str, None),
    "story": (_group, _group_text, None),
    "posting": (_str_list, _json, list),
    "names": (_counter, _json, None),
    "name_df": (int, str, None),
    "line_of": (_same, _same, None),
    "recent": (_str_list, _json, None),
    "name_posting": (_str_list, _json, list),
    "assigned": (_same, _same, None),
}
KINDS = (META, *_CODECS)


def _mappings(clusterer: StoryClusterer) -> dict[str, dict[str, Any]]:
    linker = clusterer.storylines
    return {
        "df": clusterer.dfs.df,
        "story": clusterer.stories.groups,
        "posting": clusterer.stories.postings,
        "names": linker.names,
        "name_df": linker.df,
        "line_of": linker.line_of,
        "recent": linker.recent,
        "name_posting": linker.postings,
        "assigned": clusterer.assigned,
    }


def _row_map(source: RowSource, kind: str) -> RowMap[Any]:
    decode, encode, default = _CODECS[kind]
    return RowMap(source, kind, decode, encode, default)


def read_meta(source: RowSource) -> dict[str, Any] | None:
    text = source.fetch_rows(META, [META_KEY]).get(META_KEY)
    return None if text is None else json.loads(text)


def from_rows(source: RowSource, options: ClusterOptions, meta: dict[str, Any]) -> StoryClusterer:
    """A clusterer over the stored rows (``meta`` from ``read_meta``); raises ValueError
    for rows of another state version."""
    if meta.get("version") != STATE_VERSION:
        raise ValueError(f"unsupported clusterer state version: {meta.get('version')!r}")
    clusterer = StoryClusterer(options)
    rows = {kind: _row_map(source, kind) for kind in _CODECS}
    clusterer.dfs = DocumentFrequencies(
        docs=int(meta["docs"]), df=rows["df"], pruned_at=int(meta["pruned_at"])
    )
    clusterer.stories.groups = rows["story"]
    clusterer.stories.postings = rows["posting"]
    linker = clusterer.storylines
    linker.names = rows["names"]
    linker.df = rows["name_df"]
    linker.line_of = rows["line_of"]
    linker.recent = rows["recent"]
    linker.postings = rows["name_posting"]
    clusterer.assigned = rows["assigned"]
    return clusterer


def to_rows(clusterer: StoryClusterer, previous: str = "") -> tuple[Rows, str]:
    """(rows to write, the state's new generation); no rows if nothing changed.

    The generation names this state (a digest of the previous one and the changes): a
    record written beside it (the placement index) says which state it belongs to."""
    rows: Rows = {}
    h = hashlib.sha1(previous.encode("utf-8"))
    for kind, mapping in _mappings(clusterer).items():
        if isinstance(mapping, RowMap):
            changed: Mapping[str, str | None] = mapping.changes()
            h.update("\0".join(f"{key}\0{text}" for key, text in changed.items()).encode())
        else:  # a state written whole (millions of rows): encoded as they are written
            changed = Encoded(mapping, _CODECS[kind][1])
            h.update(f"{kind}\0whole\0{len(changed)}\0{clusterer.dfs.docs}\0".encode())
        if changed:
            rows[kind] = changed
    if not rows:
        return {}, previous
    generation = h.hexdigest()
    options = clusterer.options
    rows[META] = {
        META_KEY: _json(
            {
                "version": STATE_VERSION,
                "options": {k: getattr(options, k) for k in sorted(vars(options))},
                "docs": clusterer.dfs.docs,
                "pruned_at": clusterer.dfs.pruned_at,
                "generation": generation,
            }
        )
    }
    return rows, generation
