"""The clusterer's state as rows: read on demand, only changed rows written, same result."""

import json
import random

import pytest

from news_fixtures import ELECTION, QUAKE_A, QUAKE_B
from storyline.cluster.rowmap import RowMap
from storyline.cluster.state_rows import META, from_rows, read_meta, to_rows
from storyline.cluster.stories import ClusterItem, StoryClusterer
from storyline.config import ClusterOptions


class Rows:
    """An in-memory RowSource that counts what is read."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, str]] = {}
        self.read = 0

    def write(self, rows: dict[str, dict[str, str | None]]) -> None:
        for kind, changed in rows.items():
            table = self.data.setdefault(kind, {})
            for key, text in changed.items():
                if text is None:
                    table.pop(key, None)
                else:
                    table[key] = text

    def fetch_rows(self, kind, keys):
        table = self.data.get(kind, {})
        found = {k: table[k] for k in keys if k in table}
        self.read += len(found)
        return found

    def stored_keys(self, kind, keys):
        return {k for k in keys if k in self.data.get(kind, {})}

    def all_rows(self, kind):
        self.read += len(self.data.get(kind, {}))
        return dict(self.data.get(kind, {}))

    def count_rows(self, kind):
        return len(self.data.get(kind, {}))


def _row_map(source: Rows, default=None) -> RowMap:
    return RowMap(source, "k", int, str, default)


def test_a_row_map_reads_keys_on_demand_and_reports_only_changes():
    source = Rows()
    source.data["k"] = {"a": "1", "b": "2", "c": "3"}
    rows = _row_map(source)
    assert rows["a"] == 1 and "b" in rows and "z" not in rows and rows.get("z", 0) == 0
    assert source.read == 2  # a, b (and z, not stored): never c
    rows["a"] = 5
    rows["new"] = 7
    del rows["b"]
    assert len(rows) == 3  # c (unread), a, new
    assert rows.changes() == {"a": "5", "new": "7", "b": None}
    assert sorted(rows) == ["a", "c", "new"]  # walking it reads the rest
    assert rows.changes() == {"a": "5", "new": "7", "b": None}


def test_a_row_map_with_a_default_acts_as_a_defaultdict():
    source = Rows()
    source.data["k"] = {"a": "1"}
    rows = RowMap(source, "k", json.loads, json.dumps, list)
    rows["x"].append(3)
    rows.prefetch_keys(["a", "y"])
    assert "a" in rows and "y" not in rows
    assert rows.changes() == {"x": "[3]"}


def _pile(n: int, seed: int = 3) -> list[ClusterItem]:
    rng = random.Random(seed)
    letters = "bcdfghklmnprstvz"
    word = lambda: "".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(3))  # noqa: E731
    topics = [[word() for _ in range(15)] for _ in range(12)]
    out = []
    for i in range(n):
        t = rng.randrange(len(topics))
        words = " ".join(rng.choice(topics[t] + ["said", "the", "officials"]) for _ in range(60))
        out.append(ClusterItem(f"a{i:04d}", f"{topics[t][0]} {topics[t][1]}", words,
                               f"2024-01-{1 + i % 27:02d}"))  # fmt: skip
    return out


@pytest.mark.parametrize("grouping", ["linkage", "single-pass"])
def test_a_clusterer_read_from_rows_places_articles_as_one_read_from_json(grouping):
    options = ClusterOptions(grouping=grouping)
    first, second = _pile(80)[:60], _pile(80)[60:] + QUAKE_A + QUAKE_B + ELECTION
    live = StoryClusterer(options)
    live.add(first)
    source = Rows()
    rows, generation = to_rows(live)
    source.write(rows)
    total = sum(len(t) for t in source.data.values())
    from_json = StoryClusterer.from_state(json.loads(json.dumps(live.to_state())), options)
    expected = from_json.add(second)

    meta = read_meta(source)
    assert meta is not None and meta["generation"] == generation
    source.read = 0
    stored = from_rows(source, options, meta)
    assert stored.add(second) == expected
    changed, newer = to_rows(stored, generation)
    assert newer != generation and META in changed
    # the rows read and written are a part of the state, not all of it
    assert source.read < total
    assert sum(len(c) for c in changed.values()) < total
    # written back, the state is the in-memory clusterer's
    source.write(changed)
    again = from_rows(source, options, read_meta(source) or {})
    assert again.add([ClusterItem("late", QUAKE_A[0].title, QUAKE_A[0].text, QUAKE_A[0].date)]) == (
        from_json.add([ClusterItem("late", QUAKE_A[0].title, QUAKE_A[0].text, QUAKE_A[0].date)])
    )


def test_rows_of_another_state_version_are_refused():
    source = Rows()
    rows, _ = to_rows(_clustered())
    source.write(rows)
    meta = read_meta(source) or {}
    with pytest.raises(ValueError, match="version"):
        from_rows(source, ClusterOptions(), meta | {"version": 99})


def _clustered() -> StoryClusterer:
    clusterer = StoryClusterer()
    clusterer.add(QUAKE_A)
    return clusterer


def test_pruning_rare_features_reads_the_whole_state_and_matches_json():
    options = ClusterOptions(prune_rare_every=40)
    first, second = _pile(90)[:50], _pile(90)[50:]
    live = StoryClusterer(options)
    live.add(first)
    source = Rows()
    rows, _ = to_rows(live)
    source.write(rows)
    from_json = StoryClusterer.from_state(json.loads(json.dumps(live.to_state())), options)
    stored = from_rows(source, options, read_meta(source) or {})
    assert stored.add(second) == from_json.add(second)  # this batch prunes first
    assert stored.dfs.pruned_at == from_json.dfs.pruned_at == 50
    changed, _ = to_rows(stored)
    assert any(text is None for text in changed["df"].values())  # forgotten features
    source.write(changed)
    assert source.data["df"] == {k: str(v) for k, v in from_json.dfs.df.items()}
