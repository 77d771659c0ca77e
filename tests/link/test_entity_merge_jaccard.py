"""``_jaccard`` counts the union from the intersection: the same number as the sets'."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyline.link.entity_merge import _jaccard

words = st.frozensets(st.sampled_from(["a", "b", "c", "d", "e", "f", "g"]))


@given(words, words)
def test_jaccard_is_shared_over_union(a: frozenset[str], b: frozenset[str]) -> None:
    expected = len(a & b) / len(a | b) if a and b else 0.0
    assert _jaccard(a, b) == expected


def test_jaccard_of_disjoint_and_equal_sets() -> None:
    assert _jaccard(frozenset("ab"), frozenset("cd")) == 0.0
    assert _jaccard(frozenset("ab"), frozenset("ab")) == 1.0
    assert _jaccard(frozenset("abc"), frozenset("bcd")) == 0.5
