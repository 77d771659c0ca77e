"""Claims as a reader sees them: single-source claims citing the very same sentence share
one row, and a sentence that says the claim is read once, not twice."""

from __future__ import annotations

from dataclasses import replace

from storyline.brief.layer_view import (
    layer_markdown,
    said_once,
    same_citation_groups,
    subject_beside,
)
from storyline.layer import ClaimItem, ClaimSideItem, StoryLayer
from storyline.serve.views import claim_rows

TEXT = (
    "One of the warships carries 150 marines, in addition to 25 tanks. "
    "Lavrov said Russia had no plans to send troops."
)
SHIP = TEXT.index("One"), TEXT.index(" Lavrov")
LAVROV = TEXT.index("Lavrov"), len(TEXT)


def _side(span: tuple[int, int], speaker: str | None = None) -> ClaimSideItem:
    return ClaimSideItem("a1", "Financial Times", span[0], span[1], "asserts", speaker=speaker)


def _claims() -> list[ClaimItem]:
    ship = TEXT[SHIP[0] : SHIP[1]]
    return [
        ClaimItem("c1", "fact", "marines (150)", ship, "single-source", ["FT"], [_side(SHIP)]),
        ClaimItem("c2", "fact", "tanks (25)", ship, "single-source", ["FT"], [_side(SHIP)]),
        ClaimItem(
            "c3",
            "statement",
            "Lavrov",
            "Russia had no plans to send troops",
            "single-source",
            ["FT"],
            [_side(LAVROV, "Lavrov")],
        ),  # fmt: skip
    ]


def test_claims_citing_the_same_sides_share_a_row() -> None:
    texts = {"a1": TEXT}
    groups = same_citation_groups(_claims(), texts)
    assert [[c.id for c in g] for g in groups] == [["c1", "c2"], ["c3"]]
    # a contradicted claim is never folded into another row
    judged = [ClaimItem("c0", "fact", "x", "t", "contradicted", [], [_side(SHIP)])] + _claims()
    assert [[c.id for c in g] for g in same_citation_groups(judged, texts)][0] == ["c0"]
    # nor is one whose own words the shared sentence does not hold: they would be lost
    other = ClaimItem("c4", "statement", "y", "words said elsewhere", "single-source", [],
                      [_side(SHIP)])  # fmt: skip
    groups = same_citation_groups([*_claims(), other], texts)
    assert [[c.id for c in g] for g in groups] == [["c1", "c2"], ["c3"], ["c4"]]


def test_a_sentence_that_says_the_claim_is_read_once() -> None:
    texts = {"a1": TEXT}
    c1, _, c3 = _claims()
    assert said_once(c1, texts) and said_once(c3, texts)
    other = ClaimItem("c4", "fact", "x", "a claim not in the sentence", "single-source", [],
                      [_side(SHIP)])  # fmt: skip
    assert not said_once(other, texts)
    assert subject_beside("Lavrov", _side(LAVROV, "Sergei Lavrov")) == ""
    assert subject_beside("tanks (25)", _side(SHIP)) == "tanks (25)"

    lines = layer_markdown(StoryLayer(claims=_claims()), texts)
    rows = [line for line in lines if line.startswith("- **single-source**")]
    assert rows == [
        f"- **single-source** — marines (150); tanks (25) — Financial Times states: "
        f"“{TEXT[SHIP[0] : SHIP[1]]}” [a1:{SHIP[0]}-{SHIP[1]}]",
        f"- **single-source** — Financial Times (Lavrov) states: “{TEXT[LAVROV[0] :]}” "
        f"[a1:{LAVROV[0]}-{LAVROV[1]}]",
    ]
    assert not any(line.startswith("  - ") for line in lines)  # no second copy as a side
    # none of them is judged by another source, and the section says so before the rows
    hint = lines.index("### Claims across sources") + 2
    assert lines[hint] == (
        "_No claim is confirmed or disputed by another independent source in this "
        "storyline._ From a single source:"
    )
    judged = [replace(c, status="corroborated") if c.id == "c3" else c for c in _claims()]
    assert not any("No claim is confirmed" in line
                   for line in layer_markdown(StoryLayer(claims=judged), texts))  # fmt: skip


def test_the_story_page_rows_match_the_brief() -> None:
    rows = claim_rows(_claims(), {"a1": TEXT})
    assert [r["subject"] for r in rows] == ["marines (150); tanks (25)", ""]
    assert all(r["said_once"] for r in rows)
    assert rows[0]["sides"][0]["text"] == TEXT[SHIP[0] : SHIP[1]]


def test_a_claim_read_once_still_says_where_its_other_sides_are() -> None:
    # a reader saw "corroborated — outlet unknown (Republicans) states: ..." and no second
    # source anywhere: the one agreeing side was in another story of the storyline, and
    # brief.md dropped the line that says so when the claim's own sentence was read once
    from storyline.layer import OtherSides

    texts = {"a1": TEXT}
    claim = replace(
        _claims()[2], status="corroborated", others=OtherSides(1, ("s-other",)), source_count=2
    )
    assert said_once(claim, texts)
    lines = layer_markdown(StoryLayer(claims=[claim]), texts)
    row = lines.index(next(line for line in lines if line.startswith("- **corroborated**")))
    assert lines[row + 1] == "  - 1 more side in other stories of this storyline (s-other)"
    # the story page says the same
    assert claim_rows([claim], texts)[0]["others"] == lines[row + 1][4:]
