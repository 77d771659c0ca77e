"""Who said what as brief.md shows it: the speaker's name and role, and the words the
article used for them when those were not the name."""

from __future__ import annotations

from dataclasses import replace

from storyline.brief.layer_view import layer_markdown, said_as
from storyline.layer import EntityItem, MentionRef, QuoteItem, StoryLayer

TEXT = (
    "A spokesman for the fleet, Vyacheslav Trukhachev, told Interfax the ships would sail. "
    "His comments were meant to clarify the reports. Mr Trukhachev said the ships were ready."
)


def _quote(text: str, words: str | None, speaker: str = "Vyacheslav Trukhachev") -> QuoteItem:
    start = TEXT.index(text)
    at = TEXT.index(speaker)
    w_at = TEXT.index(words) if words else None
    return QuoteItem(
        text, "a1", start, start + len(text), speaker, "E1", at, at + len(speaker), words,
        w_at, None if w_at is None else w_at + len(words or ""), "said", "indirect",
    )  # fmt: skip


def _layer() -> StoryLayer:
    name = "Vyacheslav Trukhachev"
    at = TEXT.index(name)
    entity = EntityItem("E1", name, "PERSON", ["Mr Trukhachev"], "spokesman",
                        [MentionRef("a1", at, at + len(name))])  # fmt: skip
    return StoryLayer(
        entities=[entity],
        quotes=[
            _quote("the ships would sail", "A spokesman for the fleet, Vyacheslav Trukhachev"),
            _quote("the reports", "His comments"),
            _quote("the ships were ready", "Mr Trukhachev"),
        ],
    )


def test_who_said_what_shows_name_role_and_the_articles_words():
    lines = layer_markdown(_layer(), {"a1": TEXT})
    assert "- **Vyacheslav Trukhachev**, spokesman" in lines
    said = [line for line in lines if line.startswith("  - ")]
    assert "(as “His comments”)" in said[1]
    assert "(as “A spokesman for the fleet, Vyacheslav Trukhachev”)" in said[0]
    assert "(as" not in said[2]  # "Mr Trukhachev" says nothing the name does not
    assert not any("““" in line or "””" in line for line in lines)


def test_said_as_leaves_out_the_name_itself():
    quote = _quote("the ships were ready", None)
    assert said_as(quote, "Vyacheslav Trukhachev") is None


def test_said_as_leaves_out_words_that_differ_only_by_an_article_or_case():
    quote = _quote("the ships would sail", None)
    quote = replace(quote, speaker="Black Sea Fleet", speaker_words="the Black Sea Fleet")
    assert said_as(quote, "Black Sea Fleet") is None
    quote = replace(quote, speaker_words="the activist")
    assert said_as(quote, "one activist in Homs") == "the activist"


def test_a_speaker_that_is_no_entity_groups_whatever_its_articles_case():
    one = replace(_quote("the ships would sail", None), speaker="The Assad regime",
                  speaker_entity=None)  # fmt: skip
    two = replace(_quote("the ships were ready", None), speaker="the Assad regime",
                  speaker_entity=None)  # fmt: skip
    sourced = replace(_quote("the reports", None), source="officials at the summit")
    lines = layer_markdown(StoryLayer(entities=_layer().entities, quotes=[one, two, sourced]))
    lines = lines[lines.index("### Who said what") :]
    assert [line for line in lines if line.startswith("- **")] == [
        "- **the Assad regime**",
        "- **Vyacheslav Trukhachev**, spokesman",
    ]
    assert any("said (according to officials at the summit): “the reports”" in line
               for line in lines)  # fmt: skip


