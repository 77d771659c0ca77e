"""storyline: turn a pile of raw news articles into sourced story briefs, offline.

    import storyline
    brief = storyline.brief(["samples/russia-syria"])   # in memory, nothing written
    brief.stories[0].summary[0].citations               # article id + offsets
    brief.write("out")                                  # brief.json/.md/.html, manifest

The stages one at a time: ``clean``, ``find_duplicates``, ``cluster``, ``summarize``,
``extract_quotes``, ``extract_dates``; ``open_store`` for the accumulating database.
"""

from storyline import brief, clean, cluster  # callable packages (storyline.entry)
from storyline.api import (
    Brief,
    Input,
    analyse,
    extract_dates,
    extract_quotes,
    find_duplicates,
    open_store,
    read_inputs,
    store_documents,
    summarize,
)
from storyline.config import Options
from storyline.errors import BudgetExceeded, Errors, StorylineError
from storyline.model import Article, RawDocument, Story

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Brief",
    "BudgetExceeded",
    "Errors",
    "Input",
    "Options",
    "RawDocument",
    "Story",
    "StorylineError",
    "__version__",
    "analyse",
    "brief",
    "clean",
    "cluster",
    "extract_dates",
    "extract_quotes",
    "find_duplicates",
    "open_store",
    "read_inputs",
    "store_documents",
    "summarize",
]
