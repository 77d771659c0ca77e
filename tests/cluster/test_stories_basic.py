from storyline.cluster.stories import cluster_articles, story_id
from storyline.config import ClusterOptions
from storyline.model import Article

QUAKE = "A strong earthquake struck the coast of {p}, killing {n} people and destroying homes, rescue officials said."
VOTE = "Parliament in {p} voted to approve the budget after a long debate over taxes and spending, lawmakers said."


def art(aid: str, text: str, date: str | None = None, dup: str | None = None) -> Article:
    return Article(id=aid, text=text, raw_text=text, source=aid, date=date, duplicate_of=dup)


def test_same_event_joins_different_event_splits_duplicates_follow_original():
    articles = [
        art("a1", QUAKE.format(p="Chile", n=12), "2014-04-01"),
        art("a2", QUAKE.format(p="Chile", n=14), "2014-04-02"),
        art("a3", VOTE.format(p="Greece"), "2014-04-01"),
        art("a4", "copy", "2014-04-03", dup="a1"),
    ]
    stories = cluster_articles(articles, ClusterOptions())
    assert stories["a1"] == stories["a2"] == stories["a4"] == story_id("a1")
    assert stories["a3"] == story_id("a3") != stories["a1"]
    assert cluster_articles(list(reversed(articles)), ClusterOptions()) == stories
