"""The analyst's layer as typed records: what brief.json, the store, brief.md/brief.html
and the web views all read, by field.

A story carries its own items only: entities with the mentions in its own articles (each
keeping its storyline-wide id, so stories of one storyline link through it), its own
quotes, facts and dated events, and the claims it takes a side in, with its own sides and
a count of the others (``OtherSides``). What belongs to the whole storyline (the entity
table with every alias, the whole timeline) is a ``StorylineLayer``, written once per
storyline. Every offset is a ``str`` index into ``Article.text``, half-open.

``to_dict`` gives the brief.json object; ``from_dict`` reads it back (the store keeps that
JSON), tolerating items written before a field existed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import Any, ClassVar, TypeVar

R = TypeVar("R")

# the shape of a story's layer: a store whose layers have another shape makes them again
# (4: quotes say whether they report words; 3: quotes say what kind their speaker is; 2: a story carries its own items, claims
# their own sides; 1: the storyline's copied)
LAYER_SHAPE = 4


def _set(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without its unset (None) fields: brief.json leaves them out, ``from_dict``
    reads a missing field as None."""
    return {k: v for k, v in data.items() if v is not None}


# a pair of offsets is written as one [start, end] list: (key in brief.json, fields)
Pairs = tuple[tuple[str, str, str], ...]


def _pack(data: dict[str, Any], pairs: Pairs) -> dict[str, Any]:
    """``data`` without unset fields, each pair of offsets as one ``[start, end]``."""
    out = _set(data)
    for key, start, end in pairs:
        if start in out:
            out[key] = [out.pop(start), out.pop(end)]
    return out


def _unpack(data: dict[str, Any], pairs: Pairs) -> dict[str, Any]:
    out = dict(data)
    for key, start, end in pairs:
        if isinstance(out.get(key), list):
            out[start], out[end] = out.pop(key)
    return out


def _known(cls: type[R], data: dict[str, Any]) -> R:
    """``cls`` from the keys of ``data`` that name one of its fields (others ignored)."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass(frozen=True, slots=True)
class StepSkip:
    """One analysis step not done for one article (over its budget, or failed), and why."""

    article: str
    step: str
    reason: str  # a numbered message from storyline.errors

    def to_dict(self) -> dict[str, str]:
        return {"article": self.article, "step": self.step, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StepSkip:
        return cls(str(data["article"]), str(data["step"]), str(data["reason"]))


@dataclass(frozen=True, slots=True)
class MentionRef:
    """Where an entity is named: ``text[start:end]`` of that article."""

    article: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MentionRef:
        return cls(str(data["article"]), int(data["start"]), int(data["end"]))


@dataclass(slots=True)
class EntityItem:
    """A storyline entity as one story sees it: its storyline-wide ``id``, name, type and
    role, the names this story's articles use for it, and only their mentions."""

    id: str
    name: str
    type: str
    aliases: list[str]
    role: str | None
    mentions: list[MentionRef] = field(default_factory=list)

    @property
    def articles(self) -> list[str]:
        return sorted({m.article for m in self.mentions})

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
        }
        if self.role:
            out["role"] = self.role
        # by article: {"a-1": [[start, end], ...]} (an article id is written once)
        spans: dict[str, list[list[int]]] = {}
        for m in self.mentions:
            spans.setdefault(m.article, []).append([m.start, m.end])
        out["mentions"] = spans
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityItem:
        found = data.get("mentions") or {}
        if isinstance(found, dict):
            mentions = [
                MentionRef(a, int(s), int(e)) for a, pairs in found.items() for s, e in pairs
            ]
        else:  # a layer stored before mentions were grouped by article
            mentions = [MentionRef.from_dict(m) for m in found]
        return cls(
            str(data["id"]),
            str(data["name"]),
            str(data.get("type") or ""),
            [str(a) for a in data.get("aliases") or []],
            data.get("role") or None,
            mentions,
        )


