"""The brief files: written whole or not at all (temporary file + rename), and brief.md
carries article text as inert text (no raw HTML, no links made from article text)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from storyline.brief.render import render_html, render_markdown, write_atomic, write_outputs
from storyline.config import Options
from storyline.layer import ClaimItem, StoryLayer
from storyline.model import Article, Citation, RunResult, Story, SummarySentence

FILES = ("brief.json", "brief.md", "brief.html", "manifest.json")
XSS = '<script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3))'


def result(outdir: Path, text: str, title: str = "Harbour news") -> RunResult:
    article = Article(
        id="a1", text=text, raw_text=text, source="pile/a1.txt", title=title,
        outlet="AFP", url="https://example.com/a1",
    )  # fmt: skip
    sentence = SummarySentence(text[:60], (Citation("a1", 0, 60),))
    layer = {
        "entities": [{"id": "e1", "name": XSS, "type": "PERSON", "aliases": [XSS],
                      "mentions": [{"article": "a1", "start": 0, "end": 5}]}],
        "quotes": [{"text": XSS, "article": "a1", "start": 0, "end": 5, "speaker": XSS,
                    "cue": "<b>said</b>", "kind": "direct"}],
        "claims": [{"id": "c1", "kind": "count", "subject": XSS, "status": "single-source",
                    "sources": [XSS], "sides": [{"article": "a1", "source": "AFP", "start": 0,
                                                 "end": 5, "text": XSS}]}],
        "timeline": [{"value": "2024-01-01", "year_inferred": False, "text": XSS,
                      "article": "a1", "start": 0, "end": 5,
                      "sentence": {"start": 0, "end": 5, "text": XSS}}],
    }  # fmt: skip
    story = Story("s1", title, ["a1"], [sentence], None, StoryLayer.from_dict(layer))
    return RunResult([], [article], [story], 1, 1, outdir=outdir)


def test_brief_md_passes_no_html_or_links_from_article_text(tmp_path: Path) -> None:
    run = result(tmp_path, XSS + " The harbour reopened on Monday after the storm.", XSS)
    markdown = render_markdown(run.articles, run.stories)
    assert "<script" not in markdown and "<img" not in markdown and "<b>" not in markdown
    assert "&lt;script&gt;" in markdown
    html = MarkdownIt("commonmark").render(markdown)  # raw HTML allowed, as in CommonMark
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert 'href="javascript' not in html and "<a " not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text
    # a title with a line break cannot start a block of its own
    broken = render_markdown(run.articles, [Story("s2", "Title\n# injected", ["a1"])])
    assert "\n# injected" not in broken


def test_an_untitled_article_is_named_by_the_file_it_came_from(tmp_path: Path) -> None:
    run = result(tmp_path, "The harbour reopened on Monday after the storm.", "")
    run.articles[0].title = None
    markdown = render_markdown(run.articles, run.stories)
    # ... and by its opening words: a pile of untitled records is told apart by them
    opening = "“The harbour reopened on Monday after the storm.”"
    assert f"`a1` (untitled) a1.txt: {opening} — AFP" in markdown
    assert f"(untitled) a1.txt: {opening}" in render_html(run.articles, run.stories)


def test_an_untitled_articles_opening_is_its_first_words() -> None:
    def article(text: str, title: str | None = None) -> Article:
        return Article("a", text, text, "x.txt", title=title)

    long = article("One two three four five six seven eight nine ten, eleven.")
    assert long.opening == "One two three four five six seven eight nine ten…"
    assert long.label == "(untitled) x.txt: “One two three four five six seven eight nine ten…”"
    assert article("  Storm   hits\n harbour.  ").opening == "Storm hits harbour."
    assert article(" ").label == "(untitled) x.txt"
    assert article("Text.", title="Harbour reopens").label == "Harbour reopens"


def test_outputs_replace_the_previous_files_instead_of_writing_into_them(
    tmp_path: Path,
) -> None:
    write_outputs(result(tmp_path, "First version of the harbour story. " * 20), Options())
    before = {name: (tmp_path / name).read_bytes() for name in FILES}
    for name in FILES:  # a second name for each old file: writing in place would change it
        os.link(tmp_path / name, tmp_path / f"old-{name}")
    write_outputs(result(tmp_path, "Second version of the harbour story. " * 20), Options())
    for name in FILES:
        assert (tmp_path / f"old-{name}").read_bytes() == before[name]
        assert (tmp_path / name).stat().st_ino != (tmp_path / f"old-{name}").stat().st_ino
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from test_outputs import result
from storyline.brief.render import write_outputs
from storyline.config import Options
big = result(Path(sys.argv[1]), "A much longer version of the harbour story. " * 250_000)
print("ready", flush=True)
while True:
    write_outputs(big, Options())
"""


