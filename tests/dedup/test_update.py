"""Near-duplicates brought up to date with new articles equal a full recompute."""

from __future__ import annotations

import random

import numpy as np
import pytest

from storyline.config import DedupOptions
from storyline.dedup.minhash import band_keys, find_near_duplicates_by_keys, fingerprint
from storyline.dedup.update import update_near_duplicates

OPTIONS = DedupOptions()


def _pile(seed: int, n: int) -> list[tuple[str, str, str | None]]:
    """(id, text, date): stories with reposts, trimmed copies and shared boilerplate."""
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(3_000)]
    shared = " ".join(rng.choice(vocab) for _ in range(40))  # one widget on many pages
    out: list[tuple[str, str, str | None]] = []
    while len(out) < n:
        body = " ".join(rng.choice(vocab) for _ in range(rng.randrange(20, 200)))
        for copy in range(rng.choice([1, 1, 2, 4])):
            text = body
            if copy and rng.random() < 0.5:
                text = " ".join(body.split()[: len(body.split()) * 3 // 4])
            if rng.random() < 0.4:
                text = f"{shared}\n{text}"
            day = rng.choice([None, "2024-01-02", "2024-01-03", "2024-02-01"])
            out.append((f"a{rng.randrange(10**9):09d}", text, day))
    return out[:n]


def _full(items, options=OPTIONS):
    prints = [fingerprint(t, options) for _, t, _ in items]
    keys = band_keys(np.array([p.signature for p in prints]), options)
    return find_near_duplicates_by_keys(
        [i for i, _, _ in items],
        keys,
        [p.shingles for p in prints],
        [d for *_, d in items],
        options,
    )


def _update(items, new, old_edges, options=OPTIONS, asked=None):
    prints = [fingerprint(t, options) for _, t, _ in items]
    keys = band_keys(np.array([p.signature for p in prints]), options)

    def shingles_of(i: int) -> np.ndarray:
        if asked is not None:
            asked.add(i)
        return prints[i].shingles

    return update_near_duplicates(
        [i for i, _, _ in items],
        keys,
        np.asarray(new),
        old_edges,
        shingles_of,
        [d for *_, d in items],
        options,
    )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_all_new_is_the_full_run(seed):
    items = _pile(seed, 300)
    found, edges = _update(items, [True] * len(items), [])
    assert found == _full(items)
    assert found and edges


@pytest.mark.parametrize("seed", [4, 5])
def test_adding_in_steps_equals_the_full_run(seed):
    items = _pile(seed, 400)
    edges: list[tuple[str, str]] = []
    seen: set[str] = set()
    for size in (250, 251, 330, 400):
        part = items[:size]
        asked: set[int] = set()
        found, edges = _update(part, [i not in seen for i, _, _ in part], edges, asked=asked)
        assert found == _full(part)
        if seen:  # only pairs with a new article were verified
            assert len(asked) < len(part) // 2
        seen = {i for i, _, _ in part}


def test_an_old_pair_pushed_out_of_a_big_bucket_is_dropped_as_a_full_run_does():
    # 80 copies of one text share every bucket; a newcomer placed first pushes the 64th
    # member out of the window the later members are compared with
    text = " ".join(f"w{i}" for i in range(60))
    items = [(f"b{i:03d}", text, "2024-03-01") for i in range(80)]
    _, edges = _update(items[1:], [True] * 79, [])
    found, updated = _update(items, [i == 0 for i in range(80)], edges)
    full, full_edges = _update(items, [True] * 80, [])
    assert found == full == _full(items)
    assert updated == full_edges
    assert ("b064", "b070") in edges and ("b064", "b070") not in updated


def test_stale_edges_touching_new_articles_are_ignored():
    items = _pile(6, 120)
    _, edges = _update(items, [True] * len(items), [])
    found, _ = _update(items, [True] * len(items), edges + [(items[0][0], items[1][0])])
    assert found == _full(items)
