"""One explicit options object that flows down to every stage (no globals)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = 20 * 1024 * 1024  # larger inputs are skipped with a reason
    html_timeout_chars: int = 5_000_000  # HTML above this is truncated before extraction


@dataclass(frozen=True)
class DedupOptions:
    shingle_words: int = 5
    num_perm: int = 128
    seed: int = 1
    lsh_threshold: float = 0.5
    # verified with exact containment of shingle sets: |A & B| / min(|A|, |B|)
    min_containment: float = 0.8


@dataclass(frozen=True)
class ClusterOptions:
    # cosine similarity (after time decay) between an article and a story centroid to join it
    join_threshold: float = 0.12
    # passes that re-place each article against the final story centroids
    refine_passes: int = 2
    # a story opened in this batch merges into an older one at this centroid cosine
    merge_threshold: float = 0.3
    # looser: cosine between a story centroid and a storyline centroid to join it
    storyline_threshold: float = 0.1
    # storylines compare stories mostly by shared entities (same people, places)
    storyline_entity_mix: float = 0.5
    # entity features (capitalised, not sentence-initial words) weigh this much more than terms
    entity_weight: float = 0.0
    # adjacent content-word pairs ("travel ban") name events better than single words
    bigram_weight: float = 1.0
    # no bigram for two capitalised words in a row (a name would be counted twice)
    skip_name_bigrams: bool = True
    # headline words count this many times (the headline names the event)
    title_weight: float = 2.0
    # the lead (first words of the text) names the event too; the rest is background
    lead_words: int = 80
    lead_weight: float = 2.0
    # Snowball stemming (nltk, pure Python) instead of plural stripping
    stem: bool = True
    # only the heaviest features of an article are kept
    max_terms: int = 100
    # a story centroid keeps at most 2x this many features (memory stays bounded)
    max_story_terms: int = 400
    # time decay: no penalty within the story's date span +- grace; then exp(-gap / tau)
    time_grace_days: float = 1.0
    time_tau_days: float = 3.0
    storyline_tau_days: float = 365.0
    # candidate retrieval through the inverted index (keeps the clusterer ~linear)
    index_terms: int = 30
    query_terms: int = 30
    max_postings: int = 50
    max_candidates: int = 10


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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
