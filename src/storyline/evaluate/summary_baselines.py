"""Classic unsupervised extractive baselines, implemented here so they run offline.

Round-robin Lead, LexRank (Erkan & Radev 2004), TextRank (Mihalcea & Tarau 2004) and
SumBasic (Nenkova & Vanderwende 2005). They share our sentence splitter and take ranked
sentences until the word budget is reached, cutting the last one at the budget (the usual
"cut the system output at N words" convention of published Multi-News numbers), which is
generous to them: our own summarizer emits whole sentences and cuts only the one that
continues a chosen sentence (SummaryOptions.fill), never in a quotation.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable

import numpy as np

from storyline.brief.summarize import Picked
from storyline.brief.text import STOPWORDS, content_terms, count_words, words
from storyline.nlp.sentences import split_sentences


def _units(texts: list[str]) -> list[Picked]:
    out: list[Picked] = []
    for d, text in enumerate(texts):
        for span in split_sentences(text):
            out.append(Picked(d, span.start, span.end, text[span.start : span.end]))
    return out


def _truncate(texts: list[str], unit: Picked, keep_words: int) -> Picked:
    """The unit cut after its first ``keep_words`` whitespace tokens (still a source slice)."""
    text = unit.text
    seen = 0
    in_word = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if in_word:
                seen += 1
                if seen == keep_words:
                    end = unit.start + i
                    return Picked(unit.doc, unit.start, end, texts[unit.doc][unit.start : end])
            in_word = False
        else:
            in_word = True
    return unit


def take_ranked(
    texts: list[str], units: list[Picked], order: list[int], budget: int
) -> list[Picked]:
    chosen: list[Picked] = []
    used = 0
    for i in order:
        unit = units[i]
        n = count_words(unit.text)
        if used + n <= budget:
            chosen.append(unit)
            used += n
        else:
            left = budget - used
            if left > 0:
                chosen.append(_truncate(texts, unit, left))
            break
        if used >= budget:
            break
    return sorted(chosen, key=lambda p: (p.doc, p.start))


def lead(texts: list[str], budget: int) -> list[Picked]:
    """Round-robin lead: first sentence of every document, then the second, ..."""
    units = _units(texts)
    position: dict[int, int] = {}
    keyed = []
    for i, u in enumerate(units):
        rank = position.get(u.doc, 0)
        position[u.doc] = rank + 1
        keyed.append((rank, u.doc, i))
    order = [i for _, _, i in sorted(keyed)]
    return take_ranked(texts, units, order, budget)


def _tfidf_matrix(units: list[Picked]) -> np.ndarray:
    tokens = [[w for w in words(u.text) if w not in STOPWORDS] for u in units]
    vocab: dict[str, int] = {}
    for toks in tokens:
        for w in toks:
            vocab.setdefault(w, len(vocab))
    n = len(units)
    df = Counter(w for toks in tokens for w in set(toks))
    matrix = np.zeros((n, max(1, len(vocab))))
    for i, toks in enumerate(tokens):
        for w, c in Counter(toks).items():
            matrix[i, vocab[w]] = c * math.log(n / df[w])
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


def _pagerank(weights: np.ndarray, damping: float = 0.85, iterations: int = 100) -> np.ndarray:
    n = weights.shape[0]
    rows = weights.sum(axis=1, keepdims=True)
    rows[rows == 0] = 1.0
    transition = weights / rows
    scores = np.full(n, 1.0 / n)
    for _ in range(iterations):
        updated = (1 - damping) / n + damping * transition.T @ scores
        if np.abs(updated - scores).sum() < 1e-8:
            return updated
        scores = updated
    return scores


def _ranked(scores: np.ndarray | list[float]) -> list[int]:
    # stable: ties broken by position in the cluster
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


def lexrank(texts: list[str], budget: int, threshold: float = 0.1) -> list[Picked]:
    units = _units(texts)
    if not units:
        return []
    matrix = _tfidf_matrix(units)
    similarity = matrix @ matrix.T
    adjacency = (similarity > threshold).astype(float)
    return take_ranked(texts, units, _ranked(_pagerank(adjacency)), budget)


def textrank(texts: list[str], budget: int) -> list[Picked]:
    units = _units(texts)
    if not units:
        return []
    sets = [set(words(u.text)) for u in units]
    n = len(units)
    weights = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            if len(sets[i]) < 2 or len(sets[j]) < 2:
                continue
            overlap = len(sets[i] & sets[j])
            if overlap:
                w = overlap / (math.log(len(sets[i])) + math.log(len(sets[j])))
                weights[i, j] = weights[j, i] = w
    return take_ranked(texts, units, _ranked(_pagerank(weights)), budget)


def sumbasic(texts: list[str], budget: int) -> list[Picked]:
    units = _units(texts)
    terms = [content_terms(u.text) for u in units]
    counts = Counter(t for ts in terms for t in ts)
    total = sum(counts.values())
    if not total:
        return take_ranked(texts, units, list(range(len(units))), budget)
    prob = {t: c / total for t, c in counts.items()}
    order: list[int] = []
    left = set(range(len(units)))
    used = 0
    while left and used < budget:
        best_term = max(prob, key=lambda t: (prob[t], t))
        candidates = [i for i in left if best_term in terms[i]] or list(left)

        def score(i: int) -> tuple[float, int]:
            ts = terms[i]
            return (sum(prob[t] for t in ts) / len(ts) if ts else 0.0, -i)

        pick = max(candidates, key=score)
        order.append(pick)
        left.discard(pick)
        used += count_words(units[pick].text)
        for t in set(terms[pick]):
            prob[t] = prob[t] ** 2
    return take_ranked(texts, units, order, budget)


BASELINES: dict[str, Callable[[list[str], int], list[Picked]]] = {
    "lead": lead,
    "lexrank": lexrank,
    "sumbasic": sumbasic,
    "textrank": textrank,
}
