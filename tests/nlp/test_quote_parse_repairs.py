"""Reported clauses and speakers the parser splits or hangs in the wrong place: small
hand-written sentences (issue 11)."""

from __future__ import annotations

import pytest

from helpers import assert_quote_offsets
from storyline.config import QuoteOptions
from storyline.link.article_layer import quotes_with_speakers
from storyline.nlp.quotes import extract_quotes
from storyline.nlp.spacy_model import load_pipeline


def _by_cue(text: str, cue: str):
    quotes = extract_quotes(text)
    for q in quotes:
        assert text[q.start : q.end] == q.text
    return [q for q in quotes if q.cue == cue]


def test_a_reported_clause_split_in_two_by_the_parser_is_one():
    # the parser makes "released" and "were" two clauses of "said"
    text = (
        "The official said the Iranians released by the United States were close to "
        "completing their sentences, while the fugitives were beyond reach."
    )
    (quote,) = _by_cue(text, "said")
    assert quote.text.startswith("the Iranians released by the United States were close")
    assert quote.speaker == "The official"


def test_added_after_a_reported_clause_is_said_by_who_said_it():
    # the parser hangs "added" on "was" (the reported clause), whose subject is "it"
    text = (
        "Speaking to reporters at the town hall on Friday, Mayor Linda Perez, 58, said it "
        'was too early to declare victory but added, "We have done what we came here to do."'
    )
    (quote,) = _by_cue(text, "added")
    assert quote.speaker == "Mayor Linda Perez"


def test_a_that_clause_after_an_adverbial_phrase_is_what_was_said():
    # "that" hangs as a relative clause on "vote"; it is what Sanders said
    text = "Sanders said following the vote that he had serious concerns about the industry."
    (quote,) = _by_cue(text, "said")
    assert quote.text == "that he had serious concerns about the industry"
    assert quote.speaker == "Sanders"
    # a real relative clause of the object is no report of its own
    text = "The mayor said a prayer for the victims that moved the crowd."
    assert not any(q.text.startswith("that") for q in extract_quotes(text))


def test_a_purpose_infinitive_is_said_by_the_subject_not_the_object():
    text = "Both campaigns are using the failed bill to portray their opponents as obstructionists."
    (quote,) = _by_cue(text, "portray")
    assert quote.speaker == "Both campaigns"
    # a verb of asking or urging hands the infinitive to its object
    text = "The coach encouraged his players to criticize the referees."
    (quote,) = _by_cue(text, "criticize")
    assert quote.speaker == "his players"


def test_they_is_not_a_subject_inside_what_someone_else_reported():
    text = (
        "Still, Democrats believe the pressure will become too great for Republicans to "
        "resist. They say the talks after the shooting showed it."
    )
    doc = next(load_pipeline().pipe([text]))
    they = next(q for q in quotes_with_speakers(doc, QuoteOptions()) if q.speaker_words == "They")
    assert they.speaker == "Democrats"


@pytest.mark.parametrize(
    ("text", "cue", "said", "speaker"),
    [
        # a passive stance with its agent reports on its subject
        ("The company's tax strategy was sharply criticized by Senate Democrats.",
         "criticized", "The company's tax strategy", "Senate Democrats"),
        # the that-clause of an owned claim is what its owner claims
        ("The mayor's claim that the budget would balance itself drew scorn.",
         "claim", "that the budget would balance itself", "The mayor's"),
        # a stance on its object, not on the clause the parser hung before it ("The
        # numbers are striking" hangs on "endorsed" as its clause)
        ("The numbers are striking: hundreds of party delegates have endorsed the governor.",
         "endorsed", "the governor", "hundreds of party delegates"),
        # what a light "make" of speech is about is what was said
        ("At the rally, the governor made no mention of the budget deficit.",
         "mention", "the budget deficit", "the governor"),
    ],
)  # fmt: skip
def test_a_report_the_parser_shapes_oddly_is_found_whole(text, cue, said, speaker):
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if q.cue == cue]
    assert (quote.text, quote.speaker) == (said, speaker)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The company's tax strategy was sharply criticized last year.", None),  # no agent
        ("There was never any suggestion that the budget would balance itself.", "suggestion"),
        ("At the plant, the workers made parts for the new engine.", None),  # no speech made
    ],
)
def test_a_stance_or_claim_nobody_holds_is_no_quote(text, cue):
    """No quote at all (``cue`` None), or none on the noun nobody holds."""
    quotes = extract_quotes(text)
    assert not (quotes if cue is None else [q for q in quotes if q.cue == cue])


def test_an_indirect_question_is_what_was_asked():
    text = "Asked if he had ever been bullied, the senator said no."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if q.cue == "Asked"]
    assert quote.text == "if he had ever been bullied"


def test_a_description_named_by_its_apposition_keeps_what_describes_it():
    # "the other candidate on the stage, former Secretary ... Clinton": the prepositional
    # phrase sits between the head and its apposition, and the whole names who speaks
    text = (
        "The debate was lively.\n\nThe other candidate on the stage, former Secretary of"
        " State Hillary Clinton, said that concerns about job losses were not to be"
        " dismissed.\n"
    )
    said = [q for q in extract_quotes(text) if q.cue == "said"]
    assert len(said) == 1
    assert said[0].speaker == (
        "The other candidate on the stage, former Secretary of State Hillary Clinton"
    )


def test_a_joined_clauses_subject_hung_on_the_first_object_speaks_for_its_verb():
    # the parser makes "others" and "the Daily Courier" conjuncts of the first object
    for text, cue, speaker in (
        (
            "Many prominent senators have said they will not attend the convention and"
            " others have said they are not interested in speaking.",
            "not interested",
            "others",
        ),
        (
            "The Daily Herald will brand you a liar and the Daily Courier will accuse you of"
            " engaging in a freak out.",
            "engaging",
            "the Daily Courier",
        ),
    ):
        (quote,) = [q for q in extract_quotes(text) if cue in q.text]
        assert quote.speaker == speaker, text


