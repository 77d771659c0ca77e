"""Direct quotes, reported speech and source attributions, with speaker and cue spans.

Two passes over one spaCy parse of the text:

1. **Direct quotes** come from quote marks, paired per paragraph by a small state machine
   that knows curly (“ ” « »), straight (") and typewriter (`` '') marks. A paragraph that
   opens a quote without closing it continues into the next paragraph when that one opens
   with a quote mark (the newspaper convention); otherwise the quote ends with its
   paragraph (unbalanced marks never crash or swallow the article). Short quoted phrases
   (scare quotes, titles) are not quotes of their own, nor is a short quotation no cue
   or speaker goes with (a slogan, a headline in marks). Each direct quote gets the speech
   verb found next to it (", he said" after it, "He said:" before it) and the verb's
   subject as the speaker; a quote followed by a cue clause and another quote with no cue
   of its own ("“X,” he said. “Y.”"), or by a cue-less quoted paragraph, becomes one quote
   with two fragments. Verbs outside the lexicon that frame a quote, a colon closing the
   sentence before it and short spoken lines are in ``quote_cues``.
2. **Indirect speech**: a speech verb from the lexicon (Gender Gap Tracker verb list, MIT,
   see ``data/quote_verbs_en.LICENSE.txt``, plus verbs of our own; ``quote_syntax``) with
   a clausal complement gives the reported content (the ``ccomp`` subtree) and its surface
   subject gives the speaker ("Lavrov said Russia had no plans to send troops"); stance
   verbs ("criticized the plan", "called on X to act") take the rest of their verb phrase
   as content, as PolNeAR annotates attributions. "according to X" and
   "X told Y that..." are attributions too; transcript lines ("PENCE: ...") and a
   paragraph introduced by "he added:" are direct quotes. Quoted phrases woven into the
   writer's own sentence (mixed quotes) stay inside the reported clause.

Everything carries [start, end) offsets that slice the input text exactly.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from storyline.config import QuoteOptions
from storyline.layer import fragment_words
from storyline.nlp.quote_clauses import across_paragraph, discourse_said
from storyline.nlp.quote_cues import (
    bare_cue,
    closing_clause,
    closing_verb,
    colon_intro,
    cue_between_quotes,
    cued_short_quote,
    framing_verb,
    inverted_subject,
    name_after_quote,
    named_colon,
    outer_report,
    source_label,
    spoken_line,
    words_before_cue,
)
from storyline.nlp.quote_draft import Draft, overlap
from storyline.nlp.quote_joins import join_continuations
from storyline.nlp.quote_lines import colon_paragraph_drafts, transcript_drafts
from storyline.nlp.quote_reported import indirect_drafts, sentence_subject
from storyline.nlp.quote_shapes import relative_after
from storyline.nlp.quote_sources import polled_share, quoting_teller
from storyline.nlp.quote_speakerless import (
    cue_from_clause_before,
    speaker_before_cue,
    speaker_of_quote_before,
)
from storyline.nlp.quote_syntax import (
    is_speech_verb,
    speech_verbs,
    subject_of,
)
from storyline.nlp.quote_text import (
    around_attribution,
    find_quote_marks_spans,
    has_sentence_end,
    sentence_ends,
    trim_span,
    word_count,
)
from storyline.nlp.spacy_model import doc_text, load_pipeline, parse_input
from storyline.nlp.speaker_phrase import noun_phrase

log = logging.getLogger(__name__)

__all__ = [
    "Quote",
    "QuoteOptions",
    "extract_quotes",
    "extract_quotes_batch",
    "extract_quotes_checked",
    "speech_verbs",
]


@dataclass(frozen=True)
class Quote:
    """One attribution; ``start``/``end`` cover all ``fragments`` (a split quote's span
    includes the cue clause between its fragments, so ``text`` slices the source exactly)."""

    text: str
    start: int
    end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    kind: str  # "direct" | "indirect"
    fragments: tuple[tuple[int, int], ...] = ()
    # the words the article used for the speaker when ``speaker`` was resolved to a name
    # elsewhere in it ("he" -> "Jakob Kellenberger"; nlp.speakers), with their offsets
    speaker_words: str | None = None
    words_start: int | None = None
    words_end: int | None = None
    # who the writer has a report from when that is not its speaker ("Mr Putin warned
    # ..., according to officials at the summit": Putin speaks, the officials are the
    # source), with its offsets
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    # person | group | record | other: what the speaker is (``nlp.speaker_kind``)
    speaker_kind: str | None = None
    # what someone knows, sees, decides or wants, not words (``nlp.quote_acts``)
    unspoken: bool = False

    def words(self) -> str:
        """What was said, as a reader is shown it: a quote split by its attribution
        ('“X,” the activist said. “Y.”', "One of the warships, said Mr Trukhachev,
        carries ...") is its fragments joined by " … ", each sliced from ``text``."""
        return fragment_words(self.text, self.start, self.fragments)

    def to_brief(self, article: str, speaker_entity: str | None = None) -> dict[str, Any]:
        """The brief.json shape (the entity linker fills ``speaker_entity``)."""
        return {
            "text": self.text,
            "fragments": [tuple(f) for f in self.fragments] if len(self.fragments) > 1 else None,
            "article": article,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_entity": speaker_entity,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "speaker_words": self.speaker_words,
            "speaker_words_start": self.words_start,
            "speaker_words_end": self.words_end,
            "cue": self.cue,
            "kind": self.kind,
            "source": self.source,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "speaker_kind": self.speaker_kind,
            "unspoken": self.unspoken,
        }

    def to_dict(self) -> dict[str, Any]:
        speaker_span = (
            None if self.speaker_start is None else [self.speaker_start, self.speaker_end]
        )
        cue_span = None if self.cue_start is None else [self.cue_start, self.cue_end]
        return {
            "quote_span": [self.start, self.end],
            "text": self.text,
            "speaker": self.speaker,
            "speaker_span": speaker_span,
            "cue": self.cue,
            "cue_span": cue_span,
            "kind": self.kind,
            "fragments": [list(f) for f in self.fragments],
            "source": self.source,
            "source_span": None
            if self.source_start is None
            else [self.source_start, self.source_end],
        }


def _cue_for_direct(
    start: int, end: int, verbs: list[Any], text: str, quotes: list[tuple[int, int]], gap: int
) -> tuple[Any, bool] | None:
    """The nearest speech verb beside a direct quote within its sentence: (verb, after?)."""
    best: tuple[int, int, Any, bool] | None = None
    for verb in verbs:
        v_start, v_end = verb.idx, verb.idx + len(verb.text)
        if v_start >= end:
            between = text[end:v_start]
            after = True
        elif v_end <= start:
            between = text[v_end:start]
            after = False
        else:
            continue
        if len(between) > gap or "\n" in between or has_sentence_end(between):
            continue
        if any(c in between for c in '"“”«»'):
            continue
        if any(qs < v_start < qe for qs, qe in quotes):
            continue
        if after and relative_after(verb, end):
            continue
        rank = (len(between), 0 if after else 1)
        if best is None or rank < best[:2]:
            best = (rank[0], rank[1], verb, after)
    return (best[2], best[3]) if best else None


_DASH_SPEAKER = re.compile(
    r"[ \t\xa0]*([―—–]|--)[ \t\xa0]*([A-Z][^\n“”\"]{1,60}?)[ \t\xa0]*(?=\n|$)"
)


# "“...”⏎⏎- Hillary Clinton.": a quote paragraph signed on a line of its own, with who
# or where after a comma ("-Michelle Marks, Philadelphia.", "-President Obama, tweeting
# after Clinton's speech.")
_DASH_LINE_SPEAKER = re.compile(
    r"[ \t\xa0]*\n{1,2}[ \t\xa0]*([―—–-]|--)[ \t\xa0]*([A-Z][\w.'’ -]{1,40}?)"
    r"(?:,[^\n“”\"]{1,60}?)?\.?[ \t\xa0]*(?=\n|$)"
)


_TITLE_SMALL = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "and", "or", "is", "by"}
)


