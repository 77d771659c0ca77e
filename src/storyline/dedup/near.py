"""Near-duplicate (wire copy / repost) detection for the cluster command.

Seeded MinHash LSH proposes candidate pairs; each is verified with the exact containment
of word-shingle sets, |A & B| / min(|A|, |B|), so a copy with added boilerplate or a
trimmed copy still matches. Verified pairs form groups (union-find); each group names one
original: the earliest dated copy, else the copy whose outlet the others name in their
text (the wire: "(AFP) -", "Reuters reported"), else the smallest id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from storyline.cluster.features import parse_day
from storyline.config import DedupOptions
from storyline.dedup.minhash import SCHEME, containment
from storyline.dedup.minhash import shingles as shingle_set

# (id, text, date) or (id, text, date, source/outlet)
DedupInput = tuple[str, str, str | None] | tuple[str, str, str | None, str | None]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent.setdefault(x, x)
        if parent != x:
            parent = self.parent[x] = self.find(parent)
        return parent

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # smaller id becomes the root so the structure is order-independent
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _names_outlet(text: str, outlet: str | None) -> bool:
    if not outlet or len(outlet) < 2:
        return False
    return re.search(r"(?<!\w)" + re.escape(outlet) + r"(?!\w)", text) is not None


def find_duplicates(
    items: Sequence[DedupInput], options: DedupOptions | None = None
) -> dict[str, str]:
    """Map each duplicate's id to its original's id; originals (and uniques) are absent."""
    from datasketch import MinHash, MinHashLSH

    opts = options or DedupOptions()
    records = sorted({str(it[0]): it for it in items}.values(), key=lambda it: str(it[0]))
    shingles = {str(it[0]): shingle_set(it[1] or "", opts.shingle_words) for it in records}
    lsh = MinHashLSH(threshold=opts.lsh_threshold, num_perm=opts.num_perm)
    uf = _UnionFind()
    exact: dict[str, str] = {}
    for it in records:
        item_id = str(it[0])
        sh = shingles[item_id]
        if not sh:
            continue
        digest = hashlib.sha1("\n".join(sorted(sh)).encode("utf-8")).hexdigest()
        if digest in exact:
            uf.union(item_id, exact[digest])
            continue
        exact[digest] = item_id
        mh = MinHash(num_perm=opts.num_perm, seed=opts.seed, scheme=SCHEME)
        mh.update_batch([s.encode("utf-8") for s in sorted(sh)])
        for cand in sorted(lsh.query(mh)):
            if containment(sh, shingles[cand]) >= opts.min_containment:
                uf.union(item_id, cand)
        lsh.insert(item_id, mh)

    groups: dict[str, list[DedupInput]] = {}
    for it in records:
        item_id = str(it[0])
        if item_id in uf.parent:
            groups.setdefault(uf.find(item_id), []).append(it)

    duplicate_of: dict[str, str] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        original = min(members, key=lambda it: _original_key(it, members))
        for it in members:
            if it is not original:
                duplicate_of[str(it[0])] = str(original[0])
    return dict(sorted(duplicate_of.items()))


def _original_key(item: DedupInput, group: Sequence[DedupInput]) -> tuple[bool, float, int, str]:
    day = parse_day(item[2])
    outlet = item[3] if len(item) > 3 else None
    # how many other copies name this copy's outlet in their text (wire attribution)
    named_by = sum(1 for other in group if other is not item and _names_outlet(other[1], outlet))
    return (day is None, day or 0.0, -named_by, str(item[0]))
