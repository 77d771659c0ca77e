"""A seeded synthetic news pile: stories told by several outlets, with reposts and paraphrases.

Every story (one event) has its own handful of topical words, names and a place drawn from
a large generated vocabulary; sentences mix them with Zipf-distributed common words. Each
story gets an original article and variants, later in time:

- repost: the original text wrapped in the reposting outlet's boilerplate, new headline
- trimmed: a repost that keeps only the first paragraphs
- extra: a repost with an added paragraph (update or background)
- paraphrase: the same event written afresh (new sentences from the story's words)

Reposts, trimmed and extra copies are near-duplicates of the original; paraphrases are
not duplicates but belong to the same story. Ground truth is returned next to the file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

_ONSETS = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br",
           "cr", "dr", "st", "tr", "sh", "ch", "pl", "gr"]  # fmt: skip
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ea"]
_CODAS = ["", "", "n", "r", "s", "l", "t", "m", "nd", "rk"]
_START = datetime(2024, 1, 1)
_OUTLETS = [f"Outlet{i:02d}" for i in range(40)]
_BOILERPLATE = [
    "Sign up for the {o} morning briefing and never miss a story.",
    "This article was originally published by a partner and is republished by {o}.",
    "Follow {o} on social media for the latest news, analysis and video.",
    "Copyright {o}. All rights reserved. This material may not be redistributed.",
    "Read more: the most popular stories on {o} this week, chosen by our editors.",
    "Advertisement. Continue reading the main story below on {o}.",
]
VARIANT_WEIGHTS = {"repost": 0.30, "trimmed": 0.10, "extra": 0.10, "paraphrase": 0.50}


@dataclass(frozen=True)
class PileTruth:
    story: np.ndarray  # story number of each article (line order)
    duplicate_of: np.ndarray  # line index of the copied original, -1 if not a copy
    kind: list[str]


def _vocabulary(rng: np.random.Generator, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        batch = 2 * (size - len(words))
        onsets = rng.integers(len(_ONSETS), size=(batch, 3))
        vowels = rng.integers(len(_VOWELS), size=(batch, 3))
        codas = rng.integers(len(_CODAS), size=(batch, 3))
        syllables = rng.integers(2, 4, size=batch)
        for row in range(batch):
            words.add(
                "".join(
                    _ONSETS[onsets[row, i]] + _VOWELS[vowels[row, i]] + _CODAS[codas[row, i]]
                    for i in range(syllables[row])
                )
            )
    ordered = sorted(words)[:size]
    rng.shuffle(ordered)  # so that common and rare words are not alphabetical runs
    return ordered


class _Writer:
    """Sentence and article text from a story's words plus common words."""

    def __init__(self, rng: np.random.Generator, common: list[str]):
        self.rng = rng
        self.common = np.array(common)
        ranks = np.arange(1, len(common) + 1)
        weights = 1.0 / ranks
        self.common_cdf = np.cumsum(weights / weights.sum())
        self.common_cdf[-1] = 1.0

    def paragraph(self, topic: np.ndarray) -> str:
        return self.paragraphs(topic, 1)[0]

    def paragraphs(self, topic: np.ndarray, count: int) -> list[str]:
        rng = self.rng
        sentence_counts = rng.integers(2, 5, size=count)
        lengths = rng.integers(12, 26, size=int(sentence_counts.sum()))
        total = int(lengths.sum())
        words = self.common[np.searchsorted(self.common_cdf, rng.random(total), side="right")]
        is_topic = rng.random(total) < 0.3
        words[is_topic] = topic[rng.integers(len(topic), size=int(is_topic.sum()))]
        flat = words.tolist()
        sentences = []
        start = 0
        for length in lengths.tolist():
            sentence = " ".join(flat[start : start + length])
            sentences.append(sentence[0].upper() + sentence[1:] + ".")
            start += length
        out = []
        start = 0
        for n in sentence_counts.tolist():
            out.append(" ".join(sentences[start : start + n]))
            start += n
        return out

    def article(self, topic: np.ndarray) -> list[str]:
        return self.paragraphs(topic, int(self.rng.integers(4, 8)))


def build_pile(path: Path, articles: int, seed: int = 7) -> PileTruth:
    """Write ``articles`` JSONL lines to ``path``; return the ground truth in line order."""
    rng = np.random.default_rng(seed)
    vocab = _vocabulary(rng, 40_000)
    common, rare = vocab[:4_000], np.array(vocab[4_000:])
    writer = _Writer(rng, common)
    kinds = list(VARIANT_WEIGHTS)
    kind_p = np.array(list(VARIANT_WEIGHTS.values()))
    story_of: list[int] = []
    duplicate_of: list[int] = []
    kind_of: list[str] = []
    with open(path, "w", encoding="utf-8") as out:
        story = 0
        while len(story_of) < articles:
            topic = rare[rng.choice(len(rare), size=15, replace=False)]
            names = [w.capitalize() for w in topic[:4]]
            day = int(rng.integers(0, 90))
            paragraphs = writer.article(topic)
            title = f"{names[0]} and {names[1]} {topic[5]} {topic[6]} in {names[2]}"
            size = min(1 + int(rng.geometric(1 / 7)), articles - len(story_of))
            original_line = len(story_of)
            for variant in range(size):
                kind = "original" if variant == 0 else kinds[rng.choice(len(kinds), p=kind_p)]
                outlet = _OUTLETS[int(rng.integers(len(_OUTLETS)))]
                hours = 0 if variant == 0 else int(rng.integers(1, 72))
                body = _variant_text(kind, paragraphs, topic, writer, rng, outlet)
                headline = title if variant == 0 else f"{topic[7].capitalize()}: {title}"
                record = {
                    "id": f"a{len(story_of):07d}",
                    "title": headline,
                    "text": body,
                    # real calendar dates: invalid ones ("2024-02-30") are dropped at ingest
                    "date": (_START + timedelta(days=day, hours=hours)).isoformat(),
                    "outlet": outlet,
                }
                out.write(json.dumps(record) + "\n")
                story_of.append(story)
                copies = kind in ("repost", "trimmed", "extra")
                duplicate_of.append(original_line if copies else -1)
                kind_of.append(kind)
            story += 1
    return PileTruth(np.array(story_of), np.array(duplicate_of), kind_of)


def _variant_text(
    kind: str,
    paragraphs: list[str],
    topic: np.ndarray,
    writer: _Writer,
    rng: np.random.Generator,
    outlet: str,
) -> str:
    if kind == "original":
        return "\n\n".join(paragraphs)
    if kind == "paraphrase":
        return "\n\n".join(writer.article(topic))
    body = list(paragraphs)
    if kind == "trimmed":
        body = body[: max(3, len(body) * 2 // 3)]
    elif kind == "extra":
        body.insert(int(rng.integers(1, len(body))), writer.paragraph(topic))
    picks = rng.choice(len(_BOILERPLATE), size=2, replace=False)
    header, footer = (_BOILERPLATE[int(i)].format(o=outlet) for i in picks)
    return "\n\n".join([header, *body, footer])
