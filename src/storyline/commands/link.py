"""Command logic for ``storyline link entities`` and ``storyline eval entities``.

``link entities`` reads JSONL records ``{"id", "group", "text", "mentions"?}`` and writes
``{"id", "mentions": [{"span": [s, e], "entity"}]}`` with entity ids shared across the
records of a group. Given ``mentions`` (``[{"span": [s, e]}]``) it links exactly those
(how ECB+ is scored, with gold mentions); otherwise it detects named mentions itself.
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.config import EntityLinkOptions as LinkOptions
from storyline.jsonl import parse_lines
from storyline.link.entities import cluster_mentions, entity_id
from storyline.nlp.entities import EntityAnalyzer, EntityMention, SpacyEntityAnalyzer

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LinkRecord:
    id: str
    group: str
    text: str
    spans: list[tuple[int, int]] | None  # None: detect mentions


def read_link_records(lines: Iterable[str]) -> Iterator[LinkRecord | str]:
    """Parse records; a bad line yields an error string instead of stopping the batch."""
    for line in parse_lines(lines):
        n, obj = line.number, line.record
        if obj is None:
            yield f"line {n}: skipped: {line.error}"
            continue
        try:
            text = obj["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
            spans = None
            if obj.get("mentions") is not None:
                spans = []
                for m in obj["mentions"]:
                    s, e = (int(x) for x in m["span"])
                    if not 0 <= s < e <= len(text):
                        raise ValueError(f"span {[s, e]} outside text")
                    spans.append((s, e))
            group = obj.get("group", obj.get("topic", ""))
            yield LinkRecord(str(obj["id"]), str(group), text, spans)
        except (ValueError, KeyError, TypeError) as exc:
            yield f"line {n}: skipped: {exc}"


def link_group(
    records: list[LinkRecord], analyzer: EntityAnalyzer, options: LinkOptions
) -> list[dict]:
    """Link the mentions of one group; returns one output record per input record."""
    texts = [r.text for r in records]
    mentions: list[list[EntityMention]] = [[] for _ in records]
    given = [i for i, r in enumerate(records) if r.spans is not None]
    detect = [i for i, r in enumerate(records) if r.spans is None]
    if given:
        described = analyzer.describe(
            [texts[i] for i in given], [records[i].spans or [] for i in given]
        )
        for i, ms in zip(given, described, strict=True):
            mentions[i] = ms
    if detect:
        for i, ms in zip(detect, analyzer.detect([texts[i] for i in detect]), strict=True):
            mentions[i] = ms
    clusters = cluster_mentions(mentions, texts, options)
    assigned: dict[tuple[int, int], str] = {}
    group = records[0].group
    for cluster in clusters:
        d, i = cluster[0]
        first = records[d]
        # deterministic id: group + first mention of the cluster in input order
        eid = entity_id(f"{group}|{first.id}|{mentions[d][i].start}", mentions[d][i].type)
        for node in cluster:
            assigned[node] = eid
    out = []
    for d, record in enumerate(records):
        out.append(
            {
                "id": record.id,
                "mentions": [
                    {"span": [m.start, m.end], "entity": assigned[(d, i)], "text": m.text}
                    for i, m in enumerate(mentions[d])
                ],
            }
        )
    return out


def link_entities_file(
    in_path: Path,
    out_path: Path,
    analyzer: EntityAnalyzer | None = None,
    options: LinkOptions | None = None,
) -> list[str]:
    """Run the linker over a JSONL file; returns per-record error messages."""
    analyzer = analyzer or SpacyEntityAnalyzer()
    options = options or LinkOptions()
    errors: list[str] = []
    groups: dict[str, list[LinkRecord]] = defaultdict(list)
    order: list[str] = []
    with open(in_path, encoding="utf-8") as fh:
        for item in read_link_records(fh):
            if isinstance(item, str):
                errors.append(item)
                logger.warning(item)
                continue
            if item.group not in groups:
                order.append(item.group)
            groups[item.group].append(item)
    outputs: dict[str, dict] = {}
    for group in order:
        for rec in link_group(groups[group], analyzer, options):
            outputs[rec["id"]] = rec
    with open(out_path, "w", encoding="utf-8") as fh:
        for group in order:
            for record in groups[group]:
                fh.write(json.dumps(outputs[record.id], ensure_ascii=False, sort_keys=True) + "\n")
    return errors


# --- evaluation on ECB+ ---------------------------------------------------------------