def test_a_quote_split_by_its_attribution_is_shown_without_it():
    text = "“We are under siege,” the activist said. “We have no medicine.”"
    quote = QuoteItem(
        text, "a2", 0, len(text), "the activist", None, 22, 34, None, None, None, "said",
        "direct", fragments=((0, 21), (41, len(text))),
    )  # fmt: skip
    lines = layer_markdown(StoryLayer(quotes=[quote]), {"a2": text})
    (line,) = [line for line in lines if line.startswith("  - ")]
    assert "“We are under siege,” … “We have no medicine.”" in line
    assert "the activist said" not in line
    assert "[a2:0-" in line  # the citation is still the whole span
    # brief.json keeps the fragments, and reads them back
    data = quote.to_dict()
    assert data["fragments"] == [[0, 21], [41, len(text)]]
    assert QuoteItem.from_dict(data) == quote
    assert "fragments" not in replace(quote, fragments=None).to_dict()


def test_a_speaker_that_is_no_voice_is_left_to_brief_json():
    # "the sheer size of the mound suggests ...": an attribution in the wide sense, not
    # someone who said something; who-said-what counts it among the quotes left out
    mound = replace(_quote("the ships would sail", None), speaker="the size of the mound",
                    speaker_entity=None, speaker_kind="other")  # fmt: skip
    person = replace(_quote("the ships were ready", "Mr Trukhachev"), speaker_kind="person")
    lines = layer_markdown(StoryLayer(entities=_layer().entities, quotes=[mound, person]))
    lines = lines[lines.index("### Who said what") :]
    assert [line for line in lines if line.startswith("- **")] == [
        "- **Vyacheslav Trukhachev**, spokesman"
    ]
    assert "- … and 1 more quote in brief.json" in lines
    assert not any("size of the mound" in line for line in lines)


def test_what_someone_knows_or_wants_is_left_to_brief_json():
    # "found himself at the center of", "knows how to": an experience, not words
    seen = replace(_quote("the ships would sail", None), cue="found", unspoken=True)
    said = _quote("the ships were ready", "Mr Trukhachev")
    lines = layer_markdown(StoryLayer(entities=_layer().entities, quotes=[seen, said]))
    lines = lines[lines.index("### Who said what") :]
    assert sum("the ships were ready" in line for line in lines) == 1
    assert not any("the ships would sail" in line for line in lines)
    assert "- … and 1 more quote in brief.json" in lines
    assert QuoteItem.from_dict(seen.to_dict()) == seen
    assert QuoteItem.from_dict({k: v for k, v in said.to_dict().items() if k != "unspoken"}) == said


def test_reported_words_with_no_one_to_them_are_left_to_brief_json():
    hearsay = replace(_quote("the ships would sail", None), speaker=None, speaker_entity=None,
                      speaker_start=None, speaker_end=None, cue="reportedly")  # fmt: skip
    unsigned = replace(hearsay, kind="direct", cue=None)
    lines = layer_markdown(StoryLayer(entities=_layer().entities, quotes=[hearsay, unsigned]))
    lines = lines[lines.index("### Who said what") :]
    # the quoted words stay, under "(unattributed)"; the writer's hearsay is counted
    assert [line for line in lines if line.startswith("- **")] == ["- **(unattributed)**"]
    assert sum("the ships would sail" in line for line in lines) == 1
    assert "- … and 1 more quote in brief.json" in lines


def test_a_speaker_capitalised_at_a_sentence_start_is_grouped_with_its_lower_case_self():
    # a reader saw "Police" (6 quotes) and "police" (3) as two speakers of one story
    from storyline.brief.layer_view import quotes_by_speaker

    text = "Police said the boy was found. The road was shut, police said. Polk said no."

    def quote(content: str, speaker: str) -> QuoteItem:
        s, w = text.index(content), text.index(speaker)
        return QuoteItem(content, "a1", s, s + len(content), speaker, None, w, w + len(speaker),
                         speaker, w, w + len(speaker), "said", "indirect")  # fmt: skip

    layer = StoryLayer(
        quotes=[
            quote("the boy was found", "Police"),
            quote("The road was shut", "police"),
            quote("no", "Polk"),
        ]
    )
    groups = dict(quotes_by_speaker(layer))
    assert [q.text for q in groups["police"]] == ["the boy was found", "The road was shut"]
    assert "Police" not in groups and [q.text for q in groups["Polk"]] == ["no"]
