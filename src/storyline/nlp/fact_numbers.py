"""Numbers as news writes them: number words, scales, currencies and what a sum is in.

A fact's value is parsed here ("about 50", "$550m", "5 million pounds"); ``facts`` finds
the numbers in a parse and what they count.
"""

from __future__ import annotations

import re
from typing import Any

WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "dozen": 12,
    # "half a dozen residents" is six of them, not a dozen
    "half a dozen": 6,
}
SCALES = {
    "hundred": 1e2,  # "three hundred employees" is 300, not three "hundred employees"
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
CURRENCIES = {"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY"}
CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "pounds": "GBP",
    "euros": "EUR",
    "euro": "EUR",
    "roubles": "RUB",
    "rubles": "RUB",
    "yen": "JPY",
}
# "pounds" weighs ("she lost about 50 pounds") unless the sum has a scale ("5 million
# pounds") or its sentence speaks of money ("fined 500 pounds", "worth 20 pounds", "a
# fine of 500 pounds"); the adjective "fine" ("she looks fine") says nothing of money
MONEY_WORDS = re.compile(
    r"\b(?:costs?|paid|pay|pays|worth|fined|fines|(?<=\ba )fine|(?<=\bthe )fine|prices?|spent|spend|budget|salary|wages?|sterling"
    r"|compensation|damages|raised|funding|tax|revenue|profits?|sold|bought|award(?:ed)?)\b",
    re.IGNORECASE,
)


def is_money_word(noun: Any, scale: str | None) -> bool:
    word = noun.lower_
    if word not in CURRENCY_WORDS:
        return False
    return word != "pounds" or bool(scale) or MONEY_WORDS.search(noun.sent.text) is not None


def parse_number(number: str, scale: str | None = None) -> float | None:
    word = " ".join(number.lower().split())
    if word in WORD_NUMBERS:
        value = float(WORD_NUMBERS[word])
    else:
        try:
            value = float(number.replace(",", ""))
        except ValueError:
            return None
    if scale:
        value *= SCALES.get(scale.lower(), 1.0)
    return value
