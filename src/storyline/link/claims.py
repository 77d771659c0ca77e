"""Align facts and claims across the articles of a story and mark how well they hold.

Two kinds of items are aligned:

- **number facts** (``storyline.nlp.facts``): same counted thing (head noun, with a few
  synonyms such as lives/people), same unit and same time scope (the dates named in the
  sentence). Equal values (allowing "more than"/"about") agree; different values disagree.
- **statements**: sentences about an event of a known kind (a small concept lexicon:
  military deployment, arms supply, casualties, sanctions, ceasefire...), with the places
  and actors they name and a polarity. A denial ("Lavrov said Russia had no plans to send
  troops", "denied reports that ...") against an assertion ("a Russian military unit had
  arrived in Syria") about the same event and places disagree.

Each aligned group is ``corroborated`` (two or more independent sources agree, after the
caller collapsed syndication into ``source`` keys), ``single-source`` or ``contradicted``
(both sides cited). Every side carries article id and offsets that slice the article.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from storyline.config import ClaimOptions
from storyline.model import Article, Span
from storyline.nlp.facts import Fact, facts_in_docs

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClaimArticle:
    """What the aligner needs from an article; ``source`` is its independent-source key."""

    id: str
    text: str
    sentences: tuple[Span, ...]
    source: str

    @classmethod
    def from_article(cls, article: Article, source: str | None = None) -> ClaimArticle:
        key = source or article.outlet or article.publisher or article.duplicate_of or article.id
        return cls(article.id, article.text, tuple(article.sentences), key)


@dataclass(frozen=True)
class ClaimSide:
    article: str
    source: str
    start: int  # the cited sentence
    end: int
    text: str
    polarity: int  # +1 asserts, -1 denies
    value: float | None = None
    value_start: int | None = None  # the number phrase, for facts
    value_end: int | None = None


@dataclass
class AlignedClaim:
    id: str
    kind: str  # "fact" | "statement"
    subject: str  # what the group is about: "people killed", "military deploy russia syria"
    status: str  # "corroborated" | "single-source" | "contradicted"
    sources: list[str]
    sides: list[ClaimSide] = field(default_factory=list)  # supporting the first reading
    opposing: list[ClaimSide] = field(default_factory=list)  # the other side, if any

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "subject": self.subject,
            "status": self.status,
            "sources": self.sources,
            "sides": [asdict(s) for s in self.sides],
            "opposing": [asdict(s) for s in self.opposing],
        }


# --- concept lexicon (lemmas -> event concept) ----------------------------------------

_CONCEPTS: dict[str, str] = {}
for _concept_name, _lemmas in {
    "military": "troop soldier unit force marine squad army military contingent commando "
    "navy warship personnel battalion brigade special-forces fleet tanker",
    "deploy": "send deploy arrive arrival dispatch station operate land enter reach sail "
    "dock presence",
    "arms": "arms arm weapon missile rocket helicopter aircraft jet ammunition",
    "supply": "sell supply sale deliver delivery purchase buy contract",
    "casualty": "kill die dead death casualty life victim wound injure",
    "sanction": "sanction embargo",
    "ceasefire": "ceasefire truce",
    "evacuate": "evacuate evacuation",
}.items():
    for _w in _lemmas.split():
        _CONCEPTS[_w] = _concept_name

_DENIAL_VERBS = {"deny", "dismiss", "reject", "refute", "rule"}
_INTENTION_NOUNS = {"plan", "intention", "need", "decision", "question", "evidence", "sign"}
# counted nouns that count the same thing
_COUNT_SYNONYMS = {"life": "people", "person": "people", "casualty": "people", "death": "people"}
_NATIONALITIES = {
    "british": "britain",
    "chinese": "china",
    "french": "france",
    "turkish": "turkey",
    "israeli": "israel",
    "iraqi": "iraq",
    "iranian": "iran",
    "soviet": "soviet union",
    "u.s.": "us",
    "american": "us",
    "united states": "us",
    "u.s": "us",
}


def _place_key(text: str) -> str:
    t = text.lower().strip()
    if t.startswith("the "):
        t = t[4:]
    if t in _NATIONALITIES:
        return _NATIONALITIES[t]
    if t.endswith("ian") or t.endswith("an"):  # Russian -> russia, Syrian -> syria
        return t[:-1]
    return t


@dataclass(frozen=True)
class _Statement:
    article: ClaimArticle
    sentence: Span
    concepts: frozenset[str]
    entities: frozenset[str]
    polarity: int


def align_claims(
    articles: Sequence[ClaimArticle],
    options: ClaimOptions | None = None,
    model: str = "en_core_web_sm",
) -> list[AlignedClaim]:
    """Aligned facts and statements across ``articles``, sorted deterministically."""
    options = options or ClaimOptions()
    if not articles:
        return []
    from storyline.nlp.spacy_model import load_pipeline, parse_input

    nlp = load_pipeline(model)
    docs = list(nlp.pipe([parse_input(nlp, a.text) for a in articles], batch_size=16))
    facts = facts_in_docs(docs, [list(a.sentences) for a in articles])
    candidates = [
        claim_candidates(a, doc, fs) for a, doc, fs in zip(articles, docs, facts, strict=True)
    ]
    return align_candidates(candidates, options)


@dataclass(frozen=True)
class ClaimCandidates:
    """What one article offers to claim alignment, read from its parse once: its number
    facts with their (counted thing, unit, time scope) keys, and its event statements."""

    article: ClaimArticle
    facts: tuple[tuple[tuple[str, str, frozenset[str]], Fact], ...]
    statements: tuple[_Statement, ...]


def claim_candidates(article: ClaimArticle, doc: Any, facts: Sequence[Fact]) -> ClaimCandidates:
    keyed = []
    for fact in facts:
        key = _fact_key(fact, doc)
        if key is not None:
            keyed.append((key, fact))
    return ClaimCandidates(article, tuple(keyed), tuple(_statements(article, doc)))


def align_candidates(
    candidates: Sequence[ClaimCandidates], options: ClaimOptions | None = None
) -> list[AlignedClaim]:
    """Aligned facts and statements across articles' candidates, sorted deterministically."""
    options = options or ClaimOptions()
    out = _align_facts(candidates, options)
    out.extend(_align_statements([s for c in candidates for s in c.statements], options))
    out.sort(key=lambda c: (_STATUS_ORDER[c.status], c.kind, c.subject, c.id))
    return out


