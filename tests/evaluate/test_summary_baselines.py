from __future__ import annotations

import pytest

from storyline.brief.text import count_words
from storyline.evaluate.summary_baselines import BASELINES, lead


@pytest.mark.parametrize("name", sorted(BASELINES))
@pytest.mark.parametrize("words", [1, 7, 30, 500])
def test_baselines_slice_the_source_and_cut_at_the_budget(flood, name, words):
    picked = BASELINES[name](flood, words)
    assert picked
    for p in picked:
        assert flood[p.doc][p.start : p.end] == p.text
    total = sum(count_words(p.text) for p in picked)
    assert total <= words
    if words <= 30:
        assert total == words  # ranked sentences fill the budget, the last one cut


@pytest.mark.parametrize("name", sorted(BASELINES))
def test_baselines_survive_empty_clusters(name):
    assert BASELINES[name]([], 50) == []
    assert BASELINES[name](["", "  "], 50) == []


def test_lead_is_round_robin(flood):
    picked = lead(flood, 60)
    firsts = [p for p in picked if p.start == 0 or flood[p.doc][: p.start].strip() == ""]
    assert {p.doc for p in picked[:3]} == {0, 1, 2} or len(firsts) == 3
