"""What a long command shows while it runs: the CLI's ``storyline.model.Progress``.

On a terminal, a rich progress bar per stage (items done / total, rate, time left) and,
at the end, a table of every stage (items, seconds, skipped); off a terminal (a pipe, a
CI log) one plain line per stage as it finishes, never a drawing; quiet, nothing.
The library only reports to it; this is the one place that draws.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichBars
from rich.table import Table
from rich.text import Text


@dataclass
class StageFigures:
    """One stage as it ran: items done (skipped among them), and how long it took."""

    name: str
    total: int | None
    done: int = 0
    skipped: int = 0
    started: float = 0.0
    seconds: float = 0.0
    finished: bool = False


class RateColumn(ProgressColumn):
    """Items per second (rich's speed column speaks of bytes); a finished stage shows its
    whole run's rate."""

    def render(self, task: Task) -> Text:
        speed = task.fields.get("rate") if task.finished else task.speed
        return Text("" if speed is None else f"{speed:,.1f}/s", style="progress.data.speed")


class StageProgress:
    """A ``Progress`` drawn on ``console``: bars on a terminal, one line per stage off it.

    Use it as a context manager around the run; on leaving, a terminal gets the stage
    table. ``quiet`` draws and prints nothing (the figures are still kept)."""

    def __init__(self, console: Console, quiet: bool = False) -> None:
        self.console = console
        self.quiet = quiet
        # a terminal that can redraw (not TERM=dumb) gets the bars, asked now: the console
        # may have been made before its file was swapped
        self.live = not quiet and console.is_terminal and not console.is_dumb_terminal
        self.stages: dict[str, StageFigures] = {}
        self._tasks: dict[str, TaskID] = {}
        self._bars = RichBars(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=console,
            disable=not self.live,
        )

    # --- storyline.model.Progress ---------------------------------------------------

    def start(self, stage: str, total: int | None) -> None:
        figures = StageFigures(stage, total, started=time.perf_counter())
        self.stages[stage] = figures  # a stage run twice (a retry) counts its last run
        if self.live:
            self._tasks[stage] = self._bars.add_task(stage, total=total)

    def advance(self, stage: str, done: int = 1, skipped: int = 0) -> None:
        figures = self.stages.get(stage)
        if figures is None:  # told of a stage it never started: start it now
            self.start(stage, None)
            figures = self.stages[stage]
        figures.done += done
        figures.skipped += skipped
        if stage in self._tasks:
            self._bars.advance(self._tasks[stage], done)

    def finish(self, stage: str) -> None:
        figures = self.stages.get(stage)
        if figures is None or figures.finished:
            return
        figures.finished = True
        figures.seconds = time.perf_counter() - figures.started
        if stage in self._tasks:  # a stage that streamed learns its total at the end
            rate = figures.done / figures.seconds if figures.seconds > 0 else None
            task = self._tasks[stage]
            self._bars.update(task, total=figures.done, completed=figures.done, rate=rate)
            self._bars.stop_task(task)
        elif not self.quiet and not self.live:
            self.console.print(self.line(figures), highlight=False, soft_wrap=True)

    # --- drawing ----------------------------------------------------------------------

    @staticmethod
    def line(figures: StageFigures) -> str:
        """The one line a finished stage logs off a terminal."""
        rate = figures.done / figures.seconds if figures.seconds > 0 else 0.0
        return (
            f"stage {figures.name}: {figures.done} item(s) in {figures.seconds:.2f}s "
            f"({rate:,.1f}/s), {figures.skipped} skipped"
        )

    def table(self) -> Table:
        table = Table(title="stages", title_justify="left")
        table.add_column("stage")
        table.add_column("items", justify="right")
        table.add_column("seconds", justify="right")
        table.add_column("skipped", justify="right")
        for figures in self.stages.values():
            table.add_row(
                figures.name, str(figures.done), f"{figures.seconds:.2f}", str(figures.skipped)
            )
        return table

    def __enter__(self) -> StageProgress:
        if self.live:
            self._bars.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for name in list(self.stages):
            self.finish(name)
        if self.live:
            self._bars.stop()
            if kind is None and self.stages:
                self.console.print(self.table())
