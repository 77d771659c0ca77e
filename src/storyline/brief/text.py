"""Small, dependency-free text helpers shared by the summarizer and its baselines."""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")

# Function words carry no topic; a fixed list keeps results independent of any download.
_STOPWORD_TEXT = """
a about above after again against ago all almost also although always am among an and
another any anyone anything are around as at away back be became because become been before
being below between both but by can could did do does doing done down during each either
else enough even ever every few for from further get gets getting got had has have having
he her here hers herself him himself his how however i if in into is it its itself just
last least less let like made make many may me might more most much must my myself near
neither never new next no nor not now of off often on once one only or other others our
ours ourselves out over own per perhaps put quite rather really said same say says see seem
seemed seems several shall she should since so some something still such than that the
their theirs them themselves then there these they thing things this those though through
thus to too toward towards under until up upon us very via was way we well were what
whatever when where whether which while who whom whose why will with within without would
yet you your yours yourself yourselves mr mrs ms s t don didn doesn isn wasn aren weren won
wouldn couldn shouldn ve ll re d m told tell tells according
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def words(text: str) -> list[str]:
    """Lower-cased word tokens (letters and digits, inner apostrophes kept)."""
    return [w.lower() for w in _WORD.findall(text)]


def count_words(text: str) -> int:
    """The budget unit: whitespace-separated tokens, as a reader (and ROUGE cut-offs) count."""
    return len(text.split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match "protest/protests/protesters/protested"."""
    w = word.replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3 or w.isdigit():
        return w
    for suffix, keep in (
        ("ational", 3),
        ("ization", 3),
        ("iveness", 3),
        ("fulness", 3),
        ("ousness", 3),
        ("ements", 3),
        ("ments", 3),
        ("ement", 3),
        ("ment", 3),
        ("ings", 3),
        ("ing", 3),
        ("ers", 3),
        ("ies", 2),
        ("ied", 2),
        ("er", 3),
        ("ed", 3),
        ("es", 3),
        ("ly", 3),
        ("s", 3),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                return w
            base = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                return base + "y"
            return base
    return w


def content_terms(text: str) -> list[str]:
    """Stemmed content words of ``text`` (stopwords and one-character tokens removed)."""
    return [stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1]


def plural(n: int, phrase: str) -> str:
    """ "1 article", "3 articles", "2 more dated events", "2 entities": the last word of
    ``phrase`` takes the count (never "article(s)")."""
    if n == 1:
        return f"{n} {phrase}"
    head, _, word = phrase.rpartition(" ")
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u", ""):
        word = word[:-1] + "ies"
    else:
        word += "s"
    return f"{n} {head} {word}" if head else f"{n} {word}"
