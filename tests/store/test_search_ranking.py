"""Search ranks by relevance with story size as a boost, on both backends (issue 16: "Trump
lawyer" ranked a 1-article story above the 9-article story about it)."""

from __future__ import annotations

import pytest

from storyline.model import Article, Span, Story
from storyline.store.factory import open_store
from storyline.store.sql import SqlStore

COHEN = [  # nine articles about Trump's lawyer
    "Michael Cohen, President Trump's longtime personal lawyer, pleaded guilty on Tuesday to "
    "eight counts in federal court in Manhattan.",
    "Cohen told the judge he had arranged payments to two women at the direction of the "
    "candidate, implicating Trump directly.",
    "The former lawyer for Trump admitted to tax evasion and bank fraud and to campaign "
    "finance violations.",
    "Prosecutors said Cohen hid more than $4 million in income from the IRS over five years.",
    "Lanny Davis, Cohen's own attorney, said his client was ready to tell investigators "
    "everything he knows.",
    "The plea deal does not include a cooperation agreement, prosecutors said, though Cohen "
    "may still talk to Mueller.",
    "Trump's personal attorney Rudy Giuliani said nothing in the plea implicated the "
    "president in any wrongdoing.",
    "Cohen, who once said he would take a bullet for Trump, left the courthouse without "
    "speaking to reporters.",
    "Sentencing was set for December; the charges carry a combined maximum of 65 years.",
]
SMALL = (  # one article that has both words
    "A lawyer for a Trump Organization contractor said on Friday that the dispute over "
    "unpaid bills in Atlantic City had been settled out of court."
)
PASSING = [  # nine articles about something else, both words once in passing
    "The city council approved the new stadium budget after a long debate about parking.",
    "Residents said the plan would bring traffic; the mayor said it would bring jobs.",
    "A lawyer representing neighbours said they would appeal the zoning decision.",
    "The developer, who once worked on projects with Donald Trump, starts building in May.",
    "Council members voted seven to two in favour of the plan.",
    "Opponents gathered outside city hall with signs.",
    "The stadium is expected to seat 40,000 fans.",
    "Tax breaks for the developer were trimmed by amendment.",
    "The team's owner thanked the council.",
]
FILLER = "A story about weather, crops and markets in the region, with rain expected."


def ranked_store(url: str) -> SqlStore:
    store = open_store(url)
    assert isinstance(store, SqlStore)
    articles: list[Article] = []
    stories: list[Story] = []

    def add(sid: str, title: str, texts: list[str]) -> None:
        ids = []
        for text in texts:
            n = len(articles) + 1
            articles.append(
                Article(
                    f"a-{n:04d}", text, text, f"t#{n}", sentences=[Span(0, len(text))], story=sid
                )
            )
            ids.append(articles[-1].id)
        stories.append(Story(sid, title, ids))

    add("s-big", "Michael Cohen pleads guilty to eight counts", COHEN)
    add("s-small", "Contractor dispute settled", [SMALL])
    add("s-passing", "Council approves stadium budget", PASSING)
    for i in range(12):  # ordinary small stories, as most of a pile is
        add(f"s-f{i:02d}", f"Weather {i}", [f"{FILLER} Day {i}.", f"{FILLER} Again {i}."])
    # two stories that match equally well: the larger one comes first
    add("s-tie-1", "Harbour ferry strike", ["Ferry workers strike at the harbour."])
    add("s-tie-3", "Harbour ferry strike", ["Ferry workers strike at the harbour."] * 3)
    store.add_articles(articles, [])
    store.save_analysis(articles, stories)
    return store


def test_the_story_about_the_words_outranks_a_small_one_and_a_passing_mention(
    db_url: str,
) -> None:
    with ranked_store(db_url) as store:
        page = store.search_stories("Trump lawyer", 10, 0)
        assert [s.id for s in page.items] == ["s-big", "s-small", "s-passing"]
        assert page.total == 3
        # paged one by one, the same order and total
        pages = [store.search_stories("Trump lawyer", 1, off) for off in range(3)]
        assert [p.items[0].id for p in pages] == ["s-big", "s-small", "s-passing"]
        assert {p.total for p in pages} == {3}


def test_equal_relevance_puts_the_larger_story_first(db_url: str) -> None:
    with ranked_store(db_url) as store:
        assert [s.id for s in store.search_stories("ferry strike", 10, 0).items] == [
            "s-tie-3",
            "s-tie-1",
        ]


def test_size_boost_grows_slowly() -> None:
    from storyline.store.search import size_boost

    assert size_boost(1) == 1.0 and size_boost(0) == 1.0 and size_boost(None) == 1.0
    assert size_boost(2) < size_boost(9) < size_boost(100) < 2.5
    assert size_boost(9) == pytest.approx(1.79, abs=0.01)
