"""Claims of a story through the brief's layer (analyze_story): every independent source's
stance toward each claim, with the deciding sentence cited on both sides."""

import pytest

from helpers import layer_of
from storyline.link.claims import ClaimArticle, align_claims
from storyline.model import Article

pytest.importorskip("spacy")

CLAIM = (
    "The city council of Riverton approved the new bridge over the Avon river on Tuesday. "
    "Mayor Jane Holt said construction would start in May."
)
BODIES = {
    "agree": "Riverton's city council approved the new bridge over the Avon river on Tuesday, "
    "officials confirmed. The vote was eleven to two. Mayor Jane Holt welcomed the decision.",
    "denial": "Mayor Jane Holt denied reports that the Riverton city council had approved the "
    "new bridge over the Avon river. No vote on the bridge has taken place, she said.",
    "hedge": "The Riverton city council may have approved a new bridge over the Avon river, "
    "according to unconfirmed reports. Officials could not say whether a vote took place.",
    "unrelated": "The Lakers beat the Celtics 101-99 in Boston on Sunday night. "
    "LeBron James scored 31 points.",
}


def _article(aid, text, outlet, duplicate_of=None):
    return Article(
        id=aid, text=text, raw_text=text, source=aid, outlet=outlet, duplicate_of=duplicate_of
    )


TEXTS: dict[str, str] = {}  # the article texts claim sides cite (ids reused across tests)


def _claims(*articles):
    claims = layer_of(articles).claims
    TEXTS.clear()
    TEXTS.update({a.id: a.text for a in articles})
    for claim in claims:
        assert claim.text and claim.sides
        assert len(claim.subject.split()) > 1 or claim.subject[:1].isupper()
        for side in claim.sides:
            assert side.said(TEXTS).strip()
    return claims


def said(side, texts=None):
    return side.said(texts or TEXTS)


def _bridge(claims):
    texts = {"a": CLAIM}
    (bridge,) = [c for c in claims if any("approved the new bridge" in said(s, texts) for s in
                                          c.sides if s.article == "a")]  # fmt: skip
    return bridge


@pytest.fixture(scope="module")
def judged():
    return {
        kind: _claims(_article("a", CLAIM, "Riverton Post"), _article("b", body, "Wire"))
        for kind, body in BODIES.items()
    }


def test_an_agreeing_source_corroborates(judged):
    bridge = _bridge(judged["agree"])
    assert bridge.status == "corroborated"
    assert bridge.sources == ["Riverton Post", "Wire"]
    wire = next(s for s in bridge.sides if s.source == "Wire")
    assert wire.stance == "agree" and wire.score >= 0.5
    assert "council approved the new bridge" in said(wire, {"b": BODIES["agree"]})


def test_a_denial_contradicts_with_both_sides_cited(judged):
    bridge = _bridge(judged["denial"])
    assert bridge.status == "contradicted"
    stances = {s.source: s.stance for s in bridge.sides}
    assert stances == {"Riverton Post": "asserts", "Wire": "disagree"}
    denial = next(s for s in bridge.sides if s.stance == "disagree")
    assert said(denial, {"b": BODIES["denial"]}).startswith("Mayor Jane Holt denied reports")
    # the denial is shown on the claim it disputes, not again as a claim of its own
    assert not [c for c in judged["denial"] if c.text.startswith("Mayor Jane Holt denied")]


@pytest.mark.parametrize("kind", ["hedge", "unrelated"])
def test_a_hedge_or_an_unrelated_body_neither_corroborates_nor_contradicts(judged, kind):
    bridge = _bridge(judged[kind])
    assert bridge.status == "single-source"
    assert [s.source for s in bridge.sides] == ["Riverton Post"]
    assert all(c.status == "single-source" for c in judged[kind])


def test_two_outlets_give_different_death_tolls():
    claims = _claims(
        _article("a", "Shelling in Homs killed 56 people on Monday, activists said.", "Reuters"),
        _article("b", "Shelling in Homs killed 80 people on Monday, the army said.", "SANA"),
    )
    (toll,) = [c for c in claims if c.kind == "fact"]
    assert toll.status == "contradicted" and toll.subject == "people killed [monday]"
    by_value = {s.value: (s.source, s.stance) for s in toll.sides}
    assert sorted(by_value) == [56, 80]
    assert {stance for _, stance in by_value.values()} == {"asserts", "disagree"}
    assert {source for source, _ in by_value.values()} == {"Reuters", "SANA"}