def _is_embedded(text: str, start: int, end: int) -> bool:
    """A quoted phrase woven into the writer's sentence ('to speak “directly to white
    people”', 'called it a “massive fraudulent scheme”') or a quoted title is part of
    the surrounding text, not a quote of its own."""
    inner = text[start:end].strip("\"“”«»„'`‘’ ")
    if not inner:
        return True
    before = text[max(0, start - 3) : start].rstrip(" \xa0")
    woven = inner[0].islower() and before[-1:].isalnum()
    words = inner.rstrip(",.").split()
    # a title may hold small words in lower case ("Orange is the New Black", "The Lead
    # with Jake Tapper"), never at its ends
    title = (
        len(words) <= 7
        and all(w[0].isupper() or not w[0].isalpha() or w in _TITLE_SMALL for w in words)
        and words[0][0].isupper()
        and words[-1][0].isupper()
    )
    return woven or (title and not inner.rstrip().endswith((".", "!", "?")))


def _opens_paragraph(text: str, start: int) -> bool:
    return not text[text.rfind("\n", 0, start) + 1 : start].strip()


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """A quote whose last word is followed by a period inside the marks ends its sentence."""
    inner = text[start:end].rstrip("\"”»'` ")
    return inner.endswith(".") and not inner.endswith("...")


def _direct_drafts(doc: Any, text: str, verbs: list[Any], options: QuoteOptions) -> list[Draft]:
    marked = find_quote_marks_spans(text)
    cues = {v.i for v in verbs}
    quotes = [
        (s, e)
        for s, e, _closed in marked
        if spoken_line(text, s, e)
        or (word_count(text[s:e]) >= options.min_direct_words and not _is_embedded(text, s, e))
        or (
            word_count(text[s:e]) < options.min_direct_words
            and not _is_embedded(text, s, e)  # a show's title: "on ABC's “This Week,” he said"
            and cued_short_quote(doc, text, s, e, cues)
        )
    ]
    drafts: list[Draft] = []
    for start, end in quotes:
        found = _cue_for_direct(start, end, verbs, text, quotes, options.max_cue_gap)
        if found and found[1] and _ends_sentence(text, start, end):
            # "... end.” He said" : the verb opens the next sentence; look before instead
            before = [v for v in verbs if v.idx + len(v.text) <= start]
            closing = found
            found = _cue_for_direct(start, end, before, text, quotes, options.max_cue_gap)
            if found is None and bare_cue(closing[0]):
                found = closing  # '"... that are missing." Trump said.': no other cue
        # 'Rep. Ann Lee (R-Ohio): "..."': the name before the colon, not a verb further back
        named = source_label(text, start) or (None if found else named_colon(doc, text, start))
        if found is None and named is None:
            found = framing_verb(doc, start) or colon_intro(doc, start)
        if found is None and named is None:
            found = closing_verb(doc, text, start, end)
        if found is None and named is None:
            found = cue_between_quotes(doc, text, start, quotes)
        if found is None and named is None:
            named = closing_clause(doc, text, start, end)
        draft = Draft(start, end, "direct", fragments=[(start, end)])
        byline = _DASH_SPEAKER.match(text, end)
        if byline is None and _opens_paragraph(text, start):
            byline = _DASH_LINE_SPEAKER.match(text, end)
        if byline and not found and not named:
            # "“...”― Pamela Padilla": a signed quote, the dash is the cue
            draft.cue = (byline.start(1), byline.end(1))
            draft.speaker = trim_span(text, byline.start(2), byline.end(2))
        elif named is not None:
            draft.cue, draft.speaker = named
        elif found:
            verb, after = found
            if not after and text[:start].rstrip().endswith(":") and verb.tag_ in ("VBN", "VBG"):
                # a participle inside a report the colon closes is no cue of its own
                verb = outer_report(verb)
            draft.cue = (verb.idx, verb.idx + len(verb.text))
            draft.cue_after = after
            subject = across_paragraph(verb, subject_of(verb))
            if after and (subject is None or start <= subject.idx < end):
                subject = inverted_subject(verb)
            if subject is not None and not (start <= subject.idx < end):
                draft.speaker = noun_phrase(subject, text)
            elif after:
                draft.speaker = name_after_quote(doc, end, verb)
            if draft.speaker is None:
                # "Band member Flea shared the news, writing “...”" parsed with "writing"
                # as the quote's subject: the subject opening the sentence says it
                subject = sentence_subject(verb)
                if subject is not None and not (start <= subject.idx < end):
                    draft.speaker = noun_phrase(subject, text)
            if draft.speaker is None and after:
                draft.speaker = words_before_cue(text, end, verb.idx)
            if draft.speaker is None and after:
                # '"...," tweeted another.': the inverted subject the parser made an object
                clause = closing_clause(doc, text, start, end)
                if clause is not None and clause[0] == draft.cue:
                    draft.speaker = clause[1]
            if draft.speaker is None and not after:
                # '"The risk," said Edward Leamer, an economist, "is that ..."': a cue
                # before the quote with its subject after it, between verb and quote
                # (the parser hangs the name on the quote's verb)
                subject = inverted_subject(verb)
                if subject is not None and verb.idx < subject.idx < start:
                    draft.speaker = noun_phrase(subject, text)
        drafts.append(draft)
    return _merge_split_quotes(drafts, text, [v.idx for v in verbs])


