"""One explicit options object that flows down to every stage (no globals)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal


@dataclass(frozen=True)
class IngestOptions:
    max_bytes: int = 20 * 1024 * 1024  # larger inputs are skipped with a reason
    html_max_chars: int = 5_000_000  # longer HTML is truncated before extraction
    # trafilatura without its fallback extractors: several times faster on crawl-sized inputs
    html_fast: bool = True
    # seconds to read (decode, extract) and to clean one record; a record over it is
    # skipped with a named reason and the rest of its input and of the pile go on
    record_seconds: float = 60.0


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
    # how a batch of articles is grouped: "linkage" (average linkage over a sparse
    # similarity graph with a cohesion check, then a centroid merge: cluster.batch) or
    # "single-pass" (each article joins the nearest centroid, then refine, merge, split).
    # Headline-only batches always use single pass: two headlines share too few words for
    # pairwise similarities to hold a story together, a centroid's bag of words does
    grouping: str = "linkage"
    # linkage: a pair's cosine is lowered by link_density_weight times its two articles'
    # mean cosine with their nearest others ranked link_density_skip + 1 to
    # link_density_neighbours in the whole pile, earlier stories' members included (the
    # topic's background, not the article's own story: an article in a crowded topic
    # must stand out from it; the centroid merge counts all ranks); a rank the pile is
    # too small to have counts as link_background_prior (a two-article pile cannot tell
    # a topic's words from an event's, so two reports on one topic must stand out from
    # what such reports share in a large pile); pairs below link_floor then count as
    # unrelated; each article keeps its link_neighbours most similar others; groups merge
    # while their members' average cosine is at least link_threshold and, for two groups
    # of several members, at least link_cohesion times the average inside the looser one;
    # then groups whose centroids have a cosine of at least link_merge_threshold merge
    # (1 disables)
    link_floor: float = 0.05
    link_neighbours: int = 10
    link_threshold: float = 0.06
    link_cohesion: float = 0.7
    link_density_neighbours: int = 30
    link_density_weight: float = 1.0
    link_density_skip: int = 20
    link_background_prior: float = 0.15
    link_merge_threshold: float = 0.3
    # article vectors: "lexical" (TF-IDF terms, the default), "dense" (also all-MiniLM-L6-v2
    # sentence vectors: the optional ``dense`` extra; without it, lexical and a warning) or
    # "auto" (dense when the extra is installed). In linkage a similarity is then
    # (1 - dense_weight) x the TF-IDF cosine + dense_weight x the dense cosine rescaled
    # so that dense_base (same-topic background) is 0, and groups merge at dense_cohesion
    # and dense_merge_threshold instead of link_cohesion and link_merge_threshold. The
    # encoder runs on dense_threads CPU threads. Headline batches (single pass) do not
    # use dense vectors. Defaults tuned on neus_train_docs (eval cluster --vectors dense)
    vectors: str = "lexical"
    dense_weight: float = 0.4
    dense_base: float = 0.4
    dense_cohesion: float = 0.9
    dense_merge_threshold: float = 0.4
    dense_threads: int = 2
    # cosine similarity (after time decay) between an article and a story centroid to join it
    join_threshold: float = 0.12
    # passes that re-place each article against the final story centroids
    refine_passes: int = 2
    # a story opened in this batch merges into an older one at this centroid cosine
    merge_threshold: float = 0.3
    # entity features (capitalised, not sentence-initial words) weigh this much more than terms
    entity_weight: float = 0.0
    # adjacent content-word pairs ("travel ban") name events better than single words
    bigram_weight: float = 0.5
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
    # candidate retrieval through the inverted index (keeps the clusterer ~linear)
    index_terms: int = 30
    query_terms: int = 30
    max_postings: int = 50
    max_candidates: int = 10
    # headline-only articles (at most this many distinct content words) share few words
    # with anything, so their cosines run low: they join and merge at looser thresholds,
    # and adjacent-word pairs, rare in a headline, weigh less
    short_text_terms: int = 12
    short_join_threshold: float = 0.12
    short_merge_threshold: float = 0.15
    short_bigram_weight: float = 0.5
    # a story of this batch (at least split_min_size articles) whose 2-means halves'
    # centroids have a cosine below split_threshold held two events: split it, if each
    # half keeps split_min_part articles; 0 disables
    split_threshold: float = 0.45
    short_split_threshold: float = 0.25
    split_min_size: int = 10
    split_min_part: int = 5
    # documents that are not news (web-archive notices, social widgets: clean.junk) never
    # join or attract other articles
    junk_singletons: bool = True
    # every this many documents, features seen in only one are forgotten (memory and saved
    # state stay proportional to the vocabulary in use, not to the articles); 0 never
    prune_rare_every: int = 20_000
    # a big ingest is clustered in date-ordered batches of this many articles (bounded
    # memory); refining, merging and splitting work within a batch
    batch_articles: int = 10_000
    # storylines (cluster.storylines): two stories are linked when they share at least
    # storyline_min_names specific names (storyline_min_names_undated if either is
    # undated) and a term cosine of storyline_min_text, or one name fewer and a cosine
    # of storyline_strong_text; dated ones only within storyline_window_days
    storyline_min_names: int = 2
    storyline_min_names_undated: int = 3
    storyline_min_text: float = 0.08
    storyline_strong_text: float = 0.3
    storyline_window_days: float = 120.0
    # a name is specific when at most max(storyline_specific_min, fraction x stories)
    # stories carry it; a story is about its storyline_names most mentioned names
    storyline_specific_min: int = 5
    storyline_specific_fraction: float = 0.02
    storyline_names: int = 30
    # stories a new story is compared with: those sharing the most specific names
    storyline_candidates: int = 30
    # a story joins a storyline when linked to this fraction of its storyline_recent
    # latest stories (cohesion: no chains of look-alikes)
    storyline_cohesion: float = 0.5
    storyline_recent: int = 6


@dataclass(frozen=True)
class RunOptions:
    """How per-article stages are executed (see storyline.run.executor)."""

    executor: str = "local"  # local | dask
    workers: int = 1  # processes (local) or Dask workers started for a LocalCluster
    scheduler: str | None = None  # address of an existing Dask scheduler
    chunk_size: int = 256  # articles per task; in flight at most 2 chunks per worker
    # articles per spaCy batch and per task of the analyst's layer (batched across
    # storylines); worker processes are used once a pile has more than one batch
    layer_batch: int = 32


@dataclass(frozen=True)
class SummaryOptions:
    words: int = 120
    redundancy: float = 0.5  # max cosine similarity to an already chosen sentence
    # shingle containment above which a document counts as a copy of a longer one
    duplicate_containment: float = 0.8
    max_position: int = 60  # sentences deeper into an article are not candidates
    min_sentence_words: int = 6
    max_sentence_words: int = 55
    # score = concept gain * position prior * spread * opener / words ** length_exponent
    position_decay: float = 1.0  # prior = 1 / (1 + sentence index) ** decay
    document_spread: float = 0.3  # each sentence already taken from a document: / (1 + x*k)
    # factor for an opener like "He", "But", "This" whose previous sentence is not chosen
    dangling_penalty: float = 0.0
    length_exponent: float = 0.4
    # concept weight = other documents stating it + singleton_weight * log(1 + count) / log(2 + docs)
    singleton_weight: float = 0.1
    # support a concept gets from each headline that states it
    title_weight: float = 0.5
    # a content-word bigram's weight is multiplied by this (unigrams by 1; Gillick & Favre
    # 2009 score bigram concepts only)
    bigram_weight: float = 1.25
    # after the greedy pass, single adds and one-for-one trades among this many best
    # units (by coverage per word) while they raise the coverage value; 0 = greedy only.
    # Defaults tuned on multinews_val250 + neus_allsides_val (bench/tune_summary.py)
    swap_candidates: int = 20
    # a story with more documents is summarised from this many, spread evenly over its
    # documents in the given (date) order: the cost per story stays bounded
    max_documents: int = 200
    # a summary of several articles is at most this fraction of their words, but never
    # held below compression_floor times the word budget: a roundup of three 30-word leads
    # is shorter than one of three long reports. 0 = the word budget alone
    compression: float = 0.33
    compression_floor: float = 0.75
    # words left in the budget after the whole sentences are filled with the start of the
    # sentence that follows a chosen one (its continuation, never another article's lead),
    # after a clause ("clause": a reader sees a whole clause, not "sniping between ...")
    # or at the budget ("words": +0.05 ROUGE-1 on NeuS);
    # "none" keeps whole sentences only. Such a sentence is marked Picked.partial
    fill: Literal["none", "clause", "words"] = "clause"
    fill_min_words: int = 4


@dataclass(frozen=True)
class QuoteOptions:
    model: str = "en_core_web_sm"  # spaCy pipeline name (see nlp/spacy_model.py)
    min_direct_words: int = 4  # shorter quoted phrases are scare quotes or titles
    # a quotation with no cue and no speaker shorter than this is a title, a slogan or a
    # headline, not a quote (PolNeAR train: 8 of 49 such were attributions)
    min_unattributed_words: int = 8
    min_indirect_words: int = 2
    max_cue_gap: int = 250  # chars between a direct quote and its cue clause
    indirect: bool = True  # reported speech, not only quote marks
    stance: bool = True  # also attitude verbs with objects ("criticized the plan")


@dataclass(frozen=True)
class EntityLinkOptions:
    """Cross-document entity resolution (storyline.link.entities)."""

    # cosine similarity (TF-IDF) above which two articles describe the same sub-story;
    # common nouns are only linked inside a sub-story
    substory_similarity: float = 0.05
    # SequenceMatcher ratio for two names to count as spelling variants
    variant_similarity: float = 0.85
    variant_min_length: int = 5
    # how many sentences back a pronoun may look for its antecedent
    pronoun_window: int = 2
    # "he"/"she" first look in that window for a person already known to be "he"/"she",
    # then for the nearest one not known to be the other; ECB+ rules alone train 76.08 ->
    # 76.18, dev 78.18 -> 78.37; with the merge model train --folds 5 77.52 -> 77.57
    pronoun_known_gender: bool = True
    link_nominals: bool = True
    # names also group by their head word inside a sub-story: "all", "nested" (not two
    # rival multi-word names such as "Black Sea"/"Mediterranean Sea") or "" (never)
    names_by_head: str = "nested"
    link_pronouns: bool = True
    # characters allowed between a role noun and a name ("host Hugh Jackman"); -1: off
    role_window: int = 4
    # share of a person noun's articles that must name the same person to link them
    protagonist_share: float = 0.5
    link_deictic_days: bool = True
    unnamed_protagonist: bool = True
    # plural person nouns of different heads joined into the sub-story's leading group
    # ("pirates ... the brigands"): off, since a story's groups are mostly several
    # ("police", "protesters", "victims"); ECB+ train 5-fold 76.9 -> 77.1, dev 80.2 -> 80.6
    plural_groups: bool = False
    # a nameless "she ... her" chain joins the person its article names most
    orphan_chains: bool = True
    # the learned last pass (link/entity_merge.py) joins rule clusters it scores at least
    # this likely to be one entity; 0 or less turns it off (0.45: best of 0.4-0.6 on the
    # ECB+ train topics cross-validated by topic, and on the dev topics)
    merge_threshold: float = 0.45
    # a sub-story (or a name word) with more rule clusters than this pairs only its largest
    # ones: the pass costs at most ~n^2/2 pair scores per block (ECB+ topics: <= 108)
    merge_max_block: int = 300


@dataclass(frozen=True)
class ClaimOptions:
    """Claim alignment across sources (storyline.link.claims)."""

    # two hedged values ("about 150", "more than 4.75%") or ranges agree when within this
    # relative distance; two plain figures agree only as one rounded to the other's
    # written digits (link.claim_facts._agree: "150" and "153" are two figures)
    value_tolerance: float = 0.05
    # a sentence speaks of a statement when it names one of the statement's names and
    # shares this many key terms (names, content lemmas) with it
    min_shared_keys: int = 2
    # an agreeing source's cited sentence carries at least this share of the content words
    # of what is claimed (not only two of them: "Kanan and Li built an electrochemical
    # cell" does not back "conventional copper electrodes consist of nanoparticles")
    min_claimed_share: float = 1 / 3
    # ... and, when it names none of the claim's predicates (or a derived form: "filed" /
    # "filing") and none of its figures, at least this share: a sentence that shares only
    # the claim's actors and topic ("Colbert aired footage of his chat with Urgant" / "The
    # Late Show with Stephen Colbert is the premier late night talk show") tells another
    # event; one that retells most of the claim in other verbs still backs it
    min_claimed_share_other_event: float = 1 / 2
    # the stance engine's probability for a source's "agree" (the article read whole) and
    # for "disagree" (one aligned sentence with a refuting or negating cue): a false
    # "contradicted" costs the analyst's trust, so the bar is high
    agree_threshold: float = 0.5
    disagree_threshold: float = 0.8
    # a sentence that denies a plan to move something to a place against a claim that
    # reports that move done there by the same actor ("no plans to send troops to Syria" /
    # "a Russian military unit had arrived in Syria", storyline.link.stance_denials)
    # disagrees on its structure (the engine reads it badly, even as agree); the side
    # carries the engine's score only when it said disagree at least this high
    plan_denial_threshold: float = 0.4
    # an article is judged against at most this many of its storyline's statements: those
    # its sentences share the most key terms with (ties: the statement's article id, then
    # offset), so the stance work of a storyline grows with its articles, not their square
    max_claims_per_article: int = 40


@dataclass(frozen=True)
class BudgetOptions:
    """Time and size budgets per article (per record: IngestOptions.record_seconds): an
    article over them is skipped for that step with a named reason (storyline.errors) and
    the rest of the pile goes on."""

    # seconds of each analysis step (entities, quotes, facts, claims, dates) per article
    article_seconds: float = 60.0
    # longer cleaned texts keep their summary sentences but get no analyst's layer
    analysis_max_chars: int = 300_000


@dataclass(frozen=True)
class Options:
    ingest: IngestOptions = field(default_factory=IngestOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    cluster: ClusterOptions = field(default_factory=ClusterOptions)
    summary: SummaryOptions = field(default_factory=SummaryOptions)
    quotes: QuoteOptions = field(default_factory=QuoteOptions)
    entities: EntityLinkOptions = field(default_factory=EntityLinkOptions)
    claims: ClaimOptions = field(default_factory=ClaimOptions)
    budget: BudgetOptions = field(default_factory=BudgetOptions)
    # entities, quotes, facts, timeline, claims (needs the "nlp" extra: spaCy + model)
    analysis: bool = True
    run: RunOptions = field(default_factory=RunOptions)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ServeOptions:
    max_request_bytes: int = 25 * 1024 * 1024  # larger request bodies get 413
    max_records: int = 10_000  # articles per JSON ingest request
    page_size: int = 20
    max_page_size: int = 100
    # reads are open to loopback clients; set to open them to everyone (behind a proxy)
    public_reads: bool = False
    # Host names served besides 127.0.0.1, localhost and ::1 (others get 400: DNS rebinding)
    allowed_hosts: tuple[str, ...] = ()
    # writes waiting for the one writer thread (each may hold a body); more get 503
    max_queued_writes: int = 16
    retry_after_seconds: int = 5