def test_an_open_bound_or_another_event_does_not_corroborate_a_figure():
    # seen on a real pile: "more than 7,500 people have died" was "corroborated" by "a town
    # of about 40,000 people", and "89.4% approved" by "a turnout of just over 57%"
    claims = _claims(
        _article(
            "a",
            "The UN says more than 7,500 people have died in the crackdown.\n"
            "Officials said 89.4% of voters approved the draft constitution.",
            "BBC",
        ),
        _article(
            "b",
            "Binnish is a town of about 40,000 people.\n"
            "The poll showed a turnout of just over 57% of voters.",
            "CNN",
        ),
    )
    facts = [c for c in claims if c.kind == "fact"]
    assert facts and all(c.status != "corroborated" for c in facts)
    assert all(len({s.source for s in c.sides}) == 1 for c in facts)


def test_tolls_told_of_different_places_do_not_contradict():
    # a country's toll and one town's, one outlet's whole toll and another's local one
    claims = _claims(
        _article("a", "As many as 125 people died across Syria on Monday, activists said.", "BBC"),
        _article("b", "In all, 104 people were killed in Homs on Monday, activists said.", "CNN"),
    )
    tolls = [c for c in claims if c.kind == "fact"]
    assert len(tolls) == 2 and all(c.status == "single-source" for c in tolls)


def test_died_and_killed_tell_the_same_toll():
    claims = _claims(
        _article("a", "More than 7,500 people have died in the crackdown, the UN said.", "BBC"),
        _article("b", "The crackdown has killed about 8,000 people, activists said.", "CNN"),
    )
    (toll,) = [c for c in claims if c.kind == "fact"]
    assert toll.status == "corroborated"
    assert {s.source for s in toll.sides} == {"BBC", "CNN"}


def test_a_syndicated_copy_is_not_an_independent_source():
    copy = CLAIM + "\nShare this on Facebook."
    claims = _claims(
        _article("a", CLAIM, "Riverton Post"), _article("b", copy, "Some Blog", duplicate_of="a")
    )
    assert claims and all(c.status == "single-source" for c in claims)
    assert {src for c in claims for src in c.sources} == {"Riverton Post"}
    # an outlet telling it in its own words corroborates: the test can fail; the same
    # words under another outlet's name are still one voice (the copy was not caught)
    reworded = _claims(
        _article("a", CLAIM, "Riverton Post"), _article("b", BODIES["agree"], "Wire")
    )
    assert any(c.status == "corroborated" for c in reworded)
    uncaught = _claims(_article("a", CLAIM, "Riverton Post"), _article("b", copy, "Wire"))
    assert uncaught and all(c.status == "single-source" for c in uncaught)


def test_an_outlet_never_contradicts_itself_in_its_own_voice():
    text = (
        "Russia sold anti-aircraft missiles to Syria last year. "
        "Russia did not sell any missiles to Syria last year."
    )
    claims = _claims(_article("a", text, "FT"))
    assert claims and all(c.status != "contradicted" for c in claims)


def test_same_value_from_two_sources_is_corroborated_and_offsets_slice():
    arts = [
        ClaimArticle("a", "Shelling in Homs killed 56 people on Monday, activists said.", (), "x"),
        ClaimArticle("b", "Activists said shelling killed 56 people in Homs on Monday.", (), "y"),
    ]
    (killed,) = [c for c in align_claims(arts) if c.kind == "fact"]
    assert killed.status == "corroborated" and killed.sources == ["x", "y"]
    assert align_claims([]) == []


def test_the_same_sentence_from_two_sources_is_one_voice():
    # an excerpt of another outlet's article that the near-duplicate check let through
    sentence = "Shelling in Homs killed 56 people on Monday, activists said."
    arts = [
        ClaimArticle("a", "A long feature begins here. " + sentence, (), "x"),
        ClaimArticle("b", sentence + " The excerpt ends here.", (), "y"),
    ]
    (killed,) = [c for c in align_claims(arts) if c.kind == "fact"]
    assert killed.sources == ["x", "y"] and killed.status == "single-source"


