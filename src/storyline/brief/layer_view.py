"""The analysis layer of a story arranged for reading (Markdown and HTML share it)."""

from __future__ import annotations

from storyline.brief.md import md_text
from storyline.layer import ClaimItem, ClaimSideItem, EntityItem, FactItem, QuoteItem, StoryLayer

MAX_ENTITIES = 25
MAX_FACTS = 15  # facts listed per story in brief.md (all are in brief.json)
MAX_SINGLE_SOURCE = 10  # single-source claims shown per story (all are in brief.json)
_STANCE_WORDS = {"asserts": "states", "agree": "agrees", "disagree": "disagrees"}


def quotes_by_speaker(layer: StoryLayer | None) -> list[tuple[str, list[QuoteItem]]]:
    """Quotes grouped by resolved speaker (entity name, else the speaker's words)."""
    if layer is None:
        return []
    names = layer.entity_names()
    groups: dict[str, list[QuoteItem]] = {}
    for quote in layer.quotes:
        speaker = names.get(quote.speaker_entity or "") or quote.speaker or "(unattributed)"
        groups.setdefault(speaker, []).append(quote)
    return sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))


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


def claims_by_status(layer: StoryLayer | None) -> list[ClaimItem]:
    """Contradicted first, then corroborated, then single-source; stable within each."""
    order = {"contradicted": 0, "corroborated": 1, "single-source": 2}
    claims = layer.claims if layer is not None else []
    return sorted(claims, key=lambda c: (order.get(c.status, 3), c.id))


def side_label(side: ClaimSideItem) -> str:
    """Who takes this side and how: "Naharnet (Sergei Lavrov) disagrees, 0.61"."""
    who = side.source or side.article
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
    return f"{n} more side(s) in other stories of this storyline{where}"


def shown_claims(layer: StoryLayer | None) -> tuple[list[ClaimItem], int]:
    """The claims a reader sees (every contradicted and corroborated one, the first
    single-source ones) and how many single-source claims are left out."""
    claims = claims_by_status(layer)
    single = [c for c in claims if c.status == "single-source"]
    kept = [c for c in claims if c.status != "single-source"] + single[:MAX_SINGLE_SOURCE]
    return kept, max(0, len(single) - MAX_SINGLE_SOURCE)


def fact_sentence(fact: FactItem, texts: dict[str, str]) -> str:
    """The sentence a fact was read from ("" when its article's text is not at hand)."""
    text = texts.get(fact.article)
    return "" if text is None else text[fact.sentence_start : fact.sentence_end]


def _cite(article: str, start: int, end: int) -> str:
    return f"[{article}:{start}-{end}]"


def layer_markdown(layer: StoryLayer | None, texts: dict[str, str] | None = None) -> list[str]:
    """The story's layer as brief.md lines; ``texts`` (article id -> cleaned text) gives
    each fact its sentence."""
    if layer is None:
        return []
    texts = texts or {}
    lines: list[str] = []
    entities = top_entities(layer)
    if entities:
        lines += ["### Who and where", ""]
        for e in entities:
            names = ", ".join(md_text(a) for a in e.aliases)
            aliases = f" (also: {names})" if e.aliases else ""
            role = f", {md_text(e.role)}" if e.role else ""
            lines.append(
                f"- **{md_text(e.name)}** {md_text(e.type)}{role}{aliases} — "
                f"{len(e.mentions)} mention(s) in {len(e.articles)} article(s)"
            )
        lines.append("")
    quotes = quotes_by_speaker(layer)
    if quotes:
        lines += ["### Who said what", ""]
        for speaker, items in quotes:
            lines.append(f"- **{md_text(speaker)}**")
            for q in items:
                cue = md_text(q.cue) if q.cue else "no cue"
                lines.append(
                    f"  - {md_text(q.kind)}, {cue}: {quoted(md_text(q.text))} "
                    f"{_cite(q.article, q.start, q.end)}"
                )
        lines.append("")
    if layer.facts:
        lines += ["### Facts and figures", ""]
        for f in layer.facts[:MAX_FACTS]:
            said = fact_sentence(f, texts)
            lines.append(
                f"- **{md_text(f.what)}**" + (f": {md_text(said)}" if said else "") + " "
                f"{_cite(f.article, f.start, f.end)}"
            )
        if len(layer.facts) > MAX_FACTS:
            lines.append(f"- … and {len(layer.facts) - MAX_FACTS} more fact(s) in brief.json")
        lines.append("")
    claims, hidden = shown_claims(layer)
    if claims:
        lines += ["### Claims across sources", ""]
        for c in claims:
            lines.append(f"- **{md_text(c.status)}** — {md_text(c.subject)}: “{md_text(c.text)}”")
            for side in c.sides:
                lines.append(
                    f"  - {md_text(side_label(side))}: “{md_text(side.said(texts))}” "
                    f"{_cite(side.article, side.start, side.end)}"
                )
            if c.others.count:
                lines.append(f"  - {md_text(others_label(c))}")
        if hidden:
            lines.append(f"- … and {hidden} more single-source claim(s) in brief.json")
        lines.append("")
    if layer.timeline:
        lines += ["### Timeline", ""]
        for t in layer.timeline:
            inferred = " (year inferred)" if t.year_inferred else ""
            lines.append(
                f"- {md_text(t.value)}{inferred}: {md_text(t.said)} "
                f"{_cite(t.article, t.start, t.end)}"
            )
        lines.append("")
    return lines
