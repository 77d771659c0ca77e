"""Where a direct quote's cue and speaker are when the speech-verb lexicon does not say:
verbs outside it that frame a quote ('Mr. Trump continued: "..."', '"...," he
continued, "..."'), a sentence closing with a colon before a quoted paragraph, and
short spoken lines ('"Denver," he answered').

spaCy tokens are typed ``Any`` so importing this module does not import spaCy.
"""

from __future__ import annotations

import re
from typing import Any

from storyline.nlp.quote_shapes import relative_after
from storyline.nlp.quote_syntax import TELL_LEMMAS, is_speech_verb, speech_verbs


def framing_verb(doc: Any, start: int) -> tuple[Any, bool] | None:
    """A verb outside the lexicon that introduces a quote: 'Mr. Trump continued: "..."',
    'A flabbergasted Noah quipped, "..."', 'The letter continues: "..."' (the verb, its
    subject before it, then ":" or "," and the quote): (verb, False). (A verb closing
    the sentence after a quote is ``closing_verb``.)"""
    k = token_before(doc, start)
    if k is not None and doc[k].text in (":", ",") and k > 0:
        verb = doc[k - 1]
        if verb.lower_ == "it" and k > 1 and doc[k - 2].lemma_ == "put":
            verb = doc[k - 2]  # "As Tom Ridge put it: "..."", "as one aide put it, "...""
        elif verb.dep_ in ("prt", "advmod") and verb.head.i == k - 2:
            verb = verb.head  # a phrasal verb: "Sanders shot back, "..."", "he went on: "...""
        if verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
            return verb, False
    return None