def test_small_counts_are_not_figures_and_subjects_are_not_bare_nouns():
    text = (
        "After days of sniping, the two sides were able to issue a joint statement on Syria. "
        "One of the warships carries 25 tanks, said Mr Trukhachev."
    )
    claims = _claims(_article("a", text, "FT"))
    subjects = [c.subject for c in claims]
    assert "side" not in subjects and "sides" not in subjects
    assert any(s.startswith("tanks (") for s in subjects)


def test_a_subject_keeps_the_name_it_is_of_and_skips_a_misparsed_apposition():
    text = (
        "The port of Tartous in Syria is a key Russian naval base for the fleet.\n"
        "According to the Syrian Observatory for Human Rights, an opposition-affiliated "
        "monitoring group based in the UK, the regime on Monday launched mortars on the "
        "Damascus suburb of Douma."
    )
    claims = _claims(_article("a", text, "FT"))
    subjects = {c.text.split()[1]: c.subject for c in claims}
    assert subjects["port"] == "The port of Tartous in Syria"  # not "port", not "Syria"
    # the group is the Observatory's apposition; the claim is the Observatory's report
    assert subjects["to"] == "the Syrian Observatory"


def test_the_claim_cap_reaches_the_layer():
    from storyline.config import ClaimOptions, Options

    articles = [_article("a", CLAIM, "Riverton Post"), _article("b", BODIES["agree"], "Wire")]
    capped = Options(claims=ClaimOptions(max_claims_per_article=0))
    sides = [s for c in layer_of(articles, capped).claims for s in c.sides]
    assert sides and not [s for s in sides if s.stance == "agree"]  # no article judged
    sides = [s for c in layer_of(articles).claims for s in c.sides]
    assert [s for s in sides if s.stance == "agree"]


def test_a_stance_verbs_object_is_not_a_claim_on_its_own_and_a_quote_claim_is_its_speakers():
    text = (
        "Barack Obama and Vladimir Putin called for an end to violence in Syria on Monday.\n"
        '"I believe this would be against Russia\'s national interests," Sergei Lavrov '
        "told lawmakers in Moscow."
    )
    claims = _claims(_article("a", text, "FT"))
    texts = {c.text: c for c in claims}
    assert "an end to violence in Syria" not in texts  # a noun phrase claims nothing
    called = [c for c in claims if "called for an end to violence" in c.text]
    assert called and called[0].sides[0].start == 0
    (national,) = [c for c in claims if "national interests" in c.text]
    assert national.subject == "Sergei Lavrov"  # the speaker, not "Russia"


def _statement(article, text):
    from storyline.link.claim_types import SentenceInfo, Statement

    info = SentenceInfo(0, len(text), None, None, frozenset(), frozenset(), False)
    return Statement(article, info, text, text.split()[0], frozenset())


def test_a_claim_takes_direct_agreement_only_never_a_chain():
    # A is backed by B and B by C; C says something else than A: A's claim must not list C
    from storyline.link.claim_types import ClaimArticle as Art
    from storyline.link.claim_types import ClaimCandidates, Verdict, make_side
    from storyline.link.claims import align_candidates

    texts = {
        "a": "Officer Rose died on Wednesday of his wounds.",
        "b": "Officer Rose died Wednesday after the shooting.",
        "c": "The suspect pleaded not guilty on Friday.",
    }
    arts = {k: Art(k, t, (), f"outlet-{k}") for k, t in texts.items()}
    stated = {k: _statement(a, a.text) for k, a in arts.items()}
    verdicts = [
        Verdict(("a", 0), make_side(arts["b"], stated["b"].sentence, "agree", 0.9)),
        Verdict(("b", 0), make_side(arts["c"], stated["c"].sentence, "agree", 0.6)),
    ]
    candidates = [ClaimCandidates(a, (), (stated[k],)) for k, a in arts.items()]
    claims = align_candidates(candidates, None, verdicts)
    by_lead = {c.sides[0].article: c for c in claims}
    assert {s.article for s in by_lead["a"].sides} == {"a", "b"}
    assert by_lead["a"].status == "corroborated"
    assert "c" not in {s.article for s in by_lead["a"].sides}
    assert by_lead["c"].status == "single-source"


