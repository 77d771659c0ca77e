"""The analysis layer of a story arranged for reading (Markdown and HTML share it)."""

from __future__ import annotations

from typing import Any

from storyline.brief.md import md_text

MAX_ENTITIES = 25


def quotes_by_speaker(layer: dict[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Quotes grouped by resolved speaker (entity name, else the speaker's words)."""
    names = {e["id"]: e["name"] for e in layer.get("entities", [])}
    groups: dict[str, list[dict[str, Any]]] = {}
    for quote in layer.get("quotes", []):
        speaker = (
            names.get(quote.get("speaker_entity") or "") or quote.get("speaker") or "(unattributed)"
        )
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


def top_entities(layer: dict[str, Any]) -> list[dict[str, Any]]:
    entities = layer.get("entities", [])
    ranked = sorted(entities, key=lambda e: (-len(e["mentions"]), e["name"], e["id"]))
    return ranked[:MAX_ENTITIES]


MAX_SINGLE_SOURCE = 10  # single-source claims shown per story (all are in brief.json)
_STANCE_WORDS = {"asserts": "states", "agree": "agrees", "disagree": "disagrees"}


def claims_by_status(layer: dict[str, Any]) -> list[dict[str, Any]]:
    """Contradicted first, then corroborated, then single-source; stable within each."""
    order = {"contradicted": 0, "corroborated": 1, "single-source": 2}
    return sorted(layer.get("claims", []), key=lambda c: (order.get(c["status"], 3), c["id"]))


def side_label(side: dict[str, Any]) -> str:
    """Who takes this side and how: "Naharnet (Sergei Lavrov) disagrees, 0.61"."""
    who = str(side.get("source") or side.get("article") or "")
    if side.get("speaker"):
        who += f" ({side['speaker']})"
    verb = _STANCE_WORDS.get(str(side.get("stance") or "asserts"), str(side.get("stance")))
    score = side.get("score")
    return f"{who} {verb}" + (f", {score:.2f}" if isinstance(score, int | float) else "")


def shown_claims(layer: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    """The claims a reader sees (every contradicted and corroborated one, the first
    single-source ones) and how many single-source claims are left out."""
    claims = claims_by_status(layer)
    single = [c for c in claims if c["status"] == "single-source"]
    kept = [c for c in claims if c["status"] != "single-source"] + single[:MAX_SINGLE_SOURCE]
    return kept, max(0, len(single) - MAX_SINGLE_SOURCE)


def layer_markdown(layer: dict[str, Any]) -> list[str]:
    if not layer:
        return []
    lines: list[str] = []
    entities = top_entities(layer)
    if entities:
        lines += ["### Who and where", ""]
        for e in entities:
            names = ", ".join(md_text(a) for a in e["aliases"])
            aliases = f" (also: {names})" if e["aliases"] else ""
            role = f", {md_text(e['role'])}" if e.get("role") else ""
            articles = len({m["article"] for m in e["mentions"]})
            lines.append(
                f"- **{md_text(e['name'])}** {md_text(e['type'])}{role}{aliases} — "
                f"{len(e['mentions'])} mention(s) "
                f"in {articles} article(s)"
            )
        lines.append("")
    quotes = quotes_by_speaker(layer)
    if quotes:
        lines += ["### Who said what", ""]
        for speaker, items in quotes:
            lines.append(f"- **{md_text(speaker)}**")
            for q in items:
                cue = md_text(q["cue"]) if q["cue"] else "no cue"
                lines.append(
                    f"  - {md_text(q['kind'])}, {cue}: {quoted(md_text(q['text']))} "
                    f"[{q['article']}:{q['start']}-{q['end']}]"
                )
        lines.append("")
    claims, hidden = shown_claims(layer)
    if claims:
        lines += ["### Claims across sources", ""]
        for c in claims:
            subject = md_text(c["subject"])
            text = md_text(c.get("text") or "")
            lines.append(f"- **{md_text(c['status'])}** — {subject}: “{text}”")
            for side in c["sides"]:
                lines.append(
                    f"  - {md_text(side_label(side))}: “{md_text(side['text'])}” "
                    f"[{side['article']}:{side['start']}-{side['end']}]"
                )
        if hidden:
            lines.append(f"- … and {hidden} more single-source claim(s) in brief.json")
        lines.append("")
    if layer.get("timeline"):
        lines += ["### Timeline", ""]
        for t in layer["timeline"]:
            inferred = " (year inferred)" if t["year_inferred"] else ""
            said = t["sentence"]["text"] if t["sentence"] else t["text"]
            lines.append(
                f"- {md_text(t['value'])}{inferred}: {md_text(said)} [{t['article']}:{t['start']}-{t['end']}]"
            )
        lines.append("")
    return lines
