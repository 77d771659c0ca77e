import random

from storyline.config import DedupOptions
from storyline.dedup.minhash import (
    DedupItem,
    containment,
    find_near_duplicates,
    shingles,
    signature,
)

OPTIONS = DedupOptions()
WORDS = [
    "army",
    "navy",
    "port",
    "ship",
    "minister",
    "talks",
    "truce",
    "border",
    "aid",
    "city",
    "rebels",
    "forces",
    "report",
    "source",
    "capital",
    "vote",
    "court",
    "police",
    "storm",
    "flood",
    "market",
    "bank",
    "price",
    "oil",
    "trade",
]


def article(seed: int, n: int = 200) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) for _ in range(n)) + "."


def item(aid: str, text: str, date: str | None = None, rank: int = 0) -> DedupItem:
    sh = shingles(text, OPTIONS.shingle_words)
    return DedupItem(aid, sh, signature(sh, OPTIONS), date, rank)


def test_exact_near_and_trimmed_copies_point_to_the_original():
    base = article(1)
    items = [
        item("orig", base, "2012-06-19"),
        item("exact", base, "2012-06-20"),
        item("blog", "Share this: Facebook Twitter\n" + base + "\nLeave a Reply", "2012-06-21"),
        item("trimmed", base[: len(base) * 2 // 3], "2012-06-22"),
        item("other", article(2)),
    ]
    assert find_near_duplicates(items, OPTIONS) == {
        "exact": "orig",
        "blog": "orig",
        "trimmed": "orig",
    }


def test_original_is_earliest_then_least_boilerplate_and_order_does_not_matter():
    base = article(3)
    items = [
        item("b", base, None, rank=0),
        item("a", base, None, rank=5),
        item("c", base, "2013-01-01"),
    ]
    expected = {"a": "c", "b": "c"}
    for seed in range(5):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert find_near_duplicates(shuffled, OPTIONS) == expected
    undated = [item("b", base, None, rank=0), item("a", base, None, rank=5)]
    assert find_near_duplicates(undated, OPTIONS) == {"a": "b"}


def test_different_texts_and_empty_texts_are_not_duplicates():
    items = [item(str(i), article(10 + i)) for i in range(20)] + [item("e1", ""), item("e2", "")]
    assert find_near_duplicates(items, OPTIONS) == {}


def test_containment():
    a, b = frozenset("abc"), frozenset("abcd")
    assert containment(a, b) == 1.0 and containment(a, frozenset()) == 0.0
