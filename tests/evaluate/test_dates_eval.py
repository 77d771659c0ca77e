from storyline.evaluate.dates import same_value, score_documents


def test_week_numbers_compare_without_zero_padding_only():
    assert same_value("2000-W7", "2000-W07")
    assert same_value("2000-W07-WE", "2000-W7-WE")
    assert not same_value("2000-W7", "2000-W17")
    assert not same_value("1998", "1998-Q3")  # granularity still counts
    assert not same_value("1989-11-06T17", "1989-11-06T17:00")
    assert same_value(None, None) and not same_value("2000", None)


def test_score_counts_a_short_week_gold_value_as_correct():
    doc = {"id": "d", "text": "He spoke this week.", "dct": "2000-02-16",
           "timexes": [{"span": [9, 18], "type": "DATE", "value": "2000-W7"}]}  # fmt: skip
    scores = score_documents([doc], lambda text, dct: [(9, 18, "2000-W07")])
    assert (scores.matched, scores.value_correct, scores.date_value_correct) == (1, 1, 1)
    wrong = score_documents([doc], lambda text, dct: [(9, 18, "2000-W06")])
    assert wrong.value_correct == 0
