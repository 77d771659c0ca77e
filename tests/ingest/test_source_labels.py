"""Source labels: relative to the input root (no absolute server path reaches the store,
the API or the pages) and printable (a file name that is not UTF-8 costs nothing)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from storyline.config import IngestOptions, Options
from storyline.ingest.files import ingest_paths
from storyline.model import InputReport, RawDocument
from storyline.run.pipeline import run_brief
from storyline.store.factory import open_store

BODY = (
    "The harbour authority reopened the northern pier on Monday after repairs. "
    "Officials said ferry services would resume within a week. "
)


def items(paths: list[str]) -> tuple[list[RawDocument], list[InputReport]]:
    found = list(ingest_paths(paths, IngestOptions()))
    docs = [i for i in found if isinstance(i, RawDocument)]
    return docs, [i for i in found if isinstance(i, InputReport)]


def test_sources_are_relative_to_the_input_root(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    (pile / "sub").mkdir(parents=True)
    (pile / "a.txt").write_text(BODY)
    (pile / "sub" / "b.txt").write_text(BODY.replace("northern", "southern"))
    (pile / "c.jsonl").write_text(json.dumps({"text": BODY.replace("pier", "quay")}) + "\n{\n")
    (pile / ".hidden").write_text(BODY)
    single = tmp_path / "single.txt"
    single.write_text(BODY.replace("Monday", "Friday"))
    docs, reports = items([str(pile), str(single), str(tmp_path / "missing.txt")])
    assert sorted(d.source for d in docs) == [
        "pile/a.txt", "pile/c.jsonl#L1", "pile/sub/b.txt", "single.txt"
    ]  # fmt: skip
    labels = {r.source: r.status for r in reports}
    assert labels["pile/.hidden"] == "skipped" and labels["pile/c.jsonl#L2"] == "skipped"
    assert labels["pile/c.jsonl"] == "read" and labels["single.txt"] == "read"
    assert not any(str(tmp_path) in r.source for r in reports if r.status == "read")
    # a relative argument is labelled the same way
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert sorted(d.source for d in items(["pile"])[0])[0] == "pile/a.txt"
        assert sorted(d.source for d in items(["./pile/"])[0])[0] == "pile/a.txt"
    finally:
        os.chdir(cwd)


def test_a_file_name_that_is_not_utf8_loses_nothing(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "good.txt").write_text(BODY)
    bad = os.fsdecode(b"bad\xff name\x1b.txt")  # surrogate-escaped on Linux
    (pile / bad).write_text(BODY.replace("Monday", "Tuesday"))
    out = tmp_path / "out"
    result = run_brief([str(pile)], out, options=Options(analysis=False))
    assert result.counts()["inputs_read"] == 2 and result.new_articles == 2
    sources = sorted(a.source for a in result.articles)
    assert sources == ["pile/bad\\xff name\\x1b.txt", "pile/good.txt"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert {i["source"] for i in manifest["inputs"]} == set(sources)
    with open_store(out / "storyline.db") as store:
        assert store.count_articles() == 2
