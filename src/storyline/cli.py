"""Command line: a thin layer over the Python API; the only place that prints."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    help="Turn a pile of raw news articles into sourced story briefs, offline.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Score storyline against the dev sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


@app.command()
def summarize(
    in_path: Annotated[Path, typer.Argument(help="Clusters, one JSON object per line.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output JSONL path.")],
    words: Annotated[int, typer.Option(help="Word budget of each summary.")] = 260,
    verbose: Annotated[bool, typer.Option("-v", "--verbose")] = False,
) -> None:
    """Write an extractive summary, every sentence cited, for each cluster of IN_PATH."""
    from storyline.brief.summarize_cmd import run_summarize

    _setup_logging(verbose)
    done, failed = run_summarize(in_path, out, words)
    typer.echo(f"summarised {done} cluster(s), {failed} failed -> {out}", err=True)


@eval_app.command("summarize")
def eval_summarize(
    in_path: Annotated[Path, typer.Argument(help="Clusters with a reference 'summary'.")],
    words: Annotated[int, typer.Option(help="Word budget of each summary.")] = 260,
    verbose: Annotated[bool, typer.Option("-v", "--verbose")] = False,
) -> None:
    """ROUGE-1/2/L/Lsum F1 of storyline and the Lead, LexRank, SumBasic, TextRank baselines."""
    from storyline.brief.summarize_cmd import evaluate, format_table

    _setup_logging(verbose)
    results, skipped = evaluate(in_path, words)
    for reason in skipped:
        typer.echo(f"skipped {reason}", err=True)
    typer.echo(format_table(results, words))


if __name__ == "__main__":
    app()
