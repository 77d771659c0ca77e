from storyline.nlp.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_and_amounts_do_not_split():
    text = "Mr Putin met the U.S. envoy in Los Cabos. Russia signed a deal for $550m. It ended."
    assert texts(text) == [
        "Mr Putin met the U.S. envoy in Los Cabos.",
        "Russia signed a deal for $550m.",
        "It ended.",
    ]


def test_quotes_stay_whole_and_offsets_slice_exactly():
    text = (
        "“We have not. Enough,” he said. “We have a lot of wounded people.”\n\nNext paragraph here."
    )
    spans = split_sentences(text)
    got = [text[s.start : s.end] for s in spans]
    assert got[0] == "“We have not. Enough,” he said."
    assert got[-1] == "Next paragraph here."
    for span in spans:
        assert text[span.start : span.end] == text[span.start : span.end].strip()


def test_line_breaks_are_hard_boundaries_and_repeats_are_located_in_order():
    text = "Same line.\nSame line.\nTitle without stop"
    spans = split_sentences(text)
    assert [(s.start, s.end) for s in spans] == [(0, 10), (11, 21), (22, 40)]


def test_empty_text():
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []
