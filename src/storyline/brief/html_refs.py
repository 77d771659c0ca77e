"""brief.html's citations and counts in words.

A citation reads as the number of its source in the story's Sources list, "[2]", as the
web UI shows it; the article id and character offsets stay in the link's tooltip (a
reader skims "[2]", not "[a-92496dcd0aed8314:189–344]"). The link goes to the cited span
when the summary marks it in the source text, else to the source itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from storyline.brief.md import source_numbers
from storyline.model import Story


@dataclass(frozen=True)
class Citer:
    """Makes a citation link; ``numbers`` maps an article to its place in its story's
    Sources (an article belongs to one story), ``marked`` the spans brief.html marks."""

    numbers: dict[str, int]
    marked: dict[str, set[tuple[int, int]]]

    @classmethod
    def of(cls, stories: list[Story], marked: dict[str, set[tuple[int, int]]]) -> Citer:
        numbers = {aid: n for s in stories for aid, n in source_numbers(s.articles).items()}
        return cls(numbers, marked)

    def __call__(self, article: str, start: int, end: int) -> Markup:
        span = (start, end) in self.marked.get(article, set())
        target = f"{article}-{start}-{end}" if span else article
        n = self.numbers.get(article)
        return Markup('<a class="ref" href="#{}" title="{}">[{}]</a>').format(
            target,
            f"source {n}: {article}, characters {start}–{end}" if n else article,
            n if n else escape(article),
        )