@dataclass(frozen=True, slots=True)
class QuoteItem:
    """Who said what: ``text`` is ``article[start:end]``; ``speaker`` (the name, resolved
    when the article used a pronoun or a description, whose words are ``speaker_words``)
    and ``speaker_entity`` (the storyline entity id) may be missing."""

    text: str
    article: str
    start: int
    end: int
    speaker: str | None
    speaker_entity: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_words: str | None
    speaker_words_start: int | None
    speaker_words_end: int | None
    cue: str | None
    kind: str  # "direct" | "indirect"
    # who the writer has a report from when it is not the speaker ("..., according to
    # officials at the summit")
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    # the stretches of [start, end) that are the words said, when the attribution or
    # the writer's words come between them ('“X,” he said. “Y.”'); None: all of it
    fragments: tuple[tuple[int, int], ...] | None = None
    # what the speaker is: "person", "group", "record" (a statement, a complaint) or
    # "other" ("the size of the mound suggests"); who-said-what lists the first three
    speaker_kind: str | None = None
    # an experience or an intention ("found himself at the center of", "knows how to"),
    # not words: who-said-what leaves it to brief.json (``nlp.quote_acts``)
    unspoken: bool = False

    PAIRS: ClassVar[Pairs] = (
        ("span", "start", "end"),
        ("speaker_span", "speaker_start", "speaker_end"),
        ("speaker_words_span", "speaker_words_start", "speaker_words_end"),
        ("source_span", "source_start", "source_end"),
    )

    def __post_init__(self) -> None:
        if self.fragments is not None:  # (brief.json gives lists)
            object.__setattr__(self, "fragments", tuple((s, e) for s, e in self.fragments))

    def words(self) -> str:
        """What was said, as a reader is shown it: the fragments joined by " … "."""
        return fragment_words(self.text, self.start, self.fragments or ())

    def to_dict(self) -> dict[str, Any]:
        data = _pack(asdict(self), self.PAIRS)
        if "fragments" in data:
            data["fragments"] = [list(f) for f in data["fragments"]]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuoteItem:
        full = {f.name: None for f in fields(cls)} | {"kind": "direct", "unspoken": False}
        return _known(cls, full | _unpack(data, cls.PAIRS))


# speaker words in the first person ("I", "we"): an unnamed writer's own voice, or a
# letter or post printed whole (``link.story_layer`` keeps them unresolved, the brief
# groups them apart); "'s" is the "us" of "Let's call it 32 percent"
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "'s", "’s"})


def fragment_words(text: str, start: int, fragments: Sequence[tuple[int, int]]) -> str:
    """The words of a quote whose ``text`` starts at offset ``start``: its fragments'
    slices joined by " … " (the stretches between them are not what was said), else
    all of ``text``."""
    if len(fragments) < 2:
        return text
    return " … ".join(text[s - start : e - start] for s, e in fragments)


@dataclass(frozen=True, slots=True)
class FactItem:
    """A number phrase (``text`` = ``article[start:end]``), what it counts and the sentence
    (``sentence_start:sentence_end``) it was read from."""

    article: str
    text: str
    start: int
    end: int
    value: float
    unit: str | None
    counted: str | None
    counted_start: int | None
    counted_end: int | None
    modifier: str | None
    verb: str | None
    sentence_start: int
    sentence_end: int
    value_max: float | None = None

    @property
    def what(self) -> str:
        """What was counted, as a reader wants it: "two warships", "$550m", "12 (%)";
        never a bare number when the article says what it counts."""
        counted = self.counted or ""
        if counted and counted not in self.text:
            return f"{self.text} {counted}"
        if self.unit and not counted and self.unit not in self.text:
            return f"{self.text} ({self.unit})"
        return self.text

    PAIRS: ClassVar[Pairs] = (
        ("span", "start", "end"),
        ("counted_span", "counted_start", "counted_end"),
        ("sentence", "sentence_start", "sentence_end"),
    )

    def to_dict(self) -> dict[str, Any]:
        return _pack(asdict(self), self.PAIRS)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FactItem:
        full = {f.name: None for f in fields(cls)}
        return _known(cls, full | _unpack(data, cls.PAIRS))


@dataclass(frozen=True, slots=True)
class SentenceRef:
    start: int
    end: int
    text: str


