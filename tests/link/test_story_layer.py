import json

import pytest

from helpers import assert_layer_offsets, layer_of
from storyline.link.story_layer import analyze_story, independent_source
from storyline.model import Article


def _article(aid, text, outlet, duplicate_of=None):
    return Article(
        id=aid,
        text=text,
        raw_text=text,
        source=f"{aid}.txt",
        outlet=outlet,
        duplicate_of=duplicate_of,
    )


ORIGINAL = "Shelling in Homs killed 56 people on Monday, activists told Mr Putin's envoy."
OTHER = "Activists said Vladimir Putin's envoy heard that shelling killed 56 people on Monday."


def test_copies_collapse_onto_their_original_source():
    arts = [
        _article("a", ORIGINAL, "reuters"),
        _article("b", ORIGINAL, "blog", duplicate_of="a"),
    ]
    by_id = {a.id: a for a in arts}
    assert independent_source(arts[1], by_id) == "reuters"
    layer = layer_of(arts)
    killed = next(c for c in layer.claims if c.subject.startswith("people killed"))
    assert killed.status == "single-source"
    # the copy's side is folded into its original's, and the copy adds no facts or mentions
    (side,) = [s for s in killed.sides]
    assert side.article == "a" and side.copies == ("b",)
    assert {f.article for f in layer.facts} == {"a"}
    assert {m.article for e in layer.entities for m in e.mentions} == {"a"}


def test_story_layer_shape_offsets_and_determinism():
    arts = [_article("b", OTHER, "afp"), _article("a", ORIGINAL, "reuters")]
    layer = layer_of(arts)
    texts = {a.id: a.text for a in arts}
    putin = next(e for e in layer.entities if e.name == "Vladimir Putin")
    assert putin.articles == ["a", "b"]
    assert_layer_offsets(layer, texts)
    killed = next(c for c in layer.claims if c.subject.startswith("people killed"))
    assert killed.status == "corroborated"
    again = layer_of(list(reversed(arts)))
    assert json.dumps(layer.to_dict(), sort_keys=True) == json.dumps(
        again.to_dict(), sort_keys=True
    )
    assert analyze_story([]).for_articles(set()).to_dict() == {
        "entities": [],
        "quotes": [],
        "facts": [],
        "timeline": [],
        "claims": [],
    }


def test_a_story_carries_only_its_own_items_with_storyline_ids():
    """Two stories of one storyline: each keeps the mentions, facts and claim sides of its
    own articles; an entity keeps its storyline-wide id; a claim lists the other story's
    sides as a count and the stories listing them, not copies."""
    arts = [_article("a", ORIGINAL, "reuters"), _article("b", OTHER, "afp")]
    group = analyze_story(arts)
    story_of = {"a": "s1", "b": "s2"}
    first, second = group.for_articles({"a"}, story_of), group.for_articles({"b"}, story_of)
    texts = {a.id: a.text for a in arts}
    for layer in (first, second):
        assert_layer_offsets(layer, texts)
    assert {m.article for e in first.entities for m in e.mentions} == {"a"}
    assert {f.article for f in second.facts} == {"b"}
    putin_a = next(e for e in first.entities if e.name == "Vladimir Putin")
    putin_b = next(e for e in second.entities if e.name == "Vladimir Putin")
    assert putin_a.id == putin_b.id
    assert putin_a.aliases == ["Mr Putin"] and putin_b.aliases == []  # its own names only
    whole = next(e for e in group.entities if e.id == putin_a.id)
    assert len(putin_a.mentions) + len(putin_b.mentions) == len(whole.mentions)
    killed = next(c for c in first.claims if c.subject.startswith("people killed"))
    assert [s.article for s in killed.sides] == ["a"]
    assert killed.others.count == 1 and killed.others.stories == ("s2",)
    # judged over the whole storyline; its own sources are the story's
    assert killed.status == "corroborated" and killed.source_count == 2
    assert killed.sources == ["reuters"]


