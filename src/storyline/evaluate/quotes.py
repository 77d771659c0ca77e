"""`storyline eval quotes`: quote spans and speakers on the PolNeAR dev file, with a baseline.

Scoring (quotes-dev README, the Gender Gap Tracker convention): a gold attribution is
matched by a predicted quote when their overlap covers more than ``threshold`` of the gold
quote span (0.3, and 0.8 for strict); matching is one-to-one, greedy by overlap share.
Precision = matched predictions / predictions, recall = matched gold / gold. Speaker
accuracy is over matched pairs: correct when the predicted speaker words and the gold
speaker span overlap, or when both are absent; but a gold pronoun speaker ("he", "she",
"they", "it") counts as right only when the system resolved it to the gold referent's
name, when the article names one. PolNeAR marks sources as surface spans without
coreference, so the gold referent is the nearest earlier gold source of the article that
is a name ("Trump said ... He added": "Trump"); the system's resolved speaker must hold
that name's last word; any other gold source is matched by the speaker words or by the
name they were resolved to ("a headline that said": PolNeAR marks "a headline", we say
"that" -> "a headline"). "speaker acc (surface)" is the plain overlap of the speaker
words, pronouns taken as they stand, for comparison.
Recall on direct quotes alone is also shown.

Baseline: a regex direct-quote extractor (quote-mark pairs of 4+ words) with the speaker
taken from an adjacent ", NAME said" / "said NAME" pattern — what quote extraction looks
like without a parser or reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storyline.evaluate.metrics import match_one_to_one, prf, ratio
from storyline.jsonl import read_lines
from storyline.nlp.quotes import QuoteOptions, quotes_from_doc

Span = tuple[int, int]


@dataclass(frozen=True)
class Prediction:
    quote: Span
    speaker: Span | None  # the words the article used for the speaker
    resolved: str | None = None  # the name those words were resolved to, if any
    resolved_span: Span | None = None  # where the article names it


@dataclass
class QuoteScores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_correct: int = 0
    surface_correct: int = 0  # speaker spans overlap, pronouns taken as they stand
    direct_gold: int = 0
    direct_matched: int = 0

    def row(self) -> dict[str, float]:
        spans = prf(self.matched, self.predicted, self.gold)
        return {
            "P": 100 * spans.precision,
            "R": 100 * spans.recall,
            "F1": 100 * spans.f1,
            "speaker acc": ratio(100 * self.speaker_correct, self.matched),
            "speaker acc (surface)": ratio(100 * self.surface_correct, self.matched),
            "R direct": ratio(100 * self.direct_matched, self.direct_gold),
        }


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


_PRONOUNS = frozenset({"he", "she", "they", "it", "him", "them"})
_NOT_NAME = (
    frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those"})
    | {"i", "we", "you", "me", "us", "my", "our", "your", "who", "which"}
    | _PRONOUNS
    # capitalised only because they open a sentence or name a day: "Few people", "Many
    # lawmakers", "His program on Wednesday" name no one a pronoun could refer to
    | {"few", "many", "some", "most", "several", "all", "both", "each", "every", "no"}
    | {"other", "another", "any", "one", "two", "three", "such", "if", "when", "as"}
    | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    # a party member described, not named ("the Wisconsin Republican", "A Democrat")
    | {"republican", "democrat", "independent", "conservative", "liberal", "progressive"}
)


def _name_word(speaker: str) -> str | None:
    """The surname of a source that names someone: the last capitalised word of the
    first comma-separated part that ends in a name, before any aside ("Sen. Ted Cruz
    (R-Texas)" -> "cruz", "Clinton's opponent, Vermont Sen. Bernie Sanders," ->
    "sanders", "Brent Bozell III" -> "bozell"); None for a description or a pronoun
    ("the campaign", "he", "I")."""
    parts = re.split(r"\s*[,;:(]\s*", speaker.strip())
    best = None
    for part in parts:
        head, *rest = re.split(r"\s+(?:of|who|from|at|in|on|and)\s+", part, maxsplit=1)
        if (
            rest
            and head.split()[-1].lower().strip(".") in _ROLES
            and re.match(r"of\s", part[len(head) :].lstrip())
        ):
            # "Secretary of State Hillary Clinton": a role's "of" is part of the title
            # before the name, not the end of the name
            head = part
        words = [w.strip(".'’\"“”)") for w in head.split()]
        words = [w.removesuffix("'s").removesuffix("’s") for w in words if w]
        words = [w for w in words if w.lower().rstrip(".") not in _SUFFIXES]
        names = [w for w in words if w[:1].isupper() and w.lower() not in _NOT_NAME]
        if names and words and names[-1] == words[-1] and len(names) >= 2:
            return names[-1].lower()  # a full name ends this part
        if names and best is None and names[-1] == words[-1]:
            # a part that ends in a common noun describes ("Former aides", "American
            # officials"): its capitalised words are modifiers, not a name
            best = names[-1].lower()
    return best


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# role nouns a title's "of" follows ("Secretary of State X", "Minister of Defense X")
_ROLES = frozenset(
    {
        "secretary", "minister", "president", "director", "chairman", "chairwoman", "chair",
        "governor", "mayor", "speaker", "leader", "chief", "ambassador", "general", "head",
    }
)  # fmt: skip


def gold_referents(gold: list[dict], text: str = "") -> dict[int, str]:
    """For each gold attribution whose source is a pronoun, the name word of the nearest
    earlier gold source in the article that is a name and may be meant by it (none when
    the article names none before it): "he"/"she" skip sources the article titles with
    the other sex ("Mrs. Clinton" is never "he"), organisations ("the White House") and
    groups ("Republicans")."""
    named: list[tuple[int, str, bool]] = []  # (source start, name word, an organisation?)
    for g in gold:
        span = g["speaker_span"]
        word = _name_word(g["speaker"] or "") if span else None
        if word:
            source = (g["speaker"] or "").strip()
            # "the White House", and acronyms ("NBC", "GOP"): never "he" or "she"
            acronym = any(w.isupper() and w.lower() == word for w in re.findall(r"[\w.-]+", source))
            org = source.lower().startswith("the ") or acronym or "." in word
            # nor a group ("Republicans", sentence-initial "Supporters", "Fact-checkers":
            # plurals the article also writes in lower case): "he" is one person
            org = org or _group(word, text)
            named.append((span[0], word, org))
    named.sort()
    sex = _titled_sex(text)
    out: dict[int, str] = {}
    for gi, g in enumerate(gold):
        span = g["speaker_span"]
        pronoun = (g["speaker"] or "").strip().lower()
        if not span or pronoun not in _PRONOUNS:
            continue
        want = _PRONOUN_SEX.get(pronoun)
        before = [
            word
            for start, word, org in named
            if start < span[0] and not (want and (org or sex.get(word, want) != want))
        ]
        if before:
            out[gi] = before[-1]
    return out


_PRONOUN_SEX = {"he": "m", "him": "m", "she": "f"}
_PARTIES = frozenset({"republican", "democrat", "independent", "conservative", "liberal"})


def _group(word: str, text: str) -> bool:
    """A plural name word that names a group, not a person: a party's members, or a
    common noun the article also writes in lower case ("supporters", not "sanders")."""
    if not word.endswith("s"):
        return False
    return (
        word[:-1] in _PARTIES
        or re.search(r"(?<![\w.])" + re.escape(word) + r"\b", text) is not None
    )


def _titled_sex(text: str) -> dict[str, str]:
    """Surnames the article titles "Mr." (m) or "Mrs."/"Ms." (f), when it does one way only."""
    seen: dict[str, set[str]] = {}
    for title, name in re.findall(r"\b(Mr|Mrs|Ms|Miss)\.?\s+([A-Z][\w'’-]+)", text):
        seen.setdefault(name.lower(), set()).add("m" if title == "Mr" else "f")
    return {name: next(iter(s)) for name, s in seen.items() if len(s) == 1}


def _speaker_right(g: dict, pred: Prediction, referent: str | None) -> tuple[bool, bool]:
    """(right under the pronoun rule, right by surface overlap)."""
    gold_speaker = g["speaker_span"]
    if gold_speaker is None or pred.speaker is None:
        both_absent = gold_speaker is None and pred.speaker is None
        return both_absent, both_absent
    surface = _overlap(tuple(gold_speaker), pred.speaker) > 0
    if referent is None:
        # PolNeAR marks what a relative or a pronoun stands for as often as the word
        # itself ("a headline that said": "a headline"); our words "that" resolved to
        # "a headline" name the same source
        named = (
            pred.resolved_span is not None and _overlap(tuple(gold_speaker), pred.resolved_span) > 0
        )
        return surface or named, surface
    resolved = [w.strip(".,'’").lower() for w in (pred.resolved or "").split()]
    resolved = [w.removesuffix("'s").removesuffix("’s") for w in resolved]
    return surface and referent in resolved, surface


def score(docs: list[dict], predictions: list[list[Prediction]], threshold: float) -> QuoteScores:
    scores = QuoteScores()
    for doc, pred in zip(docs, predictions, strict=True):
        gold = doc["quotes"]
        referents = gold_referents(gold, doc.get("text", ""))
        scores.gold += len(gold)
        scores.predicted += len(pred)
        scores.direct_gold += sum(g["quote_type"] == "direct" for g in gold)
        pairs = []
        for gi, g in enumerate(gold):
            gs = tuple(g["quote_span"])
            length = max(1, gs[1] - gs[0])
            for pi, p in enumerate(pred):
                share = _overlap(gs, p.quote) / length
                if share > threshold:
                    pairs.append((-share, gi, pi))
        for gi, pi in match_one_to_one(pairs):
            g = gold[gi]
            scores.matched += 1
            scores.direct_matched += g["quote_type"] == "direct"
            right, surface = _speaker_right(g, pred[pi], referents.get(gi))
            scores.speaker_correct += right
            scores.surface_correct += surface
    return scores


def predict_storyline(texts: list[str]) -> list[list[Prediction]]:
    """Quotes as the brief gets them: one parse, speakers resolved to the names they mean."""
    from storyline.nlp.spacy_model import load_pipeline, parse_input

    nlp = load_pipeline(QuoteOptions().model)
    docs = nlp.pipe((parse_input(nlp, t) for t in texts), batch_size=32)
    return [predictions_from_doc(doc) for doc in docs]


def predictions_from_doc(doc: Any, options: QuoteOptions | None = None) -> list[Prediction]:
    """One parsed article's quotes as scored predictions (a cached parse scores the same)."""
    from storyline.nlp.speakers import resolve_speakers

    preds: list[Prediction] = []
    for q in resolve_speakers(doc, quotes_from_doc(doc, options or QuoteOptions())):
        named: Span | None = None
        words: Span | None
        if q.source_start is not None and q.source_end is not None:
            # "Y warned that ..., according to X": PolNeAR's source is X, whom the
            # quote names as its source (Y is the speaker of the words reported)
            words, resolved = (q.source_start, q.source_end), None
        elif q.words_start is not None and q.words_end is not None:
            words = (q.words_start, q.words_end)
            resolved = q.speaker
            if q.speaker_start is not None and q.speaker_end is not None:
                named = (q.speaker_start, q.speaker_end)
        elif q.speaker_start is not None and q.speaker_end is not None:
            words, resolved = (q.speaker_start, q.speaker_end), None
        else:
            words, resolved = None, None
        preds.append(Prediction((q.start, q.end), words, resolved, named))
    return preds


