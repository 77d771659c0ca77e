"""Article vectors are built with C-level maps and a cut that sorts only the heaviest
features; they must equal, key order and bits included, the plain loop they replace."""

import math
import random
from collections import Counter

import pytest

from storyline.cluster.features import (
    BIGRAM_PREFIX,
    ENTITY_PREFIX,
    DocumentFrequencies,
    feature_keys,
    weighted_vector,
)
from storyline.cluster.groups import top_features


def _reference(terms, entities, dfs, entity_weight, max_terms, bigram_weight=1.0):
    vec = {}
    n = math.log(dfs.docs + 1)
    for term, count in terms.items():
        weight = bigram_weight if term[0] == BIGRAM_PREFIX else 1.0
        tf = 1.0 + math.log(count) if count >= 1 else count
        vec[term] = weight * tf * (n - math.log(dfs.df.get(term, 0) + 1) + 1.0)
    if entity_weight > 0:
        for term, count in entities.items():
            key = ENTITY_PREFIX + term
            tf = 1.0 + math.log(count) if count >= 1 else count
            vec[key] = entity_weight * tf * (n - math.log(dfs.df.get(key, 0) + 1) + 1.0)
    if len(vec) > max_terms:
        vec = dict(sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:max_terms])
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


def _counts(rng: random.Random, size: int, words: list[str]) -> Counter[str]:
    found: Counter[str] = Counter()
    for _ in range(size):
        word = rng.choice(words)
        if rng.random() < 0.3:
            word = BIGRAM_PREFIX + word + "_" + rng.choice(words)
        found[word] += rng.choice([1.0, 2.0, 4.0, 0.5])  # type: ignore[assignment]
    return found


@pytest.mark.parametrize("seed", range(6))
def test_vectors_equal_the_plain_loop(seed):
    rng = random.Random(seed)
    words = [f"w{n}" for n in range(60)]  # few words: many equal weights at the cut
    dfs = DocumentFrequencies()
    for _ in range(40):
        dfs.add(set(_counts(rng, 20, words)) | {ENTITY_PREFIX + w for w in rng.sample(words, 3)})
    for _ in range(30):
        terms = _counts(rng, rng.randint(0, 200), words)
        ents: Counter[str] = Counter({w: rng.choice([1, 2, 3]) for w in rng.sample(words, 5)})
        for args in [(0.0, 100, 0.5), (1.5, 20, 0.3), (0.0, 5, 1.0), (2.0, 1000, 1.0)]:
            got = weighted_vector(terms, ents, dfs, *args)
            want = _reference(terms, ents, dfs, *args)
            assert list(got.items()) == list(want.items())
        dfs.add(set(terms))  # the IDF memo follows the document count


def test_top_features_is_nsmallest_by_weight_then_key():
    rng = random.Random(3)
    vec = {f"k{n:03d}": rng.choice([0.1, 0.2, 0.3, 0.25]) for n in range(300)}
    for n in (0, 1, 7, 30, 300, 400):
        want = sorted(vec.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        assert top_features(vec, n) == want


def test_an_articles_frequencies_count_each_feature_once():
    terms = Counter({"quake": 3.0, "+quake toll": 1.0, "toll": 2.0})
    entities = Counter({"Ankara": 2.0})
    one, other = DocumentFrequencies(), DocumentFrequencies()
    for dfs in (one, other):
        dfs.add({"quake", "@Ankara"})
    one.add_article(terms, entities)
    other.add(feature_keys(terms, entities))
    assert one.df == other.df == {"quake": 2, "+quake toll": 1, "toll": 1, "@Ankara": 2}
    assert one.docs == other.docs == 2
