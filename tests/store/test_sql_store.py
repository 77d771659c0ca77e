import os
import uuid

import pytest
import sqlalchemy as sa

from storyline.model import (
    Article,
    Citation,
    InputReport,
    RemovedSpan,
    Span,
    Story,
    SummarySentence,
)
from storyline.store.factory import database_url, open_store

BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("STORYLINE_TEST_PG_URL") else [])


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    if request.param == "sqlite":
        s = open_store(tmp_path / "t.db")
        yield s
        s.close()
        return
    # a fresh database per test keeps PostgreSQL tests independent
    admin = sa.create_engine(os.environ["STORYLINE_TEST_PG_URL"], isolation_level="AUTOCOMMIT")
    name = "t_" + uuid.uuid4().hex[:12]
    with admin.connect() as conn:
        conn.execute(sa.text(f"CREATE DATABASE {name}"))
    url = sa.make_url(os.environ["STORYLINE_TEST_PG_URL"]).set(database=name)
    s = open_store(url.render_as_string(hide_password=False))
    yield s
    s.close()
    with admin.connect() as conn:
        conn.execute(sa.text(f"DROP DATABASE {name}"))
    admin.dispose()


def art(aid: str, text: str = "Some text here.") -> Article:
    return Article(
        id=aid,
        text=text,
        raw_text="Share this\n" + text,
        source=f"{aid}.txt",
        outlet="AFP",
        removed=[RemovedSpan(0, 10, "Share this", "share prompt")],
    )


def test_round_trip_and_idempotent_add(store):
    assert (
        store.add_articles([art("b"), art("a")], [InputReport("x.txt", "read", "", "d" * 64, 2)])
        == 2
    )
    assert store.add_articles([art("a")], []) == 0
    got = store.articles()
    assert [a.id for a in got] == ["a", "b"]
    assert got[0].removed == [RemovedSpan(0, 10, "Share this", "share prompt")]
    assert store.count_articles() == 2
    assert store.reports() == [InputReport("x.txt", "read", "", "d" * 64, 2)]


def test_analysis_is_replaced_atomically(store):
    store.add_articles([art("a"), art("b")], [])
    articles = store.articles()
    articles[0].sentences = [Span(0, 10)]
    articles[1].duplicate_of = "a"
    for a in articles:
        a.story = "s-1"
    summary = [SummarySentence("Some text", (Citation("a", 0, 9),))]
    store.save_analysis(articles, [Story("s-1", "Title", ["a", "b"], summary)])
    got = store.articles()
    assert got[0].sentences == [Span(0, 10)] and got[1].duplicate_of == "a"
    assert store.stories() == [Story("s-1", "Title", ["a", "b"], summary)]
    with pytest.raises(TypeError):
        store.save_analysis(articles, [Story("s-2", None, object(), [])])  # type: ignore[arg-type]
    assert [s.id for s in store.stories()] == ["s-1"]  # the failed save left the old state


def test_stored_work_round_trips_and_kept_stories_stay_as_stored(store):
    added = [art(i, f"Text of {i}.") for i in "abcd"]
    for a, day in zip(added, "1234", strict=True):
        a.date = f"2024-01-0{day}"
    store.add_articles(added, [])
    articles = store.articles()
    assert {(a.work, a.band_keys) for a in articles} == {(None, None)}
    for a, story in zip(articles, ["s-1", "s-1", "s-2", "s-3"], strict=True):
        a.story, a.work, a.band_keys = story, "v1", bytes([1, 255]) * 8
    store.save_analysis(
        articles,
        [Story("s-1", "One", ["a", "b"]), Story("s-2", "Two", ["c"]), Story("s-3", "Three", ["d"])],
    )
    assert {(a.work, a.band_keys) for a in store.articles()} == {("v1", bytes([1, 255]) * 8)}
    before = {s.id: s for s in store.stories()}
    briefs = {sid: store.story_brief(sid) for sid in before}
    # s-1 kept as stored (even though the story passed in differs), s-2 rewritten,
    # s-3 gone, s-4 new; only the article moved is passed
    e = art("e", "Text of e.")
    e.date = "2024-01-09"
    store.add_articles([e], [])
    e.story = "s-4"
    store.save_analysis(
        [e],
        [
            Story("s-1", "Changed?", ["a", "b"]),
            Story("s-2", "Two again", ["c"]),
            Story("s-4", "Four", ["e"]),
        ],
        keep={"s-1"},
    )
    after = {s.id: s for s in store.stories()}
    assert after["s-1"] == before["s-1"] and store.story_brief("s-1") == briefs["s-1"]
    assert after["s-2"].title == "Two again" and sorted(after) == ["s-1", "s-2", "s-4"]
    assert [(x.id, x.last_date) for x in store.story_page(10, 0).items] == [
        ("s-4", "2024-01-09"),  # latest first: the kept story moved down the list
        ("s-2", "2024-01-03"),
        ("s-1", "2024-01-02"),
    ]
    assert [x.id for x in store.search_stories("two", 10, 0).items] == ["s-2"]
    assert store.search_stories("three", 10, 0).items == []


def test_failed_batch_leaves_earlier_batches_and_a_rerun_completes(store):
    store.add_articles([art("a")], [])
    broken = art("b")
    broken.text = None  # type: ignore[assignment]  # NOT NULL violation mid-batch
    with pytest.raises(sa.exc.IntegrityError):
        store.add_articles([art("c"), broken], [InputReport("c.txt", "read")])
    assert [a.id for a in store.articles()] == ["a"]
    assert store.reports() == []
    assert store.add_articles([art("a"), art("b"), art("c")], []) == 2
    assert [a.id for a in store.articles()] == ["a", "b", "c"]


def test_database_url():
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("x.db").startswith("sqlite:////")
    with pytest.raises(ValueError):
        open_store("mysql://u@h/db")


def test_a_story_layer_is_stored_and_read_back_as_typed_records(store):
    from helpers import sample_layer

    store.add_articles([art("a1"), art("a9")], [])
    articles = store.articles()
    for a in articles:
        a.story = "s-1"
    layered = Story("s-1", "Title", ["a1", "a9"], [], "l-1", sample_layer("a1"))
    bare = Story("s-2", "Other", [], [], None, None)
    store.save_analysis(articles, [layered, bare])
    got = {s.id: s for s in store.stories()}
    assert got["s-1"].layer == layered.layer and got["s-2"].layer is None
    assert store.story_brief("s-1") == layered.to_brief()
