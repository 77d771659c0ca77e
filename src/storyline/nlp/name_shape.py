"""What a name's own shape and its neighbours say about its type, and credit words to trim.

The small NER model types by context and is often wrong on names whose form settles
the question: "Morris Knolls High School" is an organisation whatever the sentence,
"New Jersey" is a place, "Hayne Palmour IV" and "Connor Cummings, 17," are people,
"the port of Tartus" is a place. ``shape_type`` returns the corrected type of a name span;
``credit_trimmed`` drops photo-credit words glued to a name ("... Share Photo").
"""

from __future__ import annotations

import re
from typing import Any

from storyline.lexicon import word_set

_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|"
    "Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|"
    "Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|"
    "New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|"
    "Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|"
    "Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming"
)
US_STATES = frozenset(_STATES.lower().split("|"))
# the last word of an organisation's name ("Morris Knolls High School", "Acme Corp.")
ORG_HEADS = word_set(
    "school university college academy institute hospital clinic company corporation corp "
    "inc ltd llc plc co party ministry department agency council committee commission "
    "association federation union bank church foundation society board bureau authority "
    "administration office court senate parliament congress assembly network newspaper "
    "airlines airline group team club league"
)
# a person's name suffix ("Hayne Palmour IV", "Martin Luther King Jr.")
PERSON_SUFFIXES = word_set("jr jr. sr sr. ii iii iv")
# particles inside a person's name ("Maria von Trapp", "Osama bin Laden")
PERSON_PARTICLES = word_set("von van bin ibn")
PERSON_HONORIFICS = word_set("mr mr. mrs mrs. ms ms. miss dr dr.")
# "the port of Tartus", "the city of Homs"
PLACE_OF = word_set("port city town village province region county island district capital")
# "Tartous harbour"; "a base at Tartus"
PLACE_AFTER = word_set("harbour harbor")
PLACE_AT = word_set("base port harbour harbor")
# what carries a name of its own that NER takes for a person's ("the Professor Katsman")
VESSELS = word_set(
    "ship vessel tanker freighter frigate destroyer cruiser carrier submarine boat yacht "
    "ferry liner trawler warship spacecraft"
)
# words a photo credit glues to a name: "Hayne Palmour IV Share Photo"
CREDIT_WORDS = word_set("share photo photos video caption credit email print tweet comments")
# the head of an event's name ("World War II", "the Arab Spring uprising", "the French
# Revolution"): the tagger reads "War II" as a person's generation
EVENT_WORDS = word_set("war wars revolution uprising massacre olympics")
# the social platforms news names as the place of a post ("He responded on Twitter"): a
# company's service, which the tagger often takes for a person (the entity's type says
# so, link.entity_names.canonical_name; the mention keeps the tagger's type for linking,
# where ORG cost 0.11 ECB+ train CoNLL)
PLATFORMS = word_set(
    "twitter facebook instagram youtube snapchat tiktok reddit linkedin whatsapp tumblr pinterest"
)
# words before a name set in quotation marks because the writer does not vouch for it
# (scare quotes), not because it is a work's title
_SCARE_WORDS = ("so-called", "self-styled", "self-declared", "self-proclaimed", "self-described")
_OPEN_QUOTES = frozenset({'"', "“", "‘", "'"})
_CLOSE_QUOTES = frozenset({'"', "”", "’", "'"})
_MODEL_NUMBER = re.compile(r"^[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]{0,2}$")  # not "G20"
_NAMED = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "")


