"""storyline.cluster: stories (one event) and storylines (related events over time).

- ``stories.StoryClusterer``: incremental clustering with exportable state and stable ids.
  Per batch: running document frequencies are updated, then each article (date, then id
  order) joins the story whose centroid it matches best (TF-IDF terms + bigrams, headline
  and lead weighted, damped by the time gap) or opens one; a refinement pass re-places
  the batch's articles against the final centroids; stories opened in the batch merge
  into an older story at a stricter centroid threshold. Candidate stories come from an
  inverted index over heavy features (the most recent postings only), so the cost per
  article does not grow with the collection. Storylines group stories by shared
  entities (capitalised, not sentence-initial words) plus terms, with a slow time decay.
- ``baseline.single_pass_tfidf``: the TF-IDF single-pass floor.
- ``metrics``: BCubed and pairwise precision/recall/F1.
- ``cluster_cmd``: logic behind ``storyline cluster`` and ``storyline eval cluster``.
- ``stream``: ``storyline cluster``'s three passes over a JSONL file (scan + dedup map,
  dedup reduce, date-ordered clusterer batches re-read by byte offset), per-article work
  in an executor (local processes or Dask), memory bounded but for the clusterer state.
"""
