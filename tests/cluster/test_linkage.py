"""Average-linkage story grouping: two events with the same people stay two at any pile size."""

import random

import numpy as np
import pytest

from storyline.cluster.average_linkage import average_linkage
from storyline.cluster.linkage import Graph
from storyline.cluster.stories import ClusterItem, StoryClusterer
from storyline.config import ClusterOptions

COMMON = [
    "officials",
    "statement",
    "morning",
    "report",
    "local",
    "plan",
    "public",
    "group",
    "week",
    "support",
    "meeting",
    "area",
    "members",
    "office",
    "return",
    "month",
    "several",
    "early",
    "later",
    "called",
    "added",
    "expected",
    "recent",
    "number",
]
ACTORS = ["Delgado", "Brennan", "Harlow"]  # the same three people in both events
TOPIC = ["state", "legislature", "capitol", "governor", "senator", "budget", "session", "lawmakers"]
# what happened: a bridge funding vote collapses vs a joint wildfire relief announcement
BRIDGE = [
    "bridge",
    "funding",
    "vote",
    "collapsed",
    "toll",
    "crossing",
    "repairs",
    "engineers",
    "deadlock",
]
FIRE = [
    "wildfire",
    "relief",
    "evacuees",
    "shelters",
    "firefighters",
    "burned",
    "acres",
    "containment",
]


def _article(rng: random.Random, aid: str, day: str | None, names, topic, event) -> ClusterItem:
    sentences = []
    for _ in range(5):
        words = rng.sample(event, 3) + rng.sample(topic, 2) + rng.sample(COMMON, 4)
        rng.shuffle(words)
        sentences.append(f"{rng.choice(names)} " + " ".join(words) + ".")
    title = " ".join([names[0]] + rng.sample(event, 3) + rng.sample(topic, 1))
    return ClusterItem(aid, title, " ".join(sentences), day)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def _pile(filler: int, dated: bool) -> tuple[list[ClusterItem], list[str], list[str]]:
    rng = random.Random(5)
    day = "2024-05-02" if dated else None
    bridge = [_article(rng, f"br-{i}", day, ACTORS, TOPIC, BRIDGE) for i in range(5)]
    fire = [_article(rng, f"wf-{i}", day, ACTORS, TOPIC, FIRE) for i in range(5)]
    items = bridge + fire
    event = 0
    while len(items) < 10 + filler:
        # other events; one in five has the same three people doing something else
        names = ACTORS if event % 5 == 0 else [_word(rng).title() for _ in range(3)]
        topic = TOPIC if event % 5 == 0 else [_word(rng) for _ in range(8)]
        details = [_word(rng) for _ in range(8)]
        fday = f"2024-05-{1 + event % 28:02d}" if dated else None
        for i in range(min(1 + event % 6, 10 + filler - len(items))):
            items.append(_article(rng, f"f{event}-{i}", fday, names, topic, details))
        event += 1
    return items, [it.id for it in bridge], [it.id for it in fire]


def _check_two_stories(filler: int, dated: bool) -> None:
    items, bridge, fire = _pile(filler, dated)
    stories = {a.id: a.story for a in StoryClusterer().add_in_batches(items)}
    members: dict[str, set[str]] = {}
    for aid, story in stories.items():
        members.setdefault(story, set()).add(aid)
    assert members[stories[bridge[0]]] == set(bridge)
    assert members[stories[fire[0]]] == set(fire)


@pytest.mark.parametrize("dated", [True, False])
def test_same_people_two_events_are_two_stories_in_a_small_pile(dated):
    _check_two_stories(0, dated)


@pytest.mark.slow
@pytest.mark.parametrize("dated", [True, False])
def test_same_people_two_events_are_two_stories_in_a_pile_of_5000(dated):
    _check_two_stories(4990, dated)


def test_story_ids_hold_when_a_pile_arrives_in_pieces():
    items, bridge, fire = _pile(300, dated=True)
    rng = random.Random(3)
    rng.shuffle(items)
    clusterer = StoryClusterer()
    first = {a.id: a.story for a in clusterer.add(items[:150])}
    later: dict[str, str] = {}
    for start in range(150, len(items), 40):
        later.update((a.id, a.story) for a in clusterer.add(items[start : start + 40]))
    assert all(clusterer.story_of(aid) == story for aid, story in first.items())
    for event in (bridge, fire):
        assert len({clusterer.story_of(aid) for aid in event}) == 1
    assert clusterer.story_of(bridge[0]) != clusterer.story_of(fire[0])
    # an event begun in the first piece keeps the id it got there
    for event in (bridge, fire):
        seen = [first[aid] for aid in event if aid in first]
        if seen:
            assert clusterer.story_of(event[0]) == seen[0]


def _graph(n: int, edges: list[tuple[int, int, float]]) -> Graph:
    return Graph(
        n,
        np.array([a for a, _, _ in edges], dtype=np.int64),
        np.array([b for _, b, _ in edges], dtype=np.int64),
        np.array([w for _, _, w in edges]),
    )


