"""Extractive multi-document summary in which every sentence is a slice of one source.

Method (budgeted concept coverage with a lead prior):

1. Documents that are not articles (archive notices, widgets, cookie walls) and documents
   that (nearly) repeat an earlier one are set aside, so duplicates count once.
2. Candidate units are sentences that read on their own: whole quotations, no captions or
   boilerplate, no headlines, a sane length; a leading dateline ("WASHINGTON (AP) --") is
   left out of the cited span.
3. Concepts are stemmed content words and content-word bigrams. A concept's weight is the
   number of other documents that state it (cross-document support; a concept of one
   document only counts a little), plus one per headline that states it, so one very long
   document cannot crowd out the others; in a one-document cluster its frequency counts.
4. Greedy budgeted selection maximises the weight of newly covered concepts per word^r,
   scaled by a position prior (news leads carry the story) and a mild preference for
   documents not yet quoted. A dangling opener ("He", "But", "This") is only taken right
   after the sentence it points back to; a candidate too similar to a chosen sentence is
   skipped; shorter sentences fill the end of the budget, which is never exceeded.
5. The budget of a summary of several short articles is held to a fraction of their words
   (never below a floor of the budget asked for); words the whole sentences leave unused are
   filled with the start of the sentence that follows a chosen one, cut at the budget or
   after a clause (a cited substring: its offsets still slice the text; ``Picked.partial``).
6. The picked sentences are put in reading order: chronology of their documents, then
   document order, then position.
"""

from __future__ import annotations

import heapq
import logging
import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass

from storyline.brief.text import content_terms, count_words
from storyline.clean.embeds import embedded_posts, in_embedded_post
from storyline.clean.junk import is_junk_sentence, is_shouted, junk_reason
from storyline.config import SummaryOptions
from storyline.model import Span
from storyline.nlp.dateline import DATELINE
from storyline.nlp.sentences import QUOTE_MARK, split_sentences

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Picked:
    """One summary sentence."""

    doc: int  # index into the input list
    start: int  # offsets into that document's text
    end: int
    text: str  # == texts[doc][start:end]
    partial: bool = False  # the start of a sentence, not all of it (see SummaryOptions.fill)


@dataclass
class _Unit:
    doc: int
    position: int  # sentence index in its document
    start: int
    end: int
    words: int
    concepts: tuple[str, ...]  # sorted, so float sums do not depend on hash order
    terms: Counter[str]
    dangling: bool  # opens with a pronoun or connective that needs the sentence before


_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
_DANGLING = re.compile(
    r"^(?:he|she|it|they|them|his|her|its|their|this|that|these|those|but|and|or|so"
    r"|also|however|still|yet|meanwhile|instead|then|thus|moreover|furthermore|indeed"
    r"|besides|otherwise|nevertheless|nonetheless|later|earlier|both|such|another"
    r"|after all|in addition|in fact|as a result|for example|even so|at the same time"
    r"|on the other hand|by contrast|in turn|the same)\b",
    re.IGNORECASE,
)


# a quoted question or exclamation and only who said it ('"Why not?" the nominee says.'):
# it tells nothing without what it answers
_ASKED = re.compile('^["\u201c][^"\u201c\u201d]{0,200}[?!]["\u201d]' r"\s+(?:\S+\s+){0,6}\S+[.!]$")
# a sentence that is nothing but a quotation has no speaker of its own
_BARE_QUOTE = re.compile('^["\u201c][^"\u201c\u201d]*(?:["\u201d]|\'\')$')


def _inside_quotation(text: str, start: int) -> bool:
    """Does the sentence at ``start`` continue a quotation opened earlier in its paragraph
    ('"This has been hard. I think our leaders worked hard. It's not ideal," he said.')?
    Cut out of it, the middle sentence is someone's words with no one saying them."""
    paragraph = text.rfind("\n", 0, start) + 1
    return len(QUOTE_MARK.findall(text[paragraph:start])) % 2 == 1


