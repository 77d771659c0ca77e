"""The SQL store on both backends: round trips, paged listings, full-text search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa

from storyline.model import Article, Citation, RemovedSpan, Span, Story, SummarySentence
from storyline.store.factory import open_store
from storyline.store.search import fts5_query
from storyline.store.sql import SqlStore


def make_article(n: int, text: str, story: str | None = None, **meta: Any) -> Article:
    return Article(
        id=f"a-{n:04d}",
        text=text,
        raw_text="HEADER\n" + text,
        source=f"test#{n}",
        removed=[RemovedSpan(0, 7, "HEADER\n", "navigation")],
        sentences=[Span(0, len(text))],
        story=story,
        **meta,
    )


@dataclass
class AnalysedStory(Story):
    """A story as later stages will extend it: extra keys in its brief object."""

    extra: dict[str, Any] | None = None

    def to_brief(self) -> dict[str, Any]:
        return {**super().to_brief(), **(self.extra or {})}


def filled_store(url: str) -> SqlStore:
    store = open_store(url)
    assert isinstance(store, SqlStore)
    articles = [
        make_article(1, "Russia readies two warships for the Syrian port of Tartus.", "s-a",
                     outlet="FT", date="2012-06-18"),
        make_article(2, "Russia readies two warships for the Syrian port of Tartus.", "s-a",
                     publisher="Blog", date="2012-06-19"),
        make_article(3, "The ICRC asked for a daily humanitarian truce in Homs, Syria.", "s-b",
                     outlet="Naharnet", date="2012-03-20"),
        make_article(4, "Floods closed the mountain road for a week.", "s-c"),
    ]  # fmt: skip
    articles[1].duplicate_of = "a-0001"
    store.add_articles(articles, [])
    stories = [
        Story("s-a", "Warships for Syria", ["a-0001", "a-0002"],
              [SummarySentence(articles[0].text, (Citation("a-0001", 0, len(articles[0].text)),))]),
        Story("s-b", "A truce for Homs", ["a-0003"]),
        Story("s-c", "Mountain road", ["a-0004"]),
    ]  # fmt: skip
    store.save_analysis(articles, stories)
    return store


def test_round_trip_and_existing_ids(db_url: str) -> None:
    with filled_store(db_url) as store:
        assert store.count_articles() == 4
        assert store.existing_ids(["a-0001", "a-9999", "a-0003"]) == {"a-0001", "a-0003"}
        (a,) = store.articles(["a-0002"])
        assert a.duplicate_of == "a-0001" and a.story == "s-a" and a.publisher == "Blog"
        assert a.raw_text[a.removed[0].start : a.removed[0].end] == a.removed[0].text
        # re-adding the same ids stores nothing new
        assert store.add_articles([make_article(1, "other")], []) == 0


def test_story_page_order_totals_and_figures(db_url: str) -> None:
    with filled_store(db_url) as store:
        page = store.story_page(10, 0)
        assert page.total == 3
        # latest first, undated last
        assert [s.id for s in page.items] == ["s-a", "s-b", "s-c"]
        first = page.items[0]
        assert (first.articles, first.duplicates) == (2, 1)
        assert first.outlets == ["Blog", "FT"]
        assert (first.first_date, first.last_date) == ("2012-06-18", "2012-06-19")
        seen = [s.id for off in range(3) for s in store.story_page(1, off).items]
        assert seen == ["s-a", "s-b", "s-c"]
        assert store.story_page(10, 3).items == [] and store.story_page(10, 3).total == 3


def test_story_page_filters_by_storyline(db_url: str) -> None:
    with open_store(db_url) as store:
        stories = [Story(f"s-{n}", f"Story {n}", [], storyline="l-1" if n % 2 else None)
                   for n in range(5)]  # fmt: skip
        store.save_analysis([], stories)
        page = store.story_page(1, 1, storyline="l-1")
        assert page.total == 2 and [s.id for s in page.items] == ["s-3"]
        assert page.items[0].storyline == "l-1"
        assert store.story_page(10, 0, storyline="l-none").total == 0
        assert store.story_page(10, 0).total == 5


def test_article_page_filters_by_story(db_url: str) -> None:
    with filled_store(db_url) as store:
        page = store.article_page(1, 1, story="s-a")
        assert page.total == 2 and [a.id for a in page.items] == ["a-0002"]
        assert store.article_page(50, 0).total == 4


def test_search_is_stemmed_conjunctive_and_paged(db_url: str) -> None:
    with filled_store(db_url) as store:
        assert [s.id for s in store.search_stories("warship", 10, 0).items] == ["s-a"]
        assert [s.id for s in store.search_stories("TRUCE homs", 10, 0).items] == ["s-b"]
        assert store.search_stories("truce warships", 10, 0).total == 0
        assert store.search_stories("zebra", 10, 0).total == 0
        both = store.search_stories("russia", 10, 0)
        assert both.total == 1  # the duplicate's text is not indexed twice as a story
        pages = [store.search_stories("syria", 1, off) for off in (0, 1, 2)]
        assert [p.total for p in pages] == [2, 2, 2]
        assert sorted(s.id for p in pages for s in p.items) == ["s-a", "s-b"]


@pytest.mark.parametrize(
    "query", ['"unbalanced', "a OR b*", "NEAR(x y)", "col:title", "'; DROP TABLE stories; --", "*"]
)
def test_search_syntax_is_not_interpreted(db_url: str, query: str) -> None:
    with filled_store(db_url) as store:
        page = store.search_stories(query, 5, 0)
        assert page.total == len(page.items) or page.total > 5
        assert store.story_page(10, 0).total == 3


def test_fts5_query_quotes_words() -> None:
    assert fts5_query('Putin "said" OR x*') == '"putin" "said" "or" "x"'
    assert fts5_query("  ") == ""


def test_story_brief_keeps_keys_added_by_later_stages(db_url: str) -> None:
    with open_store(db_url) as store:
        article = make_article(1, "Lavrov met Kellenberger in Moscow.", "s-x")
        store.add_articles([article], [])
        extra = {"quotes": [{"text": "We agree", "speaker": "Lavrov"}], "entities": []}
        store.save_analysis([article], [AnalysedStory("s-x", "Talks", ["a-0001"], extra=extra)])
        brief = store.story_brief("s-x")
        assert brief is not None and brief["quotes"] == extra["quotes"]
        assert brief["title"] == "Talks" and brief["articles"] == ["a-0001"]
        assert store.story_brief("s-missing") is None


def test_iter_story_briefs_pages_through_everything_in_id_order(db_url: str) -> None:
    with open_store(db_url) as store:
        stories = [Story(f"s-{n:04d}", f"Story {n}", []) for n in range(450, 0, -1)]
        store.save_analysis([], stories)
        ids = [b["id"] for b in store.iter_story_briefs()]
        assert ids == sorted(s.id for s in stories)


def test_save_analysis_replaces_stories_and_search_index(db_url: str) -> None:
    with filled_store(db_url) as store:
        article = store.articles(["a-0004"])[0]
        store.save_analysis([article], [Story("s-z", "Road closed by floods", ["a-0004"])])
        assert [s.id for s in store.story_page(10, 0).items] == ["s-z"]
        assert store.search_stories("warships", 10, 0).total == 0
        assert [s.id for s in store.search_stories("floods", 10, 0).items] == ["s-z"]


def test_opening_an_older_store_adds_the_new_columns(db_url: str) -> None:
    old = sa.MetaData()
    sa.Table(
        "stories",
        old,
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("storyline", sa.String(64)),
        sa.Column("articles", sa.Text, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
    )
    engine = sa.create_engine(db_url)
    old.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO stories (id, title, articles, summary) VALUES "
                "('s-old', 'Old story', '[\"a-1\"]', '[]'), ('s-b', 'B', '[]', '[]')"
            )
        )
    engine.dispose()
    with open_store(db_url) as store:
        page = store.story_page(10, 0)
        assert [(s.id, s.articles) for s in page.items] == [("s-b", 0), ("s-old", 1)]
        assert store.story_brief("s-old")["title"] == "Old story"


def test_nul_characters_are_stored_without_moving_offsets(db_url: str) -> None:
    text = "Officials met on Monday\x00 to discuss the plan."
    with open_store(db_url) as store:
        article = make_article(1, text, "s-n", title="Bad\x00title")
        assert store.add_articles([article], []) == 1
        (back,) = store.articles()
        assert back.text == text.replace("\x00", "\ufffd") and len(back.text) == len(text)
        assert back.title == "Bad\ufffdtitle"
        back.story = "s-n"
        store.save_analysis([back], [Story("s-n", back.title or "", [back.id])])
        assert store.search_stories("officials", 5, 0).total == 1


def test_plain_postgresql_urls_use_psycopg3() -> None:
    from storyline.store.factory import database_url

    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
