"""The storyline page's and the entity page's views, read from the store's stories.

A storyline's stories come from the story list's own query (``find_stories`` narrowed to
the storyline), so each carries the days it covers as the list shows them: its articles'
dates, or, when none is dated, the dates its articles state (``dated_by == "text"``).
Its entity table and timeline are made from the stories' typed layers
(``storyline.layer.storyline_layer``), as brief.json makes them. An entity's stories come
from the ``entity`` facet (story ids by entity id), its quotes from those stories' layers
(``QuoteItem.speaker_entity``); every quote shown is sliced from its stored article.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from storyline.brief.layer_view import left_out
from storyline.brief.lines import storyline_label
from storyline.layer import (
    EntityItem,
    QuoteItem,
    StoryLayer,
    TimelineEvent,
    fragment_words,
)
from storyline.model import Article
from storyline.store.base import Store, StoryFilter, StoryListing
from storyline.storyline_layer import storyline_layer

MAX_STORIES = 200  # a storyline page lists at most this many stories
MAX_EVENTS = 200  # ... and dated events
MAX_ENTITIES = 100  # ... and entities
MAX_QUOTES = 100  # an entity page lists at most this many quotes
MAX_MENTIONING = 200  # ... and stories


@dataclass(frozen=True)
class LineStory:
    """One story on a storyline's time axis."""

    listing: StoryListing
    lead: str  # its first summary sentence, "" without one
    layer: StoryLayer | None


def _lead(brief: dict[str, Any]) -> str:
    summary = brief.get("summary") or []
    first = summary[0] if summary and isinstance(summary[0], dict) else {}
    return str(first.get("text") or "")


def time_order(items: list[StoryListing]) -> list[StoryListing]:
    """Stories by the first day they cover, then the last, then id; undated last."""
    return sorted(
        items, key=lambda s: (s.first_day is None, s.first_day or "", s.last_day or "", s.id)
    )


def _texts(store: Store, ids: set[str]) -> dict[str, Article]:
    return {a.id: a for a in store.articles(sorted(ids))} if ids else {}


def _said(sliced: str, quote: QuoteItem) -> str:
    """The words said, from the stored article's slice: a quote's fragments, not the
    attribution between them."""
    return fragment_words(sliced, quote.start, quote.fragments or ()) if sliced else ""


def source_label(article: Article | None) -> str:
    """What a citation shows of its article: the outlet and the day, in words; the id
    and character offsets go to the link's tooltip (an analyst reads "Naharnet,
    2012-02-10", not "a-3c6b02b5cbc81a4e [2050–2058]")."""
    if article is None:
        return "source gone from the store"
    outlet = article.outlet or article.publisher or "outlet unknown"
    return f"{outlet}, {article.date[:10]}" if article.date else outlet


def cite_title(articles: dict[str, Article], article: str, start: int, end: int) -> str:
    """The tooltip of a citation link: the article's title (or file), id and offsets (the
    cited words are beside it: an untitled article's opening would say nothing more)."""
    found = articles.get(article)
    name = f"{found.file_label} · " if found is not None else ""
    return f"{name}{article}, characters {start}–{end}"


def new_lead(title: str, lead: str) -> str:
    """The lead sentence when it says more than the title; "" when the title is the lead
    (or its cut start: a story without a headline is titled by its lead)."""
    head = title.rstrip("…").rstrip()
    return "" if not lead or lead.strip().startswith(head) else lead


def _slice(articles: dict[str, Article], article: str, start: int, end: int) -> str:
    found = articles.get(article)
    if found is None or not 0 <= start < end <= len(found.text):
        return ""
    return found.text[start:end]


