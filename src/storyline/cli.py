"""Command line: a thin layer over the Python API; the only place that prints."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from storyline.config import ClusterOptions, IngestOptions, Options, RunOptions, SummaryOptions
from storyline.evaluate.dev_files import dev_file
from storyline.model import progress_stage
from storyline.version import __version__

app = typer.Typer(
    help="Turn a pile of raw news articles into sourced story briefs, offline.",
    no_args_is_help=True,
    add_completion=False,
)
eval_app = typer.Typer(help="Score storyline against the dev sets.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
extract_app = typer.Typer(
    help="Run one extractor over a JSONL file of {id, text, date?}.", no_args_is_help=True
)
app.add_typer(extract_app, name="extract")
link_app = typer.Typer(help="Link mentions across the documents of a group.", no_args_is_help=True)
app.add_typer(link_app, name="link")


console = Console(stderr=True)

# default dev files of the evals (the large ones: storyline.evaluate.dev_files)
STANCE_DEV = dev_file("stance")
QUOTES_DEV = dev_file("quotes")
DATES_DEV = dev_file("dates")
ENTITIES_DEV = dev_file("entities")
STORYLINES_DEV = dev_file("storylines")


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def _print_version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            # eager: handled before Click asks for a command ("Missing command")
            is_eager=True,
            callback=_print_version,
        ),
    ] = False,
) -> None:
    """Turn a pile of raw news articles into sourced story briefs, offline."""


# parameters many commands share
VerboseOption = Annotated[bool, typer.Option("-v", "--verbose")]
QuietOption = Annotated[
    bool,
    typer.Option(
        "-q", "--quiet", help="No progress bars, stage table or per-stage lines on stderr."
    ),
]
InputJsonl = Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="Input JSONL.")]
OutputJsonl = Annotated[Path, typer.Option("-o", "--out", help="Output JSONL path.")]

# how per-article stages run (RunOptions), shared by the commands that take them
ExecutorOption = Annotated[
    str, typer.Option(help="Where per-article stages run: local (processes) or dask.")
]
WorkersOption = Annotated[int, typer.Option(help="Processes, or Dask workers started.")]
SchedulerOption = Annotated[
    str | None, typer.Option(help="Address of a running Dask scheduler (with --executor dask).")
]


@app.command()
def brief(
    paths: Annotated[
        list[str], typer.Argument(help="Files, folders (walked recursively) or - for stdin.")
    ],
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("out"),
    db: Annotated[
        str | None, typer.Option(help="Database path or URL (default: OUT/storyline.db).")
    ] = None,
    words: Annotated[int, typer.Option(help="Word budget of each story summary.")] = 120,
    max_mb: Annotated[float, typer.Option(help="Skip inputs larger than this many MiB.")] = 20.0,
    executor: ExecutorOption = "local",
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
    analysis: Annotated[
        bool, typer.Option(help="Entities, quotes, facts, timeline and claims (needs spaCy).")
    ] = True,
    full: Annotated[
        bool, typer.Option("--full", help="Summarise and analyse every stored story again.")
    ] = False,
    verbose: VerboseOption = False,
    quiet: QuietOption = False,
) -> None:
    """Read a pile of articles and write brief.json, brief.md, brief.html and manifest.json."""
    import storyline.api
    from storyline.commands.progress import StageProgress

    _setup_logging(verbose)
    options = Options(
        ingest=IngestOptions(max_bytes=int(max_mb * 2**20)),
        summary=SummaryOptions(words=words),
        run=RunOptions(executor=executor, workers=workers, scheduler=scheduler),
        analysis=analysis,
    )
    # one byte over the limit tells a too-large stdin from one exactly at it
    stdin = sys.stdin.buffer.read(options.ingest.max_bytes + 1) if "-" in paths else None
    out.mkdir(parents=True, exist_ok=True)  # the default store lives in it
    with StageProgress(console, quiet) as progress:
        result = storyline.api.brief(
            paths,
            options,
            store=db or out / "storyline.db",
            full=full,
            stdin=stdin,
            progress=progress,
        )
        with progress_stage(progress, "write", 4):
            result.write(out)
            progress.advance("write", 4)  # brief.json, brief.md, brief.html, manifest.json
    for report in result.reports:
        if report.status == "skipped":
            where, why = escape(report.source), escape(report.reason)  # "[E120] ...", names
            console.print(f"[yellow]skipped[/] {where}: {why}", highlight=False)
    counts = result.counts()
    console.print(
        f"read {counts['articles_read']} article(s) from {counts['inputs_read']} input(s), "
        f"skipped {counts['inputs_skipped']} input(s) and {counts['records_skipped']} "
        f"record(s); {counts['articles_total']} in store, "
        f"{counts['duplicates']} duplicate(s), {counts['stories']} stor{'y' if counts['stories'] == 1 else 'ies'}",
        highlight=False,
    )
    if not result.usable:
        console.print("[red]error:[/] no usable article in the input", highlight=False)
        raise typer.Exit(1)
    typer.echo(str((out / "brief.html").resolve()))
    typer.echo(str((out / "brief.json").resolve()))


@app.command()
def summarize(
    in_path: Annotated[Path, typer.Argument(help="Clusters, one JSON object per line.")],
    out: OutputJsonl,
    words: Annotated[int, typer.Option(help="Word budget of each summary.")] = 260,
    verbose: VerboseOption = False,
) -> None:
    """Write an extractive summary, every sentence cited, for each cluster of IN_PATH."""
    from storyline.commands.summarize import run_summarize

    _setup_logging(verbose)
    done, failed = run_summarize(in_path, out, words)
    console.print(f"summarised {done} cluster(s), {failed} failed -> {out}", highlight=False)
    if failed and not done:
        raise typer.Exit(1)


@eval_app.command("summarize")
def eval_summarize(
    in_path: Annotated[Path, typer.Argument(help="Clusters with a reference 'summary'.")],
    words: Annotated[int, typer.Option(help="Word budget of each summary.")] = 260,
    verbose: VerboseOption = False,
) -> None:
    """ROUGE-1/2/L/Lsum F1 of storyline and the Lead, LexRank, SumBasic, TextRank baselines."""
    from storyline.evaluate.summaries import evaluate, format_table

    _setup_logging(verbose)
    results, skipped = evaluate(in_path, words)
    for reason in skipped:
        console.print(f"[yellow]skipped[/] {reason}", highlight=False)
    typer.echo(format_table(results, words))


@extract_app.command("quotes")
def extract_quotes_command(
    in_path: InputJsonl,
    out: OutputJsonl,
    verbose: VerboseOption = False,
) -> None:
    """Direct and reported quotes with speaker and cue spans."""
    from storyline.commands.extract import extract_quotes_file

    _setup_logging(verbose)
    written, errors = extract_quotes_file(in_path, out)
    console.print(f"{written} record(s) -> {out}, {errors} with errors", highlight=False)


@extract_app.command("dates")
def extract_dates_command(
    in_path: InputJsonl,
    out: OutputJsonl,
    verbose: VerboseOption = False,
) -> None:
    """Temporal expressions with TIMEX3 values resolved against each record's date."""
    from storyline.commands.extract import extract_dates_file

    _setup_logging(verbose)
    written, errors = extract_dates_file(in_path, out)
    console.print(f"{written} record(s) -> {out}, {errors} with errors", highlight=False)


