"""Centroid groups and their inverted index: what stories and storylines are made of.

A ``Group`` keeps the running sum of its members' vectors (its centroid, never divided),
its squared norm, its entity weights and its date span; a ``GroupIndex`` finds the groups
an article may join through postings of their heaviest features (the most recent postings
only), so the cost per article does not grow with the collection.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, TypeVar

from storyline.cluster.features import Vector, dot, span_gap, time_decay
from storyline.cluster.rowmap import prefetch, prefetch_keys
from storyline.config import ClusterOptions


def short_id(prefix: str, seed: str) -> str:
    return prefix + hashlib.sha1(seed.encode("utf-8")).hexdigest()[:12]


@dataclass
class Group:
    """A story or a storyline: a running sum of member vectors and its date span."""

    id: str
    total: Vector = field(default_factory=dict)
    sqnorm: float = 0.0
    size: int = 0
    first: float | None = None
    last: float | None = None
    parent: str | None = None  # storyline id, for stories
    indexed: set[str] = field(default_factory=set)
    # stories only: sum of members' entity vectors (who/where), for storyline matching
    entities: Vector = field(default_factory=dict)
    # stories only, with dense vectors on: sum of members' sentence vectors
    dense: list[float] | None = None

    def add_dense(self, vec: Sequence[float]) -> None:
        if self.dense is None:
            self.dense = [float(v) for v in vec]
        else:
            self.dense = [a + float(b) for a, b in zip(self.dense, vec, strict=True)]

    def add(self, vec: Vector, day: float | None, weight: float = 1.0) -> None:
        total = self.total
        get = total.get
        sq = self.sqnorm
        if weight == 1.0:  # v, not 1.0 * v: the same number, one product less per feature
            for k, v in vec.items():
                old = get(k, 0.0)
                new = old + v
                total[k] = new
                sq += new * new - old * old
        else:
            for k, v in vec.items():
                old = get(k, 0.0)
                new = old + weight * v
                total[k] = new
                sq += new * new - old * old
        self.sqnorm = max(sq, 0.0)
        self.size += 1
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)

    def remove(self, vec: Vector) -> None:
        """Take one member's vector out again (for the refinement pass)."""
        total = self.total
        sq = self.sqnorm
        for k, v in vec.items():
            old = total.get(k)
            if old is None:  # pruned away earlier
                continue
            new = old - v
            sq += new * new - old * old
            if new <= 1e-12:
                del total[k]
            else:
                total[k] = new
        self.sqnorm = max(sq, 0.0)
        self.size -= 1

    def prune(self, keep: int) -> None:
        """Bound memory: past 2 * keep features, keep only the ``keep`` heaviest ones.

        The light tail of a big story's centroid barely moves a cosine; dropping it keeps
        state size proportional to the number of stories, not of articles.
        """
        if keep <= 0 or len(self.total) <= 2 * keep:
            return
        self.total = dict(top_features(self.total, keep))
        self.sqnorm = math.fsum(v * v for v in self.total.values())
        if len(self.entities) > 2 * keep:
            self.entities = dict(top_features(self.entities, keep))

    def cosine(self, vec: Vector) -> float:
        if self.sqnorm <= 0:
            return 0.0
        return dot(vec, self.total) / math.sqrt(self.sqnorm)

    def unit_vector(self) -> Vector:
        norm = math.sqrt(self.sqnorm) or 1.0
        return {k: v / norm for k, v in self.total.items()}

    def to_state(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "total": dict(sorted(self.total.items())),
            "size": self.size,
            "first": self.first,
            "last": self.last,
            "parent": self.parent,
            "indexed": sorted(self.indexed),
            "entities": dict(sorted(self.entities.items())),
            **({"dense": [round(v, 6) for v in self.dense]} if self.dense is not None else {}),
        }

    @classmethod
    def from_state(cls, d: dict[str, Any]) -> Group:
        total = {str(k): float(v) for k, v in d["total"].items()}
        g = cls(
            id=d["id"],
            total=total,
            sqnorm=math.fsum(v * v for v in total.values()),
            size=int(d["size"]),
            first=d.get("first"),
            last=d.get("last"),
            parent=d.get("parent"),
            indexed=set(d.get("indexed", [])),
            entities={str(k): float(v) for k, v in d.get("entities", {}).items()},
            dense=[float(v) for v in d["dense"]] if d.get("dense") is not None else None,
        )
        return g


