"""Sentences a reader found in a brief of a scraped news pile that are no reporting of the
article: shouted closed captions, sentences cut out of someone's quotation (no one says
them), a figure in a tweet the page embeds. Fixtures are written for these tests."""

from storyline.brief.summarize import summarize_documents
from storyline.nlp.facts import facts_in_doc
from storyline.nlp.spacy_model import load_pipeline

SHOUTED = (
    "A LOCAL MAN IS THE STATE'S NEWEST MILLIONAIRE AFTER HITTING IT BIG WITH A SCRATCH "
    "TICKET. REPORTER JANE DOE IS LIVE IN MOUNT DORA WHERE THE TICKET WAS SOLD TODAY."
)


def test_shouted_closed_captions_are_never_summary_sentences():
    texts = [
        "A man who won $3 million on a scratch ticket in Florida is a registered sex offender, "
        "records show. He claimed the prize at the lottery office on Tuesday.",
        SHOUTED,
    ]
    picked = summarize_documents(texts, words=100)
    assert picked
    assert all(p.doc == 0 for p in picked)


def test_a_sentence_cut_out_of_a_quotation_is_no_summary_sentence():
    quote = (
        '"I have mixed feelings," said Sen. Jane Doe. “This has been a hard fight over the '
        "budget. I think our leadership really worked hard on the budget deal. It is not our "
        'first choice, but we had to work it out."'
    )
    texts = [
        "Congress clinched a two-year budget deal on Wednesday that lifts spending caps.\n\n"
        + quote,
        "The budget deal lifts spending caps for two years, leaders said on Wednesday.",
    ]
    picked = summarize_documents(texts, words=200)
    assert picked
    assert not any(p.text.startswith("I think our leadership") for p in picked)
    assert not any(p.text.startswith("This has been") for p in picked)


def test_an_inch_mark_opens_no_quotation():
    # review19: the '"' of 'a 6'2" guard' was counted as a quotation opening, and every
    # later sentence of its paragraph was dropped as someone's words
    texts = [
        "The team signed a 6'2\" guard from Ohio on Monday. The guard averaged 21 points per "
        "game for the Buckeyes last season and led the conference in steals.",
        "The team signed a guard from Ohio, its coach said Monday.",
    ]
    picked = summarize_documents(texts, words=200)
    assert any(p.text.startswith("The guard averaged 21 points") for p in picked)


def test_a_figure_in_an_embedded_tweet_is_no_fact_of_the_article():
    text = (
        "A judge set no bond for the murder charge and $500 on the abuse charge.\n\n"
        "Judge set no bond; $900 on child abuse. pic.twitter.com/abc — Jane Roe (@janeroe) "
        "September 5, 2018\n"
    )
    doc = load_pipeline("en_core_web_sm")(text)
    amounts = [f.text for f in facts_in_doc(doc)]
    assert any("500" in a for a in amounts)
    assert not any("900" in a for a in amounts)


def test_a_story_told_only_in_capitals_is_still_summarised():
    picked = summarize_documents([SHOUTED], words=100)
    assert picked and picked[0].text.startswith("A LOCAL MAN")


def test_a_quotation_closing_after_a_figure_closes():
    # the inch-mark rule skipped every '"' after a digit, so the quotation "Phase 2" stayed
    # open and the paragraph's next sentences were dropped as someone's words
    texts = [
        'Officials called the plan "Phase 2" on Monday. The city will reopen its schools next '
        "week once the storm damage to the buildings is repaired.",
        "The city will reopen its schools, officials said Monday.",
    ]
    picked = summarize_documents(texts, words=200)
    assert any(p.text.startswith("The city will reopen its schools next") for p in picked)


def test_a_sentence_with_a_height_is_balanced():
    # '6'2"' has one '"', an inch mark: the sentence is not a broken quotation
    texts = [
        "The team signed a 6'2\" guard from Ohio on Monday after a long search for a scorer.",
        "The team signed a guard from Ohio, its coach said Monday.",
    ]
    picked = summarize_documents(texts, words=200)
    assert any("6'2\" guard" in p.text for p in picked)