@pytest.mark.slow
def test_an_article_over_its_budget_loses_that_step_only(monkeypatch):
    import time

    from storyline.config import BudgetOptions, Options
    from storyline.link import story_layer

    judge = story_layer.judge_claims

    def slow_on_z(found, *args):
        # the stance step stuck on one article: the watchdog stops it at its budget
        while found.article.id == "z":
            time.sleep(0.01)
        return judge(found, *args)

    monkeypatch.setattr(story_layer, "judge_claims", slow_on_z)
    bridge = " The city council of Riverton approved the new bridge over the Avon river."
    arts = [_article("a", ORIGINAL + bridge, "reuters"), _article("z", OTHER + bridge, "afp")]
    # the stance engine alone takes 0.3-0.7 s on "a" on a busy 2-core machine: 1.5 s is room
    layer = layer_of(arts, Options(budget=BudgetOptions(article_seconds=1.5)))
    skipped = {(s.article, s.step): s.reason for s in layer.skipped}
    assert skipped == {
        (
            "z",
            "claims",
        ): "[E201] claims over its time budget of 1.5 s on this article; skipped for it"
    }
    # the ordinary article keeps every step, z keeps its other steps
    assert any(f.article == "a" and f.value == 56 for f in layer.facts)
    assert any(f.article == "z" and f.value == 56 for f in layer.facts)
    assert any(q.article == "a" for q in layer.quotes)
    # z judged nothing, so its agreeing figure still counts (a number fact), but no
    # statement of a's has a side from z
    for claim in layer.claims:
        if claim.kind == "statement":
            assert all(s.article != "z" for s in claim.sides if s.stance != "asserts")


def _speaker_of(text, speaker, names):
    """The entity ``story_quotes`` gives a quote whose speaker words are ``speaker``, with
    the article's entities named by ``names`` ((name, type) pairs, first occurrence)."""
    from storyline.link.entities import Entity, MentionRef
    from storyline.link.story_layer import story_quotes
    from storyline.nlp.quotes import Quote

    entities = []
    for i, (name, kind) in enumerate(names):
        at = text.index(name)
        mention = MentionRef("a1", at, at + len(name), name)
        entities.append(Entity(f"E{i}", name, kind, [], None, [mention]))
    start = text.index(speaker)
    quote = Quote("x", 0, 1, speaker, start, start + len(speaker), None, None, None, "indirect")
    (item,) = story_quotes([_article("a1", text, "Wire")], [[quote]], entities)
    return {e.id: e.name for e in entities}.get(item.speaker_entity or "")


def test_two_entities_on_one_span_inside_a_speaker_do_not_crash():
    # the joint-speaker check sorted (start, end, Entity) tuples: two entities with the same
    # span compared Entity objects, which have no order (TypeError)
    text = "Jane Doe and John Roe said the plant would reopen."
    names = [("Jane Doe", "PERSON"), ("Jane Doe", "ORG"), ("John Roe", "PERSON")]
    assert _speaker_of(text, "Jane Doe and John Roe", names) is None  # joint: neither alone