def date_label(value: str) -> str:
    """A TIMEX value for display. A decade is written with three digits ("199": the 1990s)
    and a century with two ("19": the 1900s, the 20th century); shown raw, "199" and "10"
    read as years."""
    if re.fullmatch(r"\d{3}", value):
        return f"{value}0s"
    if re.fullmatch(r"\d{2}", value):
        n = int(value) + 1
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix} century"
    return value


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated event: ``value`` the normalised date ("2012-05-26", "2012-06"), ``text`` the
    date as written (``article[start:end]``) and the sentence mentioning it."""

    value: str
    year_inferred: bool
    text: str
    article: str
    start: int
    end: int
    sentence: SentenceRef | None = None

    @property
    def said(self) -> str:
        return self.sentence.text if self.sentence else self.text

    @property
    def label(self) -> str:
        """The date as a reader reads it: ISO days, months and years as they are, a decade
        or century value spelled out ("199" -> "1990s", "10" -> "11th century")."""
        return date_label(self.value)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "value": self.value,
            "year_inferred": self.year_inferred,
            "text": self.text,
            "article": self.article,
            "span": [self.start, self.end],
        }
        if self.sentence is not None:
            s = self.sentence
            out["sentence"] = {"span": [s.start, s.end], "text": s.text}
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TimelineEvent:
        data = _unpack(data, (("span", "start", "end"),))
        sentence = _unpack(data.get("sentence") or {}, (("span", "start", "end"),))
        return cls(
            str(data["value"]),
            bool(data.get("year_inferred")),
            str(data["text"]),
            str(data["article"]),
            int(data["start"]),
            int(data["end"]),
            SentenceRef(**sentence) if sentence else None,
        )


@dataclass(frozen=True, slots=True)
class ClaimSideItem:
    """One source's stance on a claim, citing its sentence ``article[start:end]`` (a
    citation, like a summary sentence's: the text is the article's, ``said`` reads it);
    ``source`` is the independent source (the article itself when it names no outlet);
    ``copies`` the syndicated copies of the article that say the same (one source)."""

    article: str
    source: str
    start: int
    end: int
    stance: str  # "asserts" | "agree" | "disagree"
    score: float | None = None
    speaker: str | None = None
    value: float | None = None
    value_start: int | None = None
    value_end: int | None = None
    copies: tuple[str, ...] = ()

    PAIRS: ClassVar[Pairs] = (("span", "start", "end"), ("value_span", "value_start", "value_end"))

    def said(self, texts: dict[str, str]) -> str:
        """The cited sentence, from ``texts`` (article id -> cleaned text); "" without it."""
        text = texts.get(self.article)
        return "" if text is None else text[self.start : self.end]

    def to_dict(self) -> dict[str, Any]:
        out = _pack(asdict(self), self.PAIRS)
        if out["source"] == self.article:
            out.pop("source")
        if self.copies:
            out["copies"] = list(self.copies)
        else:
            out.pop("copies")
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimSideItem:
        data = {"stance": "asserts"} | _unpack(data, cls.PAIRS)
        data |= {"source": data.get("source") or data["article"]}
        return _known(cls, data | {"copies": tuple(data.get("copies") or ())})


@dataclass(frozen=True, slots=True)
class OtherSides:
    """The sides of a claim taken in the storyline's other stories: how many, and which
    stories list them (in full, under the same claim id)."""

    count: int = 0
    stories: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "stories": list(self.stories)}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> OtherSides:
        if not data:
            return cls()
        return cls(int(data.get("count") or 0), tuple(data.get("stories") or ()))


@dataclass(slots=True)
class ClaimItem:
    """A claim aligned across the storyline's sources, as one story lists it: ``status``
    is judged over the whole storyline (``source_count`` independent sources); ``sides``
    and ``sources`` are this story's own, ``others`` a reference to the rest."""

    id: str
    kind: str  # "fact" | "statement"
    subject: str
    text: str
    status: str  # "corroborated" | "single-source" | "contradicted"
    sources: list[str]  # independent sources of this story's sides
    sides: list[ClaimSideItem] = field(default_factory=list)
    others: OtherSides = field(default_factory=OtherSides)
    source_count: int = 0  # independent sources over the storyline

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "subject": self.subject,
            "text": self.text,
            "status": self.status,
            "source_count": self.source_count,
            "sources": list(self.sources),
            "sides": [s.to_dict() for s in self.sides],
            "other_sides": self.others.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimItem:
        sources = [str(s) for s in data.get("sources") or []]
        return cls(
            str(data["id"]),
            str(data.get("kind") or ""),
            str(data.get("subject") or ""),
            str(data.get("text") or ""),
            str(data.get("status") or ""),
            sources,
            [ClaimSideItem.from_dict(s) for s in data.get("sides") or []],
            OtherSides.from_dict(data.get("other_sides")),
            int(data.get("source_count") or len(sources)),
        )


LAYER_KEYS = ("entities", "quotes", "facts", "timeline", "claims", "skipped")


@dataclass(slots=True)
class StoryLayer:
    """A story's own analysis: every item comes from one of its articles."""

    entities: list[EntityItem] = field(default_factory=list)
    quotes: list[QuoteItem] = field(default_factory=list)
    facts: list[FactItem] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    claims: list[ClaimItem] = field(default_factory=list)
    skipped: list[StepSkip] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "facts": [f.to_dict() for f in self.facts],
            "timeline": [t.to_dict() for t in self.timeline],
            "claims": [c.to_dict() for c in self.claims],
        }
        if self.skipped:
            out["skipped"] = [s.to_dict() for s in self.skipped]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StoryLayer | None:
        """The layer of a brief.json story object; None when it has none."""
        if not any(k in data for k in LAYER_KEYS):
            return None
        return cls(
            [EntityItem.from_dict(e) for e in data.get("entities") or []],
            [QuoteItem.from_dict(q) for q in data.get("quotes") or []],
            [FactItem.from_dict(f) for f in data.get("facts") or []],
            [TimelineEvent.from_dict(t) for t in data.get("timeline") or []],
            [ClaimItem.from_dict(c) for c in data.get("claims") or []],
            [StepSkip.from_dict(s) for s in data.get("skipped") or []],
        )

    def entity_names(self) -> dict[str, str]:
        return {e.id: e.name for e in self.entities}
