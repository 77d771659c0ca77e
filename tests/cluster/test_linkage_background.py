"""The density that damps a link is the article's topic background (its nearest ranks
21-30), not its own story; links to earlier stories are damped as links to articles are."""

import numpy as np
import pytest
from scipy import sparse

from storyline.cluster.batch import _story_links
from storyline.cluster.groups import Group
from storyline.cluster.linkage import Background, _top_links, neighbour_graph
from storyline.config import ClusterOptions


def test_density_skips_the_nearest_ranks():
    # one row: ten own-story neighbours at 0.5, then a background of 0.1, then nothing
    sims = np.zeros((1, 60))
    sims[0, 1:11] = 0.5
    sims[0, 11:41] = 0.1
    assert _top_links(sims, 0.05, 30, 30)[3][0] == pytest.approx((10 * 0.5 + 20 * 0.1) / 30)
    assert _top_links(sims, 0.05, 30, 30, skip=10)[3][0] == pytest.approx(0.1)


def _story_pile(members: int, siblings: int, unrelated: int) -> sparse.csr_matrix:
    """Unit rows: a story whose members share a word (cosine 0.25), a second event sharing a
    weaker topic word with it (cosine 0.09), unrelated rows (each a word of its own)."""
    n = members + siblings + unrelated
    dense = np.zeros((n, 3 + n))
    dense[:members, 0] = 0.5
    dense[:members, 2] = 0.3
    dense[members : members + siblings, 1] = 0.5
    dense[members : members + siblings, 2] = 0.3
    for i in range(n):
        dense[i, 3 + i] = np.sqrt(1.0 - np.sum(dense[i, :3] ** 2))
    return sparse.csr_matrix(dense)


def test_a_story_of_a_dozen_is_not_damped_by_its_own_members():
    # a dozen-article story (ECB+) fills an article's nearest ranks with its own members:
    # the old rule damps the story's own links by their mean (0.8 x 0.189), the
    # background past them (ranks 21-30: 7 x 0.09 of the second event, 3 unrelated) far less
    rows = _story_pile(14, 14, 40)
    spans = np.full((rows.shape[0], 2), np.nan)
    own = neighbour_graph(rows, spans, 0.05, 30, 1.0, 3.0, 30, 0.8)
    background = neighbour_graph(rows, spans, 0.05, 30, 1.0, 3.0, 30, 0.8, density_skip=20)
    for graph, density in ((own, (13 * 0.34 + 14 * 0.09) / 30), (background, 7 * 0.09 / 10)):
        inside = (graph.rows < 14) & (graph.cols < 14)
        assert inside.sum() == 14 * 13 // 2
        np.testing.assert_allclose(graph.weights[inside], 0.34 - 0.8 * density)


def test_a_pile_too_small_for_the_background_ranks_takes_the_prior():
    rows = _story_pile(4, 4, 4)
    spans = np.full((12, 2), np.nan)
    # 11 others: ranks 21-30 do not exist, the background is the prior
    graph = neighbour_graph(rows, spans, 0.0, 30, 1.0, 3.0, 30, 0.8, density_skip=20,
                            background_prior=0.1)  # fmt: skip
    assert graph.damping is not None
    np.testing.assert_allclose(graph.damping, 0.8 * 0.1)
    # the same twelve articles in a pile of 26 (earlier ones, far from these): ranks 21-25
    # exist (at similarity 0), the prior stands in for the five ranks past them only
    grown = neighbour_graph(rows, spans, 0.0, 30, 1.0, 3.0, 30, 0.8, density_skip=20,
                            background_prior=0.1, pile=26)  # fmt: skip
    assert grown.damping is not None
    np.testing.assert_allclose(grown.damping, 0.8 * 0.1 * 5 / 10)
    # from 31 articles on the prior is gone
    full = neighbour_graph(rows, spans, 0.0, 30, 1.0, 3.0, 30, 0.8, density_skip=20,
                           background_prior=0.1, pile=31)  # fmt: skip
    assert full.damping is not None
    np.testing.assert_allclose(full.damping, 0.0)
    # without a prior (the centroid merge) a missing rank is the mean of those that exist
    means = np.asarray((rows @ rows.T).sum(axis=1)).ravel() - 1.0
    plain = neighbour_graph(rows, spans, 0.0, 30, 1.0, 3.0, 30, 0.8)
    assert plain.damping is not None
    np.testing.assert_allclose(plain.damping, 0.8 * means / 11)


def test_the_earlier_stories_members_are_part_of_the_background():
    # a batch of two unrelated articles meets, among the earlier stories, 25 members at
    # an average of 0.2 (two stories) and 40 at 0.05 (one): ranks 21-30 hold 5 x 0.2, 5 x 0.05
    rows = sparse.csr_matrix(np.eye(2))
    spans = np.full((2, 2), np.nan)
    averages = sparse.csr_matrix(np.array([[0.2, 0.2, 0.05], [0.0, 0.0, 0.0]]))
    found = Background(averages, np.array([5, 20, 40]))
    graph = neighbour_graph(rows, spans, 0.0, 30, 1.0, 3.0, 30, 1.0, density_skip=20,
                            background_prior=0.3, pile=67, background=found)  # fmt: skip
    assert graph.damping is not None
    np.testing.assert_allclose(graph.damping, [(5 * 0.2 + 5 * 0.05) / 10, 0.0])


def test_an_article_joins_an_earlier_story_under_the_same_damping():
    # an article's link to a story of 3 members is its summed cosine less 3x its damping
    opts = ClusterOptions(link_floor=0.05)
    matrix = sparse.csr_matrix(np.array([[1.0, 0.0]]))
    story = Group(id="s-1", total={"a": 0.9}, sqnorm=0.81, size=3)
    totals = sparse.csr_matrix(np.array([[0.9, 0.0]]))
    spans = np.full((1, 2), np.nan)
    plain = _story_links(matrix, spans, [story], totals, opts)
    assert plain.weights.tolist() == pytest.approx([0.9])
    damped = _story_links(matrix, spans, [story], totals, opts, damping=np.array([0.1]))
    assert damped.weights.tolist() == pytest.approx([0.6])
    assert (
        len(_story_links(matrix, spans, [story], totals, opts, damping=np.array([0.26])).weights)
        == 0
    )
