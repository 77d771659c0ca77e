"""Who said what as brief.md shows it: the speaker's name and role, and the words the
article used for them when those were not the name."""

from __future__ import annotations

from storyline.brief.layer_view import layer_markdown, said_as
from storyline.layer import EntityItem, MentionRef, QuoteItem, StoryLayer

TEXT = (
    "A spokesman for the fleet, Vyacheslav Trukhachev, told Interfax the ships would sail. "
    "His comments were meant to clarify the reports. Mr Trukhachev said the ships were ready."
)


def _quote(text: str, words: str | None, speaker: str = "Vyacheslav Trukhachev") -> QuoteItem:
    start = TEXT.index(text)
    at = TEXT.index(speaker)
    w_at = TEXT.index(words) if words else None
    return QuoteItem(
        text, "a1", start, start + len(text), speaker, "E1", at, at + len(speaker), words,
        w_at, None if w_at is None else w_at + len(words or ""), "said", "indirect",
    )  # fmt: skip


def _layer() -> StoryLayer:
    name = "Vyacheslav Trukhachev"
    at = TEXT.index(name)
    entity = EntityItem("E1", name, "PERSON", ["Mr Trukhachev"], "spokesman",
                        [MentionRef("a1", at, at + len(name))])  # fmt: skip
    return StoryLayer(
        entities=[entity],
        quotes=[
            _quote("the ships would sail", "A spokesman for the fleet, Vyacheslav Trukhachev"),
            _quote("the reports", "His comments"),
            _quote("the ships were ready", "Mr Trukhachev"),
        ],
    )


def test_who_said_what_shows_name_role_and_the_articles_words():
    lines = layer_markdown(_layer(), {"a1": TEXT})
    assert "- **Vyacheslav Trukhachev**, spokesman" in lines
    said = [line for line in lines if line.startswith("  - ")]
    assert "(as “His comments”)" in said[1]
    assert "(as “A spokesman for the fleet, Vyacheslav Trukhachev”)" in said[0]
    assert "(as" not in said[2]  # "Mr Trukhachev" says nothing the name does not
    assert not any("““" in line or "””" in line for line in lines)


def test_said_as_leaves_out_the_name_itself():
    quote = _quote("the ships were ready", None)
    assert said_as(quote, "Vyacheslav Trukhachev") is None