_STATUS_ORDER = {"contradicted": 0, "corroborated": 1, "single-source": 2}


# --- facts ---------------------------------------------------------------------------


def _fact_key(fact: Fact, doc: Any) -> tuple[str, str, frozenset[str]] | None:
    """(counted thing, unit, time scope) or None when the fact counts nothing citable."""
    if fact.counted is None and fact.unit is None:
        return None
    head = ""
    if fact.counted_start is not None and fact.counted_end is not None:
        span = doc.char_span(fact.counted_start, fact.counted_end, alignment_mode="expand")
        if span is not None and len(span):
            lemma = span.root.lemma_.lower()
            head = _COUNT_SYNONYMS.get(lemma, lemma)
            if fact.verb in ("kill", "claim") and head in ("people", "civilian"):
                head = "people killed"
    if not head and fact.unit:
        head = f"amount ({fact.verb or 'value'})"
    sent = doc.char_span(fact.sentence_start, fact.sentence_end, alignment_mode="expand")
    dates = frozenset(
        e.text.lower() for e in (sent.ents if sent is not None else []) if e.label_ == "DATE"
    )
    return head, fact.unit or "", dates


def _agree(a: Fact, b: Fact, tolerance: float) -> bool:
    lo_a, hi_a = _range(a)
    lo_b, hi_b = _range(b)
    return bool(lo_a <= hi_b * (1 + tolerance) and lo_b <= hi_a * (1 + tolerance))


def _range(f: Fact) -> tuple[float, float]:
    if f.value_max is not None:
        return f.value, f.value_max
    m = f.modifier or ""
    if m in ("more than", "over", "at least"):
        return f.value, float("inf")
    if m in ("less than", "fewer than", "under", "at most", "up to"):
        return 0.0, f.value
    if m in ("about", "around", "approximately", "roughly", "some", "nearly", "almost"):
        return f.value * 0.9, f.value * 1.1
    return f.value, f.value


def _align_facts(
    candidates: Sequence[ClaimCandidates], options: ClaimOptions
) -> list[AlignedClaim]:
    groups: dict[tuple, list[tuple[ClaimArticle, Fact]]] = defaultdict(list)
    for found in candidates:
        for key, fact in found.facts:
            groups[key].append((found.article, fact))
    out = []
    for key in sorted(groups, key=lambda k: (k[0], k[1], sorted(k[2]))):
        members = groups[key]
        # the reading backed by the most sources wins the "sides" slot
        first_article, first = members[0]
        agree = [(a, f) for a, f in members if _agree(first, f, options.value_tolerance)]
        differ = [(a, f) for a, f in members if not _agree(first, f, options.value_tolerance)]
        if differ and len({a.source for a, _ in differ}) > len({a.source for a, _ in agree}):
            agree, differ = differ, agree
        subject = key[0] + (f" [{', '.join(sorted(key[2]))}]" if key[2] else "")
        out.append(
            _claim(
                "fact",
                subject,
                [_fact_side(a, f, +1) for a, f in agree],
                [_fact_side(a, f, +1) for a, f in differ],
            )
        )
    return out


