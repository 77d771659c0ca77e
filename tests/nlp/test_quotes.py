from pathlib import Path

import pytest

from helpers import assert_quote_offsets, parsed_doc
from storyline.nlp.quote_syntax import speech_verbs
from storyline.nlp.quote_text import find_quote_marks_spans
from storyline.nlp.quotes import extract_quotes

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "russia-syria"


def test_lexicon_is_packaged_with_its_licence():
    verbs = speech_verbs()
    assert {"said", "told", "warned", "say"} <= verbs
    licence = Path(__file__).resolve().parents[2] / "src/storyline/nlp/data"
    assert "MIT License" in (licence / "quote_verbs_en.LICENSE.txt").read_text(encoding="utf-8")


def test_curly_and_straight_quotes_with_speakers():
    text = (
        "“We are running out of medicine,” said one doctor in Aleppo.\n"
        '"The talks will continue next week," the minister told reporters.'
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [q.text for q in direct] == [
        "“We are running out of medicine,”",
        '"The talks will continue next week,"',
    ]
    assert direct[0].speaker == "one doctor in Aleppo"
    assert direct[0].cue == "said"
    assert direct[1].speaker == "the minister"
    assert direct[1].cue == "told"


def test_quote_split_by_the_cue_is_one_quote_with_two_fragments():
    text = "“We will not send troops,” the minister said. “Our position has not changed.”"
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.kind == "direct"
    assert q.start == 0 and q.end == len(text)
    assert len(q.fragments) == 2
    assert text[slice(*q.fragments[1])] == "“Our position has not changed.”"
    assert q.speaker == "the minister"


def test_a_banner_that_reads_words_is_their_source():
    # PolNeAR marks what "reads" the words (a banner, a headline, an email) as their
    # source; the brief's "who said what" shows them under it, as a record's words
    text = "The banner read: “No to war, no to foreign intervention in our country.”"
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert len(quotes) == 1
    assert quotes[0].kind == "direct"
    assert quotes[0].speaker == "The banner"


def test_a_document_read_out_after_a_comma_is_the_source():
    text = (
        "The mailer shows the mayor at a food bank. At the bottom it reads, “Please "
        "chip in $25 to keep our city moving forward together.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "chip in" in q.text]
    assert quote.speaker == "it"


def test_unbalanced_quote_marks_do_not_swallow_the_article():
    text = (
        'He accused the rebels of "very often using "disproportionate force" in the conflict.\n'
        "The next paragraph has no quotes at all and must stay outside every quote.\n"
        '"An opening mark that never closes, said a second official\n'
        "Closing paragraph without marks."
    )
    spans = find_quote_marks_spans(text)
    for start, end, _closed in spans:
        assert "\n" not in text[start:end]  # no passage runs past its paragraph
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    for q in quotes:
        assert "must stay outside" not in q.text


def test_multi_paragraph_quote_continues_when_next_paragraph_reopens():
    text = (
        "The envoy said:\n"
        "“The first part of the statement runs to the end of this paragraph.\n"
        "“And the second part closes it here,” he added.\n"
    )
    spans = find_quote_marks_spans(text)
    assert len(spans) == 1
    start, end, closed = spans[0]
    assert closed
    assert text[start:end].startswith("“The first part")
    assert text[start:end].endswith("closes it here,”")


def test_indirect_speech_with_speaker_and_cue():
    text = (
        "Last week Russia's Foreign Minister Sergei Lavrov said Russia had no plans to send troops."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert len(indirect) == 1
    q = indirect[0]
    assert q.text == "Russia had no plans to send troops"
    assert q.cue == "said"
    assert q.speaker is not None and q.speaker.endswith("Sergei Lavrov")


def test_according_to_and_told_attributions():
    text = (
        "The tanker has arrived in the port with marines aboard, according to the Interfax "
        "news agency.\nThe envoy told the ITAR-TASS news agency that he felt gratified."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    by_cue = {q.cue: q for q in quotes}
    assert by_cue["according to"].speaker == "the Interfax news agency"
    assert by_cue["according to"].text.startswith("The tanker has arrived")
    assert by_cue["told"].speaker == "The envoy"
    assert "he felt gratified" in by_cue["told"].text


def test_according_to_leaves_out_the_phrase_and_the_source_description():
    # the sample's Naharnet and FT lines: a line break after the phrase, and the
    # source's apposition parsed as a second subject of the reported clause
    text = (
        "The Iman tanker has arrived in the Syrian port of Tartus with an anti-terror squad "
        "aboard, according to the Interfax news agency.\nThe regime insists it is fighting.\n"
        "According to the Syrian Observatory for Human Rights, an opposition-affiliated "
        "monitoring group based in the UK, the regime on Monday launched mortars on the "
        "Damascus suburb of Douma."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    according = sorted(
        (q for q in quotes if q.cue.lower() == "according to"), key=lambda q: q.start
    )
    assert [q.text for q in according] == [
        "The Iman tanker has arrived in the Syrian port of Tartus with an anti-terror squad aboard",
        "the regime on Monday launched mortars on the Damascus suburb of Douma",
    ]


def test_made_clear_reports_the_clause_not_the_word_clear():
    text = (
        "He made clear that the purpose of the mission would be only to evacuate Russian "
        "personnel and property from Syria."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.text.removeprefix("that ") for q in quotes] == [
        "the purpose of the mission would be only to evacuate Russian personnel and property "
        "from Syria"
    ]


def test_a_subject_with_no_words_is_no_speaker():
    # the parser makes the hyphen of an odd compound the subject of "said"
    text = "Counter-countersignal said that there was “no hacking or illegal activity involved”."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert quotes and all(q.speaker is None or q.speaker.strip("-") for q in quotes)


def test_a_hyphenated_verb_split_by_the_parser_stays_in_the_reported_clause():
    text = (
        "Campaign group Avaaz said it had co-ordinated an operation to free the wounded "
        "journalists."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.text for q in quotes] == [
        "it had co-ordinated an operation to free the wounded journalists"
    ]


def test_empty_and_quote_free_text():
    assert extract_quotes("") == []
    assert extract_quotes("The port is a naval base.") == []


@pytest.mark.slow
def test_sample_pile_siege_quote_is_attributed_to_the_homs_activist():
    text = (SAMPLES / "ft-repost-warships.txt").read_text(encoding="utf-8")
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    siege = [q for q in quotes if "We are under siege" in q.text]
    assert len(siege) == 1
    assert siege[0].kind == "direct"
    assert siege[0].speaker == "one activist in Homs"
    assert siege[0].cue == "said"


def test_nested_curly_quote_stays_inside_the_outer_quote():
    text = "“I’d rather live in what he calls “hell” than live in that world.” ― Ana Ruiz\n"
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert len(quotes) == 1
    assert quotes[0].text == "“I’d rather live in what he calls “hell” than live in that world.”"
    assert quotes[0].speaker == "Ana Ruiz"  # a signed quote: the dash is the cue
    assert quotes[0].cue == "―"


def test_parenthetical_cue_takes_the_subject_next_to_it():
    text = "One of the warships, said Mr Trukhachev, carries a contingent of marines."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.speaker for q in quotes] == ["Mr Trukhachev"]


def test_a_parenthetical_cue_reports_its_whole_host_clause_not_the_writers_aside():
    text = (
        "One of the warships, said Mr Trukhachev, carries a 150-strong contingent of "
        "marines, in addition to 25 tanks, but he did not give details of the other ship."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = quotes
    assert quote.speaker == "Mr Trukhachev"
    # the subject the parser hung on the cue is what was said; "but he did not ..." is not
    assert quote.text.startswith("One of the warships")
    assert quote.text.endswith("25 tanks")


def test_naming_participle_is_not_an_attribution():
    text = "A Russian cargo ship called the Professor Katsman docked in the harbour."
    assert extract_quotes(text) == []


def test_to_brief_shape():
    text = "“We are under siege,” said one activist in Homs."
    brief = extract_quotes(text)[0].to_brief("ft-1")
    assert brief["article"] == "ft-1"
    assert text[brief["start"] : brief["end"]] == brief["text"]
    assert text[brief["speaker_start"] : brief["speaker_end"]] == brief["speaker"]
    assert brief["kind"] == "direct" and brief["speaker_entity"] is None


def test_woven_phrases_and_titles_are_not_quotes_of_their_own():
    text = (
        "She said she wanted to speak “directly to white people” about policing. "
        "He appeared on “The Steve Harvey Morning Show” on Tuesday."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert all(q.kind == "indirect" for q in quotes)
    assert any("directly to white people" in q.text for q in quotes)  # inside reported speech


def test_quoted_as_saying_gives_the_quoted_person():
    text = "Interfax had earlier quoted an anonymous official as saying that the ships had sailed."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [(q.speaker, q.cue) for q in quotes] == [("an anonymous official", "saying")]
    assert quotes[0].text == "that the ships had sailed"
    # the agency that quoted the official is who the writer has it from
    assert quotes[0].source == "Interfax"


def test_quoted_as_saying_in_the_passive_names_no_teller():
    text = "The minister was quoted as saying that the ships had sailed on Friday."
    quotes = extract_quotes(text)
    assert [(q.speaker, q.source) for q in quotes] == [("The minister", None)]


def test_told_reports_the_that_clause_not_the_listener():
    text = (
        "Kellenberger told the ITAR-TASS news agency before leaving Moscow that he felt "
        '"gratified" that Russia shared Western concerns.'
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert len(quotes) == 1
    assert quotes[0].text == 'that he felt "gratified" that Russia shared Western concerns'
    assert quotes[0].speaker == "Kellenberger"


@pytest.mark.parametrize(
    "text",
    [
        "Russia called on Syria Monday to immediately accept demands by the International "
        "Committee for the Red Cross for a daily two-hour humanitarian truce.",
        "Kellenberger then flew to Brussels to ask NATO members to exert similar influence.",
    ],
)
def test_a_request_in_the_first_line_is_not_a_quote(text):
    # the brief takes an article's first line as the story's title
    assert extract_quotes(text) == []


def test_a_request_further_down_is_an_attribution():
    text = (
        "Talks resumed in Geneva.\n"
        "Two House committees on Monday asked the Justice Department to investigate the "
        "contracts."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = quotes
    assert "to investigate the contracts" in quote.text
    assert quote.speaker == "Two House committees"


def test_the_reported_clause_follows_the_verb():
    # the parser hangs the preamble's clause on "said" too; what was said comes after it
    text = (
        "In a statement released after the senator suspended his campaign, Cruz said he "
        "was certain the party would unite."
    )
    quotes = [q for q in extract_quotes(text) if q.cue == "said"]
    assert quotes and quotes[0].text == "he was certain the party would unite"
    assert quotes[0].speaker == "Cruz"


def test_raising_verbs_attribute_their_whole_clause_with_no_source():
    text = (
        "The vote came late.\nThe committee is expected to release its report next week. "
        "The governor seemed to accept the plan."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    texts = {q.text: q for q in quotes}
    assert texts["The committee is expected to release its report next week"].speaker is None
    assert texts["The governor seemed to accept the plan"].speaker is None


def test_inverted_cue_finds_the_speaker_after_the_verb():
    text = (
        '"I am not going to say it is a mistake, so forget about it," said retired '
        "neurosurgeon Ben Carson, asked about his claims."
    )
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert quotes and quotes[0].speaker == "retired neurosurgeon Ben Carson"


def test_joint_speakers_stay_whole():
    text = (
        "The talks ended as Barack Obama, the US president, and Vladimir Putin, his Russian "
        "counterpart, called for an end to violence in Syria."
    )
    quotes = extract_quotes(text)
    (quote,) = [q for q in quotes if q.cue == "called"]
    assert quote.speaker is not None
    assert "Obama" in quote.speaker and "Putin" in quote.speaker
    assert text[quote.speaker_start : quote.speaker_end] == quote.speaker


def test_what_a_request_leaves_said_is_still_a_quote():
    text = "Lavrov urged calm and said that Russia had no plans to send troops to Syria."
    quotes = extract_quotes(text)
    assert any("no plans to send troops" in q.text and q.speaker == "Lavrov" for q in quotes)


def test_a_position_named_by_a_noun_is_an_attribution():
    text = (
        "Party leaders resented Mr. Trump's continual attacks on how the party picks its nominee."
    )
    quotes = extract_quotes(text)
    found = [q for q in quotes if q.text == "how the party picks its nominee"]
    assert found and found[0].speaker == "Mr. Trump's" and found[0].cue == "attacks"
    assert text[found[0].start : found[0].end] == found[0].text


def test_a_position_held_by_the_one_it_is_said_of():
    text = "Barney Frank, a fierce critic of what the banks proposed, spoke on Monday."
    found = [q for q in extract_quotes(text) if q.text == "what the banks proposed"]
    assert found and found[0].speaker == "Barney Frank"


def test_asked_about_gives_the_question_no_asker():
    text = "Asked about the polls on Sunday, Clinton said she was not worried about them."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    asked = [q for q in quotes if q.cue == "Asked"]
    said = [q for q in quotes if q.cue == "said"]
    assert all(q.speaker is None for q in asked)
    assert said and said[0].speaker == "Clinton"


def test_a_cue_less_quote_after_a_blank_line_goes_on_with_the_speaker():
    text = (
        '"We will win this state," Harris said on Monday.\n\n'
        '"And then we will win the next one, whatever the polls say."'
    )
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    # one attribution over both paragraphs (PolNeAR marks it so), Harris's
    assert [q.speaker for q in quotes] == ["Harris"]
    assert quotes[0].text.endswith('whatever the polls say."') and len(quotes[0].fragments) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov leveled some of his strongest criticism of Assad on Monday.",
        "Moscow has stepped up its criticism of Assad.",
        "He stepped up his attacks on the nomination process.",
        "Mr. Trump's continual attacks on the nomination process angered party leaders.",
    ],
)
def test_a_noun_cue_naming_only_a_target_is_no_quote(text):
    # no named owner: whose "his"/"its" stance it is, the article says elsewhere
    assert [q for q in extract_quotes(text) if q.cue in ("criticism", "attacks")] == []


def _quotes_with_names(text: str):
    # the article pipeline parses with the entity recognizer on (``extract_quotes``
    # leaves it off), and whether an owner is a named person rests on it
    from storyline.config import QuoteOptions
    from storyline.nlp.quotes import quotes_from_doc
    from storyline.nlp.spacy_model import load_pipeline, parse_input

    nlp = load_pipeline(QuoteOptions().model)
    return quotes_from_doc(nlp(parse_input(nlp, text)))


def test_a_named_persons_stance_on_a_target_is_a_quote():
    text = "Donald Trump's attacks on the judge drew criticism from Republicans."
    quotes = _quotes_with_names(text)
    assert_quote_offsets(text, quotes)
    found = [q for q in quotes if q.cue == "attacks"]
    assert found and found[0].text == "the judge"
    assert found[0].speaker == "Donald Trump's"


@pytest.mark.parametrize(
    "text",
    [
        "The talks eased Russia's concerns about foreign intervention.",
        "Reporters asked Donald Trump about Hillary Clinton's comments on Tuesday.",
        "Donald Trump's message to the judge was short.",
    ],
)
def test_a_countrys_noun_or_a_time_or_an_addressee_is_no_quote(text):
    quotes = _quotes_with_names(text)
    assert not [q for q in quotes if q.cue in ("concerns", "comments", "message")]


def test_a_noun_cue_with_a_clause_is_a_quote():
    text = "She leveled criticism of how the war was run."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    found = [q for q in quotes if q.cue == "criticism"]
    assert found and found[0].text == "how the war was run" and found[0].speaker == "She"


@pytest.mark.parametrize(
    "text",
    [
        "Russia first backed the idea in February.",
        "That comment appeared to acknowledge the West's recent ability to assuage Russia's "
        "concerns.",
        "His comments appeared designed to clarify speculation that warships had already set "
        "sail for Syria.",
    ],
)
def test_acts_and_the_writers_reading_are_no_quotes(text):
    assert extract_quotes(text) == []


def test_an_utterance_that_reports_is_still_a_source():
    text = "The statement said the army would withdraw from the city."
    (quote,) = extract_quotes(text)
    assert quote.speaker == "The statement"
    assert quote.text == "the army would withdraw from the city"


def test_a_relative_clause_report_keeps_what_was_said_with_its_subject():
    text = (
        "The port of Tartous in Syria is a key Russian naval base, which experts estimate "
        "has about 50 Russian staff working there."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if q.cue == "estimate"]
    # what "which" stands for is the subject of what was said (a reader of the brief saw
    # "has about 50 Russian staff working there" with no subject)
    assert quote.text == (
        "a key Russian naval base, which experts estimate has about 50 Russian staff working there"
    )
    assert quote.speaker == "experts"


def test_a_refusal_to_speak_is_attributed_to_who_refused():
    # "declined to comment" is the source's answer (PolNeAR marks it: 42 of 69 in its
    # train file); joined to a report it stays out of what was reported
    text = (
        "Victoria Nuland said the government had not heard of the reports and declined to "
        "comment. The minister refused to say whether the ships had left."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [(q.cue, q.text, q.speaker) for q in quotes] == [
        ("said", "the government had not heard of the reports", "Victoria Nuland"),
        ("declined", "to comment", "Victoria Nuland"),
        ("refused", "to say whether the ships had left", "The minister"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The prisoner refused to give up his weapons.",
        "The bank declined to provide a loan to the company.",
        "The Senate refused to confirm the nominee.",
        "The hospital refused to identify the victim.",
    ],
)
def test_a_refusal_to_act_is_no_quote(text):
    assert extract_quotes(text) == []


def test_a_refusal_to_give_words_is_a_quote():
    text = "The ministry declined to give details of the other ship."
    (quote,) = extract_quotes(text)
    assert (quote.cue, quote.text) == ("declined", "to give details of the other ship")


def test_a_refusal_that_still_says_something_is_a_quote():
    text = "The governor refused to concede that critics had a point about the wage law."
    quotes = extract_quotes(text)
    assert any("critics had a point" in q.text and q.speaker == "The governor" for q in quotes)


def test_a_quote_after_an_attribution_cued_behind_it_goes_on_with_it():
    text = (
        "At private courses, members may pay more ''because they expect a certain level of"
        " service,'' Mr. Chipok said. ''But public courses may not have the money to keep"
        " up their maintenance.''"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert len(quotes) == 1
    (quote,) = quotes
    assert quote.speaker == "Mr. Chipok" and len(quote.fragments) == 2
    assert quote.text.startswith("At private") and quote.text.endswith("maintenance.''")


def test_citing_is_its_subjects_stance():
    text = "The two firms terminated the merger, citing changes in the political climate."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    cited = [q for q in quotes if q.cue == "citing"]
    assert [(q.text, q.speaker) for q in cited] == [
        ("changes in the political climate", "The two firms")
    ]


def test_a_participle_report_hung_on_the_clause_is_its_own_attribution():
    text = (
        "Senator Clark argued that the bill would cost too much, citing a report by the"
        " budget office."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    got = {q.cue: (q.text, q.speaker) for q in quotes}
    assert got["argued"] == ("that the bill would cost too much", "Senator Clark")
    assert got["citing"] == ("a report by the budget office", "Senator Clark")


def test_a_verb_outside_the_lexicon_that_introduces_a_quote_is_its_cue():
    text = "Growing sharper as he spoke, Mr. Trump continued: “The worst attack ever in this country happened then.”"
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    direct = [q for q in quotes if q.kind == "direct"]
    assert [(q.cue, q.speaker) for q in direct] == [("continued", "Mr. Trump")]


@pytest.mark.parametrize(
    ("text", "said", "holder"),
    [
        ("Senator Warren was critical of the merger plan.", "the merger plan", "Senator Warren"),
        ("The mayor is confident that the budget will pass.", "the budget will pass", "The mayor"),
        (
            "Trump made clear that he would not attend the debate.",
            "he would not attend the debate",
            "Trump",
        ),
    ],
)
def test_a_stance_adjective_predicated_of_someone_is_an_attribution(text, said, holder):
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert (said, holder) in [(q.text.removeprefix("that "), q.speaker) for q in quotes]


def test_a_verb_outside_the_lexicon_after_a_comma_quote_is_its_cue():
    text = (
        "The senator was asked about the vote.\n\n“The first casualty of such a policy would be "
        "our farmers,” she continued. “If the state closes the border to trade, nobody will prosper.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert len(quotes) == 1 and len(quotes[0].fragments) == 2
    assert (quotes[0].speaker, quotes[0].cue) == ("she", "continued")


def test_a_quote_split_around_its_cue_is_one_even_when_both_halves_find_it():
    text = (
        "“Let us take this opportunity,” Blackwell concluded, “to nominate and elect a "
        "president who has the courage to lead.”"
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 1 and len(quotes[0].fragments) == 2
    assert quotes[0].speaker == "Blackwell"


def test_a_sentence_closing_with_a_colon_introduces_the_quoted_paragraph():
    text = (
        "When the old governor died in 1998, President Clinton released the following "
        "statement:\n\n“Hillary and I offer our condolences to the family and friends of the governor.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    [quote] = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker == "President Clinton" and quote.cue == "released"


def test_a_colon_sentence_the_parser_runs_into_the_quote_still_introduces_it():
    # spaCy hangs the colon's sentence under the quote's first verb ("are"): the verb
    # before the colon that the colon's phrase hangs on is the cue
    text = (
        "After the storm, Governor Ann Lee of Ohio issued the following statement:\n\n"
        "“Our thoughts are with all those affected by the floods in the valley. We will "
        "rebuild together.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    [quote] = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker == "Governor Ann Lee of Ohio" and quote.cue == "issued"


def test_a_short_spoken_line_with_its_cue_is_a_quote():
    text = "Asked who would win the game, the candidate did not hesitate.\n\n“Denver,” he answered."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [(q.text, q.speaker, q.cue) for q in quotes if q.kind == "direct"] == [
        ("“Denver,”", "he", "answered")
    ]


def test_a_cue_whose_subject_the_parser_lost_takes_the_sentence_subject():
    # spaCy makes "writing" the subject of the quote's "Feels"
    text = (
        "Band member Ruiz shared the news on social media last week, writing “Feels great "
        "to support someone I believe in.”"
    )
    quotes = extract_quotes(text)
    [quote] = [q for q in quotes if q.kind == "direct"]
    assert quote.cue == "writing" and quote.speaker == "Band member Ruiz"


def test_referring_to_attributes_what_it_refers_to_to_the_speaker():
    text = '"Nobody wants a fight like this one," Morales said, referring to the spring primary.'
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert ("the spring primary", "Morales", "referring") in {
        (q.text, q.speaker, q.cue) for q in quotes
    }


def test_an_adverbial_clause_after_the_report_belongs_to_what_was_said():
    text = "Moreno criticized the trade deal as he campaigned in Ohio on Monday."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("the trade deal as he campaigned in Ohio on Monday", "Moreno")
    ]


def test_a_cue_the_parser_split_off_reports_the_clause_before_it():
    # the parser sometimes ends the sentence before ", he said": the cue then stands
    # alone, and the clause before the comma is what was said (the parse is given here,
    # as the small model made it on a PolNeAR article)

    from storyline.nlp.quotes import quotes_from_doc

    rows = [  # word, space after, head, dep, pos, tag, lemma, sentence start
        ("Borrowers", True, 1, "nsubj", "NOUN", "NNS", "borrower", True),
        ("struggle", True, 1, "ROOT", "VERB", "VBP", "struggle", False),
        ("for", True, 1, "prep", "ADP", "IN", "for", False),
        ("years", False, 2, "pobj", "NOUN", "NNS", "year", False),
        (",", True, 6, "punct", "PUNCT", ",", ",", True),
        ("he", True, 6, "nsubj", "PRON", "PRP", "he", False),
        ("said", False, 6, "ROOT", "VERB", "VBD", "say", False),
        (".", False, 6, "punct", "PUNCT", ".", ".", False),
        ("\n\n", False, 7, "dep", "SPACE", "_SP", "\n\n", False),
        ("Rates", True, 10, "nsubj", "NOUN", "NNS", "rate", True),
        ("rose", False, 10, "ROOT", "VERB", "VBD", "rise", False),
        (".", False, 10, "punct", "PUNCT", ".", ".", False),
    ]
    doc = parsed_doc(rows)
    (quote,) = [q for q in quotes_from_doc(doc) if q.cue == "said"]
    assert quote.text == "Borrowers struggle for years"
    assert quote.speaker == "he"


def test_titles_with_small_words_are_not_quotes():
    text = (
        "The actress, a star of “Orange is the New Black” since 2013, spoke on Monday.\n"
        "He appeared on “The Lead with Jake Tapper” on Tuesday."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert not any(q.kind == "direct" for q in quotes)


def test_a_participle_stance_is_held_by_the_noun_it_describes():
    text = "Hundreds of protesters denouncing the pipeline marched on Monday."
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if q.cue == "denouncing"]
    assert quote.speaker == "protesters"
    assert quote.text == "the pipeline"


def test_a_short_line_after_a_name_and_colon_is_a_label_not_speech():
    text = (
        "What each candidate needs tonight.\n\n"
        "Rubio: Finish second.\n\n"
        "WALLACE: Governor, do you really see those two as equivalent?"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.speaker for q in quotes if q.cue == ":"] == ["WALLACE"]


def test_a_listicle_heading_before_a_colon_is_no_speaker():
    text = (
        "Drop This Fact: The World Happiness report for 2016 found that Denmark is the "
        "happiest nation in the world.\n\n"
        "Ask The Big Question: Is the USA really only the 21st best country in the world?"
        "\n\n"
        "Ted Cruz: We will win this fight for the American people, and we will win it soon."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.speaker for q in quotes if q.cue == ":"] == ["Ted Cruz"]


def test_a_page_field_link_or_credit_before_a_colon_is_no_speaker():
    text = (
        "Message: A friend wanted you to see this item from the station's website.\n\n"
        "More: Nevada marijuana prices rise, product may sell out\n\n"
        "With: Jane Levy, Shiloh Fernandez, Lou Taylor Pucci, Jessica Lucas.\n\n"
        "MPAA rating: R for strong bloody violence and gore, some sexual content.\n\n"
        "Reporter Jane Doe: jdoe@example.com; Twitter: @jdoe and the newsroom.\n\n"
        "Ted Cruz: We will win this fight for the American people, and we will win it soon."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.speaker for q in quotes if q.cue == ":"] == ["Ted Cruz"]


def test_an_attribution_inside_its_report_is_left_out_of_the_words_shown():
    # "which experts estimate has ...": the reader sees the words either side of it
    text = (
        "The port of Tartous is a key Russian naval base, which experts estimate has about "
        "50 Russian staff working there. The four least happy countries according to the "
        "index are all African nations."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    base = next(q for q in quotes if q.cue == "estimate")
    assert (
        base.words() == "a key Russian naval base, which … has about 50 Russian staff working there"
    )
    assert text[base.start : base.end] == base.text  # the span still covers it all
    index = next(q for q in quotes if q.cue == "according to")
    assert index.words() == "The four least happy countries … are all African nations"


def test_an_attribution_at_the_edge_of_its_report_keeps_it_whole():
    text = "Experts estimate the base has about 50 Russian staff working there."
    (quote,) = extract_quotes(text)
    assert quote.fragments in ((), ((quote.start, quote.end),))
    assert quote.words() == "the base has about 50 Russian staff working there"


def test_a_headline_teaser_after_a_colon_is_no_quote():
    # the teaser tells the reader what to do; a speaker's "Listen, ..." is still speech
    text = (
        "Mobb Deep Songs Remixed: Listen to 7 of the Best\n\n"
        "The rap world is reeling from the news.\n\n"
        "Ted Cruz: Listen, we will win this fight for the American people, and soon."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.speaker for q in quotes if q.cue == ":"] == ["Ted Cruz"]


def test_a_transcript_line_that_opens_like_a_teaser_is_speech():
    # a transcript's capitals label a speaker, never a headline
    text = (
        "BIDEN: Here's the deal. We are going to rebuild the middle class, and we are "
        "going to do it together."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [(q.speaker, q.text[:16]) for q in quotes] == [("BIDEN", "Here's the deal.")]


def test_as_someone_put_it_introduces_a_quote():
    text = (
        "Or, as Tom Ridge, a former secretary of homeland security, put it: "
        "“The barbarians are no longer at the gate. They are inside.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = quotes
    assert quote.cue == "put"
    assert quote.speaker is not None and quote.speaker.startswith("Tom Ridge")


def test_a_second_report_joined_to_the_reported_clause_is_its_own():
    text = (
        "Merrill says Machado promised to keep supporting the campaign and said she would "
        "stand up to the attacks."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [(q.cue, q.text) for q in quotes] == [
        ("says", "Machado promised to keep supporting the campaign"),
        ("said", "she would stand up to the attacks"),
    ]
    assert all(q.speaker == "Merrill" for q in quotes)


def test_a_stance_verbs_one_word_object_is_the_position_it_states():
    quotes = extract_quotes("The governor endorsed Cruz.")
    assert [(q.kind, q.text, q.speaker, q.cue) for q in quotes] == [
        ("indirect", "Cruz", "The governor", "endorsed")
    ]
    # a particle, an adjective or a date after the verb is no object
    for text in ("The former aide pleaded guilty.", "The agency reported Tuesday."):
        assert extract_quotes(text) == []


def test_a_quote_after_a_one_word_stance_stays_a_quote_of_its_own():
    text = (
        "The president did not suggest retaliation. “Our goal is not to start a cycle of "
        "escalation like the one we saw in the past.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [(q.kind, q.text) for q in quotes] == [
        ("indirect", "retaliation"),
        ("direct", text[text.index("“") :]),
    ]


def test_a_speaker_cut_at_a_line_break_to_no_word_is_no_speaker():
    from storyline.nlp.quote_draft import Draft
    from storyline.nlp.quotes import _finish

    text = "May 16, 2017\n\n— said the lawmakers were right."
    said = text.index("said")
    draft = Draft(said + 5, len(text) - 1, "indirect", speaker=(0, said - 1), cue=(said, said + 4))
    quote = _finish(draft, text)
    assert quote.speaker is None and quote.speaker_start is None
    # the words on the cue's side of the break stay the speaker when there are some
    text = "May 16, 2017\n\nOther lawmakers said the memo was real."
    said = text.index("said")
    draft = Draft(said + 5, len(text) - 1, "indirect", speaker=(0, said - 1), cue=(said, said + 4))
    quote = _finish(draft, text)
    assert quote.speaker == "Other lawmakers"
    assert text[quote.speaker_start : quote.speaker_end] == quote.speaker


def test_a_long_quote_after_a_clause_and_a_comma_is_the_clause_subjects():
    text = (
        "Maria Keller, the agency's director, reacted skeptically to the new border deal, "
        "“I am concerned about any agreement that sends every family back without a "
        "hearing.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "concerned about any agreement" in q.text]
    assert quote.speaker is not None and quote.speaker.startswith("Maria Keller")


def test_a_short_title_after_a_clause_and_a_comma_gets_no_speaker():
    text = (
        "The former aide published a memoir last spring, “Inside the Room.” "
        "It sold well in the capital."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert not [q for q in quotes if "Inside the Room" in q.text and q.speaker]


def test_a_quote_after_a_bare_said_sentence_is_that_speakers():
    text = (
        "Sam Ortiz, the party's spokesman, said in a statement. “There are no paper "
        "ballots to recount, and the count we announced on Monday stands.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "no paper ballots" in q.text]
    assert quote.speaker is not None and quote.speaker.startswith("Sam Ortiz")


def test_the_phrase_between_a_quote_and_its_cue_speaks_when_the_parse_lost_it():
    text = (
        "Nobody on the stage had an answer.\n\n“What if the senator had taken elocution "
        "lessons?” the 43-year-old asked in the video’s description."
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (quote,) = [q for q in quotes if "elocution" in q.text]
    assert quote.speaker == "the 43-year-old"


def test_a_quote_after_a_sentence_that_says_nothing_is_not_its_subjects():
    text = (
        "Her lawyer did not say. “We are confident the court will see this case for what "
        "it is, a witch hunt against a good man.”"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    assert [q.speaker for q in quotes if q.kind == "direct"] in ([], [None])


def test_a_quote_after_a_clause_inside_another_is_not_its_subjects():
    # the announcement is no one's in the hall, the jeer not the mayor's
    for text in (
        "Then came the moment everyone in the hall had been waiting for, “Ladies and "
        "gentlemen, the next president of the United States.”",
        "The crowd booed loudly as the mayor took the stage, “Go home, you have done "
        "enough damage to this city already.”",
    ):
        quotes = extract_quotes(text)
        assert_quote_offsets(text, quotes)
        direct = [q for q in quotes if q.kind == "direct"]
        assert all(q.speaker in (None, "The crowd") for q in direct), text


def test_a_dash_opening_a_line_closes_no_clause_before_a_quote():
    # a list of headlines: the one before does not speak the next
    text = (
        'SHORT READS:\n\n—"A city sketch artist gets a gallery show," by Hyperallergic\'s '
        'Cara Dunn: http://bit.ly/1NSbMIk.\n\n—"Posthumous books could come with a lot of '
        "dollar signs,\" by Boston Globe's Tom Ray: http://bit.ly/1abcd.\n"
    )
    quotes = extract_quotes(text)
    assert_quote_offsets(text, quotes)
    (books,) = [q for q in quotes if "Posthumous" in q.text]
    assert books.speaker is None
