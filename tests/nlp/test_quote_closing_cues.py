"""Reported speech the parser hangs oddly: a closing cue set off by a comma (", said the
manager.") and a for-to clause after a stance verb ("called for X to resign")."""

from helpers import parsed_doc
from storyline.nlp.quotes import extract_quotes


def _indirect(text, cue):
    return [q for q in extract_quotes(text) if q.kind == "indirect" and q.cue == cue]


def test_a_closing_cue_reports_the_clauses_before_its_comma():
    # the parser hangs "is holding on" under "said" as an adverbial clause, not a ccomp
    text = (
        "In nearby Springfield, the old paper mill is holding on, but it is under heavy"
        " pressure from cheap imports, said the mill's general manager, Anna Berg."
    )
    quotes = _indirect(text, "said")
    assert len(quotes) == 1
    q = quotes[0]
    assert q.speaker == "the mill's general manager, Anna Berg"
    assert q.text == (
        "In nearby Springfield, the old paper mill is holding on, but it is under heavy"
        " pressure from cheap imports"
    )


def test_a_time_clause_before_a_cue_is_not_what_was_said():
    text = (
        "When the reporter interviewed the mayor or moderated a forum, the host reminded"
        " listeners about his wife's job."
    )
    assert _indirect(text, "reminded") == []


def test_a_relative_clause_is_no_closing_cue():
    text = "Sanders lost Ohio and Florida to his rival Hillary Clinton, who added to her lead."
    assert _indirect(text, "added") == []


def test_called_for_someone_to_act_reports_the_for_to_clause():
    # (not the article's first line, which the brief reads as a headline: nlp.quote_syntax)
    text = "Flood hits the city.\nAfter the flood, the governor called for the mayor to resign."
    quotes = _indirect(text, "called")
    assert len(quotes) == 1
    assert quotes[0].text == "the mayor to resign"
    assert quotes[0].speaker == "the governor"


