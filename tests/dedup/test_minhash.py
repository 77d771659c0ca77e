from __future__ import annotations

import random

import numpy as np

from storyline.config import DedupOptions
from storyline.dedup.minhash import (
    containment,
    find_near_duplicates,
    fingerprint,
    shingle_hashes,
    signature,
    signature_of_shingles,
)

OPTIONS = DedupOptions()


def story(seed: int, words: int = 300) -> str:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5_000)]
    sentences = []
    for _ in range(words // 15):
        sentences.append(" ".join(rng.choice(vocab) for _ in range(15)).capitalize() + ".")
    return " ".join(sentences)


ORIGINAL = story(1)
BOILERPLATE_HEAD = "Sign up for the Daily Planet morning briefing and never miss a story again."
BOILERPLATE_FOOT = "Copyright Daily Planet. All rights reserved. Follow us on social media."
REPOST = f"{BOILERPLATE_HEAD}\n\n{ORIGINAL}\n\n{BOILERPLATE_FOOT}"
TRIMMED = " ".join(ORIGINAL.split()[:170]) + "\n\nRead more on our website today, subscribers only."
PARAPHRASE = story(2)  # same vocabulary, different sentences: not a copy
OTHER = story(3)


def dedup(articles: dict[str, tuple[str, str | None]], options=OPTIONS) -> dict[str, str]:
    ids = list(articles)
    fps = [fingerprint(articles[i][0], options) for i in ids]
    return find_near_duplicates(
        ids,
        np.stack([fp.signature for fp in fps]),
        [fp.shingles for fp in fps],
        [articles[i][1] for i in ids],
        options,
    )


def test_signature_matches_datasketch_minhash() -> None:
    from datasketch import MinHash

    shingles = shingle_hashes(ORIGINAL, OPTIONS)
    reference = MinHash(
        num_perm=OPTIONS.num_perm, seed=OPTIONS.seed, hashfunc=int, scheme="affine64"
    )
    reference.update_batch(shingles.tolist())
    assert np.array_equal(signature_of_shingles(shingles, OPTIONS), reference.hashvalues)
    assert np.array_equal(signature(ORIGINAL, OPTIONS), signature(ORIGINAL, OPTIONS))
    other_seed = DedupOptions(seed=2)
    assert not np.array_equal(signature(ORIGINAL, OPTIONS), signature(ORIGINAL, other_seed))
    assert signature(ORIGINAL, DedupOptions(num_perm=64)).shape == (64,)


def test_repost_with_boilerplate_and_trimmed_copy_point_to_earliest_original() -> None:
    articles = {
        "planet-repost": (REPOST, "2020-03-02T10:00:00"),
        "wire-original": (ORIGINAL, "2020-03-01T08:00:00"),
        "trimmed": (TRIMMED, "2020-03-03"),
        "paraphrase": (PARAPHRASE, "2020-03-01T09:00:00"),
        "other": (OTHER, "2020-02-01"),
    }
    assert containment(shingle_hashes(ORIGINAL, OPTIONS), shingle_hashes(REPOST, OPTIONS)) == 1.0
    assert dedup(articles) == {"planet-repost": "wire-original", "trimmed": "wire-original"}


def test_result_is_deterministic_and_independent_of_input_order() -> None:
    articles = {
        "b": (REPOST, None),
        "c": (ORIGINAL, None),
        "a": (TRIMMED, None),
        "z": (OTHER, None),
    }
    expected = {"b": "a", "c": "a"}  # undated: smallest id is the original
    assert dedup(articles) == expected
    for seed in range(5):
        keys = list(articles)
        random.Random(seed).shuffle(keys)
        assert dedup({k: articles[k] for k in keys}) == expected
    # a dated copy beats undated ones
    assert dedup({**articles, "c": (ORIGINAL, "2020-01-01")}) == {"a": "c", "b": "c"}


def test_texts_can_be_given_instead_of_shingle_sets() -> None:
    ids = ["x", "y", "z"]
    texts = [ORIGINAL, REPOST, OTHER]
    sigs = np.stack([signature(t, OPTIONS) for t in texts])
    assert find_near_duplicates(ids, sigs, texts, [None, None, None], OPTIONS) == {"y": "x"}


def test_containment_threshold_is_respected() -> None:
    half = " ".join(ORIGINAL.split()[:150]) + " " + " ".join(OTHER.split()[:150])
    articles = {"orig": (ORIGINAL, "2020-01-01"), "mix": (half, "2020-01-02")}
    assert dedup(articles) == {}  # about half shared: not a copy at min_containment 0.8
    assert dedup(articles, DedupOptions(min_containment=0.4, lsh_threshold=0.2)) == {"mix": "orig"}


def test_short_texts_need_identity() -> None:
    articles = {
        "a": ("Click here to read more", None),
        "b": ("Click here to read more", None),
        "c": (f"Click here to read more {OTHER}", None),
    }
    assert dedup(articles) == {"b": "a"}


def test_map_side_band_keys_give_the_same_result() -> None:
    from storyline.dedup.minhash import band_keys, find_near_duplicates_by_keys, lsh_bands

    ids = ["x", "y", "z", "w"]
    texts = [ORIGINAL, REPOST, OTHER, TRIMMED]
    fps = [fingerprint(t, OPTIONS) for t in texts]
    per_article = np.stack([band_keys(fp.signature, OPTIONS) for fp in fps])
    assert per_article.shape == (4, lsh_bands(OPTIONS.lsh_threshold, OPTIONS.num_perm)[0])
    assert np.array_equal(per_article, band_keys(np.stack([fp.signature for fp in fps]), OPTIONS))
    dates = [None] * 4
    shingles = [fp.shingles for fp in fps]
    by_keys = find_near_duplicates_by_keys(ids, per_article, shingles, dates, OPTIONS)
    by_signatures = find_near_duplicates(ids, [fp.signature for fp in fps], texts, dates, OPTIONS)
    assert by_keys == by_signatures == {"x": "w", "y": "w"}


def test_earliest_date_compares_time_zones() -> None:
    articles = {
        "paris": (ORIGINAL, "2020-03-01T10:00:00+01:00"),  # 09:00 UTC
        "london": (REPOST, "2020-03-01T09:30:00Z"),
    }
    assert dedup(articles) == {"london": "paris"}
