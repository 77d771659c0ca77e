"""The public API: the README's example runs as written; the stages are reachable from
``import storyline`` and give what the pipeline gives."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import storyline
from storyline.config import Options, SummaryOptions

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow


def test_the_readme_example_runs_as_written(tmp_path, monkeypatch, capsys):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    shutil_target = tmp_path / "repo"
    shutil_target.mkdir()
    (shutil_target / "samples").symlink_to(REPO / "samples")
    monkeypatch.chdir(shutil_target)
    exec(compile(code.group(1), "README.md", "exec"), {})
    assert "articles," in capsys.readouterr().out
    assert (shutil_target / "out" / "api-example" / "store.db").exists()


def test_in_memory_brief_writes_nothing_and_equals_the_stored_run(sample_dir, tmp_path):
    before = set(os.listdir(tmp_path))
    memory = storyline.brief([str(sample_dir)])
    assert set(os.listdir(tmp_path)) == before
    stored = storyline.brief([str(sample_dir)], store=tmp_path / "s.db")
    assert memory.to_json() == stored.to_json()
    assert memory.to_markdown() == stored.to_markdown()
    data = json.loads(memory.to_json())
    assert len(data["stories"]) == 2 and memory.usable
    assert memory.manifest()["counts"]["articles_read"] == 2


def test_options_reach_the_summaries(sample_dir):
    short = storyline.brief(
        [str(sample_dir)], Options(summary=SummaryOptions(words=30), analysis=False)
    )
    long = storyline.brief(
        [str(sample_dir)], Options(summary=SummaryOptions(words=200), analysis=False)
    )
    words = lambda b: sum(len(s.text.split()) for st in b.stories for s in st.summary)  # noqa: E731
    assert words(short) <= 30 * len(short.stories) < words(long)


def test_nothing_usable_is_said_not_hidden():
    empty = storyline.brief([{"text": ""}, ("blank.txt", b"   ")])
    assert not empty.usable and empty.articles == []
    assert all(r.status == "skipped" and r.reason for r in empty.reports)


def test_stage_functions():
    text = "Russia sent warships to Syria on Monday, officials said."
    copies = storyline.find_duplicates([text * 3, text * 3 + "\nShare this: Facebook"])
    assert copies == {"1": "0"} or copies == {"0": "1"}
    article = storyline.clean("Russia sent warships.\nShare this:\nFacebook")
    assert "Share this" not in article.text and article.removed
    dates = storyline.extract_dates("It began last week.", "2012-06-18")
    assert [d.text for d in dates] == ["last week"] and dates[0].value == "2012-W24"
    picked = storyline.summarize([text, text + " More came later."], words=20)
    assert picked and all(p.text for p in picked)
    assert set(storyline.__all__) >= {
        "brief",
        "clean",
        "find_duplicates",
        "cluster",
        "summarize",
        "extract_quotes",
        "extract_dates",
        "open_store",
        "Brief",
    }
