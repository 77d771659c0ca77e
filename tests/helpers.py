"""Assertions and small builders shared by tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storyline.clean.article import clean_document
from storyline.model import Article, RawDocument


def assert_brief_offsets(brief: dict) -> None:
    """Every offset in a brief slices the stored text to exactly what it claims."""
    texts = {a["id"]: a["text"] for a in brief["articles"]}
    for story in brief["stories"]:
        for sentence in story["summary"]:
            assert sentence["citations"], sentence
            for c in sentence["citations"]:
                cited = texts[c["article"]][c["start"] : c["end"]]
                assert " ".join(cited.split()) == " ".join(sentence["text"].split())


def assert_quote_offsets(text: str, quotes) -> None:
    """Every offset a quote carries (its span, speaker, the speaker's words, cue, source,
    fragments) slices ``text`` to exactly what it claims."""
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker
        if q.speaker_words is not None:
            assert text[q.words_start : q.words_end] == q.speaker_words
        if q.cue is not None:
            assert text[q.cue_start : q.cue_end] == q.cue
        if q.source is not None:
            assert text[q.source_start : q.source_end] == q.source
        for s, e in q.fragments:
            assert q.start <= s < e <= q.end


def load_brief(outdir: Path) -> dict:
    return json.loads((outdir / "brief.json").read_text(encoding="utf-8"))


def layer_of(articles, options=None):
    """The layer ``attach_layers`` gives a story made of all ``articles`` (one group)."""
    from storyline.link.story_layer import analyze_story

    return analyze_story(list(articles), options).for_articles({a.id for a in articles})


def assert_layer_offsets(layer, texts: dict[str, str]) -> None:
    """Every offset of a typed story layer (``storyline.layer.StoryLayer``) slices its
    article's text to exactly the string the record carries."""
    for e in layer.entities:
        assert e.mentions
        for m in e.mentions:
            # a story's aliases are the other names its own mentions use
            assert texts[m.article][m.start : m.end] in {e.name, *e.aliases}
    for q in layer.quotes:
        text = texts[q.article]
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None and q.speaker_words is None:
            assert text[q.speaker_start : q.speaker_end] == q.speaker
        if q.speaker_words is not None:
            assert text[q.speaker_words_start : q.speaker_words_end] == q.speaker_words
    for f in layer.facts:
        text = texts[f.article]
        assert text[f.start : f.end] == f.text
        assert f.sentence_start <= f.start < f.end <= f.sentence_end
        if f.counted_start is not None:
            assert text[f.counted_start : f.counted_end] in (f.counted or "")
    for t in layer.timeline:
        text = texts[t.article]
        assert text[t.start : t.end] == t.text
        if t.sentence is not None:
            assert text[t.sentence.start : t.sentence.end] == t.sentence.text
            assert t.sentence.start <= t.start < t.end <= t.sentence.end
    for c in layer.claims:
        assert c.sides
        for side in c.sides:
            said = side.said(texts)
            assert said.strip() and said == texts[side.article][side.start : side.end]
            if side.value_start is not None:
                assert side.start <= side.value_start < side.value_end <= side.end
            assert all(copy in texts for copy in side.copies)


TEXT = "Mr Putin said 56 people died on May 26. Putin denied it."


def sample_layer(article: str = "a1", entity: str = "E1"):
    """A story layer with one record of every kind, all offsets into ``TEXT``."""
    from storyline.layer import (
        ClaimItem,
        ClaimSideItem,
        EntityItem,
        FactItem,
        MentionRef,
        OtherSides,
        QuoteItem,
        SentenceRef,
        StepSkip,
        StoryLayer,
        TimelineEvent,
    )

    return StoryLayer(
        entities=[
            EntityItem(entity, "Vladimir Putin", "PERSON", ["Mr Putin", "Putin"], "president",
                       [MentionRef(article, 0, 8), MentionRef(article, 40, 45)])
        ],
        quotes=[
            QuoteItem("56 people died on May 26", article, 14, 38, "Mr Putin", entity, 0, 8,
                      None, None, None, "said", "indirect")
        ],
        facts=[
            FactItem(article, "56", 14, 16, 56.0, None, "people", 17, 23, None, "die", 0, 39)
        ],
        timeline=[
            TimelineEvent("2012-05-26", True, "May 26", article, 32, 38,
                          SentenceRef(0, 39, TEXT[0:39]))
        ],
        claims=[
            ClaimItem("C1", "fact", "people died", TEXT[0:39], "contradicted", ["FT", "AFP"],
                      [ClaimSideItem(article, "FT", 0, 39, "asserts", None, "Mr Putin", 56.0,
                                     14, 16, ("a9",))],
                      OtherSides(2, ("s2", "s3")), 3)
        ],
        skipped=[StepSkip(article, "dates", "[E201] dates over its time budget")],
    )  # fmt: skip


def dated_docs(texts: list[str], start: int = 0):
    """Plain-text documents doc0000.txt... dated through January 2024 (27-day cycle)."""
    from storyline.model import RawDocument

    return [
        RawDocument(
            source=f"doc{start + i:04d}.txt",
            text=text,
            fmt="txt",
            date=f"2024-01-{1 + (start + i) % 27:02d}",
        )
        for i, text in enumerate(texts)
    ]


def parsed_doc(rows):
    """A spaCy Doc with a parse given by hand, one row per token: (word, space after, head,
    dep, pos, tag, lemma, sentence start), for rules that must hold on a known parse."""
    from spacy.tokens import Doc

    from storyline.nlp.spacy_model import load_pipeline

    columns = list(zip(*rows, strict=True))
    return Doc(
        load_pipeline().vocab,
        words=list(columns[0]),
        spaces=list(columns[1]),
        heads=list(columns[2]),
        deps=list(columns[3]),
        pos=list(columns[4]),
        tags=list(columns[5]),
        lemmas=list(columns[6]),
        sent_starts=list(columns[7]),
    )


def clean(text: str, **meta: Any) -> Article:
    """A plain-text record of ``text`` (and ``meta``) as the cleaner leaves it."""
    return clean_document(RawDocument(source="t", text=text, fmt="txt", **meta))
