"""Response shapes of the JSON API, for the OpenAPI document at /docs.

A story object allows extra keys: later stages add entities, quotes, facts, timeline and
claims to brief.json, and the API passes them through unchanged.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class StoryListingOut(BaseModel):
    id: str
    title: str
    storyline: str | None = Field(description="the storyline this story belongs to, if any")
    articles: int = Field(description="member articles, duplicates included")
    duplicates: int
    outlets: list[str]
    first_date: str | None
    last_date: str | None
    independent_outlets: int = Field(0, description="outlets of its original articles")
    contradictions: int = Field(0, description="its contradicted claims")
    first_day: str | None = Field(None, description="first day it covers (ISO)")
    last_day: str | None = Field(None, description="last day it covers (ISO)")
    dated_by: str | None = Field(
        None, description="articles (their dates) or text (dates they state, none dated)"
    )
    storyline_stories: int = Field(
        0, description="stories in its storyline, itself included (0: no storyline)"
    )


class StoryPage(BaseModel):
    total: int = Field(description="rows matching, over all pages")
    limit: int
    offset: int
    items: list[StoryListingOut]


class CitationOut(BaseModel):
    article: str
    start: int = Field(description="offset into the article's cleaned text, inclusive")
    end: int = Field(description="offset into the article's cleaned text, exclusive")


class SummarySentenceOut(BaseModel):
    text: str
    citations: list[CitationOut]
    partial: bool = False  # the start of a source sentence, shown with "…"


class StoryBrief(BaseModel):
    """A brief.json story object; analysis stages may add keys (entities, quotes, ...)."""

    model_config = ConfigDict(extra="allow")

    id: str
    title: str
    storyline: str | None
    articles: list[str]
    summary: list[SummarySentenceOut]


class RemovedSpanOut(BaseModel):
    start: int = Field(description="offset into raw_text, inclusive")
    end: int = Field(description="offset into raw_text, exclusive")
    text: str
    reason: str


class ArticleOut(BaseModel):
    id: str
    text: str
    title: str | None
    outlet: str | None
    publisher: str | None
    url: str | None
    date: str | None
    year: int | None
    lang: str | None
    source: str
    record_id: str | None = Field(None, description='the input record\'s own "id", if any')
    removed: list[RemovedSpanOut]
    duplicate_of: str | None
    story: str | None


class ArticleDetail(ArticleOut):
    raw_text: str = Field(description="the text as read, before boilerplate was removed")
    sentences: list[tuple[int, int]] = Field(description="[start, end) offsets into text")


class ArticlePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[ArticleOut]


class ItemPage(BaseModel):
    """Entities or quotes as the analysis stages wrote them, each with its story id."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]


class DocumentOutcomeOut(BaseModel):
    source: str = Field(description='"request#N", or "upload/NAME" (+ "#..." for a record)')
    status: str = Field(description="new | exists | skipped")
    article: str | None
    reason: str


class InputOut(BaseModel):
    name: str
    status: str = Field(description="read | skipped")
    reason: str
    documents: int


class IngestResult(BaseModel):
    articles: list[DocumentOutcomeOut]
    inputs: list[InputOut]
    counts: dict[str, int]
    read: int
    analysed: bool = Field(description="whether the analysis was recomputed (new articles)")
    stories: int | None
