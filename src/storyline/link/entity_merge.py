"""A learned last pass over the rule clusters: which two clusters are one entity.

The rules (``storyline.link.entities``) leave an entity in pieces where no rule applies:
"the Brooklyn mother" beside "Zurana Horton", "rehab" beside "Promises", a "she" chain
beside its name, "on Friday" beside "late Friday night". This pass describes each pair of
rule clusters in one group by a few numbers (shared name words, heads, surface text and
context words, the event slots they fill, shared articles and sub-stories, kinds, types,
gender, sizes, who leads the articles they share) and joins the pairs a gradient-boosted
model scores above a threshold, strongest first, when the average score between the two
growing groups stays above it (so one weak chain link does not pull two entities
together). The union-find guard still refuses two first names in one entity.

The model (``data/entity_merge.json.gz``) is learned on ECB+ train topics by
``scripts/train_entity_merge.py``; it is a ``TreeEnsemble`` (numpy only, no pickle).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray

from storyline.disjoint import DisjointSet
from storyline.lexicon import word_set
from storyline.link.entity_names import (
    CONNECTORS,
    GuardedUnionFind,
    body_of,
    head_key,
    rival_names,
    types_compatible,
)
from storyline.link.stance_trees import TreeEnsemble
from storyline.nlp.entities import PRONOUNS, EntityMention

MODEL_RESOURCE = "entity_merge.json.gz"
Node = tuple[int, int]


_CONTEXT_CHARS = 80  # characters each side of a mention read as its context
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_STOP = word_set(
    "that this with from have were been will would said says they their there which about "
    "after before into over also when what while where than them then just more most some "
    "such only other being could should these those because"
)
_WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
_MONTHS = word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
_FIRST_PERSON = word_set("i me my mine myself")
_FUNCTION = word_set("the a an of in on at to for and or by 's his her its their")
_SHE_HE = {"he": "m", "him": "m", "his": "m", "himself": "m"} | {
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}

FEATURES = (
    "same_substory",
    "shared_docs",
    "shared_docs_share",
    "name_key_shared",
    "name_word_jaccard",
    "name_word_shared",
    "head_shared",
    "head_jaccard",
    "text_shared",
    "context_jaccard",
    "type_equal",
    "types_compatible",
    "type_missing",
    "name_min",
    "name_max",
    "nominal_min",
    "nominal_max",
    "pronoun_min",
    "pronoun_max",
    "time_min",
    "time_max",
    "plural_min",
    "plural_max",
    "person_both",
    "person_one",
    "gender_clash",
    "size_min",
    "size_max",
    "lead_rank_min",
    "lead_rank_max",
    "time_word_shared",
    "digit_shared",
    "word_shared",
    "word_jaccard",
    "month_shared",
    "first_person_both",
    "docs_min",
    "docs_max",
    "person_lead_rank",
    "role_match",
    "gap",
    "same_sentence",
    "predicate_shared",
    "predicate_jaccard",
    "slot_clash",
)


@dataclass
class ClusterSummary:
    """What the pair features read of one rule cluster."""

    docs: frozenset[int]
    labels: frozenset[int]
    names: frozenset[str]
    name_words: frozenset[str]
    heads: frozenset[str]
    texts: frozenset[str]
    context: frozenset[str]
    type: str
    shares: tuple[float, float, float, float, float]  # name, nominal, pronoun, time, plural
    person: bool
    genders: frozenset[str]
    size: int
    time_words: frozenset[str]
    digits: frozenset[str]
    words: frozenset[str]  # content words of the mentions' own text
    months: frozenset[str]
    first_person: bool
    person_name: bool  # holds a PERSON name
    roles: frozenset[str]  # words of the roles its names carry ("host", "foreign minister")
    spans: dict[int, list[tuple[int, int, int]]]  # article -> (start, end, sentence), sorted
    predicates: frozenset[str]  # "arrest:obj": the event slots its mentions fill


def summarise(
    groups: Sequence[Sequence[Node]],
    mentions: Sequence[Sequence[EntityMention]],
    texts: Sequence[str],
    labels: Sequence[int],
    person_noun: Callable[[EntityMention], bool],
) -> list[ClusterSummary]:
    out = []
    for group in groups:
        ms = [mentions[d][i] for d, i in group]
        kinds = Counter(m.kind for m in ms)
        n = len(ms)
        types = Counter(m.type for m in ms if m.type and m.kind != "pronoun")
        context: set[str] = set()
        for d, i in group:
            m = mentions[d][i]
            window = texts[d][max(0, m.start - _CONTEXT_CHARS) : m.end + _CONTEXT_CHARS]
            context.update(w for w in _WORD.findall(window.lower()) if w not in _STOP)
        surface = {m.text.lower() for m in ms}
        words = {w for m in ms for w in m.text.lower().split()}
        out.append(
            ClusterSummary(
                docs=frozenset(d for d, _ in group),
                labels=frozenset(labels[d] for d, _ in group),
                names=frozenset(m.name for m in ms if m.kind == "name" and m.name),
                name_words=frozenset(
                    w for m in ms if m.kind == "name" for w in m.name.split() if w not in CONNECTORS
                ),
                heads=frozenset(head_key(m.head, m.kind) for m in ms if m.kind != "pronoun"),
                texts=frozenset(surface),
                context=frozenset(context),
                type=types.most_common(1)[0][0] if types else "",
                shares=(
                    kinds["name"] / n,
                    kinds["nominal"] / n,
                    kinds["pronoun"] / n,
                    kinds["time"] / n,
                    sum(m.plural for m in ms) / n,
                ),
                person=any(
                    (m.type == "PERSON" and m.kind != "pronoun")
                    or person_noun(m)
                    or m.head in _SHE_HE
                    for m in ms
                ),
                genders=frozenset(g for m in ms if (g := _SHE_HE.get(m.head, ""))),
                size=n,
                time_words=frozenset(words & _WEEKDAYS),
                digits=frozenset(w for w in words if w.isdigit()),
                words=frozenset(
                    w for w in words if w.isalpha() and w not in _FUNCTION and w not in PRONOUNS
                ),
                months=frozenset(w.rstrip(".") for w in words) & _MONTHS,
                first_person=any(m.kind == "pronoun" and m.head in _FIRST_PERSON for m in ms),
                person_name=any(m.kind == "name" and m.type == "PERSON" for m in ms),
                roles=frozenset(w for m in ms if m.role for w in m.role.lower().split()),
                spans=_spans(group, mentions),
                predicates=frozenset(m.predicate for m in ms if m.predicate),
            )
        )
    return out


def _spans(
    group: Sequence[Node], mentions: Sequence[Sequence[EntityMention]]
) -> dict[int, list[tuple[int, int, int]]]:
    out: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for d, i in group:
        m = mentions[d][i]
        out[d].append((m.start, m.end, m.sentence))
    for spans in out.values():
        spans.sort()
    return out


def _closeness(a: ClusterSummary, b: ClusterSummary, shared: frozenset[int]) -> tuple[float, float]:
    """log of the fewest characters between a mention of each in one article (10 if they
    share none), and whether two of them share a sentence."""
    gap = math.inf
    sentence = False
    for d in shared:
        for s1, e1, n1 in a.spans[d]:
            for s2, e2, n2 in b.spans[d]:
                gap = min(gap, max(s2 - e1, s1 - e2, 0))
                sentence = sentence or n1 == n2
    return (math.log1p(gap) if gap < math.inf else 10.0), float(sentence)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)  # the union's size from it: no union set built for each pair
    return shared / (len(a) + len(b) - shared)


def _lead_ranks(summaries: Sequence[ClusterSummary], persons: bool = False) -> list[dict[int, int]]:
    """Per cluster, per article: its rank among the article's clusters by size (0 = most
    mentioned in the whole group among those the article holds); ``persons``: among the
    clusters holding a person's name only."""
    in_doc: dict[int, list[int]] = defaultdict(list)
    for k, s in enumerate(summaries):
        if persons and not s.person_name:
            continue
        for d in s.docs:
            in_doc[d].append(k)
    ranks: list[dict[int, int]] = [{} for _ in summaries]
    for d, ks in in_doc.items():
        ks.sort(key=lambda k: (-summaries[k].size, k))
        for r, k in enumerate(ks):
            ranks[k][d] = r
    return ranks


