"""Positions stated by an adjective predicated of someone ("Sanders is critical of the
deal", "she was confident that she would win", "Trump made clear that"), which PolNeAR
marks as attributions like any stance verb's."""

from __future__ import annotations

from typing import Any

from storyline.nlp.quote_draft import Draft
from storyline.nlp.quote_syntax import subject_of, token_span
from storyline.nlp.quote_text import trim_span, word_count
from storyline.nlp.speaker_phrase import noun_phrase

# adjectives that state a position when predicated of someone ("Sanders is critical of",
# "she was confident that", "Republicans are eager to"; PolNeAR train marks them)
_STANCE_ADJECTIVES = frozenset(
    {
        "critical", "skeptical", "sceptical", "supportive", "opposed", "confident", "sure",
        "certain", "concerned", "worried", "aware", "convinced", "optimistic", "pessimistic",
        "hopeful", "adamant", "eager", "willing", "reluctant", "determined", "committed",
        "wary", "doubtful", "unsure", "proud", "angry", "furious", "upset", "disappointed",
        "pleased", "happy", "glad", "frustrated", "afraid", "insistent", "outspoken", "vocal",
        "careful", "open", "mindful", "fearful", "suspicious", "dismissive", "enthusiastic",
    }
)  # fmt: skip
_ADJECTIVE_PREPS = frozenset({"of", "about", "to", "with", "on", "over", "against", "toward"})


def adjective_drafts(doc: Any, text: str) -> list[Draft]:
    """ "Sanders is critical of the deal", "she was confident that she would win", "he is
    against the wall", "Trump made clear that": a stance adjective (or "against")
    predicated of a subject; what follows it is the position, the subject holds it."""
    drafts = []
    for token in doc:
        if token.dep_ == "acomp" and token.lemma_.lower() in _STANCE_ADJECTIVES:
            parts = [
                c
                for c in token.children
                if c.dep_ in ("ccomp", "xcomp")
                or (c.dep_ == "prep" and c.lower_ in _ADJECTIVE_PREPS)
            ]
            cue_end = token
        elif token.lower_ == "clear" and token.head.lemma_ == "make":
            # "Trump made (it) clear that ...": the clause hangs on "clear" or on "made"
            # (not "clear" itself, which the parser may hang on "made" as its ccomp)
            parts = [
                c
                for c in (*token.children, *token.head.children)
                if c.dep_ == "ccomp" and c.i != token.i
            ]
            cue_end = token
        elif token.dep_ == "prep" and token.lower_ == "against" and token.head.lemma_ == "be":
            parts = [c for c in token.children if c.dep_ in ("pobj", "pcomp")]
            cue_end = token
        else:
            continue
        if not parts:
            continue
        copula = token.head
        subject = subject_of(copula)
        if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if subject.lower_ in ("it", "there", "this", "that", "which"):
            continue
        part = parts[0]
        tokens = list(part.subtree)
        if part.dep_ == "prep":
            tokens = [t for t in tokens if t.i != part.i]
        if not tokens:
            continue
        start, end = trim_span(text, *token_span(tokens))
        while end > start and text[end - 1] in ".!?":
            end -= 1
        if end <= start or word_count(text[start:end]) < 1:
            continue
        speaker = noun_phrase(subject, text)
        cue = (copula.idx if copula.i < cue_end.i else cue_end.idx, cue_end.idx + len(cue_end.text))
        drafts.append(
            Draft(start, end, "indirect", speaker=speaker, cue=cue, fragments=[(start, end)])
        )
    return drafts
