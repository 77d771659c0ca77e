"""The analysis layer of a story arranged for reading (Markdown and HTML share it)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial

from storyline.brief.md import md_cite, md_text
from storyline.brief.text import plural
from storyline.layer import (
    FIRST_PERSON,
    ClaimItem,
    ClaimSideItem,
    EntityItem,
    FactItem,
    QuoteItem,
    StoryLayer,
    TimelineEvent,
)

# what brief.md and brief.html show of a story (all of it is in brief.json), so a story
# of a thousand articles is still a page, not a megabyte
MAX_ENTITIES = 25
MAX_QUOTES = 40
MAX_FACTS = 15
MAX_SINGLE_SOURCE = 10  # single-source claim rows (every contradicted and corroborated one)
MAX_SIDES = 10  # sides of one claim: half stating it, half agreeing or disagreeing
MAX_EVENTS = 30
NO_JUDGED_CLAIM = (
    "No claim is confirmed or disputed by another independent source in this storyline."
)
_STANCE_WORDS = {"asserts": "states", "agree": "agrees", "disagree": "disagrees"}


def quotes_by_speaker(layer: StoryLayer | None) -> list[tuple[str, list[QuoteItem]]]:
    """Quotes grouped by resolved speaker (entity name, else the speaker's words); a quote
    whose speaker is no one a reader would call a voice ("the size of the mound
    suggests", ``speaker_kind`` "other") is left to brief.json."""
    if layer is None:
        return []
    names = layer.entity_names()
    groups: dict[str, list[QuoteItem]] = {}
    for quote in layer.quotes:
        if left_out(quote):
            continue
        speaker = names.get(quote.speaker_entity or "") or _plain(quote.speaker)
        if speaker is None and (quote.speaker_words or "").lower() in FIRST_PERSON:
            # the writer's own voice, or a letter or post the article prints whole
            speaker = "(unnamed, in the first person)"
        groups.setdefault(speaker or "(unattributed)", []).append(quote)
    _merge_sentence_case(groups, {id(q): i for i, q in enumerate(layer.quotes)})
    # the named first, most quoted first; "(unattributed)" and the like last
    return sorted(groups.items(), key=lambda kv: (kv[0].startswith("("), -len(kv[1]), kv[0]))


def _merge_sentence_case(groups: dict[str, list[QuoteItem]], order: Mapping[int, int]) -> None:
    """ "Police said" opening a sentence and "police said" inside one are one speaker: a
    group whose name differs from another's only by its capital first letter joins the
    lower-case one (a name is an entity, grouped by the entity's name; a common noun is
    capitalised only where a sentence starts), its quotes in the story's order."""
    for name in list(groups):
        lower = name[:1].lower() + name[1:]
        if lower != name and lower in groups:
            merged = groups[lower] + groups.pop(name)
            groups[lower] = sorted(merged, key=lambda q: order[id(q)])


def quotes_left_out(layer: StoryLayer | None) -> int:
    """How many of the story's attributions who-said-what leaves to brief.json (``left_out``)."""
    return 0 if layer is None else sum(1 for q in layer.quotes if left_out(q))


def left_out(quote: QuoteItem) -> bool:
    """A speaker that is no one ("the size of the mound"; a speaker the linker resolved
    to an entity is always someone), or reported words with no one and no source to them
    (the writer's "reportedly", "X is known for Y", "seems"; "he" left unresolved is
    someone), or what someone knows, sees or wants rather than says (``unspoken``):
    attributions the quote eval counts, but not who said what. Quoted words with no
    speaker are still shown."""
    if quote.unspoken or (
        quote.kind == "indirect" and not (quote.speaker or quote.speaker_words or quote.source)
    ):
        return True
    return quote.speaker_kind == "other" and not quote.speaker_entity


_ARTICLES = frozenset({"the", "a", "an"})


def _plain(speaker: str | None) -> str | None:
    """A speaker that is no entity, as a name: an article opening a sentence is not
    capitalised ("The Assad regime insists" and "the Assad regime said" are one
    speaker, "the Assad regime")."""
    if not speaker:
        return None
    first, _, rest = speaker.partition(" ")
    if rest and first.lower() in _ARTICLES:
        return f"{first.lower()} {rest}"
    return speaker


def speaker_roles(layer: StoryLayer | None) -> dict[str, str]:
    """The role of each speaker that is an entity with one ("Vyacheslav Trukhachev" ->
    "spokesman"), by the name ``quotes_by_speaker`` groups under."""
    if layer is None:
        return {}
    speaking = {q.speaker_entity for q in layer.quotes if q.speaker_entity}
    return {e.name: e.role for e in layer.entities if e.id in speaking and e.role}


def said_as(quote: QuoteItem, speaker: str) -> str | None:
    """The words the article used for the speaker when they are not the name grouped
    under ("he", "the activist", "Russia's Foreign Minister Sergei Lavrov"), else None."""
    words = quote.speaker_words or quote.speaker
    if not words:
        return None
    # "Kellenberger" or "Mr Trukhachev" under "Jakob Kellenberger" adds nothing, nor does
    # "the Black Sea Fleet" under "Black Sea Fleet" (an article or a letter's case)
    named = set(speaker.split())
    if all(w in named or w.rstrip(".") in _HONORIFICS for w in words.split()):
        return None
    if _bare(words) == _bare(speaker):
        return None
    return words


def _bare(name: str) -> str:
    """The name in lower case without an article opening it."""
    first, _, rest = name.lower().partition(" ")
    return rest if rest and first in _ARTICLES else name.lower()


_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Miss"})


_QUOTE_MARKS = "\"'“”‘’«»„"


def quoted(text: str) -> str:
    """The text in quotation marks, unless it carries its own (a direct quote keeps the
    article's marks: never “““...”””)."""
    stripped = text.strip()
    if stripped[:1] in _QUOTE_MARKS and stripped[-1:] in _QUOTE_MARKS:
        return text
    if "“" in text or '"' in text:  # it quotes someone itself: the outer marks are single
        return f"‘{text}’"
    return f"“{text}”"


def top_entities(layer: StoryLayer | None) -> list[EntityItem]:
    """The story's most named entities (its own mentions), most named first."""
    if layer is None:
        return []
    ranked = sorted(layer.entities, key=lambda e: (-len(e.mentions), e.name, e.id))
    return ranked[:MAX_ENTITIES]


def claims_by_status(claims: list[ClaimItem]) -> list[ClaimItem]:
    """Contradicted first, then corroborated, then single-source; by id within each."""
    order = {"contradicted": 0, "corroborated": 1, "single-source": 2}
    return sorted(claims, key=lambda c: (order.get(c.status, 3), c.id))


# an article id ("a-3c6b02b5cbc81a4e"): the source key of an article that names no outlet
_ARTICLE_ID = re.compile(r"a-[0-9a-f]{16}")


def side_label(side: ClaimSideItem) -> str:
    """Who takes this side and how: "Naharnet (Sergei Lavrov) disagrees, 0.61"; an
    article with no known outlet is "outlet unknown" (the citation names the article)."""
    who = side.source
    if not who or _ARTICLE_ID.fullmatch(who):
        who = "outlet unknown"
    if side.speaker:
        who += f" ({side.speaker})"
    verb = _STANCE_WORDS.get(side.stance or "asserts", side.stance)
    return f"{who} {verb}" + (f", {side.score:.2f}" if side.score is not None else "")


def others_label(claim: ClaimItem) -> str:
    """The claim's sides taken in other stories of the storyline, or ""."""
    n = claim.others.count
    if not n:
        return ""
    where = f" ({', '.join(claim.others.stories)})" if claim.others.stories else ""
    return f"{plural(n, 'more side')} in other stories of this storyline{where}"


def _side_key(side: ClaimSideItem) -> tuple[object, ...]:
    return (side.article, side.start, side.end, side.stance, side.source, side.speaker)


def same_citation_groups(claims: list[ClaimItem], texts: dict[str, str]) -> list[list[ClaimItem]]:
    """Claims in reading order, single-source ones whose one cited sentence says them
    (``said_once``) joined when they cite the very same side (one sentence counting "150
    marines" and "25 tanks" is two claims, read once); any other claim stays on its own,
    so no claim's own text is lost behind another's."""
    groups: list[list[ClaimItem]] = []
    by_sides: dict[tuple[object, ...], list[ClaimItem]] = {}
    for claim in claims:
        if claim.status != "single-source" or not said_once(claim, texts):
            groups.append([claim])
            continue
        key = tuple(_side_key(s) for s in claim.sides)
        if key in by_sides:
            by_sides[key].append(claim)
        else:
            by_sides[key] = [claim]
            groups.append(by_sides[key])
    return groups


def subjects_label(group: list[ClaimItem]) -> str:
    """The subjects of claims shown together, once each, in order: "tanks (25); marines"."""
    return "; ".join(dict.fromkeys(c.subject for c in group if c.subject))


def said_once(claim: ClaimItem, texts: dict[str, str]) -> bool:
    """True when the claim has one side whose cited sentence holds the claim's words: the
    sentence alone says it (a single-source claim reads once, not twice)."""
    if len(claim.sides) != 1:
        return False
    said = claim.sides[0].said(texts)
    return bool(said) and (not claim.text or claim.text in said)


def subject_beside(subjects: str, side: ClaimSideItem) -> str:
    """The subject shown before a side that says the claim, or "" when the side's speaker
    already names it ("Lavrov" beside "Naharnet (Lavrov) states")."""
    speaker = (side.speaker or "").lower()
    if speaker and (speaker in subjects.lower() or subjects.lower() in speaker):
        return ""
    return subjects


def shown_claims(
    layer: StoryLayer | None, texts: dict[str, str]
) -> tuple[list[list[ClaimItem]], int]:
    """The claims a reader sees, in groups citing the same sides (every contradicted and
    corroborated one, the first single-source groups) and how many single-source claims
    are left out."""
    claims = claims_by_status(layer.claims if layer is not None else [])
    groups = same_citation_groups(claims, texts)
    single = [g for g in groups if g[0].status == "single-source"]
    kept = [g for g in groups if g[0].status != "single-source"] + single[:MAX_SINGLE_SOURCE]
    return kept, sum(len(g) for g in single[MAX_SINGLE_SOURCE:])


def fact_sentence(fact: FactItem, texts: dict[str, str]) -> str:
    """The sentence a fact was read from ("" when its article's text is not at hand)."""
    text = texts.get(fact.article)
    return "" if text is None else text[fact.sentence_start : fact.sentence_end]


def shown_sides(claim: ClaimItem) -> tuple[list[ClaimSideItem], int]:
    """The sides shown for a claim (in their order: the first that state it and the first
    that agree or disagree) and how many are left out."""
    if len(claim.sides) <= MAX_SIDES:
        return list(claim.sides), 0
    half = MAX_SIDES // 2
    stating = [i for i, s in enumerate(claim.sides) if s.stance == "asserts"]
    judging = [i for i, s in enumerate(claim.sides) if s.stance != "asserts"]
    keep = set(judging[: MAX_SIDES - min(half, len(stating))])
    keep |= set(stating[: MAX_SIDES - len(keep)])
    return [s for i, s in enumerate(claim.sides) if i in keep], len(claim.sides) - len(keep)


@dataclass
class ShownClaim:
    claim: ClaimItem
    sides: list[tuple[ClaimSideItem, str]]  # each shown side with its cited sentence
    hidden_sides: int
    subjects: str = ""  # its subject and those of the claims citing the same sides
    said_once: bool = False  # one side whose sentence says it all: no separate claim text


@dataclass
class LayerView:
    """What brief.md and brief.html show of one story's layer, and how much is left out."""

    entities: list[EntityItem] = field(default_factory=list)
    quotes: list[tuple[str, list[QuoteItem]]] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # speaker name -> role
    hidden_quotes: int = 0
    facts: list[tuple[FactItem, str]] = field(default_factory=list)  # with their sentence
    hidden_facts: int = 0
    claims: list[ShownClaim] = field(default_factory=list)
    hidden_claims: int = 0
    timeline: list[TimelineEvent] = field(default_factory=list)
    hidden_events: int = 0

    @property
    def none_judged(self) -> bool:
        """Every claim shown is one source's word: none corroborated or contradicted."""
        return all(shown.claim.status == "single-source" for shown in self.claims)


def layer_view(layer: StoryLayer | None, texts: dict[str, str]) -> LayerView:
    """The story's layer as a reader sees it; ``texts``: article id -> cleaned text."""
    if layer is None:
        return LayerView()
    quotes: list[tuple[str, list[QuoteItem]]] = []
    left = MAX_QUOTES
    for speaker, items in quotes_by_speaker(layer):
        if left > 0:
            quotes.append((speaker, items[:left]))
        left -= len(items)
    no_voice = quotes_left_out(layer)
    groups, hidden = shown_claims(layer, texts)
    shown = []
    for group in groups:
        claim = group[0]
        sides, hidden_sides = shown_sides(claim)
        shown.append(
            ShownClaim(
                claim,
                [(s, s.said(texts)) for s in sides],
                hidden_sides,
                subjects=subjects_label(group),
                said_once=said_once(claim, texts),
            )
        )
    return LayerView(
        entities=top_entities(layer),
        quotes=quotes,
        roles=speaker_roles(layer),
        hidden_quotes=max(0, -left) + no_voice,
        facts=[(f, fact_sentence(f, texts)) for f in layer.facts[:MAX_FACTS]],
        hidden_facts=max(0, len(layer.facts) - MAX_FACTS),
        claims=shown,
        hidden_claims=hidden,
        timeline=layer.timeline[:MAX_EVENTS],
        hidden_events=max(0, len(layer.timeline) - MAX_EVENTS),
    )


def _more(n: int, what: str) -> list[str]:
    return [f"- … and {plural(n, 'more ' + what)} in brief.json"] if n else []


def layer_markdown(
    layer: StoryLayer | None,
    texts: dict[str, str] | None = None,
    numbers: Mapping[str, int] | None = None,
) -> list[str]:
    """The story's layer as brief.md lines; ``texts`` (article id -> cleaned text) gives
    facts and claim sides their sentences, ``numbers`` (article id -> its number in the
    story's Sources) the citations."""
    if layer is None:
        return []
    _cite = partial(md_cite, numbers or {})
    view = layer_view(layer, texts or {})
    lines: list[str] = []
    if view.entities:
        lines += ["### Who and where", ""]
        for e in view.entities:
            names = ", ".join(md_text(a) for a in e.aliases)
            aliases = f" (also: {names})" if e.aliases else ""
            role = f", {md_text(e.role)}" if e.role else ""
            lines.append(
                f"- **{md_text(e.name)}** {md_text(e.type)}{role}{aliases} — "
                f"{plural(len(e.mentions), 'mention')} in {plural(len(e.articles), 'article')}"
            )
        lines.append("")
    if view.quotes:
        lines += ["### Who said what", ""]
        for speaker, items in view.quotes:
            role = view.roles.get(speaker, "")
            lines.append(f"- **{md_text(speaker)}**" + (f", {md_text(role)}" if role else ""))
            for q in items:
                # a cue-less quote inherits the speaker of the attributed quote right before it
                cue = md_text(q.cue) if q.cue else "continuing"
                words = said_as(q, speaker)
                said = f" (as “{md_text(words)}”)" if words else ""
                if q.source:
                    said += f" (according to {md_text(q.source)})"
                lines.append(
                    f"  - {md_text(q.kind)}, {cue}{said}: {quoted(md_text(q.words()))} "
                    f"{_cite(q.article, q.start, q.end)}"
                )
        lines += _more(view.hidden_quotes, "quote")
        lines.append("")
    if view.facts:
        lines += ["### Facts and figures", ""]
        for f, said in view.facts:
            lines.append(
                f"- **{md_text(f.what)}**" + (f": {md_text(said)}" if said else "") + " "
                f"{_cite(f.article, f.start, f.end)}"
            )
        lines += _more(view.hidden_facts, "fact")
        lines.append("")
    if view.claims:
        lines += ["### Claims across sources", ""]
        if view.none_judged:
            # as the story page says it: the rows below are one source's word each
            lines += [f"_{NO_JUDGED_CLAIM}_ From a single source:", ""]
        for shown in view.claims:
            c = shown.claim
            if shown.said_once:  # the one cited sentence says it: read it once
                side, said = shown.sides[0]
                subject = subject_beside(shown.subjects, side)
                lines.append(
                    f"- **{md_text(c.status)}** — "
                    + (f"{md_text(subject)} — " if subject else "")
                    + f"{md_text(side_label(side))}: {quoted(md_text(said))} "
                    f"{_cite(side.article, side.start, side.end)}"
                )
                if c.others.count:  # its other sides are in other stories: say where
                    lines.append(f"  - {md_text(others_label(c))}")
                continue
            lines.append(
                f"- **{md_text(c.status)}** — {md_text(shown.subjects)}: {quoted(md_text(c.text))}"
            )
            for side, said in shown.sides:
                lines.append(
                    f"  - {md_text(side_label(side))}: {quoted(md_text(said))} "
                    f"{_cite(side.article, side.start, side.end)}"
                )
            if shown.hidden_sides:
                lines.append(f"  - … and {plural(shown.hidden_sides, 'more side')} in brief.json")
            if c.others.count:
                lines.append(f"  - {md_text(others_label(c))}")
        lines += _more(view.hidden_claims, "single-source claim")
        lines.append("")
    if view.timeline:
        lines += ["### Timeline", ""]
        for t in view.timeline:
            inferred = " (year inferred)" if t.year_inferred else ""
            lines.append(
                f"- {md_text(t.label)}{inferred}: {md_text(t.said)} "
                f"{_cite(t.article, t.start, t.end)}"
            )
        lines += _more(view.hidden_events, "dated event")
        lines.append("")
    return lines
