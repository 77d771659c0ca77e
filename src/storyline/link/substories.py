"""Sub-stories of a group: which articles tell the same event.

Common nouns ("the host", "the robbers") and time words are only linked inside one
sub-story, since "the host" of one event is not "the host" of another.
"""

from __future__ import annotations

from collections.abc import Sequence


def substories(texts: Sequence[str], threshold: float) -> list[int]:
    """Label articles by sub-story: average-link clustering of TF-IDF cosine similarity."""
    n = len(texts)
    if n < 2:
        return [0] * n
    import numpy as np
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    try:
        matrix = TfidfVectorizer(
            stop_words="english", sublinear_tf=True, ngram_range=(1, 2)
        ).fit_transform(texts)
    except ValueError:  # only stop words / empty texts
        return list(range(n))
    # cosine on L2-normalised rows; an empty text (zero row) is similar to nothing
    similarity = (matrix @ matrix.T).toarray()
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1 - threshold
    )
    labels = model.fit_predict(distance)
    return [int(x) for x in labels]
