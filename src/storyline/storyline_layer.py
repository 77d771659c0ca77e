"""A storyline's own layer: what belongs to a whole storyline once (its stories, its entity
table, its timeline), made from its stories' layers (``storyline.layer``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

from storyline.layer import Pairs, StoryLayer, _known, _pack, _set, _unpack, date_label


@dataclass(slots=True)
class StorylineEntity:
    """One row of a storyline's entity table: every name its articles use, how often it is
    named and in which stories (the stories hold the mentions)."""

    id: str
    name: str
    type: str
    aliases: list[str]
    role: str | None
    mentions: int
    articles: int
    stories: list[str]

    def to_dict(self) -> dict[str, Any]:
        return _set(asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StorylineEntity:
        return _known(cls, {"role": None} | data)


@dataclass(frozen=True, slots=True)
class TimelineRef:
    """One event of a storyline's timeline: its date and where the story lists it."""

    value: str
    year_inferred: bool
    story: str
    article: str
    start: int
    end: int

    PAIRS: ClassVar[Pairs] = (("span", "start", "end"),)

    @property
    def label(self) -> str:
        return date_label(self.value)

    def to_dict(self) -> dict[str, Any]:
        return _pack(asdict(self), self.PAIRS)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineRef:
        return _known(cls, _unpack(data, cls.PAIRS))


@dataclass(slots=True)
class StorylineLayer:
    """What belongs to a whole storyline, once: its stories, entity table and timeline."""

    id: str
    stories: list[str]
    entities: list[StorylineEntity] = field(default_factory=list)
    timeline: list[TimelineRef] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "stories": list(self.stories),
            "entities": [e.to_dict() for e in self.entities],
            "timeline": [t.to_dict() for t in self.timeline],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StorylineLayer:
        return cls(
            str(data["id"]),
            [str(s) for s in data.get("stories") or []],
            [StorylineEntity.from_dict(e) for e in data.get("entities") or []],
            [TimelineRef.from_dict(t) for t in data.get("timeline") or []],
        )


def storyline_layer(line: str, stories: list[tuple[str, StoryLayer | None]]) -> StorylineLayer:
    """The storyline ``line`` made of its stories' layers (id, layer): the entity table
    merges each story's view of an entity (aliases, mention and article counts), the
    timeline lists every story's events in date order."""
    rows: dict[str, StorylineEntity] = {}
    seen: dict[str, set[str]] = {}
    timeline: list[TimelineRef] = []
    for sid, layer in sorted(stories, key=lambda s: s[0]):
        if layer is None:
            continue
        for e in layer.entities:
            row = rows.get(e.id)
            if row is None:
                row = rows[e.id] = StorylineEntity(e.id, e.name, e.type, [], e.role, 0, 0, [])
            row.aliases = sorted(set(row.aliases) | set(e.aliases))
            row.mentions += len(e.mentions)
            seen.setdefault(e.id, set()).update(m.article for m in e.mentions)
            row.stories.append(sid)
        timeline += [
            TimelineRef(t.value, t.year_inferred, sid, t.article, t.start, t.end)
            for t in layer.timeline
        ]
    for eid, row in rows.items():
        row.articles = len(seen[eid])
    entities = sorted(rows.values(), key=lambda r: (-r.mentions, r.name, r.id))
    timeline.sort(key=lambda t: (t.value, t.article, t.start))
    return StorylineLayer(line, sorted(s for s, _ in stories), entities, timeline)
