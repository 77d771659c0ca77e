"""brief.html cites a story's sources by number, as the web UI does, and counts in
words: "[2]" linking to the cited span, the article id and offsets in the tooltip."""

from __future__ import annotations

import re

from storyline.brief.render import render_html, render_markdown
from storyline.brief.text import plural
from storyline.model import Article, Citation, Story, SummarySentence

ONE = "The harbour reopened on Monday after the storm, officials said."
TWO = "Ferries ran again by noon. The port authority said the storm had passed."


def _article(n: int, text: str) -> Article:
    return Article(id=f"a-{n}", text=text, raw_text=text, source=f"pile.jsonl#L{n}")


def test_summary_cites_sources_by_number_and_counts_in_words() -> None:
    cut = TWO.index(" The")
    story = Story(
        "s-1", "Harbour reopens", ["a-1", "a-2"],
        [SummarySentence(ONE, (Citation("a-1", 0, len(ONE)),)),
         SummarySentence(TWO[:cut], (Citation("a-2", 0, cut),))],
    )  # fmt: skip
    html = render_html([_article(1, ONE), _article(2, TWO)], [story])
    start = html.index('<ol class="summary"')
    summary = html[start : html.index("</ol>", start)]
    # the second sentence cites source 2, linked to its marked span
    assert (
        f'<a class="ref" href="#a-2-0-{cut}" title="source 2: a-2, characters 0–{cut}">[2]</a>'
        in summary
    )
    assert f'<mark id="a-2-0-{cut}">' in html
    opening = "The harbour reopened on Monday after the storm, officials said."
    assert f"<b>[1] (untitled) pile.jsonl#L1: “{opening}”</b>" in html and "<b>[2] " in html
    assert not re.search(r"\[a-\d:\d+–\d+\]", html)
    assert "2 articles" in html and "(s)" not in html


def test_plural() -> None:
    assert plural(1, "article") == "1 article"
    assert plural(2, "more dated event") == "2 more dated events"
    assert plural(3, "entity") == "3 entities" and plural(2, "day") == "2 days"


def test_indirect_speech_is_not_put_in_quotation_marks() -> None:
    from storyline.layer import QuoteItem, StoryLayer

    text = 'Officials said the harbour would reopen. "We are ready," the mayor said.'
    told = text.index("the harbour"), text.index(".")
    said = text.index('"We'), text.index(" the mayor")
    quotes = [
        QuoteItem(text[slice(*told)], "a-1", *told, "Officials", None,
                  None, None, None, None, None, "said", "indirect"),
        QuoteItem(text[slice(*said)], "a-1", *said, "the mayor", None,
                  None, None, None, None, None, "said", "direct"),
    ]  # fmt: skip
    story = Story("s-1", "Harbour", ["a-1"], [], None, StoryLayer(quotes=quotes))
    html = render_html([_article(1, text)], [story])
    assert "indirect (said): the harbour would reopen " in html
    assert "“the harbour would reopen”" not in html
    assert "direct (said): &#34;We are ready,&#34; " in html


def test_markdown_cites_sources_by_number_and_each_citation_slices_its_sentence() -> None:
    cut = TWO.index(" The")
    story = Story(
        "s-1", "Harbour reopens", ["a-1", "a-2"],
        [SummarySentence(TWO[:cut], (Citation("a-2", 0, cut),)),
         SummarySentence(ONE, (Citation("a-1", 0, len(ONE)),))],
    )  # fmt: skip
    texts = {"a-1": ONE, "a-2": TWO}
    md = render_markdown([_article(1, ONE), _article(2, TWO)], [story])
    sources = dict(re.findall(r"^(\d+)\. `([^`]+)`", md, re.MULTILINE))
    assert sources == {"1": "a-1", "2": "a-2"}
    cited = re.findall(r"^\d+\. (.+?) \[(\d+):(\d+)-(\d+)\]$", md, re.MULTILINE)
    # each "[n:start-end]" goes through the Sources list to the exact words shown
    assert [(said, sources[n]) for said, n, _, _ in cited] == [(TWO[:cut], "a-2"), (ONE, "a-1")]
    for said, n, start, end in cited:
        assert texts[sources[n]][int(start) : int(end)] == said
    assert "a-2:0-" not in md and "(s)" not in md
