"""Write the brief files: brief.json (the contract), brief.md, brief.html, manifest.json.

All outputs are sorted and carry no timestamps, so the same store and options give
byte-identical files. brief.html is one self-contained file; Jinja autoescaping escapes
every piece of article text (it is untrusted input).
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, select_autoescape

from storyline.brief.layer_view import (
    layer_markdown,
    quoted,
    quotes_by_speaker,
    shown_claims,
    side_label,
    top_entities,
)
from storyline.brief.md import md_text
from storyline.config import Options
from storyline.model import Article, Story
from storyline.version import __version__

if TYPE_CHECKING:
    from storyline.model import RunResult

SCHEMA_VERSION = 1


def brief_document(articles: list[Article], stories: list[Story]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [a.to_brief() for a in sorted(articles, key=lambda a: a.id)],
        "stories": [s.to_brief() for s in sorted(stories, key=lambda s: s.id)],
    }


def manifest_document(result: RunResult, options: Options) -> dict[str, Any]:
    return {
        "storyline_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "config": options.to_dict(),
        "inputs": [
            {
                "source": r.source,
                "status": r.status,
                "reason": r.reason,
                "sha256": r.digest,
                "documents": r.documents,
            }
            for r in result.reports
        ],
        "counts": result.counts(),
        # analysis steps not done for an article (over budget, too long, failed) and why
        "analysis_skipped": sorted(
            {
                (s["article"], s["step"]): s
                for story in result.stories
                for s in story.layer.get("skipped", [])
            }.values(),
            key=lambda s: (s["article"], s["step"]),
        ),
    }


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def article_segments(article: Article, cited: set[tuple[int, int]]) -> list[dict[str, Any]]:
    """The article text cut into plain and cited pieces, for highlighting in HTML."""
    segments: list[dict[str, Any]] = []
    pos = 0
    for start, end in sorted(cited):
        if start < pos:
            continue  # overlapping citation: keep the first
        if start > pos:
            segments.append({"text": article.text[pos:start], "cite": None})
        segments.append({"text": article.text[start:end], "cite": f"{article.id}-{start}-{end}"})
        pos = end
    segments.append({"text": article.text[pos:], "cite": None})
    return segments


def render_markdown(articles: list[Article], stories: list[Story]) -> str:
    """brief.md; every piece of article text goes through ``md_text`` (untrusted)."""
    by_id = {a.id: a for a in articles}
    lines = ["# Brief", ""]
    for story in stories:
        lines += [f"## {md_text(story.title)}", ""]
        for n, sentence in enumerate(story.summary, start=1):
            refs = ", ".join(f"[{c.article}:{c.start}-{c.end}]" for c in sentence.citations)
            lines.append(f"{n}. {md_text(sentence.text)} {refs}")
        lines.append("")
        lines += layer_markdown(story.layer)
        lines += ["", "Sources:", ""]
        for aid in story.articles:
            a = by_id[aid]
            dup = f" (duplicate of {a.duplicate_of})" if a.duplicate_of else ""
            meta = " · ".join(md_text(x) for x in (a.outlet, a.publisher, a.date, a.url) if x)
            title = md_text(a.title) if a.title else "(untitled)"
            lines.append(f"- `{a.id}` {title} — {meta}{dup}")
        lines.append("")
    return "\n".join(lines)


def render_html(articles: list[Article], stories: list[Story]) -> str:
    env = Environment(
        loader=PackageLoader("storyline.brief", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        keep_trailing_newline=True,
    )
    by_id = {a.id: a for a in articles}
    cited: dict[str, set[tuple[int, int]]] = {}
    for story in stories:
        for sentence in story.summary:
            for c in sentence.citations:
                cited.setdefault(c.article, set()).add((c.start, c.end))
    view = [
        {
            "story": story,
            "entities": top_entities(story.layer),
            "quotes": quotes_by_speaker(story.layer),
            "claims": shown_claims(story.layer)[0],
            "claims_hidden": shown_claims(story.layer)[1],
            "timeline": story.layer.get("timeline", []),
            "articles": [
                {
                    "article": by_id[aid],
                    "segments": article_segments(by_id[aid], cited.get(aid, set())),
                }
                for aid in story.articles
            ],
        }
        for story in stories
    ]
    env.globals["side_label"] = side_label
    env.globals["quoted"] = quoted
    return env.get_template("brief.html.j2").render(stories=view)


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``path``, then rename it over ``path``: a
    reader (or a run killed mid-write) sees the previous file or the new one, never half
    of one. The temporary file is removed if writing fails."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())  # the data is on disk before the name points at it
        # mkstemp makes 0600: keep the previous file's mode, or the usual 0644
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            mode = 0o644
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_outputs(result: RunResult, options: Options, outdir: Path | None = None) -> None:
    """The four files into ``outdir`` (default: the result's own folder)."""
    folder = outdir or result.outdir
    if folder is None:
        raise ValueError("write_outputs needs a folder")
    outdir = Path(folder)
    articles = sorted(result.articles, key=lambda a: a.id)
    stories = sorted(result.stories, key=lambda s: s.id)
    write_atomic(outdir / "brief.json", dump_json(brief_document(articles, stories)))
    write_atomic(outdir / "brief.md", render_markdown(articles, stories))
    write_atomic(outdir / "brief.html", render_html(articles, stories))
    write_atomic(outdir / "manifest.json", dump_json(manifest_document(result, options)))
