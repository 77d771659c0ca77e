"""Stories and storylines of a stored pile, reading only the clusterer state a run needs.

The clusterer's state lives in the store as rows (``cluster.state_rows``), with a small
placement index beside it (article -> [story, storyline], tagged with the state's
generation). Articles the index knows keep their placement (a later batch never moves
an article placed before); only new originals go to the clusterer, whose rows are read
on demand and of which only the changed ones are written back. A store of the former
format (the whole state as one JSON text) is converted on its next run.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from storyline.cluster.rowmap import RowSource, prefetch
from storyline.cluster.state_rows import KINDS, from_rows, read_meta, to_rows
from storyline.cluster.stories import STATE_VERSION, ClusterItem, StoryClusterer
from storyline.config import Options
from storyline.errors import Errors, StorylineError
from storyline.model import Article
from storyline.store.base import StateRows

log = logging.getLogger(__name__)

# the former single JSON text of the clusterer's state (converted to rows, then removed)
CLUSTER_STATE = "cluster"
# who is in which story and storyline, tagged with the clusterer state it was read from:
# a run with nothing to cluster takes them from here and never reads the clusterer
CLUSTER_INDEX = "cluster-index"


@dataclass
class RowState:
    """Where the stages read their row state (the store) and the rows they changed."""

    source: RowSource
    changes: StateRows = field(default_factory=StateRows)


def roots_of(articles: list[Article]) -> dict[str, Article]:
    """Each article's original: a copy follows its original (also one clustered before)."""
    by_id = {a.id: a for a in articles}
    roots = {}
    for article in articles:
        root = article
        seen: set[str] = set()
        while root.duplicate_of in by_id and root.id not in seen:
            seen.add(root.id)
            root = by_id[root.duplicate_of]
        roots[article.id] = root
    return roots


def _index(state: dict[str, str], generation: str | None) -> dict[str, list[Any]] | None:
    """The saved placements, if written beside the stored state of ``generation``."""
    saved = state.get(CLUSTER_INDEX)
    if not saved or generation is None:
        return None
    try:
        data = json.loads(saved)
        if data["state"] != generation:
            return None
        return {str(k): list(v) for k, v in data["stories"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # an unreadable index is rebuilt from the clusterer


def _item(article: Article) -> ClusterItem:
    return ClusterItem(
        article.id, article.title or "", article.text, article.date,
        article.outlet or article.publisher,
    )  # fmt: skip


def _from_json(saved: str, options: Options) -> StoryClusterer:
    """The clusterer of an older store's single JSON text (converted to rows on save)."""
    try:
        data = json.loads(saved)
        return StoryClusterer.from_state(data, options.cluster)
    except (ValueError, KeyError, TypeError) as exc:
        raise StorylineError(
            Errors.E401.format(version=STATE_VERSION, error=f"{type(exc).__name__}: {exc}")
        ) from exc


def _open_rows(source: RowSource, options: Options, meta: dict[str, Any]) -> StoryClusterer:
    try:
        return from_rows(source, options.cluster, meta)
    except (ValueError, KeyError, TypeError) as exc:
        raise StorylineError(Errors.E401.format(version=STATE_VERSION, error=exc)) from exc


def assign_with_rows(
    articles: list[Article], options: Options, state: dict[str, str], rows: RowState
) -> None:
    """Set every article's story and storyline; new originals are clustered (the
    clusterer reads only the rows they touch) and the changed rows go to ``rows``."""
    meta = read_meta(rows.source)
    generation = None if meta is None else str(meta.get("generation", ""))
    index = _index(state, generation)
    clusterer: StoryClusterer | None = None
    replace = False
    if meta is not None:
        clusterer = _open_rows(rows.source, options, meta) if index is None else None
    elif state.get(CLUSTER_STATE):
        clusterer, replace = _from_json(state[CLUSTER_STATE], options), True
        index = None
    roots = roots_of(articles)
    known = index or {}
    new = [a for a in articles if a.duplicate_of is None and a.id not in known]
    if index is None or new or any(r.id not in known for r in roots.values()):
        if clusterer is None:
            if meta is not None:
                clusterer = _open_rows(rows.source, options, meta)
            else:  # a new store
                clusterer, replace = StoryClusterer(options.cluster), True
        prefetch(clusterer.assigned, (r.id for r in roots.values() if r.id not in known))
        fresh = [_item(a) for a in new if clusterer.story_of(a.id) is None]
        if fresh:
            clusterer.add_in_batches(fresh)
    placed: dict[str, list[Any]] = dict(known)
    for article in articles:
        root = roots[article.id]
        got = placed.get(root.id)
        if got is None:
            assert clusterer is not None  # made above for every root the index lacks
            if clusterer.story_of(root.id) is None:  # an original first seen as a duplicate
                clusterer.add([_item(root)])
            got = [clusterer.story_of(root.id), clusterer.storyline_of(root.id)]
            placed[root.id] = got
        article.story, article.storyline = got
    if clusterer is not None:
        changed, generation = to_rows(clusterer, "" if replace else generation or "")
        if changed or replace:
            rows.changes = StateRows(changed, replace=replace, kinds=KINDS)
        if state.get(CLUSTER_STATE):
            state[CLUSTER_STATE] = ""  # converted: the old text is removed on save
    state[CLUSTER_INDEX] = json.dumps(
        {"state": generation, "stories": dict(sorted(placed.items()))}, separators=(",", ":")
    )
    log.info(
        "cluster: %d new originals, clusterer %s",
        len(new),
        "not read" if clusterer is None else "read from rows" if not replace else "rebuilt",
    )
