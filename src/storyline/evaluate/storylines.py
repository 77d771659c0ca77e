"""Storylines on three piles, ours beside a shared-entity baseline: ``storyline eval storylines``.

- a real pile: the Multi-News dev file flattened, one article per source document; its
  items are unrelated events, so almost every story should be its own storyline;
- the bundled russia-syria sample, read and cleaned as a user's folder is (no dates): its
  two stories are one storyline;
- a generated pile (``storyline_pile``): two developing situations over weeks and filler
  sharing famous names; each situation one storyline, no filler attached.

Both systems see the same stories (our story clustering); only storylines differ. The
baseline puts stories sharing any name (``cluster.storylines.name_counts``) in one
storyline (union-find), which is what topic buckets amount to.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storyline.cluster.stories import Assignment, ClusterItem, StoryClusterer
from storyline.config import ClusterOptions
from storyline.disjoint import DisjointSet
from storyline.evaluate.cluster_metrics import pairwise
from storyline.evaluate.metrics import PRF
from storyline.evaluate.storyline_pile import generate_pile


@dataclass(frozen=True)
class Pile:
    name: str
    items: list[ClusterItem]
    gold: dict[str, str]  # article id -> gold storyline
    target: str  # what a good result looks like, in words


@dataclass(frozen=True)
class StorylineRow:
    pile: str
    system: str
    articles: int
    stories: int
    storylines: int
    own: float  # fraction of stories alone in their storyline
    largest: int  # stories in the largest storyline
    pairs: PRF  # pairwise P/R/F1 of articles in one storyline, against the gold
    wrong_joins: int  # pairs of stories in one storyline whose gold storylines differ
    ok: bool  # the pile's target met
    seconds: float


def multinews_pile(path: Path) -> Pile:
    """One undated article per source document of a Multi-News JSONL; gold = its item."""
    items, gold = [], {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for n, doc in enumerate(record["documents"]):
                aid = f"{record['id']}#{n}"
                items.append(ClusterItem(aid, doc.get("title") or "", doc["text"]))
                gold[aid] = str(record["id"])
    return Pile(path.name, items, gold, "own >= 0.9, largest <= 5")


def sample_pile(folder: Path) -> Pile:
    """The sample folder read and cleaned as the pipeline does (its files carry no date)."""
    from storyline.api import clean, read_inputs
    from storyline.model import RawDocument

    articles = [clean(d) for d in read_inputs(str(folder)) if isinstance(d, RawDocument)]
    items = [ClusterItem(a.id, a.title or "", a.text, a.date) for a in articles]
    return Pile(folder.name, items, {it.id: "one" for it in items}, "2 stories, 1 storyline")


def generated_pile(seed: int = 7) -> Pile:
    pile = generate_pile(seed)
    return Pile(
        f"generated (seed {seed})",
        [p.item for p in pile],
        {p.item.id: p.storyline for p in pile},
        "each situation one storyline, no filler attached",
    )


def shared_name_storylines(clusterer: StoryClusterer, out: list[Assignment]) -> dict[str, str]:
    """Baseline: stories sharing any name are one storyline (union-find); article -> line."""
    lines: DisjointSet[str] = DisjointSet()
    first_with: dict[str, str] = {}
    for story in sorted({a.story for a in out}):
        for name in sorted(clusterer.storylines.names.get(story, {})):
            lines.union(story, first_with.setdefault(name, story))
    return {a.id: "b-" + lines.find(a.story) for a in out}


def evaluate_pile(pile: Pile, options: ClusterOptions | None = None) -> list[StorylineRow]:
    start = time.perf_counter()
    clusterer = StoryClusterer(options)
    out = clusterer.add_in_batches(pile.items)
    seconds = time.perf_counter() - start
    story = {a.id: a.story for a in out}
    ours = {a.id: a.storyline for a in out}
    start = time.perf_counter()
    base = shared_name_storylines(clusterer, out)
    base_seconds = seconds + time.perf_counter() - start
    return [
        _row(pile, "storyline", story, ours, seconds),
        _row(pile, "shared-entity baseline", story, base, base_seconds),
    ]


def _row(
    pile: Pile, system: str, story: dict[str, str], line: dict[str, str], seconds: float
) -> StorylineRow:
    line_of_story = {story[a]: line[a] for a in story}
    sizes = Counter(line_of_story.values())
    votes: dict[str, Counter[str]] = {}
    for aid, sid in story.items():
        votes.setdefault(sid, Counter())[pile.gold[aid]] += 1
    # a story's gold storyline: its members' most common one (ties: the smallest)
    gold_of = {s: min(v.items(), key=lambda kv: (-kv[1], kv[0]))[0] for s, v in votes.items()}
    members: dict[str, Counter[str]] = {}
    for sid, lid in line_of_story.items():
        members.setdefault(lid, Counter())[gold_of[sid]] += 1
    together = sum(n * (n - 1) // 2 for n in sizes.values())
    right = sum(n * (n - 1) // 2 for c in members.values() for n in c.values())
    row = StorylineRow(
        pile=pile.name,
        system=system,
        articles=len(story),
        stories=len(line_of_story),
        storylines=len(sizes),
        own=sum(1 for n in sizes.values() if n == 1) / max(len(line_of_story), 1),
        largest=max(sizes.values(), default=0),
        pairs=pairwise(line, pile.gold),
        wrong_joins=together - right,
        ok=False,
        seconds=seconds,
    )
    return _with_target(row, pile, line)


def _with_target(row: StorylineRow, pile: Pile, line: dict[str, str]) -> StorylineRow:
    from dataclasses import replace

    if pile.target.startswith("own"):
        ok = row.own >= 0.9 and row.largest <= 5
    elif pile.target.startswith("2 stories"):
        ok = row.stories == 2 and row.storylines == 1
    else:  # every gold storyline of more than one story whole, and nothing else in it
        ok = row.pairs.precision == 1.0 and _situations_whole(pile, line)
    return replace(row, ok=ok)


def _situations_whole(pile: Pile, line: dict[str, str]) -> bool:
    lines_of: dict[str, set[str]] = {}
    for aid, gold in pile.gold.items():
        lines_of.setdefault(gold, set()).add(line[aid])
    return all(len(lines) == 1 for lines in lines_of.values())


def evaluate(piles: list[Callable[[], Pile]], options: ClusterOptions | None = None
             ) -> list[StorylineRow]:  # fmt: skip
    rows: list[StorylineRow] = []
    for make in piles:
        rows += evaluate_pile(make(), options)
    return rows


FOOTNOTE = (
    "lines: storylines; own: fraction of stories alone in their storyline; largest: stories"
    " in the largest storyline; wrong: story pairs joined whose gold storylines differ;"
    " pair-P/R/F1: article pairs in one storyline vs the gold (story clustering errors"
    " count too); target: the pile's own (see the header)."
)


def format_rows(rows: list[StorylineRow]) -> str:
    header = (
        f"{'pile':28} {'system':24} {'articles':>8} {'stories':>7} {'lines':>6} {'own':>6} "
        f"{'largest':>7} {'wrong':>6} {'pair-P':>6} {'pair-R':>6} {'pair-F1':>7} {'target':>6} "
        f"{'seconds':>8}"
    )
    lines = [header, "-" * len(header)]
    for r in rows:
        lines.append(
            f"{r.pile[:28]:28} {r.system:24} {r.articles:8d} {r.stories:7d} {r.storylines:6d} "
            f"{r.own:6.3f} {r.largest:7d} {r.wrong_joins:6d} {r.pairs.precision:6.3f} "
            f"{r.pairs.recall:6.3f} "
            f"{r.pairs.f1:7.3f} {'met' if r.ok else 'MISSED':>6} {r.seconds:8.2f}"
        )
    return "\n".join(lines)


TARGETS = (
    "targets: real pile own >= 0.9 and largest <= 5; sample 2 stories in 1 storyline; "
    "generated: each situation one storyline, no filler attached"
)


def report(multinews: Path, sample: Path, seed: int = 7) -> str:
    """The whole ``storyline eval storylines`` table: the real pile, the sample and the
    generated pile, ours beside the shared-entity baseline, with targets and footnote."""
    rows = evaluate(
        [
            lambda: multinews_pile(multinews),
            lambda: sample_pile(sample),
            lambda: generated_pile(seed),
        ]
    )
    return "\n".join((TARGETS, format_rows(rows), FOOTNOTE))
