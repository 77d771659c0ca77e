"""Command logic for ``storyline summarize`` and ``storyline eval summarize``.

Input: one cluster per JSONL line, ``{"id", "documents": [{"text", "title"?, "url"?,
"outlet"?, "date"?}], "summary"?}``. A line that cannot be used becomes a per-item error
(summarize) or is skipped with its reason (eval); it never stops the batch.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.brief.summarize import Picked, summarize_documents
from storyline.brief.text import count_words
from storyline.config import SummaryOptions
from storyline.nlp.sentences import split_sentences

log = logging.getLogger(__name__)

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


@dataclass(frozen=True)
class Cluster:
    id: str
    texts: list[str]
    dates: list[str | None]
    titles: list[str | None]
    reference: str | None


def read_clusters(path: Path) -> Iterator[Cluster | tuple[str, str]]:
    """Yield clusters, or ``(id, reason)`` for lines that cannot be used."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            fallback_id = f"line-{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                yield (fallback_id, f"invalid JSON: {err}")
                continue
            if not isinstance(record, dict):
                yield (fallback_id, "not a JSON object")
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
            {"text": p.text, "citations": [{"doc": p.doc, "start": p.start, "end": p.end}]}
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


@dataclass
class SystemScore:
    name: str
    scores: dict[str, list[float]] = field(default_factory=lambda: {t: [] for t in ROUGE_TYPES})
    seconds: float = 0.0
    clusters: int = 0
    over_budget: int = 0
    words: int = 0  # words scored, summed over clusters

    def mean(self, rouge_type: str) -> float:
        values = self.scores[rouge_type]
        return 100.0 * sum(values) / len(values) if values else 0.0


def _cut(text: str, words: int) -> str:
    """The usual convention: score at most ``words`` whitespace tokens, lines kept."""
    out: list[str] = []
    left = words
    for line in text.split("\n"):
        tokens = line.split()
        if not tokens or left <= 0:
            continue
        out.append(" ".join(tokens[:left]))
        left -= len(tokens[:left])
    return "\n".join(out)


def evaluate(
    in_path: Path, words: int, options: SummaryOptions | None = None
) -> tuple[list[SystemScore], list[str]]:
    """Score our summarizer and the baselines on every cluster that has a reference."""
    from rouge_score import rouge_scorer

    from storyline.brief.baselines import BASELINES

    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    systems: dict[str, Callable[[list[str], int], list[Picked]] | None] = {
        "storyline": None,  # ours also reads dates and headlines
        **BASELINES,
    }
    results = {name: SystemScore(name) for name in systems}
    skipped: list[str] = []
    for item in read_clusters(in_path):
        if isinstance(item, tuple):
            skipped.append(f"{item[0]}: {item[1]}")
            continue
        if not item.reference:
            skipped.append(f"{item.id}: no reference summary")
            continue
        reference = "\n".join(
            item.reference[s.start : s.end] for s in split_sentences(item.reference)
        )
        for name, system in systems.items():
            started = time.perf_counter()
            if system is None:
                picked = summarize_documents(
                    item.texts, words, item.dates, options, titles=item.titles
                )
            else:
                picked = system(item.texts, words)
            elapsed = time.perf_counter() - started
            summary = "\n".join(p.text for p in picked)
            result = results[name]
            result.seconds += elapsed
            result.clusters += 1
            if count_words(summary) > words:
                result.over_budget += 1
            scored = _cut(summary, words)
            result.words += count_words(scored)
            scores = scorer.score(reference, scored)
            for rouge_type in ROUGE_TYPES:
                result.scores[rouge_type].append(scores[rouge_type].fmeasure)
    return list(results.values()), skipped


def format_table(results: list[SystemScore], words: int) -> str:
    header = (
        f"{'system':<10} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'R-Lsum':>6} {'words':>6} "
        f"{'s/cluster':>10}"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        per_cluster = r.seconds / r.clusters if r.clusters else 0.0
        mean_words = r.words / r.clusters if r.clusters else 0.0
        lines.append(
            f"{r.name:<10} {r.mean('rouge1'):6.2f} {r.mean('rouge2'):6.2f} "
            f"{r.mean('rougeL'):6.2f} {r.mean('rougeLsum'):6.2f} {mean_words:6.1f} "
            f"{per_cluster:10.4f}"
        )
    clusters = results[0].clusters if results else 0
    lines.append(
        f"({clusters} clusters, ROUGE F1 x 100, stemming; baselines' ranked sentences cut at "
        f"{words} words, storyline whole sentences within {words} words)"
    )
    for r in results:
        if r.name == "storyline" and r.over_budget:
            lines.append(f"WARNING: storyline exceeded the budget on {r.over_budget} cluster(s)")
    return "\n".join(lines)
