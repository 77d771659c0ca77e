"""TF-IDF single-pass baseline: the floor the story clusterer is measured against.

The classic first-story-detection recipe: fit TF-IDF on the whole batch, walk the
articles in date-then-id order, join the most similar cluster centroid if its cosine is
at least ``threshold``, else open a new cluster. No entities, no dates, not incremental.
"""

from __future__ import annotations

import numpy as np

from storyline.cluster.stories import ClusterItem
from storyline.model import parse_day


def single_pass_tfidf(items: list[ClusterItem], threshold: float = 0.2) -> dict[str, str]:
    """Map each item id to a cluster id ("b-<n>", numbered in processing order)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not items:
        return {}
    ordered = sorted(
        items, key=lambda it: (parse_day(it.date) is None, parse_day(it.date) or 0.0, it.id)
    )
    texts = [f"{it.title}\n{it.text}" if it.title != it.text else it.text for it in ordered]
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    centroids = np.zeros((16, matrix.shape[1]), dtype=np.float64)
    sqnorms = np.zeros(16, dtype=np.float64)
    n_clusters = 0
    labels: dict[str, str] = {}
    for row, item in enumerate(ordered):
        lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
        cols, vals = matrix.indices[lo:hi], matrix.data[lo:hi]
        best, best_sim = -1, -1.0
        if n_clusters and len(cols):
            # only the article's non-zero columns matter for the dot products
            dots = centroids[:n_clusters, cols] @ vals
            norms = np.sqrt(sqnorms[:n_clusters])
            sims = dots / np.where(norms > 0, norms, 1.0)
            best = int(np.argmax(sims))
            best_sim = float(sims[best])
        if best < 0 or best_sim < threshold:
            if n_clusters == centroids.shape[0]:
                centroids = np.vstack([centroids, np.zeros_like(centroids)])
                sqnorms = np.concatenate([sqnorms, np.zeros_like(sqnorms)])
            best = n_clusters
            n_clusters += 1
        centroids[best, cols] += vals
        sqnorms[best] = float(centroids[best] @ centroids[best])
        labels[item.id] = f"b-{best}"
    return labels
