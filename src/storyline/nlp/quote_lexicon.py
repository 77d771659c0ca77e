"""The speech-verb lexicon of quote attribution: the Gender Gap Tracker's verb list (MIT,
© 2018-2023 Maite Taboada; licence in ``data/quote_verbs_en.LICENSE.txt``) plus verbs of
our own, the stance verbs and the nouns that name a position (``quote_syntax`` and
``quote_nouns`` read them off the parse)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

# Verbs we add to the GGT list: common in wire copy, missing from it.
_EXTRA_SPEECH_LEMMAS = {
    "say", "tell", "add", "deny", "learn", "show", "find", "cite", "quote", "ask", "agree",
    "acknowledge", "recall", "emphasize", "emphasise", "observe", "reveal", "complain",
    "concede", "contend", "maintain", "stress", "urge", "vow", "pledge", "promise",
    "believe", "worry", "fear", "hope", "expect", "estimate", "signal", "allege", "charge",
    "accuse", "question", "wonder", "caution", "predict", "admit", "argue", "insist",
    "announce", "confirm", "report", "claim", "write", "note", "warn", "suggest", "explain",
    "indicate", "declare", "state", "testify", "tweet", "reply", "respond", "conclude",
    "mention", "assert", "assure", "reiterate", "boast", "joke", "recount", "recommend",
    "counter",
}  # fmt: skip
# speech verbs only with a reported clause: "The premier countered that regimes were no
# insurance" reports words, "to counter the threat" does not (PolNeAR train: its 3 uses
# with a clause are attributions, 3 of its 17 others)
CLAUSE_ONLY = {"counter"}
# verbs that report a finding only with what was found to hold ("the poll found Trump
# ahead", "found that", "I find his message chilling"); with a bare object they locate
# or obtain ("could not find a job", "to find common ground": PolNeAR train, 12 of 46)
FINDING_ONLY = {"find"}  # (in its bare form: "found evidence of" reports a finding)
FINDING_DEPS = {"ccomp", "xcomp", "oprd", "acomp", "attr"}
# verbs that attribute only with more than a bare object: "rule" reports a decision with
# a clause ("ruled that"), a finding ("ruled the death a homicide") or a side ("ruled
# against him"), but governs with a bare object ("the third of his line to rule North
# Korea"); "call" names or demands ("called him a liar", "called for", and the parser
# often makes the name a second object: "called the protester "a troublemaker""), but
# phones with a lone pronoun object or "up"/"back" ("Françoise would call me", "call
# me up")
NEEDS_COMPLEMENT = {"rule", "call"}
# what is made to be watched, heard or read: with a bare object its verb tells what it has
# or gives, never a position ("the remake boasts better production values", "the film
# offers enough gore"); a critic's words about it are the critic's
WORKS = frozenset(
    {
        "film", "movie", "remake", "reprise", "sequel", "prequel", "reboot",
        "show", "episode", "sitcom", "drama", "comedy", "thriller",
        "documentary", "musical", "album", "song", "novel",
        "adaptation", "trailer", "franchise", "shocker", "blockbuster",
        "flick", "opera", "play",
    }
)  # fmt: skip
# Attitude and stance verbs: they attribute a position (PolNeAR's notion of attribution)
# when they take a clause, a to-infinitive or an object ("criticized the plan").
STANCE_LEMMAS = {
    "criticize", "criticise", "blast", "slam", "praise", "attack", "call", "describe",
    "propose", "plan", "want", "need", "refuse", "demand", "offer", "promise", "pledge",
    "threaten", "agree", "decline", "support", "oppose", "reject", "endorse", "urge", "ask",
    "accuse", "dismiss", "condemn", "applaud", "welcome", "advocate", "recommend", "view",
    "consider", "see", "know", "feel", "understand", "expect", "predict", "hope", "fear",
    "worry", "believe", "think", "doubt", "show", "find", "suggest", "indicate", "reveal",
    "disclose", "acknowledge", "admit", "concede", "recall", "mention", "discuss", "debate",
    "question", "echo", "compare", "signal", "insist", "vow", "seek", "hint", "estimate",
    "forecast", "conclude", "decide", "rule", "order", "explain", "reference", "cite",
    "talk", "speak", "sing", "write", "tweet", "post", "admire", "deny", "blame", "warn",
    "announce", "highlight", "label", "brand", "mock", "defend", "deride", "lament",
    "invoke", "charge", "persuade", "bristle", "choose", "love", "hate", "despise",
    "favor", "prefer", "embrace", "tout", "extol", "laud", "hail", "decry", "rip", "scold",
    "chide", "assail", "dispute", "challenge", "reaffirm", "outline", "unveil", "weigh",
    "mull", "recite", "lambaste", "excoriate", "denounce", "tease", "fault",
    # (not "back": "Russia first backed the idea" is an act of support, not words)
    # PolNeAR train: verbs of which 40% or more of 8+ uses are marked as attributions
    "rail", "credit", "rebut", "lash", "speculate", "envision", "portray", "liken",
    "chant", "remark", "rebuke", "dub", "brag", "characterize", "imply", "detail",
    "disavow", "attribute", "suspect", "contemplate", "articulate", "interject",
    "retweet", "retweete", "rebuff", "interpret", "side", "document",
    # attributions PolNeAR marks that the list missed (train split)
    "thank", "congratulate", "vote", "refer", "express", "repeat", "list", "ridicule",
    "plead", "share", "hop", "name", "commend", "salute", "answer", "yell",
    "shout", "push", "press", "intend", "deem", "address", "cast", "voice",
}  # fmt: skip
# nouns that name a position someone holds or voiced ("his attacks on", "criticism of")
ATTRIBUTION_NOUNS = frozenset(
    {
        "question", "criticism", "attack", "promise", "complaint", "endorsement", "proposal",
        "accusation", "message", "remark", "claim", "disclosure", "request", "suggestion",
        "reference", "insistence", "declaration", "concern", "advice", "announcement",
        "comment", "statement", "warning", "pledge", "vow", "praise", "denial", "demand",
        "argument", "critique", "assertion", "objection", "embrace", "critic", "position",
    }
)  # fmt: skip
NOUN_CONTENT_PREPS = frozenset({"of", "on", "about", "against", "to", "over"})


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """Lower-case inflected forms and lemmas that can head a reported-speech clause."""
    listing = resources.files("storyline.nlp").joinpath("data/quote_verbs_en.txt")
    words = {w.strip().lower() for w in listing.read_text(encoding="utf-8").splitlines()}
    return frozenset(w for w in words | _EXTRA_SPEECH_LEMMAS if w)


# GGT verbs that, in news copy, mostly do not report speech.
# Verbs whose object is the listener, never the message.
TELL_LEMMAS = {"tell", "inform", "notify", "remind", "assure", "reassure"}
# (need, raise, choose, love, hate: on PolNeAR train under a tenth of their uses attribute
# anything, and their objects made most of the extra quotes: "raised questions", "need it";
# speak, maintain, advise: more of their quotes were wrong than right there)
NOT_SPEECH = {
    "ensure", "persist", "present", "release", "illustrate", "demonstrate", "continue",
    "need", "raise", "choose", "love", "hate", "speak", "maintain", "advise",
}  # fmt: skip
