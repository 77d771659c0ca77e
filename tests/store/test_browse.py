"""Story list filters and sorts (store.browse) on both backends, and the outlet reads."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.layer import StoryLayer, TimelineEvent
from storyline.model import Story
from storyline.store import sql
from storyline.store.base import StoryFilter
from storyline.store.browse import story_days
from storyline.store.sql import SqlStore
from workbench_fixtures import workbench_store


def ids(store: SqlStore, **where: Any) -> list[str]:
    return [s.id for s in store.find_stories(StoryFilter(**where), 10, 0).items]


def test_filters_narrow_and_figures_fill(db_url: str) -> None:
    with workbench_store(db_url) as store:
        assert ids(store) == ["s-ships", "s-truce", "s-road"]  # latest, undated last
        page = store.find_stories(StoryFilter(), 10, 0)
        ships, truce, road = page.items
        assert (ships.independent_outlets, ships.first_day, ships.last_day) == (
            2, "2012-06-18", "2012-06-20",
        )  # fmt: skip
        assert ships.dated_by == "articles" and ships.contradictions == 0
        # undated articles: the days its own article states (a month), flagged
        assert (truce.first_day, truce.last_day, truce.dated_by) == (
            "2012-02-01", "2012-02-29", "text",
        )  # fmt: skip
        assert truce.contradictions == 1 and road.first_day is None
        assert ids(store, since="2012-06-01") == ["s-ships"]
        assert ids(store, until="2012-03-01") == ["s-truce"]
        assert ids(store, since="2012-02-29", until="2012-06-18") == ["s-ships", "s-truce"]
        assert ids(store, since="2013-01-01") == []
        assert ids(store, outlet="Blog") == ["s-ships"]  # a copy counts
        assert ids(store, outlet="Naharnet") == ["s-truce"]
        assert ids(store, entity="lavrov") == ids(store, entity="E1") == ["s-ships", "s-truce"]
        assert ids(store, contradicted=True) == ["s-truce"]
        assert ids(store, contradicted=False) == ["s-ships", "s-road"]
        assert ids(store, storyline="l-1", until="2012-03-01") == ["s-truce"]
        assert ids(store, sort="articles") == ["s-ships", "s-truce", "s-road"]
        assert sorted(ids(store, q="lavrov")) == ["s-ships", "s-truce"]
        assert ids(store, q="lavrov", contradicted=True) == ["s-truce"]
        assert store.find_stories(StoryFilter(q="lavrov", outlet="FT"), 10, 0).total == 1
        paged = [store.find_stories(StoryFilter(), 1, n).items[0].id for n in range(3)]
        assert paged == ids(store)


def test_sort_by_independent_outlets(db_url: str) -> None:
    with workbench_store(db_url) as store:
        assert ids(store, sort="outlets")[0] == "s-ships"  # FT and Reuters; the copy not
        assert store.find_stories(StoryFilter(sort="outlets"), 10, 0).total == 3


def test_outlet_articles_and_copies(db_url: str) -> None:
    with workbench_store(db_url) as store:
        assert [a.id for a in store.outlet_articles("Naharnet")] == ["a-4"]
        assert store.outlet_articles("Nobody") == []
        assert [a.id for a in store.copies_of(["a-1", "a-4"])] == ["a-2"]


@pytest.mark.parametrize(
    ("value", "days"),
    [("2012-12", ("2012-12-01", "2012-12-31")), ("2012", ("2012-01-01", "2012-12-31"))],
)
def test_stated_months_and_years_cover_their_days(value: str, days: tuple[str, str]) -> None:
    event = TimelineEvent(value, False, value, "a", 0, len(value))
    story = Story("s", "t", ["a"], layer=StoryLayer(timeline=[event]))
    assert story_days(story, []) == (*days, "text")


def test_latest_order_keeps_stated_days_when_stories_are_kept(db_url: str) -> None:
    """An undated story placed by the days its text states stays placed so when a later
    save keeps it (incremental) and rewrites the others."""
    with workbench_store(db_url) as store:
        before = ids(store)
        stories = store.stories()
        store.save_analysis(store.articles(), stories, keep={"s-truce"})
        assert ids(store) == before == ["s-ships", "s-truce", "s-road"]
        assert [s.id for s in store.story_page(10, 0).items] == before


def test_stories_written_a_few_at_a_time_are_listed_and_found_as_when_written_at_once(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """save_analysis writes stories in chunks (issue 17: memory); the list order, which
    needs every story's last day, and the search and facet rows come out the same."""
    with workbench_store(db_url) as store:
        queries: list[dict[str, Any]] = [
            {}, {"q": "lavrov"}, {"entity": "E1"}, {"contradicted": True}, {"outlet": "Blog"},
        ]  # fmt: skip
        before = [ids(store, **q) for q in queries]
        monkeypatch.setattr(sql, "WRITE_CHUNK", 1)
        store.save_analysis(store.articles(), store.stories())
        assert [ids(store, **q) for q in queries] == before
        assert before[0] == ["s-ships", "s-truce", "s-road"]
        store.save_analysis(store.articles(), store.stories(), keep={"s-truce"})
        assert [ids(store, **q) for q in queries] == before


def _stating(*values: str) -> Story:
    events = [TimelineEvent(v, False, v, "a", 0, len(v)) for v in values]
    return Story("s", "t", ["a"], layer=StoryLayer(timeline=events))


def test_history_and_forecasts_do_not_place_an_undated_story() -> None:
    # a Multi-News story listed as "undated (mentions 1800-01-01 – 2050-12-31)", first
    assert story_days(_stating("1800", "1966", "2011", "2050"), []) is None
    # precise days win over years; history a year before the latest one is left out
    assert story_days(_stating("1972-06-17", "1974-08-05", "2013-09", "2016"), []) == (
        "2013-09-01", "2013-09-30", "text",
    )  # fmt: skip
    assert story_days(_stating("2011", "2012"), []) == ("2011-01-01", "2012-12-31", "text")


def test_stories_placed_by_stated_days_list_after_dated_ones() -> None:
    from storyline.store.tables import list_ranks

    ranks = list_ranks(
        [
            ("s-a", None, "2050-12-31"),
            ("s-b", "2012-06-20", None),
            ("s-c", None, None),
            ("s-d", "2013-01-01", None),
        ]
    )
    assert sorted(ranks, key=ranks.__getitem__) == ["s-d", "s-b", "s-a", "s-c"]


def test_an_original_of_unknown_outlet_is_a_source_of_its_own() -> None:
    from types import SimpleNamespace

    from storyline.store.browse import facet_rows

    def member(aid: str, outlet: str | None, copy_of: str | None = None) -> Any:
        return SimpleNamespace(
            id=aid, outlet=outlet, publisher=None, date=None, duplicate_of=copy_of
        )

    members = [member("a-1", None), member("a-2", None, "a-1"), member("a-3", "FT")]
    rows = facet_rows(Story("s", "t", ["a-1", "a-2", "a-3"], layer=StoryLayer()), members)
    assert sorted(r["value"] for r in rows if r["facet"] == "source") == ["FT", "article a-1"]
    assert [r["value"] for r in rows if r["facet"] == "outlet"] == ["FT"]
