"""Quotes set off by the lines of a text rather than by quote marks: a transcript's or a
headline's "Name: words" line, and the paragraph a "he added:" closing the one before
introduces."""

from __future__ import annotations

import re
from typing import Any

from storyline.nlp.quote_draft import Draft, overlap
from storyline.nlp.quote_syntax import subject_of
from storyline.nlp.quote_text import PARAGRAPH, trim_span, word_count
from storyline.nlp.speaker_phrase import noun_phrase

_HEADLINE_SPEAKER = re.compile(r"^\s*([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \t]+\S")
# words that open a news line with a colon and name no speaker ("The Latest: Trump urges",
# "Breaking: ...", "Contributing: ..."; PolNeAR train)
_LINE_LABELS = frozenset(
    {
        "the latest", "latest", "breaking", "contributing", "report", "revealed", "poll",
        "wow", "update", "updated", "watch", "video", "exclusive", "related", "read more",
        "editor's note", "note", "photos", "analysis", "opinion", "correction",
        # a page's form fields, links and credits ("Message: A friend wanted you to see
        # this item", "Email: ...", "More: <headline>", "With: <cast>", "MPAA rating: R")
        "message", "email", "e-mail", "more", "see also", "original", "source", "sources",
        "photo", "photo credit", "credit", "tags", "topics", "share", "follow", "twitter",
        "facebook", "phone", "contact", "with", "starring", "cast", "mpaa rating", "rated",
        "running time", "rating", "directed by", "advertisement",
        # an interview's question and answer marks: the answer's words are the person
        # interviewed's, whom "A" does not name; what its sentences attribute stays
        "q", "a",
    }
)  # fmt: skip
# a label's last word that makes the whole a section's or a feature's name, not a
# speaker's: "NBC Nightly News Exclusive: Lester Holt anchors ...", "Campaign Update: ...",
# "Reuters Poll: ..." (a speaker is a name or a role: "Ted Cruz:", "White House:")
_LABEL_ENDS = frozenset(
    {"exclusive", "update", "updated", "video", "videos", "photos", "analysis", "opinion",
     "correction", "breaking", "latest", "poll", "report", "live"}
)  # fmt: skip
# a word of speech holds a letter: "Number of unique URLs: 2,273,840,159" is a field's value
_LETTER_WORD = re.compile(r"\b\w*[^\W\d_]\w*")
# a contact line ("Email: jdoe@paper.com; Twitter: @jdoe") or a link is no one's words
_CONTACT = re.compile(r"\S@\S|https?://|www\.")
# a headline's teaser tells the reader what to do ("Mobb Deep Songs Remixed: Listen to 7 of
# the Best", "... : Watch the video", "... : Read the full text"): no one's words. A
# transcript's capitals label a speaker, never a headline ("BIDEN: Here's the deal.")
_TEASER = re.compile(
    r"(?:Listen|Watch|See|Read|Click|Check out|Meet|Take a look|Here's|Here are)\b(?!,)"
)
_TRANSCRIPT = re.compile(
    r"^\s*[\"“]?([A-Z][A-Za-z.'’ -]{1,40}?[A-Z]{2,}[A-Za-z.'’ -]{0,20}|[A-Z]{2,}):\s+\S"
)


def transcript_drafts(doc: Any, text: str, min_words: int) -> list[Draft]:
    """ "PENCE: Well, look, ...", "Sanders: ...": a line a name and a colon open. A short
    line is a label's, not speech ("Rubio: Finish second.", "Clinton: 1,769.", "LOOK: ...")."""
    drafts = []
    for para in PARAGRAPH.finditer(text):
        m = _TRANSCRIPT.match(para.group())
        if not m:
            m = _HEADLINE_SPEAKER.match(para.group())
            if m and not _names_someone(doc, para.start() + m.start(1), para.start() + m.end(1)):
                continue
        if not m or m.group(1).strip().lower() in _LINE_LABELS:
            continue
        if m.group(1).split()[-1].lower() in _LABEL_ENDS:
            continue
        name_start, name_end = para.start() + m.start(1), para.start() + m.end(1)
        colon = para.start() + m.end(1)
        while text[colon] != ":":
            colon += 1
        start, end = trim_span(text, colon + 1, para.end())
        if word_count(text[start:end]) < min_words or _CONTACT.search(text, start, end):
            continue
        if len(_LETTER_WORD.findall(text, start, end)) < min_words:
            continue
        if not m.group(1).isupper() and _TEASER.match(text, start, end):
            continue
        if _names_itself(m.group(1), text[start:end]):
            continue
        drafts.append(
            Draft(
                start,
                end,
                "direct",
                speaker=trim_span(text, name_start, name_end),
                cue=(colon, colon + 1),
                fragments=[(start, end)],
            )  # fmt: skip
        )
    return drafts


def _names_itself(label: str, words: str) -> bool:
    """Does the line's text go on to speak of its label ("Charges: 2 Minnesota ISIS
    recruits ... face new charges", "INVESTIGATORS: ... The Fox 9 Investigators have
    learned")? Then the label is a topic or a section's title: no one names themselves as
    a third party in their own words."""
    head = label.split()[-1].strip(".'’")
    if len(head) < 3:
        return False
    return re.search(rf"\b{re.escape(head)}\b", words, re.IGNORECASE) is not None


# a name holds no verb, determiner or pronoun: "Drop This Fact:", "Trending News:", "Ask
# The Big Question:" and "Disrupt Your Feed:" head a listicle's paragraphs, "Ted Cruz:"
# and "White House:" a speaker's words
_NOT_IN_NAMES = frozenset({"VERB", "AUX", "DET", "PRON"})


def _names_someone(doc: Any, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in _NOT_IN_NAMES for t in span)


def colon_paragraph_drafts(text: str, verbs: list[Any], taken: list[Draft]) -> list[Draft]:
    """ "The governor added:" closing a paragraph introduces the next paragraph as a quote."""
    drafts = []
    for verb in verbs:
        after = verb.idx + len(verb.text)
        m = re.compile(r"[ \t]*:[ \t\xa0]*\n+").match(text, after)
        if not m:
            continue
        line_end = text.find("\n", m.end())
        start, end = trim_span(text, m.end(), len(text) if line_end < 0 else line_end)
        if end <= start or any(overlap((start, end), (d.start, d.end)) for d in taken):
            continue
        subject = subject_of(verb)
        speaker = noun_phrase(subject, text) if subject is not None else None
        drafts.append(Draft(start, end, "direct", speaker=speaker, cue=(verb.idx, after),
                             fragments=[(start, end)]))  # fmt: skip
    return drafts