def test_the_speaker_entity_is_who_speaks_not_a_fragment_or_a_modifier():
    text = "Russia's Defense Minister Anatoly Serdyukov denied the reports."
    names = [("Russia", "GPE"), ("Defense", "ORG")]
    assert _speaker_of(text, "Russia's Defense Minister Anatoly Serdyukov", names) is None
    names.append(("Anatoly Serdyukov", "PERSON"))
    assert _speaker_of(text, "Russia's Defense Minister Anatoly Serdyukov", names) == (
        "Anatoly Serdyukov"
    )
    text = "The Russian embassy and the Russian mission to the U.N. declined to comment."
    speaker = "The Russian embassy and the Russian mission to the U.N."
    assert _speaker_of(text, speaker, [("U.N.", "ORG")]) is None
    text = "Barack Obama, the US president, and Vladimir Putin called for calm."
    speaker = "Barack Obama, the US president, and Vladimir Putin"
    names = [("Barack Obama", "PERSON"), ("US", "GPE"), ("Vladimir Putin", "PERSON")]
    assert _speaker_of(text, speaker, names) is None  # joint: neither alone
    text = "Ed Rendell, a Clinton surrogate, said the race was close."
    names = [("Ed Rendell", "PERSON"), ("Clinton", "PERSON")]
    assert _speaker_of(text, "Ed Rendell, a Clinton surrogate", names) == "Ed Rendell"
    text = "The Interfax news agency reported the move."
    assert _speaker_of(text, "The Interfax news agency", [("Interfax", "ORG")]) == "Interfax"
    # a person's name modifying who speaks: the regime speaks, not Bashar al-Assad
    text = "The Assad regime insists it is fighting a terrorist insurgency."
    assert _speaker_of(text, "The Assad regime", [("Assad", "PERSON")]) is None
    text = "Obama's spokesman said the talks would go on."
    assert _speaker_of(text, "Obama's spokesman", [("Obama", "PERSON")]) is None
    text = "Mr Putin warned Mr Cameron."
    assert _speaker_of(text, "Mr Putin", [("Putin", "PERSON")]) == "Putin"
    # an "and" inside the description's own phrase joins no second speaker: a reader saw
    # "Lorelei Vargas, deputy commissioner for early care and education at the
    # Administration for Children's Services" listed apart from Lorelei A. Vargas
    speaker = (
        "Lorelei Vargas, deputy commissioner for early care and education at the "
        "Administration for Children's Services"
    )
    text = speaker + ", said she could not comment."
    names = [("Lorelei Vargas", "PERSON"), ("Administration for Children's Services", "ORG")]
    assert _speaker_of(text, speaker, names) == "Lorelei Vargas"
    # where the speaker lives or is based does not speak (a reader saw "Mazzeh" and
    # "Evanston" listed as speakers)
    text = "A resident of the western Mazzeh district said rifles were used."
    speaker = "A resident of the western Mazzeh district"
    assert _speaker_of(text, speaker, [("Mazzeh", "ORG")]) is None
    text = "The Evanston, Ill-based university argued athletes are students."
    speaker = "The Evanston, Ill-based university"
    assert _speaker_of(text, speaker, [("Evanston", "ORG")]) is None
    # a name that ends the description's phrase is who speaks, lower-case words before it
    # or not
    text = "Director of communications Jane Doe said the plant would reopen."
    speaker = "Director of communications Jane Doe"
    assert _speaker_of(text, speaker, [("Jane Doe", "PERSON")]) == "Jane Doe"
    # ... nor one in the description's own phrases (a reader saw "Nikolai Petrov, a leading
    # expert on Russia's regional politics and a professor at Moscow's Higher School of
    # Economics" listed apart from Nikolai Petrov)
    speaker = "Nikolai Petrov, a leading expert and a professor at Moscow's Higher School"
    text = speaker + ", said so."
    names = [("Nikolai Petrov", "PERSON"), ("Higher School", "ORG")]
    assert _speaker_of(text, speaker, names) == "Nikolai Petrov"
    speaker = "Gennady Gudkov, a former KGB security expert and ex-Duma deputy"
    names = [("Gennady Gudkov", "PERSON"), ("KGB", "ORG")]
    assert _speaker_of(speaker + ", says.", speaker, names) == "Gennady Gudkov"
    speaker = "Defense Secretary Chuck Hagel and British Prime Minister David Cameron"
    names = [("Chuck Hagel", "PERSON"), ("David Cameron", "PERSON")]
    assert _speaker_of(speaker + " promised help.", speaker, names) is None
    text = "The London-based Syrian Observatory said 12 died."
    speaker = "The London-based Syrian Observatory"
    names = [("London", "GPE"), ("Syrian Observatory", "ORG")]
    assert _speaker_of(text, speaker, names) == "Syrian Observatory"


def test_a_broken_map_fails_the_storylines_it_did_not_deliver(monkeypatch):
    """The per-article phase runs on the caller's map (worker processes): results arrive
    in order, and when the map breaks (a worker died) the storylines already analysed
    keep their layers and the rest are reported failed, not the run."""
    from storyline.link import story_layer
    from storyline.link.article_layer import ArticleAnalysis
    from storyline.model import Story

    arts = [_article("a", ORIGINAL, "reuters"), _article("b", OTHER, "afp")]
    stories = [Story("s1", "one", ["a"], storyline="L1"), Story("s2", "two", ["b"], storyline="L2")]

    def breaks_after_one(fn, batches):
        for batch in batches:
            assert [job.id for job in batch] == ["a", "b"]  # one batch across storylines
            yield [ArticleAnalysis("a")]
            raise RuntimeError("a worker process died")

    calls = []

    def story_phase(articles, options, **kwargs):
        calls.append([f.id for f in kwargs["found"]])
        return story_layer.GroupLayer()

    monkeypatch.setattr(story_layer, "analyze_story", story_phase)
    failed = story_layer.attach_layers(stories, arts, map_batches=breaks_after_one)
    assert failed == {"L2"} and calls == [["a"]]
    assert stories[0].layer is not None and stories[1].layer is None


