"""Per-article work (sentences, MinHash band keys) is made once and read by later runs."""

from __future__ import annotations

import random

import numpy as np
import pytest
import sqlalchemy as sa

import storyline.run.cluster_state as cluster_state
import storyline.run.stages as stages
from helpers import dated_docs
from storyline.cluster.state_rows import read_meta
from storyline.config import Options
from storyline.dedup.minhash import band_keys, fingerprint
from storyline.run.incremental import work_version
from storyline.run.pipeline import analyse_store, store_items
from storyline.store.factory import open_store

OPTIONS = Options(analysis=False)


def _texts(seed: int, stories: int) -> list[str]:
    """Stories with reposts (near-duplicates) and paraphrases."""
    rng = random.Random(seed)
    vocab = [f"word{i}" for i in range(2_000)]
    out = []
    for _ in range(stories):
        topic = [rng.choice(vocab) for _ in range(12)]
        body = "\n\n".join(
            " ".join(rng.choice(topic + vocab[:50]) for _ in range(18)).capitalize() + "."
            for _ in range(rng.randrange(3, 7))
        )
        out.append(body)
        for copy in range(rng.choice([0, 1, 2])):
            out.append(f"Share this story {copy}\n\n{body}")
    return out


def _analysis(store):
    articles = store.articles()
    stories = store.stories()
    return (
        [(a.id, a.sentences, a.duplicate_of, a.story, a.work, a.band_keys) for a in articles],
        [s.to_brief() for s in stories],
    )


@pytest.fixture
def counted(monkeypatch):
    """How many texts were split and fingerprinted."""
    calls = {"split": 0, "fingerprint": 0}
    split, keys = stages.split_sentences, stages.fingerprint_keys

    def counting_split(*args, **kwargs):
        calls["split"] += 1
        return split(*args, **kwargs)

    def counting_keys(*args, **kwargs):
        calls["fingerprint"] += 1
        return keys(*args, **kwargs)

    monkeypatch.setattr(stages, "split_sentences", counting_split)
    monkeypatch.setattr(stages, "fingerprint_keys", counting_keys)
    return calls


def test_stored_work_is_read_not_made_again_and_equals_a_full_run(tmp_path, counted):
    first, later = _texts(1, 30), _texts(2, 3)
    with open_store(tmp_path / "s.db") as store:
        store_items(store, dated_docs(first))
        articles, _, _ = analyse_store(store, OPTIONS)
        assert counted == {"split": len(articles), "fingerprint": len(articles)}
        assert any(a.duplicate_of for a in articles)
        version = work_version(OPTIONS)
        for article in store.articles():  # stored with the article
            assert article.work == version and article.sentences
            expected = band_keys(fingerprint(article.text, OPTIONS.dedup).signature, OPTIONS.dedup)
            assert np.array_equal(np.frombuffer(article.band_keys, dtype=np.uint64), expected)

        counted.update(split=0, fingerprint=0)
        _, _, added = store_items(store, dated_docs(later, start=len(first)))
        analyse_store(store, OPTIONS)
        assert counted == {"split": added, "fingerprint": added}  # only the new articles
        incremental = _analysis(store)

        counted.update(split=0, fingerprint=0)
        analyse_store(store, OPTIONS)  # nothing new: nothing made
        assert counted == {"split": 0, "fingerprint": 0}
        assert _analysis(store) == incremental

        analyse_store(store, OPTIONS, incremental=False)  # --full makes everything again
        assert counted["split"] == counted["fingerprint"] == len(first) + len(later)
        assert _analysis(store) == incremental


def test_work_of_another_version_is_made_again(tmp_path, counted, monkeypatch):
    with open_store(tmp_path / "s.db") as store:
        store_items(store, dated_docs(_texts(3, 10)))
        analyse_store(store, OPTIONS)
        before = _analysis(store)
        counted.update(split=0, fingerprint=0)
        monkeypatch.setattr(stages, "work_version", lambda options: "another")
        analyse_store(store, OPTIONS)
        assert counted["split"] == counted["fingerprint"] == store.count_articles()
        after = _analysis(store)
        assert {row[4] for row in after[0]} == {"another"}
        assert [row[:4] for row in after[0]] == [row[:4] for row in before[0]]


def test_a_store_made_before_stored_work_is_upgraded(db_url):
    db = db_url
    with open_store(db) as store:
        store_items(store, dated_docs(_texts(4, 8)))
        analyse_store(store, OPTIONS)
        expected = [row[:4] for row in _analysis(store)[0]]
    engine = sa.create_engine(db)
    with engine.begin() as conn:  # the columns an older storyline did not have
        conn.execute(sa.text("ALTER TABLE articles DROP COLUMN work"))
        conn.execute(sa.text("ALTER TABLE articles DROP COLUMN band_keys"))
        conn.execute(sa.text("DELETE FROM stage_state WHERE name = 'dedup'"))
    engine.dispose()
    with open_store(db) as store:
        assert {a.work for a in store.articles()} == {None}
        analyse_store(store, OPTIONS)
        rows = _analysis(store)[0]
        assert [row[:4] for row in rows] == expected
        assert all(row[4] and row[5] for row in rows)


def test_a_run_with_nothing_to_cluster_does_not_read_the_clusterer(tmp_path, monkeypatch):
    texts = _texts(5, 12)
    with open_store(tmp_path / "s.db") as store:
        store_items(store, dated_docs(texts))
        analyse_store(store, OPTIONS)
        # reposts of stored originals only: their stories come from the saved index
        originals = [a for a in store.articles() if a.duplicate_of is None]
        reposts = [f"Posted by a blog {n}\n\n{a.text}" for n, a in enumerate(originals[:3])]
        store_items(store, dated_docs(reposts, start=len(texts)))

        def no_reading(*args, **kwargs):
            raise AssertionError("the clusterer state was read")

        with monkeypatch.context() as patch:
            patch.setattr(cluster_state, "from_rows", no_reading)
            articles, _, _ = analyse_store(store, OPTIONS)
            analyse_store(store, OPTIONS)  # nothing new at all
        indexed = _analysis(store)
        copies = [a for a in articles if a.source.startswith(f"doc{len(texts):04d}")]
        assert copies and all(a.duplicate_of and a.story for a in copies)
        # the same stories and storylines as read from the clusterer itself
        assert read_meta(store) is not None
        store.save_analysis([], store.stories(), {stages.CLUSTER_INDEX: "[]"}, keep=None)
        again, _, _ = analyse_store(store, OPTIONS)
        assert _analysis(store) == indexed
        assert [(a.story, a.storyline) for a in again] == [(a.story, a.storyline) for a in articles]


def test_articles_a_parallel_run_analysed_are_checked_again(tmp_path):
    # run A stores a repost and its analysis; run B, which started before and never saw
    # it, saves its dedup state last: the repost has stored work but no edges in that state
    texts = _texts(6, 10)
    with open_store(tmp_path / "s.db") as store:
        store_items(store, dated_docs(texts))
        analyse_store(store, OPTIONS)
        older = store.load_state("dedup")
        original = next(a for a in store.articles() if a.duplicate_of is None)
        store_items(store, dated_docs([f"Posted by a blog\n\n{original.text}"], start=len(texts)))
        articles, _, _ = analyse_store(store, OPTIONS)
        repost = next(a for a in articles if a.source == f"doc{len(texts):04d}.txt")
        assert repost.duplicate_of == original.id
        store.save_analysis([], store.stories(), {"dedup": older}, keep=None)
        analyse_store(store, OPTIONS)
        again = {a.id: a for a in store.articles()}
        assert again[repost.id].duplicate_of == original.id