def _merge_split_quotes(drafts: list[Draft], text: str, cues: list[int]) -> list[Draft]:
    """“X,” he said. “Y.” -> one quote with two fragments; a cue-less quote opening the
    paragraph after an attributed one joins it as a fragment; one right after a quote in
    the same paragraph inherits that quote's speaker."""
    out: list[Draft] = []
    for draft in drafts:
        prev = out[-1] if out else None
        if prev is not None and (draft.cue is None or draft.cue == prev.cue):
            # (a quote's second half may find the first half's cue before it: '“Let's
            # take this opportunity,” Blackwell concluded, “to nominate...”')
            between = text[prev.end : draft.start]
            same_paragraph = "\n" not in between
            if (
                same_paragraph
                and prev.cue is not None
                and prev.cue_after
                and prev.cue[0] >= prev.end
                and len(between) <= 400
                and (
                    sentence_ends(between) <= 1
                    # a cue-less quote a few sentences on in the paragraph, no one else
                    # reported between: the same speaker goes on ('“X,” Woolson said.
                    # They also lie far from any market. “Y.”'; PolNeAR: one attribution)
                    or (
                        draft.cue is None
                        and sentence_ends(between) <= 3
                        and not any(prev.cue[1] <= c < draft.start for c in cues)
                    )
                )
                and not any(c in between for c in '"“”«»')
            ):
                prev.fragments.append((draft.start, draft.end))
                prev.end = draft.end
                continue
            line_start = text.rfind("\n", 0, draft.start) + 1
            opens_paragraph = not text[line_start : draft.start].strip()
            signed = prev.cue is not None and text[prev.cue[0]] in "―—–-"
            if (
                prev.speaker
                and not signed
                and (
                    (same_paragraph and not between.strip())
                    or (opens_paragraph and 1 <= between.count("\n") <= 2 and len(between) <= 160)
                )
            ):
                # a cue-less quote right after an attributed one continues that speaker:
                # in the next paragraph (blank line or not) it is the same attribution,
                # as PolNeAR marks it ('“X,” Viguerie tells Breitbart News.⏎⏎“Y.”')
                if not same_paragraph:
                    prev.fragments.append((draft.start, draft.end))
                    prev.end = draft.end
                    continue
                draft.speaker = prev.speaker
        out.append(draft)
    return out


def _cue_side(text: str, speaker: tuple[int, int], cue: tuple[int, int] | None) -> tuple[int, int]:
    """A speaker phrase the parser ran across a line break ("May 16, 2017⏎⏎Other
    lawmakers", a dateline or heading joined to the subject): only the words on the
    cue's side of the break name who speaks."""
    start, end = speaker
    if cue is None or cue[0] >= end:  # the cue follows: the last line's words
        return trim_span(text, text.rfind("\n", start, end) + 1, end)
    return trim_span(text, start, text.find("\n", start, end))


