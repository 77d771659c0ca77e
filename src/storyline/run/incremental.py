"""Which stories a new run must summarise and analyse again, and which it can keep.

A story's summary is a pure function of its members (which of them are originals), its
storyline and the options; a story's analyst layer is a pure function of every member of
its storyline. Each run records a signature of those inputs per story and per storyline
(in the store's stage state); the next run recomputes only stories and storylines whose
signature changed and takes the rest from the store. An ingest that adds one article
therefore re-analyses one storyline, not the whole store, and the result is byte-identical
to recomputing everything (tested).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from storyline.config import Options
from storyline.model import Article, Story
from storyline.version import __version__

STATE_NAME = "analysis"
DEDUP_STATE = "dedup"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """Digest of storyline's own source: any code change recomputes what it stored."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha1()
    for path in sorted(root.rglob("*")):
        if path.suffix in {".py", ".j2"} and path.is_file():
            h.update(path.relative_to(root).as_posix().encode("utf-8"))
            h.update(path.read_bytes())
    return h.hexdigest()


def _digest(value: object) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass
class Signatures:
    """Per story and per storyline input digests of one analysis run."""

    stories: dict[str, str] = field(default_factory=dict)
    storylines: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, saved: str | None) -> Signatures:
        if not saved:
            return cls()
        try:
            data = json.loads(saved)
            return cls(dict(data["stories"]), dict(data["storylines"]))
        except (ValueError, KeyError, TypeError):
            return cls()  # an unreadable record only costs a full recompute


def signatures(articles: list[Article], options: Options, layer_version: str) -> Signatures:
    """Digest the inputs of every story's summary and every storyline's layer.

    ``layer_version`` says what the analyst layer would be made with (off, no spaCy, or
    spaCy): switching it recomputes every layer.
    """
    settings = _digest(
        {
            "version": __version__,
            "code": code_digest(),
            "summary": asdict(options.summary),
            "layer": layer_version,
        }
    )
    members: dict[str, list[tuple[str, str | None]]] = {}
    storyline_of: dict[str, str] = {}
    for article in articles:
        sid = article.story or ""
        members.setdefault(sid, []).append((article.id, article.duplicate_of))
        if article.storyline:
            storyline_of.setdefault(sid, article.storyline)
    stories = {
        sid: _digest([settings, storyline_of.get(sid), sorted(m, key=lambda x: x[0])])
        for sid, m in members.items()
    }
    by_line: dict[str, list[str]] = {}
    for sid, sig in stories.items():
        by_line.setdefault(storyline_of.get(sid) or sid, []).append(sig)
    storylines = {line: _digest(sorted(sigs)) for line, sigs in by_line.items()}
    return Signatures(stories, storylines)


def reusable(
    now: Signatures, before: Signatures, stored: list[Story]
) -> tuple[dict[str, Story], set[str]]:
    """Stored stories whose summary still holds, and storylines whose layers still hold."""
    summaries = {
        s.id: s
        for s in stored
        if s.id in now.stories and before.stories.get(s.id) == now.stories[s.id]
    }
    layers = {line for line, sig in now.storylines.items() if before.storylines.get(line) == sig}
    return summaries, layers


def work_version(options: Options) -> str:
    """What an article's stored per-article work (sentences, MinHash band keys) is made
    with: storyline's code and the dedup options. Work of another version is made again."""
    return _digest({"code": code_digest(), "dedup": asdict(options.dedup)})[:32]


@dataclass
class DedupState:
    """The near-duplicate edges verified by the last run (run.stages.mark_duplicates),
    with the work version they were found with: the next run verifies new pairs only."""

    version: str = ""
    edges: list[tuple[str, str]] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps({"version": self.version, "edges": self.edges}, sort_keys=True)

    @classmethod
    def from_json(cls, saved: str | None) -> DedupState:
        if not saved:
            return cls()
        try:
            data = json.loads(saved)
            return cls(str(data["version"]), [(str(a), str(b)) for a, b in data["edges"]])
        except (ValueError, KeyError, TypeError):
            return cls()  # an unreadable record only costs verifying every pair again
