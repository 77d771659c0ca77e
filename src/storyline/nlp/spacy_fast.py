"""Faster stand-ins for two rule components of the English pipeline, same output.

spaCy's ``attribute_ruler`` runs a ``Matcher`` over every Doc, builds a ``Span`` per match
and sets each match's attributes one by one; its ``lemmatizer`` caches a token's lemma
only after the full rule search, so the most common words (singular nouns, base verbs,
positive adjectives: its "base forms") are worked out again every time, each reading the
token's morphology into a dict. The two took a third of the pipeline's time on news
(2.2 s and 2.1 s of 14.1 s on 60 Multi-News articles), more than the parser.

Both are functions of a few token attributes, so their results are cached by them:

- the ruler's patterns are read once from the component itself; which pattern tokens a
  token satisfies depends only on its (TAG, LOWER, DEP, IS_SPACE), matches are then
  found as the ``Matcher`` finds them (every match, overlapping ones included), and each
  token gets the attributes of its matches applied in the ruler's order (later patterns
  win), through spaCy's own ``set_token_attrs``, from the Doc as it was before any;
- a lemma depends only on the token's (ORTH, POS, MORPH) (the rule lemmatizer reads its
  text, part of speech and morphology, and fixed tables): it is computed by the
  component's own ``lemmatize`` once per such triple, its word index read as sets.

``speed_up`` swaps the components' classes for these subclasses only when they are the
exact classes and settings this was written against and every pattern uses only what is
handled here; otherwise the pipeline is left as it is.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from typing import Any, cast

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG  # type: ignore[import-not-found]
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

log = logging.getLogger(__name__)

# the token attributes a pattern may test here, read from a token as strings/bools
_READ: dict[str, Callable[[Any], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}
Check = Callable[[Any], bool]


def _check(value: Any) -> Check | None:
    """A test of one attribute value as the Matcher does it, or None when unsupported."""
    if isinstance(value, (str, bool)):
        return lambda v: bool(v == value)
    if isinstance(value, dict) and len(value) == 1:
        ((op, arg),) = value.items()
        if op == "IN" and isinstance(arg, list):
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN" and isinstance(arg, list):
            banned = frozenset(arg)
            return lambda v: v not in banned
        if op == "REGEX" and isinstance(arg, str):
            regex = re.compile(arg)  # the Matcher's REGEX is re.search on the string
            return lambda v: bool(regex.search(v))
    return None


class _TokenSpec:
    """One token of one alternative pattern: (its number, position in it), its tests."""

    def __init__(self, pattern: int, position: int, checks: Sequence[tuple[int, Check]]):
        self.key = (pattern, position)  # pattern: the alternative's number
        self.checks = tuple(checks)

    def holds(self, values: tuple[Any, ...]) -> bool:
        return all(check(values[k]) for k, check in self.checks)


_ATTRS = tuple(_READ)
_SIGNATURE = [TAG, LOWER, DEP, IS_SPACE]  # the same attributes as ids
_LOWER, _TAG, _DEP, _SPACE = (_ATTRS.index(a) for a in ("LOWER", "TAG", "DEP", "IS_SPACE"))


class FastAttributeRuler(AttributeRuler):
    """``AttributeRuler`` with matches looked up per token signature (see module doc)."""

    _storyline_ready: bool = False

    def _storyline_prepare(self) -> bool:
        """Index the patterns; False when one uses something not handled here."""
        # a pattern token testing LOWER for equality or membership is indexed by the
        # words it accepts; one testing it otherwise (REGEX, NOT_IN) is always tried;
        # one not testing it depends on (TAG, DEP, IS_SPACE) only, cached by those
        by_lower: dict[str, list[_TokenSpec]] = {}
        lower_rest: list[_TokenSpec] = []
        no_lower: list[_TokenSpec] = []
        # one entry per alternative pattern: (its rule's number, length, target token);
        # two alternatives of one rule matching one span set the same attributes twice
        alternatives: list[tuple[int, int, int]] = []
        entries: list[dict[str, Any]] = list(self.patterns)  # spaCy types them loosely
        for n, entry in enumerate(entries):
            index = int(entry.get("index", 0))
            for tokens in entry["patterns"]:
                length = len(tokens)
                target = index if index >= 0 else length + index
                if not 0 <= target < length:
                    return False
                alt = len(alternatives)
                alternatives.append((n, length, target))
                for position, token in enumerate(tokens):
                    checks = []
                    for attr, value in token.items():
                        check = _check(value)
                        if attr not in _READ or check is None:
                            return False
                        checks.append((_ATTRS.index(attr), check))
                    spec = _TokenSpec(alt, position, checks)
                    lower = token.get("LOWER")
                    if isinstance(lower, str):
                        by_lower.setdefault(lower, []).append(spec)
                    elif isinstance(lower, dict) and isinstance(lower.get("IN"), list):
                        for word in dict.fromkeys(lower["IN"]):
                            by_lower.setdefault(word, []).append(spec)
                    elif lower is not None:
                        lower_rest.append(spec)
                    else:
                        no_lower.append(spec)
        self._storyline_by_lower = by_lower
        self._storyline_lower_rest = lower_rest
        self._storyline_no_lower = no_lower
        self._storyline_shapes: dict[tuple[int, ...], frozenset[tuple[int, int]]] = {}
        self._storyline_alternatives = alternatives
        self._storyline_hits: dict[tuple[int, ...], frozenset[tuple[int, int]]] = {}
        self._storyline_folded: dict[tuple[int, ...], dict[Any, Any]] = {}
        self._storyline_ready = True
        return True

    def _match(self, token: Any, key: tuple[int, ...]) -> frozenset[tuple[int, int]]:
        """The (alternative, position) pattern tokens ``token`` satisfies (``key``: its
        signature as ids, in _SIGNATURE order)."""
        values = tuple(read(token) for read in _READ.values())
        shape = (key[_TAG], key[_DEP], key[_SPACE])
        found = self._storyline_shapes.get(shape)
        if found is None:
            found = frozenset(s.key for s in self._storyline_no_lower if s.holds(values))
            self._storyline_shapes[shape] = found
        candidates = self._storyline_by_lower.get(values[_LOWER], []) + self._storyline_lower_rest
        return found | {s.key for s in candidates if s.holds(values)}

    def __call__(self, doc: Doc) -> Doc:
        if not self._storyline_ready:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._storyline_apply(doc)
            return doc
        except Exception as e:  # noqa: BLE001 - as AttributeRuler.__call__ handles it
            return error_handler(self.name, self, [doc], e)  # type: ignore[no-any-return]

    def _storyline_apply(self, doc: Doc) -> None:
        # the signature as ids, read in one call (strings only on a miss)
        cache = self._storyline_hits
        hits = []
        for i, row in enumerate(doc.to_array(_SIGNATURE).tolist() if len(doc) else []):
            key = tuple(row)
            found = cache.get(key)
            if found is None:
                found = cache[key] = self._match(doc[i], key)
            hits.append(found)
        alternatives = self._storyline_alternatives
        on: dict[int, set[int]] = {}  # token -> rules whose match sets it
        for i, found in enumerate(hits):
            for alt, position in found:
                if position:
                    continue
                rule, length, target = alternatives[alt]
                if length > 1 and (
                    i + length > len(hits)
                    or any((alt, k) not in hits[i + k] for k in range(1, length))
                ):
                    continue
                on.setdefault(i + target, set()).add(rule)
        # all matches were found on the Doc as it was; each token then takes its matches'
        # attributes in pattern order, a later pattern's value replacing an earlier one's
        for i in sorted(on):
            key = tuple(sorted(on[i]))
            folded = self._storyline_folded.get(key)
            if folded is None:
                folded = {}
                for pattern in key:
                    folded.update(self.attrs[pattern])
                self._storyline_folded[key] = folded
            set_token_attrs(doc[i], folded)


class FastLemmatizer(EnglishLemmatizer):
    """``EnglishLemmatizer`` (rule mode) with every lemma cached by (ORTH, POS, MORPH)."""

    _storyline_cache: dict[tuple[int, int, int], int] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if self._storyline_cache is None:
            self._storyline_cache = {}
        cache = self._storyline_cache
        strings = self.vocab.strings
        error_handler = self.get_error_handler()
        try:
            for token in doc:
                if self.overwrite or token.lemma == 0:
                    morph: Any = token.morph  # its ``key`` is not in spaCy's stubs
                    key = (token.orth, token.pos, morph.key)
                    lemma = cache.get(key)
                    if lemma is None:
                        lemma = cache[key] = strings.add(self.lemmatize(token)[0])
                    token.lemma = lemma
        except Exception as e:  # noqa: BLE001 - as Lemmatizer.__call__ handles it
            error_handler(self.name, self, [doc], e)
        return doc


def _index_as_sets(lemmatizer: EnglishLemmatizer) -> None:
    """The rule lemmatizer only asks whether a form is in its per-POS word index
    (``form in index``), a list of up to 57,528 words scanned on each miss (0.3 ms): the
    same lists as sets answer alike."""
    if "lemma_index" not in lemmatizer.lookups.tables:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if isinstance(words, list):
            table[key] = frozenset(words)


def speed_up(nlp: Any) -> list[str]:
    """Swap in the faster components where they apply; the names of those swapped."""
    swapped = []
    component: Any
    for name, component in nlp.pipeline:
        if type(component) is AttributeRuler:
            component.__class__ = FastAttributeRuler
            if cast(FastAttributeRuler, component)._storyline_prepare():
                swapped.append(name)
            else:
                component.__class__ = AttributeRuler
        elif type(component) is EnglishLemmatizer and component.mode == "rule":
            component.__class__ = FastLemmatizer
            _index_as_sets(component)
            swapped.append(name)
    log.debug("faster rule components: %s", swapped)
    return swapped