# the features read from the two clusters' sets and dicts, one pair at a time in Python;
# the rest come from per-cluster numbers, a column at a time (feature_matrix)
_PAIR_FEATURES = (
    "same_substory", "shared_docs", "shared_docs_share", "name_key_shared",
    "name_word_jaccard", "name_word_shared", "head_shared", "head_jaccard", "text_shared",
    "context_jaccard", "types_compatible", "gender_clash", "lead_rank_min", "lead_rank_max",
    "time_word_shared", "digit_shared", "word_shared", "word_jaccard", "month_shared",
    "person_lead_rank", "role_match", "gap", "same_sentence", "predicate_shared",
    "predicate_jaccard", "slot_clash",
)  # fmt: skip


def pair_features(
    a: ClusterSummary,
    b: ClusterSummary,
    rank_a: dict[int, int],
    rank_b: dict[int, int],
    person_rank_a: dict[int, int],
    person_rank_b: dict[int, int],
) -> tuple[float, ...]:
    """The _PAIR_FEATURES of one pair, in that order."""
    shared_docs = a.docs & b.docs
    # how the other cluster ranks in the articles this one is in: a protagonist leads them
    lead_b = min((rank_b[d] for d in a.docs if d in rank_b), default=50)
    lead_a = min((rank_a[d] for d in b.docs if d in rank_a), default=50)
    person_lead = min(
        min((person_rank_b[d] for d in a.docs if d in person_rank_b), default=50),
        min((person_rank_a[d] for d in b.docs if d in person_rank_a), default=50),
    )
    gap, same_sentence = _closeness(a, b, shared_docs)
    return (
        float(not a.labels.isdisjoint(b.labels)),
        float(len(shared_docs)),
        len(shared_docs) / min(len(a.docs), len(b.docs)),
        float(not a.names.isdisjoint(b.names)),
        _jaccard(a.name_words, b.name_words),
        float(not a.name_words.isdisjoint(b.name_words)),
        float(not a.heads.isdisjoint(b.heads)),
        _jaccard(a.heads, b.heads),
        float(not a.texts.isdisjoint(b.texts)),
        _jaccard(a.context, b.context),
        float(types_compatible(a.type, b.type)),
        float(bool(a.genders and b.genders and a.genders != b.genders)),
        float(min(lead_a, lead_b)),
        float(max(lead_a, lead_b)),
        float(not a.time_words.isdisjoint(b.time_words)),
        float(not a.digits.isdisjoint(b.digits)),
        float(not a.words.isdisjoint(b.words)),
        _jaccard(a.words, b.words),
        float(not a.months.isdisjoint(b.months)),
        float(person_lead),
        float(not (a.roles.isdisjoint(b.heads) and b.roles.isdisjoint(a.heads))),
        gap,
        same_sentence,
        float(len(a.predicates & b.predicates)),
        _jaccard(a.predicates, b.predicates),
        float(_slot_clash(a.predicates, b.predicates)),
    )


