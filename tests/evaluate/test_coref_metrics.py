import pytest

from storyline.evaluate.coref_metrics import b_cubed, ceaf_e, muc, score

# Worked example from Pradhan et al. (2014), "Scoring Coreference Partitions of Predicted
# Mentions: A Reference Implementation", figure 1: key {a,b,c}, {d,e,f,g};
# response {a,b}, {c,d}, {f,g,h,i}.
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_muc_known_example():
    s = muc(KEY, RESPONSE)
    # key partitions: {a,b,c}->{a,b},{c}: 1 link; {d,e,f,g}->{d},{e},{f,g}: 1 link; of 2+3
    assert s.recall == pytest.approx(2 / 5)
    assert s.precision == pytest.approx(2 / 5)  # response links: (2-1)+(2-2)+(4-3) = 2 of 5


def test_b_cubed_known_example():
    s = b_cubed(KEY, RESPONSE)
    # recall: a,b 2/3 each; c 1/3; d 1/4; e 0; f,g 2/4 each  -> (4/3+1/3+1/4+1)/7
    assert s.recall == pytest.approx((2 / 3 * 2 + 1 / 3 + 1 / 4 + 2 / 4 * 2) / 7)
    # precision: a,b 1; c,d 1/2; f,g 2/4; h,i 0 -> (2 + 1 + 1)/8
    assert s.precision == pytest.approx(4 / 8)


def test_ceaf_e_known_example():
    s = ceaf_e(KEY, RESPONSE)
    # best alignment: {a,b,c}-{a,b} phi=4/5, {d,e,f,g}-{f,g,h,i} phi=4/8
    total = 4 / 5 + 4 / 8
    assert s.recall == pytest.approx(total / 2)
    assert s.precision == pytest.approx(total / 3)


def test_perfect_and_all_singletons():
    perfect = score(KEY, KEY)
    assert perfect.conll_f1 == pytest.approx(1.0)
    singletons = [{m} for c in KEY for m in c]
    s = score(KEY, singletons)
    assert s.muc.recall == 0.0
    assert s.b_cubed.precision == pytest.approx(1.0)
    assert s.b_cubed.recall == pytest.approx((3 * (1 / 3) + 4 * (1 / 4)) / 7)
