"""The analyst's layer of a group of articles, in brief.json shape.

``analyze_story`` takes the articles of a story or storyline (``storyline.model.Article``)
and returns their ``GroupLayer``; ``attach_layers`` gives each story its own part of its
storyline's (``storyline.layer.StoryLayer``). Syndicated copies
(``duplicate_of`` set) are collapsed onto their original's source key so a repost never
counts as a second independent source.

The work comes in two phases: every article of the run is parsed and read once
(``storyline.link.article_layer``, in batches across storylines, on the caller's map:
worker processes for a big pile), then each storyline's story-level work (stances toward
its claims, entity resolution, claim alignment) runs here on those records.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import islice

from storyline.clean.junk import junk_reason
from storyline.config import Options
from storyline.errors import Errors, StorylineError
from storyline.layer import (
    FIRST_PERSON,
    ClaimItem,
    ClaimSideItem,
    EntityItem,
    FactItem,
    MentionRef,
    OtherSides,
    QuoteItem,
    StoryLayer,
    TimelineEvent,
)
from storyline.link.article_layer import (
    ArticleAnalysis,
    ArticleJob,
    BatchMap,
    Steps,
    analyze_batch,
    batches_of,
    collector_paused,
    map_here,
)
from storyline.link.claims import (
    AlignedClaim,
    ClaimSide,
    StatementIndex,
    Verdict,
    align_candidates,
    judge_claims,
)
from storyline.link.entities import Entity, resolve_mentions
from storyline.link.timeline import story_timeline
from storyline.model import (
    NO_PROGRESS,
    Article,
    Progress,
    StepSkip,
    StepTiming,
    Story,
)
from storyline.nlp.quotes import Quote
from storyline.nlp.sentences import split_sentences

logger = logging.getLogger(__name__)

LAYER_STAGE = "analysis"  # the Progress stage: one item per article analysed


def independent_source(article: Article, by_id: dict[str, Article]) -> str:
    """Source key of an article: its original's outlet when it is a copy."""
    seen = set()
    current = article
    while current.duplicate_of and current.duplicate_of in by_id and current.id not in seen:
        seen.add(current.id)
        current = by_id[current.duplicate_of]
    return current.outlet or current.publisher or current.id


@dataclass
class GroupLayer:
    """The layer of a group of articles (a storyline): entities with every mention,
    claims with every side. ``for_articles`` cuts out one story's own part.

    ``copies`` maps each syndicated copy to its original (both in the group): a copy says
    what its original says, so its facts and mentions are the original's and its claim
    sides are folded into the original's (``ClaimSideItem.copies``)."""

    entities: list[Entity] = field(default_factory=list)
    quotes: list[QuoteItem] = field(default_factory=list)
    facts: list[FactItem] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    claims: list[ClaimItem] = field(default_factory=list)
    skipped: list[StepSkip] = field(default_factory=list)
    copies: dict[str, str] = field(default_factory=dict)

    def split(self, story_of: dict[str, str]) -> dict[str, StoryLayer]:
        """Each story's own part (``story_of``: article id -> story id), in one pass over
        the group: each entity with its mentions in the story's articles only (its id and
        name stay the storyline's, its aliases are the names those use), the quotes, facts
        and dated events of its articles, and each claim with a side there, with those
        sides and a count of the others and the stories that list them."""
        layers = {sid: StoryLayer() for sid in sorted(set(story_of.values()))}

        def own(article: str) -> StoryLayer | None:  # a copy's items are its original's
            sid = story_of.get(article)
            return None if sid is None or article in self.copies else layers[sid]

        for entity in self.entities:
            by_story: dict[str, list[MentionRef]] = {}
            names: dict[str, set[str]] = {}
            for m in entity.mentions:
                if own(m.article) is not None:
                    sid = story_of[m.article]
                    by_story.setdefault(sid, []).append(MentionRef(m.article, m.start, m.end))
                    names.setdefault(sid, set()).add(m.text)
            for sid, refs in by_story.items():
                aliases = sorted(names[sid] - {entity.name})
                item = EntityItem(entity.id, entity.name, entity.type, aliases, entity.role, refs)
                layers[sid].entities.append(item)
        for quote in self.quotes:
            if (layer := own(quote.article)) is not None:
                layer.quotes.append(quote)
        for fact in self.facts:
            if (layer := own(fact.article)) is not None:
                layer.facts.append(fact)
        for event in self.timeline:
            if (layer := own(event.article)) is not None:
                layer.timeline.append(event)
        for claim in self.claims:
            sides: dict[str, list[ClaimSideItem]] = {}
            for side in claim.sides:
                if side.article in story_of:
                    sides.setdefault(story_of[side.article], []).append(side)
            for sid, mine in sides.items():
                others = len(claim.sides) - len(mine)
                listed = tuple(sorted(s for s in sides if s != sid))
                layers[sid].claims.append(
                    replace(
                        claim,
                        sources=sorted({s.source for s in mine}),
                        sides=mine,
                        others=OtherSides(others, listed),
                    )
                )
        for skip in self.skipped:
            if skip.article in story_of:
                layers[story_of[skip.article]].skipped.append(skip)
        for layer in layers.values():
            layer.entities.sort(key=lambda e: (-len(e.mentions), e.name, e.id))
        return layers

    def for_articles(
        self, articles: set[str], story_of: dict[str, str] | None = None
    ) -> StoryLayer:
        """The part of one story made of ``articles`` (see ``split``; ``story_of`` names the
        stories of the group's other articles)."""
        own = "\0"  # no story id: the story asked for
        mapping = {a: s for a, s in (story_of or {}).items() if a not in articles}
        return self.split(mapping | dict.fromkeys(articles, own)).get(own, StoryLayer())


