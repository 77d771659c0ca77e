"""Scale bench: a synthetic 100k-article pile through ingest, dedup and clustering.

    PYTHONPATH=src python bench/bench_scale.py --articles 100000 --executor local|dask

Stages (each timed separately, articles/s over the articles that enter the stage):
  ingest        stream the JSONL file through storyline.ingest.jsonl_stream (clean = identity)
                in the driver (and, in partitions mode, again inside the map tasks)
  dedup map     MinHash signature -> LSH band keys + shingle hashes, in the executor
  dedup reduce  LSH bucketing + exact containment verification (find_near_duplicates_by_keys)
  cluster map   --clusterer storyline (default): the non-duplicates, in (date, id) order and
                in batches of --cluster-batch, are read back from the pile by byte offset in
                the driver and their article_features computed in the executor, the next
                batch while the reduce adds this one (the row: the reduce's wait for it);
                --clusterer tfidf: hashed term counts of the non-duplicates in the executor
  cluster reduce  storyline: StoryClusterer.add of each batch in turn (later batches join
                earlier stories; its CPU includes the next batch's map), at most two batches
                of texts and features alive; tfidf: TF-IDF weighting + single-pass
                clustering (bench-only baseline)
A stage run once per batch is one row (summed). Peak memory: per stage, the sampled peak of
the process tree's summed RSS; overall, ru_maxrss of this process and of its largest
finished child, and the peak of the summed RSS of the whole process tree sampled every
0.2 s. A digest of the output (duplicate map and story labels) shows that executors give
identical results.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import sys
import tempfile
import threading
import time
from array import array
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import numpy as np

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
# worker processes (process pool, Dask nannies) must import the bench map functions too
os.environ["PYTHONPATH"] = os.pathsep.join(
    p for p in (str(BENCH_DIR), os.environ.get("PYTHONPATH", "")) if p
)

from synthetic_pile import build_pile  # noqa: E402
from tfidf_single_pass import (  # noqa: E402
    cluster_map,
    cluster_partition,
    dedup_map,
    dedup_partition,
    line_of,
    single_pass,
    tfidf_matrix,
    unpack,
)

from storyline.cluster.stories import (  # noqa: E402
    Assignment,
    StoryClusterer,
    date_batches,  # noqa: E402
)
from storyline.config import (  # noqa: E402
    ClusterOptions,  # noqa: E402
    DedupOptions,
    IngestOptions,
)
from storyline.dedup.minhash import band_keys, find_near_duplicates_by_keys  # noqa: E402
from storyline.evaluate.metrics import f1  # noqa: E402
from storyline.ingest.jsonl_stream import (  # noqa: E402
    jsonl_partitions,
    read_jsonl_stream,
)
from storyline.model import RawDocument  # noqa: E402
from storyline.run.executor import Executor, make_executor  # noqa: E402
from storyline.run.stream_cluster import ahead, features_of, read_items_at  # noqa: E402


class TreeMemorySampler(threading.Thread):
    """Peak of the summed RSS of this process and all its descendants."""

    def __init__(self, interval: float = 0.2):
        super().__init__(daemon=True)
        import psutil

        self._root = psutil.Process()
        self._interval = interval
        self._stop_event = threading.Event()
        self.peak = 0
        self.stage_peak = 0

    def run(self) -> None:
        import psutil

        while not self._stop_event.is_set():
            total = 0
            for proc in [self._root, *self._root.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            self.stage_peak = max(self.stage_peak, total)
            self._stop_event.wait(self._interval)

    def take_stage_peak(self) -> int:
        """Peak since the previous call (the current stage's), then start a new stage."""
        peak, self.stage_peak = self.stage_peak, 0
        return peak

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def tree_cpu_seconds() -> float:
    """CPU time (user + system) of this process, its live descendants and reaped children."""
    import psutil

    root = psutil.Process()
    own = root.cpu_times()
    total = own.user + own.system + own.children_user + own.children_system
    for proc in root.children(recursive=True):
        try:
            times = proc.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


class StageClock:
    """Wall-clock and process-tree CPU seconds per stage (CPU time shows the work done even
    when the 2 shared cores are busy with other jobs), and the stage's sampled peak of the
    process tree's RSS. A stage run several times (once per cluster batch) adds up into
    one row: articles, seconds and CPU are summed, the memory peak is the largest."""

    def __init__(self, sampler: TreeMemorySampler) -> None:
        self.timings: list[tuple[str, int, float, float]] = []
        self.peaks: dict[str, int] = {}
        self._sampler = sampler
        self._wall = 0.0
        self._cpu = 0.0

    def start(self) -> None:
        self._sampler.take_stage_peak()
        self._wall, self._cpu = time.perf_counter(), tree_cpu_seconds()

    def stop(self, stage: str, articles: int) -> None:
        wall = time.perf_counter() - self._wall
        cpu = tree_cpu_seconds() - self._cpu
        self.peaks[stage] = max(self.peaks.get(stage, 0), self._sampler.take_stage_peak())
        for n, (name, count, seconds, cpu_seconds) in enumerate(self.timings):
            if name == stage:
                self.timings[n] = (name, count + articles, seconds + wall, cpu_seconds + cpu)
                return
        self.timings.append((stage, articles, wall, cpu))


def documents(path: Path, options: IngestOptions):
    for item in read_jsonl_stream(path, options):
        if isinstance(item, RawDocument):
            yield item  # clean stand-in: identity


def line_offsets(path: Path) -> np.ndarray:
    """Byte offset of the start of every line (index = line number - 1): one pass that only
    looks for newlines, so a batch of articles can later be read back by seeking."""
    offsets = array("q")
    position = 0
    with open(path, "rb") as fh:
        for line in fh:
            offsets.append(position)
            position += len(line)
    return np.frombuffer(offsets, dtype=np.int64)


def cluster_in_batches(
    pile: Path,
    originals: list[tuple[str, int, str | None]],
    executor: Executor,
    clock: StageClock,
    batch_size: int,
    args: argparse.Namespace,
) -> Iterator[Assignment]:
    """Feed the originals (id, line, date) to one StoryClusterer in (date, id) order, in
    batches of ``batch_size``: each batch's texts are read back from the pile, their
    features computed in the executor (cluster map), and the batch is added to the
    clusterer (cluster reduce). Later batches join the stories of earlier ones. As in the
    product's streaming ``storyline cluster`` (run/stream_cluster.py), with worker
    processes the next batch is read and mapped while this one is added, so at most two
    batches of texts and features are alive; the "cluster map" row is then the time the
    reduce waited for a batch's features, and its CPU is counted in the reduce rows."""
    options = ClusterOptions()
    clusterer = StoryClusterer(options)
    clock.start()
    offsets = line_offsets(pile)
    batches = date_batches(
        [article_id for article_id, _, _ in originals],
        [date for _, _, date in originals],
        max(1, batch_size),
    )
    clock.stop("cluster map", 0)

    def load(batch: list[int]) -> tuple[list, dict]:
        items = read_items_at(pile, [offsets[originals[i][1] - 1] for i in batch])
        return items, features_of(items, executor, options, args.chunk_size)

    loaded = ahead(batches, load, executor.workers > 1)
    while True:
        clock.start()
        got = next(loaded, None)
        if got is None:
            break
        items, features = got
        clock.stop("cluster map", len(items))
        clock.start()
        assignments = clusterer.add(items, features)
        del items, features, got
        clock.stop("cluster reduce", len(assignments))
        yield from assignments


def bcubed(predicted: np.ndarray, truth: np.ndarray) -> tuple[float, float, float]:
    pairs, counts = np.unique(np.stack([predicted, truth]), axis=1, return_counts=True)
    size_p = dict(zip(*np.unique(predicted, return_counts=True), strict=True))
    size_t = dict(zip(*np.unique(truth, return_counts=True), strict=True))
    squares = counts.astype(np.float64) ** 2
    precision = sum(s / size_p[p] for s, p in zip(squares, pairs[0], strict=True)) / len(truth)
    recall = sum(s / size_t[t] for s, t in zip(squares, pairs[1], strict=True)) / len(truth)
    return precision, recall, f1(precision, recall)


def run(args: argparse.Namespace) -> None:
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="storyline-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    pile = workdir / f"pile-{args.articles}-{args.seed}.jsonl"
    started = time.perf_counter()
    truth = build_pile(pile, args.articles, seed=args.seed)
    print(
        f"pile: {args.articles} articles, {truth.story.max() + 1} stories, "
        f"{int((truth.duplicate_of >= 0).sum())} copies, {pile.stat().st_size / 1e6:.0f} MB, "
        f"built in {time.perf_counter() - started:.1f} s"
    )
    ingest_options, dedup_options = IngestOptions(), DedupOptions()
    sampler = TreeMemorySampler()
    sampler.start()
    clock = StageClock(sampler)
    timings = clock.timings

    started = time.perf_counter()
    executor = make_executor(args.executor, workers=args.workers, scheduler=args.scheduler)
    print(
        f"executor: {args.executor}, {executor.workers} workers, "
        f"started in {time.perf_counter() - started:.1f} s"
    )
    with executor:
        clock.start()
        ids: list[str] = []
        lines: list[int] = []
        dates: list[str | None] = []
        skipped = 0
        for item in read_jsonl_stream(pile, ingest_options):
            if isinstance(item, RawDocument):
                ids.append(f"a{line_of(item) - 1:07d}")
                lines.append(line_of(item))
                dates.append(item.date)
            else:
                skipped += 1
        clock.stop("ingest", len(ids))

        clock.start()
        n_bands = len(band_keys(np.zeros(dedup_options.num_perm), dedup_options))
        keys = np.empty((len(ids), n_bands), dtype=np.uint64)
        shingles: list[np.ndarray] = []
        if args.mode == "partitions":
            partitions = jsonl_partitions(pile, max(1, args.partition_mb << 20), ingest_options)
            per_partition = executor.map(
                partial(dedup_partition, ingest=ingest_options, options=dedup_options),
                partitions,
                chunk_size=1,
            )
            row = 0
            lines_seen: list[int] = []
            for part_lines, part_keys, offsets, flat in per_partition:
                keys[row : row + len(part_lines)] = part_keys
                shingles.extend(unpack(offsets, flat))
                lines_seen.extend(part_lines.tolist())
                row += len(part_lines)
            assert lines_seen == lines, "partition results out of line order"
        else:
            fingerprints = executor.map(
                partial(dedup_map, options=dedup_options),
                documents(pile, ingest_options),
                chunk_size=args.chunk_size,
            )
            for row, (article_keys, article_shingles) in enumerate(fingerprints):
                keys[row] = article_keys
                shingles.append(article_shingles)
        clock.stop("dedup map", len(ids))

        clock.start()
        duplicates = find_near_duplicates_by_keys(ids, keys, shingles, dates, dedup_options)
        del keys, shingles
        clock.stop("dedup reduce", len(ids))

        index_of = {article_id: i for i, article_id in enumerate(ids)}
        keep = [i for i, article_id in enumerate(ids) if article_id not in duplicates]
        labels = np.full(len(ids), -1, dtype=np.int64)
        if args.clusterer == "storyline":
            # the product's incremental clusterer, fed batch by batch in (date, id) order:
            # features map-side, grouping reduce-side, one batch of texts alive at a time
            story_number: dict[str, int] = {}
            originals = [(ids[i], lines[i], dates[i]) for i in keep]
            batches = cluster_in_batches(pile, originals, executor, clock, args.cluster_batch, args)
            for assignment in batches:
                labels[index_of[assignment.id]] = story_number.setdefault(
                    assignment.story, len(story_number)
                )
        else:
            clock.start()
            keep_lines = {lines[i] for i in keep}
            if args.mode == "partitions":
                tasks = []
                ends = [p.first_line for p in partitions[1:]] + [max(lines, default=0) + 1]
                for part, end_line in zip(partitions, ends, strict=True):
                    wanted = tuple(n for n in range(part.first_line, end_line) if n in keep_lines)
                    tasks.append((part, wanted))
                per_partition = executor.map(
                    partial(cluster_partition, ingest=ingest_options), tasks, chunk_size=1
                )
                rows = []
                for _, ix_offsets, ix_flat, count_offsets, count_flat in per_partition:
                    rows.extend(
                        zip(
                            unpack(ix_offsets, ix_flat),
                            unpack(count_offsets, count_flat),
                            strict=True,
                        )
                    )
            else:
                originals = (d for d in documents(pile, ingest_options) if line_of(d) in keep_lines)
                rows = list(executor.map(cluster_map, originals, chunk_size=args.chunk_size))
            clock.stop("cluster map", len(keep))

    clock.start()
    if args.clusterer == "tfidf":
        order = sorted(range(len(keep)), key=lambda k: (dates[keep[k]] or "", ids[keep[k]]))
        matrix = tfidf_matrix([rows[k] for k in order])
        del rows
        story_in_order = single_pass(matrix, threshold=args.threshold)
        for position, k in enumerate(order):
            labels[keep[k]] = story_in_order[position]
    for duplicate, original in duplicates.items():
        labels[index_of[duplicate]] = labels[index_of[original]]
    clock.stop("cluster reduce", 0 if args.clusterer == "storyline" else len(keep))
    sampler.stop()

    print(
        f"\n{'stage':<16}{'articles':>10}{'seconds':>10}{'articles/s':>12}{'cpu s':>10}"
        f"{'peak MB':>10}"
    )
    for stage, count, seconds, cpu in timings:
        print(
            f"{stage:<16}{count:>10}{seconds:>10.1f}{count / seconds:>12.0f}{cpu:>10.1f}"
            f"{clock.peaks[stage] / 2**20:>10.0f}"
        )
    dedup_cluster = sum(s for stage, _, s, _ in timings if stage != "ingest")
    total = sum(s for _, _, s, _ in timings)
    print(
        f"{'dedup+cluster':<16}{len(ids):>10}{dedup_cluster:>10.1f}"
        f"{len(ids) / dedup_cluster:>12.0f}"
    )
    print(f"{'total':<16}{len(ids):>10}{total:>10.1f}{len(ids) / total:>12.0f}")

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"\npeak RSS: main {own:.0f} MB, largest child {children:.0f} MB, "
        f"process tree (sampled) {sampler.peak / 2**20:.0f} MB"
    )

    true_original = {f"a{i:07d}": f"a{j:07d}" for i, j in enumerate(truth.duplicate_of) if j >= 0}
    correct = sum(1 for d, o in duplicates.items() if true_original.get(d) == o)
    precision = correct / max(1, len(duplicates))
    recall = correct / max(1, len(true_original))
    print(
        f"dedup: {len(duplicates)} duplicates found, precision {precision:.4f}, "
        f"recall {recall:.4f} (vs {len(true_original)} planted copies)"
    )
    p, r, f = bcubed(labels, truth.story)
    print(
        f"stories: {labels.max() + 1} found vs {truth.story.max() + 1} planted; "
        f"BCubed P {p:.4f} R {r:.4f} F1 {f:.4f}"
    )
    digest = hashlib.sha256(
        json.dumps({"duplicates": duplicates, "labels": labels.tolist()}).encode()
    ).hexdigest()
    print(f"output digest: {digest[:16]} (skipped lines: {skipped})")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average (1/5/15 min) at end: {load}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--executor", choices=["local", "dask"], default="local")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", default=None, help="Dask scheduler address")
    parser.add_argument(
        "--mode",
        choices=["partitions", "stream"],
        default="partitions",
        help="partitions: workers read line-aligned byte ranges of the file themselves; "
        "stream: the driver reads and ships documents to the workers in chunks",
    )
    parser.add_argument("--partition-mb", type=int, default=4)
    parser.add_argument("--chunk-size", type=int, default=256, help="stream mode only")
    parser.add_argument("--threshold", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", default=None, help="where the pile is written")
    parser.add_argument(
        "--clusterer",
        choices=["storyline", "tfidf"],
        default="storyline",
        help="storyline's StoryClusterer, or the TF-IDF single-pass baseline",
    )
    parser.add_argument(
        "--cluster-batch",
        type=int,
        default=5000,
        help="storyline clusterer: articles read, mapped and added per batch (date order)",
    )
    run(parser.parse_args())


if __name__ == "__main__":
    main()