def shape_type(span: Any, ner_type: str) -> str:
    """The type a name span's form or immediate context settles, else ``ner_type``."""
    if ner_type not in _NAMED or len(span) == 0:
        return ner_type
    if ner_type == "ORG" and _MODEL_NUMBER.match(span.text):
        return "PRODUCT"  # "MiG-29 bombers", "S-300 missiles": a model, not an organisation
    words = [t.lower_ for t in span]
    doc = span.doc
    if ner_type not in ("PERSON", "PRODUCT") and _in_quotes(span):
        # “Moonlight”, "La La Land": news sets a work's title in quotes (a person's alias,
        # "Carlos Danger", and a product's name, “My K-Cup”, are quoted too)
        return "WORK_OF_ART"
    if ner_type == "NORP" and any(t.like_num for t in span):
        return "PRODUCT"  # "Windows 10": a people or a faith has no number; a version has
    if _event_named(words) and span[0].text[:1].isupper():
        return "EVENT"
    if len(words) >= 2 and words[-1].rstrip(".") in ORG_HEADS:
        return "ORG"
    if " ".join(words) in US_STATES:
        return "GPE"
    capitalised = all(t.text[:1].isupper() for t in span if t.lower_ not in PERSON_PARTICLES)
    if len(words) >= 3 and words[-1] in PERSON_SUFFIXES and capitalised:
        return "PERSON"
    if len(words) >= 3 and capitalised and any(w in PERSON_PARTICLES for w in words[1:-1]):
        return "PERSON"
    if _vessel_called(span):
        return "PRODUCT"  # "a cargo ship called the Professor Katsman": a ship, no one
    if ner_type in ("PERSON", "NORP"):
        return ner_type
    before = [doc[i].lower_ for i in range(max(span.start - 2, 0), span.start)]
    after = [doc[i] for i in range(span.end, min(span.end + 3, len(doc)))]
    if len(words) >= 2 and before[-1:] and before[-1] in PERSON_HONORIFICS:
        return "PERSON"
    # "Connor Cummings, 17, a senior": an age in apposition
    if (
        len(words) >= 2
        and len(after) == 3
        and after[0].text == ","
        and after[1].like_num
        and after[1].text.isdigit()
        and 0 < int(after[1].text) < 120
        and after[2].text == ","
    ):
        return "PERSON"
    if ner_type in ("GPE", "LOC"):
        return ner_type
    if len(before) == 2 and before[1] == "of" and before[0] in PLACE_OF:
        return "GPE"
    if len(before) == 2 and before[1] in ("at", "in") and before[0] in PLACE_AT:
        return "GPE"
    if after and after[0].lower_ in PLACE_AFTER:
        return "GPE"
    return ner_type


def _event_named(words: list[str]) -> bool:
    """Does an event word head the name, alone or before its number ("the Vietnam War",
    "World War II", "World War 2"), not as the object of an "of" ("Department of War")?"""
    while len(words) > 2 and (words[-1] in PERSON_SUFFIXES or words[-1].isdigit()):
        words = words[:-1]
    return len(words) >= 2 and words[-1] in EVENT_WORDS and "of" not in words


def _in_quotes(span: Any) -> bool:
    """Is the whole name set in quotation marks (“Moonlight”, “Moonlight,”), and no part
    of a longer name (John “Tig” Tiegen's nickname) or of a quoted sentence?"""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].text not in _OPEN_QUOTES:
        return False
    if doc.text[: doc[span.start - 1].idx].rstrip().lower().endswith(_SCARE_WORDS):
        return False  # the so-called “Islamic State”: the writer doubts the name, no title
    end = span.end
    if end < len(doc) and doc[end].text in (",", "."):
        end += 1  # American style closes the quote after the comma: “Moonlight,”
    if end >= len(doc) or doc[end].text not in _CLOSE_QUOTES:
        return False
    before = doc[span.start - 2] if span.start >= 2 else None
    after = doc[end + 1] if end + 1 < len(doc) else None
    # a nickname between a first name and a surname is the person's
    return not (
        before is not None
        and before.ent_type_ == "PERSON"
        and after is not None
        and after.ent_type_ == "PERSON"
    )


def _vessel_called(span: Any) -> bool:
    """Is the name a vessel's ("a cargo ship called the Professor Katsman", "the tanker
    named Iman")? A vessel noun, then "called"/"named", then "the" and capitalised words
    (a ship's name may open with a title) up to the name."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and span.start - i <= 3 and (doc[i].lower_ == "the" or doc[i].is_title):
        if doc[i].lower_ in PERSON_HONORIFICS:
            return False  # "the ship called Mr. Smith": a person after all
        i -= 1
    if i < 1 or doc[i].lower_ not in ("called", "named"):
        return False
    return any(doc[k].lemma_.lower() in VESSELS for k in range(max(i - 2, 0), i))


def credit_trimmed(span: Any) -> Any:
    """The span without photo-credit words at either end, or None if nothing else is left
    or it is a web address."""
    if any("http" in t.lower_ or "/" in t.text or "@" in t.text for t in span):
        return None
    doc = span.doc
    s, e = span.start, span.end
    while e > s and doc[e - 1].lower_ in CREDIT_WORDS:
        e -= 1
    while s < e and doc[s].lower_ in CREDIT_WORDS:
        s += 1
    # an agency's credit before the name: "AP Photo Trump picks ...", "AFP Photo"
    if e - s >= 3 and doc[s].text.isupper() and doc[s + 1].lower_ in CREDIT_WORDS:
        s += 2
    return doc[s:e] if e > s else None


def interjection(text: str) -> bool:
    """Is a span the tagger called a name an interjection ("O.K., about the plan: It calls
    ...", "Okay, so")? It names no one, and no pronoun after it refers to it."""
    return text.replace(".", "").strip().lower() in ("ok", "okay")
