"""Training and topic-wise cross-validation of the entity merge model (``entity_merge``).

A training example is a candidate pair of rule clusters in one topic; it is positive when
the gold entity most of the first cluster's mentions belong to is the one most of the
second's belong to. Folds are whole topics, so a score is never read off a topic whose
pairs trained the model.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from storyline.config import EntityLinkOptions as LinkOptions
from storyline.link.entities import cluster_mentions
from storyline.link.entity_merge import FEATURES, candidate_pairs, feature_matrix, summarise
from storyline.link.entity_pronouns import person_noun
from storyline.link.stance_trees import TreeEnsemble, export_hist_gradient_boosting
from storyline.link.substories import substories
from storyline.nlp.entities import EntityMention

SEED = 11
Node = tuple[int, int]


@dataclass(frozen=True)
class Topic:
    """One group of articles with its mentions and each mention's gold entity."""

    name: str
    texts: Sequence[str]
    mentions: Sequence[Sequence[EntityMention]]
    gold: Sequence[Sequence[str]]  # per article, per mention


def topic_examples(
    topic: Topic, options: LinkOptions
) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """Features and labels of the candidate pairs of one topic's rule clusters."""
    rules = replace(options, merge_threshold=0.0)
    groups = cluster_mentions(topic.mentions, topic.texts, rules)
    labels = substories(topic.texts, options.substory_similarity)
    summaries = summarise(groups, topic.mentions, topic.texts, labels, person_noun)
    pairs = candidate_pairs(summaries, options.merge_max_block)
    majority = [Counter(topic.gold[d][i] for d, i in g).most_common(1)[0][0] for g in groups]
    y = np.asarray([int(majority[a] == majority[b]) for a, b in pairs], dtype=np.int64)
    return feature_matrix(summaries, pairs), y


def fit(examples: Sequence[tuple[NDArray[np.float64], NDArray[np.int64]]]) -> dict[str, Any]:
    """Fit the boosted trees on the pairs of the given topics; returns the JSON model."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = np.vstack([e[0] for e in examples])
    y = np.concatenate([e[1] for e in examples])
    model = HistGradientBoostingClassifier(
        # small trees: deeper ones (15 leaves, 150 rounds) scored 0.3 CoNLL lower when
        # cross-validated by topic on the ECB+ train topics
        max_iter=100,
        learning_rate=0.1,
        max_leaf_nodes=7,
        min_samples_leaf=40,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=SEED,
    )
    model.fit(x, y)
    out = export_hist_gradient_boosting(model)
    out["features"] = list(FEATURES)
    return out


def fold_of(names: Sequence[str], folds: int) -> dict[str, int]:
    """Topics dealt round-robin into folds in sorted order."""
    return {name: k % folds for k, name in enumerate(sorted(names))}


def cross_validated_clusters(
    topics: Sequence[Topic], options: LinkOptions, folds: int = 5
) -> dict[str, list[list[Node]]]:
    """Clusters of each topic from a model trained on the other folds' topics only."""
    fold = fold_of([t.name for t in topics], folds)
    examples = {t.name: topic_examples(t, options) for t in topics}
    out: dict[str, list[list[Node]]] = {}
    for k in range(folds):
        train = [examples[t.name] for t in topics if fold[t.name] != k]
        held = [t for t in topics if fold[t.name] == k]
        if not held:
            continue
        model = TreeEnsemble.from_json(fit(train))
        for t in held:
            out[t.name] = cluster_mentions(t.mentions, t.texts, options, merge_model=model)
    return out