def group_claim(claim: AlignedClaim, copies: dict[str, str]) -> ClaimItem:
    """A claim with every side; a copy's side saying what its original's side says (same
    source, stance and sentence) is folded into it as one of its ``copies``."""
    sides = claim.sides + claim.opposing

    def key(side: ClaimSide) -> tuple[str, str, str, str]:
        return (copies.get(side.article, side.article), side.source, side.stance, side.text)

    stated = {key(s) for s in sides if s.article not in copies}
    folded: dict[tuple[str, str, str, str], list[str]] = {}
    for side in sides:
        if side.article in copies and key(side) in stated:
            folded.setdefault(key(side), []).append(side.article)
    kept = [
        ClaimSideItem(
            s.article,
            s.source,
            s.start,
            s.end,
            s.stance,
            None if s.score is None else round(s.score, 4),
            s.speaker,
            s.value,
            s.value_start,
            s.value_end,
            tuple(sorted(folded.get(key(s), []))) if s.article not in copies else (),
        )
        for s in sides
        if s.article not in copies or key(s) not in stated
    ]
    return ClaimItem(
        claim.id,
        claim.kind,
        claim.subject,
        claim.text,
        claim.status,
        list(claim.sources),
        kept,
        source_count=len(claim.sources),
    )


def original_of(article: Article, by_id: dict[str, Article]) -> str | None:
    """The original a copy repeats, when it is in ``by_id``; None for an original."""
    seen = set()
    current = article
    while current.duplicate_of and current.duplicate_of in by_id and current.id not in seen:
        seen.add(current.id)
        current = by_id[current.duplicate_of]
    return None if current is article else current.id


def article_jobs(
    ordered: Sequence[Article], source_of: Callable[[Article], str] | None = None
) -> Iterator[ArticleJob]:
    """The per-article work of a group (its articles in order), each with its independent
    source key within the group (``independent_source`` unless ``source_of`` is given)."""
    by_id = {a.id: a for a in ordered}
    key = source_of or (lambda a: independent_source(a, by_id))
    for a in ordered:
        spans = a.sentences or split_sentences(a.text)
        yield ArticleJob(a.id, a.text, tuple(spans), key(a), a.duplicate_of is not None, a.date)


