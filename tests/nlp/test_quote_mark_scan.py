"""``find_quote_marks_spans`` jumps from mark character to mark character: the spans are
those of the character-by-character scan it replaced (kept here as the reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.nlp.quote_text import (
    CLOSE_CURLY,
    OPEN_CURLY,
    PARAGRAPH,
    find_quote_marks_spans,
    lstrip_offset,
    mark_role,
    rstrip_offset,
)


def reference_spans(text: str) -> list[tuple[int, int, bool]]:
    """The scan before the jump: ``mark_role`` asked of every character."""
    spans: list[tuple[int, int, bool]] = []
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]
    open_at: int | None = None
    quote_start: int | None = None
    depth = 0
    skip_mark_at = -1
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        while i < p_end:
            role = mark_role(text, i)
            width = 2 if text.startswith(("``", "''"), i) else 1
            if role is None or i == skip_mark_at:
                i += width if role else 1
                continue
            if open_at is None:
                if role in ("open", "either"):
                    open_at = quote_start = i
                    depth = 0
            elif role == "open" and text[i] in OPEN_CURLY and text[open_at] in OPEN_CURLY:
                depth += 1
            elif role == "close" and depth > 0:
                depth -= 1
            elif role in ("close", "either"):
                spans.append((quote_start if quote_start is not None else open_at, i + width, True))
                open_at = quote_start = None
            elif role == "open":
                start = quote_start if quote_start is not None else open_at
                spans.append((start, rstrip_offset(text, start, i), False))
                open_at = quote_start = i
            i += width
        if open_at is None:
            continue
        nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
        first = lstrip_offset(text, nxt[0], nxt[1]) if nxt else None
        if first is not None and mark_role(text, first) == "open":
            skip_mark_at = first
            open_at = first
        else:
            start = quote_start if quote_start is not None else open_at
            spans.append((start, rstrip_offset(text, start, p_end), False))
            open_at = quote_start = None
    return spans


CRAFTED = [
    'He said "we will win," and left.',
    "“It is over,” she said. “Or is it?",
    "``We are ready,'' said Mr. Gunnels. 'coalitions, '' said he",
    'A "stray mark\n\n"Next paragraph opens again," he said.',
    "“Nested “hell” inside” and «guillemets» „low”",
    "no marks at all\nin two lines",
    "it's the 90's and rock 'n' roll '' `` ` '",
    '"\n"\n"',
    "",
]


def test_crafted_texts_give_the_reference_spans() -> None:
    for text in CRAFTED:
        assert find_quote_marks_spans(text) == reference_spans(text), text


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=list("ab .,-(\n\t\xa0`'\"" + OPEN_CURLY + CLOSE_CURLY), max_size=60))
def test_any_text_gives_the_reference_spans(text: str) -> None:
    assert find_quote_marks_spans(text) == reference_spans(text)


def test_a_comma_inside_a_number_does_not_bound_an_aside():
    from storyline.nlp.quote_text import around_aside

    text = "Wages, said the 1,200-member union, rose 2,000 dollars in May."
    cue = (text.index("said"), text.index("said") + 4)
    parts = around_aside(text, (0, len(text) - 1), cue)
    assert [text[s:e] for s, e in parts] == ["Wages", "rose 2,000 dollars in May"]
    # only a number's comma after the cue: no aside, the content stays whole
    text = "Wages, said union 1,200 rose."
    cue = (text.index("said"), text.index("said") + 4)
    assert around_aside(text, (0, len(text) - 1), cue) == [(0, len(text) - 1)]
