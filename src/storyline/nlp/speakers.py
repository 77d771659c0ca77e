"""Who a quote's speaker words refer to: "he", "who", "the activist", "his comments", "it"
become the person or organisation the article names, with that name's offsets.

Rules over the article's one parse (no coreference model ships offline with a pinned
package): a relative "who"/"which" is the noun phrase its clause hangs on ("one activist
in Homs, who said"); a personal pronoun or a possessive ("his comments") is the nearest
named person before it in the same or the two previous paragraphs, skipping names whose
gender clashes ("Mrs X" is never "he"; the story's running subject is never a name
that is a subject only inside what someone reported); "it"/"they" the speaker of the
nearest quote that names one, else a subject name, a plural subject or an organisation or place; a
definite description ("the activist", "the statement", "that comment") is the nearest
earlier speaker whose words share its head noun, else the previous quote's speaker when
it stands in the sentence before. Nationalities and bare places never speak: a quote
whose only speaker is one ("Russian") keeps no speaker rather than a wrong one, and so
does one whose "speaker" is a dummy "it" ("it's hard to know where donors will go").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import Any

from storyline.lexicon import word_set
from storyline.nlp.name_gender import FEMALE_TITLES, MALE_TITLES, person_genders, person_key
from storyline.nlp.name_parts import common_noun_opening, full_names_at, surname_alone
from storyline.nlp.name_shape import interjection
from storyline.nlp.quote_syntax import speech_verbs
from storyline.nlp.quotes import Quote
from storyline.nlp.spacy_model import doc_text
from storyline.nlp.speaker_forms import (
    acronym_or_site,
    apposed_name,
    description,
    expletive,
    head_name,
    name_for_a_day,
    nationality,
    relative_head,
    someone_of_theirs,
    titled_name,
    when_only,
)
from storyline.nlp.speaker_issuers import document_issuer, releaser, same_issuer
from storyline.nlp.speaker_it import not_people, thing_subject
from storyline.nlp.speaker_kind import speaker_kind
from storyline.nlp.speaker_participles import nearer_clause_speaker
from storyline.nlp.speaker_phrase import noun_phrase
from storyline.nlp.speaker_places import place_names

_PERSONAL = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_NEUTER = {"it", "its", "they", "them", "their"}
_PLURAL = {"they", "them", "their"}
_RELATIVE = {"who", "whom", "whose", "which", "that"}
_DEFINITE = {"the", "that", "this", "these", "those"}
# entity types that are amounts and times, never a name
_NUMERIC = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
# how far back (in paragraphs) a pronoun may find its antecedent
_PARAGRAPHS_BACK = 2
# characters after a person's quote within which "he"/"she" goes on with that person
_QUOTED_REACH = 400
# characters before "the two leaders" within which the joint speakers it means are named
_JOINT_REACH = 1500


@dataclass(frozen=True)
class _Name:
    start: int  # char offsets of the name in the text
    end: int
    label: str  # PERSON | ORG | GPE
    gender: str  # "m" | "f" | ""


@dataclass(frozen=True)
class _Context:
    """What resolving reads, computed once per article."""

    doc: Any
    text: str
    names: list[_Name]
    name_starts: list[int]
    paragraphs: list[int]  # offsets of line breaks
    sentences: list[int]  # start offsets of spaCy's sentences
    reported: list[tuple[int, int]]  # what indirect quotes report (content spans)


def resolve_speakers(doc: Any, quotes: list[Quote]) -> list[Quote]:
    """The quotes with ``speaker``/``speaker_start``/``speaker_end`` naming who speaks
    (the name's own offsets), and the words the article used in ``speaker_words``."""
    text = doc_text(doc)
    names = _names(doc, quotes)
    ctx = _Context(
        doc,
        text,
        names,
        [n.start for n in names],
        [i for i, ch in enumerate(text) if ch == "\n"],
        [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [],
        [(q.start, q.end) for q in quotes if q.kind == "indirect"],
    )
    out: list[Quote] = []
    for quote in quotes:
        quote = nearer_clause_speaker(doc, text, quote)
        found = _resolve(ctx, quote, [q for q in out if q.speaker is not None])
        out.append(found)
    return out


def _names(doc: Any, quotes: list[Quote]) -> list[_Name]:
    """Named people, organisations and places in text order; a quote's speaker words that
    hold a proper noun the parser did not tag as a person count as one ("Defense Minister
    Anatoly Serdyukov denied ... He did say")."""
    names = []
    persons: set[int] = set()
    genders = person_genders(doc)
    named_at = full_names_at(doc)
    places = place_names(doc, named_at)
    for ent in doc.ents:
        label = ent.label_
        if label == "PERSON" and len(ent) == 1 and ent[0].lower_ in places:
            label = "GPE"  # "Clarkston became his home", a place everywhere else
        # "Colleen Deacon ... Deacon had nothing bad to say", "Chris Christie ...
        # Christie's been making the case": a surname the tagger typed otherwise (an
        # organisation, a place, a product), given in full before, is the person
        # (nlp.entities does the same)
        bare = ent[:-1] if len(ent) > 1 and ent[-1].tag_ == "POS" else ent
        if (
            label != "PERSON"
            and label not in _NUMERIC
            and surname_alone(bare, named_at)
            and bare.root.dep_ not in ("compound", "amod", "nmod")
        ):
            # (not a name that modifies: "the Trump campaign" is no mention of him)
            label = "PERSON"
        if (
            label not in ("PERSON", "ORG", "GPE")
            or common_noun_opening(ent)
            or interjection(ent.text)
        ):
            continue  # "Problem was, it sucked.", "O.K.": no one a later "they" means
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        gender = "m" if before in MALE_TITLES else "f" if before in FEMALE_TITLES else ""
        if label == "PERSON" and not gender:
            gender = genders.get(person_key(bare.text), "")
        names.append(_Name(bare.start_char, bare.end_char, label, gender))
        if label == "PERSON":
            persons.update(range(ent.start, ent.end))
    for token in doc:
        # ... and one the tagger left untyped ("Sanders supports raising the minimum wage")
        if (
            not token.ent_type_
            and token.pos_ == "PROPN"
            and token.is_title
            and token.dep_ not in ("compound", "amod", "nmod")
            and named_at.get(token.lower_, len(doc)) < token.i
        ):
            gender = genders.get(person_key(token.text), "")
            names.append(_Name(token.idx, token.idx + len(token.text), "PERSON", gender))
            persons.add(token.i)
    for quote in quotes:
        if quote.speaker_start is None or quote.speaker_end is None:
            continue
        span = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
        if span is None or len(span) == 0 or any(t.i in persons for t in span):
            continue
        # "Trump" tagged an organisation, "Mr. Gidley" left untyped: a proper noun that
        # speaks is a person unless a determiner makes it a body ("the White House"), and
        # only when it heads the phrase or stands in apposition to its head: "Recent
        # polls from Monmouth University", "Nine months of Trump" are no one a later
        # "he" or "she" means
        if (
            span[0].lower_ not in ("the", "a", "an")
            and (
                span.root.pos_ == "PROPN"
                or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in span.root.children)
            )
            and any(t.pos_ == "PROPN" and t.ent_type_ in ("", "PERSON", "ORG") for t in span)
            and not acronym_or_site(span)
        ):
            gender = genders.get(person_key(span.text), "")
            names.append(_Name(span.start_char, span.end_char, "PERSON", gender))
    # a name inside quotation marks is what someone said, not who the narrator means by
    # "he" ('"... that Sergei Lavrov shares our concern," Kellenberger said. "...," he said')
    quoted = [f for q in quotes if q.kind == "direct" for f in (q.fragments or ((q.start, q.end),))]
    names = [n for n in names if not any(a <= n.start < b for a, b in quoted)]
    names.sort(key=lambda n: (n.start, n.end))
    return names


def _resolve(ctx: _Context, quote: Quote, earlier: list[Quote]) -> Quote:
    if quote.speaker is None or quote.speaker_start is None or quote.speaker_end is None:
        return quote
    words = quote.speaker
    start, end = quote.speaker_start, quote.speaker_end
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    tokens = [t.lower_ for t in span] if span is not None else words.lower().split()
    first = tokens[0] if tokens else ""
    target: tuple[int, int] | None = None
    if span is not None and when_only(span):
        # a day never speaks: the name before the cue does, else no one is credited
        s, e = name_for_a_day(span, quote.cue_start) or (None, None)
        speaker = ctx.text[s:e] if s is not None else None
        return replace(quote, speaker=speaker, speaker_start=s, speaker_end=e)
    if len(tokens) == 1 and first in _RELATIVE and span is not None:
        # "Paul released a video that accuses": who released it speaks through it
        target = releaser(span[0]) or relative_head(ctx.doc, span[0])
    elif first in _PERSONAL and span is not None and someone_of_theirs(span):
        # "his wife", "her lawyer", "his office": someone else speaks; the words say who
        return quote
    elif first in _PERSONAL:
        # "he", "his comments": the person quoted just before goes on ("Harris said ...
        # He added"); else the first fitting person of the nearest sentence naming one;
        # else the last person quoted (articles name a speaker once, then say "he")
        target = _same_sentence_person(ctx, span, _PERSONAL[first]) if span is not None else None
        if target is None:
            target = _previous_person(ctx, start, earlier, _PERSONAL[first], _QUOTED_REACH)
        if target is None:
            target = _subject_person(ctx, start, _PERSONAL[first])
        if target is None:
            target = _antecedent(ctx, start, _PERSONAL[first])
        if target is None:
            target = _previous_person(ctx, start, earlier, _PERSONAL[first], len(ctx.text))
    elif span is not None and expletive(span):
        # "it's hard to know where donors will go", "It is important to note that": a
        # dummy subject, so no one is credited with the words
        return replace(quote, speaker=None, speaker_start=None, speaker_end=None)
    elif first in _NEUTER:
        # "they": a plural subject ("Workers objected ... They also said"); "it", "they":
        # the one quoted just before ("A ministry statement said ... It also added");
        # alone, else the speaker of the nearest quote that names one (articles name a
        # source, then say "it says", "they added"), the nearest name that is a clause's
        # subject; else the nearest organisation or place
        target = None
        if first in _PLURAL and span is not None:
            target = _plural_subject(ctx, span[0])
        elif span is not None:
            target = thing_subject(ctx.doc, ctx.text, ctx.reported, span[0])
        if target is None:
            target = not_people(ctx.doc, first, _previous_speaker(ctx.text, start, earlier))
        if target is None and len(tokens) == 1:
            target = not_people(ctx.doc, first, _previous_named_speaker(ctx, start, earlier))
            target = target or not_people(ctx.doc, first, _subject_name(ctx, start))
        if target is None:
            # a place is "it" when its government speaks ("Russia said ... It added"),
            # never "they" ("The ministers met in Brussels. They said")
            target = _antecedent(ctx, start, None, places=first not in _PLURAL)
    elif first in _DEFINITE and span is not None and description(span):
        # "the activist", "the statement", "that comment"; "the British premier" only
        # names someone earlier given that role (a nationality's "the Democratic base"
        # is not whoever spoke last)
        target = _same_head_speaker(span, earlier)
        if not any(t.ent_type_ == "NORP" for t in span):
            target = (
                _joint_speaker(ctx.text, span, earlier)
                or target
                or _fitting(ctx.doc, span, _previous_speaker(ctx.text, start, earlier))
            )
    elif span is not None and (issuer := document_issuer(span)) is not None:
        # "a Russian foreign ministry statement": the ministry speaks through it; a later
        # "brief foreign ministry statement" is the same ministry's
        target = same_issuer(ctx.text, issuer, earlier) or issuer
    elif span is not None and (named := apposed_name(span)) is not None:
        # "A spokesman for Russia's Black Sea fleet, Vyacheslav Trukhachev, told": the
        # description's apposition names who speaks
        target = named
    elif span is not None and (named := head_name(span)) is not None:
        # "Russia's Foreign Minister Sergei Lavrov", "Flynn, a top Trump surrogate": the
        # name speaks, the rest of the words say who that is
        target = named
    elif span is not None and nationality(span):
        # a nationality ("Russian") names no one who speaks
        return replace(quote, speaker=None, speaker_start=None, speaker_end=None)
    # "Russia's Defense Minister Anatoly Serdyukov" with the name unseen by the NER, said
    # so or reached from a later "He": the name speaks, the title says who that is
    found = span if target is None else ctx.doc.char_span(*target, alignment_mode="expand")
    if found is not None and (named := titled_name(found)) is not None:
        target = named
    if target is None or target == (start, end) or interjection(ctx.text[target[0] : target[1]]):
        return quote  # (an interjection the parser made a subject names no one: "O.K., ...")
    if any(target[0] <= f_start and f_end <= target[1] for f_start, f_end in quote.fragments
           or [(quote.start, quote.end)]):  # fmt: skip
        # a phrase holding the quote's own words names no speaker (a misparse that hangs
        # a clause on the sentence's root makes the whole sentence the "noun phrase")
        return quote
    s, e = target
    return replace(
        quote,
        speaker=ctx.text[s:e],
        speaker_start=s,
        speaker_end=e,
        speaker_words=words,
        words_start=start,
        words_end=end,
    )


def _previous_person(
    ctx: _Context, before: int, earlier: list[Quote], gender: str, reach: int
) -> tuple[int, int] | None:
    """The speaker of the nearest earlier quote that names a person of a fitting gender,
    if that quote ends within ``reach`` characters before ``before``."""
    for quote in reversed(earlier):
        s, e = quote.speaker_start, quote.speaker_end
        if s is None or e is None or quote.end > before:
            continue
        if before - quote.end > reach:
            return None
        # a fitting name before any aside ("Rendell, a Clinton surrogate" is Rendell's
        # words); the quote's whole speaker phrase is who goes on speaking
        comma = ctx.text.find(",", s, e)
        head_end = comma if comma > s else e
        k = bisect_left(ctx.name_starts, s)
        while k < len(ctx.names) and ctx.names[k].start < head_end:
            if ctx.names[k].end <= head_end and _fits(ctx.names[k], gender):
                if _newer_subject(ctx, max(quote.end, e), before, gender, ctx.names[k]):
                    return None
                return s, e
            k += 1
    return None


def _newer_subject(ctx: _Context, after: int, before: int, gender: str, speaker: _Name) -> bool:
    """Is another fitting person the subject of a clause between the last quote's end and
    the pronoun? Then the story has moved on to them ("“...,” Palmieri said.⏎⏎Clinton is
    describing as “unhinged” a Trump tweet. She says": Clinton says it)."""
    own = person_key(ctx.text[speaker.start : speaker.end])
    k = bisect_left(ctx.name_starts, after)
    while k < len(ctx.names) and ctx.names[k].start < before:
        name = ctx.names[k]
        k += 1
        if name.end > before or not _fits(name, gender):
            continue
        if person_key(ctx.text[name.start : name.end]) == own:
            continue
        span = ctx.doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is not None and _subject(span) is not None:
            return True
    return False


def _subject_person(ctx: _Context, before: int, gender: str) -> tuple[int, int] | None:
    """The nearest fitting person named before ``before`` as the subject of a clause
    (who acts and speaks in the story, not whom it mentions: "Trump attacked Cruz ...
    He said"), however far back: the person the story follows is its running subject."""
    k = bisect_right(ctx.name_starts, before) - 1
    while k >= 0:
        name = ctx.names[k]
        k -= 1
        if name.end > before or not _fits(name, gender):
            continue
        span = ctx.doc.char_span(name.start, name.end, alignment_mode="expand")
        subject = _subject(span) if span is not None else None
        if subject is None:
            continue
        if any(a <= name.start < b for a, b in ctx.reported):
            # "Simmons said most of his family thought Obama had no shot": Obama is in
            # what Simmons said, the story's subject is Simmons; but one who tells inside
            # it ("Police said Stinson told them she accepted a ride. She said ...") is
            # whose account the next "she said" goes on with
            if subject.head.lemma_.lower() in speech_verbs():
                return name.start, name.end
            continue
        if _main_clause(subject):
            return name.start, name.end
    return None


def _subject(span: Any) -> Any | None:
    """The subject token the name is, itself or in apposition to a common noun that is
    the subject ("His wife, Martha, spoke next": Martha is who spoke); None when it is
    no subject."""
    root = span.root
    if root.dep_ == "appos" and root.head.i < root.i and root.head.pos_ == "NOUN":
        root = root.head
    return root if root.dep_ in ("nsubj", "nsubjpass") else None


def _main_clause(subject: Any) -> bool:
    """Is ``subject`` the subject of its sentence's main verb (or of a verb joined to it),
    not of a clause inside it ("If Trump doesn't win, he said", "Kasich predicted
    Republicans will win if Sanders is nominated"): the story follows whoever acts in its
    main clauses, not whom those clauses talk about."""
    first = subject.left_edge
    if first.i == 0 or "\n" in subject.doc[first.i - 1].text_with_ws:
        return True  # it opens a paragraph the parser ran into the one before
    verb = subject.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _previous_named_speaker(
    ctx: _Context, before: int, earlier: list[Quote]
) -> tuple[int, int] | None:
    """The speaker of the nearest earlier quote whose speaker words hold a name."""
    for quote in reversed(earlier):
        s, e = quote.speaker_start, quote.speaker_end
        if s is None or e is None or quote.end > before:
            continue
        k = bisect_left(ctx.name_starts, s)
        if k < len(ctx.names) and ctx.names[k].start < e:
            return s, e
    return None


def _subject_name(ctx: _Context, before: int) -> tuple[int, int] | None:
    """The nearest name before ``before`` that is the subject of its clause."""
    k = bisect_right(ctx.name_starts, before) - 1
    while k >= 0:
        name = ctx.names[k]
        k -= 1
        if name.end > before:
            continue
        span = ctx.doc.char_span(name.start, name.end, alignment_mode="expand")
        if span is not None and _subject(span) is not None:
            return name.start, name.end
    return None


def _same_sentence_person(ctx: _Context, words: Any, gender: str) -> tuple[int, int] | None:
    """ "Lavrov leveled some of his strongest criticism", "Trump told reporters he": a
    fitting person earlier in the pronoun's own sentence who is the subject of a verb
    the pronoun hangs under."""
    before = words.start_char
    above = {t.i for t in words.root.ancestors}
    k = bisect_right(ctx.sentences, before) - 1
    if k < 0:
        return None
    floor = max(ctx.sentences[k], ctx.text.rfind("\n", 0, before) + 1)
    i = bisect_left(ctx.name_starts, floor)
    while i < len(ctx.names) and ctx.names[i].end <= before:
        name = ctx.names[i]
        i += 1
        if not _fits(name, gender):
            continue
        span = ctx.doc.char_span(name.start, name.end, alignment_mode="expand")
        # a subject, not "Campaigning against Mitt Romney in 2012, he ..."
        if span is not None and (subject := _subject(span)) is not None and subject.head.i in above:
            return name.start, name.end
    return None


def _plural_subject(ctx: _Context, pronoun: Any) -> tuple[int, int] | None:
    """ "Workers objected ... They also said", "Brown and From ... today they share": the
    nearest plural subject before "they", in its own sentence or the two before."""
    doc = ctx.doc
    k = bisect_right(ctx.sentences, pronoun.idx) - 1
    floor = ctx.sentences[max(0, k - 2)] if k >= 0 else 0
    for token in reversed(doc[: pronoun.i]):
        if token.idx < floor:
            break
        if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(a <= token.idx < b for a, b in ctx.reported):
            continue  # "Democrats believe it is too great for Republicans to resist. They
            # say": the Republicans are in what Democrats believe; Democrats say it
        joined = token.pos_ == "PROPN" and any(
            c.dep_ == "conj" and c.pos_ == "PROPN" for c in token.children
        )
        people = token.tag_ == "NNPS" or (token.tag_ == "NNS" and token.lemma_.lower() in _PEOPLE)
        if people or joined:
            return noun_phrase(token, ctx.text, asides=joined)
    return None


# plural nouns that name people who speak ("Workers objected ... They also said")
_PEOPLE = frozenset(
    {
        "official", "worker", "voter", "leader", "member", "aide", "critic", "supporter",
        "resident", "expert", "analyst", "activist", "lawmaker", "senator", "democrat",
        "republican", "protester", "candidate", "operative", "advocate", "economist",
        "investigator", "prosecutor", "officer", "parent", "student", "researcher",
        "scientist", "executive", "strategist", "organizer", "delegate", "adviser", "advisor",
        "spokesman", "spokeswoman", "lawyer", "attorney", "doctor", "teacher", "governor",
        "minister", "diplomat", "judge", "state", "country", "government", "group",
    }
)  # fmt: skip


def _antecedent(
    ctx: _Context, before: int, gender: str | None, places: bool = True
) -> tuple[int, int] | None:
    """A fitting name before ``before`` (a person for "he"/"she", with no clashing title;
    an organisation, or a place if ``places``, when ``gender`` is None): the first one of the nearest
    sentence that has one (the subject usually comes first: "Lavrov leveled criticism of
    Assad ... in which he accused"), no further back than ``_PARAGRAPHS_BACK``
    paragraphs."""
    breaks = [p for p in ctx.paragraphs if p < before]
    floor = breaks[-(_PARAGRAPHS_BACK + 1)] if len(breaks) > _PARAGRAPHS_BACK else 0
    best: _Name | None = None
    best_sentence = -1
    k = bisect_right(ctx.name_starts, before) - 1
    while k >= 0 and ctx.names[k].start >= floor:
        name = ctx.names[k]
        k -= 1
        if name.end > before or not _fits(name, gender) or (not places and name.label == "GPE"):
            continue
        sentence = bisect_right(ctx.sentences, name.start)
        if best is not None and sentence < best_sentence:
            break  # an earlier sentence: the nearest one with a fitting name is done
        best, best_sentence = name, sentence  # keep walking left within the sentence
    return (best.start, best.end) if best is not None else None


def _fits(name: _Name, gender: str | None) -> bool:
    if gender is None:
        return name.label in ("ORG", "GPE")
    return name.label == "PERSON" and not (gender and name.gender and name.gender != gender)


def _fitting(doc: Any, words: Any, target: tuple[int, int] | None) -> tuple[int, int] | None:
    """``target``, unless a description of a person meets a group or one of a group a
    person ("The ministry declined ..." after Lavrov spoke is not Lavrov)."""
    if target is None:
        return None
    own = speaker_kind(doc, words.start_char, words.end_char)
    if own == "record" and words.root.lemma_.lower() in _MEASURES:
        # "according to the index", "the poll found": a measure or a study speaks for
        # itself, not for whoever spoke last ("experts estimate ... The countries
        # according to the index are"); what someone puts out is still theirs ("His
        # comments", "the statement", "the readout", "The complaint alleges")
        return None
    kinds = {own, speaker_kind(doc, *target)}
    return None if kinds == {"person", "group"} else target


# records that measure or study rather than put someone's words out: they speak for
# themselves
_MEASURES = word_set(
    "index poll survey study research analysis figure estimate census ranking chart map "
    "model data audit test testing autopsy review finding"
)


def _previous_speaker(text: str, before: int, earlier: list[Quote]) -> tuple[int, int] | None:
    """The speaker of the quote just before, when it ends within the previous sentence
    or two of the same paragraph."""
    for quote in reversed(earlier):
        if quote.end > before or quote.speaker_start is None or quote.speaker_end is None:
            continue
        if before - quote.end > 400 or "\n\n" in text[quote.end : before]:
            return None
        return quote.speaker_start, quote.speaker_end
    return None


def _joint_speaker(text: str, span: Any, earlier: list[Quote]) -> tuple[int, int] | None:
    """ "the two leaders" after "Barack Obama, the US president, and Vladimir Putin ...
    called for": the nearest earlier speaker that joins several, a few paragraphs back
    at most."""
    root = span.root
    plural = root.tag_ == "NNS" and any(t.lower_ in ("two", "both") for t in span)
    if not plural:
        return None
    for quote in reversed(earlier):
        s, e = quote.speaker_start, quote.speaker_end
        if s is None or e is None or e > span.start_char:
            continue
        if span.start_char - e > _JOINT_REACH:
            return None
        if " and " in text[s:e]:
            return s, e
    return None


# a role noun news writing uses for a title named in full earlier ("David Cameron, the
# British prime minister ... The British premier countered")
_ROLE_SAID = {"premier": "prime minister"}


def _same_head_speaker(span: Any, earlier: list[Quote]) -> tuple[int, int] | None:
    """ "the activist" after "one activist in Homs": the earlier speaker with that head."""
    head = span.root.lemma_.lower()
    said = _ROLE_SAID.get(head, head)
    for quote in reversed(earlier):
        words = (quote.speaker_words or quote.speaker or "").lower()
        if (
            quote.speaker_start is not None
            and quote.speaker_end is not None
            and head
            and (head in words.split() or (said != head and said in words))
        ):
            return quote.speaker_start, quote.speaker_end
    return None
