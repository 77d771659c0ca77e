import numpy as np
import pytest

from storyline.link.entities import LinkOptions, _first, cluster_mentions
from storyline.link.entity_merge import (
    FEATURES,
    candidate_pairs,
    feature_matrix,
    load_model,
    merge_groups,
    model_from_json,
    summarise,
)
from storyline.link.entity_merge_train import Topic, fit, fold_of, topic_examples
from storyline.link.entity_names import GuardedUnionFind, body_of
from storyline.link.stance_trees import TreeEnsemble
from storyline.nlp.entities import EntityMention


def _m(start, text, kind, head, name="", type_="", sentence=0, plural=False):
    return EntityMention(start, start + len(text), text, type_, kind, head, name, plural, sentence)


def _stump(feature: str, cut: float = 0.5) -> TreeEnsemble:
    """One tree: probability ~0.98 when ``feature`` > cut, else ~0.02."""
    return model_from_json(
        {
            "features": list(FEATURES),
            "classes": ["0", "1"],
            "baseline": [0.0],
            "trees": [
                {
                    "output": 0,
                    "depth": 1,
                    "feature": [FEATURES.index(feature), -1, -1],
                    "threshold": [cut, 0.0, 0.0],
                    "left": [1, 0, 0],
                    "right": [2, 0, 0],
                    "value": [0.0, -4.0, 4.0],
                }
            ],
        }
    )


def _uf(mentions, groups):
    nodes = [(d, i) for d, ms in enumerate(mentions) for i in range(len(ms))]
    index = {n: k for k, n in enumerate(nodes)}
    uf = GuardedUnionFind([_first(mentions, n) for n in nodes])
    for g in groups:
        for n in g[1:]:
            uf.union(index[g[0]], index[n])
    return uf, index


def test_merge_joins_the_best_pair_but_not_through_a_weak_chain():
    mentions = [
        [_m(0, "a", "nominal", "a"), _m(2, "b", "nominal", "b"), _m(4, "c", "nominal", "c")]
    ]
    groups = [[(0, 0)], [(0, 1)], [(0, 2)]]
    uf, index = _uf(mentions, groups)
    # a-b and b-c look alike, a-c does not: joining c to {a, b} averages 0.45 < 0.5
    merge_groups(groups, [(0, 1), (1, 2), (0, 2)], np.array([0.9, 0.8, 0.1]), 0.5, uf, index)
    assert uf.find(0) == uf.find(1) != uf.find(2)


def test_merge_never_joins_two_first_names():
    mentions = [
        [
            _m(0, "Hillary Clinton", "name", "clinton", "hillary clinton", "PERSON"),
            _m(20, "Bill Clinton", "name", "clinton", "bill clinton", "PERSON"),
        ]
    ]
    groups = [[(0, 0)], [(0, 1)]]
    uf, index = _uf(mentions, groups)
    merge_groups(groups, [(0, 1)], np.array([0.99]), 0.5, uf, index)
    assert uf.find(0) != uf.find(1)


def test_a_model_joins_rule_clusters_the_rules_left_apart():
    texts = ["Zurana Horton , a Brooklyn mother , was shot .", "The Brooklyn parent died ."]
    mentions = [
        [
            _m(0, "Zurana Horton", "name", "horton", "zurana horton", "PERSON"),
            _m(18, "Brooklyn mother", "nominal", "mother"),
        ],
        [_m(4, "Brooklyn parent", "nominal", "parent")],
    ]
    rules = cluster_mentions(mentions, texts, LinkOptions(merge_threshold=0))
    assert [(1, 0)] in rules  # "parent" and "mother" share no head
    merged = cluster_mentions(mentions, texts, LinkOptions(), merge_model=_stump("word_shared"))
    assert [(0, 1), (1, 0)] in merged or [(0, 0), (0, 1), (1, 0)] in merged
    off = cluster_mentions(
        mentions, texts, LinkOptions(merge_threshold=0), merge_model=_stump("word_shared")
    )
    assert off == rules


