"""The store interface every backend implements (SQLite now, PostgreSQL next).

Kept small on purpose: the pipeline only needs to add articles and input reports in
transactional batches, read articles back, and replace the derived analysis (duplicate
links, story assignments, stories) in one transaction, so an interrupted run leaves the
previous consistent state and a rerun completes it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from typing import Any

from storyline.model import Article, InputReport, Story


class Store(ABC):
    @abstractmethod
    def add_articles(self, articles: Sequence[Article], reports: Sequence[InputReport]) -> int:
        """Insert new articles (existing ids are left as they are) and input reports in one
        transaction; return how many articles were new."""

    @abstractmethod
    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Articles sorted by id, with their analysis fields (sentences, duplicate_of, story)."""

    @abstractmethod
    def save_analysis(self, articles: Sequence[Article], stories: Sequence[Story]) -> None:
        """Replace sentences, duplicate links, story assignments and all stories atomically."""

    @abstractmethod
    def stories(self) -> list[Story]:
        """Stories sorted by id."""

    @abstractmethod
    def reports(self) -> list[InputReport]:
        """Every input report recorded, in insertion order."""

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
