"""Near-duplicate (wire copy / repost) detection for the cluster command.

Seeded MinHash LSH proposes candidate pairs; each is verified with the exact containment
of word-shingle sets, |A & B| / min(|A|, |B|), so a copy with added boilerplate or a
trimmed copy still matches. Verified pairs form groups (union-find); each group names one
original: the earliest dated copy, else the copy whose outlet the others name in their
text (the wire: "(AFP) -", "Reuters reported"), else the smallest id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from storyline.config import DedupOptions
from storyline.dedup.minhash import find_near_duplicates, fingerprint
from storyline.model import parse_day

# (id, text, date) or (id, text, date, source/outlet)
DedupInput = tuple[str, str, str | None] | tuple[str, str, str | None, str | None]


def _names_outlet(text: str, outlet: str | None) -> bool:
    if not outlet or len(outlet) < 2:
        return False
    return re.search(r"(?<!\w)" + re.escape(outlet) + r"(?!\w)", text) is not None


def find_duplicates(
    items: Sequence[DedupInput], options: DedupOptions | None = None
) -> dict[str, str]:
    """Map each duplicate's id to its original's id; originals (and uniques) are absent."""
    opts = options or DedupOptions()
    records = sorted({str(it[0]): it for it in items}.values(), key=lambda it: str(it[0]))
    prints = [fingerprint(it[1] or "", opts) for it in records]
    found = find_near_duplicates(
        [str(it[0]) for it in records],
        [p.signature for p in prints],
        [p.shingles for p in prints],
        [None] * len(records),  # the original is chosen below, with the wire rule
        opts,
    )
    by_id = {str(it[0]): it for it in records}
    return choose_originals(found, lambda ids: [by_id[i] for i in ids])


def choose_originals(
    found: dict[str, str],
    members_of: Callable[[list[str]], list[DedupInput]],
    ranks: Mapping[str, int] | None = None,
) -> dict[str, str]:
    """Re-root the groups of ``found`` ({copy id: group root id}) on their real original:
    the one rule for which copy is the original, used by the pipeline, the streaming
    ``storyline cluster`` and ``find_duplicates``.

    ``members_of(ids)`` gives the (id, text, date, source) of a group's ids; it is called
    once per group, so a caller can read the texts of one group at a time. ``ranks``
    (lower wins; e.g. how much boilerplate was cut from a copy) break the remaining ties."""
    ranks = ranks or {}
    groups: dict[str, list[str]] = {}
    for dup, root in found.items():
        groups.setdefault(root, [root]).append(dup)
    duplicate_of: dict[str, str] = {}
    for ids in groups.values():
        members = members_of(ids)
        original = min(members, key=lambda it: _original_key(it, members, ranks))
        for it in members:
            if it is not original:
                duplicate_of[str(it[0])] = str(original[0])
    return dict(sorted(duplicate_of.items()))


def _original_key(
    item: DedupInput, group: Sequence[DedupInput], ranks: Mapping[str, int]
) -> tuple[bool, float, int, int, str]:
    """Earliest first (undated last); then the copy the others credit (wire attribution:
    how many name its outlet); then the lower rank; then the id."""
    day = parse_day(item[2])
    outlet = item[3] if len(item) > 3 else None
    named_by = sum(1 for other in group if other is not item and _names_outlet(other[1], outlet))
    return (day is None, day or 0.0, -named_by, ranks.get(str(item[0]), 0), str(item[0]))