def test_average_linkage_merges_by_average_and_keeps_fixed_nodes_apart():
    # 0-1 close, 2 close to 1 only: its average with {0, 1} is 0.25 < 0.3
    graph = _graph(3, [(0, 1, 0.9), (1, 2, 0.5)])
    assert average_linkage([1, 1, 1], [False] * 3, graph, 0.3) == [0, 0, 2]
    assert average_linkage([1, 1, 1], [False] * 3, graph, 0.2) == [0, 0, 0]
    # two earlier stories (fixed) never merge, even through a shared new article
    graph = _graph(3, [(0, 2, 0.9), (1, 2, 0.8)])
    assert average_linkage([1, 1, 1], [True, True, False], graph, 0.1) == [0, 1, 0]


def test_cohesion_keeps_two_tight_groups_apart():
    # {0, 1} and {2, 3} are tight (0.9); across them 0.4 on average
    edges = [(0, 1, 0.9), (2, 3, 0.9), (0, 2, 0.4), (1, 3, 0.4), (0, 3, 0.4), (1, 2, 0.4)]
    graph = _graph(4, edges)
    assert average_linkage([1] * 4, [False] * 4, graph, 0.3, cohesion=0.0) == [0, 0, 0, 0]
    assert average_linkage([1] * 4, [False] * 4, graph, 0.3, cohesion=1.0) == [0, 0, 2, 2]


def test_cohesion_keeps_a_loose_group_out_of_a_tight_earlier_story():
    # node 0 is an earlier story of 4 (fixed) whose members' average cosine is 0.6; nodes
    # 1 and 2 are new articles alike at 0.6, each at 0.35 on average with the story's members
    graph = _graph(3, [(0, 1, 1.4), (0, 2, 1.4), (1, 2, 0.6)])
    sizes, fixed = [4, 1, 1], [True, False, False]
    nan = float("nan")
    assert average_linkage(sizes, fixed, graph, 0.1, cohesion=0.7) == [0, 0, 0]  # no estimate
    # the pair forms first (0.6), then its 0.35 with the story is under 0.7 x 0.6
    assert average_linkage(sizes, fixed, graph, 0.1, 0.7, [0.6, nan, nan]) == [0, 1, 1]
    # a story as loose as the pair's link to it takes it
    assert average_linkage(sizes, fixed, graph, 0.1, 0.7, [0.45, nan, nan]) == [0, 0, 0]
    # a single article joins by the threshold alone, as it joins a group in one batch
    alone = _graph(2, [(0, 1, 1.4)])
    assert average_linkage([4, 1], [True, False], alone, 0.1, 0.7, [0.6, nan]) == [0, 0]
    # the pair's damping (0.2 each) lowered its links to 0.15 on average: the story's own
    # average is lowered by as much (0.4 -> 0.2, bar 0.7 x 0.2), else 0.15 < 0.7 x 0.4
    # would keep it out
    damped = Graph(3, graph.rows, graph.cols, np.array([0.6, 0.6, 0.6]), np.array([0, 0.2, 0.2]))
    assert average_linkage(sizes, fixed, damped, 0.1, 0.7, [0.4, nan, nan]) == [0, 0, 0]
    assert average_linkage(sizes, fixed, damped, 0.1, 0.7, [0.6, nan, nan]) == [0, 1, 1]


def test_linkage_options_reach_the_grouping():
    items, bridge, fire = _pile(0, dated=False)
    loose = ClusterOptions(link_threshold=0.0, link_cohesion=0.0, link_floor=0.0)
    stories = {a.id: a.story for a in StoryClusterer(loose).add(items)}
    assert len(set(stories.values())) == 1
    single = ClusterOptions(
        grouping="single-pass", join_threshold=1.1, short_join_threshold=1.1,
        merge_threshold=1.0, short_merge_threshold=1.0,
    )  # fmt: skip
    stories = {a.id: a.story for a in StoryClusterer(single).add(items)}
    assert len(set(stories.values())) == len(items)


def test_a_crowded_neighbourhood_raises_the_bar():
    # 0-1 at 0.3; with density correction each end's mean similarity to its nearest
    # (here: the other) is 0.3, so the pair falls to 0.3 - w * 0.3
    from scipy import sparse

    from storyline.cluster.linkage import neighbour_graph

    rows = sparse.csr_matrix(np.array([[1.0, 0.0], [0.3, np.sqrt(1 - 0.09)]]))
    spans = np.full((2, 2), np.nan)
    plain = neighbour_graph(rows, spans, 0.05, 30, 1.0, 3.0)
    assert plain.weights.tolist() == pytest.approx([0.3])
    crowded = neighbour_graph(rows, spans, 0.05, 30, 1.0, 3.0, 30, 0.5)
    assert crowded.weights.tolist() == pytest.approx([0.15])
    assert len(neighbour_graph(rows, spans, 0.05, 30, 1.0, 3.0, 30, 0.9).weights) == 0


def test_an_unknown_grouping_is_refused():
    with pytest.raises(ValueError, match="grouping"):
        StoryClusterer(ClusterOptions(grouping="kmeans"))
