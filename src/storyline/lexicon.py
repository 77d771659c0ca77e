"""Word lists written as one whitespace-separated string, read as a set: the stages keep
their lexicons (titles, person nouns, stance cues, ...) in this one readable form."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """``"he him his"`` -> ``frozenset({"he", "him", "his"})``."""
    return frozenset(text.split())