def _balanced_quotes(text: str) -> bool:
    # AP wire copy opens with " and closes with '' ("We won,'' she said.)
    marks = QUOTE_MARK.findall(text)
    straight = sum(1 for mark in marks if mark in ('"', "''"))
    return straight % 2 == 0 and marks.count("\u201c") == marks.count("\u201d")


def _shingles(text_terms: list[str], size: int = 3) -> set[tuple[str, ...]]:
    if len(text_terms) < size:
        return {tuple(text_terms)} if text_terms else set()
    return {tuple(text_terms[i : i + size]) for i in range(len(text_terms) - size + 1)}


@dataclass
class _Document:
    index: int
    text: str
    spans: list[Span]
    terms: list[list[str]]  # content terms of each sentence

    @classmethod
    def analyse(cls, index: int, text: str) -> _Document:
        spans = split_sentences(text)
        return cls(index, text, spans, [content_terms(text[s.start : s.end]) for s in spans])


def _article_indices(texts: list[str]) -> list[int]:
    """Indices of the documents that are articles (not junk, not empty)."""
    found = []
    for i, text in enumerate(texts):
        reason = junk_reason(text, count_words(text))
        if reason:
            log.debug("summary leaves out document %d: %s", i, reason)
        else:
            found.append(i)
    return found


def _spread(indices: list[int], limit: int) -> list[int]:
    """At most ``limit`` of ``indices``, evenly spread, the first and last kept."""
    n = len(indices)
    if limit <= 0 or n <= limit:
        return indices
    picks = [0] if limit == 1 else [round(i * (n - 1) / (limit - 1)) for i in range(limit)]
    return [indices[p] for p in picks]


def _kept_documents(texts: list[str], opts: SummaryOptions) -> list[_Document]:
    """Articles (at most ``opts.max_documents``, spread over the given order) that are not
    near-copies of a longer kept one."""
    candidates: list[tuple[_Document, set[tuple[str, ...]]]] = []
    for i in _spread(_article_indices(texts), opts.max_documents):
        doc = _Document.analyse(i, texts[i])
        candidates.append((doc, _shingles([t for terms in doc.terms for t in terms])))
    # longest first so the fuller version of a story survives; ties keep input order
    candidates.sort(key=lambda c: (-len(c[1]), c[0].index))
    kept: list[tuple[_Document, set[tuple[str, ...]]]] = []
    # kept documents by shingle: a document is compared only with kept ones sharing one of
    # its SKETCH lowest-hash shingles, not with every kept one (a story of thousands of
    # articles stays near-linear). A copy contained at c >= 0.8 shares each of them with
    # probability c, so one is missed with probability (1 - c) ** SKETCH < 3e-6.
    holders: dict[tuple[str, ...], list[int]] = {}
    for doc, shingles in candidates:
        if not shingles:
            continue
        sketch = heapq.nsmallest(_SKETCH, shingles, key=lambda sh: (_stable_hash(sh), sh))
        duplicate = False
        for k in sorted({k for sh in sketch for k in holders.get(sh, ())}):
            other = kept[k][1]
            small = min(len(shingles), len(other))
            if len(shingles & other) / small >= opts.duplicate_containment:
                duplicate = True
                break
        if duplicate:
            log.debug("summary counts document %d once: near-duplicate", doc.index)
            continue
        for sh in shingles:
            holders.setdefault(sh, []).append(len(kept))
        kept.append((doc, shingles))
    return sorted((doc for doc, _ in kept), key=lambda d: d.index)


_SKETCH = 8


def _stable_hash(shingle: tuple[str, ...]) -> int:
    # Python's hash() of strings changes per process: the sketch must not
    return zlib.crc32("\x1f".join(shingle).encode("utf-8"))


