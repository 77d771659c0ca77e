"""Command line (thin: the logic lives in the stage packages)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(help="Turn a pile of raw news articles into sourced story briefs, offline.")
eval_app = typer.Typer(help="Score the extractors on the dev sets, side by side with baselines.")
link_app = typer.Typer(help="Link mentions across the documents of a group.")
app.add_typer(eval_app, name="eval")
app.add_typer(link_app, name="link")

ECBPLUS_DEV = Path("../shared/data/ecbplus-dev/ecbplus_dev_topics.jsonl")


@link_app.command("entities")
def link_entities_command(
    in_path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="input JSONL")],
    out: Annotated[Path, typer.Option("-o", "--out", help="output JSONL")],
) -> None:
    """Resolve entity mentions across the records of each group ({id, group, text, mentions?})."""
    from storyline.link.entities_cmd import link_entities_file

    errors = link_entities_file(in_path, out)
    for error in errors:
        typer.echo(error, err=True)
    typer.echo(f"wrote {out} ({len(errors)} records skipped)")


@eval_app.command("entities")
def eval_entities_command(
    path: Annotated[Path, typer.Argument(help="ECB+ dev JSONL")] = ECBPLUS_DEV,
) -> None:
    """Cross-document entity coreference on ECB+ dev (CoNLL F1 within each topic)."""
    from storyline.link.entities_cmd import evaluate_entities, format_entity_eval

    if not path.exists():
        typer.echo(f"missing {path}", err=True)
        raise typer.Exit(2)
    typer.echo(format_entity_eval(evaluate_entities(path)))


if __name__ == "__main__":
    app()
