from pathlib import Path

import pytest

from storyline.nlp.dates import extract_dates

PILE = Path(__file__).resolve().parents[2] / "samples" / "russia-syria"  # bundled


def _read(name: str) -> str:
    return (PILE / name).read_text(encoding="utf-8")


@pytest.mark.slow
def test_ft_piece_dates_against_its_article_date():
    text = _read("ft-repost-warships.txt")
    found = extract_dates(text, "2012-06-19")
    for t in found:
        assert text[t.start : t.end] == t.text
    values = {(t.text, t.value) for t in found}
    assert ("May 26", "2012-05-26") in values
    assert ("Monday", "2012-06-18") in values
    assert ("Last year", "2011") in values


@pytest.mark.slow
def test_naharnet_piece_dates_against_its_article_date():
    text = _read("naharnet-icrc-truce.txt")
    found = extract_dates(text, "2012-03-19")
    for t in found:
        assert text[t.start : t.end] == t.text
    values = {(t.text.lower(), t.value) for t in found}
    assert ("february", "2012-02") in values
    assert ("last week", "2012-W11") in values
    assert ("monday", "2012-03-19") in values
    assert ("saturday", "2012-03-17") in values
    assert not any(t.text.lower().startswith("nov") for t in found)  # RIA Novosti
