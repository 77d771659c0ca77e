"""One executor interface for the per-article (map) stages.

``Executor.map(fn, items, chunk_size)`` applies a picklable, module-level function to every
item and yields the results **in input order**, whichever implementation runs it, so the
pipeline output does not depend on the executor. Items are consumed lazily and at most
``max_in_flight`` chunks are submitted at any time, which bounds memory while streaming a
large input: the reader is only advanced as results are taken.

- ``LocalExecutor``: a ``concurrent.futures.ProcessPoolExecutor`` with N workers, or a plain
  in-process loop when ``workers == 1`` (no pickling, easiest to debug).
- ``DaskExecutor``: a ``dask.distributed`` client; ``address=None`` starts a ``LocalCluster``
  (worker processes, one thread each), otherwise it connects to the scheduler at ``address``.

Global steps (LSH banding, clustering) are not run here: they are explicit reduce steps over
the mapped results (see ``storyline.dedup.minhash.find_near_duplicates``).
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

from storyline.config import RunOptions

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_CHUNK_SIZE = 256


def apply_to_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """Run ``fn`` over one chunk (module level so that it pickles for worker processes)."""
    return [fn(item) for item in chunk]


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    if size < 1:
        raise ValueError(f"chunk_size must be >= 1, got {size}")
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class Executor(ABC):
    """Ordered, memory-bounded map over a stream of items."""

    workers: int = 1

    @abstractmethod
    def map(
        self, fn: Callable[[T], R], items: Iterable[T], chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> Iterator[R]:
        """Yield ``fn(item)`` for every item, in input order."""

    def close(self) -> None:  # noqa: B027 - optional hook, the in-process executor needs none
        """Release workers; the executor cannot be used afterwards."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class _OrderedWindow:
    """Submit chunks through ``submit`` keeping at most ``limit`` in flight, yield in order."""

    def __init__(self, submit: Callable[[list[Any]], Any], result: Callable[[Any], list[Any]]):
        self._submit = submit
        self._result = result

    def run(self, chunks: Iterator[list[Any]], limit: int) -> Iterator[Any]:
        pending: deque[Any] = deque()
        for chunk in chunks:
            pending.append(self._submit(chunk))
            if len(pending) >= limit:
                yield from self._result(pending.popleft())
        while pending:
            yield from self._result(pending.popleft())


class LocalExecutor(Executor):
    """Process pool on this machine; ``workers == 1`` runs in-process."""

    def __init__(self, workers: int = 1, max_in_flight: int | None = None):
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        self.workers = workers
        self.max_in_flight = max_in_flight or 2 * workers
        self._pool = None
        if workers > 1:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # forkserver: workers do not inherit the parent's threads or large heap
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> Iterator[R]:
        if self._pool is None:
            for chunk in chunked(items, chunk_size):
                yield from apply_to_chunk(fn, chunk)
            return
        pool = self._pool
        window = _OrderedWindow(
            submit=lambda chunk: pool.submit(apply_to_chunk, fn, chunk),
            result=lambda future: future.result(),
        )
        yield from window.run(chunked(items, chunk_size), self.max_in_flight)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskExecutor(Executor):
    """dask.distributed: a LocalCluster of worker processes, or an existing scheduler."""

    def __init__(
        self,
        workers: int = 2,
        address: str | None = None,
        processes: bool = True,
        max_in_flight: int | None = None,
    ):
        from dask.distributed import Client, LocalCluster

        self.workers = workers
        self._cluster: LocalCluster | None = None
        self._client: Client | None
        if address is None:
            import dask

            # the statistical profiler feeds the dashboard (disabled here); sampling the task
            # thread every 10 ms cost up to 40% extra CPU on the pure-Python map steps
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=None,
                    silence_logs=logging.WARNING,
                )
            self._client = Client(self._cluster)
        else:
            self._client = Client(address)
            self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        self.max_in_flight = max_in_flight or 2 * self.workers

    def map(
        self, fn: Callable[[T], R], items: Iterable[T], chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> Iterator[R]:
        client = self._client
        if client is None:
            raise RuntimeError("the Dask executor is closed")

        def result(future: Any) -> list[Any]:
            chunk_result = future.result()
            future.release()  # let the scheduler forget the chunk right away
            return chunk_result

        window = _OrderedWindow(
            # pure=False: two equal chunks are still two tasks (no key collisions)
            submit=lambda chunk: client.submit(apply_to_chunk, fn, chunk, pure=False),
            result=result,
        )
        yield from window.run(chunked(items, chunk_size), self.max_in_flight)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def executor_for(options: RunOptions) -> Executor:
    return make_executor(options.executor, workers=options.workers, scheduler=options.scheduler)


def make_executor(kind: str, workers: int = 1, scheduler: str | None = None) -> Executor:
    """``kind`` is ``"local"`` or ``"dask"``; ``scheduler`` is a Dask scheduler address."""
    if kind == "local":
        if scheduler:
            raise ValueError("--scheduler only applies to the dask executor")
        return LocalExecutor(workers=workers)
    if kind == "dask":
        return DaskExecutor(workers=workers, address=scheduler)
    raise ValueError(f"unknown executor {kind!r}; expected 'local' or 'dask'")