def _finish(draft: Draft, text: str) -> Quote:
    speaker = draft.speaker
    if speaker and "\n" in text[speaker[0] : speaker[1]]:
        speaker = _cue_side(text, speaker, draft.cue)
    if speaker and not any(c.isalnum() for c in text[speaker[0] : speaker[1]]):
        # a misparse can make a bare hyphen the subject ("Counter-countersignal said"),
        # and the cue's line of a phrase cut at a break may hold no word: no words, no
        # speaker, rather than an empty name
        speaker = None
    cue = draft.cue
    source = draft.source
    fragments = draft.fragments
    if draft.kind == "indirect" and len(fragments) <= 1 and speaker and cue:
        # "a naval base, which experts estimate has about 50 staff": the reader is shown
        # the words either side of the attribution standing inside them
        fragments = around_attribution(text, (draft.start, draft.end), speaker, cue)
        fragments = fragments if len(fragments) > 1 else draft.fragments
    return Quote(
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        speaker=text[speaker[0] : speaker[1]] if speaker else None,
        speaker_start=speaker[0] if speaker else None,
        speaker_end=speaker[1] if speaker else None,
        cue=text[cue[0] : cue[1]] if cue else None,
        cue_start=cue[0] if cue else None,
        cue_end=cue[1] if cue else None,
        kind=draft.kind,
        fragments=tuple(fragments),
        source=text[source[0] : source[1]] if source else None,
        source_start=source[0] if source else None,
        source_end=source[1] if source else None,
    )


def quotes_from_doc(doc: Any, options: QuoteOptions | None = None) -> list[Quote]:
    """Quotes from a parsed spaCy ``Doc`` (its ``text`` is what offsets point into)."""
    options = options or QuoteOptions()
    text = doc_text(doc)
    verbs = [t for t in doc if is_speech_verb(t) and not discourse_said(t)]
    transcript = transcript_drafts(doc, text, options.min_direct_words)
    direct = [
        d
        for d in _direct_drafts(doc, text, verbs, options)
        if not any(overlap((d.start, d.end), (t.start, t.end)) for t in transcript)
    ] + transcript
    direct += colon_paragraph_drafts(text, verbs, direct)
    direct.sort(key=lambda d: (d.start, d.end))
    drafts: list[Draft] = []
    if options.indirect:
        indirect = indirect_drafts(doc, text, verbs, direct, options)
        drafts = [d for d in direct if not d.absorbed]
        # nested reports ("X said Y told Z that...") keep the outermost one, but a
        # report sourced by "according to X" ("Y warned Z that ..., according to X")
        # is Y's, with X as its source
        indirect = [d for d in indirect if not _sources_report(d, indirect, text)]
        indirect.sort(key=lambda d: (d.start, -(d.end - d.start)))
        for d in indirect:
            # (a split direct quote's cue clause is no part of its words: a report there
            # stands; a report's own aside, "X, according to Y, Z", is part of its span)
            if any(sum(overlap((d.start, d.end), f) for f in _words_of(o))
                   > 0.8 * (d.end - d.start) for o in drafts):  # fmt: skip
                continue
            drafts.append(d)
    else:
        drafts = list(direct)
    drafts.sort(key=lambda d: (d.start, d.end, d.kind))
    for d in drafts:
        if (
            d.kind == "indirect"
            and d.speaker is not None
            and not d.according  # "in the latest poll": the source, no circumstance
            and _circumstance(doc, d.speaker)
        ):
            d.speaker = None
    joined = join_continuations(drafts, text)
    for d in joined:
        cue_from_clause_before(doc, d, text, options.min_unattributed_words)
        speaker_before_cue(doc, d, text)
        quoting_teller(doc, d, text)
        polled_share(doc, d, text)
    speaker_of_quote_before(joined, text, options.min_unattributed_words)
    return [
        _finish(d, text)
        for d in joined
        if not _unattributed(d, text, options.min_unattributed_words)
    ]