def test_features_and_candidates_of_a_group():
    texts = ["On Friday the storm hit Ohio .", "Late Friday the storm reached Ohio ."]
    mentions = [
        [
            _m(3, "Friday", "time", "friday", type_="DATE"),
            _m(23, "Ohio", "name", "ohio", "ohio", "GPE"),
        ],
        [
            _m(5, "Friday", "time", "friday", type_="DATE"),
            _m(30, "Ohio", "name", "ohio", "ohio", "GPE"),
        ],
    ]
    groups = [[(0, 0)], [(0, 1), (1, 1)], [(1, 0)]]
    summaries = summarise(groups, mentions, texts, [0, 1], lambda m: False)
    # the two Fridays are in different sub-stories and share no name word: never scored;
    # Ohio is in both sub-stories
    assert candidate_pairs(summaries) == [(0, 1), (1, 2)]
    # a block bounded to one cluster pairs nothing
    assert candidate_pairs(summaries, max_block=1) == []
    x = feature_matrix(summaries, [(0, 2), (0, 1)])
    assert x.shape == (2, len(FEATURES))
    assert x[0, FEATURES.index("time_word_shared")] == 1.0
    assert x[0, FEATURES.index("text_shared")] == 1.0
    assert x[1, FEATURES.index("shared_docs")] == 1.0


def test_a_model_trained_on_other_features_is_refused():
    with pytest.raises(ValueError):
        model_from_json({"features": ["x"], "classes": ["0", "1"], "baseline": [0.0], "trees": []})


def test_the_shipped_model_loads_and_scores():
    model = load_model()
    p = model.probabilities(np.zeros((3, len(FEATURES))))
    assert p.shape == (3, 2) and np.allclose(p.sum(axis=1), 1.0)


def test_folds_are_whole_topics_and_training_is_deterministic():
    fold = fold_of(["3", "1", "2", "10"], 2)
    assert sorted(fold) == ["1", "10", "2", "3"] and set(fold.values()) == {0, 1}
    texts = ["Jackman hosted the show . The host sang .", "The host , Hugh Jackman , sang ."]
    mentions = [
        [
            _m(0, "Jackman", "name", "jackman", "jackman", "PERSON"),
            _m(26, "host", "nominal", "host"),
        ],
        [
            _m(4, "host", "nominal", "host"),
            _m(11, "Hugh Jackman", "name", "jackman", "hugh jackman", "PERSON"),
        ],
    ]
    topic = Topic("t", texts, mentions, [["J", "J"], ["J", "J"]])
    x, y = topic_examples(topic, LinkOptions())
    assert x.shape[1] == len(FEATURES) and set(y.tolist()) <= {0, 1}
    rng = np.random.RandomState(0)
    synthetic = rng.rand(200, len(FEATURES))
    examples = [(synthetic, (synthetic[:, 0] > 0.5).astype(np.int64))]
    first = fit(examples)
    assert first == fit(examples) and first["features"] == list(FEATURES)
    trained = model_from_json(first).probabilities(synthetic)[:, 1]
    assert trained[synthetic[:, 0] > 0.6].min() > trained[synthetic[:, 0] < 0.4].max()