def test_a_kill_while_writing_keeps_the_previous_good_copy(tmp_path: Path) -> None:
    write_outputs(result(tmp_path, "The good copy of the harbour story. " * 20), Options())
    good = {name: (tmp_path / name).read_bytes() for name in FILES}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path), str(Path(__file__).parent)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 60
        while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
            assert time.monotonic() < deadline, "no temporary file seen: written in place?"
            time.sleep(0.0005)
        child.send_signal(signal.SIGKILL)  # mid-write of one of the four files
    finally:
        child.kill()
        child.wait()
    for name in FILES:
        data = (tmp_path / name).read_bytes()
        if data != good[name]:  # the new copy, then: complete
            if name.endswith(".json"):
                json.loads(data)
            else:
                assert data.rstrip().endswith(b"</html>" if name.endswith(".html") else b")")


def test_claims_show_their_text_and_both_sides_in_md_and_html(tmp_path: Path) -> None:
    text = "A unit arrived in Syria, reports said. Lavrov said Russia had no plans to send troops."
    run = result(tmp_path, text)
    claims = [
        {"id": "c2", "kind": "statement", "subject": "a Russian military unit",
         "text": "a unit arrived in Syria", "status": "contradicted", "sources": ["Naharnet"],
         "sides": [
             {"article": "a1", "source": "Naharnet", "start": 0, "end": 38,
              "text": text[0:38], "stance": "asserts", "score": None, "speaker": "reports"},
             {"article": "a1", "source": "Naharnet", "start": 39, "end": len(text),
              "text": text[39:], "stance": "disagree", "score": 0.612, "speaker": "Lavrov"},
         ]},
    ] + [
        {"id": f"s{i:02d}", "kind": "statement", "subject": f"Claim {i}", "text": f"claim {i}",
         "status": "single-source", "sources": ["AFP"], "sides": []}
        for i in range(12)
    ]  # fmt: skip
    layer = run.stories[0].layer
    assert layer is not None
    layer.claims = [ClaimItem.from_dict(c) for c in claims]
    markdown = render_markdown(run.articles, run.stories)
    assert "- **contradicted** — a Russian military unit: “a unit arrived in Syria”" in markdown
    assert (
        "  - Naharnet (reports) states: “A unit arrived in Syria, reports said.” [1:0-38]"
        in markdown
    )
    assert f"  - Naharnet (Lavrov) disagrees, 0.61: “{text[39:]}” [1:39-{len(text)}]" in markdown
    assert "claim 9" in markdown and "claim 10" not in markdown
    assert "and 2 more single-source claims in brief.json" in markdown
    html = render_html(run.articles, run.stories)
    assert "Naharnet (Lavrov) disagrees, 0.61</span>: “Lavrov said Russia had no plans" in html
    assert "<b>a Russian military unit</b>: “a unit arrived in Syria”" in html


def test_a_partial_summary_sentence_is_shown_cut(tmp_path: Path) -> None:
    text = "The harbour reopened on Monday after the storm, officials said."
    run = result(tmp_path, text)
    cut = SummarySentence(text[:30], (Citation("a1", 0, 30),), partial=True)
    story = Story("s1", "Harbour news", ["a1"], [cut])
    assert f"1. {text[:30]} … [1:0-30]" in render_markdown(run.articles, [story])
    assert f"{text[:30]} …" in render_html(run.articles, [story])
    assert cut.to_dict()["partial"] is True
    assert SummarySentence(text, (Citation("a1", 0, len(text)),)).to_dict()["partial"] is False


def test_a_file_written_in_pieces_is_whole_or_not_replaced(tmp_path: Path) -> None:
    """brief files are written as they are made (issue 17); one whose making fails part
    way leaves the previous file and no temporary one."""
    path = tmp_path / "brief.md"
    write_atomic(path, iter(["# Brief\n", "one ", "story\n"]))
    assert path.read_text(encoding="utf-8") == "# Brief\none story\n"

    def failing() -> Iterator[str]:
        yield "# Half"
        raise RuntimeError("rendering failed")

    with pytest.raises(RuntimeError):
        write_atomic(path, failing())
    assert path.read_text(encoding="utf-8") == "# Brief\none story\n"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]


