import math

from storyline.cluster.split import two_means
from storyline.cluster.stories import ClusterItem, StoryClusterer
from storyline.config import ClusterOptions


def _unit(d: dict[str, float]) -> dict[str, float]:
    n = math.sqrt(sum(v * v for v in d.values()))
    return {k: v / n for k, v in d.items()}


def test_two_means_separates_two_events_sharing_a_topic():
    shared = {"chargers": 1.0, "arrested": 1.0, "dui": 1.0}
    first = [_unit({**shared, "jackson": 2.0, "receiver": 1.5, f"x{i}": 0.5}) for i in range(4)]
    second = [_unit({**shared, "williams": 2.0, "tackle": 1.5, f"y{i}": 0.5}) for i in range(4)]
    vectors = [first[0], second[0], first[1], second[1], first[2], second[2], first[3], second[3]]
    half, cosine = two_means(vectors)
    assert half in ([1, 3, 5, 7], [0, 2, 4, 6])
    assert cosine < 0.6


def test_two_means_keeps_one_event_whole_and_is_deterministic():
    vectors = [_unit({"quake": 2.0, "chile": 2.0, f"w{i}": 0.3}) for i in range(6)]
    half, cosine = two_means(vectors)
    assert cosine > 0.9 or half == []
    assert two_means(vectors) == (half, cosine)
    assert two_means(vectors[:1]) == ([], 1.0)


def _items(prefix: str, player: str, role: str, month: str, n: int) -> list[ClusterItem]:
    return [
        ClusterItem(
            id=f"{prefix}{i}",
            title=f"Chargers {role} {player} arrested on suspicion of drunk driving",
            text=(
                f"San Diego Chargers {role} {player} was arrested early on suspicion of drunk "
                f"driving in {month}, police said. {player} was booked and released; the "
                f"team said it knew of the arrest of {player}. Report {i} on the {role}."
            ),
        )
        for i in range(n)
    ]


def test_story_holding_two_similar_events_is_split_with_stable_first_id():
    items = _items("a", "Vincent Jackson", "receiver", "January", 5) + _items(
        "b", "Jamal Williams", "tackle", "February", 5
    )
    options = ClusterOptions(grouping="single-pass", join_threshold=0.05, merge_threshold=0.05)
    stories = {a.id: a.story for a in StoryClusterer(options).add(items)}
    assert len({stories[f"a{i}"] for i in range(5)}) == 1
    assert len({stories[f"b{i}"] for i in range(5)}) == 1
    assert stories["a0"] != stories["b0"]
    unsplit = ClusterOptions(
        grouping="single-pass", join_threshold=0.05, merge_threshold=0.05, split_threshold=0.0
    )
    merged = {a.id: a.story for a in StoryClusterer(unsplit).add(items)}
    assert len(set(merged.values())) == 1  # the loose thresholds chain both events
    assert stories["a0"] == merged["a0"]  # the earliest member's half keeps the id