def test_event_slots_set_the_predicate_features():
    from dataclasses import replace

    texts = [
        "Police arrested Reid .",
        "Officers arrested the actress .",
    ]
    mentions = [
        [
            replace(_m(0, "Police", "nominal", "police", plural=True), predicate="arrest:subj"),
            replace(_m(16, "Reid", "name", "reid", "reid", "PERSON"), predicate="arrest:obj"),
        ],
        [
            replace(_m(0, "Officers", "nominal", "officer", plural=True), predicate="arrest:subj"),
            replace(_m(18, "the actress", "nominal", "actress"), predicate="arrest:obj"),
        ],
    ]
    groups = [[(0, 0)], [(0, 1)], [(1, 0)], [(1, 1)]]
    summaries = summarise(groups, mentions, texts, [0, 0], lambda m: False)
    x = feature_matrix(summaries, [(1, 3), (0, 3), (0, 2)])
    shared, jaccard, clash = (
        FEATURES.index(f) for f in ("predicate_shared", "predicate_jaccard", "slot_clash")
    )
    # Reid and "the actress" fill the same slot of "arrest": one participant
    assert x[0, shared] == 1.0 and x[0, jaccard] == 1.0 and x[0, clash] == 0.0
    # the police arrest, the actress is arrested: doer and undergoer are two entities
    assert x[1, shared] == 0.0 and x[1, clash] == 1.0
    assert x[2, shared] == 1.0 and x[2, clash] == 0.0


def test_a_body_of_an_organisation_is_not_the_organisation():
    assert body_of("united nations", "united nations security council")
    assert body_of("european union", "european union court")
    assert not body_of("united nations", "united nations")  # the same name
    assert not body_of("promises", "promises treatment center")  # its own full name
    assert not body_of("security council", "security council committee")  # a body already
    assert not body_of("nations", "united nations security council")  # not its first words


def test_the_merge_pass_never_joins_an_organisation_and_its_body():
    texts = ["The United Nations met .", "The United Nations Security Council voted ."]
    mentions = [
        [_m(4, "United Nations", "name", "nations", "united nations", "ORG")],
        [_m(4, "United Nations Security Council", "name", "council", "united nations security council", "ORG")],
    ]  # fmt: skip
    model = _stump("name_word_shared")  # shared name words: ~0.98 for this pair
    merged = cluster_mentions(mentions, texts, LinkOptions(), merge_model=model)
    assert [(0, 0)] in merged and [(1, 0)] in merged
    # the same score joins two forms of one organisation
    texts[1] = "The United Nations Organization voted ."
    mentions[1] = [_m(4, "United Nations Organization", "name", "organization", "united nations organization", "ORG")]  # fmt: skip
    assert [(0, 0), (1, 0)] in cluster_mentions(mentions, texts, LinkOptions(), merge_model=model)


def test_a_model_never_joins_rival_names_of_one_head():
    # one country's embassy is not another's, however alike their contexts read
    texts = ["Staff at the U.S. Embassy left .", "The Canadian Embassy stayed open ."]
    mentions = [
        [_m(12, "U.S. Embassy", "name", "embassy", "us embassy", "ORG")],
        [_m(4, "Canadian Embassy", "name", "embassy", "canadian embassy", "ORG")],
    ]
    merged = cluster_mentions(mentions, texts, LinkOptions(), merge_model=_stump("word_shared"))
    assert merged == [[(0, 0)], [(1, 0)]]
    # a plain short form is no rival: the model may still join it
    mentions[1] = [_m(4, "Embassy", "name", "embassy", "embassy", "ORG")]
    merged = cluster_mentions(mentions, texts, LinkOptions(), merge_model=_stump("word_shared"))
    assert len(merged) == 1


def test_a_word_that_starts_a_body_s_name_is_not_the_name_it_ends():
    # "House" starts "House Freedom Caucus": it names the chamber, not the White House
    texts = [
        "The House voted . The White House said so .",
        "The House Freedom Caucus balked . The White House wrote .",
    ]
    mentions = [
        [
            _m(4, "House", "name", "house", "house", "ORG"),
            _m(22, "White House", "name", "house", "white house", "ORG"),
        ],
        [
            _m(4, "House Freedom Caucus", "name", "caucus", "house freedom caucus", "ORG"),
            _m(38, "White House", "name", "house", "white house", "ORG"),
        ],
    ]
    merged = cluster_mentions(mentions, texts, LinkOptions(), merge_model=_stump("word_shared"))
    house = next(c for c in merged if (0, 0) in c)
    assert (0, 1) not in house and (1, 1) not in house, merged
    assert body_of("house", "house freedom caucus")
