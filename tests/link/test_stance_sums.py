"""The stance features' cheaper forms give the same numbers as their plain definitions:
a claim's character 4-grams found in the body (one set intersection against one
substring search per gram), and the cue model's per-class sums of term weights."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.link.stance_features import (
    FEATURE_NAMES,
    Idf,
    analyse_body,
    analyse_claim,
    flat_text,
    pair_features,
)
from storyline.link.stance_model import CueModel

texts = st.text(alphabet="ab c.\nD'-9é", max_size=80)


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_cover_chars_is_the_share_of_claim_grams_in_the_body(
    claim_text: str, body_text: str
) -> None:
    idf = Idf({}, 1.0)
    claim, body = analyse_claim(claim_text, idf), analyse_body(body_text, idf)
    flat = flat_text(body_text)
    expected = sum(1 for g in claim.grams if g in flat) / len(claim.grams) if claim.grams else 0.0
    row = dict(zip(FEATURE_NAMES, pair_features(claim, body), strict=True))
    assert row["cover_chars"] == expected


weights = st.floats(-3, 3, allow_nan=False)


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(st.sampled_from("abcdef"), st.tuples(weights, weights, weights)),
    st.tuples(weights, weights, weights),
    st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=6), max_size=4),
)
def test_cue_model_sums_each_class_in_term_order(table, intercept, terms_per_pair) -> None:
    model = CueModel(("agree", "disagree", "discuss"), table, intercept)
    zero = (0.0, 0.0, 0.0)
    raw = np.array(
        [
            [b + sum(table.get(t, zero)[k] for t in terms) for k, b in enumerate(intercept)]
            for terms in terms_per_pair
        ],
        dtype=np.float64,
    ).reshape(len(terms_per_pair), 3)
    shifted = np.exp(raw - raw.max(axis=1, keepdims=True))
    expected = shifted / shifted.sum(axis=1, keepdims=True)
    assert model.probabilities(terms_per_pair).tobytes() == expected.tobytes()
