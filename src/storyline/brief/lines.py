"""The storyline section of brief.md and brief.html: each storyline of more than one
story, its stories in time order, its timeline across them and the entities running
through them (``storyline.layer.storyline_layer``), bounded like a story's layer.

A story is placed by its articles' dates, or, when none is dated, by the dates its own
articles state (its timeline's events), shown as "undated (mentions ...)": an article
mentions earlier events, so a stated date places the story but is not its date.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.brief.md import md_cite, md_text, source_numbers
from storyline.brief.text import plural
from storyline.model import Article, Story, calendar_day, placing_dates
from storyline.storyline_layer import StorylineEntity, TimelineRef, storyline_layer

MAX_LINE_EVENTS = 30  # a storyline's timeline in brief.md/.html (all of it in brief.json)
MAX_LINE_ENTITIES = 15
LABEL_NAMES = 3  # a storyline is named by this many of its most named entities


def storyline_label(names: list[str], titles: list[str]) -> str:
    """A storyline's name in words, for a heading: the entities most named through it
    (``names``, most named first), else its first story's title; its id is no name to a
    reader ("Storyline l-faf17e635253")."""
    kept = [n for n in names if n][:LABEL_NAMES]
    return ", ".join(kept) if kept else next((t for t in titles if t), "")


@dataclass(frozen=True)
class LineStory:
    story: Story
    first: str  # the first day (or month, year) it covers; "" undated
    last: str
    stated: bool  # no article is dated: the days are those its articles state

    @property
    def days(self) -> str:
        if not self.first:
            return "undated"
        span = self.first if self.first == self.last else f"{self.first} – {self.last}"
        return f"undated (mentions {span})" if self.stated else span


@dataclass(frozen=True)
class TimelineRow:
    ref: TimelineRef
    said: str  # the sentence its story's layer kept, else the date as written


@dataclass(frozen=True)
class LineSection:
    id: str
    stories: list[LineStory]
    timeline: list[TimelineRow]
    hidden_events: int
    entities: list[StorylineEntity]
    hidden_entities: int
    numbers: dict[str, int]  # story id -> its place on the time axis (1 = earliest)

    @property
    def label(self) -> str:
        return storyline_label(
            [e.name for e in self.entities], [p.story.title for p in self.stories]
        )

    def places(self, entity: StorylineEntity) -> list[tuple[int, str]]:
        """(number, story id) of the stories naming ``entity``, earliest first."""
        return sorted((self.numbers[s], s) for s in entity.stories if s in self.numbers)


def line_story(story: Story, by_id: dict[str, Article]) -> LineStory:
    dates = [by_id[a].date or "" for a in story.articles if a in by_id]
    dated = sorted(d[:10] for d in dates if d and calendar_day(d))
    if dated:
        return LineStory(story, dated[0], dated[-1], False)
    own = set(story.articles)
    events = story.layer.timeline if story.layer else []
    stated = sorted(placing_dates([t.value for t in events if t.article in own]))
    if stated:
        return LineStory(story, stated[0], stated[-1], True)
    return LineStory(story, "", "", False)


def _day_key(item: LineStory) -> tuple[bool, str, str, str]:
    first = calendar_day(item.first) if item.first else None
    return (first is None, first.isoformat() if first else "", item.last, item.story.id)


def line_sections(stories: list[Story], articles: list[Article]) -> list[LineSection]:
    """Every storyline of more than one story, by id, its stories earliest first."""
    by_id = {a.id: a for a in articles}
    members: dict[str, list[Story]] = {}
    for story in sorted(stories, key=lambda s: s.id):
        if story.storyline is not None:
            members.setdefault(story.storyline, []).append(story)
    sections = []
    for line, group in sorted(members.items()):
        if len(group) < 2:
            continue
        placed = sorted((line_story(s, by_id) for s in group), key=_day_key)
        layer = storyline_layer(line, [(s.id, s.layer) for s in group])
        said = {
            (t.article, t.start, t.end): t.said
            for s in group
            if s.layer is not None
            for t in s.layer.timeline
        }
        rows = [
            TimelineRow(t, said.get((t.article, t.start, t.end), ""))
            for t in layer.timeline[:MAX_LINE_EVENTS]
        ]
        sections.append(
            LineSection(
                line,
                placed,
                rows,
                max(0, len(layer.timeline) - MAX_LINE_EVENTS),
                layer.entities[:MAX_LINE_ENTITIES],
                max(0, len(layer.entities) - MAX_LINE_ENTITIES),
                {p.story.id: n for n, p in enumerate(placed, start=1)},
            )
        )
    return sections


def lines_markdown(sections: list[LineSection]) -> list[str]:
    """brief.md's storyline section (article text through ``md_text``)."""
    if not sections:
        return []
    out = ["## Storylines", ""]
    for section in sections:
        out += [f"### Storyline `{section.id}`", ""]
        # a citation "[2:189-344]" is source 2 of the story the row names
        sources = {p.story.id: source_numbers(p.story.articles) for p in section.stories}
        for n, item in enumerate(section.stories, start=1):
            out.append(f"{n}. {item.days}: {md_text(item.story.title)} (`{item.story.id}`)")
        out.append("")
        if section.timeline:
            out += ["Timeline:", ""]
            for row in section.timeline:
                t = row.ref
                inferred = " (year inferred)" if t.year_inferred else ""
                where = f"story {section.numbers.get(t.story, '?')}"
                cite = md_cite(sources.get(t.story, {}), t.article, t.start, t.end)
                text = f" {md_text(row.said)}" if row.said else ""
                out.append(f"- {md_text(t.label)}{inferred}:{text} {cite} ({where})")
            if section.hidden_events:
                more = plural(section.hidden_events, "more dated event")
                out.append(f"- … and {more} in brief.json")
            out.append("")
        if section.entities:
            out += ["Entities:", ""]
            for e in section.entities:
                also = [a for a in e.aliases if a != e.name][:8]
                alias = f"; also {', '.join(md_text(a) for a in also)}" if also else ""
                places = ", ".join(str(n) for n, _ in section.places(e))
                out.append(
                    f"- {md_text(e.name)} ({md_text(e.type)}{alias}): "
                    f"{plural(e.mentions, 'mention')} in {plural(e.articles, 'article')}, "
                    f"stories {places}"
                )
            if section.hidden_entities:
                more = plural(section.hidden_entities, "more entity")
                out.append(f"- … and {more} in brief.json")
            out.append("")
    return out
