"""The quotes scorer: a pronoun speaker is right only when resolved to the name it means."""

from storyline.evaluate.quotes import Prediction, _name_word, gold_referents, score

TEXT = "Sen. Ted Cruz (R-Texas) said taxes were high. He said spending was worse. It rained."


def _gold(quote: str, speaker: str | None, speaker_at: int | None = None) -> dict:
    start = TEXT.index(quote)
    span = None
    if speaker is not None:
        at = TEXT.index(speaker) if speaker_at is None else speaker_at
        span = [at, at + len(speaker)]
    return {
        "quote_span": [start, start + len(quote)],
        "speaker": speaker,
        "speaker_span": span,
        "quote_type": "indirect",
    }


DOC = {
    "text": TEXT,
    "quotes": [
        _gold("taxes were high", "Sen. Ted Cruz (R-Texas)"),
        _gold("spending was worse", "He", TEXT.index("He said")),
    ],
}


def _pred(quote: str, words: str, resolved: str | None) -> Prediction:
    s = TEXT.index(quote)
    w = TEXT.index(words)
    return Prediction((s, s + len(quote)), (w, w + len(words)), resolved)


def test_name_words_of_sources():
    assert _name_word("Sen. Ted Cruz (R-Texas)") == "cruz"
    assert _name_word("Clinton's opponent, Vermont Sen. Bernie Sanders,") == "sanders"
    assert _name_word("Brent Bozell III, founder of the group") == "bozell"
    assert _name_word("he") is None and _name_word("I") is None
    assert gold_referents(DOC["quotes"]) == {1: "cruz"}
    # capitalised at a sentence's start or as a day, not a name a pronoun can mean
    assert _name_word("Few people") is None and _name_word("Many lawmakers") is None
    assert _name_word("His program on Wednesday") is None


def test_a_pronoun_speaker_counts_only_when_resolved_to_the_referent():
    cruz = _pred("taxes were high", "Ted Cruz", None)
    unresolved = [cruz, _pred("spending was worse", "He", None)]
    resolved = [cruz, _pred("spending was worse", "He", "Ted Cruz")]
    wrong = [cruz, _pred("spending was worse", "He", "Bernie Sanders")]
    rows = {
        name: score([DOC], [preds], 0.3)
        for name, preds in (("unresolved", unresolved), ("resolved", resolved), ("wrong", wrong))
    }
    assert rows["resolved"].speaker_correct == 2
    assert rows["unresolved"].speaker_correct == 1 and rows["wrong"].speaker_correct == 1
    # by surface overlap all three would have been right
    assert all(r.surface_correct == 2 for r in rows.values())


def test_a_role_title_with_of_is_not_the_name_and_a_party_member_is_no_name():
    assert _name_word("Former Secretary of State Hillary Clinton") == "clinton"
    assert _name_word("Deputy Secretary of State Tom Nides") == "nides"
    assert _name_word("Joel Pollak of Breitbart California") == "pollak"
    assert _name_word("the Wisconsin Republican") is None
    assert _name_word("A Democrat") is None


def test_words_resolved_to_the_marked_source_count():
    text = "The paper ran a headline that said the war was over."
    quote = "the war was over"
    q, src = text.index(quote), text.index("a headline")
    doc = {
        "text": text,
        "quotes": [
            {
                "quote_span": [q, q + len(quote)],
                "speaker": "a headline",
                "speaker_span": [src, src + len("a headline")],
                "quote_type": "indirect",
            }
        ],
    }
    that = text.index("that")
    words = (that, that + 4)
    resolved = Prediction((q, q + len(quote)), words, "a headline", (src, src + 10))
    unresolved = Prediction((q, q + len(quote)), words, None)
    assert score([doc], [[resolved]], 0.3).speaker_correct == 1
    assert score([doc], [[unresolved]], 0.3).speaker_correct == 0
    assert score([doc], [[resolved]], 0.3).surface_correct == 0


def test_he_never_refers_to_a_group():
    # "Republicans", or "Supporters" opening a sentence (the article writes "supporters"
    # too): a group is never "he"; the person named before it is
    text = (
        "Paul Ryan said the bill was ready. Republicans said it would pass. "
        "Supporters said the vote was near, and supporters cheered. He said it was done."
    )

    def gold(quote: str, speaker: str) -> dict:
        q, s = text.index(quote), text.index(speaker)
        return {
            "quote_span": [q, q + len(quote)],
            "speaker": speaker,
            "speaker_span": [s, s + len(speaker)],
            "quote_type": "indirect",
        }

    quotes = [
        gold("the bill was ready", "Paul Ryan"),
        gold("it would pass", "Republicans"),
        gold("the vote was near", "Supporters"),
        gold("it was done", "He"),
    ]
    assert gold_referents(quotes, text) == {3: "ryan"}
