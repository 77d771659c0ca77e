"""A new ingest re-analyses only the stories it touches, with the same result as a full run."""

import logging
import re

import pytest

from helpers import assert_brief_offsets, load_brief
from storyline.config import Options
from storyline.nlp.spacy_model import pipeline_available
from storyline.run.pipeline import analyse_store, run_brief
from storyline.store.factory import open_store

# each test runs the pipeline on the sample pile (with spaCy) two or three times
pytestmark = pytest.mark.slow

QUAKE = (
    "A magnitude 6.1 earthquake struck the coast of Valparaiso in Chile on Tuesday, "
    "collapsing two bridges and cutting power to 40,000 homes, officials said.\n\n"
    '"We felt the building sway for almost a minute," said Marta Rojas, a teacher in '
    "Vina del Mar. Rescue teams searched the rubble of a market hall overnight.\n\n"
    "The national emergency office said 12 people were injured and ordered schools "
    "along the coast to stay closed until engineers had inspected them."
)
COPY_HEAD = "Posted by syria-watch-blog\nShare this:\nFacebook Twitter Email\n\n"


def _counts(caplog) -> tuple[int, int, int]:
    """(summarised again, stories, analysed again) from the pipeline's last log line."""
    pattern = re.compile(r"(\d+) of (\d+) stories summarised again, (\d+) analysed again")
    found = [pattern.search(r.getMessage()) for r in caplog.records]
    last = [m for m in found if m][-1]
    return int(last[1]), int(last[2]), int(last[3])


def _same_bytes_as_full_run(outdir, paths: list[str], db: str) -> None:
    """brief.json of an incremental run equals, byte for byte, a --full run's."""
    full = outdir.parent / (outdir.name + "-full")
    run_brief(paths, full, db=db, full=True)  # the same inputs again: nothing new to store
    assert (outdir / "brief.json").read_bytes() == (full / "brief.json").read_bytes()


def test_new_articles_reanalyse_only_their_storylines(sample_dir, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="storyline.run.pipeline")
    db = str(tmp_path / "store.db")
    run_brief([str(sample_dir)], tmp_path / "first", db=db)
    assert _counts(caplog) == (2, 2, 2)  # a new store: everything is new

    # an unrelated story: the two sample stories (one storyline) are kept as stored
    quake = tmp_path / "quake"
    quake.mkdir()
    (quake / "quake.txt").write_text(QUAKE, encoding="utf-8")
    run_brief([str(quake)], tmp_path / "second", db=db)
    assert _counts(caplog) == (1, 3, 1)
    second = load_brief(tmp_path / "second")
    assert_brief_offsets(second)
    _same_bytes_as_full_run(tmp_path / "second", [str(quake)], db)

    # a repost of one sample article changes that story's members: its summary is made
    # again, and both stories of its storyline get their layer again
    copy = tmp_path / "copy"
    copy.mkdir()
    raw = (sample_dir / "ft-repost-warships.txt").read_text(encoding="utf-8")
    (copy / "blog-copy.txt").write_text(COPY_HEAD + raw, encoding="utf-8")
    run_brief([str(copy)], tmp_path / "third", db=db)
    assert _counts(caplog) == (1, 3, 2)
    third = load_brief(tmp_path / "third")
    _same_bytes_as_full_run(tmp_path / "third", [str(copy)], db)
    if pipeline_available():  # the kept stories kept their layers too
        assert all("entities" in s for s in third["stories"])


def test_switching_the_layer_off_recomputes_every_story(sample_dir, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="storyline.run.pipeline")
    db = str(tmp_path / "store.db")
    run_brief([str(sample_dir)], tmp_path / "first", db=db)
    run_brief([str(sample_dir)], tmp_path / "again", db=db)
    assert _counts(caplog) == (0, 2, 0)  # nothing new: nothing is redone
    run_brief([str(sample_dir)], tmp_path / "off", db=db, options=Options(analysis=False))
    assert _counts(caplog) == (2, 2, 2)
    assert all("entities" not in s for s in load_brief(tmp_path / "off")["stories"])


def test_a_story_missing_from_the_store_gets_its_storyline_analysed_again(
    sample_dir, tmp_path, caplog
):
    caplog.set_level(logging.INFO, logger="storyline.run.pipeline")
    db = str(tmp_path / "store.db")
    run_brief([str(sample_dir)], tmp_path / "first", db=db)
    with open_store(db) as store:
        articles, stories, _ = analyse_store(store, Options())
        # keep the signatures but lose one story (as an interrupted save of old could)
        state = {"analysis": store.load_state("analysis")}
        store.save_analysis(articles, stories[1:], state)
    run_brief([str(sample_dir)], tmp_path / "again", db=db)
    assert _counts(caplog) == (1, 2, 2)  # one summary redone, its storyline's two layers
    _same_bytes_as_full_run(tmp_path / "again", [str(sample_dir)], db)


def test_a_storyline_whose_analysis_failed_is_tried_again(
    sample_dir, tmp_path, caplog, monkeypatch
):
    if not pipeline_available():
        pytest.skip("needs spaCy")
    import storyline.link.story_layer as story_layer

    real = story_layer.analyze_story

    def fails_once(*args, **kwargs):
        monkeypatch.setattr(story_layer, "analyze_story", real)
        raise MemoryError("injected")

    monkeypatch.setattr(story_layer, "analyze_story", fails_once)
    caplog.set_level(logging.INFO, logger="storyline.run.pipeline")
    db = str(tmp_path / "store.db")
    run_brief([str(sample_dir)], tmp_path / "first", db=db)
    assert all("entities" not in s for s in load_brief(tmp_path / "first")["stories"])
    run_brief([str(sample_dir)], tmp_path / "again", db=db)
    assert _counts(caplog) == (0, 2, 2)  # summaries kept, the failed storyline redone
    assert all(s["entities"] for s in load_brief(tmp_path / "again")["stories"])


def test_an_unreadable_saved_record_costs_a_full_recompute(sample_dir, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="storyline.run.pipeline")
    db = str(tmp_path / "store.db")
    run_brief([str(sample_dir)], tmp_path / "first", db=db)
    with open_store(db) as store:
        articles, stories, _ = analyse_store(store, Options())
        for garbage in ('{"stories": [1, 2]', '["not", "a", "record"]'):
            store.save_analysis(articles, stories, {"analysis": garbage})
            _, again, _ = analyse_store(store, Options())
            assert _counts(caplog) == (2, 2, 2)
            assert [s.to_brief() for s in again] == [s.to_brief() for s in stories]