def storyline_view(store: Store, line: str) -> dict[str, Any] | None:
    """A storyline's stories in time order (each with its lead sentence, outlets and
    counts), its timeline (every story's dated events by date, each citing its article
    and offsets) and the entities running through it (most named first)."""
    listing = store.find_stories(StoryFilter(storyline=line), MAX_STORIES, 0)
    if not listing.items:
        return None
    stories: list[LineStory] = []
    for item in time_order(listing.items):
        brief = store.story_brief(item.id) or {}
        lead = new_lead(item.title, _lead(brief))
        stories.append(LineStory(item, lead, StoryLayer.from_dict(brief)))
    layer = storyline_layer(line, [(s.listing.id, s.layer) for s in stories])
    titles = {s.listing.id: s.listing.title for s in stories}
    numbers = {s.listing.id: n for n, s in enumerate(stories, start=1)}
    # a timeline row shows the sentence its story's layer kept for the event
    events: dict[tuple[str, int, int], TimelineEvent] = {
        (e.article, e.start, e.end): e
        for s in stories
        if s.layer is not None
        for e in s.layer.timeline
    }
    shown = layer.timeline[:MAX_EVENTS]
    articles = _texts(store, {t.article for t in shown})
    timeline = []
    for t in shown:
        event = events.get((t.article, t.start, t.end))
        timeline.append(
            {
                "date": t.value,
                "label": t.label,
                "year_inferred": t.year_inferred,
                "written": _slice(articles, t.article, t.start, t.end),
                "said": event.said if event else "",
                "story": t.story,
                "story_title": titles.get(t.story, t.story),
                "article": t.article,
                "source": source_label(articles.get(t.article)),
                "cite_title": cite_title(articles, t.article, t.start, t.end),
                "start": t.start,
                "end": t.end,
            }
        )
    return {
        "line": line,
        "label": storyline_label(
            [e.name for e in layer.entities], [s.listing.title for s in stories]
        ),
        "stories": stories,
        "total_stories": listing.total,
        "timeline": timeline,
        "hidden_events": max(0, len(layer.timeline) - MAX_EVENTS),
        "entities": layer.entities[:MAX_ENTITIES],
        "hidden_entities": max(0, len(layer.entities) - MAX_ENTITIES),
        "titles": titles,
        "numbers": numbers,
        # each entity's stories as their numbers on the time axis
        "in_stories": {
            e.id: sorted(numbers[sid] for sid in e.stories if sid in numbers)
            for e in layer.entities[:MAX_ENTITIES]
        },
    }


@dataclass(frozen=True)
class EntityQuote:
    """A quote of the entity as speaker, its text sliced from the stored article."""

    quote: QuoteItem
    story: str
    said: str  # its words from article.text ("" when the article is gone)
    source: str  # its article in words (``source_label``)
    cite_title: str  # ... and as id and offsets (``cite_title``)


def entity_view(store: Store, entity: str) -> dict[str, Any] | None:
    """Every story (and storyline) whose layer holds entity ``entity``, its name, type,
    aliases and roles over them, and its quotes as speaker with citations."""
    found = store.find_stories(StoryFilter(entity=entity), MAX_MENTIONING, 0)
    own: list[tuple[StoryListing, EntityItem, StoryLayer]] = []
    for item in time_order(found.items):
        layer = StoryLayer.from_dict(store.story_brief(item.id) or {})
        # the facet matches names too: keep only the stories holding this id
        match = next((e for e in layer.entities if e.id == entity), None) if layer else None
        if layer is not None and match is not None:
            own.append((item, match, layer))
    if not own:
        return None
    first = own[0][1]
    aliases = sorted({a for _, e, _ in own for a in e.aliases} - {first.name})
    roles = sorted({e.role for _, e, _ in own if e.role})
    spoken = [
        (item.id, q)
        for item, _, layer in own
        for q in sorted(layer.quotes, key=lambda q: (q.article, q.start, q.end))
        # what who said what leaves to brief.json (what the entity knows or sees rather
        # than says) is left to the API here too
        if q.speaker_entity == entity and not left_out(q)
    ]
    shown = spoken[:MAX_QUOTES]
    articles = _texts(store, {q.article for _, q in shown})
    quotes = [
        EntityQuote(
            q,
            sid,
            _said(_slice(articles, q.article, q.start, q.end), q),
            source_label(articles.get(q.article)),
            cite_title(articles, q.article, q.start, q.end),
        )
        for sid, q in shown
    ]
    # a storyline is shown by the titles of this entity's stories in it, not its id
    lines: dict[str, list[str]] = {}
    for item, _, _ in own:
        if item.storyline:
            lines.setdefault(item.storyline, []).append(item.title)
    return {
        "entity": first,
        "aliases": aliases,
        "roles": roles,
        "stories": [
            {"listing": item, "mentions": len(e.mentions), "articles": len(e.articles)}
            for item, e, _ in own
        ],
        "storylines": [{"id": k, "titles": v} for k, v in sorted(lines.items())],
        "quotes": quotes,
        "hidden_quotes": max(0, len(spoken) - MAX_QUOTES),
        "titles": {item.id: item.title for item, _, _ in own},
    }
