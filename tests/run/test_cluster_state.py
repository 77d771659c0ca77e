"""A stored pile's clusterer state: rows read on demand; an older store's JSON converted."""

from __future__ import annotations

import json
import random

import pytest

from helpers import dated_docs
from storyline.cluster.state_rows import META, META_KEY, read_meta
from storyline.config import Options
from storyline.errors import StorylineError
from storyline.run.cluster_state import CLUSTER_INDEX, CLUSTER_STATE
from storyline.run.pipeline import analyse_store, store_items
from storyline.run.stages import build_stories, run_stages
from storyline.store.base import StateRows
from storyline.store.factory import open_store

OPTIONS = Options(analysis=False)


def _texts(seed: int, stories: int) -> list[str]:
    rng = random.Random(seed)
    letters = "bcdfghklmnprstvz"

    def word() -> str:
        return "".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(3))

    vocab = [word() for _ in range(1_500)]
    out = []
    for _ in range(stories):
        topic = [rng.choice(vocab) for _ in range(12)]
        for _ in range(rng.choice([1, 2, 3])):
            out.append(
                " ".join(rng.choice(topic + vocab[:40]) for _ in range(60)).capitalize() + "."
            )
    return out


def _placed(store) -> list[tuple[str, str | None, str | None]]:
    articles, _, _ = analyse_store(store, OPTIONS)
    return [(a.id, a.story, a.storyline) for a in articles]


def test_an_older_store_is_converted_and_places_new_articles_the_same(tmp_path):
    texts = _texts(4, 30)
    first, later = texts[: len(texts) // 2], texts[len(texts) // 2 :]
    with open_store(tmp_path / "rows.db") as rows, open_store(tmp_path / "old.db") as old:
        store_items(rows, dated_docs(first))
        analyse_store(rows, OPTIONS)
        # an older store: the clusterer's state as one JSON text in the stage state
        store_items(old, dated_docs(first))
        articles = old.articles()
        state: dict[str, str] = {}
        run_stages(articles, OPTIONS, state=state)
        assert state[CLUSTER_STATE] and read_meta(old) is None
        old.save_analysis(articles, build_stories(articles, OPTIONS), state)

        for store in (rows, old):
            store_items(store, dated_docs(later, start=len(first)))
        assert _placed(old) == _placed(rows)
        assert old.load_state(CLUSTER_STATE) is None  # converted, the old text removed
        assert read_meta(old) is not None
        assert json.loads(old.load_state(CLUSTER_INDEX) or "{}")["state"]


def test_rows_of_an_unknown_version_fail_with_a_clear_message(tmp_path):
    texts = _texts(5, 6)
    with open_store(tmp_path / "s.db") as store:
        store_items(store, dated_docs(texts[:-1]))
        analyse_store(store, OPTIONS)
        meta = read_meta(store) or {}
        changed = {META: {META_KEY: json.dumps(meta | {"version": 99})}}
        store.save_analysis([], store.stories(), {}, keep=None, row_changes=StateRows(changed))
        store_items(store, dated_docs(texts[-1:], start=len(texts)))
        with pytest.raises(StorylineError, match="E401"):
            analyse_store(store, OPTIONS)