def token_before(doc: Any, start: int) -> int | None:
    """The index of the last non-space token before the one at offset ``start``."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    i = (span.start if span is not None else len(doc)) - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return int(i) if i >= 0 else None


def name_after_quote(doc: Any, end: int, verb: Any) -> tuple[int, int] | None:
    """The name the parser lost between a quote and its cue ('"...," Brent Bozell III,
    founder of the center, tells', where "Bozell III" hangs on the quote's last word) or
    right after an inverted cue ('"...," said Skelly, explaining', "Skelly" tagged an
    adverb): the run of capitalised words opening that stretch."""
    first = next((t for t in doc[verb.i + 1 :] if not t.is_space), None)
    between = [t for t in doc if end <= t.idx < verb.idx and not (t.is_punct or t.is_space)]
    if between:
        first = between[0]
    if first is None or not _name_word(first):
        return None
    last = first
    for token in doc[first.i + 1 : first.i + 6]:
        if not (_name_word(token) or token.lower_ in ("iii", "jr.", "jr", "sr.", "ii")):
            break
        last = token
    return first.idx, last.idx + len(last.text)


def _name_word(token: Any) -> bool:
    return token.is_title and not token.is_stop and token.pos_ in ("PROPN", "NOUN", "ADV", "ADJ")


def inverted_subject(verb: Any) -> Any | None:
    """ "...," said retired neurosurgeon Ben Carson, asked about...': the noun phrase right
    after the verb, wherever the parser hung it (here on "asked")."""
    doc = verb.doc
    for token in doc[verb.i + 1 : min(len(doc), verb.i + 12)]:
        if token.is_punct or token.pos_ not in ("PROPN", "NOUN"):
            continue
        if token.ent_type_ in ("DATE", "TIME"):
            continue  # '"...," the nominee tweeted Sunday': when, not who
        if token.dep_ in ("dobj", "dative") and verb.lemma_.lower() in TELL_LEMMAS:
            continue  # '"...," Ramos, 58, told AFP': whom it was told
        if token.left_edge.i == verb.i + 1 and token.dep_ not in ("compound", "amod", "poss"):
            return token
    return None


def colon_intro(doc: Any, start: int) -> tuple[Any, bool] | None:
    """ "Cruz called them on it:", "President Clinton released the following statement:"
    right before a quote (the paragraph before, or the same line): the main verb of the
    sentence the colon closes, when it has a subject before it, introduces the quote;
    (verb, False). ('The governor added:' is the lexicon's, 'Trump continued:' the
    framing verb's; this is the rest, where the colon is not next to the verb.)"""
    k = token_before(doc, start)
    if k is None or doc[k].text != ":":
        return None
    root = doc[k].sent.root
    if root.i > k:
        # the parser ran the colon's sentence on into the quote ("... issued the following
        # statement:⏎⏎“Our prayers are ...”" under "are"): the verb the colon's phrase
        # hangs on before it is the one that introduces the quote
        root = next((a for a in doc[k].ancestors if a.i < k and a.pos_ in ("VERB", "AUX")), root)
    if root.i > k:
        # ... or hung the colon's clause on the quote's verb ("Sanders delivered a snappy
        # retort: "No one is tearing this up"": "delivered" under "tearing"): the clause
        # that ends at the colon introduces the quote
        closing = [
            t
            for t in doc[k].sent
            if t.i < k and t.right_edge.i == k - 1 and t.pos_ in ("VERB", "AUX") and t.head.i > k
        ]
        root = closing[0] if closing else root
    if root.pos_ not in ("VERB", "AUX") or root.i > k:
        return None
    if not any(c.dep_ == "nsubj" and c.i < root.i for c in root.children):
        return None
    return root, False


def closing_verb(doc: Any, text: str, start: int, end: int) -> tuple[Any, bool] | None:
    """'"...," Blackwell continued, "..."', '"...," he continued.': a verb outside the
    lexicon right after a quote that ends in a comma, with its subject between the quote
    and the verb and nothing after the verb but punctuation: (verb, True). (The comma
    inside the marks says the sentence goes on into its cue; a quote ending in a period
    followed by 'Trump continued' may be a continuation of the quote before instead.)
    Inverted, the verb comes first and its subject after it ('"...," remembered Maria
    Gonzalez')."""
    if not text[start:end].rstrip("\"”»'` ").endswith(","):
        return None
    span = doc.char_span(end, min(len(text), end + 1), alignment_mode="expand")
    if span is None:
        return None
    i = span.start
    while i < len(doc) and (doc[i].is_space or doc[i].idx < end):
        i += 1
    if i < len(doc) and _inverted_closing(doc[i]):
        return doc[i], True
    for token in doc[i : i + 6]:
        if token.is_punct or "\n" in token.text:
            return None
        if relative_after(token, end):
            return None  # "''..., through California,'' which votes June 7"
        if token.pos_ == "VERB" and any(
            c.dep_ == "nsubj" and end <= c.idx < token.idx for c in token.children
        ):
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is None or nxt.text in (",", ".", ":") or nxt.is_space:
                return token, True
            # '"...," Cruz quipped in reference to the absent Trump.': only adverbials
            # after the verb (not '"...," Trump barked and a guard escorted Ramos out')
            right = [c for c in token.children if c.i > token.i and not c.is_punct]
            if right and all(c.dep_ in ("prep", "advmod", "npadvmod") for c in right):
                return token, True
            return None
    return None


def _inverted_closing(verb: Any) -> bool:
    """'"...," remembered Maria Gonzalez, a union steward.': a finite verb right after
    the quote, heading its sentence, with a named or described subject right after it
    (news writing inverts only a verb of saying so)."""
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ") or verb.dep_ != "ROOT":
        return False
    nxt = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return (
        any(
            c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN") and c.left_edge.i == verb.i + 1
            for c in verb.children
        )
        and nxt is not None
        and not nxt.is_punct
    )


def cue_between_quotes(
    doc: Any, text: str, start: int, quotes: list[tuple[int, int]]
) -> tuple[Any, bool] | None:
    """'"...," the mayor said. "..."', '"...?" Howard continued. "..."': a short
    sentence of a subject and its verb standing alone between the quote before and this
    one in the same paragraph says who goes on speaking: (verb, False)."""
    before = [e for s, e in quotes if e <= start]
    if not before:
        return None
    between = text[before[-1] : start]
    words = between.strip()
    if "\n" in between or not words.endswith(".") or len(words) > 60:
        return None
    span = doc.char_span(before[-1], start, alignment_mode="contract")
    if span is None:
        return None
    tokens = [t for t in span if not (t.is_punct or t.is_space)]
    verbs = [t for t in tokens if t.pos_ == "VERB" and t.tag_ in ("VBD", "VBZ")]
    if len(verbs) != 1:
        return None
    verb = verbs[0]
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and span.start <= c.i < span.end]
    if not subjects or any(t.i > verb.i and t.dep_ not in ("npadvmod", "advmod") for t in tokens):
        return None  # only the subject and the verb (and "on Monday", "later")
    return verb, False


