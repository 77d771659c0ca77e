"""Person chains with no name, joined to the person their article is about.

ECB+-style news names its protagonist in some sentences and says "she", "her", "the
actress" in others; when the naming sentence is not among the mentions (or too far back
for the pronoun window), the "she ... her" chain is left as an entity of its own. Such a
chain — singular personal pronouns, maybe person nouns, no name — joins the person named
most often in its article (else in its sub-story) whose known gender does not clash.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from storyline.link.entity_names import _OTHER_PARTIES, GuardedUnionFind
from storyline.nlp.entities import EntityMention

_PERSONAL = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}

Node = tuple[int, int]


def attach_orphan_chains(
    mentions: Sequence[Sequence[EntityMention]],
    nodes: list[Node],
    index: dict[Node, int],
    uf: GuardedUnionFind,
    labels: list[int],
    gender_of: Callable[[EntityMention], str],
    person_noun: Callable[[EntityMention], bool],
) -> None:
    """Join each nameless singular-person chain to its article's leading person."""
    members: dict[int, list[Node]] = defaultdict(list)
    for node in nodes:
        members[uf.find(index[node])].append(node)
    genders: dict[int, set[str]] = {}
    named: set[int] = set()
    in_doc: dict[int, Counter[int]] = defaultdict(Counter)  # article -> person root -> count
    in_story: dict[int, Counter[int]] = defaultdict(Counter)
    for root, group in members.items():
        genders[root] = {g for d, i in group if (g := gender_of(mentions[d][i]))}
        people = [(d, i) for d, i in group if _person_name(mentions[d][i])]
        if people:
            named.add(root)
            for d, _i in people:
                in_doc[d][root] += 1
                in_story[labels[d]][root] += 1
    for root in sorted(members):
        group = members[root]
        if root in named or len(genders[root]) > 1:
            continue
        if not all(_personal(mentions[d][i], person_noun) for d, i in group):
            continue
        if all(mentions[d][i].kind != "pronoun" for d, i in group):
            continue  # "the guard" alone is as likely someone else as the protagonist
        if any(mentions[d][i].plural for d, i in group):
            continue
        d = group[0][0]
        leader = _leader(in_doc[d], genders, genders[root]) or _leader(
            in_story[labels[d]], genders, genders[root]
        )
        if leader is not None:
            uf.union(leader, root)


def _personal(m: EntityMention, person_noun: Callable[[EntityMention], bool]) -> bool:
    if m.kind == "pronoun":
        return m.head in _PERSONAL
    return person_noun(m) and m.head not in _OTHER_PARTIES


def _person_name(m: EntityMention) -> bool:
    return m.kind == "name" and m.type == "PERSON"


def _leader(counts: Counter[int], genders: dict[int, set[str]], gender: set[str]) -> int | None:
    fits = [(n, r) for r, n in counts.items() if not gender or not genders[r] - gender]
    fits.sort(key=lambda x: (-x[0], x[1]))
    if not fits or (len(fits) > 1 and fits[1][0] == fits[0][0]):
        return None  # no one, or two people named as often: do not guess
    return fits[0][1]
