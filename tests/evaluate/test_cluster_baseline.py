from news_fixtures import ELECTION, QUAKE_A
from storyline.evaluate.cluster_baseline import single_pass_tfidf


def test_baseline_separates_unrelated_stories_and_labels_every_item():
    labels = single_pass_tfidf(QUAKE_A + ELECTION, threshold=0.1)
    assert sorted(labels) == sorted(it.id for it in QUAKE_A + ELECTION)
    assert labels["el-1"] == labels["el-2"]
    assert labels["qa-1"] != labels["el-1"]


def test_baseline_threshold_one_gives_singletons():
    labels = single_pass_tfidf(QUAKE_A, threshold=1.01)
    assert len(set(labels.values())) == len(QUAKE_A)


def test_baseline_empty():
    assert single_pass_tfidf([]) == {}
