"""Property-based tests (Hypothesis) over the stages that read untrusted text: any input
finishes within its budget, never raises past the batch boundary, and every offset slices
the text it claims. Examples are derandomized, so a run is repeatable."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import assert_quote_offsets
from storyline.budget import time_budget
from storyline.clean.article import clean_document
from storyline.config import IngestOptions
from storyline.ingest import readers
from storyline.ingest.decode import DecodeError, decode_bytes
from storyline.model import InputReport, RawDocument
from storyline.nlp.dates import extract_dates
from storyline.nlp.sentences import split_sentences

FAST = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

# news-like text: words, punctuation runs, quotes, numbers, dates, lines, odd characters
_PIECES = st.sampled_from(
    [
        "Mr. ",
        "U.S. ",
        "said ",
        '"',
        "\u201c",
        "\u201d",
        "'",
        ". ",
        "! ",
        "? ",
        "...",
        "\n",
        "\n\n",
        "  ",
        "May 26",
        "2012",
        "last week",
        "on Monday",
        "$550m",
        "9,100 ",
        "killed ",
        "Putin ",
        "The ",
        "a ",
        "(",
        ")",
        "\u2026",
        "\u00e9",
        "\u4e2d",
        "\t",
        "18,000 to 26,000 ",
        "grounded ",
        "--",
        "|",
        "© 2012 ",
        "Share this:",
        "http://x.y/z ",
    ]
)
NEWSY = st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=80).map("".join)
TEXT = st.one_of(NEWSY, st.text(max_size=400))


@FAST
@given(st.binary(max_size=2000))
def test_decoding_any_bytes_gives_text_or_a_reason(data):
    with time_budget(10, "decode"):
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            assert str(exc)
            return
    assert isinstance(decoded.text, str)


@FAST
@given(st.binary(max_size=1500), st.sampled_from(["txt", "html", "json", "jsonl", "csv"]))
def test_every_reader_yields_documents_or_reports_for_any_bytes(data, fmt):
    reader = getattr(readers, f"read_{fmt}")
    with time_budget(20, "read"):
        items = list(reader(f"fuzz.{fmt}", data, IngestOptions()))
    for item in items:
        assert isinstance(item, RawDocument | InputReport)
        if isinstance(item, InputReport) and item.status == "skipped":
            assert item.reason


@FAST
@given(TEXT)
def test_cleaning_keeps_removed_spans_exact(text):
    if not text.strip():
        return
    with time_budget(20, "clean"):
        article = clean_document(RawDocument("fuzz.txt", text, "txt"))
    for removed in article.removed:
        assert article.raw_text[removed.start : removed.end] == removed.text
        assert removed.reason


@FAST
@given(TEXT, st.sampled_from(["en", "de", "fr", "pcm", "", "zh"]))
def test_sentences_are_ordered_trimmed_and_slice_the_text(text, lang):
    with time_budget(10, "sentences"):
        spans = split_sentences(text, lang)
    last = 0
    for s in spans:
        piece = text[s.start : s.end]
        assert s.start >= last and s.end > s.start
        assert piece == piece.strip() and piece
        last = s.end


@FAST
@given(TEXT, st.sampled_from([None, "2012-06-18", "1999-12-31T23:00:00", "bad date"]))
def test_dates_slice_the_text(text, dct):
    with time_budget(10, "dates"):
        try:
            found = extract_dates(text, dct)
        except ValueError:
            return  # an unparseable article date is refused, not guessed
    for t in found:
        assert text[t.start : t.end] == t.text


@settings(max_examples=40, deadline=None, derandomize=True)
@given(NEWSY)
def test_quotes_and_facts_slice_the_text(text):
    pytest.importorskip("spacy")
    from storyline.nlp.facts import extract_facts
    from storyline.nlp.quotes import extract_quotes

    with time_budget(30, "quotes"):
        quotes = extract_quotes(text)
        facts = extract_facts([text])[0]
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker
    for f in facts:
        assert text[f.start : f.end] == f.text


_SPEAKER_PIECES = st.sampled_from(
    [
        "Russia's ", "Defense ", "Minister ", "Anatoly ", "Serdyukov ", "The British premier ",
        "the prime minister ", "David Cameron, ", "He ", "She ", "who ", "the activist ",
        "denied ", "countered that ", "told reporters ", "according to ", "Mr ", "and ",
        "\n\n- ", "\u2014 ", '"', "\u201c", "\u201d", ". ", ", ", "\n",
    ]
)  # fmt: skip
SPEAKERISH = st.lists(st.one_of(_SPEAKER_PIECES, _PIECES), max_size=60).map("".join)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(SPEAKERISH)
def test_resolved_speakers_slice_the_text(text):
    pytest.importorskip("spacy")
    from storyline.config import QuoteOptions
    from storyline.link.article_layer import quotes_with_speakers
    from storyline.nlp.spacy_model import load_pipeline

    with time_budget(30, "speakers"):
        doc = next(load_pipeline().pipe([text]))
        quotes = quotes_with_speakers(doc, QuoteOptions())
    assert_quote_offsets(text, quotes)