_BASELINE_QUOTE = re.compile(r"“[^”\n]+”|\"[^\"\n]+\"")
_NAME = r"((?:[A-Z][\w.'’-]*|he|she|they)(?:\s+[A-Z][\w.'’-]*){0,3})"
_AFTER = re.compile(r"\s*,?\s*(?:" + _NAME + r"\s+(?:said|says|added|told)|(?:said|says)\s+"
                    + _NAME + ")")  # fmt: skip


def predict_regex_baseline(texts: list[str]) -> list[list[Prediction]]:
    out = []
    for text in texts:
        preds: list[Prediction] = []
        for m in _BASELINE_QUOTE.finditer(text):
            if len(m.group().split()) < 4:
                continue
            speaker = None
            after = _AFTER.match(text, m.end())
            if after:
                group = 1 if after.group(1) else 2
                speaker = (after.start(group), after.end(group))
            preds.append(Prediction((m.start(), m.end()), speaker))
        out.append(preds)
    return out


def run_quotes_eval(
    path: Path, thresholds: tuple[float, ...] = (0.3, 0.8)
) -> list[tuple[str, dict[str, float]]]:
    docs = [line.record for line in read_lines(path) if line.record is not None]
    texts = [d["text"] for d in docs]
    systems: list[tuple[str, Callable[[list[str]], list[list[Prediction]]]]] = [
        ("storyline (spaCy + rules)", predict_storyline),
        ("regex direct-quote baseline", predict_regex_baseline),
    ]
    rows = []
    for name, predict in systems:
        predictions = predict(texts)
        for threshold in thresholds:
            rows.append((f"{name} @{threshold}", score(docs, predictions, threshold).row()))
    return rows