class GroupIndex:
    """Groups plus an inverted index from a feature to the groups that carry it."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.groups: dict[str, Group] = {}
        self.postings: dict[str, list[str]] = defaultdict(list)

    def new_group(self, seed: str) -> Group:
        gid = short_id(self.prefix, seed)
        # a collision is astronomically unlikely, but never merge two groups silently
        n = 1
        while gid in self.groups:
            gid = short_id(self.prefix, f"{seed}#{n}")
            n += 1
        group = Group(id=gid)
        self.groups[gid] = group
        return group

    def index(self, group: Group, vec: Vector, terms: int) -> None:
        for key, _ in top_features(vec, terms):
            if key not in group.indexed:
                group.indexed.add(key)
                self.postings[key].append(group.id)

    def candidates(self, vec: Vector, opts: ClusterOptions, query: list | None = None) -> list[str]:
        """Groups sharing a heavy feature with ``vec``, best lexical overlap first."""
        overlap: dict[str, float] = {}  # a dict: a Counter's missing key is a Python call
        get = overlap.get
        groups = self.groups
        wanted = query if query is not None else top_features(vec, opts.query_terms)
        prefetch(self.postings, (key for key, _ in wanted))
        # the most recent groups are at the end: old ones rarely take new articles
        recent = [(self.postings.get(key) or [])[-opts.max_postings :] for key, _ in wanted]
        prefetch_keys(groups, (gid for posting in recent for gid in posting))
        for (_key, weight), posting in zip(wanted, recent, strict=True):
            for gid in posting:
                if gid in groups:  # merged-away stories leave stale postings
                    overlap[gid] = get(gid, 0) + weight
        if len(overlap) <= opts.max_candidates:
            return sorted(overlap)
        return sorted(gid for gid, _ in top_features(overlap, opts.max_candidates))

    def best(
        self,
        vec: Vector,
        day: float | None,
        opts: ClusterOptions,
        tau: float,
        query: list[tuple[str, float]] | None = None,
    ) -> tuple[float, Group | None]:
        best_score, best_group = 0.0, None
        found = self.candidates(vec, opts, query)
        prefetch(self.groups, found)
        for gid in found:
            group = self.groups[gid]
            decay = time_decay(day, group.first, group.last, opts.time_grace_days, tau)
            if decay < 1e-3:
                continue
            score = group.cosine(vec) * decay
            if score > best_score:  # ties keep the smaller id (candidates are sorted)
                best_score, best_group = score, group
        return best_score, best_group

    def to_state(self) -> list[dict[str, Any]]:
        return [self.groups[g].to_state() for g in sorted(self.groups)]

    def load(self, groups: list[dict[str, Any]]) -> None:
        for d in groups:
            g = Group.from_state(d)
            self.groups[g.id] = g
        # postings are rebuilt in creation order of the groups' first date then id, which
        # only changes which old groups are scanned first; candidate sets are re-sorted anyway
        order = sorted(self.groups.values(), key=lambda g: (g.first is None, g.first or 0, g.id))
        for g in order:
            for key in sorted(g.indexed):
                self.postings[key].append(g.id)


def time_decay_span(a: Group, b: Group, opts: ClusterOptions) -> float:
    gap = span_gap(a.first, a.last, b.first, b.last)
    if gap is None or gap <= opts.time_grace_days:
        return 1.0
    return math.exp(-(gap - opts.time_grace_days) / opts.time_tau_days)


def absorb(target: Group, source: Group) -> None:
    total = target.total
    sq = target.sqnorm
    for k, v in source.total.items():
        old = total.get(k, 0.0)
        new = old + v
        total[k] = new
        sq += new * new - old * old
    target.sqnorm = max(sq, 0.0)
    target.size += source.size
    if source.dense is not None:
        target.add_dense(source.dense)
    for k, v in source.entities.items():
        target.entities[k] = target.entities.get(k, 0.0) + v
    if source.first is not None:
        target.first = source.first if target.first is None else min(target.first, source.first)
        last = source.last if source.last is not None else source.first
        target.last = last if target.last is None else max(target.last, last)


def unit_vector(vec: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm > 0 else {}


Weight = TypeVar("Weight", int, float)


def top_features(vec: Mapping[str, Weight], n: int) -> list[tuple[str, Weight]]:
    """The ``n`` heaviest features, by weight then key (what ``heapq.nsmallest`` by (-weight,
    key) gives): sorted by key, then a stable sort by weight, two sorts in C with no key
    tuple per item."""
    found = sorted(vec.items())
    found.sort(key=itemgetter(1), reverse=True)
    return found[:n]
