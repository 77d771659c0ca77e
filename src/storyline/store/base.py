"""The store interface every backend implements (SQLite now, PostgreSQL next).

Kept small on purpose: the pipeline only needs to add articles and input reports in
transactional batches, read articles back, and replace the derived analysis (duplicate
links, story assignments, stories) in one transaction, so an interrupted run leaves the
previous consistent state and a rerun completes it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from storyline.model import Article, InputReport, Story

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing: ``total`` counts every match, ``items`` the rows of this page."""

    items: list[T]
    total: int
    limit: int
    offset: int


@dataclass(frozen=True)
class StoryListing:
    """What a story list shows, computed when the analysis is saved."""

    id: str
    title: str
    articles: int
    duplicates: int
    outlets: list[str] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    storyline: str | None = None
    # filled by find_stories: outlets of the original articles, contradicted claims
    independent_outlets: int = 0
    contradictions: int = 0
    # the days it covers: its articles' dates, or the dates they state ("text")
    first_day: str | None = None
    last_day: str | None = None
    dated_by: str | None = None  # "articles" | "text"
    storyline_stories: int = 0  # stories in its storyline, itself included

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "storyline": self.storyline,
            "articles": self.articles,
            "duplicates": self.duplicates,
            "outlets": list(self.outlets),
            "first_date": self.first_date,
            "last_date": self.last_date,
            "independent_outlets": self.independent_outlets,
            "contradictions": self.contradictions,
            "first_day": self.first_day,
            "last_day": self.last_day,
            "dated_by": self.dated_by,
            "storyline_stories": self.storyline_stories,
        }


STORY_SORTS = ("latest", "articles", "outlets")


@dataclass
class StateRows:
    """Rows of a stage's state to write (``Store.save_analysis``): kind -> key -> text, None
    to remove the row. With ``replace``, every stored row of ``kinds`` goes first (a state
    written whole: a new store, or one converted from an older format)."""

    rows: Mapping[str, Mapping[str, str | None]] = field(default_factory=dict)
    replace: bool = False
    kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryFilter:
    """Which stories a list shows and in what order. Every given field narrows it:
    ``since``/``until`` (ISO days, inclusive) keep stories with an article dated within;
    ``outlet`` one that ran it (a copy counts); ``entity`` an entity id, name or alias
    (case-insensitive); ``contradicted`` stories with (True) or without (False) a
    contradicted claim. ``sort``: latest (last article date), articles (most first),
    outlets (most independent outlets first); ties by the latest order. With ``q`` the
    stories matching every word, best match first unless ``sort`` is given."""

    q: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    entity: str | None = None
    storyline: str | None = None
    contradicted: bool | None = None
    sort: str | None = None


class Store(ABC):
    @abstractmethod
    def add_articles(self, articles: Sequence[Article], reports: Sequence[InputReport]) -> int:
        """Insert new articles (existing ids are left as they are) and input reports in one
        transaction; return how many articles were new."""

    @abstractmethod
    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles sorted by id, with their analysis fields (sentences, duplicate_of, story)."""

    @abstractmethod
    def story(self, story_id: str) -> Story | None:
        """One stored story (summary and layer), or None."""

    @abstractmethod
    def save_analysis(
        self,
        articles: Sequence[Article],
        stories: Sequence[Story],
        state: dict[str, str] | None = None,
        keep: Collection[str] | None = None,
        row_changes: StateRows | None = None,
    ) -> None:
        """Update the analysis of ``articles`` (sentences, stored work, duplicate links,
        story assignments) and replace the stories atomically, with the stages' saved
        state (name -> JSON text) in the same transaction.

        Without ``keep`` every stored story is replaced by ``stories``; with it, the stored
        stories whose ids are in ``keep`` stay as they are (unchanged since saved), the
        rest of ``stories`` are written and every other stored story is removed. ``row_changes``
        are the changed rows of the stages' row state (``fetch_rows``), written in the same
        transaction; a state value "" removes that state."""

    @abstractmethod
    def load_state(self, name: str) -> str | None:
        """A stage's saved state (e.g. the incremental story clusterer), or None."""

    # A stage's state as rows, read on demand (cluster.rowmap.RowSource).

    @abstractmethod
    def fetch_rows(self, kind: str, keys: Sequence[str]) -> dict[str, str]:
        """The stored text of these keys of ``kind`` (absent keys left out)."""

    @abstractmethod
    def stored_keys(self, kind: str, keys: Sequence[str]) -> set[str]:
        """Which of these keys of ``kind`` are stored."""

    @abstractmethod
    def all_rows(self, kind: str) -> dict[str, str]: ...

    @abstractmethod
    def count_rows(self, kind: str) -> int: ...

    @abstractmethod
    def stories(self) -> list[Story]:
        """Stories sorted by id."""

    @abstractmethod
    def reports(self) -> list[InputReport]:
        """Every input report recorded, in insertion order."""

    @abstractmethod
    def count_articles(self) -> int: ...

    # Reads for the HTTP API and web UI: paged, in a stable order, totals exact.

    @abstractmethod
    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are already stored."""

    @abstractmethod
    def article_page(self, limit: int, offset: int, story: str | None = None) -> Page[Article]:
        """Articles ordered by id (optionally one story's), with the total count."""

    @abstractmethod
    def story_page(
        self, limit: int, offset: int, storyline: str | None = None
    ) -> Page[StoryListing]:
        """Stories (optionally one storyline's), latest first (last article date
        descending; a story with no dated article by the last day its articles state;
        undated last; then id)."""

    @abstractmethod
    def search_stories(self, query: str, limit: int, offset: int) -> Page[StoryListing]:
        """Full-text search over story titles, summaries and article texts, best match
        first (ties by id); every query word must match (stemmed)."""

    @abstractmethod
    def find_stories(self, where: StoryFilter, limit: int, offset: int) -> Page[StoryListing]:
        """Stories narrowed and ordered by ``where`` (see StoryFilter), with the total."""

    @abstractmethod
    def outlet_articles(self, outlet: str) -> list[Article]:
        """Articles whose outlet (or, with none, publisher) is ``outlet``, by id."""

    @abstractmethod
    def copies_of(self, ids: Iterable[str]) -> list[Article]:
        """Articles marked as copies (``duplicate_of``) of any of ``ids``, by id."""

    @abstractmethod
    def story_brief(self, story_id: str) -> dict[str, Any] | None:
        """The brief.json object of one story (with any keys later stages added)."""

    @abstractmethod
    def iter_story_briefs(self) -> Iterator[dict[str, Any]]:
        """Every story's brief.json object, ordered by story id."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
