"""What an analyst narrows a story list by, kept beside the stories (SqlStore's helper).

Each story's facets are rows of one table, written with the stories in the same
transaction (``facet_rows``): the outlets that ran it (``outlet``, copies included), the
outlets of its original articles (``source``: its independent outlets), its entities
(``entity``: id; ``entity_name``: lowercased name and aliases) and its contradicted
claims (``contradicted``: claim id), and the days it covers (``first_day``,
``last_day``): from its articles' dates, or, when none is dated, from the dates its own
articles state (its timeline's events), flagged by ``dated`` = ``articles`` | ``text``.
``find_stories`` filters and sorts on them with plain SQL on both backends. A store saved before this table existed has no facets until
its next analysis (filters by outlet, entity or contradiction then find nothing).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from storyline.model import Article, Story, calendar_day, placing_dates
from storyline.store.base import Page, StoryFilter, StoryListing
from storyline.store.export import story_layer

if TYPE_CHECKING:
    from storyline.store.sql import SqlStore

metadata = sa.MetaData()

facets_table = sa.Table(
    "story_facets",
    metadata,
    sa.Column("story_id", sa.String(64), nullable=False),
    sa.Column("facet", sa.String(16), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    # one story's facet of a kind (the list's figures), and the stories with a value
    sa.Index("ix_story_facets_story_facet", "story_id", "facet", "value"),
    sa.Index("ix_story_facets_facet_value", "facet", "value"),
)


def create_schema(conn: sa.Connection) -> None:
    """The facets table and its indexes (an older store's table gets the indexes too:
    with only a story_id index, SQLite looked figures up by facet and scanned)."""
    metadata.create_all(conn)
    for index in facets_table.indexes:
        index.create(conn, checkfirst=True)


def stated_last_days(
    conn: sa.Connection,
    stories: Sequence[Story],
    members: dict[str, list[Any]],
    kept: Iterable[str],
) -> dict[str, str]:
    """The last day each story's articles state, for the stories with no dated article:
    from ``stories`` being written (their layer) and from the facets of ``kept`` ones."""
    found: dict[str, str] = {}
    for story in stories:
        days = story_days(story, members.get(story.id, []))
        if days is not None and days[2] == "text":
            found[story.id] = days[1]
    wanted = sorted(set(kept))
    f = facets_table
    for chunk in range(0, len(wanted), 500):
        part = wanted[chunk : chunk + 500]
        rows = conn.execute(
            sa.select(f.c.story_id, f.c.value).where(
                f.c.facet == "last_day", f.c.story_id.in_(part)
            )
        )
        found.update({r.story_id: r.value for r in rows})
    return found


# a search narrowed by filters ranks at most this many hits (the best ones)
SEARCH_HITS = 2000


def _span(value: str) -> tuple[date, date] | None:
    """The days an ISO date, month or year covers ("2012-02": Feb 1 to 29)."""
    first = calendar_day(value)
    if first is None:
        return None
    text = value.strip()
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return first, first
    if len(text) >= 7 and text[4] == "-":
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    return first, date(first.year, 12, 31)


def story_days(story: Story, members: Sequence[Any]) -> tuple[str, str, str] | None:
    """(first day, last day, "articles" | "text"): the days a story's articles are dated,
    or, when none is, the days its own articles state (its timeline's events)."""
    dated = sorted(str(m.date)[:10] for m in members if m.date and calendar_day(m.date))
    if dated:
        return dated[0], dated[-1], "articles"
    own = set(story.articles)
    stated = placing_dates([e.value for e in story_layer(story).timeline if e.article in own])
    spans = [span for value in stated if (span := _span(value)) is not None]
    if not spans:
        return None
    first = min(s[0] for s in spans).isoformat()
    return first, max(s[1] for s in spans).isoformat(), "text"


def facet_rows(story: Story, members: Sequence[Any]) -> list[dict[str, str]]:
    """A story's facet rows; ``members`` are its stored article rows (outlet, publisher,
    date, duplicate_of)."""
    found: set[tuple[str, str]] = set()
    days = story_days(story, members)
    if days is not None:
        found |= {("first_day", days[0]), ("last_day", days[1]), ("dated", days[2])}
    for m in members:
        outlet = m.outlet or m.publisher
        if outlet:
            found.add(("outlet", outlet))
        if not m.duplicate_of:
            # an original whose outlet is unknown is still a source of its own (as claims
            # count it): never "1 article, 0 independent outlets"
            found.add(("source", outlet or f"article {m.id}"))
    layer = story_layer(story)
    for entity in layer.entities:
        found.add(("entity", entity.id))
        found.update(("entity_name", n.strip().lower()) for n in [entity.name, *entity.aliases])
    for claim in layer.claims:
        if claim.status == "contradicted":
            found.add(("contradicted", claim.id))
    return [{"story_id": story.id, "facet": f, "value": v} for f, v in sorted(found)]


def _facet(story_id: Any, facet: str) -> Any:
    f = facets_table
    return (
        sa.select(sa.func.count())
        .where(f.c.story_id == story_id, f.c.facet == facet)
        .scalar_subquery()
    )


def _having(facet: str, values: Iterable[str] | None) -> Any:
    """Stories with ``facet`` (any value, or one of ``values``)."""
    f = facets_table
    query = sa.select(f.c.story_id).where(f.c.facet == facet)
    return query if values is None else query.where(f.c.value.in_(list(values)))


def _value(story_id: Any, facet: str) -> Any:
    f = facets_table
    return (
        sa.select(sa.func.max(f.c.value))
        .where(f.c.story_id == story_id, f.c.facet == facet)
        .scalar_subquery()
    )


def find_stories(
    store: SqlStore, where: StoryFilter, limit: int, offset: int
) -> Page[StoryListing]:
    from storyline.store.tables import LISTING_COLUMNS, listing_from_row, stories_table

    t = stories_table
    conditions: list[Any] = []
    if where.storyline:
        conditions.append(t.c.storyline == where.storyline)
    if where.since:  # still going on the first day asked for
        ended = facets_table.c.value >= where.since[:10]
        conditions.append(t.c.id.in_(_having("last_day", None).where(ended)))
    if where.until:  # begun by the last day asked for
        begun = facets_table.c.value <= where.until[:10]
        conditions.append(t.c.id.in_(_having("first_day", None).where(begun)))
    if where.outlet:
        conditions.append(t.c.id.in_(_having("outlet", [where.outlet])))
    if where.entity:
        name = where.entity.strip()
        conditions.append(
            sa.or_(
                t.c.id.in_(_having("entity", [name])),
                t.c.id.in_(_having("entity_name", [name.lower()])),
            )
        )
    if where.contradicted is not None:
        contradicted = t.c.id.in_(_having("contradicted", None))
        conditions.append(contradicted if where.contradicted else sa.not_(contradicted))
    ranked: list[str] | None = None
    searched: Page[StoryListing] | None = None
    if where.q and where.q.strip():
        if not conditions and not where.sort:  # a plain search: paged by the index itself
            searched = store.search_stories(where.q, limit, offset)
            ranked = [s.id for s in searched.items]
        else:
            ranked = [s.id for s in store.search_stories(where.q, SEARCH_HITS, 0).items]
        conditions.append(t.c.id.in_(ranked))
    independent = _facet(t.c.id, "source").label("independent_outlets")
    contradictions = _facet(t.c.id, "contradicted").label("contradictions")
    days = [_value(t.c.id, name).label(name) for name in ("first_day", "last_day", "dated")]
    peers = t.alias("peers")  # a storyline of one story is no storyline to show
    line_size = (
        sa.select(sa.func.count())
        .select_from(peers)
        .where(peers.c.storyline == t.c.storyline)
        .scalar_subquery()
        .label("storyline_stories")
    )
    query = sa.select(*LISTING_COLUMNS, independent, contradictions, *days, line_size).where(
        *conditions
    )
    count = sa.select(sa.func.count()).select_from(t).where(*conditions)
    order = {
        "articles": [sa.func.coalesce(t.c.article_count, 0).desc()],
        "outlets": [independent.desc()],
    }.get(where.sort or "", [])
    # latest: list_rank, saved with the stories (the last article date, or for a story no
    # article of which is dated the last day they state; undated last): an index scan
    query = query.order_by(*order, t.c.list_rank, t.c.id)
    with store.engine.connect() as conn:
        if searched is not None:
            rows = {r.id: r for r in conn.execute(query)}
            total, page = searched.total, [rows[i] for i in ranked or [] if i in rows]
        elif ranked is not None and not where.sort:  # best match first
            rows = {r.id: r for r in conn.execute(query)}
            hits = [rows[i] for i in ranked if i in rows]
            total, page = len(hits), hits[offset : offset + limit]
        else:
            total = conn.execute(count).scalar_one()
            page = list(conn.execute(query.limit(limit).offset(offset)))
    items = [
        replace(
            listing_from_row(r),
            independent_outlets=r.independent_outlets,
            contradictions=r.contradictions,
            first_day=r.first_day,
            last_day=r.last_day,
            dated_by=r.dated,
            storyline_stories=r.storyline_stories,
        )
        for r in page
    ]
    return Page(items, total, limit, offset)


def outlet_articles(store: SqlStore, outlet: str) -> list[Article]:
    from storyline.store.tables import article_from_row, articles_table

    t = articles_table
    named = sa.or_(t.c.outlet == outlet, sa.and_(t.c.outlet.is_(None), t.c.publisher == outlet))
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(t).where(named).order_by(t.c.id))
        return [article_from_row(r) for r in rows]


def copies_of(store: SqlStore, ids: Iterable[str]) -> list[Article]:
    from storyline.store.tables import article_from_row, articles_table

    t = articles_table
    wanted = sorted(set(ids))
    found: list[Article] = []
    with store.engine.connect() as conn:
        for chunk in range(0, len(wanted), 500):
            part = wanted[chunk : chunk + 500]
            rows = conn.execute(sa.select(t).where(t.c.duplicate_of.in_(part)))
            found += [article_from_row(r) for r in rows]
    return sorted(found, key=lambda a: a.id)
