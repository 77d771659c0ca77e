"""The cluster's per-article map step: what one article gives the clusterer, with no shared
state, so an executor's workers can compute it while the clusterer adds another batch.

``StoryClusterer.add`` (``cluster.stories``) then only does what needs the pile's state:
document frequencies, vectors, grouping, the stories' and storylines' sums.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.clean.junk import junk_reason
from storyline.cluster.features import term_counts
from storyline.cluster.storylines import name_counts
from storyline.config import ClusterOptions
from storyline.model import parse_day


@dataclass(frozen=True)
class ClusterItem:
    id: str
    title: str
    text: str
    date: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Assignment:
    id: str
    story: str
    storyline: str


@dataclass(frozen=True)
class ArticleFeatures:
    """Weighted term and entity counts, whether the page is not an article at all (kept
    as a story of its own, with ``ClusterOptions.junk_singletons``), and the names its
    storyline is matched by."""

    terms: Counter[str]
    entities: Counter[str]
    junk: bool
    names: Counter[str]


def date_order(day: float | None, article_id: str) -> tuple[bool, float, str]:
    """The order articles are placed in: by day, then id; undated ones last."""
    return (day is None, day or 0.0, article_id)


def date_batches(ids: Sequence[str], dates: Sequence[str | None], size: int) -> list[list[int]]:
    """Indices in the batches ``StoryClusterer.add_in_batches`` adds: input order if all fit
    in one batch, else by ``date_order`` (stable), ``size`` at a time."""
    if size <= 0 or len(ids) <= size:
        return [list(range(len(ids)))]
    days = [parse_day(d) for d in dates]
    order = sorted(range(len(ids)), key=lambda i: date_order(days[i], ids[i]))
    return [order[start : start + size] for start in range(0, len(order), size)]


def is_junk(item: ClusterItem) -> bool:
    text = item.text or ""
    words = len(text.split())
    # a headline alone ("Facebook changes its privacy policy") is too short to judge
    if text.strip() == (item.title or "").strip() or words < 20:
        return False
    return junk_reason(text, words) is not None


def article_features(item: ClusterItem, opts: ClusterOptions) -> ArticleFeatures:
    """Per-article map step (no shared state)."""
    terms, entities = term_counts(
        item.title or "",
        item.text or "",
        opts.title_weight,
        opts.bigram_weight > 0,
        opts.stem,
        opts.lead_words,
        opts.lead_weight,
        opts.skip_name_bigrams,
    )
    junk = opts.junk_singletons and is_junk(item)
    # a non-article page is no storyline's evidence
    names = Counter() if junk else name_counts(item.title or "", item.text or "")
    return ArticleFeatures(terms, entities, junk, names)
