"""Numbers that are words of a name, not counts: "Bay News 9 reporter", "the Big Ten
school", a title ("50 Cent", "10 Essential Tracks"), a rank ("the top 10 list")."""

from __future__ import annotations

import re
from typing import Any

# months and weekdays are capitalised but date a count ("In March 20 people died"), they
# end no name
_CALENDAR_WORDS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september"]
    + ["october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug"]
    + ["sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday"]
    + ["friday", "saturday", "sunday"]
)

# a number the NER reads as a date, a time or an order counts nothing
SKIP_ENTS = frozenset({"DATE", "TIME", "ORDINAL"})


def rank_or_name_word(doc: Any, first: Any, match: re.Match) -> bool:
    """A number after "top" ranks ("in the top 10 list", "a top-five finish"); a number
    word with a capital inside a sentence is a word of a name ("the Big Ten school",
    "the Final Four")."""
    if first.i > 0 and doc[first.i - 1].lower_ == "top":
        return not match.group("percent")  # ("the top 1 percent of earners" is a share)
    # (after another word: a quote's, a colon's or a dateline's first word opens a
    # sentence the parser may not split off: '"Two people are dead," he said')
    number = match.group("number")
    after_word = first.i > 0 and doc[first.i - 1].is_alpha and not first.is_sent_start
    return number[0].isupper() and number.isalpha() and after_word


def ends_a_name(doc: Any, first: Any, match: re.Match) -> bool:
    """Is a bare figure the last word of a name the NER model missed ("Spectrum Bay News 9
    reporter", "Channel 4 footage", "Apollo 11 crew")? English puts a count before the
    name it counts, not right after a proper noun inside a clause."""
    if match.group("modifier") or match.group("currency") or match.group("percent"):
        return False
    if match.group("scale") or not match.group("number")[0].isdigit():
        return False
    if first.i == 0 or first.is_sent_start:
        return False
    previous = doc[first.i - 1]
    # one noun phrase ("News" and "9" both hang on "reporter Dave Jordan"); "He told CNN
    # 40 people died" starts a new clause at the figure
    phrase = {first.i}
    node = first
    while node.head.i != node.i and node.head.pos_ in ("NOUN", "PROPN", "NUM"):
        node = node.head
        phrase.add(node.i)
    joined = previous.head.i in phrase or previous.i in phrase
    return (
        joined
        and previous.pos_ == "PROPN"
        and previous.is_alpha
        and previous.text[0].isupper()
        and previous.ent_type_ not in SKIP_ENTS
        and previous.lower_ not in _CALENDAR_WORDS
    )


# how English forms a nationality noun (Nepali, Chinese, Syrian, Afghan, Danish), which
# the NER model sometimes tags as the country
_DEMONYM_ENDINGS = ("i", "ese", "ian", "an", "ish")


def names_a_title(doc: Any, tok: Any, noun: Any, value: float) -> bool:
    """Is the number the first word of a name or a title rather than a count? A count
    above one takes a plural noun, so a singular proper noun after it makes a name ("50
    Cent", "8 Mile"); a run of capitalised words is a title ("10 Essential Tracks"), while
    one capitalised plural ("300 Marines") or a nationality ("12 Nepali") counts people."""
    if noun.ent_type_ == "NORP" or (
        noun.ent_type_ == "GPE" and noun.lower_.endswith(_DEMONYM_ENDINGS)
    ):
        return False  # "12 Nepali", "40 Democrats": people counted by nationality or party
    if noun.tag_ == "NNP" and value != 1:
        return True
    words = [t for t in doc[tok.i + 1 : noun.i + 1] if t.is_alpha]
    return len(words) >= 2 and all(t.text[0].isupper() for t in words)
