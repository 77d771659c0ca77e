"""The analyst's layer made in worker processes is the one made in this process."""

import shutil

import pytest

from news_fixtures import ELECTION, QUAKE_A, QUAKE_B
from storyline.config import Options, RunOptions
from storyline.nlp.spacy_model import pipeline_available
from storyline.run.pipeline import run_brief

pytestmark = pytest.mark.skipif(not pipeline_available(), reason="spaCy model not installed")


@pytest.fixture
def pile(tmp_path, sample_dir):
    """The sample's two Syria articles and three more storylines (quakes, an election)."""
    folder = tmp_path / "pile"
    folder.mkdir()
    for path in sample_dir.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    for item in [*QUAKE_A, *QUAKE_B, *ELECTION]:
        (folder / f"{item.id}.txt").write_text(f"{item.title}\n\n{item.text}\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_the_layer_is_the_same_in_worker_processes_and_any_batch_size(pile, tmp_path):
    """Batches of 3 articles cut across the storylines; two worker processes parse them
    (more than one batch: the executor is used) and hand back the records in order."""
    briefs = {}
    runs = {
        "in process": RunOptions(workers=1),
        "small batches": RunOptions(workers=1, layer_batch=3),
        "two workers": RunOptions(workers=2, layer_batch=3),
    }
    for name, run in runs.items():
        out = tmp_path / name.replace(" ", "-")
        run_brief([str(pile)], out, options=Options(run=run))
        briefs[name] = (out / "brief.json").read_bytes()
    assert b'"entities"' in briefs["in process"] and b'"claims"' in briefs["in process"]
    assert briefs["small batches"] == briefs["in process"]
    assert briefs["two workers"] == briefs["in process"]
