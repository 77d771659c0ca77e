"""What kind of voice a quote's speaker is: a person ("Lavrov", "the activist", "he"), a
group (an organisation, a state, a team, "police", "the Assad regime"), a record
("a ministry statement", "the criminal complaint", "data from HSH.com"), or something
else ("the sheer size of the mound suggests", "his enthusiasm for the work shines",
"many consider").

Attribution in the wide sense (PolNeAR's, which the quote eval scores) credits those too;
a reader's "who said what" lists the first three, and brief.json keeps every quote with
its kind.
"""

from __future__ import annotations

from typing import Any, Literal

from storyline.nlp.entity_roles import RELATIONAL
from storyline.nlp.person_nouns import is_role_noun
from storyline.nlp.quote_lexicon import WORKS
from storyline.nlp.speaker_issuers import DOCUMENTS, INSTITUTIONS, RELEASED

SpeakerKind = Literal["person", "group", "record", "other"]

# nouns of people together, of bodies and of outlets that speak as one
_GROUPS = INSTITUTIONS | frozenset(
    {
        "team", "group", "family", "union", "firm", "network", "newspaper", "magazine",
        "paper", "broadcaster", "channel", "station", "outlet", "agency", "authorities",
        "authority", "club", "band", "organization", "organisation", "school", "district",
        "university", "college", "hospital", "jury", "panel", "staff", "public", "audience",
        "crowd", "media", "press", "regime", "coalition", "alliance", "bank", "business",
        "industry", "lobby", "charity", "church", "state", "city", "county", "country",
        "nation", "people", "community", "opposition", "side",
        "majority", "minority", "establishment", "organizers", "organisers", "voters",
        "residents", "neighbors", "neighbours", "fans", "members", "critics", "supporters",
        "experts", "analysts", "sources", "source", "observers", "historians", "scientists",
        "researchers", "economists", "officials", "activists", "lawmakers", "leaders",
        "generation", "neighborhood", "neighbourhood", "town", "village", "conservatives",
        "liberals", "democrats", "republicans", "legislature", "leadership", "airline",
        "carrier", "startup", "giant", "maker", "palace", "insurer", "retailer",
    }
)  # fmt: skip
# what people write or publish that is quoted as saying something
_RECORDS = (
    DOCUMENTS
    | RELEASED
    | frozenset(
        {
            "complaint", "warrant", "suit", "lawsuit", "invoice", "record", "indictment",
            "affidavit", "ruling", "order", "poll", "survey", "study", "research",
            "analysis", "figure", "estimate", "index", "website", "site", "page", "account",
            "word", "sign", "book", "memoir", "law", "policy", "guideline", "rule", "plan",
            "proposal", "agreement", "deal", "treaty", "contract", "verdict", "decision",
            "finding", "evidence", "testimony", "interview", "speech", "remark", "comment",
            "review", "headline", "caption", "label", "platform", "manifesto", "budget",
            "version", "edition", "investigation", "inquiry", "probe", "audit", "test",
            "testing", "autopsy", "census", "ranking", "chart", "map", "model",
            # what carries words for all to read ("The banner read: ...")
            "banner", "placard", "poster", "billboard", "plaque", "inscription", "mural",
        }
    )
)  # fmt: skip
_NAMED: dict[str, SpeakerKind] = {
    "PERSON": "person",
    "ORG": "group",
    "GPE": "group",
    "NORP": "group",
    "FAC": "group",
}


# heads that count or pick out some of a group: "93 percent of voters", "many of the
# complaints", "one of the mountaineers" speak as the group they are part of
_PART = frozenset(
    {
        "percent", "majority", "minority", "number", "half", "third", "quarter",
        "most", "many", "some", "one", "each", "all", "several", "both", "few", "none",
        "any", "rest", "part", "share", "dozens", "hundreds", "thousands", "millions",
    }
)  # fmt: skip
# person nouns the shared lexicon leaves out: kin and people named by what they do
_PEOPLE = frozenset(
    {
        "couple", "bride", "groom", "relative", "kin", "criminal", "matron", "parent",
        "individual", "adult", "teen", "teenager", "kid", "baby", "youth",
        "veteran", "patient", "client", "customer", "consumer", "shopper", "guest",
        "local", "owner", "neighbour", "neighbor", "emt", "medic", "staffer", "celebrity",
        "personality", "billionaire", "millionaire", "landlord", "proponent", "skeptic",
        "sceptic", "someone",
    }
)  # fmt: skip


