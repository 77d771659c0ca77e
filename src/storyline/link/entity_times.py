"""Time mentions of a group: the day words that point at the weekday a story names."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from storyline.lexicon import word_set
from storyline.link.entity_names import GuardedUnionFind
from storyline.nlp.entities import EntityMention

_WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
_DEICTIC_DAYS = word_set("today yesterday tonight night morning evening afternoon")


def link_deictic_days(
    mentions: Sequence[Sequence[EntityMention]],
    labels: list[int],
    uf: GuardedUnionFind,
    index: dict[tuple[int, int], int],
) -> None:
    """A "today", "yesterday" or "this morning" joins the weekday its sub-story names most
    (``labels``: each article's sub-story): the reports of one event mean one day by them;
    a tie between two weekdays joins neither."""
    days: dict[int, Counter] = defaultdict(Counter)
    deictic: dict[int, list[int]] = defaultdict(list)
    for d, ms in enumerate(mentions):
        for i, mention in enumerate(ms):
            words = set(mention.text.lower().split())
            if mention.kind not in ("time", "nominal"):
                continue
            if mention.head in _WEEKDAYS:
                days[labels[d]][uf.find(index[(d, i)])] += 1
            elif mention.head in _DEICTIC_DAYS and not words & _WEEKDAYS:
                deictic[labels[d]].append(index[(d, i)])
    for label in sorted(deictic):
        ranked = days[label].most_common(2)
        if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
            continue
        for k in deictic[label]:
            uf.union(ranked[0][0], k)
