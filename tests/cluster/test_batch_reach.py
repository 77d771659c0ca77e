"""A batch meets only the earlier stories it can reach: the shortcuts that keep a big store's
batches cheap (stories out of time reach, idle stories no group reaches, row blocks) give
the very answer the full computation gives."""

import random

import numpy as np
import pytest
from scipy import sparse

from storyline.cluster import batch, stories
from storyline.cluster.batch import _story_sums, in_time
from storyline.cluster.groups import Group
from storyline.cluster.linkage import neighbour_graph
from storyline.cluster.stories import ClusterItem, StoryClusterer
from storyline.config import ClusterOptions


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))


def _season(events: int, seed: int = 11) -> list[ClusterItem]:
    """Events over three months, each told by one to five outlets over up to five days; every
    fourth event shares its people with the one before (a crowded neighbourhood)."""
    rng = random.Random(seed)
    common = [_word(rng) for _ in range(60)]
    items: list[ClusterItem] = []
    names: list[str] = []
    for event in range(events):
        if event % 4 != 3:
            names = [_word(rng).title() for _ in range(3)]
        details = [_word(rng) for _ in range(10)]
        day = rng.randrange(90)
        for n in range(1 + event % 5):
            sentences = [
                f"{rng.choice(names)} " + " ".join(rng.sample(details, 4) + rng.sample(common, 5))
                for _ in range(5)
            ]
            later = day + 2 * n
            date = f"2024-{1 + later // 30:02d}-{1 + later % 30:02d}"
            title = " ".join([names[0], *rng.sample(details, 3)])
            items.append(ClusterItem(f"e{event:03d}-{n}", title, ". ".join(sentences), date))
    return sorted(items, key=lambda it: (it.date, it.id))


def _stories_of(items: list[ClusterItem], size: int) -> dict[str, str]:
    clusterer = StoryClusterer(ClusterOptions())
    found: dict[str, str] = {}
    for start in range(0, len(items), size):
        found.update((a.id, a.story) for a in clusterer.add(items[start : start + size]))
    return found


def test_shortcuts_give_the_full_answer(monkeypatch):
    items = _season(160)
    fast = _stories_of(items, 25)
    dropped: list[int] = []
    skipped: list[int] = []

    def every_story(found, days, opts):
        kept = in_time(found, days, opts)
        dropped.append(len(found) - len(kept))
        return found

    def every_row(unit, rest, spans, rest_spans, opts):
        reached = _reached(unit, rest, spans, rest_spans, opts)
        skipped.append(unit.shape[0] + rest.shape[0] - len(reached))
        return None

    _reached = batch._reached
    monkeypatch.setattr(stories, "in_time", every_story)
    monkeypatch.setattr(batch, "_reached", every_row)
    assert _stories_of(items, 25) == fast
    # the shortcuts were taken, so the equality above says something
    assert sum(dropped) > 0 and sum(skipped) > 0
    assert len(set(fast.values())) > 100


def _group(first: float | None, last: float | None) -> Group:
    return Group(id=f"s-{first}-{last}", first=first, last=last, size=1)


def test_a_story_out_of_time_reach_is_left_out():
    opts = ClusterOptions(time_grace_days=1.0, time_tau_days=3.0)
    # 1 + 3 ln 1000 = 21.7 days: the decay is 1e-3 there
    near, far, undated = _group(0.0, 10.0), _group(0.0, 5.0), _group(None, None)
    kept = in_time([near, far, undated], [30.0, 31.0], opts)
    assert kept == [near, undated]
    # an undated article may belong to any story; without a time decay all are in reach
    assert in_time([near, far], [30.0, None], opts) == [near, far]
    assert in_time([near, far], [30.0], ClusterOptions(time_tau_days=0.0)) == [near, far]


def _unit_rows(rng: np.random.Generator, n: int, width: int) -> sparse.csr_matrix:
    matrix = sparse.random(n, width, density=0.08, format="csr", random_state=rng)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return sparse.csr_matrix(sparse.diags(1.0 / np.maximum(norms, 1e-12)) @ matrix)