@extract_app.command("stance")
def extract_stance_command(
    in_path: InputJsonl,
    out: OutputJsonl,
    verbose: VerboseOption = False,
) -> None:
    """Stance of each body toward each claim ({id, claim, body} or {body_id, body, claims})."""
    from storyline.commands.stance import extract_stance_file

    _setup_logging(verbose)
    written, errors = extract_stance_file(in_path, out)
    console.print(f"{written} line(s) -> {out}, {errors} with errors", highlight=False)


@eval_app.command("stance")
def eval_stance(
    path: Annotated[Path, typer.Argument(help="FNC-1 dev JSONL.")] = STANCE_DEV,
    verbose: VerboseOption = False,
) -> None:
    """FNC score, macro-F1, per-class F1 and confusion, 5-fold CV by body, vs a baseline."""
    from storyline.evaluate.dev_files import resolve_dev_path
    from storyline.evaluate.stance import cross_validate, format_report, read_dev

    _setup_logging(verbose)
    path = resolve_dev_path(path)
    if not path.exists():
        console.print(f"[red]error:[/] dev file not found: {path}", highlight=False)
        raise typer.Exit(2)
    typer.echo(f"stance on {path}")
    typer.echo(format_report(cross_validate(read_dev(path))))


def _dev_eval(name: str, path: Path, run: Callable[[Path], Any], footnote: str) -> None:
    """Score one extractor on a dev file and print its table beside the baseline's."""
    from storyline.evaluate.dev_files import format_table, resolve_dev_path

    path = resolve_dev_path(path)
    if not path.exists():
        console.print(f"[red]error:[/] dev file not found: {path}", highlight=False)
        raise typer.Exit(2)
    typer.echo(f"{name} on {path}")
    typer.echo(format_table(run(path)))
    typer.echo(footnote)


