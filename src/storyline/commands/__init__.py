"""The CLI's sub-commands: file in, file out, over the public API (``storyline.cli`` wires
them into typer; only the CLI prints)."""
