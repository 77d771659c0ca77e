"""Who speaks when the parser hangs a closing cue's subject inside what was said:
"Two emails ... have been placed in secure storage, Patrick F. Kennedy, the undersecretary
for management, wrote in a memo" parses "Kennedy" as an apposition of "storage", leaving
"wrote" with no subject and the name inside its reported clause."""

from __future__ import annotations

from typing import Any

# what may stand between a reported clause and the name that closes it
_BEFORE_NAME = {",", "”", "’", '"', "''"}


def name_closing_clause(verb: Any, content: tuple[int, int]) -> tuple[tuple[int, int], Any] | None:
    """(the clause cut before the name, the name's head) when ``content`` ends, right
    before the subjectless cue ``verb``, on a person's name set off by a comma (with its
    apposition): in English news "CLAUSE, NAME(, TITLE,) said" names the reporter there,
    never a person the clause speaks of."""
    doc = verb.doc
    if content[1] > verb.idx:
        return None
    sent = verb.sent
    for token in doc[max(sent.start, 0) : verb.i]:
        if token.idx < content[0] or token.ent_type_ != "PERSON":
            continue
        if token.dep_ in ("compound", "nsubj", "nsubjpass", "poss") or token.head.i > verb.i:
            continue
        left, right = token.left_edge, token.right_edge
        after = doc[right.i + 1] if right.i + 1 < verb.i else None
        comma_then_verb = after is not None and after.text == "," and after.i + 1 == verb.i
        if right.i + 1 != verb.i and not comma_then_verb:
            continue
        if left.i < 1 or left.i <= sent.start or doc[left.i - 1].text not in _BEFORE_NAME:
            continue
        end = doc[left.i - 1].idx
        if doc[left.i - 1].text != ",":
            end += len(doc[left.i - 1].text)  # the closing mark belongs to the quote
        if end - content[0] < 10:
            return None
        return (content[0], end), token
    return None


def gerund_controller(verb: Any) -> Any | None:
    """ "In addition to stating that ..., Clinton has vowed", "After saying X, Trump left":
    a gerund in a prepositional phrase hung on a later verb has that verb's subject for
    its own (English adjunct control), however deep the phrase ("In addition to")."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp":
        return None
    node = verb.head
    for _ in range(4):
        if node.dep_ not in ("prep", "pobj") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    if node.pos_ not in ("VERB", "AUX") or node.i < verb.i:
        return None
    subjects = [c for c in node.children if c.dep_ == "nsubj" and c.i > verb.i]
    if not subjects or subjects[0].lower_ in ("it", "there"):
        return None
    return subjects[0]