@eval_app.command("quotes")
def eval_quotes(
    path: Annotated[Path, typer.Argument(help="PolNeAR dev JSONL.")] = QUOTES_DEV,
    verbose: VerboseOption = False,
) -> None:
    """Quote span P/R/F1 (overlap > 0.3 and > 0.8 of the gold span) and speaker accuracy."""
    from storyline.evaluate.quotes import run_quotes_eval

    _setup_logging(verbose)
    _dev_eval(
        "quotes",
        path,
        run_quotes_eval,
        "@t: a gold quote is matched (one-to-one) when the overlap covers more than t of its"
        " span; speaker acc over matched quotes: spans overlap, or both absent.",
    )


@eval_app.command("dates")
def eval_dates(
    path: Annotated[Path, typer.Argument(help="TimeBank dev JSONL.")] = DATES_DEV,
    verbose: VerboseOption = False,
) -> None:
    """TIMEX span P/R/F1 (overlap) and value accuracy against the document date."""
    from storyline.evaluate.dates import run_dates_eval

    _setup_logging(verbose)
    _dev_eval(
        "dates",
        path,
        run_dates_eval,
        "spans match one-to-one on any overlap; value acc over matched gold TIMEX3 (exact"
        " value), DATE value acc over gold type DATE only, last column over all gold.",
    )


@link_app.command("entities")
def link_entities_command(
    in_path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="input JSONL")],
    out: Annotated[Path, typer.Option("-o", "--out", help="output JSONL")],
) -> None:
    """Resolve entity mentions across the records of each group ({id, group, text, mentions?})."""
    from storyline.commands.link import link_entities_file

    errors = link_entities_file(in_path, out)
    for error in errors:
        console.print(error, highlight=False)
    typer.echo(f"wrote {out} ({len(errors)} records skipped)")


@eval_app.command("entities")
def eval_entities_command(
    path: Annotated[Path, typer.Argument(help="ECB+ JSONL")] = ENTITIES_DEV,
    folds: Annotated[
        int,
        typer.Option(
            "--folds",
            help="score each fold of topics with a merge model trained on the other folds"
            " (0: the shipped model)",
        ),
    ] = 0,
) -> None:
    """Cross-document entity coreference on ECB+ (CoNLL F1 within each topic)."""
    from storyline.evaluate.dev_files import resolve_dev_path
    from storyline.evaluate.entities import evaluate_entities, format_entity_eval

    path = resolve_dev_path(path)
    if not path.exists():
        console.print(f"[red]error:[/] dev file not found: {path}", highlight=False)
        raise typer.Exit(2)
    typer.echo(format_entity_eval(evaluate_entities(path, folds=folds)))