def test_a_count_hung_on_the_verb_is_who_says():
    # the parser makes "About 4 in 10" a number modifying "say", and leaves no subject
    text = "About 4 in 10 say they want the next president to have more liberal policies."
    (quote,) = [q for q in extract_quotes(text) if "liberal policies" in q.text]
    assert quote.speaker == "About 4 in 10"


def test_that_said_opening_a_sentence_is_a_connective_not_a_report():
    text = (
        "Older voters are a bit less upbeat.\n\n"
        "That said, younger voters say they believe success will take a lifetime of effort."
    )
    quotes = extract_quotes(text)
    assert all(q.speaker != "That" for q in quotes)
    (quote,) = [q for q in quotes if "lifetime of effort" in q.text]
    assert quote.speaker == "younger voters"


def test_a_sign_that_said_still_reports():
    text = 'Protesters carried a sign that said, "Stop the wall now, before it is too late."'
    quotes = extract_quotes(text)
    assert any(q.cue == "said" for q in quotes)


def test_a_subject_never_stands_in_an_earlier_paragraph_than_its_verb():
    # the parser runs the paragraph into the quote before it and finds "we" as subject
    text = (
        "“So we will see how it works.”\n\n"
        "Sen. Chuck Grassley, facing a spirited challenge in Iowa, a swing state, said he"
        " would welcome the senator."
    )
    (quote,) = [q for q in extract_quotes(text) if "would welcome" in q.text]
    assert quote.speaker is not None and quote.speaker.endswith("Chuck Grassley")


def test_a_line_break_inside_a_sentence_is_no_paragraph_end():
    text = (
        "Mr. Hale, who has denounced the attack as both an act of terror and a hate\n"
        "crime, reiterated his frustration over the failure of Congress to act."
    )
    quotes = [q for q in extract_quotes(text) if "frustration" in q.text]
    assert quotes and "Hale" in (quotes[0].speaker or "")


def test_a_direct_quotes_cue_takes_no_subject_from_an_earlier_paragraph():
    # the parser finds "The Briefing" of the paragraph before as the subject of "saying"
    text = (
        "The Briefing: Hale makes case for ‘Ohio grit.’\n\nCOLUMBUS (AP) — The Briefing on"
        " the race in the days before Tuesday’s Ohio primary (all times local):\n\n8:15"
        " p.m.\n\nJohn Hale has delivered a passionate defense of “Ohio grit,” saying the"
        " state showed the “courage, heart and spirit of America.”"
    )
    quotes = [q for q in extract_quotes(text) if q.text == "“Ohio grit,”"]
    assert quotes and quotes[0].speaker == "John Hale"


def test_a_paragraph_whose_stop_was_left_out_still_ends_before_a_name():
    text = (
        "Donald Hale is keeping up his attacks on his closest rivals in the hours before"
        " the polls \nHale, in Kentucky, said Tuesday that Rubin was a total lightweight."
    )
    (quote,) = [q for q in extract_quotes(text) if "total lightweight" in q.text]
    assert quote.speaker == "Hale"


def test_an_apostrophe_s_before_a_participle_with_an_object_is_has():
    # the parser reads "she's said" as a passive "she is said" and leaves "said" no subject
    text = (
        "Ever since Ann Lee announced her candidacy last year, she's said the same thing at"
        " every diner stop, every rally and every campaign event: \"It's not about me, it's"
        ' about us."'
    )
    said = [q for q in extract_quotes(text) if q.cue == "said"]
    assert said and said[0].speaker == "she", [(q.text, q.cue, q.speaker) for q in said]


def test_a_quote_after_a_colon_goes_on_with_the_report_the_colon_closes():
    # "viewed" (a participle inside what Lane said) stands nearest the quote
    text = (
        "Ms. Lane said that if viewed through the lens of negotiating strategy, some kind of"
        " grand bargain might be possible: “In business, the question always is whether"
        " there is an overlap between the bid and the ask price.”"
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert direct and direct[0].speaker == "Ms. Lane", [(q.text, q.cue, q.speaker) for q in direct]


def test_a_clause_run_on_past_the_stop_is_not_what_a_closing_cue_reports():
    # the parser hangs the next paragraph's quote on "said" as a second reported clause
    text = (
        "And that, Ms. Lane said, was in the works.\n\nThe governor plans to deliver a speech"
        " on trade at the county fair in Springfield this month, Ms. Lane said, adding that"
        " she would also hold town meetings to address her ''rural gap.''\n\n''You'll start"
        " to see more of the person, the real person,'' Ms. Lane continued, referring to more"
        " appearances in ''formal settings.''\n\nThe fair opens on Friday."
    )
    plans = [q for q in extract_quotes(text) if q.text.startswith("The governor plans")]
    assert plans and plans[0].speaker == "Ms. Lane" and plans[0].cue == "said", [
        (q.text[:40], q.cue, q.speaker) for q in extract_quotes(text)
    ]


def test_a_closing_cue_with_two_subjects_reports_the_first():
    # the parser makes "Nothing" a second subject of the closing "said"
    text = (
        'The governor spoke for half an hour on Sunday.\n\nNothing the governor said "will'
        " calm people's fears,\" the Ohio senator said.\n\nThe plant will close in May."
    )
    quotes = extract_quotes(text)
    assert any(
        q.speaker == "the Ohio senator" and q.text.startswith("Nothing the governor said")
        for q in quotes
    ), [(q.text, q.speaker) for q in quotes]