def test_md_text_escapes_html_but_leaves_plain_ampersands_and_arrows() -> None:
    from storyline.brief.md import md_text

    assert md_text("English >> World") == "English >> World"
    assert md_text("Nas, Just Blaze & More") == "Nas, Just Blaze & More"
    assert md_text("a &lt;b&gt; c") == "a &amp;lt;b&amp;gt; c"  # shown as written
    assert md_text("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert "<" not in md_text("x < y <script>alert(1)</script>")


def test_a_story_without_summary_says_why_and_an_unknown_outlet_is_named(tmp_path: Path) -> None:
    # Multi-News piles: a story of a crawl notice rendered an empty heading; a source line
    # with no outlet ended in a bare dash; claim sides named an article id as the outlet
    crawl = (
        "These crawls are part of an effort to archive pages. The seed for this crawl was a list."
    )
    notice = Article(id="a2", text=crawl, raw_text=crawl, source="pile/mn.jsonl#L5")
    news = "The harbour reopened on Monday after the storm, officials said."
    plain = Article(id="a-3c6b02b5cbc81a4e", text=news, raw_text=news, source="pile/mn.jsonl#L6")
    side = {"article": plain.id, "source": plain.id, "start": 0, "end": len(news),
            "stance": "asserts"}  # fmt: skip
    claim = {"id": "c1", "kind": "statement", "subject": "The harbour", "text": news,
             "status": "single-source", "sources": [plain.id], "sides": [side]}  # fmt: skip
    stories = [
        Story("s1", "Not a news article: boilerplate (these crawls)", ["a2"]),
        Story("s2", "The harbour reopened", [plain.id], [SummarySentence(news, (Citation(plain.id, 0, len(news)),))],
              None, StoryLayer.from_dict({"claims": [claim]})),
    ]  # fmt: skip
    markdown = render_markdown([notice, plain], stories)
    empty = markdown.split("## Not a news article: boilerplate (these crawls)\n\n", 1)[1]
    # the notice's own seed sentence names it first (clean.junk reads the seed before phrases)
    assert empty.startswith("_No summary: its article is not news (boilerplate (the seed for")
    assert (
        "1. `a2` (untitled) mn.jsonl#L5: “These crawls are part of an effort to archive pages.” — outlet unknown\n"
        in markdown
    )
    # (a single-source claim its one sentence says is read once, on the claim's line)
    assert (
        f"- **single-source** — The harbour — outlet unknown states: “{news}” "
        f"[1:0-{len(news)}]" in markdown
    )
    assert f"{plain.id} states" not in markdown
    html = render_html([notice, plain], stories)
    assert "No summary: its article is not news" in html
    assert "outlet unknown states</span>" in html and " · outlet unknown" in html


def test_the_table_of_contents_columns_keep_apart() -> None:
    # a screenshot showed the first column's titles running into the second's numbers
    html = render_html([], [])
    toc = html.split(".toc ol{", 1)[1].split("}", 1)[0]
    assert "columns:2" in toc and "column-gap:" in toc
    assert ".toc li{break-inside:avoid" in html


@pytest.mark.parametrize(
    ("value", "label"),
    [("199", "1990s"), ("200", "2000s"), ("19", "20th century"), ("10", "11th century"),
     ("20", "21st century"), ("2017", "2017"), ("2017-08-03", "2017-08-03"), ("2014-Q3", "2014-Q3")],
)  # fmt: skip
def test_a_decade_or_century_is_spelled_out_not_shown_as_a_year(value: str, label: str) -> None:
    from storyline.layer import date_label

    assert date_label(value) == label


def test_the_brief_timeline_reads_a_decade_as_a_decade(tmp_path: Path) -> None:
    text = "The band formed in the 1990s and toured widely."
    run = result(tmp_path, text)
    event = {"value": "199", "year_inferred": False, "text": "the 1990s", "article": "a1",
             "start": 19, "end": 28, "sentence": {"start": 0, "end": len(text), "text": text}}  # fmt: skip
    layer = StoryLayer.from_dict({"timeline": [event]})
    story = Story("s1", "Band news", ["a1"], run.stories[0].summary, None, layer)
    markdown = render_markdown(run.articles, [story])
    assert f"- 1990s: {text}" in markdown
    assert "- 199:" not in markdown
    assert '<time datetime="199">1990s</time>' in render_html(run.articles, [story])
