"""Command logic for ``storyline cluster`` and ``storyline eval cluster`` (the CLI only prints)."""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyline.cluster.stories import ClusterItem, StoryClusterer
from storyline.config import ClusterOptions, DedupOptions, RunOptions
from storyline.model import Progress, progress_stage
from storyline.run.executor import executor_for
from storyline.run.stream_cluster import (
    Skipped,
    cluster_originals,
    find_copies,
    read_records,
    scan_pile,
)

log = logging.getLogger(__name__)


def read_items(path: Path) -> Iterator[tuple[ClusterItem, dict[str, Any]] | Skipped]:
    """Stream JSONL records as ClusterItems (plus the raw record); bad lines become Skipped."""
    for got in read_records(path):
        yield got if isinstance(got, Skipped) else (got[1], got[2])


def load_items(path: Path) -> tuple[list[ClusterItem], list[dict[str, Any]], list[Skipped]]:
    items, records, skipped = [], [], []
    for got in read_items(path):
        if isinstance(got, Skipped):
            skipped.append(got)
        else:
            items.append(got[0])
            records.append(got[1])
    return items, records, skipped


def cluster_file(
    in_path: Path,
    out_path: Path,
    options: ClusterOptions | None = None,
    dedup_options: DedupOptions | None = None,
    state_path: Path | None = None,
    run: RunOptions | None = None,
    progress: Progress | None = None,
) -> tuple[int, list[Skipped]]:
    """Cluster a JSONL file; write one sorted output line per article. Returns (n, skipped).

    Streams the file (see ``storyline.run.stream_cluster``): memory holds per article its id,
    offset, date and LSH band keys, plus one batch of texts; per-article work runs in
    the executor of ``run``. With ``state_path``, the clusterer state is read from it (if
    it exists) and written back, so a later file joins the stories of earlier ones with the
    same story ids. ``progress`` hears of the passes as stages scan, dedup and cluster.
    """
    run = run or RunOptions()
    if not in_path.is_file():  # a pipe or <(zcat ...): the passes re-read, so spool it
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as spool:
            with in_path.open("rb") as src:
                shutil.copyfileobj(src, spool)
            spool.flush()
            spooled = Path(spool.name)
            return cluster_file(
                spooled, out_path, options, dedup_options, state_path, run, progress
            )
    if state_path is not None and state_path.exists():
        state = json.loads(state_path.read_text(encoding="utf-8"))
        clusterer = StoryClusterer.from_state(state, options)
    else:
        clusterer = StoryClusterer(options)
    dedup_options = dedup_options or DedupOptions()
    with executor_for(run) as executor:
        with progress_stage(progress, "scan", None) as watch:
            pile = scan_pile(in_path, executor, dedup_options, run.chunk_size, watch)
        with pile:
            with progress_stage(progress, "dedup", len(set(pile.ids))) as watch:
                duplicates = find_copies(in_path, pile, dedup_options)
                watch.advance("dedup", len(set(pile.ids)))
            originals = sum(1 for i in pile.ids if i not in duplicates)
            # copies follow their original: they add no new evidence to a story's centroid
            with progress_stage(progress, "cluster", originals) as watch:
                assignments = cluster_originals(
                    in_path, pile, duplicates, clusterer, executor, run.chunk_size, watch
                )
    ids = sorted(set(pile.ids))
    with out_path.open("w", encoding="utf-8") as out:
        for item_id in ids:
            story, storyline = assignments[duplicates.get(item_id, item_id)]
            row = {
                "id": item_id,
                "story": story,
                "storyline": storyline,
                "duplicate_of": duplicates.get(item_id),
            }
            out.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
    if state_path is not None:
        state_path.write_text(json.dumps(clusterer.to_state(), sort_keys=True), encoding="utf-8")
    return len(ids), pile.skipped
