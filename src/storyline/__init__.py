"""storyline: turn a pile of raw news articles into sourced story briefs, offline."""

__version__ = "0.1.0"
