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
from dataclasses import dataclass, field

from storyline.errors import BudgetExceeded


class _Interrupted(BudgetExceeded):
    """What the watchdog raises (a class: the C API raises it without arguments);
    ``time_budget`` turns it into a ``BudgetExceeded`` that names the work and budget."""


@dataclass(order=True)
class _Timer:
    deadline: float
    serial: int
    thread: int = field(compare=False)
    armed: bool = field(default=True, compare=False)
    fired: bool = field(default=False, compare=False)


class _Watchdog:
    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._heap: list[_Timer] = []
        self._serial = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float) -> _Timer:
        timer = _Timer(time.monotonic() + seconds, next(self._serial), threading.get_ident())
        with self._cond:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._watch, name="storyline-budget", daemon=True
                )
                self._thread.start()
            heapq.heappush(self._heap, timer)
            self._cond.notify()
        return timer

    def disarm(self, timer: _Timer) -> bool:
        """Stop the timer; True when it had already fired (its exception may be pending)."""
        with self._cond:
            timer.armed = False
            if timer.fired:
                # not yet delivered if the work finished first: take it back
                _set_async_exc(timer.thread, None)
            return timer.fired

    def _watch(self) -> None:
        with self._cond:
            while True:
                while self._heap and not self._heap[0].armed:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._cond.wait()
                    continue
                wait = self._heap[0].deadline - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                timer = heapq.heappop(self._heap)
                if _importing(timer.thread):
                    # an import cut in half leaves a broken module behind for every later
                    # user: wait for it to finish
                    timer.deadline = time.monotonic() + _IMPORT_GRACE
                    heapq.heappush(self._heap, timer)
                    continue
                timer.fired = True
                _set_async_exc(timer.thread, _Interrupted)
                # an exception that lands in a finalizer (a __del__ run by the garbage
                # collector) is printed and dropped: fire again until the work stops
                timer.deadline = time.monotonic() + _REFIRE
                heapq.heappush(self._heap, timer)


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
    timer = watchdog.arm(seconds)
    try:
        yield
    except _Interrupted:
        raise BudgetExceeded(what, seconds) from None
    finally:
        watchdog.disarm(timer)
