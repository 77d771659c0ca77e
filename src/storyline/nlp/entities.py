"""Entity mentions with type, offsets, head lemma, name key and apposition roles.

The spaCy pipeline sits behind ``EntityAnalyzer`` so a larger model (or another library)
can be swapped in: the linker only sees ``EntityMention`` records. Two entry points share
one parse per text: ``detect`` finds mentions with NER; ``describe`` gives the same
features for mentions whose spans the caller already knows (gold mentions in ECB+).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from storyline.lexicon import word_set
from storyline.nlp.entity_roles import entity_bounds, role_of
from storyline.nlp.name_parts import (
    full_names_at,
    joined_surnames,
    named_after_the,
    not_an_entity,
    owned_person,
    surname_alone,
)
from storyline.nlp.name_shape import credit_trimmed, shape_type
from storyline.nlp.person_nouns import HONORIFICS, TITLES
from storyline.nlp.spacy_model import doc_text

logger = logging.getLogger(__name__)


# NER labels that name a thing the brief tracks (dates, numbers and money are facts)
NAMED_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART")
TIME_TYPES = ("DATE", "TIME")

PRONOUNS = {
    # pronoun -> (person-like?, plural?)
    "he": (True, False),
    "him": (True, False),
    "his": (True, False),
    "himself": (True, False),
    "she": (True, False),
    "her": (True, False),
    "hers": (True, False),
    "herself": (True, False),
    "i": (True, False),
    "me": (True, False),
    "my": (True, False),
    "who": (True, False),
    "whom": (True, False),
    "whose": (True, False),
    "it": (False, False),
    "its": (False, False),
    "itself": (False, False),
    "which": (False, False),
    "that": (False, False),
    "this": (False, False),
    "where": (False, False),
    "there": (False, False),
    "they": (False, True),
    "them": (False, True),
    "their": (False, True),
    "theirs": (False, True),
    "themselves": (False, True),
    "we": (True, True),
    "us": (True, True),
    "our": (True, True),
    "you": (True, False),
    "your": (True, False),
}
_DROP = re.compile(r"[^\w\s-]")


@dataclass(frozen=True)
class EntityMention:
    """One mention in one text. ``start``/``end`` slice the text to ``text``."""

    start: int
    end: int
    text: str
    type: str  # NER label of the head ("PERSON", "GPE", ...) or "" for common nouns
    kind: str  # "name" | "nominal" | "pronoun" | "time"
    head: str  # lower-cased lemma of the syntactic head
    name: str  # normalised name key ("vladimir putin"), "" unless kind == "name"
    plural: bool = False
    sentence: int = 0  # index of the sentence (in spaCy's segmentation) holding the head
    role: str | None = None  # "foreign minister" from an apposition or a title
    role_start: int | None = None
    role_end: int | None = None
    root_lemma: str = ""  # lemma of the parser's root of the span (head-lemma baseline)
    # the word that governs the mention and how: "arrest:obj" for "police arrested him",
    # "enter:subj", "center:in" ("in the center"); "" when none (cross-document linking:
    # two articles name the same participant in the same slot of the same event)
    predicate: str = ""


class EntityAnalyzer(Protocol):
    def detect(self, texts: Sequence[str]) -> list[list[EntityMention]]: ...

    def describe(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> list[list[EntityMention]]: ...


def name_key(words: Iterable[str]) -> str:
    """Lower-case, drop titles, possessives and punctuation: "Mr. Putin's" -> "putin"."""
    out: list[str] = []
    words = list(words)
    for i, word in enumerate(words):
        w = word.lower().replace("\u2019", "'")
        if w in ("'s", "'"):
            continue
        if w.endswith("'s"):
            w = w[:-2]
        w = _DROP.sub("", w).strip("-")
        # a title before "of" is the name's own head ("King of Bahrain", "Duke of York"):
        # kept, or the key would be the place's ("of bahrain")
        titled = not out and (w in TITLES or f"{w}." in TITLES)
        if titled and i + 1 < len(words) and words[i + 1].lower() == "of":
            titled = False
        if not w or titled or w in ("the", "a", "an"):
            continue
        out.append(w)
    # "U . S . Surgeon General" -> "us surgeon general": rejoin spelled-out initials
    joined: list[str] = []
    initials = False  # is joined[-1] made of single letters only?
    for w in out:
        single = len(w) == 1 and w.isalpha()
        if single and initials:
            joined[-1] += w
        else:
            joined.append(w)
        initials = single or (initials and single)
    # "W. Mark Felt Sr." is "w mark felt": a generational suffix is not part of the key; a
    # numeral after a numbered thing's head is its number ("World War II" is not "World War I")
    while len(joined) > 1 and joined[-1] in _NAME_SUFFIXES and joined[-2] not in _NUMBERED_HEADS:
        joined.pop()
    return " ".join(joined)


# a generation's suffix after a person's name ("Donald Trump Jr.", "Ken Griffey Sr."); the
# linker keys it apart only where a text tells the two generations apart
# (link.entity_names.generations_apart): keeping "Jr." in every key cost 0.25 ECB+ CoNLL
GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})
# what may close a person's name after a comma and is no part of its key: a generation,
# a degree ("Martin Luther King, Jr.", "Jane Doe, MD")
_NAME_SUFFIXES = GENERATIONS | {"phd", "md", "esq"}
# heads a Roman numeral numbers rather than names a generation of
_NUMBERED_HEADS = frozenset(
    {"war", "phase", "part", "chapter", "volume", "act", "title", "stage", "council", "league"}
)


class SpacyEntityAnalyzer:
    """EntityAnalyzer over a spaCy pipeline (tagger, parser, lemmatizer and NER are used)."""

    def __init__(
        self, model: str = "en_core_web_sm", batch_size: int = 32, cache_size: int = 0
    ) -> None:
        self.model = model
        self.batch_size = batch_size
        # evaluations parse the same texts for the system and its baselines
        self.cache_size = cache_size
        self._cache: dict[str, Any] = {}

    def _parse(self, texts: Sequence[str]) -> list[Any]:
        from storyline.nlp.spacy_model import load_pipeline, parse_input

        nlp = load_pipeline(self.model)
        todo = [t for t in dict.fromkeys(texts) if t not in self._cache]
        parsed = dict(
            zip(
                todo,
                nlp.pipe((parse_input(nlp, t) for t in todo), batch_size=self.batch_size),
                strict=True,
            )
        )
        docs = [self._cache.get(t) or parsed[t] for t in texts]
        for text, doc in parsed.items():
            if len(self._cache) < self.cache_size:
                self._cache[text] = doc
        return docs

    def detect(self, texts: Sequence[str]) -> list[list[EntityMention]]:
        return [mentions_in_doc(doc) for doc in self._parse(texts)]

    def describe(
        self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]
    ) -> list[list[EntityMention]]:
        out = []
        for text, doc, doc_spans in zip(texts, self._parse(texts), spans, strict=True):
            mentions = []
            for start, end in doc_spans:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is None or len(span) == 0:
                    # keep the caller's span; no linguistic features
                    mentions.append(
                        EntityMention(
                            start, end, text[start:end], "", "nominal", text[start:end].lower(), ""
                        )
                    )
                    continue
                m = _features(doc, span)
                # report exactly the caller's offsets even if spaCy's tokens were wider
                mentions.append(_with_span(m, start, end, text[start:end]))
            out.append(mentions)
        return out


def mentions_in_doc(doc: Any) -> list[EntityMention]:
    """Named mentions of one parsed ``Doc`` (NER entities of the named types)."""
    mentions: list[EntityMention] = []
    ents = doc.ents
    surnames = {ent[-1].lower_ for ent in ents if ent.label_ == "PERSON"}
    # a name the article sets after "the" is a thing's ("the Knowledge Graph"), however
    # NER typed it once: no surname to part a possessive at
    owned = surnames - named_after_the(doc)
    named_at = full_names_at(doc)
    for ent in ents:
        if ent.label_ not in NAMED_TYPES:
            continue
        surname = surname_alone(ent, named_at)
        for line in _lines(ent):
            found = _line_mentions(doc, line, ent.label_, surnames, owned)
            mentions += [replace(m, type="PERSON") for m in found] if surname else found
    return mentions


def _lines(ent: Any) -> list[Any]:
    """An NER span cut at line breaks: no name runs across one ("... blamed past dives on
    Obama⏎⏎Trump was also quick to ..." is two names)."""
    doc, pieces, start = ent.doc, [], ent.start
    for tok in ent:
        if "\n" in tok.text:
            if tok.i > start:
                pieces.append(doc[start : tok.i])
            start = tok.i + 1
    if ent.end > start:
        pieces.append(doc[start : ent.end])
    return pieces


def _line_mentions(
    doc: Any, line: Any, label: str, surnames: set[str], owned: set[str] | None = None
) -> list[EntityMention]:
    """The mentions in one line of an NER span (a comma list taken apart). ``owned``: the
    surnames a possessive may part from its owner (default ``surnames``)."""
    mentions: list[EntityMention] = []
    span = _trim(line, surnames)
    if span is not None:
        span = credit_trimmed(span)
    if span is None or not_an_entity(span, label):
        return mentions
    parted = owned_person(span, surnames if owned is None else owned)
    if parted is not None:
        # "ABC News' Linsey Davis": the possessive parts the owner from a person the
        # article names; NER's type was the owner's
        owner, person = _trim(parted[0]), parted[1]  # the owner None: nothing left of it
        found = [] if owner is None else _line_mentions(doc, owner, label, surnames, owned)
        return [*found, replace(_features(doc, person), type="PERSON")]
    parts = _listed_names(span, label, surnames)
    for part in parts:
        # "Mr Putin": keep the honorific in the mention (name_key drops it again)
        if part.start > 0 and doc[part.start - 1].lower_.rstrip(".") in HONORIFICS:
            part = doc[part.start - 1 : part.end]
        mention = _features(doc, part)
        # a list taken apart is a list of people, whatever NER tagged it
        whole = len(parts) == 1 and parts[0] == span
        mentions.append(mention if whole else replace(mention, type="PERSON"))
    return mentions


def _listed_names(span: Any, label: str, surnames: set[str]) -> list[Any]:
    """A span NER ran across a comma that lists people ("In a letter to McCabe, Chaffetz
    said": "McCabe, Chaffetz"): one mention each. Taken apart when it is a PERSON span (a
    person's own name has a comma only before a suffix: "Martin Luther King, Jr."), or
    when each part is the surname of a person the article names ("Skadden, Arps" stays)."""
    cut = joined_surnames(span, surnames)
    if cut is not None:
        return cut
    if not any(t.text == "," for t in span):
        return [span]
    doc = span.doc
    parts, start = [], span.start
    for tok in [*[t for t in span if t.text == ","], None]:
        end = span.end if tok is None else tok.i
        part = _trim(doc[start:end]) if end > start else None
        if part is None or part[0].lower_.rstrip(".") in _NAME_SUFFIXES:
            return [span]
        if not any(t.pos_ == "PROPN" for t in part):
            return [span]
        if label != "PERSON" and part[-1].lower_ not in surnames:
            return [span]
        parts.append(part)
        start = end + 1
    return parts


def _with_span(m: EntityMention, start: int, end: int, text: str) -> EntityMention:
    return replace(m, start=start, end=end, text=text)


_CLOCK = re.compile(r"\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?", re.I)
_MERIDIEM = re.compile(r"[ap]\.?m\.?", re.I)
# "PDT", "EST", "CET", "ET", "GMT", "UTC": a zone's abbreviation after a clock time
_TIME_ZONE = re.compile(r"[A-Z]{0,3}T|UTC")


# ranks written abbreviated before a name (police, military)
_RANKS = word_set("sgt det insp supt lt capt cpl col maj gen cmdr adm pvt sgts dets")


def _abbreviated_rank(doc: Any, i: int) -> bool:
    """Is token ``i`` a rank's abbreviation with its stop ("Sgt." or "Sgt" + ".")?"""
    tok = doc[i]
    if tok.lower_.rstrip(".") not in _RANKS or not tok.text[:1].isupper():
        return False
    return tok.text.endswith(".") or (i + 1 < len(doc) and doc[i + 1].text == ".")


def _trim(span: Any, surnames: frozenset[str] | set[str] = frozenset()) -> Any:
    """Drop a leading determiner and trailing possessive/punctuation from an NER span."""
    doc = span.doc
    s, e = span.start, span.end
    # "the", and any lower-case determiner the NER ran in ("no White House", "every
    # Republican"): no name starts with one
    while s < e and (
        doc[s].lower_ in ("the", "a", "an") or (doc[s].tag_ == "DT" and doc[s].is_lower)
    ):
        s += 1
    if s < e and _CLOCK.fullmatch(doc[s].text):
        # a time stamp NER ran into a name ("at 11:32am PDT", "10:33am PDT Prodigy"): no
        # name starts with a clock time; drop it with its am/pm and time zone
        s += 1
        while s < e and (_MERIDIEM.fullmatch(doc[s].text) or _TIME_ZONE.fullmatch(doc[s].text)):
            s += 1
    if s + 1 < e and doc[s].lower_.rstrip(".") in ("rip", "r.i.p"):
        # "RIP Prodigy", "R.I.P. Prodigy": a mourner's "rest in peace", not a first name
        s += 1
    if (
        s + 1 < e
        and doc[s].pos_ == "VERB"
        and doc[s + 1].head.i == s
        and doc[s + 1].dep_ == "dobj"
        and doc[s].right_edge.i >= e
    ):
        # a verb the NER ran in ahead of its object, its phrase going on past the name
        # ("Asking FBI to drop ..."): the name is the object. A name that is a whole verb
        # phrase keeps its verb ("Teach For America", "Feeding America said"), as does one
        # the verb is no head of ("Reading" of "Reading Football Club")
        s += 1
    while e > s and (doc[e - 1].tag_ == "POS" or doc[e - 1].is_punct):
        e -= 1
    if e > s and _abbreviated_rank(doc, e - 1):
        # a rank's abbreviation NER ran in after a force's name ("Indiana State Police
        # Sgt. Kim Riley", "LAPD Det. Chris Barling"): it is the title of the person who
        # follows, never the end of a name
        e -= 1
    while (
        e - 1 > s
        and doc[e - 1].like_num
        and doc[e - 1].head.i >= e
        and doc[e - 2].lower_ in surnames
    ):
        # a count of what follows that NER ran into a person's name ("before Olivera 25
        # times"); a product's number stays ("Windows 10 users", "the Boeing 737 jets")
        e -= 1
    return doc[s:e] if e > s else None


def _head(span: Any) -> Any:
    """Syntactic head, skipping a governing preposition ("in the Gulf of Aden" -> Gulf)."""
    root = span.root
    while root.pos_ == "ADP":
        objects = [c for c in root.children if c.dep_ == "pobj" and span.start <= c.i < span.end]
        if not objects:
            break
        root = objects[0]
    if root.pos_ in _NOMINAL_POS and root.lower_.rstrip(".") not in TITLES:
        return root
    if root.pos_ in _NOMINAL_POS and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in root.children
    ):
        return root  # "King of Bahrain": the title with its "of" is the name's head
    # the parser picked a determiner, a stray period or a title ("the Monday morning",
    # "Friday night .", "Dr . Regina Benjamin"): take the end of the first noun group
    tokens = [t for t in span if t.pos_ in _NOMINAL_POS and t.lower_.rstrip(".") not in TITLES]
    for tok in tokens:
        nxt = tok.i + 1
        if nxt >= span.end or span.doc[nxt].pos_ not in _NOMINAL_POS:
            return tok
    return root


_WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def _name_tokens(span: Any, head: Any) -> list[Any]:
    """The name around the head: its NER entity (clipped to the span) or PROPN compounds."""
    doc = span.doc
    if head.ent_iob_ != "O":
        start, end = entity_bounds(doc, head.i)
        return [t for t in doc[max(start, span.start) : min(end, span.end)]]
    tokens = [head]
    i = head.i - 1
    while i >= span.start and doc[i].pos_ == "PROPN":
        tokens.insert(0, doc[i])
        i -= 1
    return tokens


def _features(doc: Any, span: Any) -> EntityMention:
    from dataclasses import replace

    return replace(
        _mention_features(doc, span),
        root_lemma=span.root.lemma_.lower(),
        predicate=_predicate(span),
    )


_SLOTS = {"nsubj": "subj", "agent": "subj", "nsubjpass": "obj", "dobj": "obj", "attr": "obj"}
_GOVERNORS = frozenset({"VERB", "NOUN", "AUX", "ADJ"})


def _predicate(span: Any) -> str:
    """``lemma:slot`` of the word governing ``span`` ("arrest:obj"), through a preposition
    ("by police" -> "arrest:subj", "in Malibu" -> "center:in") and a conjunction."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head  # "Reid and Lohan entered": both are subjects of "enter"
    slot = tok.dep_
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        prep = tok.head
        slot = "subj" if prep.dep_ == "agent" else prep.lower_
        tok = prep
    governor = tok.head
    if governor is tok or governor.pos_ not in _GOVERNORS:
        return ""
    return f"{governor.lemma_.lower()}:{_SLOTS.get(slot, slot)}"


def _mention_features(doc: Any, span: Any) -> EntityMention:
    head = _head(span)
    lower = span.text.lower()
    sent_index = _sentence_index(doc, head)
    acronym = span.text.isupper() and len(span.text) > 1  # "US" is a country, not "us"
    if len(span) == 1 and not acronym and (lower in PRONOUNS or head.pos_ == "PRON"):
        person, plural = PRONOUNS.get(lower, (False, head.tag_ in ("NNS", "NNPS")))
        return EntityMention(
            span.start_char,
            span.end_char,
            span.text,
            "PERSON" if person else "",
            "pronoun",
            lower,
            "",
            plural,
            sent_index,
        )
    ent_type = head.ent_type_
    plural = head.tag_ in ("NNS", "NNPS")
    role = role_of(span, head)
    if ent_type in TIME_TYPES:
        kind, name = "time", ""
    elif head.pos_ == "PROPN" or ent_type in NAMED_TYPES:
        kind = "name"
        tokens = _name_tokens(span, head)
        name = name_key(t.text for t in tokens)
        # the name's form settles some types ("... High School" ORG, "New Jersey" GPE)
        ent_type = shape_type(doc[tokens[0].i : tokens[-1].i + 1], ent_type)
    else:
        kind, name = "nominal", ""
    if kind == "name" and (not name or (name in TITLES and not ent_type)):
        # empty after normalising, or a capitalised title alone ("Coach", "President")
        kind, name = "nominal", ""
    # "Friday night", "around 7 p . m . Friday": the day names the referent
    days = [t.lower_ for t in span if t.lower_ in _WEEKDAYS]
    if days and head.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
        kind = "time"
    head_word_time = days[0] if days else head.lemma_.lower()
    # a name's head is its last word ("Raj Chohan" -> "chohan"), whatever the parser says
    # and a name with a preposition is headed before it ("gulf of aden" -> "gulf")
    head_word = _name_head(name) if kind == "name" else head.lemma_.lower()
    if kind == "time":
        head_word = head_word_time
    if kind == "name" and (group := _coordination(span, head)):
        # "Europe , Africa and Asia", "between Egypt and Italy": the group the names make
        # together is none of them ("Europe" alone is another entity); it is keyed by all
        # of them in any order, so "Italy and Egypt" is the same group
        head_word = name = group
        plural = True
    return EntityMention(
        span.start_char,
        span.end_char,
        span.text,
        ent_type,
        kind,
        head_word,
        name,
        plural,
        sent_index,
        role[0] if role else None,
        role[1] if role else None,
        role[2] if role else None,
    )


# what may stand between two names of a list: a comma, "and"/"or", or both, maybe "the"
_JOINER = re.compile(r"\s*(?:,\s*(?:(?:and|or|&)\s+)?|(?:and|or|&)\s+)(?:the\s+)?", re.I)
_CONJUNCTION = re.compile(r"\b(?:and|or)\b|&", re.I)


def _coordination(span: Any, head: Any) -> str:
    """Key of a coordination of names the head's name is one of ("Europe , the Middle East
    and Asia" -> "asia&europe&middle_east", "97th Avenue and 117th Street"), or "": the
    named entities in the span side by side, only commas, "and"/"or" between them, with
    at least one "and"/"or". Read off NER, not the parse, which attaches the conjuncts
    differently from one sentence to the next."""
    doc = span.doc
    if head.ent_iob_ == "O":
        return ""
    ents: list[tuple[int, int]] = []  # token ranges of the named entities in the span
    i = span.start
    while i < span.end:
        if doc[i].ent_iob_ != "O" and doc[i].ent_type_ in NAMED_TYPES:
            start, end = entity_bounds(doc, i)
            ents.append((max(start, span.start), min(end, span.end)))
            i = end
        else:
            i += 1
    own = next((k for k, (s, e) in enumerate(ents) if s <= head.i < e), None)
    if own is None:
        return ""
    text = doc_text(doc)

    def gap(k: int) -> str:  # the text between entity k and entity k + 1
        last_token = doc[ents[k][1] - 1]
        return text[last_token.idx + len(last_token.text) : doc[ents[k + 1][0]].idx]

    first = last = own
    while first > 0 and _JOINER.fullmatch(gap(first - 1)):
        first -= 1
    while last + 1 < len(ents) and _JOINER.fullmatch(gap(last)):
        last += 1
    if not any(_CONJUNCTION.search(gap(k)) for k in range(first, last)):
        return ""  # a comma alone: an apposition ("Paris , France"), not a list
    # an organisation's own name holds "and" often, and NER cuts it there ("Surrey Fire
    # and Rescue", "Central Commission for Elections and Referenda"): no group
    if any(doc[s].ent_type_ == "ORG" for s, _ in ents[first : last + 1]):
        return ""
    keys = {name_key(t.text for t in doc[s:e]) for s, e in ents[first : last + 1]} - {""}
    # one word (no spaces), so no name rule reads a conjunct off its end
    return "&".join(sorted(k.replace(" ", "_") for k in keys)) if len(keys) > 1 else ""


def _name_head(name: str) -> str:
    words = name.split()
    for i, w in enumerate(words):
        if i > 0 and w in ("of", "for", "on", "in", "at", "de"):
            return words[i - 1]
    return words[-1] if words else ""  # a name of punctuation only ("'s") keys to nothing


def _sentence_index(doc: Any, token: Any) -> int:
    """Index of the sentence holding ``token`` (sentence starts cached on the doc)."""
    if not doc.has_annotation("SENT_START"):
        return 0
    starts = doc.user_data.get("storyline_sent_starts")
    if starts is None:
        starts = [sent.start for sent in doc.sents]
        doc.user_data["storyline_sent_starts"] = starts
    return max(bisect_right(starts, token.i) - 1, 0)