def _units(doc: _Document, opts: SummaryOptions, shouted: bool = False) -> list[_Unit]:
    """The document's candidate sentences (``shouted``: those in capitals throughout too)."""
    units: list[_Unit] = []
    text = doc.text
    posts = embedded_posts(text)  # a tweet shown beside the article is not its reporting
    for position, (span, terms) in enumerate(zip(doc.spans, doc.terms, strict=True)):
        if position >= opts.max_position:
            break
        start = span.start
        dateline = DATELINE.match(text, span.start, span.end)
        if dateline and dateline.end() < span.end:
            start = dateline.end()
        sentence = text[start : span.end]
        n = count_words(sentence)
        if n < opts.min_sentence_words or n > opts.max_sentence_words:
            continue
        if not _TERMINAL.search(sentence) or sentence.endswith("?"):
            continue  # headlines, captions, questions
        if _ASKED.match(sentence):
            continue  # a quoted question with only its speaker: '"Why not?" he says.'
        if not _balanced_quotes(sentence) or (is_shouted(sentence) and not shouted):
            continue
        if _inside_quotation(text, start):
            continue
        if is_junk_sentence(sentence) or in_embedded_post(posts, start, span.end):
            continue
        if start != span.start:
            terms = content_terms(sentence)
        if len(terms) < 3:
            continue
        units.append(
            _Unit(
                doc=doc.index,
                position=position,
                start=start,
                end=span.end,
                words=n,
                concepts=tuple(sorted(_concepts(terms))),
                terms=Counter(terms),
                dangling=_DANGLING.match(sentence) is not None
                or _BARE_QUOTE.match(sentence) is not None,
            )
        )
    return units


def _concepts(terms: list[str]) -> set[str]:
    return set(terms) | {f"{a} {b}" for a, b in zip(terms, terms[1:], strict=False)}


def _concept_weights(
    docs: list[_Document], titles: list[str | None] | None, opts: SummaryOptions
) -> dict[str, float]:
    """Weight of a concept: how many documents (and headlines) state it."""
    docs_with: Counter[str] = Counter()
    frequency: Counter[str] = Counter()
    for doc in docs:
        counts = Counter(c for terms in doc.terms for c in _concepts(terms))
        docs_with.update(counts.keys())
        frequency.update(counts)
    in_titles: Counter[str] = Counter()
    for doc in docs:
        title = titles[doc.index] if titles and doc.index < len(titles) else None
        if title:
            in_titles.update(_concepts(content_terms(title)))
    n_docs = len(docs)
    weights: dict[str, float] = {}
    for c, df in docs_with.items():
        if n_docs > 1:
            # support from the other documents; a concept only one document states still
            # counts a little, more if that document repeats it
            weights[c] = (df - 1) + opts.singleton_weight * math.log1p(frequency[c]) / math.log(
                2 + n_docs
            )
        else:
            weights[c] = math.log1p(frequency[c])
        # a headline is its writer's own summary of the story
        weights[c] += opts.title_weight * in_titles[c]
        if " " in c:  # a bigram pins down a fact better than its two words apart
            weights[c] *= opts.bigram_weight
    return weights


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def _select(
    units: list[_Unit], weights: dict[str, float], budget: int, opts: SummaryOptions
) -> list[_Unit]:
    """Budgeted greedy concept coverage; every candidate's score only falls as we go."""
    from_doc: Counter[int] = Counter()
    chosen: list[_Unit] = []
    covered: set[str] = set()
    used = 0
    priors = [1.0 / (1.0 + u.position) ** opts.position_decay for u in units]
    taken: set[tuple[int, int]] = set()  # (doc, position) of chosen units
    index = {(u.doc, u.position): i for i, u in enumerate(units)}

    total = 0.0  # the objective: prior-weighted concept coverage of the chosen units

    def plain(i: int) -> float:
        """What unit i adds to the objective."""
        u = units[i]
        gain = priors[i] * sum(weights[c] for c in u.concepts if c not in covered)
        # "He said ..." reads well only right after the sentence it points back to
        if u.dangling and (u.doc, u.position - 1) not in taken:
            gain *= opts.dangling_penalty
        return gain

    def score(i: int) -> float:
        """Greedy rank: gain per word^r, a little less for documents already quoted."""
        spread = 1.0 / (1.0 + opts.document_spread * from_doc[units[i].doc])
        return plain(i) * spread / units[i].words ** opts.length_exponent

    # lazy greedy: scores only fall as concepts get covered and documents get quoted (a
    # dangling follower of a chosen unit is the exception, and is re-queued)
    heap = [(-score(i), i) for i in range(len(units))]
    heapq.heapify(heap)
    while heap:
        _, i = heapq.heappop(heap)
        u = units[i]
        if (u.doc, u.position) in taken or used + u.words > budget:
            continue
        current = score(i)
        if heap and current < -heap[0][0] - 1e-12:
            heapq.heappush(heap, (-current, i))
            continue
        if current <= 0:
            break
        if any(_cosine(u.terms, c.terms) > opts.redundancy for c in chosen):
            continue
        total += plain(i)
        chosen.append(u)
        taken.add((u.doc, u.position))
        covered.update(u.concepts)
        follower = index.get((u.doc, u.position + 1))
        if follower is not None and units[follower].dangling:
            heapq.heappush(heap, (-score(follower), follower))  # its score may have risen
        from_doc[u.doc] += 1
        used += u.words
    # Budgeted coverage (Khuller et al. 1999): the ratio rule can lose to one long sentence
    # when the budget holds only one or two; keep the better of the two solutions.
    covered.clear()
    taken.clear()
    from_doc.clear()
    single = max(range(len(units)), key=lambda i: (plain(i), -i))
    best = [units[single]] if plain(single) > total else chosen
    if opts.swap_candidates > 0:
        best = _swap(units, best, weights, budget, opts)
    return best


