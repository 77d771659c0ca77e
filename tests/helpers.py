"""Assertions shared by tests."""

from __future__ import annotations

import json
from pathlib import Path


def assert_brief_offsets(brief: dict) -> None:
    """Every offset in a brief slices the stored text to exactly what it claims."""
    texts = {a["id"]: a["text"] for a in brief["articles"]}
    for story in brief["stories"]:
        for sentence in story["summary"]:
            assert sentence["citations"], sentence
            for c in sentence["citations"]:
                cited = texts[c["article"]][c["start"] : c["end"]]
                assert " ".join(cited.split()) == " ".join(sentence["text"].split())


def load_brief(outdir: Path) -> dict:
    return json.loads((outdir / "brief.json").read_text(encoding="utf-8"))
