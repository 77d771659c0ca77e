"""One explicit options object that flows down to every stage (no globals)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = 20 * 1024 * 1024  # larger inputs are skipped with a reason
    html_timeout_chars: int = 5_000_000  # HTML above this is truncated before extraction
    # trafilatura without its fallback extractors: several times faster on crawl-sized inputs
    html_fast: bool = True


@dataclass(frozen=True)
class DedupOptions:
    shingle_words: int = 5
    num_perm: int = 128
    seed: int = 1
    # Jaccard level LSH is tuned for; low because a trimmed repost has a Jaccard of about 0.5
    # with its original while containing it almost wholly (verified exactly afterwards)
    lsh_threshold: float = 0.3
    # verified with exact containment of shingle sets: |A & B| / min(|A|, |B|)
    min_containment: float = 0.8
    # texts with fewer shingles than this count as duplicates only when identical
    min_shingles: int = 5


@dataclass(frozen=True)
class ClusterOptions:
    # cosine similarity between an article and a story centroid needed to join it
    join_threshold: float = 0.3


@dataclass(frozen=True)
class RunOptions:
    """How per-article stages are executed (see storyline.run.executor)."""

    executor: str = "local"  # local | dask
    workers: int = 1  # processes (local) or Dask workers started for a LocalCluster
    scheduler: str | None = None  # address of an existing Dask scheduler
    chunk_size: int = 256  # articles per task; in flight at most 2 chunks per worker


@dataclass(frozen=True)
class SummaryOptions:
    words: int = 120
    redundancy: float = 0.5  # max cosine similarity to an already chosen sentence


@dataclass(frozen=True)
class Options:
    ingest: IngestOptions = field(default_factory=IngestOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    summary: SummaryOptions = field(default_factory=SummaryOptions)
    run: RunOptions = field(default_factory=RunOptions)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
