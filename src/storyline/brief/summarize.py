"""Extractive multi-document summary: centrality plus redundancy control (MMR).

Every picked sentence is a span of one input document, so it can be cited exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storyline.config import SummaryOptions
from storyline.nlp.sentences import split_sentences


@dataclass(frozen=True)
class Picked:
    doc: int  # index into the input list
    start: int  # offsets into that document's text
    end: int
    text: str  # == texts[doc][start:end]


def _words(text: str) -> int:
    return len(text.split())


def summarize_documents(
    texts: list[str],
    words: int = 260,
    dates: list[str | None] | None = None,
    options: SummaryOptions | None = None,
) -> list[Picked]:
    """Pick central, non-redundant sentences within ``words``, in reading order."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    options = options or SummaryOptions()
    candidates: list[tuple[int, int, int, int, str]] = []  # doc, position, start, end, text
    for doc, text in enumerate(texts):
        for position, span in enumerate(split_sentences(text)):
            sentence = text[span.start : span.end]
            if 6 <= _words(sentence) <= 80:
                candidates.append((doc, position, span.start, span.end, sentence))
    if not candidates:
        return []
    vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform([c[4] for c in candidates])
    except ValueError:  # only stop words
        return []
    centroid = np.asarray(matrix.mean(axis=0)).ravel()
    norm = np.linalg.norm(centroid) or 1.0
    centrality = matrix @ (centroid / norm)
    # earlier sentences of an article carry its news (inverted pyramid)
    position_prior = np.array([1.0 / (1.0 + 0.1 * c[1]) for c in candidates])
    score = centrality * (0.5 + 0.5 * position_prior)
    similarity = (matrix @ matrix.T).toarray()
    chosen: list[int] = []
    used = 0
    for index in sorted(range(len(candidates)), key=lambda i: (-score[i], i)):
        length = _words(candidates[index][4])
        if used + length > words:
            continue
        if any(similarity[index, j] > options.redundancy for j in chosen):
            continue
        chosen.append(index)
        used += length
    order_dates = dates or [None] * len(texts)

    def reading_order(i: int) -> tuple[bool, str, int, int]:
        doc, position = candidates[i][0], candidates[i][1]
        date = order_dates[doc]
        return (date is None, date or "", doc, position)

    return [
        Picked(candidates[i][0], candidates[i][2], candidates[i][3], candidates[i][4])
        for i in sorted(chosen, key=reading_order)
    ]
