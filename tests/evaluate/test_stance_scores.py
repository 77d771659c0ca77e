import pytest

from storyline.evaluate.stance import baseline_predict, fnc_score, score
from storyline.link.stance_model import Example, body_folds

GOLD = ["agree", "disagree", "discuss", "unrelated", "unrelated"]
PRED = ["agree", "discuss", "unrelated", "unrelated", "discuss"]


def test_fnc_score_by_hand():
    # best = 1 + 1 + 1 + 0.25 + 0.25 = 3.5; earned = 1 (exact) + 0.25 (related, wrong
    # stance) + 0 (related called unrelated) + 0.25 (unrelated right) + 0 = 1.5
    assert fnc_score(GOLD, PRED) == pytest.approx(1.5 / 3.5)
    assert fnc_score(GOLD, GOLD) == 1.0
    assert fnc_score(["unrelated"], ["agree"]) == 0.0


def test_macro_f1_per_class_and_confusion_by_hand():
    s = score(GOLD, PRED)
    assert s.f1 == {"agree": 1.0, "disagree": 0.0, "discuss": 0.0, "unrelated": 0.5}
    assert s.macro_f1 == pytest.approx(1.5 / 4)
    assert s.confusion == [
        [1, 0, 0, 0],
        [0, 0, 1, 0],
        [0, 0, 0, 1],
        [0, 0, 1, 1],
    ]


def test_body_folds_keep_a_body_in_one_fold_and_are_seeded():
    keys = [f"b{i % 7}" for i in range(40)]
    folds = body_folds(keys, 3)
    for key in set(keys):
        assert len({f for k, f in zip(keys, folds, strict=True) if k == key}) == 1
    assert folds == body_folds(keys, 3)
    assert len(set(folds)) == 3


def test_baseline_calls_overlap_related_with_the_majority_related_class():
    body = "The mayor of Springfield resigned on Monday after a corruption scandal."
    other = "Heavy rain flooded the valley and closed the northern highway for days."
    train_set = [
        Example("1", "Springfield mayor resigns over scandal", body, "discuss"),
        Example("1", "Springfield mayor resigned", body, "discuss"),
        Example("1", "Mayor quits in Springfield", body, "agree"),
        Example("2", "Springfield mayor resigns over scandal", other, "unrelated"),
        Example("2", "Mayor quits in Springfield", other, "unrelated"),
    ]
    test_set = [
        Example("3", "Springfield mayor resigns", body, "agree"),
        Example("4", "Springfield mayor resigns", other, "unrelated"),
    ]
    assert baseline_predict(train_set, test_set) == ["discuss", "unrelated"]
