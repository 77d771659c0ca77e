"""Bench-only stand-ins: per-article map functions and a TF-IDF single-pass clusterer.

The single-pass clusterer is the classic baseline (an article joins the most similar story
centroid above a threshold, else opens a new story), run as an explicit reduce step over
term vectors computed in the executor. Articles are visited in (date, id) order and in
mini-batches: similarities to existing stories are one sparse matrix product per batch;
stories opened inside the batch are matched through a small inverted index.
"""

from __future__ import annotations

import heapq
from collections import defaultdict

import numpy as np
from scipy import sparse

from storyline.config import DedupOptions, IngestOptions
from storyline.dedup.minhash import fingerprint_keys, token_hash, tokens_of
from storyline.ingest.jsonl_stream import JsonlPartition, read_jsonl_partition
from storyline.model import RawDocument

N_FEATURES = 1 << 20
CENTROID_TERMS = 64


def dedup_map(doc: RawDocument, options: DedupOptions) -> tuple[np.ndarray, np.ndarray]:
    """LSH band keys and shingle hashes: all the dedup reduce step needs of an article."""
    return fingerprint_keys(doc.text, options)


def cluster_map(doc: RawDocument) -> tuple[np.ndarray, np.ndarray]:
    """Hashed term counts of title + text: (sorted feature indices, counts)."""
    tokens = [t for t in tokens_of(f"{doc.title or ''}\n{doc.text}") if len(t) > 2]
    features = np.fromiter((token_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))
    indices, counts = np.unique(features & np.uint64(N_FEATURES - 1), return_counts=True)
    return indices.astype(np.int32), counts.astype(np.float32)


def tfidf_matrix(rows: list[tuple[np.ndarray, np.ndarray]]) -> sparse.csr_matrix:
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(ix) for ix, _ in rows])
    indices = np.concatenate([ix for ix, _ in rows]) if rows else np.zeros(0, np.int32)
    data = np.concatenate([d for _, d in rows]) if rows else np.zeros(0, np.float32)
    matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), N_FEATURES))
    df = np.bincount(matrix.indices, minlength=N_FEATURES)
    idf = (np.log((1 + len(rows)) / (1 + df)) + 1).astype(np.float32)
    matrix.data = (1 + np.log(matrix.data)) * idf[matrix.indices]
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1
    return sparse.csr_matrix(sparse.diags(1 / norms) @ matrix)


def _centroid(summed: dict[int, float]) -> tuple[np.ndarray, np.ndarray]:
    """Top ``CENTROID_TERMS`` terms of a story's summed vector, L2-normalised, by index."""
    top = heapq.nlargest(CENTROID_TERMS, summed.items(), key=lambda item: (item[1], -item[0]))
    top.sort()
    indices = np.array([t for t, _ in top], dtype=np.int32)
    data = np.array([w for _, w in top], dtype=np.float32)
    norm = float(np.sqrt((data**2).sum())) or 1.0
    return indices, data / norm


def _stack(centroids: list[tuple[np.ndarray, np.ndarray]]) -> sparse.csr_matrix:
    indptr = np.zeros(len(centroids) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(ix) for ix, _ in centroids])
    return sparse.csr_matrix(
        (
            np.concatenate([d for _, d in centroids]),
            np.concatenate([ix for ix, _ in centroids]),
            indptr,
        ),
        shape=(len(centroids), N_FEATURES),
    )


def single_pass(matrix: sparse.csr_matrix, threshold: float, batch: int = 256) -> np.ndarray:
    """Story number of every row, visiting rows in the given order."""
    labels = np.full(matrix.shape[0], -1, dtype=np.int64)
    sums: list[dict[int, float]] = []
    centroids: list[tuple[np.ndarray, np.ndarray]] = []
    stacked = None
    for start in range(0, matrix.shape[0], batch):
        block = matrix[start : start + batch]
        scores = (block @ stacked.T).toarray() if stacked is not None else None
        fresh_index: dict[int, list[tuple[int, float]]] = defaultdict(list)
        touched: set[int] = set()
        for offset in range(block.shape[0]):
            lo, hi = block.indptr[offset], block.indptr[offset + 1]
            terms, weights = block.indices[lo:hi].tolist(), block.data[lo:hi].tolist()
            best, best_score = -1, threshold
            if scores is not None:
                j = int(scores[offset].argmax())
                if scores[offset, j] >= best_score:
                    best, best_score = j, float(scores[offset, j])
            if fresh_index:
                fresh_scores: dict[int, float] = defaultdict(float)
                for term, weight in zip(terms, weights, strict=True):
                    for story, centroid_weight in fresh_index.get(term, ()):
                        fresh_scores[story] += weight * centroid_weight
                for story, score in sorted(fresh_scores.items()):
                    if score > best_score:
                        best, best_score = story, score
            if best < 0:
                best = len(sums)
                sums.append(dict(zip(terms, weights, strict=True)))
                centroids.append(_centroid(sums[best]))
                for term, weight in zip(*(x.tolist() for x in centroids[best]), strict=True):
                    fresh_index[term].append((best, weight))
            else:
                summed = sums[best]
                for term, weight in zip(terms, weights, strict=True):
                    summed[term] = summed.get(term, 0.0) + weight
                touched.add(best)
            labels[start + offset] = best
        for story in sorted(touched):
            centroids[story] = _centroid(sums[story])
        stacked = _stack(centroids)
    return labels


def line_of(doc: RawDocument) -> int:
    return int(doc.source.rsplit("#", 1)[1].lstrip("L"))


def _pack(arrays: list[np.ndarray], dtype: type) -> tuple[np.ndarray, np.ndarray]:
    """Many small arrays as one flat array + offsets: a handful of large buffers serialise
    far cheaper (pickle, Dask comms) than thousands of small numpy objects."""
    offsets = np.zeros(len(arrays) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(a) for a in arrays])
    flat = np.concatenate(arrays).astype(dtype) if arrays else np.zeros(0, dtype=dtype)
    return offsets, flat


def unpack(offsets: np.ndarray, flat: np.ndarray) -> list[np.ndarray]:
    return [flat[offsets[i] : offsets[i + 1]] for i in range(len(offsets) - 1)]


def dedup_partition(
    partition: JsonlPartition, ingest: IngestOptions, options: DedupOptions
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A worker reads its own partition: lines, band keys (n x bands), packed shingles."""
    lines, keys, shingles = [], [], []
    for item in read_jsonl_partition(partition, ingest):
        if isinstance(item, RawDocument):
            article_keys, article_shingles = dedup_map(item, options)
            lines.append(line_of(item))
            keys.append(article_keys)
            shingles.append(article_shingles)
    offsets, flat = _pack(shingles, np.uint64)
    key_matrix = np.stack(keys) if keys else np.zeros((0, 0), dtype=np.uint64)
    return np.array(lines, dtype=np.int64), key_matrix, offsets, flat


def cluster_partition(
    task: tuple[JsonlPartition, tuple[int, ...]], ingest: IngestOptions
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Term counts of the wanted lines (the non-duplicates) of one partition, packed."""
    partition, wanted_lines = task
    wanted = set(wanted_lines)
    lines, indices, counts = [], [], []
    for item in read_jsonl_partition(partition, ingest):
        if isinstance(item, RawDocument) and line_of(item) in wanted:
            article_indices, article_counts = cluster_map(item)
            lines.append(line_of(item))
            indices.append(article_indices)
            counts.append(article_counts)
    offsets, flat_indices = _pack(indices, np.int32)
    _, flat_counts = _pack(counts, np.float32)
    return np.array(lines, dtype=np.int64), offsets, flat_indices, offsets, flat_counts