def _coverage(picked: list[_Unit], weights: dict[str, float], opts: SummaryOptions) -> float:
    """A set's value: each covered concept's weight times the best position prior among
    the picked units stating it (an opener without its antecedent counts reduced)."""
    at = {(u.doc, u.position) for u in picked}
    best: dict[str, float] = {}
    for u in picked:
        prior = 1.0 / (1.0 + u.position) ** opts.position_decay
        if u.dangling and (u.doc, u.position - 1) not in at:
            prior *= opts.dangling_penalty
        for c in u.concepts:
            if best.get(c, 0.0) < prior:
                best[c] = prior
    return sum(weights[c] * prior for c, prior in sorted(best.items()))


def _swap(
    units: list[_Unit],
    chosen: list[_Unit],
    weights: dict[str, float],
    budget: int,
    opts: SummaryOptions,
) -> list[_Unit]:
    """Local search after the greedy pass: add one unit, or trade one chosen unit for
    another, while that raises the coverage value within the budget (the ratio rule
    leaves words of the budget unused; a longer sentence saying more can fill them),
    never citing fewer documents than the greedy pass.
    Only the ``opts.swap_candidates`` best units by single coverage per word are tried."""
    value = {id(u): _coverage([u], weights, opts) / u.words for u in units}
    pool = sorted(range(len(units)), key=lambda i: (-value[id(units[i])], i))
    pool = pool[: opts.swap_candidates]
    current = list(chosen)
    score = _coverage(current, weights, opts)
    sources = len({u.doc for u in current})
    for _ in range(2 * opts.swap_candidates):  # each step strictly improves: bounded anyway
        used = sum(u.words for u in current)
        keys = {(u.doc, u.position) for u in current}
        move: list[_Unit] | None = None
        for i in pool:
            v = units[i]
            if (v.doc, v.position) in keys:
                continue
            for out in [None, *current]:
                rest = [u for u in current if u is not out]
                if used - (out.words if out else 0) + v.words > budget:
                    continue
                if any(_cosine(v.terms, u.terms) > opts.redundancy for u in rest):
                    continue
                trial = rest + [v]
                if len({u.doc for u in trial}) < sources:
                    continue  # never cite fewer sources than the greedy pass did
                got = _coverage(trial, weights, opts)
                if got > score + 1e-9:
                    score, move = got, trial
        if move is None:
            break
        current = move
    return current


def _reading_order(picked: list[Picked], dates: list[str | None] | None) -> list[Picked]:
    def key(p: Picked) -> tuple[int, str, int, int]:
        date = dates[p.doc] if dates and p.doc < len(dates) else None
        return (0 if date else 1, date or "", p.doc, p.start)

    return sorted(picked, key=key)