def test_the_reader_never_speaks_and_an_unresolved_pronoun_is_no_name():
    """ "you agree to receive our newsletters" is no one's quote; "I", "he" or "that" left
    unresolved stay the article's words for the speaker, never its name."""
    from storyline.brief.layer_view import quotes_by_speaker
    from storyline.layer import StoryLayer
    from storyline.link.story_layer import story_quotes
    from storyline.nlp.quotes import Quote

    text = (
        "By signing up, you agree to receive our newsletters. I think the plan will fail. "
        "He said no. Let's call it 32 percent."
    )

    def quote(content, speaker):
        s, w = text.index(content), text.index(speaker)
        return Quote(content, s, s + len(content), speaker, w, w + len(speaker), None, None,
                     None, "indirect")  # fmt: skip

    found = [quote("to receive our newsletters", "you"), quote("the plan will fail", "I"),
             quote("no", "He"), quote("it 32 percent", "'s")]  # fmt: skip
    items = story_quotes([_article("a1", text, "Wire")], [found], [])
    assert [q.text for q in items] == ["the plan will fail", "no", "it 32 percent"]
    for q in items:
        assert q.speaker is None and q.speaker_start is None
        assert text[q.speaker_words_start : q.speaker_words_end] == q.speaker_words
    groups = dict(quotes_by_speaker(StoryLayer(quotes=items)))
    # "Let's": the "us" of the writer and the reader
    assert [q.speaker_words for q in groups["(unnamed, in the first person)"]] == ["I", "'s"]
    assert [q.speaker_words for q in groups["(unattributed)"]] == ["He"]
    # the unnamed last, the more quoted first
    assert list(groups)[-2:] == ["(unnamed, in the first person)", "(unattributed)"]


def test_a_date_standing_alone_as_a_list_header_is_no_timeline_event():
    from storyline.link.story_layer import story_timeline
    from storyline.model import Span
    from storyline.nlp.dates import TimeExpression

    text = "July 15, 2017:\nThe bridge reopened on Aug. 3, 2017, after repairs."
    header = TimeExpression("July 15, 2017", 0, 13, "DATE", "2017-07-15")
    start = text.index("Aug.")
    inline = TimeExpression("Aug. 3, 2017", start, start + 12, "DATE", "2017-08-03")
    sentences = [Span(0, 14), Span(15, len(text))]
    events = story_timeline([_article("a1", text, "x")], [sentences], [[header, inline]])
    assert [(e.value, e.sentence.text if e.sentence else None) for e in events] == [
        ("2017-08-03", "The bridge reopened on Aug. 3, 2017, after repairs.")
    ]


def test_an_embedded_tweets_stamp_and_words_give_no_timeline_event():
    # a reader saw ten "2017-02-27" rows, one per celebrity tweet a page embedded
    from storyline.link.story_layer import story_timeline
    from storyline.model import Span
    from storyline.nlp.dates import TimeExpression

    text = (
        "The show ran late on Feb. 26, 2017, in Los Angeles.\n\n"
        "I wrote the ending of the 2017 show. — Jane Doe (@janedoe) February 27, 2017"
    )
    day = text.index("Feb. 26")
    own = TimeExpression("Feb. 26, 2017", day, day + 13, "DATE", "2017-02-26")
    year = text.index("2017 show")
    in_post = TimeExpression("2017", year, year + 4, "DATE", "2017")
    stamp = text.index("February 27")
    signed = TimeExpression("February 27, 2017", stamp, stamp + 17, "DATE", "2017-02-27")
    sentences = [Span(0, text.index("\n")), Span(text.index("I wrote"), len(text))]
    found = [own, in_post, signed]
    events = story_timeline([_article("a1", text, "x")], [sentences], [found])
    assert [e.value for e in events] == ["2017-02-26"]


