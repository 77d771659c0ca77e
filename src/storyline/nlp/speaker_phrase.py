"""The words that name a speaker: a subject's noun phrase without the clauses that say
more about it ("Flynn, a top Trump surrogate, who ..." -> "Flynn, a top Trump surrogate"),
past a wire dateline, up to the maker of a record ("a poll conducted by the Times")."""

from __future__ import annotations

from typing import Any

from storyline.nlp.dateline import dateline_at
from storyline.nlp.quote_text import trim_span

_SPEAKER_CUT = {"relcl", "acl", "punct", "advcl", "prep"}


def noun_phrase(head: Any, text: str, asides: bool = True) -> tuple[int, int]:
    """The speaker phrase: the subject's subtree without relative clauses and their like.

    Left-side modifiers ("Russia's foreign minister Sergei") stay; material after the head
    that opens a new clause goes. Appositions and conjuncts stay with their commas
    ("Flynn, a top Trump surrogate", "X, the US president, and Y") unless ``asides`` is
    False; a comma-separated aside that is neither (", 54,") goes.
    """
    head = _past_dateline(head, text)
    head = _name_after_list(head) or head
    keep = [head]
    joined = [c for c in head.children if c.dep_ in ("conj", "appos") and c.i > head.i]
    if not asides:
        joined = []
    # "said Delacruz, 28.": an age closing the phrase is not part of who speaks
    age = joined[-1] if joined and joined[-1].like_num and not list(joined[-1].children) else None
    if age is not None:
        joined = joined[:-1]
    last_joined = max((c.i for c in joined), default=head.i)
    # "The other candidate on the stage, Hillary Clinton": all of a description its
    # apposition names (on one line) is the phrase, what describes it before the name too
    described = head.pos_ == "NOUN" and any(c.dep_ == "appos" for c in joined)
    described = described and "\n" not in text[head.idx : head.doc[last_joined].idx]
    for child in head.children:
        short_prep = (
            child.dep_ == "prep"
            and child.lower_ in ("of", "for", "in", "at", "from")
            and child.i == head.i + 1
            and (head.pos_ != "PROPN" or child.lower_ == "of")  # not "Kellenberger for his part"
        ) or (described and child.dep_ in ("acl", "prep") and head.i < child.i < last_joined)
        made = _made_by(child) if head.pos_ == "NOUN" and child.i > head.i else None
        # the commas of "Flynn, a Trump surrogate," and "X, the US president, and Y"
        inner_comma = child.dep_ == "punct" and child.text == "," and head.i < child.i < last_joined
        aside = not asides and child.dep_ in ("conj", "appos", "cc") and child.i > head.i
        if aside or child is age:
            continue
        if made is not None:  # up to the maker: not "on Tuesday" after "by the ministry"
            keep.extend(t for t in child.subtree if t.i <= made)
        elif child.i < head.i or short_prep or inner_comma or child.dep_ not in _SPEAKER_CUT:
            keep.extend(child.subtree)
    # a phrase is contiguous: stop at the first gap from the head outwards
    indices = sorted({t.i for t in keep})
    doc = head.doc
    lo = hi = head.i
    index_set = set(indices)
    while lo - 1 in index_set:
        lo -= 1
    while hi + 1 in index_set:
        hi += 1
    lo = _misattached_name(doc, lo, head)
    for token in doc[head.i + 1 : hi + 1]:
        # "Smith, a spokesman for the company - which has 200 stores - said": a dash
        # aside after the phrase says more about it, it does not name who speaks
        if token.text == "—" or (token.text in ("-", "–") and doc[token.i - 1].whitespace_):
            hi = token.i - 1
            break
    span = doc[lo : hi + 1]
    return trim_span(text, span.start_char, span.end_char)


def _name_after_list(head: Any) -> Any | None:
    """The name after a closed list that the parser joined to the list as one more item
    ("authorities found 190 passports, three printers, ... and a laptop, Modern Ghana
    reported": the subject it gives is "printers"). A list ends on its "and"/"or" item, so
    a name after it, set off by a comma, is a phrase of its own: who reports the list."""
    if head.pos_ != "NOUN":
        return None
    items, todo = [], [head]
    while todo:
        item = todo.pop()
        items.append(item)
        todo.extend(c for c in item.children if c.dep_ == "conj")
    items.sort(key=lambda t: t.i)
    doc, last = head.doc, items[-1]
    if len(items) < 3 or last.pos_ != "PROPN" or doc[last.left_edge.i - 1].text != ",":
        return None
    closed = any(doc[t.left_edge.i - 1].lower_ in ("and", "or") for t in items[1:-1])
    return last if closed else None


# participles that say who made a record ("a poll conducted by", "an email sent out by")
_MADE = frozenset(
    {
        "provide", "file", "release", "publish", "write", "send", "conduct", "compile",
        "issue", "prepare", "obtain", "produce", "commission", "post", "sign", "author",
        "make", "draft", "pen", "record", "film", "tweet", "report", "carry", "run",
    }
)  # fmt: skip


def _made_by(child: Any) -> int | None:
    """ "a report by the inspector general", "a poll conducted by the Times": who made
    the record is part of the phrase that names it (not "states led by West Virginia":
    the leader is another party); the index of the maker's last word, else None."""
    if child.dep_ == "prep" and child.lower_ == "by":
        return int(child.right_edge.i)
    if child.dep_ != "acl" or child.tag_ != "VBN" or child.lemma_.lower() not in _MADE:
        return None
    agents = [c for c in child.children if c.dep_ == "agent"]
    return int(agents[0].right_edge.i) if agents else None


def _past_dateline(head: Any, text: str) -> Any:
    """ "KATHMANDU, Nepal (AP) — A Swiss climber who found ... said": the parser made the
    dateline the subject; who speaks is the noun phrase right after it (its head)."""
    found = dateline_at(text, head.idx)
    if found is None:
        return head
    doc = head.doc
    i = head.i
    while i < len(doc) and doc[i].idx < found[1]:
        i += 1
    if i == len(doc):
        return head
    token = doc[i]
    while token.head.i > token.i and token.head.i != head.i:
        token = token.head  # "Former Attorney General Michael Mukasey": up to the name
    if token.head.i == head.i and token.dep_ == "appos":
        # "New York (AFP) – Oscar-winning actress Susan Sarandon": the parser hangs the
        # description and the name each on the place; the name is who speaks
        names = [c for c in head.children if c.dep_ == "appos" and c.i >= i]
        named = [c for c in names if c.ent_type_ == "PERSON"]
        token = named[0] if named else token
    return token if token.pos_ in ("NOUN", "PROPN", "PRON") else head


def _misattached_name(doc: Any, lo: int, head: Any) -> int:
    """ "as Barack Obama, the US president, and Vladimir Putin, his Russian counterpart,
    called": the parser hangs the first name on "as" and makes "the US president" the
    subject; when the subject's conjunct is a name with its own apposition, the name
    before the comma belongs to the phrase (the new start index, else ``lo``)."""
    if lo < 2 or doc[lo - 1].text != "," or doc[lo - 2].pos_ != "PROPN":
        return lo
    if head.pos_ != "NOUN" or not any(
        c.dep_ == "conj" and c.pos_ == "PROPN" and any(a.dep_ == "appos" for a in c.children)
        for c in head.children
    ):
        return lo
    start = lo - 2
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound":
        start -= 1
    return start