def _circumstance(doc: Any, speaker: tuple[int, int]) -> bool:
    """A speaker phrase that is a preposition's object other than an agent or a source
    ("the GOP is in a mood to defend its president": "a mood") is a circumstance of the
    clause, no one who holds what it says."""
    span = doc.char_span(*speaker, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return (
        root.dep_ == "pobj"
        and root.pos_ == "NOUN"
        and root.head.lower_ in ("in", "on", "at", "into", "under", "during", "within")
    )


def _unattributed(draft: Draft, text: str, min_words: int) -> bool:
    """A short quotation nobody is said to say (no cue, no speaker, one stretch):
    '“Anybody but Trump,”', a slogan, a show's title, a headline in marks."""
    return (
        draft.kind == "direct"
        and draft.cue is None
        and draft.speaker is None
        and len(draft.fragments) <= 1
        and word_count(text[draft.start : draft.end]) < min_words
    )


def _words_of(draft: Draft) -> list[tuple[int, int]]:
    if draft.kind == "direct" and draft.fragments:
        return draft.fragments
    return [(draft.start, draft.end)]


def _sources_report(draft: Draft, drafts: list[Draft], text: str) -> bool:
    """ "Mr Putin warned Mr Cameron that X, according to officials at the summit": an
    "according to" whose clause is itself reported speech (a speech verb with its
    speaker and its reported clause, most of the "according to" clause) names that
    report's source: the quote is Putin's, shown once, with the officials as its
    ``source`` (set on the report; PolNeAR marks the officials as the attribution's
    source, which is what ``source`` holds)."""
    if not draft.according or draft.cue is None or draft.speaker is None:
        return False
    length = draft.end - draft.start
    for inner in drafts:
        if inner is draft or not inner.reported or inner.cue is None or inner.speaker is None:
            continue
        if not (draft.start <= inner.speaker[0] and inner.cue[1] <= inner.start <= draft.end):
            continue
        if inner.start <= draft.cue[0] < inner.end:
            continue  # "said that according to its analysis, ...": part of what was said
        if overlap((inner.start, inner.end), (draft.start, draft.end)) >= 0.5 * length:
            if not _closing_relative(text, inner, draft.cue[0]):
                inner.source = draft.speaker
            return True
    return False


def _closing_relative(text: str, report: Draft, according: int) -> bool:
    """ "Weaver says it's proof they can close the gap in delegates, which stood at 263,
    according to the AP": an "according to" right after a relative clause that closes
    the report sources that clause's fact (the count), not the report, which stays its
    speaker's."""
    between = text[report.end : according]
    if between.strip(" ,") or report.end <= report.start:
        return False
    # the relative is the clause's subject ("which stood", "who has been"), not what
    # someone in it says ("which he called"), which is the report going on
    return _SUBJECT_RELATIVE.search(text[report.start : report.end]) is not None


_SUBJECT_RELATIVE = re.compile(
    r",\s+(?:which|who)\s+(?!(?:he|she|they|we|i|it|you|the|a|an|his|her|their|its)\b)",
    re.IGNORECASE,
)


def extract_quotes(text: str, options: QuoteOptions | None = None) -> list[Quote]:
    return extract_quotes_batch([text], options)[0]


def extract_quotes_batch(
    texts: list[str], options: QuoteOptions | None = None
) -> list[list[Quote]]:
    """Quotes for many texts with one batched parse; a text that fails yields []."""
    return [quotes for quotes, _error in extract_quotes_checked(texts, options)]


def extract_quotes_checked(
    texts: list[str], options: QuoteOptions | None = None
) -> list[tuple[list[Quote], str | None]]:
    """Like :func:`extract_quotes_batch`, with the reason when a text failed."""
    options = options or QuoteOptions()
    nlp = load_pipeline(options.model)
    results: list[tuple[list[Quote], str | None]] = []
    for index, doc in enumerate(nlp.pipe((parse_input(nlp, t) for t in texts), disable=["ner"])):
        try:
            results.append((quotes_from_doc(doc, options), None))
        except Exception as exc:  # one bad article never sinks the batch
            log.exception("quote extraction failed on text %d", index)
            results.append(([], f"quote extraction failed: {type(exc).__name__}: {exc}"))
    return results
