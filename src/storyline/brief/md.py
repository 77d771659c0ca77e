"""Article text and citations inside brief.md: Markdown passes raw HTML through, so
untrusted text is escaped before it is placed in a line."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# only what Markdown would read as HTML: a tag ("<b>", "<img onerror=...>", "</i>"), any
# other "<", and an "&" that starts an entity ("&lt;"); a plain "&" or ">" is text and
# stays as written ("Nas, Just Blaze & More", "English >> World")
_HTML = re.compile(r"<[^<>]*>?|&(?=#?\w+;)")
# backslash escapes: no link or image ([x](url), ![x](url)) and no code span from text
_MARKDOWN = re.compile(r"([\\`\[\]])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def md_text(value: Any) -> str:
    """``value`` as inert Markdown text on one line: ``<script>`` and ``<img onerror>``
    become text (entities), brackets and backticks are escaped, line breaks are spaces
    (a title cannot start a heading or a list of its own)."""
    text = "" if value is None else str(value)
    text = _LINE_BREAKS.sub(" ", text)
    text = _MARKDOWN.sub(r"\\\1", text)
    return _HTML.sub(lambda m: "".join(_ENTITIES.get(c, c) for c in m.group()), text)


def md_cite(numbers: Mapping[str, int], article: str, start: int, end: int) -> str:
    """A brief.md citation, "[2:189-344]": the article's number in its story's Sources
    list and the characters cited (a reader skims "2", not "a-92496dcd0aed8314"); the
    article id where the article has no number."""
    return f"[{numbers.get(article) or article}:{start}-{end}]"


def source_numbers(articles: Sequence[str]) -> dict[str, int]:
    """Each of a story's articles with its number in the story's Sources list (from 1),
    the number its citations carry in brief.md and brief.html."""
    return {aid: n for n, aid in enumerate(articles, start=1)}