def analyze_story(
    articles: Sequence[Article],
    options: Options | None = None,
    source_of: Callable[[Article], str] | None = None,
    profile: list[StepTiming] | None = None,
    progress: Progress = NO_PROGRESS,
    found: Sequence[ArticleAnalysis] | None = None,
) -> GroupLayer:
    """Entities, quotes, facts, timeline and claims of a group of articles; every offset
    slices its article's text. Steps skipped for an article are listed in ``skipped``.

    ``found`` is the per-article phase already done (``analyze_batch`` on ``article_jobs``
    of the articles sorted by id, ``source_of`` applied there); without it the articles
    are parsed here, in this process."""
    options = options or Options()
    ordered = sorted(articles, key=lambda a: a.id)
    if not ordered:
        return GroupLayer()
    if found is None:
        jobs = article_jobs(ordered, source_of)
        found = []
        for batch in batches_of(jobs, options.run.layer_batch):
            found += analyze_batch(options, batch)
            progress.advance(LAYER_STAGE, len(batch))
    if [f.id for f in found] != [a.id for a in ordered]:
        raise ValueError("the per-article analyses are not those of the group's articles")
    for f in found:
        if f.error is not None:  # unparsed: the storyline has no layer this run
            raise StorylineError(f"article {f.id}: {f.error}")
    # the story-level work makes as many small objects as the per-article steps
    with collector_paused():
        by_id = {a.id: a for a in ordered}
        sentences = [a.sentences or split_sentences(a.text) for a in ordered]
        steps = Steps(options.budget)
        candidates = [f.claims for f in found if f.claims is not None]
        statements = [s for c in candidates for s in c.statements]
        index = StatementIndex(statements)
        verdicts: list[Verdict] = []
        for article, f in zip(ordered, found, strict=True):
            # each independent source's stance toward the claims it speaks of: the article's
            # "claims" step (at most options.claims.max_claims_per_article of them)
            if f.claims is not None and f.claims.sentences and statements:
                verdicts += steps.run(
                    "claims",
                    article.id,
                    len(article.text),
                    [],
                    judge_claims,
                    f.claims,
                    statements,
                    options.claims,
                    None,
                    index,
                )
        if profile is not None:
            for f in found:
                profile.extend(f.timings)
            profile.extend(steps.timings)
        ids = [a.id for a in ordered]
        texts = [a.text for a in ordered]
        entities = resolve_mentions(ids, texts, [f.mentions for f in found], options.entities)
        facts = [
            FactItem(article=article.id, **fact.to_dict())
            for article, f in zip(ordered, found, strict=True)
            for fact in f.facts
        ]
        copies = {a.id: o for a in ordered if (o := original_of(a, by_id)) is not None}
        claims = align_candidates(candidates, options.claims, verdicts)
        skips = [s for f in found for s in f.skips] + steps.skips
        return GroupLayer(
            entities=entities,
            quotes=story_quotes(ordered, [f.quotes for f in found], entities),
            facts=facts,
            timeline=story_timeline(
                ordered, sentences, [f.dates for f in found], [f.verbless for f in found]
            ),
            claims=[group_claim(c, copies) for c in claims],
            skipped=sorted(skips, key=lambda s: (s.article, s.step)),
            copies=copies,
        )


def _speaker_index(entities: Sequence[Entity]) -> dict[str, list[tuple[int, int, Entity]]]:
    """Every mention by article, in entity order: (start, end, entity)."""
    index: dict[str, list[tuple[int, int, Entity]]] = {}
    for entity in entities:
        for m in entity.mentions:
            index.setdefault(m.article, []).append((m.start, m.end, entity))
    return index


# a name in a prepositional phrase of the speaker's description ("the Russian mission to
# the U.N."); lower-case words may come between the preposition and a name that modifies
# a noun after it ("a resident of the western Mazzeh district"), not a name that ends the
# phrase: "director of communications Jane Doe" is Jane Doe
_MODIFIER_BEFORE = re.compile(r"\b(?:of|to|in|for|at|from|with|on)\s+(?:the\s+)?$")
_MODIFIER_WORDS_BEFORE = re.compile(
    r"\b(?:of|to|in|for|at|from|with|on)\s+(?:the\s+)?(?:[a-z][\w-]*\s+)*$"
)
# "and" before a second speaker's name, with its titles ("and British Prime Minister ")
_AND_NEXT = re.compile(r"\band\s+(?:(?:the|[A-Z][\w.'’-]*)\s+)*$")
# where the speaker is based ("The Evanston, Ill-based university", "London-based")
_BASED_AFTER = re.compile(r"(?:,\s*[\w.]+)?-based\b")


