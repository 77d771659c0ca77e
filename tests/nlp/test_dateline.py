"""Datelines opening a paragraph: found where they are, and nowhere else."""

from __future__ import annotations

from storyline.nlp.dateline import dateline_at


def test_datelines_at_paragraph_starts_are_found_and_nothing_else():
    text = (
        "KATHMANDU, Nepal (AP) — A climber said it.\n"
        "WASHINGTON (Reuters) - Officials met.\n"
        "(CNN) -- The storm hit.\n"
        "The U.S. - China talks resumed. NATO - the alliance - met."
    )
    found = [dateline_at(text, text.index(w)) for w in ("Nepal", "Reuters", "CNN")]
    assert [text[end : end + 9] for _, end in found] == ["A climber", "Officials", "The storm"]
    assert dateline_at(text, text.index("climber")) is None  # after the dateline
    assert dateline_at(text, text.index("U.S.")) is None
    assert dateline_at(text, text.index("NATO")) is None  # not at a paragraph start


def test_a_place_in_any_case_is_a_dateline_only_before_a_wire_agency():
    text = (
        "New York (AFP) – An actress said it.\n"
        "CLEVELAND, July 19 (UPI) — A lawyer said it.\n"
        "Sen. Ted Cruz (R-Texas) - the senator - said it.\n"
        "Obama (D) - who said it."
    )
    found = [dateline_at(text, text.index(w)) for w in ("New York", "CLEVELAND")]
    assert [text[end : end + 9] for _, end in found] == ["An actres", "A lawyer "]
    assert dateline_at(text, text.index("Sen.")) is None
    assert dateline_at(text, text.index("Obama")) is None


def test_odd_text_never_raises_and_a_bare_dateline_opens_nothing():
    for text in ("", "—", "WASHINGTON —", "WASHINGTON —\n", "\n\n  (AP) —", "A" * 5000):
        for at in {0, len(text) // 2, max(len(text) - 1, 0)}:
            assert dateline_at(text, at) is None  # nothing follows a dateline here
    text = "  BEIRUT — The army said so."
    assert dateline_at(text, text.index("BEIRUT")) == (2, text.index("The"))


def test_cnns_own_dateline_without_a_dash_is_one():
    # a reader saw "(CNN) Your favorite fitness tracker may not be ..." as a story title
    text = "(CNN)Your tracker may be wrong.\n(CNN) The storm hit.\n(CNN) reported a fire."
    found = [dateline_at(text, text.index(w)) for w in ("(CNN)Your", "(CNN) The")]
    assert [text[end : end + 4] for _, end in found] == ["Your", "The "]
    assert dateline_at(text, text.index("(CNN) reported")) is None  # the name as a subject


def test_a_news_service_named_in_full_and_cnns_place_are_datelines():
    # a reader saw "(HealthDay News) -- Babies process ..." and "MONDAY, July 2 (HealthDay
    # News) -- Whether ..." as story titles, and "Washington (CNN) Vermont Sen. ..." in a
    # summary
    text = (
        "(HealthDay News) -- Babies nap.\n"
        "MONDAY, July 2 (HealthDay News) -- Whether pain lasts.\n"
        "Washington (CNN) Vermont Sen. Bernie Sanders spoke.\n"
        "Jake Tapper (CNN) said so.\n"
        "The Daily News (Opinion) - is a column."
    )
    found = [dateline_at(text, text.index(w)) for w in ("(Health", "MONDAY", "Washington")]
    assert [text[end : end + 7] for _, end in found] == ["Babies ", "Whether", "Vermont"]
    assert dateline_at(text, text.index("Jake")) is None  # the network after a name
    assert dateline_at(text, text.index("The Daily")) is None
