import pytest

from storyline.evaluate.metrics import PRF, f1, match_one_to_one, prf, ratio


def test_prf_from_counts_and_empty_sides():
    s = prf(3, 4, 6)
    assert (s.precision, s.recall) == (0.75, 0.5)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert prf(0, 0, 5) == PRF(0.0, 0.0) and prf(0, 0, 5).f1 == 0.0
    assert f1(0.0, 0.0) == 0.0 and f1(1.0, 1.0) == 1.0


def test_ratio_empty_value():
    assert ratio(1, 4) == 0.25
    assert ratio(0, 0) == 0.0 and ratio(0, 0, empty=1.0) == 1.0


def test_match_one_to_one_takes_the_strongest_pair_first():
    # gold 0 overlaps both predictions; prediction 0 is gold 1's only partner
    candidates = [(-5, 0, 0), (-3, 0, 1), (-4, 1, 0)]
    assert match_one_to_one(candidates) == [(0, 0)]
    # ties are broken by index, whatever the input order
    assert match_one_to_one([(-1, 1, 1), (-1, 0, 1), (-1, 1, 0)]) == [(0, 1), (1, 0)]
