import pytest

from storyline.evaluate.cluster_metrics import bcubed, pairwise


def test_bcubed_on_a_worked_example():
    gold = {"a": "1", "b": "1", "c": "2"}
    pred = {"a": "x", "b": "y", "c": "y"}
    # precision: a 1, b 1/2, c 1/2; recall: a 1/2, b 1/2, c 1
    b3 = bcubed(pred, gold)
    assert b3.precision == pytest.approx(2 / 3)
    assert b3.recall == pytest.approx(2 / 3)
    assert b3.f1 == pytest.approx(2 / 3)


def test_pairwise_on_a_worked_example():
    gold = {"a": "1", "b": "1", "c": "1", "d": "2"}
    pred = {"a": "x", "b": "x", "c": "y", "d": "y"}
    # predicted pairs ab, cd; gold pairs ab, ac, bc; shared: ab
    pw = pairwise(pred, gold)
    assert pw.precision == pytest.approx(1 / 2)
    assert pw.recall == pytest.approx(1 / 3)
    assert pw.f1 == pytest.approx(2 * (1 / 2) * (1 / 3) / (1 / 2 + 1 / 3))


def test_perfect_and_all_in_one():
    gold = {"a": "1", "b": "1", "c": "2", "d": "3"}
    assert bcubed(gold, gold).f1 == pytest.approx(1.0)
    assert pairwise(gold, gold).f1 == pytest.approx(1.0)
    lumped = {k: "z" for k in gold}
    b3 = bcubed(lumped, gold)
    assert b3.recall == pytest.approx(1.0)
    assert b3.precision == pytest.approx((2 * 0.5 + 0.25 + 0.25) / 4)


def test_missing_prediction_is_an_error():
    with pytest.raises(ValueError):
        bcubed({"a": "x"}, {"a": "1", "b": "1"})