def test_a_photo_captions_dated_line_and_a_copyright_give_no_timeline_event():
    # a reader saw an agency caption ("... listen to arguments, Sunday, Nov. 11, 2018, at
    # the ... office") and "Copyright (c) 2012 by ..." as timeline rows
    from storyline.link.story_layer import story_timeline
    from storyline.model import Span
    from storyline.nlp.dates import TimeExpression

    text = (
        "Two judges listen to arguments, Sunday, Nov. 11, 2018, at the elections office.\n"
        "The recount began on Nov. 12, 2018.\nCopyright (c) 2012 by Jane Doe."
    )

    def date(words: str, value: str) -> TimeExpression:
        at = text.index(words)
        return TimeExpression(words, at, at + len(words), "DATE", value)

    lines = [Span(0, text.index("\nThe")), Span(text.index("The"), text.index("\nCopy"))]
    lines.append(Span(text.index("Copyright"), len(text)))
    found = [date("Nov. 11, 2018", "2018-11-11"), date("Nov. 12, 2018", "2018-11-12")]
    found.append(date("2012", "2012"))
    events = story_timeline([_article("a1", text, "x")], [lines], [found])
    assert [e.value for e in events] == ["2018-11-12"]


def test_a_period_is_one_timeline_event_at_its_start():
    # a reader saw "custody of Jordan from January 2017 to May 2018" twice, under 2017-01
    # and 2018-05; two dates of two events in one sentence stay two events
    from storyline.link.story_layer import story_timeline
    from storyline.model import Span
    from storyline.nlp.dates import TimeExpression

    text = (
        "The foster parents had custody of the boy from January 2017 to May 2018. "
        "The law was passed in 1985 and repealed in 1993. "
        "Prices rose between 2003 and 2006."
    )

    def date(words: str, value: str) -> TimeExpression:
        at = text.index(words)
        return TimeExpression(words, at, at + len(words), "DATE", value)

    found = [
        date("January 2017", "2017-01"),
        date("May 2018", "2018-05"),
        date("1985", "1985"),
        date("1993", "1993"),
        date("2003", "2003"),
        date("2006", "2006"),
    ]
    ends = [text.index("The law"), text.index("Prices")]
    sentences = [Span(0, ends[0] - 1), Span(ends[0], ends[1] - 1), Span(ends[1], len(text))]
    events = story_timeline([_article("a1", text, "x")], [sentences], [found])
    assert [e.value for e in events] == ["1985", "1993", "2003", "2017-01"]


def test_a_speaker_the_tagger_missed_is_the_person_of_that_surname_if_only_one():
    # a reader saw "Pelosi" (3 quotes) beside "Nancy Pelosi" (2) as two speakers: the
    # tagger had missed the later "Pelosi said"
    text = "House leader Nancy Pelosi spoke first. Later Pelosi said no. Then Doe said yes."
    names = [("Nancy Pelosi", "PERSON")]
    at = text.index("Pelosi said")
    assert text[at : at + 6] == "Pelosi"
    from storyline.link.entities import Entity, MentionRef
    from storyline.link.story_layer import story_quotes
    from storyline.nlp.quotes import Quote

    def speaker_of(speaker, start, people):
        entities = [
            Entity(f"E{i}", name, "PERSON", [], None, [MentionRef("a1", 0, 1, name)])
            for i, name in enumerate(people)
        ]
        quote = Quote("x", 0, 1, speaker, start, start + len(speaker), None, None, None,
                      "indirect")  # fmt: skip
        (item,) = story_quotes([_article("a1", text, "Wire")], [[quote]], entities)
        return {e.id: e.name for e in entities}.get(item.speaker_entity or "")

    assert speaker_of("Pelosi", at, [n for n, _ in names]) == "Nancy Pelosi"
    # two people of that surname: the speaker names neither
    assert speaker_of("Pelosi", at, ["Nancy Pelosi", "Paul Pelosi"]) is None
    # no person of that name
    assert speaker_of("Doe", text.index("Doe"), ["Nancy Pelosi"]) is None


def test_a_title_with_a_place_gives_no_surname():
    from storyline.link.entities import Entity, MentionRef
    from storyline.link.story_layer import story_quotes
    from storyline.nlp.quotes import Quote

    text = "The King of Bahrain spoke. Bahrain said the sentence stands."
    entities = [
        Entity("E0", "King of Bahrain", "PERSON", [], None, [MentionRef("a1", 4, 19, "x")]),
    ]
    at = text.index("Bahrain said")
    quote = Quote("x", 0, 1, "Bahrain", at, at + 7, None, None, None, "indirect")
    (item,) = story_quotes([_article("a1", text, "Wire")], [[quote]], entities)
    assert item.speaker_entity is None
