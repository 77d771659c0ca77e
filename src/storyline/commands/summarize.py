"""Command logic for ``storyline summarize`` and ``storyline eval summarize``.

Input: one cluster per JSONL line, ``{"id", "documents": [{"text", "title"?, "url"?,
"outlet"?, "date"?}], "summary"?}``. A line that cannot be used becomes a per-item error
(summarize) or is skipped with its reason (eval); it never stops the batch.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.brief.summarize import Picked, summarize_documents
from storyline.config import SummaryOptions
from storyline.jsonl import read_lines

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Cluster:
    id: str
    texts: list[str]
    dates: list[str | None]
    titles: list[str | None]
    reference: str | None


def read_clusters(path: Path) -> Iterator[Cluster | tuple[str, str]]:
    """Yield clusters, or ``(id, reason)`` for lines that cannot be used."""
    for line in read_lines(path):
        fallback_id = f"line-{line.number}"
        record = line.record
        if record is None:
            yield (fallback_id, line.error or "")
            continue
        cluster_id = str(record.get("id", fallback_id))
        if not isinstance(record.get("documents"), list):
            yield (cluster_id, "no 'documents' list")
            continue
        texts: list[str] = []
        dates: list[str | None] = []
        titles: list[str | None] = []
        for doc in record["documents"]:
            doc = doc if isinstance(doc, dict) else {"text": doc}
            text = doc.get("text")
            texts.append(text if isinstance(text, str) else "")
            date = doc.get("date")
            dates.append(date if isinstance(date, str) and date else None)
            title = doc.get("title")
            titles.append(title if isinstance(title, str) and title else None)
        reference = record.get("summary")
        yield Cluster(
            cluster_id,
            texts,
            dates,
            titles,
            reference if isinstance(reference, str) else None,
        )


def cluster_output(cluster: Cluster, picked: list[Picked]) -> dict[str, Any]:
    return {
        "id": cluster.id,
        "summary": "\n".join(p.text for p in picked),
        "sentences": [
            {
                "text": p.text,
                "citations": [{"doc": p.doc, "start": p.start, "end": p.end}],
                "partial": p.partial,  # the start of a sentence, not all of it
            }
            for p in picked
        ],
    }


def run_summarize(
    in_path: Path, out_path: Path, words: int, options: SummaryOptions | None = None
) -> tuple[int, int]:
    """Write one output line per input line; return (summarised, failed)."""
    done = failed = 0
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8") as out:
        for item in read_clusters(in_path):
            if isinstance(item, tuple):
                cluster_id, reason = item
                log.warning("cluster %s skipped: %s", cluster_id, reason)
                record: dict[str, Any] = {"id": cluster_id, "error": reason}
                failed += 1
            else:
                picked = summarize_documents(
                    item.texts, words, item.dates, options, titles=item.titles
                )
                record = cluster_output(item, picked)
                done += 1
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    return done, failed
