"""Time budgets that stop one article's work, not the pile: ``with time_budget(60, "quotes"):``.

A single watchdog thread per process keeps the armed deadlines; when one passes, it raises
``BudgetExceeded`` inside the thread doing the work (``PyThreadState_SetAsyncExc``), so a
runaway loop in any stage stops at its next Python bytecode, in the main thread, a worker
thread of the server or a process of the executor alike. Work stuck inside one C call (a
single regex match, one spaCy batch) is stopped when that call returns; the stages keep
such calls linear in the text's length so that this is soon. A thread busy importing a
module is left to finish the import first (a half-imported module breaks every later use).
"""

from __future__ import annotations

import ctypes
import heapq
import itertools
import os
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from storyline.errors import BudgetExceeded


class _Interrupted(BudgetExceeded):
    """What the watchdog raises (a class: the C API raises it without arguments);
    ``time_budget`` turns it into a ``BudgetExceeded`` that names the work and budget."""


@dataclass
class _Timer:
    deadline: float
    thread: int
    armed: bool = True
    fired: bool = False


class _Watchdog:
    """The deadlines of every armed budget in this process, and the thread that fires them.

    The working threads only take ``_lock``, a C-level lock, for a few C calls (a heap
    push, two attribute stores): the watchdog's exception can land in a working thread at
    any Python bytecode, and if it landed inside Python-level locking code (a
    ``threading.Condition``'s ``__enter__``) the lock stayed held and every later budget of
    the process waited for it for ever. The heap holds ``(deadline, serial, timer)`` tuples
    so that ordering never runs Python code either."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # released to wake the watchdog early (a new, earlier deadline); a plain lock, not an
        # Event, for the same reason as above
        self._wake = threading.Lock()
        self._wake.acquire()
        self._heap: list[tuple[float, int, _Timer]] = []
        self._serial = itertools.count()
        self._thread: threading.Thread | None = None

    def push(self, timer: _Timer) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._watch, name="storyline-budget", daemon=True
                )
                self._thread.start()
            heapq.heappush(self._heap, (timer.deadline, next(self._serial), timer))
        self._nudge()

    def disarm(self, timer: _Timer) -> None:
        """Stop the timer and take back its exception if it fired but was not delivered."""
        while True:
            try:
                with self._lock:
                    timer.armed = False
                    if timer.fired:
                        # not yet delivered if the work finished first: take it back
                        _set_async_exc(timer.thread, None)
                return
            except _Interrupted:
                # delivered during this bookkeeping (this timer's, or an outer budget's that
                # fires again while it stays armed): finish the bookkeeping
                continue

    def _nudge(self) -> None:
        try:  # noqa: SIM105 - plain try: no Python-level context manager on this path
            self._wake.release()
        except RuntimeError:
            pass  # already woken

    def _watch(self) -> None:
        while True:
            with self._lock:
                while self._heap and not self._heap[0][2].armed:
                    heapq.heappop(self._heap)
                wait = self._heap[0][0] - time.monotonic() if self._heap else -1.0
                if self._heap and wait <= 0:
                    self._fire(heapq.heappop(self._heap)[2])
                    continue
            # wait for the next deadline, or until a push wakes us (-1: no deadline)
            self._wake.acquire(timeout=wait)

    def _fire(self, timer: _Timer) -> None:
        if _importing(timer.thread):
            # an import cut in half leaves a broken module behind for every later user:
            # wait for it to finish
            timer.deadline = time.monotonic() + _IMPORT_GRACE
        else:
            timer.fired = True
            _set_async_exc(timer.thread, _Interrupted)
            # an exception that lands in a finalizer (a __del__ run by the garbage
            # collector) is printed and dropped: fire again until the work stops
            timer.deadline = time.monotonic() + _REFIRE
        heapq.heappush(self._heap, (timer.deadline, next(self._serial), timer))


_IMPORT_GRACE = 0.05
_REFIRE = 0.5


def _importing(thread: int) -> bool:
    """Is the thread inside the import machinery (loading a module)?"""
    frame = sys._current_frames().get(thread)
    while frame is not None:
        if frame.f_code.co_filename.startswith("<frozen importlib"):
            return True
        frame = frame.f_back
    return False


def _set_async_exc(thread: int, exc: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread), ctypes.py_object(exc) if exc is not None else None
    )


_watchdog = _Watchdog()


def _reset_after_fork() -> None:
    # a forked child has no watchdog thread and maybe a lock held by another thread
    global _watchdog
    _watchdog = _Watchdog()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)


@contextmanager
def time_budget(seconds: float | None, what: str = "") -> Iterator[None]:
    """Raise ``BudgetExceeded(what, seconds)`` in this thread if the block runs too long.

    ``None`` or a non-positive budget means no limit."""
    if seconds is None or seconds <= 0:
        yield
        return
    watchdog = _watchdog
    # made before the ``try`` and pushed inside it, so that an outer budget's exception
    # landing anywhere here still leaves this timer disarmed
    timer = _Timer(time.monotonic() + seconds, threading.get_ident())
    try:
        watchdog.push(timer)
        yield
    except _Interrupted:
        raise BudgetExceeded(what, seconds) from None
    finally:
        watchdog.disarm(timer)