# the words of a short closing clause: who ("the editorial", "Rubio spokesman Alex
# Conant", "another") and the verb, in either order, then the sentence's stop
_WHO = r"(?:[A-Z][\w.'’-]*|the|a|an|one|another)(?:[ \t\xa0]+[\w.'’-]+){0,5}?"
_CLOSING_CLAUSE = re.compile(
    rf"[ \t\xa0]+(?:(?P<who>{_WHO})[ \t\xa0]+(?P<verb>[a-z]+)"
    rf"|(?P<verb2>[a-z]+)[ \t\xa0]+(?P<who2>{_WHO}))[ \t\xa0]*\.(?=\s|$)"
)
# what a text does with its words ("the editorial read", "the sign reads")
_TEXT_READS = frozenset({"read", "reads"})


def closing_clause(
    doc: Any, text: str, start: int, end: int
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'“...,” the editorial read.', '"...," read the email.', '"...," tweeted another.':
    a quote ending in a comma, "?" or "!" inside its marks, then a clause of only a short
    noun phrase and a speech verb, in either order, up to the stop. The parser often
    tags such a clause wrongly ("editorial" an adjective of "read", "write" a noun) and
    finds no cue; the shape alone says who speaks: (cue span, speaker span)."""
    inner = text[start:end].rstrip("\"”»'` ")
    if not inner.endswith((",", "?", "!")):
        return None
    m = _CLOSING_CLAUSE.match(text, end)
    if m is None:
        return None
    group = "verb" if m.group("verb") else "verb2"
    who = "who" if group == "verb" else "who2"
    word = m.group(group)
    span = doc.char_span(m.start(group), m.end(group))
    lemma = span[0].lemma_.lower() if span is not None and len(span) == 1 else word
    if not (word in speech_verbs() or lemma in speech_verbs() or word in _TEXT_READS):
        return None
    return (m.start(group), m.end(group)), (m.start(who), m.end(who))


def clause_before(doc: Any, start: int) -> tuple[Any, bool] | None:
    """ "Filippo Grandi reacted skeptically to the deal, "...", "Trump issued a statement,
    "...", "telling the crowd, "...", "When Trump finally wrapped up — "...": a quote
    right after a comma, colon or dash that closes a clause with a subject is given by
    that subject, whatever the verb (news writes a quote on after the clause that brings
    it in): the verb the clause's last word hangs from; (verb, False)."""
    k = token_before(doc, start)
    if k is None or k < 1 or doc[k].text not in (",", ":", "—", "–", "--"):
        return None
    last = token_before(doc, doc[k].idx)
    if last is None or "\n" in doc.text[doc[last].idx : doc[k].idx]:
        return None  # a dash opening a line is a list's bullet: no clause closes there
    node = doc[last]
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.head.i < k:
        node = node.head
    if node.pos_ != "VERB" or node.i >= k or node.sent.start != doc[k].sent.start:
        return None
    if node.dep_ in ("relcl", "advcl") and node.head.i < k and not is_speech_verb(node):
        # a clause inside the one before ("Then came the moment everyone had been
        # waiting for, "..."", "The crowd booed as the mayor took the stage, "...""):
        # neither its subject nor the main one is told to be the quote's
        return None
    return node, False


def sentence_before(doc: Any, text: str, start: int) -> tuple[Any, bool] | None:
    """ "Sam Lau, the party's spokesman, said in a statement. "There are no paper
    ballots ...": a quote right after a sentence of its paragraph whose main verb is a
    speech verb with a subject and nothing reported goes on with that speaker; (verb,
    False)."""
    k = token_before(doc, start)
    if k is None or doc[k].text not in (".", "!"):
        return None
    if "\n" in text[doc[k].idx : start]:
        return None
    root = doc[k].sent.root
    if root.i > k or not is_speech_verb(root):
        return None
    if any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in root.children):
        return None  # it reports something of its own
    if any(c.dep_ == "neg" for c in root.children):
        return None  # "Her lawyer did not say. "..."": the quote is not theirs
    if not any(c.dep_ == "nsubj" and c.i < root.i for c in root.children):
        return None
    if any(c in text[doc[k].sent.start_char : doc[k].idx] for c in '"“”'):
        return None  # the sentence before holds a quote of its own
    return root, False


