"""The streaming ``storyline cluster`` gives what the in-memory path gave, on any executor."""

from __future__ import annotations

import json
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from news_fixtures import BOILER_BOTTOM, BOILER_TOP, ELECTION, OTHER, QUAKE_A, QUAKE_B, WIRE
from storyline.cli import app
from storyline.cluster.stories import StoryClusterer, date_batches
from storyline.commands.cluster import cluster_file, load_items
from storyline.config import ClusterOptions, RunOptions
from storyline.dedup.near import find_duplicates
from storyline.run.stream_cluster import Skipped, ahead, read_records

SMALL_BATCHES = ClusterOptions(batch_articles=3)


def in_memory_rows(path: Path, options: ClusterOptions, state: dict | None = None) -> list[dict]:
    """The pre-streaming ``cluster_file``: everything loaded, then dedup and cluster."""
    items, _, _ = load_items(path)
    clusterer = StoryClusterer.from_state(state, options) if state else StoryClusterer(options)
    duplicates = find_duplicates([(it.id, it.text or it.title, it.date, it.source) for it in items])
    originals = [it for it in items if it.id not in duplicates]
    assignments = {a.id: a for a in clusterer.add_in_batches(originals)}
    rows = []
    for item_id in sorted({it.id for it in items}):
        a = assignments[duplicates.get(item_id, item_id)]
        dup = duplicates.get(item_id)
        rows.append(
            {"id": item_id, "story": a.story, "storyline": a.storyline, "duplicate_of": dup}
        )
    return rows


def record(item, **extra) -> str:
    rec = {"id": item.id, "title": item.title, "text": item.text, "date": item.date}
    return json.dumps(rec | extra)


def write_pile(path: Path) -> Path:
    lines = [record(it) for it in QUAKE_A + QUAKE_B + ELECTION]
    lines += [
        json.dumps(
            {
                "id": "w-blog",
                "title": "",
                "text": BOILER_TOP + WIRE + BOILER_BOTTOM,
                "source": "Some Blog",
            }
        ),  # fmt: skip
        json.dumps({"id": "w-afp", "title": "Malaria vaccine", "text": WIRE, "source": "AFP"}),
        json.dumps({"id": 17, "title": "Tram", "text": OTHER, "date": "2021-10-05"}),
        "{not json",
        json.dumps({"id": "empty", "title": "", "text": ""}),
        json.dumps({"title": "no id"}),
        # a repeated id: dedup reads its last line, the clusterer keeps its first
        record(replace(QUAKE_B[0], id="qa-2", date="2020-11-02")),
        "",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("options", [ClusterOptions(), SMALL_BATCHES])
def test_stream_equals_the_in_memory_path(tmp_path, options):
    pile = write_pile(tmp_path / "in.jsonl")
    out = tmp_path / "out.jsonl"
    n, skipped = cluster_file(pile, out, options)
    assert rows_of(out) == in_memory_rows(pile, options)
    assert n == len(rows_of(out)) == 11
    assert [s.line for s in skipped] == [12, 13, 14]
    by_id = {r["id"]: r for r in rows_of(out)}
    # undated copies: the one whose outlet the other's text names (AFP) is the original
    assert by_id["w-blog"]["duplicate_of"] == "w-afp"
    assert by_id["w-blog"]["story"] == by_id["w-afp"]["story"]


@pytest.mark.slow
def test_local_processes_and_dask_write_identical_files(tmp_path):
    from dask.distributed import LocalCluster

    pile = write_pile(tmp_path / "in.jsonl")
    outs = [tmp_path / f"{name}.jsonl" for name in ("one", "local2", "dask")]
    cluster_file(pile, outs[0], SMALL_BATCHES, run=RunOptions(chunk_size=2))
    cluster_file(pile, outs[1], SMALL_BATCHES, run=RunOptions(workers=2, chunk_size=2))
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        run = RunOptions(executor="dask", scheduler=cluster.scheduler_address, chunk_size=2)
        cluster_file(pile, outs[2], SMALL_BATCHES, run=run)
    assert outs[0].read_bytes() == outs[1].read_bytes() == outs[2].read_bytes()
    assert rows_of(outs[0]) == in_memory_rows(pile, SMALL_BATCHES)


def test_state_continuation_equals_the_in_memory_path(tmp_path):
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(record(it) for it in QUAKE_A[:2] + QUAKE_B[:2]) + "\n")
    second.write_text(
        "\n".join(record(it) for it in [QUAKE_A[1], QUAKE_A[2], QUAKE_B[2], *ELECTION]) + "\n"
    )
    state = tmp_path / "state.json"
    cluster_file(first, tmp_path / "a.out", SMALL_BATCHES, state_path=state)
    saved = json.loads(state.read_text())
    cluster_file(second, tmp_path / "b.out", SMALL_BATCHES, state_path=state)
    expected = in_memory_rows(second, SMALL_BATCHES, saved)
    assert rows_of(tmp_path / "b.out") == expected
    a = {r["id"]: r["story"] for r in rows_of(tmp_path / "a.out")}
    b = {r["id"]: r["story"] for r in expected}
    assert b["qa-3"] == a["qa-1"] and b["qb-3"] == a["qb-1"] and b["qa-2"] == a["qa-2"]


