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


def test_subsample_keeps_whole_stories_and_is_seeded():
    from storyline.cluster.stories import ClusterItem
    from storyline.evaluate.clusters import subsample_by_story

    items = [ClusterItem(f"{s}-{i}", "t", "x") for s in "abcdefgh" for i in range(3)]
    gold = {it.id: it.id[0] for it in items}
    sub = subsample_by_story(items, gold, 7)
    assert len(sub) == 9  # three whole stories: the third one passes 7
    kept = {gold[it.id] for it in sub}
    assert all(gold[it.id] in kept for it in items if gold[it.id] in kept)
    assert sub == subsample_by_story(items, gold, 7)
    assert [it.id for it in sub] == sorted(it.id for it in sub)  # input order kept
