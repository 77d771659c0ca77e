"""Stories: deterministic single-pass TF-IDF clustering of original articles.

Articles are visited in (date, id) order; each joins the most similar existing story
if the cosine similarity to its centroid reaches ``join_threshold``, else starts one.
A story's id derives from its first article, so it is stable across reruns.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from storyline.config import ClusterOptions
from storyline.model import Article


def story_id(first_article_id: str) -> str:
    return "s-" + hashlib.sha1(first_article_id.encode()).hexdigest()[:12]


def cluster_articles(articles: Sequence[Article], options: ClusterOptions) -> dict[str, str]:
    """Map each article id (duplicates included) to a story id."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    originals = sorted(
        (a for a in articles if a.duplicate_of is None),
        key=lambda a: (a.date is None, a.date or "", a.id),
    )
    assignment: dict[str, str] = {}
    if originals:
        vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
        matrix = vectorizer.fit_transform([f"{a.title or ''}\n{a.text}" for a in originals])
        centroids: list[np.ndarray] = []
        sizes: list[int] = []
        ids: list[str] = []
        for row, article in enumerate(originals):
            vector = matrix[row].toarray().ravel()
            best, best_sim = -1, options.join_threshold
            for k, centroid in enumerate(centroids):
                norm = np.linalg.norm(centroid) or 1.0
                sim = float(vector @ centroid / norm)
                if sim >= best_sim:
                    best, best_sim = k, sim
            if best < 0:
                centroids.append(vector.copy())
                sizes.append(1)
                ids.append(story_id(article.id))
                best = len(ids) - 1
            else:
                sizes[best] += 1
                centroids[best] += (vector - centroids[best]) / sizes[best]
            assignment[article.id] = ids[best]
    by_id = {a.id: a for a in articles}
    for article in articles:
        root = article
        seen = set()
        while root.duplicate_of is not None and root.duplicate_of in by_id and root.id not in seen:
            seen.add(root.id)
            root = by_id[root.duplicate_of]
        assignment[article.id] = assignment.get(root.id, story_id(root.id))
    return assignment