def test_an_agreeing_sentence_must_carry_a_share_of_what_is_claimed():
    from storyline.config import ClaimOptions
    from storyline.link.claim_judge import _corroborates
    from storyline.link.claim_types import ClaimArticle as Art
    from storyline.link.claim_types import SentenceInfo, Statement

    content = {"conventional", "copper", "electrode", "consist", "individual", "nanoparticle",
               "sit", "top"}  # fmt: skip
    claim_info = SentenceInfo(
        0, 10, None, None, frozenset({"kanan"}), frozenset(content | {"kanan"}), False
    )
    claim = Statement(Art("a", "x" * 10, (), "x"), claim_info, "", "Kanan", frozenset(content))
    weak = SentenceInfo(0, 10, None, None, frozenset({"kanan"}),
                        frozenset({"kanan", "electrode", "consist", "cell", "build"}), False)  # fmt: skip
    strong = SentenceInfo(0, 10, None, None, frozenset({"kanan"}),
                          frozenset({"kanan", "electrode", "copper", "nanoparticle"}), False)  # fmt: skip
    share = ClaimOptions().min_claimed_share
    assert not _corroborates(claim, weak, 2, share)  # 2 of 8 content words, a third is 3
    assert _corroborates(claim, weak, 2, 0.0)  # the option steers it
    assert _corroborates(claim, strong, 2, share)


def test_how_long_or_how_often_is_no_time_scope_of_a_figure():
    # the sample pile's claim read "people killed [a year, daily]"
    text = (
        "The ICRC has been promoting a daily ceasefire after a year of fighting that "
        "has killed more than 9,100 people on Monday."
    )
    claims = _claims(_article("a", text, "Naharnet"))
    (toll,) = [c for c in claims if c.kind == "fact"]
    assert toll.subject == "people killed [monday]"


def test_a_nationality_adjective_is_not_what_a_claim_is_about():
    text = (
        "The ships left port on Monday, officials said.\n"
        "According to news reports, these helicopters are en route to Syria from the "
        "Russian port of Kaliningrad."
    )
    claims = _claims(_article("a", text, "FT"))
    (helicopters,) = [c for c in claims if "helicopters" in c.text]
    assert "Russian" not in helicopters.subject.split(", ")
    assert "Kaliningrad" in helicopters.subject


def test_a_speaker_that_is_no_voice_speaks_no_claim():
    text = (
        "Comey's political misadventures may offer Republicans a chance to question his "
        "motives should he testify."
    )
    claims = _claims(_article("a", text, "FT"))
    assert claims
    assert all("misadventures" not in (side.speaker or "") for c in claims for side in c.sides)


def test_a_refusal_to_speak_claims_nothing_of_what_was_not_said():
    text = "Sergei Lavrov refused to say whether the Russian ships had left Sevastopol."
    claims = _claims(_article("a", text, "FT"))
    assert all(c.text != "to say whether the Russian ships had left Sevastopol" for c in claims)
    assert any(c.text.startswith("Sergei Lavrov refused") for c in claims), [c.text for c in claims]


def test_an_embedded_tweet_is_no_claim_of_the_article():
    text = (
        "Riverton's city council approved the new bridge over the Avon river on Tuesday.\n\n"
        "Mayor Jane Holt will open the new bridge in May. — Tom Reed (@tomreed) June 2, 2016"
    )
    claims = _claims(_article("a", text, "Riverton Post"))
    assert [c for c in claims if "approved the new bridge" in c.text]
    assert not [c for c in claims if "open the new bridge" in c.text]


def test_a_negation_near_a_name_only_does_not_deny_a_claim():
    # a reader saw "But no weapon was found in the SUV and Davis' friends said they did
    # not hear him threaten Dunn" contradict "Prosecutors accused Dunn of killing Davis":
    # the tagger left "Dunn" untagged in the claim, so the name counted as its content
    from storyline.link.claim_judge import _denies
    from storyline.link.claim_types import ClaimArticle as Art
    from storyline.link.claim_types import SentenceInfo, Statement

    content = {"prosecutor", "accuse", "dunn", "kill", "store", "argument", "music"}
    claim_info = SentenceInfo(
        0, 10, None, None, frozenset({"davis"}), frozenset(content | {"davis"}), False
    )
    claim = Statement(Art("a", "x" * 10, (), "x"), claim_info, "", "Dunn", frozenset(content))
    keys = frozenset({"dunn", "davis", "weapon", "find", "suv", "friend", "hear", "threaten"})
    near_name = SentenceInfo(0, 10, None, None, frozenset({"dunn", "davis"}), keys, True,
                             frozenset({"hear", "threaten", "dunn"}))  # fmt: skip
    assert not _denies(claim, near_name)
    near_content = SentenceInfo(0, 10, None, None, frozenset({"dunn", "davis"}), keys, True,
                                frozenset({"kill", "dunn"}))  # fmt: skip
    assert _denies(claim, near_content)


