from storyline.brief.text import content_terms, count_words, stem


def test_stem_groups_inflections():
    assert stem("protests") == stem("protest") == stem("protesting") == stem("protested")
    assert stem("cities") == stem("city")
    assert stem("Trump's".lower()) == "trump"
    assert stem("bus") == "bus" and stem("crisis") == "crisis"


def test_content_terms_drop_function_words():
    assert content_terms("He said the Senate voted on the bill.") == ["senate", "vot", "bill"]


def test_count_words_is_whitespace_tokens():
    assert count_words(" a  b\nc ") == 3
    assert count_words("") == 0