@pytest.mark.parametrize("seed", range(4))
def test_active_rows_keep_their_links_and_densities(seed):
    rng = np.random.default_rng(seed)
    n = 150
    matrix = _unit_rows(rng, n, 60)
    days = rng.integers(0, 20, n).astype(np.float64)
    spans = np.column_stack([days, days])
    args = (matrix, spans, 0.1, 5, 1.0, 3.0, 12, 0.5)
    full = neighbour_graph(*args, density_skip=2)
    active = np.sort(rng.choice(n, 60, replace=False))
    part = neighbour_graph(*args, density_skip=2, active=active)
    np.testing.assert_array_equal(part.damping[active], full.damping[active])
    inside = np.zeros(n, dtype=bool)
    inside[active] = True

    def both_active(graph):
        keep = inside[graph.rows] & inside[graph.cols]
        return sorted(zip(graph.rows[keep], graph.cols[keep], graph.weights[keep], strict=True))

    assert both_active(part) == both_active(full)
    assert both_active(full)


def test_story_sums_in_row_blocks_are_the_whole_product():
    rng = np.random.default_rng(3)
    n, m, width = 2600, 1200, 80  # 2M / 1200 stories: blocks of 1666 rows
    matrix = _unit_rows(rng, n, width)
    totals = sparse.random(m, width, density=0.1, format="csr", random_state=rng) * 3
    groups = [Group(id=f"s{j}", size=1 + j % 4, first=float(j % 9), last=float(j % 9 + 2))
              for j in range(m)]  # fmt: skip
    days = rng.integers(0, 12, n).astype(np.float64)
    spans = np.column_stack([days, days])
    opts = ClusterOptions()
    got = _story_sums(matrix, spans, groups, totals, opts)
    sizes = np.array([g.size for g in groups], dtype=np.float64)
    story_spans = np.array([[g.first, g.last] for g in groups])
    whole = batch.decayed_products(
        matrix, totals.T.tocsr(), spans, story_spans, opts.time_grace_days, opts.time_tau_days
    ).toarray()
    want = np.where(whole / sizes[None, :] >= opts.link_floor, whole, 0.0)
    np.testing.assert_array_equal(got.toarray(), want)
    assert got.nnz > 0


def _topic_vector(rng: random.Random, topic: list[str], vocab: list[str]) -> dict[str, float]:
    words = rng.sample(topic, 6) + rng.sample(vocab, 8)
    vec = {w: rng.uniform(0.2, 1.0) for w in words}
    norm = sum(v * v for v in vec.values()) ** 0.5
    return {w: v / norm for w, v in vec.items()}


def _earlier_and_batch(seed: int) -> tuple[list[Group], list[dict[str, float]], list[float]]:
    """Stories of three to six articles on 30 topics, and a batch of 40 articles on them."""
    rng = random.Random(seed)
    vocab = [_word(rng) for _ in range(300)]
    topics = [rng.sample(vocab, 12) for _ in range(30)]
    earlier = []
    for t, topic in enumerate(topics):
        group = Group(id=f"s-{t:02d}")
        for _ in range(rng.randint(3, 6)):
            group.add(_topic_vector(rng, topic, vocab), float(rng.randint(0, 3)))
        earlier.append(group)
    batch_topics = [rng.randrange(len(topics)) for _ in range(40)]
    vectors = [_topic_vector(rng, topics[t], vocab) for t in batch_topics]
    return earlier, vectors, [float(rng.randint(2, 5)) for _ in vectors]


def test_the_merge_step_meets_every_idle_story_a_group_reaches(monkeypatch):
    opts = ClusterOptions()
    answers = [batch.regroup(v, d, s, opts) for s, v, d in map(_earlier_and_batch, range(6))]
    monkeypatch.setattr(batch, "_reached", lambda *args: None)
    assert [batch.regroup(v, d, s, opts) for s, v, d in map(_earlier_and_batch, range(6))] == (
        answers
    )
    # groups join earlier stories here, so leaving a reached one out would show
    assert any(p.story is not None for placed in answers for p in placed)
