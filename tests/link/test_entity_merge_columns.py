"""``feature_matrix`` computes the per-cluster features a column at a time: the same
float64 values as reading each pair row by row (the reference below is that row-by-row
definition)."""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.link.entity_merge import (
    FEATURES,
    ClusterSummary,
    _closeness,
    _jaccard,
    _lead_ranks,
    candidate_pairs,
    feature_matrix,
)
from storyline.link.entity_names import types_compatible


def _slot_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    if a & b:
        return False
    slots_a = [tuple(p.rsplit(":", 1)) for p in a]
    slots_b = [tuple(p.rsplit(":", 1)) for p in b]
    return any(
        word == other and {slot, other_slot} == {"subj", "obj"}
        for word, slot in slots_a
        for other, other_slot in slots_b
    )


def _row(a, b, rank_a, rank_b, person_rank_a, person_rank_b) -> list[float]:
    shared_docs = a.docs & b.docs
    lead_b = min((rank_b[d] for d in a.docs if d in rank_b), default=50)
    lead_a = min((rank_a[d] for d in b.docs if d in rank_a), default=50)
    person_lead = min(
        min((person_rank_b[d] for d in a.docs if d in person_rank_b), default=50),
        min((person_rank_a[d] for d in b.docs if d in person_rank_a), default=50),
    )
    gap, same_sentence = _closeness(a, b, shared_docs)
    gender_clash = bool(a.genders and b.genders and a.genders != b.genders)
    return [
        float(bool(a.labels & b.labels)),
        float(len(shared_docs)),
        len(shared_docs) / min(len(a.docs), len(b.docs)),
        float(bool(a.names & b.names)),
        _jaccard(a.name_words, b.name_words),
        float(bool(a.name_words & b.name_words)),
        float(bool(a.heads & b.heads)),
        _jaccard(a.heads, b.heads),
        float(bool(a.texts & b.texts)),
        _jaccard(a.context, b.context),
        float(bool(a.type) and a.type == b.type),
        float(types_compatible(a.type, b.type)),
        float(not a.type) + float(not b.type),
        *(v for pair in zip(a.shares, b.shares, strict=True) for v in (min(pair), max(pair))),
        float(a.person and b.person),
        float(a.person != b.person),
        float(gender_clash),
        math.log(min(a.size, b.size)),
        math.log(max(a.size, b.size)),
        float(min(lead_a, lead_b)),
        float(max(lead_a, lead_b)),
        float(bool(a.time_words & b.time_words)),
        float(bool(a.digits & b.digits)),
        float(bool(a.words & b.words)),
        _jaccard(a.words, b.words),
        float(bool(a.months & b.months)),
        float(a.first_person and b.first_person),
        math.log(min(len(a.docs), len(b.docs))),
        math.log(max(len(a.docs), len(b.docs))),
        float(person_lead),
        float(bool(a.roles & b.heads or b.roles & a.heads)),
        gap,
        same_sentence,
        float(len(a.predicates & b.predicates)),
        _jaccard(a.predicates, b.predicates),
        float(_slot_clash(a.predicates, b.predicates)),
    ]


def _words(*pool: str) -> st.SearchStrategy[frozenset[str]]:
    return st.frozensets(st.sampled_from(pool), max_size=3)


@st.composite
def _summary(draw: st.DrawFn) -> ClusterSummary:
    docs = draw(st.frozensets(st.integers(0, 3), min_size=1, max_size=3))
    spans = {
        d: sorted(
            draw(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 9), st.integers(0, 3)), min_size=1, max_size=3))
        )
        for d in docs
    }  # fmt: skip
    spans = {d: [(s, s + n, k) for s, n, k in v] for d, v in spans.items()}
    shares = st.sampled_from([0.0, 0.25, 1 / 3, 0.5, 2 / 3, 1.0])
    return ClusterSummary(
        docs=docs,
        labels=draw(st.frozensets(st.integers(0, 2), max_size=2)),
        names=_words_drawn(draw, "obama", "hugh jackman", "un"),
        name_words=_words_drawn(draw, "obama", "hugh", "jackman"),
        heads=_words_drawn(draw, "host", "president", "jackman"),
        texts=_words_drawn(draw, "the host", "obama", "he"),
        context=_words_drawn(draw, "said", "show", "white", "house", "night"),
        type=draw(st.sampled_from(["", "PERSON", "GPE", "ORG", "NORP", "DATE"])),
        shares=tuple(draw(shares) for _ in range(5)),  # type: ignore[arg-type]
        person=draw(st.booleans()),
        genders=_words_drawn(draw, "m", "f"),
        size=draw(st.integers(1, 40)),
        time_words=_words_drawn(draw, "friday", "monday"),
        digits=_words_drawn(draw, "2", "17"),
        words=_words_drawn(draw, "host", "show", "obama"),
        months=_words_drawn(draw, "may", "june"),
        first_person=draw(st.booleans()),
        person_name=draw(st.booleans()),
        roles=_words_drawn(draw, "host", "president"),
        spans=spans,
        predicates=_words_drawn(draw, "arrest:subj", "arrest:obj", "say:subj", "center:in"),
    )


def _words_drawn(draw: st.DrawFn, *pool: str) -> frozenset[str]:
    return draw(_words(*pool))


@settings(max_examples=150, deadline=None)
@given(st.lists(_summary(), min_size=2, max_size=7))
def test_columns_are_the_row_by_row_features(summaries: list[ClusterSummary]) -> None:
    pairs = [(a, b) for a in range(len(summaries)) for b in range(a + 1, len(summaries))]
    ranks, people = _lead_ranks(summaries), _lead_ranks(summaries, persons=True)
    expected = [
        _row(summaries[a], summaries[b], ranks[a], ranks[b], people[a], people[b]) for a, b in pairs
    ]
    got = feature_matrix(summaries, pairs)
    assert got.shape == (len(pairs), len(FEATURES))
    assert got.tolist() == expected
    assert feature_matrix(summaries, candidate_pairs(summaries)).shape[1] == len(FEATURES)