def _fact_side(article: ClaimArticle, fact: Fact, polarity: int) -> ClaimSide:
    s, e = fact.sentence_start, fact.sentence_end
    return ClaimSide(
        article.id,
        article.source,
        s,
        e,
        article.text[s:e],
        polarity,
        fact.value,
        fact.start,
        fact.end,
    )


# --- statements ----------------------------------------------------------------------


def _statements(article: ClaimArticle, doc: Any) -> list[_Statement]:
    out = []
    sentences = article.sentences or tuple(Span(s.start_char, s.end_char) for s in doc.sents)
    for sentence in sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None:
            continue
        hits = [t for t in span if _concept(t)]
        concepts = frozenset(_concept(t) for t in hits)
        if len(concepts) < 2:
            continue
        entities = frozenset(
            _place_key(e.text) for e in span.ents if e.label_ in ("GPE", "NORP", "LOC", "ORG")
        )
        polarity = -1 if any(_negated(t) for t in hits) else 1
        out.append(_Statement(article, sentence, concepts, entities, polarity))
    return out


def _concept(token: Any) -> str:
    return _CONCEPTS.get(token.lemma_.lower(), "") or _CONCEPTS.get(token.lower_, "")


def _negated(token: Any) -> bool:
    """Is this event word denied: "no plans to send troops", "denied reports that ..."?"""
    node = token
    for _ in range(6):
        for child in node.children:
            if child.dep_ == "neg":
                return True
            if (
                child.dep_ == "det"
                and child.lower_ == "no"
                and (node.i == token.i or node.lemma_.lower() in _INTENTION_NOUNS)
            ):
                return True
        if node.lemma_.lower() in _DENIAL_VERBS and node.i != token.i:
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _align_statements(statements: list[_Statement], options: ClaimOptions) -> list[AlignedClaim]:
    n = len(statements)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(n):
        for j in range(i + 1, n):
            a, b = statements[i], statements[j]
            if len(a.concepts & b.concepts) >= options.min_shared_concepts and len(
                a.entities & b.entities
            ) >= max(
                options.min_shared_entities,
                min(2, len(a.entities), len(b.entities)),
            ):
                ri, rj = find(i), find(j)
                if ri != rj:
                    parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[_Statement]] = defaultdict(list)
    for i, s in enumerate(statements):
        groups[find(i)].append(s)
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue  # a lone sentence is not a claim anyone checks
        positive = [s for s in members if s.polarity > 0]
        negative = [s for s in members if s.polarity < 0]
        shared_concepts = (
            frozenset.intersection(*(s.concepts for s in members)) or members[0].concepts
        )
        entity_counts: dict[str, int] = defaultdict(int)
        for s in members:
            for e in s.entities:
                entity_counts[e] += 1
        top_entities = sorted(e for e, c in entity_counts.items() if c >= 2)
        subject = " ".join(sorted(shared_concepts) + top_entities)
        out.append(
            _claim(
                "statement",
                subject,
                [_statement_side(s) for s in positive or negative],
                [_statement_side(s) for s in negative] if positive else [],
            )
        )
    return out


def _statement_side(s: _Statement) -> ClaimSide:
    a = s.article
    return ClaimSide(
        a.id,
        a.source,
        s.sentence.start,
        s.sentence.end,
        a.text[s.sentence.start : s.sentence.end],
        s.polarity,
    )


def _claim(
    kind: str, subject: str, sides: list[ClaimSide], opposing: list[ClaimSide]
) -> AlignedClaim:
    sides = sorted(set(sides), key=lambda s: (s.article, s.start, s.value_start or 0))
    opposing = sorted(set(opposing), key=lambda s: (s.article, s.start, s.value_start or 0))
    sources = sorted({s.source for s in sides} | {s.source for s in opposing})
    if opposing:
        status = "contradicted"
    elif len({s.source for s in sides}) >= 2:
        status = "corroborated"
    else:
        status = "single-source"
    basis = "|".join(f"{s.article}:{s.start}:{s.value_start}" for s in sides + opposing)
    cid = "C" + hashlib.sha1(f"{kind}|{subject}|{basis}".encode()).hexdigest()[:12]
    return AlignedClaim(cid, kind, subject, status, sources, sides, opposing)