def _speaker_entity(
    start: int | None,
    end: int | None,
    mentions: Sequence[tuple[int, int, Entity]],
    text: str = "",
) -> str | None:
    """The entity that speaks: one whose mention is the whole speaker span ("Russia"), or a
    person or organisation naming it ("Mr Trukhachev", "the Interfax news agency"). A
    place or nationality inside a longer phrase is not the speaker: "one activist in Homs"
    is not Homs, "Russian technicians" not Russian, "the US president" not the United
    States; nor is an organisation followed by more name words ("Russia's Defense Minister
    Anatoly Serdyukov" is not "Defense"), nor one of several joint speakers ("Barack
    Obama, the US president, and Vladimir Putin" is neither alone), nor a person whose
    name only modifies the noun that speaks ("the Assad regime" is not Bashar al-Assad)."""
    if start is None or end is None:
        return None
    inside: list[tuple[int, int, Entity]] = []
    for m_start, m_end, entity in mentions:
        if not (m_start < end and start < m_end):
            continue
        if m_start <= start and end <= m_end:
            return entity.id
        if entity.type in ("PERSON", "ORG"):
            inside.append((m_start, m_end, entity))
    # the speaker's own name comes before any aside ("Rendell, a Clinton surrogate")
    comma = text.find(",", start, end) if text else -1
    head_end = comma if comma > start else end
    # joint speakers are each named in their own right, the second after "and" (and its
    # titles: "Chuck Hagel and British Prime Minister David Cameron"); a name inside a
    # phrase of the description ("deputy commissioner for early care and education at the
    # Administration for Children's Services", "a former KGB security expert and ex-Duma
    # deputy") only says where the speaker works
    # (by offsets only: an Entity has no order, and two may share a span)
    named = sorted(
        ((s, t, e) for s, t, e in inside if not _in_modifier(text, start, s, t, end)),
        key=lambda m: (m[0], m[1]),
    )
    if text and any(
        a[2].id != b[2].id and _AND_NEXT.search(text, a[1], b[0])
        for a, b in zip(named, named[1:], strict=False)
    ):
        return None
    best: tuple[int, int, Entity] | None = None
    for m_start, m_end, entity in inside:
        if m_end > head_end:
            continue
        rest = text[m_end:head_end].split() if text else []
        if any(w[:1].isupper() for w in rest):
            continue  # more of a name follows: the mention is a fragment of it
        if entity.type == "PERSON" and any(w[:1].isalpha() or w[:1] in "'’" for w in rest):
            continue  # "the Assad regime", "Obama's spokesman": the name modifies who speaks
        if _in_modifier(text, start, m_start, m_end, head_end) or _BASED_AFTER.match(text, m_end):
            continue  # "the Russian mission to the U.N.": the mission speaks, not the U.N.
        rank = (entity.type == "PERSON", m_end)
        if best is None or rank > (best[2].type == "PERSON", best[1]):
            best = (m_start, m_end, entity)
    return best[2].id if best is not None else None


def _in_modifier(text: str, start: int, m_start: int, m_end: int, phrase_end: int) -> bool:
    """Is the mention at ``m_start``-``m_end`` inside a prepositional phrase of the speaker's
    description that starts at ``start`` (see _MODIFIER_BEFORE)?"""
    if _MODIFIER_BEFORE.search(text[start:m_start]):
        return True
    modifies = bool(re.match(r"\s+[a-z]", text[m_end:phrase_end]))
    return modifies and bool(_MODIFIER_WORDS_BEFORE.search(text[start:m_start]))


# a speaker that is only a pronoun no rule could resolve names no one: the quote stays,
# unattributed, with the article's words for who spoke ("he", "I", "that")
_UNRESOLVED = FIRST_PERSON | frozenset(
    {
        "he", "him", "his", "she", "her", "they", "them", "their", "it", "its", "who", "whom",
        "which", "that", "this", "these", "those", "what", "everyone", "everybody", "anyone",
        "anybody", "someone", "somebody", "nobody", "none", "no one",
    }
)  # fmt: skip
# the reader is no source: "you agree to receive our newsletters", "it is vital that you
# donate" are an article's address to its reader, not words a brief can attribute
_READER = frozenset({"you", "your", "yours", "yourself", "yourselves"})


def _people_by_name(entities: Sequence[Entity]) -> dict[str, str]:
    """The person each name of the storyline's people stands for: the full name, an alias,
    the surname alone ("Pelosi said" after "House Minority Leader Nancy Pelosi", where the
    tagger missed the later mention). A name two people share names neither, nor does one
    that is also a place's or group's ("King of Bahrain" has no surname "Bahrain")."""
    found: dict[str, set[str]] = {}
    others: set[str] = set()
    for entity in entities:
        names = {entity.name, *entity.aliases}
        if entity.type != "PERSON":
            others |= names
            continue
        words = entity.name.split()
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            names.add(words[-1])
        for name in names:
            found.setdefault(name, set()).add(entity.id)
    return {
        name: next(iter(ids)) for name, ids in found.items() if len(ids) == 1 and name not in others
    }


