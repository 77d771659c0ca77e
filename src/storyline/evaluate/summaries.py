"""ROUGE of the summarizer and the baselines on a dev file: ``storyline eval summarize``."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from storyline.brief.summarize import Picked, summarize_documents
from storyline.brief.text import count_words
from storyline.commands.summarize import read_clusters
from storyline.config import SummaryOptions
from storyline.nlp.sentences import split_sentences

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


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

    from storyline.evaluate.summary_baselines import BASELINES

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
        f"{words} words, storyline whole sentences within {words} words, the start of one more "
        "where words are left (SummaryOptions.fill))"
    )
    for r in results:
        if r.name == "storyline" and r.over_budget:
            lines.append(f"WARNING: storyline exceeded the budget on {r.over_budget} cluster(s)")
    return "\n".join(lines)