@pytest.mark.slow
def test_cli_executor_options_and_skipped_lines(tmp_path):
    pile = write_pile(tmp_path / "in.jsonl")
    runner = CliRunner()
    outs = []
    for n, flags in enumerate((["--workers", "1"], ["--executor", "local", "--workers", "2"])):
        outs.append(tmp_path / f"out{n}.jsonl")
        result = runner.invoke(app, ["cluster", str(pile), "-o", str(outs[-1]), *flags])
        assert result.exit_code == 0, result.output
        assert "skipped line 12: invalid JSON" in result.output
        assert "skipped line 13: empty title and text" in result.output
    assert outs[0].read_bytes() == outs[1].read_bytes()
    bad = runner.invoke(app, ["cluster", str(pile), "-o", str(outs[0]), "--scheduler", "x:1"])
    assert bad.exit_code != 0


def test_lines_are_numbered_as_a_text_mode_read_and_bad_utf8_is_skipped(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = [record(it).encode() for it in QUAKE_A]
    path.write_bytes(good[0] + b"\r\n" + good[1] + b"\r" + b"\xff\xfe{}\n\n" + good[2] + b"\n")
    got = list(read_records(path))
    assert isinstance(got[2], Skipped) and got[2].line == 3 and "UTF-8" in got[2].reason
    offsets = [g[0] for g in got if not isinstance(g, Skipped)]
    assert [g[1].id for g in got if not isinstance(g, Skipped)] == ["qa-1", "qa-2", "qa-3"]
    data = path.read_bytes()
    assert [data[o : o + 12] for o in offsets] == [line[:12] for line in good]
    with path.open(encoding="utf-8", errors="replace") as fh:
        assert len(fh.readlines()) == 5  # the same count of lines as text mode


def test_date_batches_follow_add_in_batches():
    ids = ["c", "a", "b", "d"]
    dates = ["2021-01-02", None, "2021-01-02", "2021-01-01"]
    assert date_batches(ids, dates, 10) == [[0, 1, 2, 3]]  # one batch: input order
    assert date_batches(ids, dates, 2) == [[3, 2], [0, 1]]  # day, id; undated last


def test_a_repeated_id_is_batched_by_its_last_lines_date(tmp_path):
    # "x" first carries an election text dated late, then a quake text dated early: the
    # batches order it by its last line's date, as add_in_batches does
    lines = [record(it) for it in QUAKE_A + QUAKE_B + ELECTION]
    lines.insert(0, record(replace(ELECTION[0], id="x", date="2020-12-30")))
    lines.append(record(replace(QUAKE_A[0], id="x", date="2020-10-29")))
    pile = tmp_path / "in.jsonl"
    pile.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cluster_file(pile, tmp_path / "out.jsonl", SMALL_BATCHES)
    assert rows_of(tmp_path / "out.jsonl") == in_memory_rows(pile, SMALL_BATCHES)


def test_lines_ending_in_a_lone_cr_and_a_pipe_give_the_same_output(tmp_path):
    import os
    import threading

    pile = write_pile(tmp_path / "in.jsonl")
    cluster_file(pile, tmp_path / "lf.jsonl", SMALL_BATCHES)
    cr = tmp_path / "cr.jsonl"
    cr.write_bytes(pile.read_bytes().replace(b"\n", b"\r"))
    cluster_file(cr, tmp_path / "cr-out.jsonl", SMALL_BATCHES)
    assert (tmp_path / "cr-out.jsonl").read_bytes() == (tmp_path / "lf.jsonl").read_bytes()
    # a FIFO (as from `<(zcat pile.jsonl.gz)`) is read once and spooled
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(pile.read_bytes()))
    writer.start()
    cluster_file(fifo, tmp_path / "pipe-out.jsonl", SMALL_BATCHES)
    writer.join()
    assert (tmp_path / "pipe-out.jsonl").read_bytes() == (tmp_path / "lf.jsonl").read_bytes()


@pytest.mark.parametrize("overlap", [True, False])
def test_ahead_loads_the_next_batch_while_the_caller_adds_this_one(overlap):
    main = threading.current_thread()
    picked_in: list[bool] = []
    second_loading = threading.Event()

    def jobs():
        for job in range(3):
            picked_in.append(threading.current_thread() is main)  # the caller owns the store
            yield job

    def load(job: int) -> int:
        if job == 1:
            second_loading.set()
        return 10 * job

    got = []
    for loaded in ahead(jobs(), load, overlap):
        if loaded == 0:  # batch 1 is being loaded while batch 0 is in the caller's hands
            assert second_loading.wait(5 if overlap else 0.05) is overlap
        got.append(loaded)
    assert got == [0, 10, 20]
    assert picked_in == [True, True, True]
