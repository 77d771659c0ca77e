"""One background writer: every ingest and analysis runs on a single thread, off the
request path, behind a bounded queue.

Why: an analysis of a big store takes minutes. When writes ran in request threads behind
a lock, queued writes used up the server's worker threads and every read, even /static,
waited for the analysis. Now a write request holds a *slot* (taken before its body is
read, so queued bodies are bounded too) and awaits its job without holding a thread;
when every slot is taken the request gets 503 with Retry-After. Reads never wait for a
writer (SQLite WAL, PostgreSQL MVCC).

Jobs waiting while the writer was busy are taken together: each stores its articles,
then one analysis covers them all (not one analysis per request).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

# (articles, stories, timings) as analyse_store returns them
Analysis = tuple[list[Any], list[Any], dict[str, float]]
Analyse = Callable[[bool], Analysis]  # full -> analysis


class QueueFull(Exception):
    """Every write slot is taken."""


class Ticket:
    """A slot in the write queue, taken before a request body is read; given back when
    the job it carried has run, or when the request ends without submitting one."""

    def __init__(self, slots: threading.BoundedSemaphore) -> None:
        self._slots = slots
        self._lock = threading.Lock()
        self._held = True
        self.submitted = False

    def release(self) -> None:
        with self._lock:
            if self._held:
                self._held = False
                self._slots.release()


@dataclass
class WriteJob:
    """``store`` runs first (may be None); ``wants_analysis(stored)`` says whether the
    analysis must be brought up to date after it; ``finish(stored, analysis)`` makes the
    result (``analysis`` is None when none ran for this job)."""

    store: Callable[[], Any] | None
    wants_analysis: Callable[[Any], bool]
    finish: Callable[[Any, Analysis | None], Any]
    full: bool = False
    future: Future[Any] = field(default_factory=Future)
    ticket: Ticket | None = None
    stored: Any = None


class WriteQueue:
    def __init__(self, analyse: Analyse, capacity: int) -> None:
        self._analyse = analyse
        self.capacity = capacity
        self._slots = threading.BoundedSemaphore(capacity)
        self._jobs: queue.SimpleQueue[WriteJob | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="storyline-writer", daemon=True)
        self._thread.start()

    def reserve(self) -> Ticket | None:
        """A slot, or None when the queue is full (the caller answers 503)."""
        return Ticket(self._slots) if self._slots.acquire(blocking=False) else None

    def submit(self, job: WriteJob, ticket: Ticket | None = None) -> Future[Any]:
        """Queue ``job`` on ``ticket`` (or on a slot taken now; QueueFull if none)."""
        if ticket is None:
            ticket = self.reserve()
            if ticket is None:
                raise QueueFull
        ticket.submitted = True
        job.ticket = ticket
        self._jobs.put(job)
        return job.future

    def close(self, timeout: float = 30.0) -> None:
        """Stop after the jobs already queued."""
        self._jobs.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        while True:
            first = self._jobs.get()
            if first is None:
                return
            batch = [first]
            stop = False
            while True:  # what queued up meanwhile is done together
                try:
                    job = self._jobs.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    stop = True
                    break
                batch.append(job)
            try:
                self._run_batch(batch)
            finally:
                for job in batch:
                    if job.ticket is not None:
                        job.ticket.release()
            if stop:
                return

    def _run_batch(self, batch: list[WriteJob]) -> None:
        done: list[WriteJob] = []
        for job in batch:
            if not job.future.set_running_or_notify_cancel():
                continue  # its request went away before its turn
            try:
                job.stored = job.store() if job.store else None
            except Exception as exc:  # noqa: BLE001 - one failed write must not stop the writer
                log.exception("write failed")
                _fail(job, exc)
                continue
            done.append(job)
        wanting = [job for job in done if job.wants_analysis(job.stored)]
        analysis: Analysis | None = None
        if wanting:
            try:
                analysis = self._analyse(any(job.full for job in wanting))
            except Exception as exc:  # noqa: BLE001 - the requests get 500, the writer goes on
                log.exception("analysis failed")
                for job in wanting:
                    _fail(job, exc)
                done = [job for job in done if job not in wanting]
        for job in done:
            try:
                result = job.finish(job.stored, analysis if job in wanting else None)
            except Exception as exc:  # noqa: BLE001
                log.exception("write result failed")
                _fail(job, exc)
                continue
            _release(job)  # free before the answer wakes the request: it may write again
            job.future.set_result(result)


def _release(job: WriteJob) -> None:
    if job.ticket is not None:
        job.ticket.release()


def _fail(job: WriteJob, exc: BaseException) -> None:
    _release(job)
    job.future.set_exception(exc)