def test_a_cue_less_quote_right_after_a_reported_clause_goes_on_with_it():
    text = (
        "The senator answered in a statement, saying he had “made a fortune in bad"
        " markets.” “Frankly, this is the kind of thinking our state needs right now.”"
    )
    quotes = extract_quotes(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.kind == "indirect" and q.cue == "saying"
    assert q.speaker == "The senator"
    assert len(q.fragments) == 2
    assert text[slice(*q.fragments[1])].startswith("“Frankly")


def test_a_cue_less_quote_opening_the_next_paragraph_keeps_the_reporter():
    text = (
        "The mayor said the new budget would protect every library in the city.\n\n"
        "“We are not closing a single branch this year, not one.”"
    )
    quotes = extract_quotes(text)
    direct = [q for q in quotes if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker == "The mayor"
    assert direct[0].cue is None


def test_a_quotation_opened_in_a_reported_clause_runs_to_its_closing_mark():
    text = (
        'The strategist said the party "ship may have left the harbor. I do not want'
        ' to be a critic of the effort, but the field has to narrow now."\n'
        "The next primary is in March."
    )
    said = [q for q in extract_quotes(text) if q.cue == "said"]
    assert len(said) == 1
    assert said[0].kind == "indirect"
    assert said[0].speaker == "The strategist"
    assert said[0].text.startswith("the party")
    assert said[0].text.endswith('has to narrow now."')


def test_a_free_standing_straight_mark_closes_the_open_quote():
    from storyline.nlp.quote_text import find_quote_marks_spans

    text = (
        "''The reason he won is that he built coalitions, '' said Mr. Hale, an aide."
        " ''He sees himself as fighting for workers.''"
    )
    spans = [text[s:e] for s, e, _closed in find_quote_marks_spans(text)]
    assert spans == [
        "''The reason he won is that he built coalitions, ''",
        "''He sees himself as fighting for workers.''",
    ]


def test_a_quote_its_cue_clause_takes_in_is_never_lost():
    # the cue's reported clause takes in the quote and its preamble; one of the two
    # must stand (once both were dropped: the quote as absorbed, the clause as quoted)
    text = (
        "The former coach now says he is being denied work over his politics.\n"
        "In an interview with a radio station, Walker said, “I have had a lot of people"
        " cancel events with me because of my support for the governor.”"
    )
    start = text.index("“I have had")
    covering = [q for q in extract_quotes(text) if q.start <= start and q.end >= len(text) - 1]
    assert len(covering) == 1
    assert covering[0].speaker == "Walker"


def test_a_party_state_label_does_not_end_the_cue_sentence():
    from storyline.nlp.quote_text import sentence_ends

    assert sentence_ends(" said Sen. Dick Durbin (D-Ill.) in an interview. ") == 1
    assert sentence_ends(" the vote failed (again.) Then it passed. ") == 2


def test_a_bare_cue_after_a_quote_ending_its_sentence_is_its_cue():
    text = (
        "The senator says the emails were personal.\n"
        "“Russia, if you are listening, I hope you are able to find the emails that are"
        " missing.” Trump said.\nHe spoke in Florida."
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker == "Trump" and direct[0].cue == "said"


def test_a_closing_verb_may_take_adverbials_but_no_second_clause():
    text = (
        "The moderators asked about the feud.\n"
        '"If you ask one more mean question, I may have to leave the stage," Cruz quipped'
        " in reference to his absent rival."
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker == "Cruz" and direct[0].cue == "quipped"
    text = (
        "The crowd was loud.\n"
        '"Go back to your seats, all of you," Trump barked and a guard led the man out.'
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert len(direct) == 1 and direct[0].cue is None


def test_a_participle_after_a_cue_keeps_its_speaker_however_it_is_parsed():
    # "adding" hung on the verb of a later clause (as spaCy does in long sentences): the
    # participle set off by a comma after "he said" is still his

    from storyline.nlp.quotes import quotes_from_doc

    rows = [  # word, space after, head, dep, pos, tag, lemma, sentence start
        ("We", True, 1, "nsubj", "PRON", "PRP", "we", True),
        ("won", False, 4, "ccomp", "VERB", "VBD", "win", False),
        (",", True, 4, "punct", "PUNCT", ",", ",", False),
        ("he", True, 4, "nsubj", "PRON", "PRP", "he", False),
        ("said", False, 4, "ROOT", "VERB", "VBD", "say", False),
        (",", True, 4, "punct", "PUNCT", ",", ",", False),
        ("adding", True, 13, "advcl", "VERB", "VBG", "add", True),
        ("that", True, 9, "mark", "SCONJ", "IN", "that", False),
        ("voters", True, 9, "nsubj", "NOUN", "NNS", "voter", False),
        ("came", True, 6, "ccomp", "VERB", "VBD", "come", False),
        ("out", False, 9, "prt", "ADP", "RP", "out", False),
        (",", True, 13, "punct", "PUNCT", ",", ",", False),
        ("turnout", True, 13, "nsubj", "NOUN", "NN", "turnout", False),
        ("is", True, 13, "ROOT", "AUX", "VBZ", "be", False),
        ("back", False, 13, "advmod", "ADV", "RB", "back", False),
        (".", False, 13, "punct", "PUNCT", ".", ".", False),
    ]
    doc = parsed_doc(rows)
    (quote,) = [q for q in quotes_from_doc(doc) if q.cue == "adding"]
    assert quote.text.startswith("that voters came out")
    assert quote.speaker == "he"


def test_a_verb_with_an_object_after_a_quote_is_not_its_bare_cue():
    # "She noted a planned rally": what she noted follows the verb, so the quote before
    # it goes on from the one before ('“X,” she said. “Y.”'), one attribution
    text = (
        "Her spokeswoman said the pledge was not constraining.\n\n"
        "“I completely disagree with the assertion that there is any disadvantage,” she"
        " said. “We feel good about the areas we are going to and the time we are able to"
        " spend there.” She noted a planned rally on Saturday in Sioux City with the"
        " congressman.\n"
    )
    start = text.index("“I completely")
    second = text.index("“We feel")
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert q.start == start and q.cue == "said" and q.speaker == "she"
    assert [text[a:b][:8] for a, b in q.fragments] == ["“I compl", "“We feel"]
    assert q.fragments[1][0] == second


def test_a_phrasal_verb_framing_a_quote_is_its_cue():
    text = (
        "Clinton said she stood up to the banks.\n\n"
        'Sanders shot back, "Secretary Clinton called them out. Oh my goodness, they must'
        ' have been really crushed by that."\n'
    )
    start = text.index('"Secretary')
    quotes = [q for q in extract_quotes(text) if q.start <= start < q.end]
    assert len(quotes) == 1
    assert quotes[0].speaker == "Sanders"


def test_the_clause_a_colon_closes_introduces_the_quote_after_it():
    # the parser hangs "delivered" on the quote's verb ("tearing"): the clause ending at
    # the colon still says who speaks
    text = (
        "Clinton warned against repealing the health law.\n\n"
        "Sanders delivered a snappy retort: \"No one is tearing this up. We're going to go"
        ' forward."\n'
    )
    start = text.index('"No one')
    quotes = [q for q in extract_quotes(text) if q.start <= start < q.end]
    assert quotes and all(q.speaker == "Sanders" for q in quotes)


def test_the_agent_of_a_passive_ask_is_who_asks():
    text = (
        "The mayor spoke on the radio on Friday.\n\n"
        "When asked by a reporter whether the registry differed from the old one, the"
        ' mayor said, "You tell me."\n'
    )
    asked = _indirect(text, "asked")
    assert len(asked) == 1
    assert asked[0].text.startswith("whether the registry")
    assert asked[0].speaker == "a reporter"
    # with no agent, the one asked (the subject) still does not ask
    text = "Asked about the polls, the mayor said he does not read them.\n"
    assert all(q.speaker is None for q in _indirect(text, "Asked"))


def test_a_short_quotation_nobody_says_is_no_quote():
    text = (
        "Banners hung from the balcony of the town hall. “Stop the war in our time.”"
        " Police took them down an hour later.\n\n"
        "“We will win this fight,” the organiser said.\n\n"
        "The march ended at the river before noon.\n\n"
        "“The town has never seen a crowd like this one, not even for the fair.”\n"
    )
    direct = sorted(text[q.start : q.end][:12] for q in extract_quotes(text) if q.kind == "direct")
    # the slogan goes; a short quote someone says, and a long one, stay
    assert direct == ["“The town ha", "“We will win"]


def test_who_is_asked_in_the_passive_does_not_ask():
    # no agent: nobody named asks; the sentence's subject is the one asked
    text = (
        "The campaign has held few events for the press.\n\n"
        "Robby Mook, who was asked at a lunch if Clinton would hold a press conference,"
        " laughed and said nothing.\n"
    )
    asked = _indirect(text, "asked")
    assert len(asked) == 1
    assert asked[0].text.startswith("if Clinton would hold")
    assert asked[0].speaker is None


def test_an_inverted_verb_outside_the_lexicon_after_a_quote_is_its_cue():
    # "remembered" is no speech verb of the lexicon; inverted right after the quote's
    # comma, with a named subject after it, it says who spoke
    text = (
        '"We never expected the plant to close so soon, and nobody warned us," remembered'
        " Maria Gonzalez, a former union steward."
    )
    (quote,) = extract_quotes(text)
    assert quote.cue == "remembered"
    assert quote.speaker == "Maria Gonzalez, a former union steward"


def test_a_short_cue_sentence_between_two_quotes_names_who_goes_on():
    # "continued" is no lexicon verb and the first quote ends in "?", so no cue reaches
    # the second quote but the sentence of a subject and its verb standing between them
    text = (
        "“Is he really so sure that voters are not offended?” Mr. Howard continued. “Is he"
        " really so unaware of the voters that he thinks this wins them over?”"
    )
    second = [q for q in extract_quotes(text) if "unaware" in q.text]
    assert [(q.cue, q.speaker) for q in second] == [("continued", "Mr. Howard")]


def test_a_day_after_an_inverted_cue_is_not_who_spoke():
    # '"...," the nominee, Jane Doe, tweeted Sunday after the vote' parsed with no subject
    # for "tweeted": the inverted subject search must not take the day for the speaker
    from spacy.tokens import Span

    from storyline.nlp.quote_cues import inverted_subject

    rows = [
        ("tweeted", True, 0, "ROOT", "VERB", "VBD", "tweet", True),
        ("Sunday", True, 0, "npadvmod", "PROPN", "NNP", "Sunday", False),
        ("after", True, 0, "prep", "ADP", "IN", "after", False),
        ("the", True, 4, "det", "DET", "DT", "the", False),
        ("vote", False, 2, "pobj", "NOUN", "NN", "vote", False),
    ]
    doc = parsed_doc(rows)
    doc.ents = [Span(doc, 1, 2, label="DATE")]
    assert inverted_subject(doc[0]) is None


def test_whom_a_quote_was_told_is_not_its_inverted_subject():
    # '"...," Moreno, 58, told AFP in an interview' parsed with "Moreno" off the verb and
    # no subject for "told": the agency after "told" is whom it was told, not the speaker
    from storyline.nlp.quote_cues import inverted_subject

    rows = [
        ("told", True, 0, "ROOT", "VERB", "VBD", "tell", True),
        ("AFP", True, 0, "dobj", "PROPN", "NNP", "AFP", False),
        ("in", True, 0, "prep", "ADP", "IN", "in", False),
        ("an", True, 4, "det", "DET", "DT", "an", False),
        ("interview", False, 2, "pobj", "NOUN", "NN", "interview", False),
    ]
    assert inverted_subject(parsed_doc(rows)[0]) is None


def test_a_quote_paragraph_after_a_report_ending_its_sentence_goes_on_with_the_reporter():
    # the reported clause ends before the sentence does ("..., though he did not say
    # why."): the cue-less quote opening the next paragraph is still the minister's
    text = (
        "The minister said the talks had stalled over the border question on Friday, though"
        " he did not say why.\n\n“We have done all we can, and now it is up to them to decide"
        " what they want to do next.”"
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["The minister"]


def test_an_opening_asked_names_no_asker_whatever_its_parse():
    # the asked one answers in the main clause; who asked is not said
    for text in (
        "Asked what a firm commitment looks like, Devane replied: “We are a long way off.”\n",
        "Asked a direct question about this in the debate, the governor said she takes "
        "responsibility.\n",
        "Asked whether watching from the sidelines had been hard, Mr. Daley said it had.\n",
    ):
        asked = _indirect(text, "Asked")
        assert asked and all(q.speaker is None for q in asked), text


def test_asked_by_someone_names_the_asker():
    text = "Asked by Stephanopoulos to respond to the criticism, the governor said nothing.\n"
    asked = _indirect(text, "Asked")
    assert asked and asked[0].speaker == "Stephanopoulos"


def test_a_dash_aside_about_the_speaker_is_not_who_speaks():
    # the parser makes "leader", inside the aside, the subject of "said"
    text = (
        "The Kansas Republican - who served 27 years in the Senate, including four years as"
        " majority leader and eight years in charge of the minority - said Congress' current"
        " dysfunction is hard to believe."
    )
    assert [q.speaker for q in _indirect(text, "said")] == ["The Kansas Republican"]
    text = (
        "Smith, a spokesman for the company - which has 200 stores in the state, including"
        " four in the capital - said the plan was dead."
    )
    assert [q.speaker for q in _indirect(text, "said")] == ["Smith, a spokesman for the company"]


def test_to_rule_a_country_is_no_ruling():
    text = "Kim, the third of his line to rule North Korea, is a basketball fan."
    assert [q.cue for q in extract_quotes(text)] == []
    text = "The judge ruled that the law was void, and the court later ruled out a retrial."
    assert {q.cue for q in extract_quotes(text)} >= {"ruled"}


def test_to_call_someone_up_is_no_naming():
    text = (
        "Every single morning, Françoise would call me once I got to my desk. Françoise"
        " would often call me up and ask me where I had been."
    )
    assert "call" not in {q.cue for q in extract_quotes(text)}
    text = 'Trump called him "a disgrace" and later called her a liar.'
    assert [q.text for q in extract_quotes(text) if q.cue == "called"] == [
        'him "a disgrace"',
        "her a liar",
    ]


def test_a_reduced_when_asked_names_no_asker_whatever_its_tag():
    # the parser tags this "asked" VBD, as if the main clause's subject asked
    for text in (
        "“Jobs, jobs, jobs,” Mrs. Carter said on the late show last month when asked what"
        " her husband would do in the White House.\n",
        "Mr. Hale told a television station in an interview aired on Monday when asked how"
        " ties would fare if he won the election.\n",
    ):
        asked = _indirect(text, "asked")
        assert asked and all(q.speaker is None for q in asked), text


def test_who_asks_in_a_clause_of_their_own_still_asks():
    text = "The reporter asked the senator whether the bill would pass before the recess.\n"
    asked = _indirect(text, "asked")
    assert asked and asked[0].speaker == "The reporter"


def test_the_phrase_before_a_cue_after_a_commaless_quote_is_who_speaks():
    # no comma before the closing mark: the parser runs the attribution into the quote
    for text, speaker in (
        (
            "Each violation carries five years in prison.\n\n“The agents involved are under a"
            " lot of pressure to finish this before the convention” an intelligence source,"
            " who was not authorized to speak on the record, told the Daily Courier.",
            "an intelligence source",
        ),
        (
            "The columnist urged voters to look elsewhere.\n\n“The eruption of war in the"
            " capital is not a good thing for anyone” Will wrote.",
            "Will",
        ),
    ):
        direct = [q for q in extract_quotes(text) if q.kind == "direct"]
        assert direct and direct[0].speaker == speaker, text


def test_a_job_word_before_a_name_after_a_quote_is_part_of_who_speaks():
    # the parser reads "screenwriter" as a verb and the name as its object, so the cue
    # has no subject: the phrase between quote and cue is who speaks, job word and all
    text = (
        'Critics said the image harked back to old stereotypes.\n\n"Just saw the tweet.'
        " I'm impressed by his ability to find a way to insult literally every kind of human"
        ' being," screenwriter Cole Haddon wrote on Twitter.'
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert direct and direct[0].speaker == "screenwriter Cole Haddon", direct


def test_a_relative_clause_after_a_closing_mark_is_no_cue():
    # "which votes in March" says something of Texas, inside the quote: the second quote
    # has no cue of its own and goes on with the first quote's speaker
    text = (
        "The campaign is already running ads in five states.\n\n“The governor is in good"
        " shape going forward no matter who wins the primary,” said Tom Hale, a senior"
        " adviser to the campaign. “We could win enough delegates in Ohio and Florida to"
        " catch up, and we have good chances all the way through Texas,” which votes in"
        " March.\n\nThe rival campaign did not comment."
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert direct
    assert all(q.speaker and q.speaker.startswith("Tom Hale") for q in direct), [
        (q.text, q.speaker) for q in direct
    ]
    assert not any(q.cue == "votes" for q in extract_quotes(text))


def test_an_inverted_cue_between_two_pieces_of_a_quote_names_its_speaker():
    # the parser hangs "Leamer" on the second piece's verb as its subject
    text = (
        'Local governments could feel a budget pinch.\n\n"The risk," said Edward Leamer, an'
        " economist who is the director of the UCLA Anderson Forecast, \"is that we're going"
        ' to be attracting workers and repelling jobs."\n\nOpponents disagree.'
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert direct and direct[0].speaker is not None, [(q.text, q.speaker) for q in direct]
    assert direct[0].speaker.startswith("Edward Leamer")


def test_a_roundups_source_label_before_the_colon_names_the_speaker():
    # the headline before the dash has a verb ("agree"); the label after it is the source
    text = (
        "Pollsters agree on one lesson - Carl Bialik: “One of the biggest lessons was a"
        " simple one: keep on contacting voters as late as possible, because late deciders"
        " broke hard.”\n\nNot all web panels are created equal. More from the report: “In"
        " general, samples with more elaborate sampling and weighting procedures produced"
        " more accurate results.”"
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert [q.speaker for q in direct] == ["Carl Bialik", "the report"], [
        (q.text, q.speaker) for q in direct
    ]


def test_a_verb_of_saying_opening_its_sentence_before_a_colon_names_the_speaker():
    text = (
        "Critics say the plan would make the tax code more complicated. Said Ellis: “I"
        " don't get the sense she's the least bit interested in tax reform.”"
    )
    direct = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert direct and direct[0].speaker == "Ellis" and direct[0].cue == "Said", [
        (q.text, q.cue, q.speaker) for q in direct
    ]


def test_a_name_the_parser_hung_inside_the_clause_before_a_closing_cue_speaks():
    # "Kennedy" parses as an apposition of "storage", leaving "wrote" without a subject
    # (a full parse, names typed, as the article layer and the eval read it)
    from storyline.nlp.quotes import quotes_from_doc
    from storyline.nlp.spacy_model import load_pipeline, parse_input

    text = (
        "Two emails sent to Powell and 10 emails sent to aides who worked for Rice have"
        " been placed in secure storage, Patrick F. Kennedy, the undersecretary for"
        " management, wrote in a memo to the inspector general."
    )
    nlp = load_pipeline()
    quotes = [q for q in quotes_from_doc(nlp(parse_input(nlp, text))) if q.cue == "wrote"]
    assert len(quotes) == 1
    assert quotes[0].speaker == "Patrick F. Kennedy, the undersecretary for management"
    assert quotes[0].text.endswith("have been placed in secure storage")


def test_a_gerund_in_an_opening_phrase_is_said_by_the_main_clause_subject():
    # "stating" hangs under "In addition to": its subject is the one of "has vowed"
    text = (
        "In addition to stating that unborn babies have no constitutional rights, Clinton"
        " has vowed to work to repeal the Hyde Amendment, a longstanding federal provision."
    )
    quotes = _indirect(text, "stating")
    assert quotes and quotes[0].speaker == "Clinton", quotes


def test_having_and_a_participle_is_active_and_said_by_the_main_clause_subject():
    # "Having announced" is no passive "Asked about X, he said": Berman announced it
    text = (
        "The courtroom was quiet.\n\nHaving announced that he would not send me to prison,"
        " Judge Berman proceeded to hand down his sentence."
    )
    quotes = _indirect(text, "announced")
    assert quotes and quotes[0].speaker == "Judge Berman", quotes


def _direct(text):
    return [q for q in extract_quotes(text) if q.kind == "direct"]


def test_a_short_closing_clause_the_parser_mistags_still_names_the_speaker():
    # "the notice read", "the three write", "read the memo": the tagger makes the noun an
    # adjective or the verb a noun and finds no cue; the clause's shape says who speaks
    cases = {
        "“The library will close early on Fridays until the repairs are done,” the notice"
        " read.": "the notice",
        "“We were never told what the new rules would cost the town,” the three write.": "the three",
        '"The plant will reopen in the spring with a smaller crew," read the memo.': "the memo",
    }
    for text, speaker in cases.items():
        quotes = _direct(text)
        assert len(quotes) == 1, text
        assert quotes[0].speaker == speaker, text


def test_an_inverted_pronoun_subject_the_parser_made_an_object_speaks():
    text = '"Nobody should have to wait six hours at a polling station," tweeted another.'
    quotes = _direct(text)
    assert len(quotes) == 1
    assert quotes[0].speaker == "another"


def test_a_noun_whose_verb_the_parser_made_a_relative_clause_is_its_subject():
    # "A ... poll found last week that ...": parsed as a noun (the sentence's root) with
    # a reduced relative "found ..."; the sentence's only verb reports, the noun says it
    cases = {
        "A Marist College poll found last week that the mayor would beat her rival 51 to 44"
        " percent in a runoff.": "A Marist College poll",
        "Two economists, Ana Ruiz and Tom Hale, found in 2019 that the tax cut had paid for"
        " less than a third of itself.": "Two economists, Ana Ruiz and Tom Hale",
    }
    for text, speaker in cases.items():
        quotes = _indirect(text, "found")
        assert len(quotes) == 1, text
        assert quotes[0].speaker == speaker, text


def test_a_subjectless_main_verb_is_said_by_the_noun_phrase_right_before_it():
    # a long fronted phrase the parser runs on into the subject: "office" is hung on
    # "between" as a conjunct and "announced" has no subject of its own
    text = (
        "After a day of tensions between two of the state’s most powerful Democrats,"
        " Governor Ann Lee’s office announced Friday that Lee will meet with the mayor on"
        " Thursday."
    )
    quotes = _indirect(text, "announced")
    assert len(quotes) == 1
    assert quotes[0].speaker == "Governor Ann Lee’s office"


def test_what_there_is_says_what_its_participle_reports():
    cases = {
        "In a similar vein, there is anecdotal evidence suggesting that older voters are"
        " moving to the right.": ("suggesting", "anecdotal evidence"),
        "There were also emails that night showing the gunmen had planned the attack for weeks.": (
            "showing",
            "emails",
        ),
    }
    for text, (cue, speaker) in cases.items():
        quotes = _indirect(text, cue)
        assert len(quotes) == 1, text
        assert quotes[0].speaker == speaker, text


def test_what_someone_has_to_say_is_said_by_who_has_it():
    # "have X to say" is no object control ("had them check"): X is what is said
    text = (
        "Likewise, a report from the Urban Institute had this to say about the plan:"
        ' "Families in the top fifth of incomes would gain three times as much as the'
        ' bottom fifth."'
    )
    quotes = [q for q in extract_quotes(text) if q.kind == "direct"]
    assert len(quotes) == 1
    assert quotes[0].speaker == "a report from the Urban Institute"
