"""Numbers with what they count: "killed 56 people", "$550m", "more than 9,100 lives".

A number phrase is found with a regular expression (digits, number words, scales such
as "million"/"m"/"bn", currency signs, "per cent", "-strong"); the parser then tells
which noun it counts ("36 Yak-130 trainer aircraft" -> "Yak-130 trainer aircraft") and
which verb governs it ("killed"). Dates, times, years, ordinals and numbers inside
names ("MiG-29", "G20") are not facts here.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from storyline.clean.embeds import embedded_posts, in_embedded_post
from storyline.clean.junk import is_shouted
from storyline.model import SentenceIndex, Span
from storyline.nlp.fact_names import SKIP_ENTS, ends_a_name, names_a_title, rank_or_name_word
from storyline.nlp.fact_numbers import (
    CURRENCIES,
    CURRENCY_WORDS,
    WORD_NUMBERS,
    is_money_word,
    parse_number,
)
from storyline.nlp.quote_syntax import speech_verbs
from storyline.nlp.spacy_model import doc_text

logger = logging.getLogger(__name__)

MODIFIERS = (
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "some",
    "over",
    "under",
    "as many as",
    "as few as",
    "an estimated",
    "estimated",
)
_WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|mn|tn|m|k|b)"
_NUMBER_RE = re.compile(
    r"(?P<modifier>\b(?:" + "|".join(m.replace(" ", r"\s+") for m in MODIFIERS) + r")\s+)?"
    r"(?P<currency>US\$|[$£€¥])?\s?"
    r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:"
    + _WORDS.replace(" ", r"\s+")
    + r")\b)"
    r"(?:(?:\s?[-\u2013]\s?|\s+to\s+|(?<!\b1[89]\d\d)(?<!\b20\d\d)\s+(?P<join>and|or)\s+(?!(?:1[89]|20)\d\d\b))(?P<high>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d-]))?"
    r"(?:\s?(?P<scale>" + _SCALE + r")\b)?"
    r"(?P<percent>\s?(?:%|per\s?cent\b|percent\b))?"
    r"(?P<strong>-strong\b)?",
    re.IGNORECASE,
)
# Numbers that are part of something else, never a count (a page's phone line, a video's
# length, a paper's DOI, a table's catalogue ids; seen as junk facts on a Multi-News pile):
# a phone number, a clock time or duration ("(3:31)", "2:10"), a date or ratio written
# with slashes, a DOI, a dotted version ("5.0.1"), a catalogue id ("KUVP 142200"), a rank
# ("No. 3", "#7") and a photo gallery's counter ("Caption 4 of 6 Photos").
_NOT_COUNTS_RE = re.compile(
    r"\(?\b\d{3}\)?[\s.-]\d{3}[.-]\d{4}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?"
    r"|\b\d{1,4}/\d{1,4}(?:/\d{2,4})?\b"
    r"|\b10\.\d{4,9}/\S+"
    r"|\b\d+(?:\.\d+){2,}\b"
    r"|\b[A-Z]{2,}\s\d{4,}\b"
    r"|(?i:\bno\.\s?\d+\b|#\s?\d+\b)"
    r"|(?i:\b(?:caption|photo|image|slide|picture)s?\s+\d+\s+of\s+\d+\b)"
    r"|(?i:\b\d+\s+of\s+\d+\s+(?:photos|images|slides|pictures)\b)"
    # a ratio ("1 in 13 children", "one out of five adults"): a share, not a count of 13
    r"|(?i:\b(?:1|one)\s+(?:in|out\s+of)\s+(?!(?:19|20)\d\d\b)(?:\d[\d,]*|two|three|four|five"
    r"|six|seven|eight|nine|ten|twenty|hundred)\b)"
    # an emergency line's number named with what uses it ("no 911 call", "the 999
    # operator"): a phone number, not a count of calls
    r"|(?i:\b(?:911|999|112)(?=\s+(?:call|caller|dispatch|operator|line|cent(?:er|re)|system"
    r"|tape|recording)s?\b))"
    # a day before its month ("8 March", "24 Sept."), as British and agency copy write it
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
# the head noun of a street address ("64 Perry Street", "the 3700 block of ..."): a house
# number, not a count
_ADDRESS_NOUNS = frozenset(
    ["street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive"]
    + ["block", "highway", "parkway", "place", "square", "court", "way"]
)
# nouns of discourse: "one thing is clear", "two reasons", "three words", "on one hand";
# a small count of them orders what the writer says, it reports no quantity
_DISCOURSE_NOUNS = frozenset(
    ["thing", "way", "question", "reason", "lesson", "word", "mind", "example"]
    + ["idea", "aspect", "factor", "thought", "problem", "issue", "option", "choice", "hand"]
    + ["possibility", "scenario", "step", "sense", "part", "side"]
)
_NAME_ENTS = frozenset({"ORG", "PRODUCT", "FAC", "PERSON", "WORK_OF_ART", "EVENT", "LAW"})
# what a count of one is news for: a life lost or harmed, a person held ("killed one
# person", "one civilian was injured", "one suspect was arrested"); elsewhere "one" says
# that a thing exists, not how many ("one camera" among seized items, "one senator said")
_TOLL_VERBS = frozenset(
    ["kill", "die", "injure", "wound", "hurt", "shoot", "stab", "murder", "arrest", "detain"]
    + ["hospitalize", "hospitalise", "rescue", "save", "evacuate", "charge", "convict"]
)
_COLLECTIVES = frozenset(
    [
        "contingent",
        "group",
        "number",
        "squad",
        "team",
        "unit",
        "convoy",
        "fleet",
        "battalion",
        "brigade",
        "force",
        "company",
        "dozens",
        "hundreds",
        "thousands",
        "crowd",
        "total",
    ]
)


# nouns English counts in the singular ("20 staff", "300 personnel", "40 head of cattle")
_SINGULAR_COUNTS = frozenset(
    ["staff", "personnel", "police", "crew", "cattle", "livestock", "deer", "fish", "sheep"]
    + ["aircraft", "offspring", "head", "dozen", "hundred", "thousand", "people", "clergy"]
    + ["infantry", "artillery", "militia", "youth", "poultry", "game", "wildlife", "grand"]
)


@dataclass(frozen=True)
class Fact:
    """A number phrase in a text; every offset slices that text."""

    text: str  # the number phrase as written ("more than 9,100", "$550m")
    start: int
    end: int
    value: float
    unit: str | None  # currency code, "%" or None
    counted: str | None  # what is counted ("people", "contingent of marines")
    counted_start: int | None
    counted_end: int | None
    modifier: str | None  # "more than", "about", ...
    verb: str | None  # lemma of the governing verb ("kill")
    sentence_start: int
    sentence_end: int
    value_max: float | None = None  # upper bound of a range ("10-15 people")

    def to_dict(self) -> dict:
        return asdict(self)


def extract_facts(
    texts: Sequence[str],
    sentences: Sequence[Sequence[Span]] | None = None,
    model: str = "en_core_web_sm",
) -> list[list[Fact]]:
    """Facts per text. ``sentences`` (optional) gives the sentence spans to cite."""
    from storyline.nlp.spacy_model import load_pipeline, parse_input

    nlp = load_pipeline(model)
    return facts_in_docs(
        list(nlp.pipe((parse_input(nlp, t) for t in texts), batch_size=32)), sentences
    )


def facts_in_docs(
    docs: Sequence[Any], sentences: Sequence[Sequence[Span]] | None = None
) -> list[list[Fact]]:
    """Facts from already parsed spaCy docs (so a caller parses each text once)."""
    out = []
    for k, doc in enumerate(docs):
        sents = list(sentences[k]) if sentences is not None else None
        out.append(facts_in_doc(doc, sents))
    return out


def facts_in_doc(doc: Any, spans: Sequence[Span] | None = None) -> list[Fact]:
    """Facts of one parsed ``Doc``; ``spans`` (optional) are the sentences to cite."""
    text = doc_text(doc)
    sentences = SentenceIndex(list(spans)) if spans else None
    facts: list[Fact] = []
    parts = [m.span() for m in _NOT_COUNTS_RE.finditer(text)]  # in text order
    starts = [s for s, _ in parts]
    # a tweet shown beside the article ("Judge set no bond; $500 on child abuse. — Jane
    # (@jane) September 5, 2018") is someone's post, not a figure the article reports
    posts = embedded_posts(text)
    for match in _NUMBER_RE.finditer(text):
        at = bisect.bisect_right(starts, match.start("number")) - 1
        if at >= 0 and parts[at][1] > match.start("number"):
            continue  # a digit of a phone number, time, DOI, id, rank or gallery counter
        if posts and in_embedded_post(posts, match.start(), match.end()):
            continue
        try:
            fact = _fact(doc, match, sentences)
        except (ValueError, IndexError) as exc:  # one odd number never sinks the text
            logger.debug("skipped number %r: %s", match.group(), exc)
            continue
        if fact is not None and not is_shouted(text[fact.sentence_start : fact.sentence_end]):
            facts.append(fact)  # a line in capitals is a banner or closed captions
    return facts


def _fact(doc: Any, match: re.Match, sentences: SentenceIndex | None) -> Fact | None:
    text = doc_text(doc)
    num_start, num_end = match.span("number")
    high = match.group("high")
    if high:  # "10-15 people", "20 to 30 tanks": the counted noun follows the upper bound
        num_end = match.end("high")
    # numbers glued to letters are names or codes ("MiG-29", "G20", "Yak-130", "24/7")
    before = text[num_start - 1] if num_start > 0 else " "
    after = text[num_end] if num_end < len(text) else " "
    if before.isalnum() or before in "-/" or (after.isalpha() and not match.group("scale")):
        return None
    if after == "-" and not match.group("strong"):
        return None
    if re.match(r"/\d", text[match.end() : match.end() + 2]):
        return None  # "40%/2hr": a rate, not a count
    token = doc.char_span(num_start, num_end, alignment_mode="expand")
    if token is None:
        return None
    tok = token[-1]
    if match.group("join") and tok.dep_ == "conj" and tok.head.i >= token[0].i:
        tok = tok.head  # "1,500 and 3,000 people": the first bound counts the noun
    currency = match.group("currency")
    percent = match.group("percent")
    if tok.ent_type_ in SKIP_ENTS and not (currency or percent):
        return None
    if tok.ent_type_ in _NAME_ENTS:  # "Vesti 24", "Apollo 11"
        return None
    if ends_a_name(doc, token[0], match):
        return None  # "Bay News 9 reporter", "Channel 4 footage": the name's number
    if rank_or_name_word(doc, token[0], match):
        return None  # "the top 10 list", "the Big Ten school": a rank or a name's word
    if match.group("number").lower() == "one" and tok.dep_ in ("nsubj", "dobj", "pobj"):
        return None  # "One of the warships": a pronoun, not a count
    if _refers_back(doc, tok, match):
        return None
    value = parse_number(match.group("number"), match.group("scale"))
    if value is None:
        return None
    value_max = parse_number(high, match.group("scale")) if high else None
    if value_max is not None and value_max < value and match.group("join"):
        # "between 3,000 and 1,500 years ago" is the range "between 1,500 and 3,000"
        value, value_max = value_max, value
    if value_max is not None and value_max <= value:
        return None  # "2-1", "9-11": a score or a code, not a range
    # a bare four-digit number between 1800 and 2100 is a year
    if not (currency or percent or match.group("scale")) and re.fullmatch(
        r"1[89]\d\d|20\d\d", match.group("number")
    ):
        return None
    unit = None
    if currency:
        unit = CURRENCIES.get(currency.lower(), currency)
    elif percent:
        unit = "%"
    start = match.start("modifier") if match.group("modifier") else match.start()
    while text[start].isspace():
        start += 1
    end = match.end()
    while text[end - 1].isspace():
        end -= 1
    modifier = (
        " ".join(match.group("modifier").split()).lower() if match.group("modifier") else None
    )
    counted, c_start, c_end, noun = _counted(doc, tok, end)
    if noun is not None and noun.lower_.rstrip(".") in _ADDRESS_NOUNS:
        return None  # "64 Perry Street", "the 3700 block of Southmore Boulevard"
    if unit is None and noun is not None and is_money_word(noun, match.group("scale")):
        unit = CURRENCY_WORDS[noun.lower_]
        counted = c_start = c_end = None
    if unit is None and noun is not None and names_a_title(doc, tok, noun, value):
        return None  # "50 Cent", "8 Mile", "10 Essential Tracks": a name, not a count
    if (
        unit is None
        and noun is not None
        and re.fullmatch(r"\d+\.0", match.group("number"))
        and not match.group("scale")
        and noun.tag_ == "NN"
    ):
        # "its 2.0 line", "the 2.0 machine": a version, not a count. A measure keeps its
        # own decimal ("a 7.1 magnitude earthquake", "a 3.5 mile stretch"): only a whole
        # number written with ".0" names a version
        return None
    if (
        unit is None
        and noun is not None
        and value > 1
        and not match.group("scale")
        and noun.tag_ == "NN"
        and tok.head.i == noun.i
        # a plural the tagger missed ("68 greater one-horned rhinos"), a unit's short
        # form ("4 h", "80 mph") and a noun counted in the singular stay counts
        and not noun.lower_.endswith("s")
        and len(noun.text) > 3
        and noun.lemma_.lower() not in _COLLECTIVES | _SINGULAR_COUNTS
        and not (token[0].i > 0 and doc[token[0].i - 1].pos_ == "DET")
        # a whole number right before its noun, or before adjectives only: "(2.01 meter)"
        # is a measure, "18,365 flying hours experience" counts the hours between
        and "." not in match.group("number")
        and all(t.pos_ == "ADJ" for t in doc[tok.i + 1 : noun.i])
        # "two previous launch attempts" counts the attempts
        and not (noun.dep_ == "compound" and noun.head.tag_ == "NNS")
    ):
        # a count above one takes a plural noun: before a singular one the number is a
        # label ("stage 4 cancer", "KPIX 5 reporter", "2) Qua economics"), not how many
        # there are; a measure has its article ("a 7.1 magnitude quake", "a 3.5 mile stretch")
        return None
    if unit is not None and noun is not None and names_a_title(doc, tok, noun, value):
        # "the $50,000 Scientific American Science in Action Award": the sum is the fact,
        # the words after it are the prize's name, not what the sum counts
        counted = c_start = c_end = None
    if (match.group("scale") or "").lower() == "m" and not currency:
        # only money ("$5.5m", "£5m") or a count ("2.5m barrels") reads "m" as million;
        # "5,500m downwind", "a 5m-long vehicle", "7m adjacent" are metres
        following = _next_noun(doc, end)
        if following is not None and counted is None:
            counted, c_start, c_end = following.text, following.idx, following.idx + len(following)
        elif following is None:
            value = parse_number(match.group("number")) or value
            value_max = parse_number(high) if high else None
            unit, counted, c_start, c_end = "m", None, None, None
    if (
        unit is None
        and noun is not None
        and value <= 10
        and noun.lemma_.lower() in _DISCOURSE_NOUNS
        and not match.group("modifier")
    ):
        return None
    if counted is None and unit is None:
        # a fact is a number with what it counts ("56 people", "$550m", "12%"): a bare
        # number ("1." of a list, "called 911", "Furious 7", "German, 14") says nothing
        return None
    verb = _verb(noun if noun is not None else tok)
    plain = unit is None and not (modifier or high or match.group("scale"))
    if value == 1 and plain and verb not in _TOLL_VERBS:
        return None  # "one camera", "one senator": a thing named, not a figure
    s_start, s_end = _sentence(doc, tok, sentences)
    line_start = max(text.rfind("\n", 0, num_start) + 1, s_start)
    line_end = text.find("\n", num_end)
    line_end = s_end if line_end < 0 else min(line_end, s_end)
    if not _has_verb(doc, line_start, line_end):
        # a figure in a line with no verb (a list item "50 Cent", a table cell, a
        # caption's "3 photos") reports nothing happening; the parser may run such a
        # line into the next paragraph's sentence, so the line is what is read
        return None
    return Fact(
        text[start:end],
        start,
        end,
        value,
        unit,
        counted,
        c_start,
        c_end,
        modifier,
        verb,
        s_start,
        s_end,
        value_max,
    )


# "the two leaders", "both sides", "one activist in Homs": a small number word after a
# determiner names people already in the story, it does not report a count
_SMALL_NUMBER_WORDS = frozenset(
    ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
)
_BACK_REFERENCES = frozenset(
    ["the", "these", "those", "both", "its", "their", "his", "her", "our", "my", "your"]
)


def _names_sources(tok: Any, value: float | None) -> bool:
    """Is a small count the attribution of what is reported ("two sources said",
    "according to three officials")? It says who told, not what happened."""
    if value is None or value > 10 or tok.dep_ != "nummod":
        return False
    noun = tok.head
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() in speech_verbs():
        return True
    to = noun.head
    return noun.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "according"


def _refers_back(doc: Any, tok: Any, match: re.Match) -> bool:
    if match.group("modifier") or match.group("currency") or match.group("percent"):
        return False
    if match.group("scale") or match.group("high"):
        return False
    if _names_sources(tok, parse_number(match.group("number"))):
        return True
    number = match.group("number").lower()
    if number not in _SMALL_NUMBER_WORDS:
        return False
    previous = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if number == "one":
        # "said one activist": an indefinite speaker; "the one certain thing", "in one
        # area", "at one point": a determiner or a circumstance, not a count of one
        # "they may one day have to", "one time": a circumstance of the clause
        # (npadvmod), not one thing counted
        noun = tok.head
        speaker = noun.dep_ == "nsubj" and noun.head.lemma_.lower() in speech_verbs()
        return speaker or previous in _BACK_REFERENCES or noun.dep_ in ("pobj", "npadvmod")
    return previous in _BACK_REFERENCES


def _counted(doc: Any, tok: Any, number_end: int) -> tuple[str | None, int | None, int | None, Any]:
    """The noun phrase a number counts: from after the number to its head noun."""
    head = None
    if tok.dep_ in ("nummod", "compound", "amod", "quantmod", "advmod", "npadvmod"):
        head = tok.head
        # "150-strong contingent": the number modifies "strong", which modifies the noun
        while head.pos_ in ("ADJ", "NUM", "ADV") and head.head.i != head.i and head.i > tok.i:
            head = head.head
        # "2.5 million barrels": number -> "million" -> noun
        # "seven time zones": the noun the number sits on may only modify the next one; what
        # is counted is the compound's head ("time zones", not "time") when that head is
        # plural, as a count's noun is; "a 3.5 mile stretch" is one stretch of 3.5 miles
        while (
            head.dep_ == "compound"
            and head.head.i == head.i + 1
            and head.head.pos_ == "NOUN"
            and head.head.tag_ == "NNS"
        ):
            head = head.head
    if head is None or head.pos_ not in ("NOUN", "PROPN") or head.i < tok.i:
        return None, None, None, None
    start_tok = tok.i + 1
    while start_tok < head.i and (
        doc[start_tok].idx < number_end
        or doc[start_tok].is_punct
        or doc[start_tok].lower_ == "strong"
    ):
        start_tok += 1
    end_tok = head.i
    # "one co-founder": the parser may head the phrase on the first part of a hyphenated
    # word; the counted noun is the whole word
    while (
        end_tok + 2 < len(doc)
        and doc[end_tok + 1].text in ("-", "\u2010")
        and not doc[end_tok].whitespace_
        and not doc[end_tok + 1].whitespace_
        and doc[end_tok + 2].is_alpha
    ):
        end_tok += 2
    # "contingent of marines", "dozens of people": keep the of-phrase
    if head.lower_ in _COLLECTIVES or head.lemma_.lower() in _COLLECTIVES:
        for child in head.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    end_tok = objects[0].i
    start = doc[start_tok].idx
    # a dash or quote glued to the noun ("1.9 million people-- ultimately") is no part of it
    end = doc[end_tok].idx + len(doc[end_tok].text.rstrip("-\u2013\u2014'\"\u2019\u201d"))
    if start >= end or start < number_end:  # "$550m": the "m" is the scale, not a noun
        return None, None, None, None
    counted = doc_text(doc)[start:end]
    # words that are no noun phrase: a table row ("182 91 BP096 php"), the next paragraph
    # ("6 of 6\n\nThe Musashi"), a lone capital ("1K M deep"; "4 h" is hours)
    if "\n" in counted or not counted[0].isalpha() or counted.isupper() and len(counted) < 2:
        return None, None, None, None
    # the number is not alone before its noun ("one or two volunteers", "between 3,000 and
    # 1,500 years", "five, six, seven titles"), or the words are a link ("1 http://...swf")
    coordinated = doc[start_tok].pos_ == "CCONJ" and start_tok + 1 < len(doc)
    if (
        coordinated
        and doc[start_tok + 1].like_num
        or re.search(r"://|\bwww\.|[\w.-]+\.(?:com|swf)\b", counted)
    ):
        return None, None, None, None
    if re.fullmatch(r"\s*,\s*", doc_text(doc)[number_end:start]) and doc[start_tok].like_num:
        return None, None, None, None
    if re.search(r"[.!?;:]", doc_text(doc)[number_end:start]):  # "$550m. Experts ...": new sentence
        return None, None, None, None
    if _not_counted(doc, start_tok, end_tok):
        return None, None, None, None
    return doc_text(doc)[start:end], start, end, head


def _not_counted(doc: Any, start_tok: int, end_tok: int) -> bool:
    """Words a number cannot be counting: they open with an article ("42 A recent review":
    a footnote mark before a sentence; no count is followed by "a" or "the"), or they hold
    a figure of their own ("a community of around 17,000 about 30 miles south": the
    miles are the other figure's; a number inside a hyphenated word, "two 13-year-old
    girls", is part of that word)."""
    if doc[start_tok].lower_ in ("a", "an", "the"):
        return True
    for i in range(start_tok, end_tok):
        tok = doc[i]
        glued = not tok.whitespace_ and i + 1 < len(doc) and doc[i + 1].text in ("-", "\u2010")
        if tok.like_num and tok.is_digit and not glued:
            return True
    return False


def _next_noun(doc: Any, end: int) -> Any:
    """The common noun right after a number ending at ``end`` ("2.5m barrels"), or None
    ("5m-long", "5,500m downwind", "at 7m.")."""
    text = doc_text(doc)
    if not text[end : end + 1].isspace():
        return None
    at = doc.char_span(end, len(text), alignment_mode="expand")
    if at is None or not len(at):
        return None
    first = next((t for t in at if t.idx >= end and not t.is_space), None)
    if first is None or first.pos_ != "NOUN" or not first.text.isalpha():
        return None
    return first


def _has_verb(doc: Any, start: int, end: int) -> bool:
    # kept per line: a long table "sentence" holds thousands of numbers
    seen = doc.user_data.setdefault("storyline_verb_lines", {})
    if (start, end) not in seen:
        span = doc.char_span(start, end, alignment_mode="expand")
        seen[start, end] = span is None or any(t.pos_ in ("VERB", "AUX") for t in span)
    return bool(seen[start, end])


def _verb(tok: Any) -> str | None:
    node = tok
    for _ in range(3):
        if (
            node.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "conj")
            and node.head.i != node.i
        ):
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                return node.lemma_.lower()
        else:
            break
    return None


def _sentence(doc: Any, tok: Any, sentences: SentenceIndex | None) -> tuple[int, int]:
    if sentences:
        found = sentences.containing(tok.idx)
        if found is not None:
            return found.start, found.end
    sent = tok.sent
    return sent.start_char, sent.end_char
