"""A small store for the workbench's list filters, outlet page and exports: stories dated
by their articles, by the dates their text states, and undated; a syndicated copy; an
entity with an alias; a contradicted claim. No spaCy needed."""

from __future__ import annotations

from typing import Any

from storyline.layer import ClaimItem, EntityItem, MentionRef, StoryLayer, TimelineEvent
from storyline.model import Article, Citation, Span, Story, SummarySentence
from storyline.store.factory import open_store
from storyline.store.sql import SqlStore


def article(n: int, text: str, story: str, **meta: Any) -> Article:
    return Article(
        id=f"a-{n}", text=text, raw_text=text, source=f"t#{n}", sentences=[Span(0, len(text))],
        story=story, **meta,
    )  # fmt: skip


WARSHIPS = "Russia readies two warships for the Syrian port of Tartus, said Sergei Lavrov."
TRUCE = "The ICRC asked for a daily truce in Homs. Lavrov backed it in February."
# markup in an article and an outlet name: shown as text, never run
ROAD = "Floods closed the <script>alert(1)</script> mountain road for a week."
ROAD_OUTLET = "Local <b>News</b>"
SHIP_LAVROV, TRUCE_LAVROV, FEB = WARSHIPS.index("Sergei"), TRUCE.index("Lavrov"), TRUCE.index("Feb")


def workbench_store(url: str) -> SqlStore:
    """Four stories: dated by articles (June, with a copy), dated only by what its text
    states (February), undated, and one with a contradicted claim."""
    store = open_store(url)
    assert isinstance(store, SqlStore)
    articles = [
        article(1, WARSHIPS, "s-ships", outlet="FT", date="2012-06-18"),
        article(2, WARSHIPS, "s-ships", outlet="Blog", date="2012-06-19"),
        article(3, WARSHIPS + " More.", "s-ships", outlet="Reuters", date="2012-06-20"),
        article(4, TRUCE, "s-truce", outlet="Naharnet"),
        article(5, ROAD, "s-road", outlet=ROAD_OUTLET),
    ]
    articles[1].duplicate_of = "a-1"
    store.add_articles(articles, [])

    def lavrov(article: str, start: int, end: int) -> EntityItem:
        mention = MentionRef(article, start, end)
        return EntityItem("E1", "Sergei Lavrov", "PERSON", ["Lavrov"], None, [mention])

    ships = Story(
        "s-ships", "Warships", ["a-1", "a-2", "a-3"],
        [SummarySentence(WARSHIPS, (Citation("a-1", 0, len(WARSHIPS)),))], "l-1",
        StoryLayer(entities=[lavrov("a-1", SHIP_LAVROV, SHIP_LAVROV + 13)]),
    )  # fmt: skip
    truce = Story(
        "s-truce", "Truce", ["a-4"], [], "l-1",
        StoryLayer(
            entities=[lavrov("a-4", TRUCE_LAVROV, TRUCE_LAVROV + 6)],
            timeline=[
                TimelineEvent("2012-02", False, "February", "a-4", FEB, FEB + 8),
                # another story's event: never dates this one
                TimelineEvent("2012-06-18", False, "Russia", "a-1", 0, 6),
            ],
            claims=[ClaimItem("c1", "statement", "truce", "truce", "contradicted", ["Naharnet"])],
        ),
    )  # fmt: skip
    road = Story(
        "s-road", "Mountain <i>road</i>", ["a-5"],
        [SummarySentence(ROAD, (Citation("a-5", 0, len(ROAD)),))],
    )  # fmt: skip
    store.save_analysis(articles, [ships, truce, road])
    return store