def speaker_kind(doc: Any, start: int, end: int) -> SpeakerKind | None:
    """The kind of the speaker whose words are ``doc``'s characters [start, end); None
    when they are no words of it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return _kind(span.root, span)


def _kind(head: Any, span: Any) -> SpeakerKind | None:
    if head.lower_ in _PART or head.pos_ == "NUM":
        of = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"]
        whole = [c for p in of for c in p.children if c.dep_ == "pobj"]
        if whole and span.start <= whole[0].i < span.end:
            return _kind(whole[0], span)
    kinds = [_head_kind(t) for t in (head, *(c for c in head.children if c.dep_ == "conj"))]
    found = next((k for k in ("person", "group", "record") if k in kinds), None)
    return found or ("other" if "other" in kinds else None)


def _head_kind(head: Any) -> SpeakerKind | None:
    """The kind of a speaker phrase's head word; None when the words do not tell (shown,
    as a voice is: hiding a real speaker costs more than showing an odd one)."""
    text = head.text
    if text.startswith("@") or (2 <= len(text.rstrip("s")) <= 5 and text.rstrip("s").isupper()):
        return "person" if text.startswith("@") else "group"  # a handle; "ALCF", "EMTs"
    if head.ent_type_ in _NAMED:
        return _NAMED[head.ent_type_]
    word, lemma = head.lower_, head.lemma_.lower()
    if word.endswith("-old") or (word == "old" and head.i and head.nbor(-1).text == "-"):
        return "person"  # "the 34-year-old told the court" (tagged DATE)
    if head.ent_type_ in ("DATE", "TIME"):
        return "other"  # "Sunday", the parser's subject of "said"
    if head.pos_ == "PROPN" or (head.is_title and not head.is_sent_start):
        return "person"  # a name the small model left untyped ("Havoc", "Barling")
    if head.pos_ == "PRON":
        if word in _NO_ONE:
            return "other"
        return "group" if word in ("it", "its") else "person"
    if head.pos_ == "NUM" or lemma in ("pair", "duo", "trio"):
        return "group"  # "the two said"
    if lemma in _GROUPS or word in _GROUPS:
        return "group"
    if is_role_noun(lemma) or is_role_noun(word) or lemma in _PEOPLE or lemma in RELATIONAL:
        return "person"
    if lemma in _RECORDS or word in _RECORDS:
        return "record"
    # a head that names a quality, an act or a thing ("the size of the mound", "his
    # enthusiasm for the work", "Comey's political misadventures"), never a voice
    if lemma in _THINGS or lemma.endswith(_ABSTRACT):
        return "other"
    if lemma in WORKS:
        return "other"  # "the movie offers enough gore": a film has, it does not say
    return None


# pronouns that stand for no one who speaks ("this shows", "what matters")
_NO_ONE = frozenset({"this", "that", "these", "those", "what", "which", "there"})
_ABSTRACT = (
    "ness", "ity", "ment", "tion", "sion", "ance", "ence", "ism", "ure", "ship", "hood",
)  # fmt: skip
_THINGS = frozenset(
    {
        "size", "prospect", "misstep", "plunge", "decline", "life", "fall", "rise", "ratio",
        "trench", "building", "mound", "enthusiasm", "effect", "impact", "result", "outcome",
        "number", "cost", "price", "value", "rate", "level", "trend", "pattern", "way", "fact",
        "thing", "idea", "question", "problem", "issue", "case", "move", "step", "change",
        "growth", "loss", "gain", "drop", "jump", "surge", "spike",
    }
)  # fmt: skip