@app.command()
def serve(
    db: Annotated[
        str,
        typer.Option(
            help="The store: a SQLite file `storyline brief` wrote, or a postgresql:// URL."
        ),
    ],
    create: Annotated[
        bool, typer.Option(help="Start a new empty SQLite store if --db names no file.")
    ] = False,
    host: Annotated[str, typer.Option(help="Address to bind (localhost only by default).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    public_reads: Annotated[
        bool, typer.Option(help="Let any client read without the token (e.g. behind a proxy).")
    ] = False,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            help="Also serve this Host name (repeatable); 127.0.0.1, localhost, "
            "::1 and --host are always served, other names get 400."
        ),
    ] = None,
    verbose: VerboseOption = False,
) -> None:
    """Serve the HTTP API (/api, OpenAPI at /docs) and the web UI over a store.

    Ingest needs the bearer token in STORYLINE_TOKEN; reads are open to localhost.
    """
    from storyline.commands.serve import StoreNotFound, existing_store_url
    from storyline.commands.serve import serve as run_server

    _setup_logging(verbose)
    try:
        existing_store_url(db, create)
    except StoreNotFound as exc:
        console.print(f"[red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None

    def ready(url: str) -> None:  # printed once the server accepts connections
        console.print(
            f"storyline serving {db} on {url} (API docs at /docs)", highlight=False, soft_wrap=True
        )

    run_server(
        db,
        host=host,
        port=port,
        public_reads=public_reads,
        allowed_hosts=allowed_host or [],
        create=create,
        on_ready=ready,
    )


@app.command("export")
def export_command(
    outdir: Annotated[Path, typer.Argument(help="Folder for stories/articles/quotes/claims.*")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="parquet (typed columns), jsonl or csv.")
    ] = "parquet",
    db: Annotated[
        str, typer.Option(help="The store: a SQLite file `storyline brief` wrote, or a URL.")
    ] = "out/storyline.db",
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind", help="Only this table (repeatable): stories, articles, quotes, claims."
        ),
    ] = None,
    verbose: VerboseOption = False,
) -> None:
    """Write a store's stories, articles, quotes and claims for a notebook: one row per
    item, with article ids and character offsets."""
    from storyline.commands.export import StoreMissing, run_export
    from storyline.store.export import FORMATS, KINDS

    _setup_logging(verbose)
    if fmt not in FORMATS:
        console.print(f"[red]error:[/] --format is one of {', '.join(FORMATS)}", highlight=False)
        raise typer.Exit(2)
    unknown = [k for k in kind or [] if k not in KINDS]
    if unknown:
        console.print(
            f"[red]error:[/] no table {escape(unknown[0])}: one of {', '.join(KINDS)}",
            highlight=False,
        )
        raise typer.Exit(2)
    try:
        written = run_export(db, outdir, fmt, tuple(kind or KINDS))
    except StoreMissing as exc:
        console.print(f"[red]error:[/] {escape(str(exc))}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except ImportError as exc:  # pyarrow is the "export" extra
        console.print(
            f"[red]error:[/] {escape(str(exc))}: pip install 'storyline[export]'", highlight=False
        )
        raise typer.Exit(2) from None
    for path, rows in written:
        typer.echo(f"{path} ({rows} row{'' if rows == 1 else 's'})")


@app.command("cluster")
def cluster_command(
    in_path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="input JSONL")],
    out: Annotated[Path, typer.Option("-o", "--out", help="output JSONL")],
    state: Annotated[
        Path | None,
        typer.Option("--state", help="clusterer state JSON: read if present, written back"),
    ] = None,
    executor: ExecutorOption = "local",
    workers: WorkersOption = 1,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
) -> None:
    """Group articles into stories and storylines; flag near-duplicate copies (streams IN_PATH)."""
    from storyline.commands.cluster import cluster_file
    from storyline.commands.progress import StageProgress

    run = RunOptions(executor=executor, workers=workers, scheduler=scheduler)
    with StageProgress(console, quiet) as progress:
        n, skipped = cluster_file(in_path, out, state_path=state, run=run, progress=progress)
    for s in skipped:
        console.print(f"skipped line {s.line}: {s.reason}", highlight=False)
    typer.echo(f"clustered {n} articles -> {out} ({len(skipped)} skipped)")