def source_label(text: str, start: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'TURNOUT IS UP - Michael P. McDonald: "..."', 'Polls did predict it - HuffPollster:
    "..."', 'More from the report: "..."': a roundup's label naming the source after a
    dash (or "from") closes the line before the quote's colon; the label, not the verb of
    the headline before the dash, gives the quote: (colon, name)."""
    colon = text.rfind(":", max(0, start - 3), start)
    if colon < 0 or text[colon + 1 : start].strip():
        return None
    line = text.rfind("\n", 0, colon) + 1
    inverted = _INVERTED.search(text, line, colon)
    if inverted is not None:
        # 'Said Ellis: "..."', 'Continued Stone: "..."': the verb opening its sentence
        # says the quote, its subject after it speaks
        return inverted.span(1), inverted.span(2)
    label = _LABEL.search(text, line, colon)
    return ((colon, colon + 1), label.span(1)) if label is not None else None


def named_colon(doc: Any, text: str, start: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """'Rep. Ann Lee (R-Ohio): "..."', 'TURNOUT IS UP - Jane Roe: "..."': a person's name
    and a colon right before a quote on its line introduce it as theirs: (colon, name).
    Only a name the tagger calls a person (not 'From the report:', 'Here is the text:')."""
    colon = text.rfind(":", max(0, start - 3), start)
    if colon < 0 or text[colon + 1 : start].strip():
        return None
    window = max(0, colon - 40)  # an aside "(R-Ohio)" between the name and the colon
    head = re.search(r"\s*(?:\([^()\n]{1,20}\))?\s*$", text[window:colon])
    stop = window + head.start() if head else colon
    span = doc.char_span(max(0, stop - 1), stop, alignment_mode="expand")
    if span is None or len(span) != 1 or span[0].ent_type_ != "PERSON":
        return None
    token = span[0]
    if token.pos_ != "PROPN" or token.dep_ in ("pobj", "dobj", "dative", "poss"):
        return None  # 'Her advice for Trump: "..."': whom it is about or addressed to
    first = token
    while (
        first.i > 0 and doc[first.i - 1].ent_type_ == "PERSON" and doc[first.i - 1].pos_ == "PROPN"
    ):
        first = doc[first.i - 1]
    return (colon, colon + 1), (first.idx, token.idx + len(token.text))


# a roundup's source label closing the line before a quote's colon: 'TURNOUT IS UP -
# Michael P. McDonald: "..."', 'Polls did predict it - HuffPollster: "..."', '... - More
# from Jones: "..."', 'Not all panels are equal. From the report: "..."' (who is quoted,
# whatever the tagger makes of the name)
_LABEL = re.compile(
    r"(?:[ \t\xa0][-–—][ \t\xa0]+(?:(?:More )?from[ \t\xa0]+)?"
    r"|(?:^|[.!?][ \t\xa0]+)(?:More )?[Ff]rom[ \t\xa0]+)"
    r"((?:the[ \t\xa0]+)?[A-Z][\w.'’-]*(?:[ \t\xa0]+[A-Z][\w.'’-]*){0,3}|the[ \t\xa0]+[a-z]+)"
    r"[ \t\xa0]*$",
    re.M,
)


# a verb of saying that opens its sentence with its subject after it, before a colon
# ("Asked Trump:" is who was asked, so not "ask")
_INVERTED = re.compile(
    r"(?:^|[.!?”\"’'][ \t\xa0]+)"
    r"(Said|Says|Added|Adds|Wrote|Writes|Continued|Continues|Explained|Explains|Replied|"
    r"Replies|Tweeted|Tweets|Concluded|Noted|Notes|Recalled|Recalls|Declared|Insisted)"
    r"[ \t\xa0]+((?:the[ \t\xa0]+)?[A-Z][^:\n“”\"]{0,60}?|the[ \t\xa0]+[a-z][^:\n“”\"]{0,40}?)"
    r"[ \t\xa0]*$",
    re.M,
)


_SHORT_CUE = re.compile(
    r"[ \t\xa0]+(?:he|she|they|I|we|[A-Z][\w.'’-]+(?:[ \t\xa0][A-Z][\w.'’-]+){0,3})[ \t\xa0]+"
    r"(?:said|says|asked|asks|replied|replies|answered|answers|added|adds|told|tells|"
    r"shouted|yelled)\b"
)


def spoken_line(text: str, start: int, end: int) -> bool:
    """'"Denver," he answered', '"You winning?" she said': a quotation too short to be a
    quote on its own length (or capitalised like a title) is one when it ends in a comma,
    "?" or "!" inside its marks and a speaker and a speech verb follow right after it (a
    scare quote or a title is not followed by "she said"); not a word woven into the
    writer's sentence ('a "big," he said, ...')."""
    inner = text[start:end].strip("\"”»'`‘’ ")
    before = text[max(0, start - 3) : start].rstrip(" \xa0")
    if not inner or (inner[0].islower() and before[-1:].isalnum()):
        return False
    return inner.endswith((",", "?", "!")) and _SHORT_CUE.match(text, end) is not None


def bare_cue(verb: Any) -> bool:
    """ "Trump said." standing alone: a speech verb with its subject and nothing it
    governs after it but adverbials ("said Sunday", "told reporters") up to the
    sentence's end; it can only be the cue of what came before it."""
    if any(
        c.dep_ in ("ccomp", "xcomp", "attr", "oprd", "conj") and c.i > verb.i for c in verb.children
    ):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    if verb.lemma_.lower() not in TELL_LEMMAS and any(
        c.dep_ == "dobj" and c.i > verb.i for c in verb.children
    ):
        return False  # "She noted a planned rally": what she noted follows, not a cue
    last = max(t.i for t in verb.subtree if not (t.is_punct or t.is_space))
    doc = verb.doc
    nxt = doc[last + 1] if last + 1 < len(doc) else None
    return nxt is None or nxt.text in (".", "!") or nxt.is_space


def cued_short_quote(doc: Any, text: str, start: int, end: int, cues: set[int]) -> bool:
    """A quotation too short to count as a quote on its length alone ('Priebus said,
    "Probably."', '"Quiet," he demanded', '"Mexico!" the audience screamed back') is one
    when a cue stands right beside it: a speech verb and a comma or colon before it, the
    quotation closing its sentence; or, after a quotation that ends in a comma, "?" or
    "!" inside its marks, a verb whose subject stands between the two. (A scare quote or
    a title sits inside the writer's sentence, with no cue next to it.)"""
    inner = text[start:end].strip("\"“”«»„'`‘’ ")
    before = text[max(0, start - 3) : start].rstrip(" \xa0")
    if not any(c.isalpha() for c in inner) or (inner[0].islower() and before[-1:].isalnum()):
        return False
    k = token_before(doc, start)
    if (
        k is not None
        and k > 0
        and doc[k].text in (",", ":")
        and doc[k - 1].i in cues
        and inner.endswith((".", "!", "?"))
    ):
        return True
    if not inner.endswith((",", "?", "!")):
        return False
    span = doc.char_span(end, min(len(text), end + 1), alignment_mode="expand")
    if span is None:
        return False
    i = span.start
    while i < len(doc) and (doc[i].is_space or doc[i].idx < end) and "\n" not in doc[i].text:
        i += 1
    for token in doc[i : i + 6]:
        if token.is_punct or "\n" in token.text or token.dep_ in ("mark", "cc"):
            return False
        subject = any(c.dep_ == "nsubj" and end <= c.idx < token.idx for c in token.children)
        if token.pos_ == "VERB" and subject:
            return True
    return False


def words_before_cue(text: str, end: int, cue: int) -> tuple[int, int] | None:
    """'“... before the convention” an intelligence source, who was not authorized to
    speak, told Fox News', '“... for anyone” Will wrote': with no comma before its
    closing mark the parser runs the attribution into the quote's clause; the short
    phrase between the quote and the cue verb (up to its own comma) is who speaks."""
    stretch = text[end:cue]
    if "\n" in stretch:
        return None
    # (only the phrase itself must hold no quote mark: '"...," Texas delegate Bill
    # Eastland, wearing "Ted Cruz" pins, said' quotes a name in the aside after it)
    phrase = stretch.split(",")[0].strip()
    if any(m in phrase for m in '“”"'):
        return None
    words = phrase.split()
    if not 1 <= len(words) <= 6:
        return None
    if not (
        words[0][:1].isupper()
        or words[0].lower() in ("a", "an", "the", "one", "another")
        or _titled_name(words)
    ):
        return None
    at = text.index(phrase, end)
    return at, at + len(phrase)


def _titled_name(words: list[str]) -> bool:
    """ "screenwriter Cole Haddon", "former aide Jane Roe": lower-case words naming a
    job before a capitalised name (the words end on the name)."""
    return words[0].isalpha() and words[0].islower() and words[-1][:1].isupper()


def outer_report(verb: Any) -> Any:
    """ "Mr. Amar said that if viewed through the lens of negotiating strategy, some kind
    of grand bargain might be possible: ''...''": a verb before a quote that lies inside
    what an earlier speech verb of its sentence reports ("viewed", under "said") is part
    of that report; the quote goes on with the report, whose verb is its cue. (Only for
    a participle before a colon: a finite verb there may well be a new speaker's.)"""
    node = verb
    passed_clause = False
    for _ in range(6):
        if node.head.i == node.i:
            break
        passed_clause = passed_clause or node.dep_ == "ccomp"
        node = node.head
        if passed_clause and node.i < verb.i and is_speech_verb(node):
            return node
    return verb