def story_quotes(
    articles: Sequence[Article],
    found: Sequence[Sequence[Quote]],
    entities: Sequence[Entity],
) -> list[QuoteItem]:
    """Quotes of the articles (one list per article), speakers resolved to entities; a
    quote addressed to the reader is left out, a pronoun speaker left unresolved is
    kept as the words, not as a name."""
    index = _speaker_index(entities)
    by_name = _people_by_name(entities)
    quotes = []
    for article, article_quotes in zip(articles, found, strict=True):
        mentions = index.get(article.id, [])
        for q in article_quotes:
            words = (q.speaker or "").lower()
            if words in _READER:
                continue
            if words in _UNRESOLVED:
                q = replace(
                    q,
                    speaker=None,
                    speaker_start=None,
                    speaker_end=None,
                    speaker_words=q.speaker,
                    words_start=q.speaker_start,
                    words_end=q.speaker_end,
                )
            entity = _speaker_entity(q.speaker_start, q.speaker_end, mentions, article.text)
            if entity is None and q.speaker:
                entity = by_name.get(q.speaker)
            quotes.append(QuoteItem(**q.to_brief(article.id, entity)))
    return sorted(quotes, key=lambda q: (q.article, q.start, q.end))


def attach_layers(
    stories: Sequence[Story],
    articles: Sequence[Article],
    options: Options | None = None,
    profile: list[StepTiming] | None = None,
    progress: Progress = NO_PROGRESS,
    map_batches: BatchMap = map_here,
) -> set[str]:
    """Give each story its own layer, resolved across its whole storyline.

    Entities are resolved over every article of the storyline, so "Mr Putin" in one story
    and "Vladimir Putin" in another share an entity id; each story keeps the mentions in
    its own articles, its own quotes, facts and dated events, and the claims it takes a
    side in (with its own sides; agreement is judged storyline-wide). Returns the
    storylines whose analysis failed (their stories keep no layer).

    Every article of every storyline is parsed and read first, in batches of
    ``options.run.layer_batch`` across storylines (a pile of small storylines still gives
    full ``nlp.pipe`` batches), by ``map_batches`` (this process, or the run's worker
    processes: the output is the same); each storyline's story-level work runs as soon as
    its articles are in.
    """
    options = options or Options()
    limit = options.budget.analysis_max_chars
    by_id = {a.id: a for a in articles}
    groups: dict[str, list[Story]] = {}
    for story in stories:
        groups.setdefault(story.storyline_key, []).append(story)
    plan: list[tuple[str, list[StepSkip], list[Article]]] = []
    for key in sorted(groups):
        members = [by_id[aid] for s in groups[key] for aid in s.articles if aid in by_id]
        # spaCy's time grows with the text; a giant page keeps its summary, not a layer
        not_analysed = [
            StepSkip(a.id, "analysis", Errors.E203.format(chars=len(a.text), limit=limit))
            for a in members
            if len(a.text) > limit
        ]
        # a web-archive crawl notice or a cookie wall kept as its own story claims nothing
        not_analysed += [
            StepSkip(a.id, "analysis", Errors.E204.format(reason=reason))
            for a in members
            if len(a.text) <= limit and (reason := junk_reason(a.text, len(a.text.split())))
        ]
        if not_analysed:
            logger.warning("not analysed: %s", [f"{s.article}: {s.reason}" for s in not_analysed])
        skipped_ids = {s.article for s in not_analysed}
        kept = sorted((a for a in members if a.id not in skipped_ids), key=lambda a: a.id)
        plan.append((key, not_analysed, kept))
    jobs = (job for _, _, kept in plan for job in article_jobs(kept))
    batches = map_batches(
        partial(analyze_batch, options), batches_of(jobs, options.run.layer_batch)
    )
    results = (f for batch in batches for f in batch)
    failed: set[str] = set()
    for n, (key, not_analysed, kept) in enumerate(plan):
        progress.advance(LAYER_STAGE, len(not_analysed), skipped=len(not_analysed))
        try:
            found = list(islice(results, len(kept)))
        except Exception:  # the map itself broke (a worker process died): no more results
            logger.exception("the per-article analysis stopped at storyline %s", key)
            failed.update(k for k, _, _ in plan[n:])
            break
        progress.advance(LAYER_STAGE, len(found))
        try:
            group = analyze_story(kept, options, profile=profile, found=found)
        except Exception:  # one storyline's failure must not lose every other one's layer
            logger.exception("analysis failed for storyline %s", key)
            failed.add(key)
            continue
        group.skipped = sorted(not_analysed + group.skipped, key=lambda s: (s.article, s.step))
        story_of = {aid: story.id for story in groups[key] for aid in story.articles}
        layers = group.split(story_of)
        for story in groups[key]:
            story.layer = layers.get(story.id, StoryLayer())
    return failed
