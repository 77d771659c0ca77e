"""Sweep SummaryOptions on the full-size summary dev files, baselines beside them.

    PYTHONPATH=src python bench/tune_summary.py MULTINEWS NEUS [--set name=v1,v2 ...]

Each file is scored at its convention's word budget (Multi-News 260, NeuS 60, see the
dev README). The baselines are scored once; then our summarizer with the default options
and with each single change given by ``--set`` (one option at a time, the others at their
default), so every row is comparable. Prints ROUGE-1/2 per file and each margin over the
best baseline of that file.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from storyline.brief.summarize import summarize_documents
from storyline.commands.summarize import read_clusters
from storyline.config import SummaryOptions
from storyline.evaluate.summaries import _cut
from storyline.evaluate.summary_baselines import BASELINES
from storyline.nlp.sentences import split_sentences


def load(path: Path):
    out = []
    for item in read_clusters(path):
        if isinstance(item, tuple) or not item.reference:
            continue
        ref = "\n".join(item.reference[s.start : s.end] for s in split_sentences(item.reference))
        out.append((item, ref))
    return out


def score(scorer, clusters, words, system) -> tuple[float, float]:
    r1 = r2 = 0.0
    for item, ref in clusters:
        text = "\n".join(p.text for p in system(item))
        s = scorer.score(ref, _cut(text, words))
        r1 += s["rouge1"].fmeasure
        r2 += s["rouge2"].fmeasure
    return 100 * r1 / len(clusters), 100 * r2 / len(clusters)


def main() -> None:
    from rouge_score import rouge_scorer

    parser = argparse.ArgumentParser()
    parser.add_argument("multinews", type=Path)
    parser.add_argument("neus", type=Path)
    parser.add_argument("--set", action="append", default=[], help="name=v1,v2")
    parser.add_argument("--combo", action="append", default=[], help="a=1;b=2 together")
    args = parser.parse_args()
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    files = [("multinews", load(args.multinews), 260), ("neus", load(args.neus), 60)]
    best = {}
    for name, clusters, words in files:
        rows = {
            b: score(scorer, clusters, words, lambda it, f=f, w=words: f(it.texts, w))
            for b, f in BASELINES.items()
        }
        best[name] = (max(r[0] for r in rows.values()), max(r[1] for r in rows.values()))
        print(
            name,
            " ".join(f"{b} {r[0]:.2f}/{r[1]:.2f}" for b, r in rows.items()),
            f"best {best[name][0]:.2f}/{best[name][1]:.2f}",
            flush=True,
        )

    def run(label: str, opts: SummaryOptions) -> None:
        cells = []
        for name, clusters, words in files:
            r1, r2 = score(
                scorer,
                clusters,
                words,
                lambda it, w=words: summarize_documents(
                    it.texts, w, it.dates, opts, titles=it.titles
                ),
            )
            cells.append(
                f"{name} {r1:.2f}/{r2:.2f} (+{r1 - best[name][0]:.2f}/+{r2 - best[name][1]:.2f})"
            )
        print(f"{label:<32}", "  ".join(cells), flush=True)

    base = SummaryOptions()
    run("default", base)
    for spec in args.set:
        key, values = spec.split("=")
        kind = type(getattr(base, key))
        for v in values.split(","):
            run(f"{key}={v}", dataclasses.replace(base, **{key: kind(v)}))
    for combo in args.combo:
        changes = {}
        for part in combo.split(";"):
            key, v = part.split("=")
            changes[key] = type(getattr(base, key))(v)
        run(combo, dataclasses.replace(base, **changes))


if __name__ == "__main__":
    main()
