"""Thin command-line front end: parse arguments, call a stage function, print."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(no_args_is_help=True, help="Turn a pile of news articles into story briefs.")
eval_app = typer.Typer(no_args_is_help=True, help="Evaluate stages against gold data.")
app.add_typer(eval_app, name="eval")


@app.command("cluster")
def cluster_command(
    in_path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="input JSONL")],
    out: Annotated[Path, typer.Option("-o", "--out", help="output JSONL")],
    state: Annotated[
        Path | None,
        typer.Option("--state", help="clusterer state JSON: read if present, written back"),
    ] = None,
) -> None:
    """Group articles into stories and storylines; flag near-duplicate copies."""
    from storyline.cluster.cluster_cmd import cluster_file

    n, skipped = cluster_file(in_path, out, state_path=state)
    for s in skipped:
        typer.echo(f"skipped line {s.line}: {s.reason}", err=True)
    typer.echo(f"clustered {n} articles -> {out} ({len(skipped)} skipped)")


@eval_app.command("cluster")
def eval_cluster_command(
    in_path: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="JSONL with a 'cluster' field")
    ],
    baseline_threshold: Annotated[
        float, typer.Option(help="cosine threshold of the baseline")
    ] = 0.2,
) -> None:
    """BCubed and pairwise P/R/F1 of ours vs a TF-IDF single-pass baseline."""
    from storyline.cluster.cluster_cmd import evaluate_file

    n, k, rows = evaluate_file(in_path, baseline_threshold=baseline_threshold)
    typer.echo(f"{in_path.name}: {n} articles, {k} gold stories")
    typer.echo(
        f"{'system':28} {'B3-P':>6} {'B3-R':>6} {'B3-F1':>6} {'pair-P':>6} {'pair-R':>6} "
        f"{'pair-F1':>7} {'stories':>7} {'seconds':>8}"
    )
    for r in rows:
        typer.echo(
            f"{r.system:28} {r.bcubed.precision:6.3f} {r.bcubed.recall:6.3f} {r.bcubed.f1:6.3f} "
            f"{r.pairwise.precision:6.3f} {r.pairwise.recall:6.3f} {r.pairwise.f1:7.3f} "
            f"{r.clusters:7d} {r.seconds:8.2f}"
        )


if __name__ == "__main__":
    app()