def test_a_bare_amount_agrees_on_its_own_value_only():
    # a reader saw "shares gained about 6%" corroborate "anyone who wanted to buy over
    # 4.75% must gain board approval": two percentages of different things, joined because
    # 6 lies within "over 4.75"
    a = _article("a", "Anyone who wanted to buy over 4.75% of American Airlines must gain "
                 "board approval, the airline said.", "Post")  # fmt: skip
    b = _article("b", "American Airlines shares gained about 6% in premarket trading. Qatar "
                 "Airways said it would invest at least $808 million.", "Wire")  # fmt: skip
    c = _article("c", "Qatar Airways plans an investment of at least $808 million in "
                 "American Airlines.", "Times")  # fmt: skip
    claims = _claims(a, b, c)
    by_text = {c.text: c for c in claims if c.kind == "fact"}
    assert by_text["Anyone who wanted to buy over 4.75% of American Airlines must gain board "
                   "approval, the airline said."].status == "single-source"  # fmt: skip
    (invest,) = [c for c in claims if "$808 million" in c.text]
    assert invest.status == "corroborated"


def test_an_unresolved_pronoun_is_no_speaker_of_a_claims_side():
    # a reader saw 'outlet unknown (who) states: "For a decade, ... visitors who, once
    # inside, found a photo ..."'
    from storyline.link.claim_statements import sentence_infos
    from storyline.link.claim_types import Ents
    from storyline.model import Span
    from storyline.nlp.quotes import Quote
    from storyline.nlp.spacy_model import load_pipeline

    text = "Visitors who came inside found a photo of the mayor. Holt said the vote was close."
    doc = load_pipeline()(text)
    who, holt = text.index("who"), text.index("Holt")
    found, said = text.index("a photo"), text.index("the vote")
    quotes = [
        Quote("a photo of the mayor", found, found + 20, "who", who, who + 3, None, None, None,
              "indirect"),
        Quote("the vote was close", said, said + 18, "Holt", holt, holt + 4, None, None, None,
              "indirect"),
    ]  # fmt: skip
    article = ClaimArticle("a", text, (Span(0, 52), Span(53, len(text))), "Wire")
    infos = sentence_infos(article, doc, quotes, Ents(doc))
    assert [i.speaker for i in infos] == [None, "Holt"]


def test_a_sum_or_share_that_counts_nothing_named_says_so_not_amount_value():
    # a reader saw "corroborated — amount (value) [annual]" over two sentences on a 5 percent
    # annuity: "(value)" is a placeholder, not what the figure is
    arts = [
        ClaimArticle("a", "The fund pays an annuity of 5 percent a year, the state said.", (), "x"),
        ClaimArticle("b", "The state said the annuity is 5 percent a year.", (), "y"),
        ClaimArticle("c", "The company said revenue reached $808 million last year.", (), "z"),
    ]
    subjects = {c.subject for c in align_claims(arts) if c.kind == "fact"}
    assert not any("(value)" in s or s.startswith("amount") for s in subjects)
    assert any(s.startswith("percentage") for s in subjects)
    assert "sum ($808 million) [last year]" in subjects


def test_a_photo_caption_states_no_claim_and_backs_none():
    # a reader saw an agency caption ("..., from left, ... announce that two bodies had been
    # found ...") listed as a claim and as the side agreeing with a reported sentence
    caption = (
        "Police Chief Kim Riley announces that two bodies had been found near Deer Creek in Delphi "
        "(AP Photo/Michael Conroy)."
    )
    arts = [
        ClaimArticle(
            "a", "Police announced on Tuesday that two bodies had been found near Deer Creek.",
            (), "x",
        ),
        ClaimArticle("b", "The search ended in the evening. " + caption, (), "y"),
    ]  # fmt: skip
    at = arts[1].text.index(caption)
    for claim in align_claims(arts):
        assert all(not (s.article == "b" and s.start == at) for s in claim.sides)