def summarize_documents(
    texts: list[str],
    words: int = 260,
    dates: list[str | None] | None = None,
    options: SummaryOptions | None = None,
    titles: list[str | None] | None = None,
) -> list[Picked]:
    """Pick whole source sentences (at most ``words`` words in all), in reading order.

    ``dates`` (ISO strings, one per document) set the reading order; ``titles`` (the
    documents' headlines, optional) add support to the concepts they state.
    """
    opts = options or SummaryOptions()
    if words <= 0 or not texts:
        return []
    texts = [t if isinstance(t, str) else "" for t in texts]  # bad input never crashes
    kept = _kept_documents(texts, opts)
    units = [u for doc in kept for u in _units(doc, opts)]
    if not units:
        # a story told only in capitals (a broadcast's transcript, a shouted post) is
        # still summarised from its own words rather than left empty
        units = [u for doc in kept for u in _units(doc, opts, shouted=True)]
    units = [u for u in units if u.words <= words]
    if not units:
        return []
    budget = _budget(words, kept, opts)
    units = [u for u in units if u.words <= budget]
    if not units:
        return []
    weights = _concept_weights(kept, titles, opts)
    chosen = _select(units, weights, budget, opts)
    picked = [Picked(u.doc, u.start, u.end, texts[u.doc][u.start : u.end]) for u in chosen]
    if opts.fill != "none":
        left = budget - sum(u.words for u in chosen)
        tail = _fill(texts, units, chosen, left, opts)
        if tail is not None:
            picked.append(tail)
    return _reading_order(picked, dates)


def _budget(words: int, kept: list[_Document], opts: SummaryOptions) -> int:
    """The word budget, held to ``opts.compression`` of the articles' words.

    Roundups of short leads have short reference summaries (NeuS/AllSides: about 37 words
    for three leads under 150 words in all, about 80 above), while long reports keep the
    whole budget. One document alone is summarised within the budget as asked."""
    if opts.compression <= 0 or len(kept) < 2:
        return words
    total = sum(count_words(doc.text) for doc in kept)
    floor = int(opts.compression_floor * words)
    return min(words, max(floor, int(opts.compression * total)))


_CLAUSE_END = re.compile(r"[,;:]\s|\s[\u2014\u2013-]{1,2}\s")
_TOKEN = re.compile(r"\S*[^\s,;:]")


def _fill(
    texts: list[str], units: list[_Unit], chosen: list[_Unit], left: int, opts: SummaryOptions
) -> Picked | None:
    """The start of the sentence after a chosen one, within ``left`` words."""
    if left < opts.fill_min_words:
        return None
    taken = {(u.doc, u.position) for u in chosen}
    by_key = {(u.doc, u.position): u for u in units}
    for u in chosen:  # in the order the selection valued them
        follower = by_key.get((u.doc, u.position + 1))
        if follower is None or (follower.doc, follower.position) in taken:
            continue
        text = texts[follower.doc]
        end = _cut_end(text, follower.start, follower.end, left, opts)
        if end is not None:
            return Picked(follower.doc, follower.start, end, text[follower.start : end], True)
    return None


def _cut_end(text: str, start: int, end: int, left: int, opts: SummaryOptions) -> int | None:
    """End offset of the longest prefix of ``text[start:end]`` that fits ``left`` words,
    has at least ``opts.fill_min_words`` and does not stop inside a quotation."""
    if opts.fill == "clause":
        ends = [m.start() for m in _CLAUSE_END.finditer(text, start, end)]
    else:
        # a clause mark the cut ends on is left out ("declared an emergency," -> no comma)
        ends = [start + m.end() for m in _TOKEN.finditer(text[start:end])]
    for cut in reversed(ends):
        if cut >= end:
            continue  # the whole sentence: the selection had its reasons to leave it out
        n = count_words(text[start:cut])
        if n < opts.fill_min_words:
            break
        if n <= left and _balanced_quotes(text[start:cut]):
            return cut
    return None
