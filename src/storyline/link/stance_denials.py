"""A denied plan against a done move: the one contradiction the stance engine reads badly.

"Russia had no plans to send troops to Syria" against "a Russian military unit had arrived
in Syria": the engine, trained on headline/body pairs, sees a negation near shared names
and gives ``disagree`` at best a middling score, no higher than to sentences that merely share the
names ("readying two warships to sail to Syria"). What makes the first a contradiction is
structure, read here from the parse:

- the **denial** negates an intent to move something somewhere: a negation on an intent
  word ("no plans to", "no intention of", "does not intend to") or a negated future ("will
  not send"), whose verb sends or deploys (``_SEND``) toward a named place;
- the **claim** reports that move as done: its main verb arrives, lands, is deployed or
  was sent (``_SEND | _ARRIVE``) in the past or perfect (not "is readying to sail", not a
  plan), to or in a named place;
- both name the **same place**, and the one who denies the plan (the subject of the
  intent) is named in the claim's subject ("Russia" / "a Russian military unit").

Then the sentence disagrees on its structure alone, whatever the engine says (the model
trained with the sentence-level cue features calls the Lavrov sentence ``agree``, 0.80);
its side carries the engine's score only when that is a ``disagree`` at least
``ClaimOptions.plan_denial_threshold``. The word lists are closed classes of movement and
intent verbs, not a topic lexicon: troops, aid convoys, ships or refugees alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# verbs that move something somewhere on someone's order, and verbs of its arrival
_SEND = frozenset({"send", "deploy", "dispatch", "despatch", "station", "move", "transfer"})
_ARRIVE = frozenset({"arrive", "land", "reach", "enter", "deploy", "station"})
# words that carry an intent whose negation denies the plan
_INTENT = frozenset({"plan", "intention", "intend", "want", "aim", "mean", "decide", "decision"})
_NEGATIONS = frozenset({"no", "not", "never", "n't", "n’t"})
_FUTURE = frozenset({"will", "would", "shall", "wo"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


@dataclass(frozen=True)
class Move:
    """Who moves (name keys) and to or in which place (name keys)."""

    actors: frozenset[str]
    places: frozenset[str]


KeyFn = Callable[[Any], str]  # an entity span -> its name key (claim_types.name_key)


def _names(tokens: Any, labels: frozenset[str], key: KeyFn) -> frozenset[str]:
    """Name keys of the entities the tokens belong to."""
    out = set()
    for tok in tokens:
        if tok.ent_type_ in labels and tok.ent_iob_ in ("B", "I"):
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                out.add(key(ent))
    return frozenset(out)


def _negated(tok: Any) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in tok.children)


def _subject_of(tok: Any) -> Any:
    """The subject over an intent: its own, or (for "had no plans") its governing verb's."""
    for t in (tok, tok.head):
        for c in t.children:
            if c.dep_ in ("nsubj", "nsubjpass"):
                return c
    return None


def denied_moves(span: Any, key: KeyFn) -> tuple[Move, ...]:
    """The planned moves a sentence denies: "Russia had no plans to send troops to Syria"
    gives Move(actors={"russia"}, places={"syria"})."""
    out = []
    for tok in span:
        if tok.lemma_.lower() not in _SEND or tok.pos_ != "VERB":
            continue
        intent = tok.head
        if tok.dep_ == "pcomp" and intent.dep_ == "prep":  # "no intention of sending"
            intent = intent.head
        if tok.dep_ in ("xcomp", "acl", "pcomp") and intent.lemma_.lower() in _INTENT:
            denied = _negated(intent)
        else:  # "will not send troops"
            intent = tok
            future = any(c.lower_ in _FUTURE for c in tok.children if c.dep_ == "aux")
            denied = future and _negated(tok)
        if not denied:
            continue
        subject = _subject_of(intent)
        actors = _names(subject.subtree, _ACTOR_LABELS, key) if subject is not None else None
        places = _names((t for t in tok.subtree if t.i > tok.i), _PLACE_LABELS, key)
        if actors and places:
            out.append(Move(actors, places))
    return tuple(out)


def done_move(span: Any, key: KeyFn) -> Move | None:
    """The move a claim reports as done: its main verb arrives or was sent, in the past or
    perfect, not negated ("a Russian military unit had arrived in Syria")."""
    root = span.root
    lemma = root.lemma_.lower()
    if root.pos_ != "VERB" or lemma not in _SEND | _ARRIVE or root.tag_ not in ("VBD", "VBN"):
        return None
    if _negated(root) or any(c.lower_ in _FUTURE for c in root.children):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    actors = _names(subject.subtree, _ACTOR_LABELS, key)
    places = _names((t for t in root.subtree if t.i > root.i), _PLACE_LABELS, key)
    if not actors or not places:
        return None
    return Move(actors, places)


def denies_move(claim: Move | None, denials: tuple[Move, ...]) -> bool:
    """Does one of the sentence's denied plans cover the claim's done move: same place,
    and the one denying the plan named in the claim's subject?"""
    if claim is None:
        return False
    return any(d.places & claim.places and d.actors & claim.actors for d in denials)