@eval_app.command("cluster")
def eval_cluster_command(
    in_path: Annotated[
        Path, typer.Argument(exists=True, dir_okay=False, help="JSONL with a 'cluster' field")
    ],
    baseline_threshold: Annotated[
        float, typer.Option(help="cosine threshold of the baseline")
    ] = 0.2,
    sweep: Annotated[
        bool,
        typer.Option(
            help="also score 1k / 3k / all documents of the file (whole stories, fixed seed): "
            "ours and the baseline at its best threshold on each"
        ),
    ] = False,
    vectors: Annotated[
        str,
        typer.Option(
            help="article vectors: lexical (default), dense (needs the 'dense' extra; "
            "without it the lexical result, with a warning) or auto"
        ),
    ] = "lexical",
) -> None:
    """BCubed and pairwise P/R/F1 of ours vs a TF-IDF single-pass baseline (at the given and at
    its best threshold); CPU seconds."""
    from storyline.cluster.dense import VECTOR_MODES
    from storyline.evaluate.clusters import SweepRow, evaluate_file, shared_encoder, size_sweep

    if vectors not in VECTOR_MODES:
        raise typer.BadParameter(f"one of {', '.join(VECTOR_MODES)}", param_hint="--vectors")
    options = ClusterOptions(vectors=vectors)
    encoder = shared_encoder(options)  # the sweep's piles reuse the whole file's vectors
    if vectors == "dense" and encoder is None:
        typer.echo("dense vectors unavailable: lexical scores (pip install 'storyline[dense]')")
    n, k, rows = evaluate_file(in_path, options, baseline_threshold, encoder)
    typer.echo(f"{in_path.name}: {n} articles, {k} gold stories")
    typer.echo(
        f"{'system':28} {'B3-P':>6} {'B3-R':>6} {'B3-F1':>6} {'pair-P':>6} {'pair-R':>6} "
        f"{'pair-F1':>7} {'stories':>7} {'cpu-s':>8}"
    )
    for r in rows:
        typer.echo(
            f"{r.system:28} {r.bcubed.precision:6.3f} {r.bcubed.recall:6.3f} {r.bcubed.f1:6.3f} "
            f"{r.pairwise.precision:6.3f} {r.pairwise.recall:6.3f} {r.pairwise.f1:7.3f} "
            f"{r.clusters:7d} {r.seconds:8.2f}"
        )
    if not sweep:
        return
    typer.echo("")
    typer.echo("size sweep (BCubed P/R/F1; baseline at its best threshold on each pile)")
    typer.echo(
        f"{'docs':>6} {'stories':>7} {'ours-P':>6} {'ours-R':>6} {'ours-F1':>7} "
        f"{'base-F1':>7} {'@thr':>5} {'margin':>6} {'ours-cpu':>8} {'base-cpu':>8}"
    )
    whole = SweepRow(n, k, rows[0], rows[-1], float(rows[-1].system.rsplit("@", 1)[1]))
    for row in [*size_sweep(in_path, options, whole=False, encoder=encoder), whole]:
        ours, base = row.ours.bcubed, row.baseline.bcubed
        typer.echo(
            f"{row.documents:6d} {row.stories:7d} {ours.precision:6.3f} {ours.recall:6.3f} "
            f"{ours.f1:7.3f} {base.f1:7.3f} {row.baseline_threshold:5.2f} "
            f"{ours.f1 - base.f1:+6.3f} {row.ours.seconds:8.2f} {row.baseline.seconds:8.2f}"
        )


@eval_app.command("storylines")
def eval_storylines_command(
    multinews: Annotated[
        Path, typer.Argument(help="Multi-News JSONL, flattened to one article per document")
    ] = STORYLINES_DEV,
    sample: Annotated[Path, typer.Option(help="the russia-syria sample folder")] = Path(
        "../shared/samples/russia-syria"
    ),
    seed: Annotated[int, typer.Option(help="seed of the generated pile")] = 7,
) -> None:
    """Storylines on a real pile, the sample and a generated pile, vs a shared-entity baseline."""
    from storyline.evaluate.dev_files import resolve_dev_path
    from storyline.evaluate.storylines import report

    paths = [resolve_dev_path(multinews), resolve_dev_path(sample)]
    for path in paths:
        if not path.exists():
            console.print(f"[red]error:[/] not found: {path}", highlight=False)
            raise typer.Exit(2)
    typer.echo(report(paths[0], paths[1], seed))


if __name__ == "__main__":
    app()
