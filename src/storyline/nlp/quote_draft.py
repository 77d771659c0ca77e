"""The draft record both quote passes build (``nlp.quotes``, ``nlp.quote_reported``):
[start, end) offsets into the article text, turned into ``Quote`` records at the end."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Draft:
    start: int
    end: int
    kind: str
    speaker: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    fragments: list[tuple[int, int]] = field(default_factory=list)
    cue_after: bool = False
    absorbed: bool = False  # a quoted fragment inside reported speech ("said it was "X"")
    # "according to X": when what it attributes is itself a report ("Y warned that ...,
    # according to X"), X is that report's source, not its speaker (nlp.quotes)
    according: bool = False
    reported: bool = False  # a speech verb's reported clause ("warned Z that ...")
    source: tuple[int, int] | None = None  # who the writer has the report from


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