def _slot_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """The two fill opposite slots of one word and never the same one ("the police
    arrested" / "was arrested"): doer and undergoer of one event are two entities."""
    if not a.isdisjoint(b):
        return False
    subjects_a, objects_a = _slot_words(a)
    subjects_b, objects_b = _slot_words(b)
    return not (subjects_a.isdisjoint(objects_b) and objects_a.isdisjoint(subjects_b))


@lru_cache(maxsize=65536)
def _slot_words(predicates: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The words of a cluster's ``lemma:subj`` and of its ``lemma:obj`` predicates: split
    once per cluster, not once per pair it is scored in."""
    slots = [p.rsplit(":", 1) for p in predicates]
    return (
        frozenset(word for word, slot in slots if slot == "subj"),
        frozenset(word for word, slot in slots if slot == "obj"),
    )


def candidate_pairs(
    summaries: Sequence[ClusterSummary], max_block: int = 0
) -> list[tuple[int, int]]:
    """Pairs worth scoring: in one sub-story, or sharing a name word. A block (sub-story or
    name word) of more than ``max_block`` clusters (0: no bound) pairs only its largest
    ``max_block``: the work per block stays bounded on a very large story."""
    by_label: dict[int, list[int]] = defaultdict(list)
    by_word: dict[str, list[int]] = defaultdict(list)
    for k, s in enumerate(summaries):
        for label in s.labels:
            by_label[label].append(k)
        for w in s.name_words:
            by_word[w].append(k)
    pairs: set[tuple[int, int]] = set()
    for block in list(by_label.values()) + list(by_word.values()):
        if max_block and len(block) > max_block:
            block = sorted(sorted(block, key=lambda k: (-summaries[k].size, k))[:max_block])
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                pairs.add((a, b) if a < b else (b, a))
    return sorted(pairs)


def feature_matrix(
    summaries: Sequence[ClusterSummary], pairs: Sequence[tuple[int, int]]
) -> NDArray[np.float64]:
    """One row of FEATURES per pair: the set features pair by pair, the features of
    per-cluster numbers (kind shares, sizes, types, person) as numpy columns over all pairs
    (the same float64 values, without tens of builtin calls per pair)."""
    ranks = _lead_ranks(summaries)
    people = _lead_ranks(summaries, persons=True)
    out = np.empty((len(pairs), len(FEATURES)))
    rows = [
        pair_features(summaries[a], summaries[b], ranks[a], ranks[b], people[a], people[b])
        for a, b in pairs
    ]
    columns = [FEATURES.index(f) for f in _PAIR_FEATURES]
    out[:, columns] = np.asarray(rows, dtype=np.float64).reshape(len(pairs), len(columns))
    first = np.asarray([a for a, _ in pairs], dtype=np.int64)
    second = np.asarray([b for _, b in pairs], dtype=np.int64)
    per = _cluster_numbers(summaries)

    def both(name: str) -> tuple[NDArray[Any], NDArray[Any]]:
        return per[name][first], per[name][second]

    def put(feature: str, values: NDArray[Any]) -> None:
        out[:, FEATURES.index(feature)] = values

    type_a, type_b = both("type")  # 0: no type
    put("type_equal", (type_a != 0) & (type_a == type_b))
    missing_a, missing_b = both("type_missing")
    put("type_missing", missing_a + missing_b)
    share_a, share_b = both("shares")
    low, high = np.minimum(share_a, share_b), np.maximum(share_a, share_b)
    for k, kind in enumerate(("name", "nominal", "pronoun", "time", "plural")):
        put(f"{kind}_min", low[:, k])
        put(f"{kind}_max", high[:, k])
    person_a, person_b = both("person")
    put("person_both", person_a & person_b)
    put("person_one", person_a != person_b)
    # log(min(x, y)) is min(log x, log y): each cluster's log taken once, by math.log
    for name in ("size", "docs"):
        log_a, log_b = both(f"{name}_log")
        put(f"{name}_min", np.minimum(log_a, log_b))
        put(f"{name}_max", np.maximum(log_a, log_b))
    first_a, first_b = both("first_person")
    put("first_person_both", first_a & first_b)
    return out


def _cluster_numbers(summaries: Sequence[ClusterSummary]) -> dict[str, NDArray[Any]]:
    """Per cluster, the numbers feature_matrix reads a column at a time."""
    type_code: dict[str, int] = {"": 0}
    return {
        "type": np.asarray([type_code.setdefault(s.type, len(type_code)) for s in summaries]),
        "type_missing": np.asarray([float(not s.type) for s in summaries]),
        "shares": np.asarray([s.shares for s in summaries], dtype=np.float64).reshape(-1, 5),
        "person": np.asarray([bool(s.person) for s in summaries]),
        "size_log": np.asarray([math.log(s.size) for s in summaries]),
        "docs_log": np.asarray([math.log(len(s.docs)) for s in summaries]),
        "first_person": np.asarray([bool(s.first_person) for s in summaries]),
    }


def merge_groups(
    groups: Sequence[Sequence[Node]],
    pairs: Sequence[tuple[int, int]],
    scores: NDArray[np.float64],
    threshold: float,
    uf: GuardedUnionFind,
    index: dict[Node, int],
    apart: Callable[[int, int], bool] | None = None,
) -> None:
    """Join rule clusters, best-scored pair first, while the average score between the two
    growing groups stays at or above ``threshold`` (pairs not scored count as 0) and no
    two of their clusters are ``apart`` (known to be two entities, whatever the score)."""
    # Python floats, read once: indexing the array per pair in the sort key cost more
    # than the rest of the merge (the same float64 values either way)
    values: list[float] = scores.tolist()
    score_of = dict(zip(pairs, values, strict=True))
    members: dict[int, list[int]] = {k: [k] for k in range(len(groups))}
    joined: DisjointSet[int] = DisjointSet(range(len(groups)))
    order = sorted(range(len(pairs)), key=lambda p: (-values[p], pairs[p]))
    for p in order:
        if values[p] < threshold:
            break
        ra, rb = joined.find(pairs[p][0]), joined.find(pairs[p][1])
        if ra == rb:
            continue
        total = sum(
            score_of.get((x, y) if x < y else (y, x), 0.0) for x in members[ra] for y in members[rb]
        )
        if total / (len(members[ra]) * len(members[rb])) < threshold:
            continue
        if apart is not None and any(apart(x, y) for x in members[ra] for y in members[rb]):
            continue
        if not uf.union(index[groups[ra][0]], index[groups[rb][0]]):
            continue  # two first names: not one person
        root = joined.union(ra, rb)
        members[root] += members.pop(rb if root == ra else ra)


@lru_cache(maxsize=1)
def load_model() -> TreeEnsemble:
    """The shipped merge model, read once per process."""
    raw = resources.files("storyline.link").joinpath("data", MODEL_RESOURCE).read_bytes()
    return model_from_json(json.loads(gzip.decompress(raw)))


def model_from_json(data: dict[str, Any]) -> TreeEnsemble:
    if list(data.get("features", [])) != list(FEATURES):
        raise ValueError("entity merge model was trained on other features")
    return TreeEnsemble.from_json(data)


def merge_clusters(
    groups: Sequence[Sequence[Node]],
    mentions: Sequence[Sequence[EntityMention]],
    texts: Sequence[str],
    labels: Sequence[int],
    uf: GuardedUnionFind,
    index: dict[Node, int],
    threshold: float,
    max_block: int,
    person_noun: Callable[[EntityMention], bool],
    model: TreeEnsemble | None = None,
) -> None:
    """Score the candidate pairs of rule clusters and join those above ``threshold``."""
    if len(groups) < 2:
        return
    summaries = summarise(groups, mentions, texts, labels, person_noun)
    pairs = candidate_pairs(summaries, max_block)
    if not pairs:
        return
    scores = (model or load_model()).probabilities(feature_matrix(summaries, pairs))[:, 1]
    merge_groups(groups, pairs, scores, threshold, uf, index, _apart(summaries))


def _apart(summaries: Sequence[ClusterSummary]) -> Callable[[int, int], bool]:
    """Two clusters one of whose names is a body of an organisation the other names, or
    that hold rival names: "U.S. Embassy" / "Canadian Embassy" (one country's embassy is not
    another's), "Meredith Kercher" / "Stephanie Kercher" (kin share a surname). Context
    alone cannot tell such a pair apart, their names do. A one-word name that starts a
    body's name in the group ("House" of "House Freedom Caucus") names that institution,
    not the longer name it ends ("White House")."""
    names = {n for summary in summaries for n in summary.names}
    starts = {n.split()[0] for n in names if body_of(n.split()[0], n)}

    def ends(x: str, y: str) -> bool:
        return x in starts and " " in y and y.split()[-1] == x and y.split()[0] != x

    def apart(a: int, b: int) -> bool:
        names_a, names_b = summaries[a].names, summaries[b].names
        person = summaries[a].person_name and summaries[b].person_name
        return any(
            body_of(x, y) or body_of(y, x) or _rivals(x, y, person) or ends(x, y) or ends(y, x)
            for x in names_a
            for y in names_b
        )

    return apart


def _rivals(x: str, y: str, person: bool) -> bool:
    """Two names of two words or more with the same last word (their head), each with a
    modifier the other lacks: "us embassy" / "canadian embassy"."""
    xs, ys = x.split(), y.split()
    if len(xs) < 2 or len(ys) < 2 or xs[-1] != ys[-1]:
        return False
    return rival_names(set(xs), set(ys), person)
