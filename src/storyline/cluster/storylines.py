"""Storylines: stories of one developing situation, joined on evidence, not on a topic.

Two stories are *linked* when they share specific participants (names that few stories of
the pile carry: one famous name is no evidence), when their texts are alike, and, where
both are dated, when they are close enough in time. A story joins the storyline of the
stories it is linked to only if it is linked to enough of that storyline's recent members
(a cohesion check: a storyline is not a chain of pairwise look-alikes); otherwise it starts
its own. Undated stories need more shared names, since time cannot vouch for them.

Names are a cheap proxy (runs of capitalised words, the surname of a multi-word name as
an alias); the evidence is counted in distinct names, so "Donald Trump" and "Trump" are
one. Incremental: a story keeps the storyline it was given, a storyline id comes from its
first story, and the state (names per story, the storylines' recent members) is exported
with ``to_state``.
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storyline.cluster.features import dot, span_gap
from storyline.cluster.groups import short_id, top_features
from storyline.config import ClusterOptions

log = logging.getLogger(__name__)

_WORD = r"(?:(?:al|el)-)?[A-Z][A-Za-z'’\-]*[A-Za-z]|[A-Z]"
# the lookahead changes no match: it only lets the scan skip a position that cannot start
# a name at once (a third of the scan's cost) instead of trying both alternatives there
_NAME = re.compile(rf"(?=[aeA-Z])(?:{_WORD})(?:[ \t]+(?:{_WORD}))*")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\"“”(\[\n]|\s-|—)\s*$")
# capitalised words that name nothing by themselves (titles, months, weekdays, pronouns)
_NOT_NAMES = frozenset(
    """
    a an the this that these those it its he she they we i you his her their our my your
    in on at of for to from by with and or but as if so after before when while since
    mr mrs ms dr sir prof president prime minister foreign secretary senator sen rep gov
    governor mayor king queen prince princess pope chief judge justice general gen col
    sgt lt capt officer spokesman spokeswoman director chairman ceo
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    read more share photo getty images ap reuters afp related advertisement
    """.split()  # noqa: SIM905
) | frozenset(ENGLISH_STOP_WORDS)
# single words that name a group, an institution or a kind, not a participant: a story
# about any election says "Democrats" and "Senate", any war story "American"
_GENERIC = frozenset(
    """
    democrat democrats democratic republican republicans gop conservative conservatives
    liberal liberals labour tory tories party congress senate house parliament government
    administration court committee department ministry agency police army navy military
    university college school hospital church state states city county federal national
    international world news press times post journal daily online internet web twitter
    facebook instagram youtube google god christian christians muslim muslims islamic
    jewish jews catholic nazi nazis western eastern northern southern north south east west
    american americans british briton britons english french german germans italian
    spanish russian russians chinese japanese korean indian pakistani iranian iraqi syrian
    israeli israelis palestinian palestinians arab arabs african european europeans asian
    mexican canadian australian irish scottish ukrainian turkish egyptian afghan saudi
    dutch swedish norwegian danish finnish greek polish czech hungarian brazilian cuban
    venezuelan colombian nigerian kenyan somali libyan lebanese jordanian yemeni kurdish
    """.split()  # noqa: SIM905
)


def name_counts(title: str, text: str) -> Counter[str]:
    """Names in an article (casefolded runs of capitalised words), counted per mention.

    A sentence-initial single word is skipped (its capital says nothing), titles and
    other non-names are stripped from a run's ends, and a multi-word name also counts
    under its last word ("Sergei Lavrov" -> "lavrov"), which a later mention may use.
    Headline mentions count twice.
    """
    # plain dicts while counting (a Counter's missing key is a Python call)
    found: dict[str, int] = {}
    initial_words: dict[str, int] = {}
    get = found.get
    sentence_end = _SENTENCE_END.search
    for part, weight in ((title, 2), (text, 1)):
        if not part:
            continue
        for m in _NAME.finditer(part):
            at = m.start()
            # a slice, not search(pos): the pattern's ^ must match at the slice's start
            initial = at == 0 or sentence_end(part[max(0, at - 3) : at]) is not None
            for name, opening, alias in _mentions(m.group()):
                if opening and initial:
                    initial_words[name] = initial_words.get(name, 0) + weight
                    continue
                found[name] = get(name, 0) + weight
                if alias:
                    found[alias] = get(alias, 0) + weight
    # a sentence-initial word counts when the article also names it elsewhere
    for word, n in initial_words.items():
        if word in found:
            found[word] += n
    return Counter(found)


@lru_cache(maxsize=65_536)
def _mentions(run: str) -> tuple[tuple[str, bool, str], ...]:
    """The names a run of capitalised words mentions (the same run recurs across a pile:
    cached): each name, whether it is a single word opening the run (which a sentence start
    may have capitalised), and the alias it also counts under ("" for none)."""
    out = []
    for words, first in _runs(run.split()):
        if all(_generic(w) for w in words) or (len(words) == 1 and len(words[0]) < 2):
            continue
        alias = ""
        if 2 <= len(words) <= 3 and len(words[-1]) > 2 and not _generic(words[-1]):
            alias = words[-1]
        out.append((" ".join(words), len(words) == 1 and first, alias))
    return tuple(out)


def _generic(word: str) -> bool:
    return word in _GENERIC or (word.endswith("s") and word[:-1] in _GENERIC)


def _runs(raw: list[str]) -> list[tuple[list[str], bool]]:
    """A run of capitalised words cut into names: at a title or other non-name ("ICRC
    President Jakob Kellenberger") and after a possessive ("Russia's Black Sea"); each
    with whether it opens the run."""
    runs: list[list[str]] = [[]]
    for word in raw:
        norm = _norm(word)
        if norm in _NOT_NAMES or not norm:
            runs.append([])
            continue
        runs[-1].append(norm)
        if word.endswith(("'s", "’s")):
            runs.append([])
    return [(r, n == 0) for n, r in enumerate(runs) if r]


def _norm(word: str) -> str:
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if w.startswith(("al-", "el-")):
        w = w[3:]
    return w.strip("'-")


def distinct_names(shared: Iterable[str]) -> list[str]:
    """Shared names counted once per person or place: a name whose words all belong to a
    longer shared name ("trump" beside "donald trump") is dropped, and so is a name that
    only extends another ("syrian" beside "syria", "south korean" beside "south korea")."""
    names = sorted(set(shared), key=lambda n: (-len(n.split()), n))
    kept: list[str] = []
    covered: set[str] = set()
    for name in names:
        words = set(name.split())
        if words <= covered:
            continue
        kept.append(name)
        covered |= words
    variants = {
        longer
        for short in kept
        for longer in kept
        if longer != short and longer.startswith(short) and len(longer) - len(short) <= 3
    }
    return sorted(n for n in kept if n not in variants)


class StoryLike(Protocol):
    """What storylines read from a story: its term centroid and date span."""

    id: str
    total: dict[str, float]
    sqnorm: float
    first: float | None
    last: float | None


@dataclass(frozen=True)
class Link:
    """Evidence that two stories belong to one developing situation."""

    story: str
    names: tuple[str, ...]  # distinct specific names both carry
    text: float  # cosine of the two stories' term centroids
    strength: float


class StorylineLinker:
    """Places stories into storylines; keeps per-story names and storyline membership."""

    def __init__(self, options: ClusterOptions | None = None) -> None:
        self.options = options or ClusterOptions()
        self.names: dict[str, Counter[str]] = {}  # story id -> name -> mentions
        self.df: dict[str, int] = Counter()  # name -> number of stories carrying it
        self.line_of: dict[str, str] = {}  # story id -> storyline id
        self.recent: dict[str, list[str]] = {}  # storyline id -> its latest member stories
        self.postings: dict[str, list[str]] = defaultdict(list)  # name -> placed stories

    # ------------------------------------------------------------------ evidence
    def observe(self, story_id: str, found: Counter[str]) -> None:
        """Count an article's names (its ``name_counts``) into its story."""
        if not found:
            return
        names = self.names.setdefault(story_id, Counter())
        for name in found:
            if name not in names:
                self.df[name] = self.df.get(name, 0) + 1
        names.update(found)
        keep = 2 * self.options.storyline_names
        if len(names) > 2 * keep:
            top = dict(top_features(names, keep))
            for name in names:
                if name not in top:  # the story no longer carries it
                    left = self.df.get(name, 0) - 1
                    if left <= 0:
                        self.df.pop(name, None)
                    else:
                        self.df[name] = left
            self.names[story_id] = Counter(top)

    def salient(self, story_id: str) -> list[str]:
        """The names a story is about: its most mentioned ones."""
        names = self.names.get(story_id)
        if not names:
            return []
        return [n for n, _ in top_features(names, self.options.storyline_names)]

    def is_specific(self, name: str) -> bool:
        """A name few stories carry; a famous name (in many stories) tells nothing."""
        opts = self.options
        limit = max(opts.storyline_specific_min, opts.storyline_specific_fraction * len(self.names))
        return self.df.get(name, 0) <= limit

    def link(self, a: StoryLike, b: StoryLike) -> Link | None:
        """The evidence that ``a`` and ``b`` are one developing situation, or None."""
        opts = self.options
        gap = span_gap(a.first, a.last, b.first, b.last)
        if gap is not None and gap > opts.storyline_window_days:
            return None
        shared = set(self.salient(a.id)) & set(self.salient(b.id))
        names = tuple(distinct_names(n for n in shared if self.is_specific(n)))
        if not names:
            return None
        text = 0.0
        if a.sqnorm > 0 and b.sqnorm > 0:
            text = dot(a.total, b.total) / math.sqrt(a.sqnorm * b.sqnorm)
        need = opts.storyline_min_names if gap is not None else opts.storyline_min_names_undated
        if len(names) >= need and text >= opts.storyline_min_text:
            ok = True
        else:  # fewer names: only with texts alike enough to be about the same thing
            ok = len(names) >= need - 1 and text >= opts.storyline_strong_text
        if not ok:
            return None
        strength = sum(self._idf(n) for n in names) * (0.5 + text)
        return Link(b.id, names, text, strength)

    def _idf(self, name: str) -> float:
        return math.log((len(self.names) + 1) / (self.df.get(name, 0) + 1)) + 1.0

    # ------------------------------------------------------------------ placement
    def place(self, new_ids: Sequence[str], stories: Mapping[str, StoryLike]) -> dict[str, str]:
        """Give each story of ``new_ids`` a storyline (date, then id order); return them.

        A story already placed keeps its storyline. Candidates are placed stories sharing
        a specific salient name (through an inverted index), so the cost does not grow
        with the pile.
        """
        opts = self.options
        todo = sorted(
            (stories[s] for s in set(new_ids) if s in stories and s not in self.line_of),
            key=lambda g: (g.first is None, g.first or 0.0, g.id),
        )
        placed: dict[str, str] = {}
        for story in todo:
            links = [
                found
                for other in self._candidates(story.id, stories)
                if (found := self.link(story, stories[other])) is not None
            ]
            line = self._choose(links)
            if line is None:
                line = short_id("l-", story.id)
                n = 1
                while line in self.recent:  # never merge two storylines silently
                    line = short_id("l-", f"{story.id}#{n}")
                    n += 1
                self.recent[line] = []
            self.line_of[story.id] = line
            members = self.recent[line]
            members.append(story.id)
            del members[: -opts.storyline_recent]
            for name in self.salient(story.id):
                self.postings[name].append(story.id)
            placed[story.id] = line
        return placed

    def _candidates(self, story_id: str, stories: Mapping[str, StoryLike]) -> list[str]:
        """Placed stories sharing enough specific names to be linked, most shared first
        (at most ``storyline_candidates``; only the latest postings of a name are read)."""
        opts = self.options
        overlap: Counter[str] = Counter()
        for name in self.salient(story_id):
            if self.is_specific(name):
                overlap.update(set(self.postings.get(name, [])[-opts.max_postings :]))
        # a link needs one name fewer than the fewest a rule asks for, with strong text
        least = max(1, min(opts.storyline_min_names, opts.storyline_min_names_undated) - 1)
        ranked = sorted(
            (s for s, n in overlap.items() if n >= least and s in stories and s != story_id),
            key=lambda s: (-overlap[s], s),
        )
        return ranked[: opts.storyline_candidates]

    def _choose(self, links: list[Link]) -> str | None:
        """The storyline the links vouch for: enough of its recent members linked."""
        opts = self.options
        by_line: dict[str, list[Link]] = defaultdict(list)
        for link in links:
            by_line[self.line_of[link.story]].append(link)
        best: tuple[float, float, str] | None = None
        for line, found in by_line.items():
            recent = self.recent.get(line, [])
            if not recent:
                continue
            linked = sum(1 for s in recent if any(k.story == s for k in found))
            if linked < max(1, math.ceil(opts.storyline_cohesion * len(recent) - 1e-9)):
                continue
            key = (linked / len(recent), sum(k.strength for k in found), line)
            if best is None or key[:2] > best[:2] or (key[:2] == best[:2] and line < best[2]):
                best = key
        return best[2] if best else None

    # ------------------------------------------------------------------ state
    def to_state(self) -> dict[str, Any]:
        return {
            "names": {s: dict(sorted(n.items())) for s, n in sorted(self.names.items())},
            "line_of": dict(sorted(self.line_of.items())),
            "recent": {line: list(m) for line, m in sorted(self.recent.items())},
            "postings": {n: list(p) for n, p in sorted(self.postings.items())},
        }

    @classmethod
    def from_state(cls, state: Any, options: ClusterOptions | None = None) -> StorylineLinker:
        """A linker from ``to_state``; a state of the former centroid storylines (a list)
        gives an empty one (its stories keep their storylines, new ones start afresh)."""
        linker = cls(options)
        if not isinstance(state, dict):
            log.info("storyline state of an older format: earlier stories are not linked to")
            return linker
        for story, names in state.get("names", {}).items():
            counts = Counter({str(k): int(v) for k, v in names.items()})
            linker.names[story] = counts
            for name in counts:
                linker.df[name] = linker.df.get(name, 0) + 1
        linker.line_of = {str(k): str(v) for k, v in state.get("line_of", {}).items()}
        linker.recent = {str(k): [str(s) for s in v] for k, v in state.get("recent", {}).items()}
        for name, posting in state.get("postings", {}).items():
            linker.postings[str(name)] = [str(s) for s in posting]
        return linker
