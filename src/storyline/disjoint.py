"""One union-find for every stage that groups things by pairwise links (copies of one
original, storylines sharing a name, entity clusters, sources quoting one sentence).

A group's root is always its smallest member, so the grouping and the representative a
caller reads from it never depend on the order the links arrive in (determinism)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

T = TypeVar("T", int, str)


class DisjointSet(Generic[T]):
    """Groups of items joined pairwise; an item not seen before is its own group."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self.parent: dict[T, T] = {x: x for x in items}

    def find(self, x: T) -> T:
        """The root (smallest member) of ``x``'s group."""
        parent = self.parent
        root = parent.setdefault(x, x)
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:  # path compression: later finds take one step
            parent[x], x = root, parent[x]
        return root

    def union(self, a: T, b: T) -> T:
        """Join the groups of ``a`` and ``b``; returns the joined group's root."""
        ra, rb = self.find(a), self.find(b)
        root, child = (ra, rb) if ra <= rb else (rb, ra)
        self.parent[child] = root
        return root
