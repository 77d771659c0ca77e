import pytest

from storyline.model import Span
from storyline.nlp.fact_numbers import parse_number
from storyline.nlp.facts import extract_facts

TEXT = (
    "One of the warships carries a 150-strong contingent of marines, in addition to 25 tanks. "
    "Fresh fighting across Syria killed 56 people on Monday. "
    "Activists say the war has claimed more than 9,100 lives. "
    "Russia signed a contract to supply 36 Yak-130 trainer aircraft for $550m. "
    "Experts estimate the base has about 50 Russian staff. "
    "In 2012 the G20 met on May 26 and Vesti 24 covered the MiG-29 deal."
)


@pytest.fixture(scope="module")
def facts():
    return extract_facts([TEXT])[0]


def _by_text(facts):
    return {f.text: f for f in facts}


def test_every_offset_slices_the_text(facts):
    assert facts
    for f in facts:
        assert TEXT[f.start : f.end] == f.text
        assert f.sentence_start <= f.start < f.end <= f.sentence_end
        if f.counted is not None:
            assert TEXT[f.counted_start : f.counted_end] == f.counted


def test_counts_with_their_nouns(facts):
    got = _by_text(facts)
    assert got["150-strong"].value == 150
    assert got["150-strong"].counted == "contingent of marines"
    assert got["25"].counted == "tanks"
    assert got["56"].counted == "people"
    assert got["56"].verb == "kill"
    assert got["36"].counted == "Yak-130 trainer aircraft"


def test_modifiers_and_money(facts):
    got = _by_text(facts)
    more = got["more than 9,100"]
    assert (more.value, more.modifier, more.counted) == (9100, "more than", "lives")
    assert got["about 50"].modifier == "about"
    money = got["$550m"]
    assert (money.value, money.unit, money.counted) == (550_000_000, "USD", None)


def test_years_dates_and_names_are_not_facts(facts):
    texts = {f.text for f in facts}
    assert not texts & {"2012", "26", "24", "29", "20", "130"}


def test_given_sentence_spans_are_cited():
    text = "First line here. Police said 12 people were hurt."
    (facts,) = extract_facts([text], [[Span(0, 16), Span(17, len(text))]])
    (fact,) = facts
    assert (fact.sentence_start, fact.sentence_end) == (17, len(text))


def test_parse_number():
    assert parse_number("9,100") == 9100
    assert parse_number("2.5", "million") == 2_500_000
    assert parse_number("twelve") == 12
    assert parse_number("abc") is None


def test_ranges_have_both_bounds_and_scores_are_not_ranges():
    text = "Some 20 to 30 tanks moved and 1,000-2,000 troops followed. The score was 2-1 at 9-11."
    (facts,) = extract_facts([text])
    got = {f.text: f for f in facts}
    some = got["Some 20 to 30"]
    assert (some.value, some.value_max, some.counted, some.modifier) == (20, 30, "tanks", "some")
    assert got["1,000-2,000"].value_max == 2000
    assert not {"2-1", "9-11", "2", "1"} & set(got)


def test_a_sentence_whose_root_follows_the_number_finishes():
    # spaCy makes a new Token on every access, so ``head.head is not head`` never held and
    # this election-memo line (root "grounded", an adjective after the numbers) looped forever
    from storyline.budget import time_budget

    text = "18,000 to 26,000 from Election, and grounded in profitability and growth."
    with time_budget(20, "facts"):
        found = extract_facts([text])[0]
    for f in found:
        assert text[f.start : f.end] == f.text


def test_a_long_run_without_spaces_parses_in_linear_time_and_offsets_hold():
    # spaCy's tokenizer took 47 s on 20,000 "!" (suffixes stripped one at a time)
    import time

    from storyline.nlp.quotes import extract_quotes

    text = "Shelling killed 56 people on Monday. " + "!" * 60_000 + ' "We are safe," he said.'
    started = time.perf_counter()
    facts = extract_facts([text])[0]
    quotes = extract_quotes(text)
    assert time.perf_counter() - started < 20
    assert [f.text for f in facts] == ["56 people"] or any(f.value == 56 for f in facts)
    for q in quotes:
        assert text[q.start : q.end] == q.text


def test_a_table_of_thousands_of_numbers_stays_linear():
    # spaCy rebuilds doc.text on every access; reading it per number made a 33k-character
    # table take 198 s (and its names, scanned against doc.ents per mention, as long)
    import time

    from storyline.nlp.entities import mentions_in_doc
    from storyline.nlp.facts import facts_in_doc
    from storyline.nlp.spacy_model import load_pipeline

    rows = "\n".join(
        f"Depot {i}\tholds {i * 37 % 1000} tanks\tGeneral Smith {i}" for i in range(1500)
    )
    doc = next(load_pipeline().pipe([rows]))
    started = time.perf_counter()
    facts = facts_in_doc(doc)
    mentions = mentions_in_doc(doc)
    assert time.perf_counter() - started < 10
    assert len(facts) > 1000 and mentions
    for f in facts[:50]:
        assert rows[f.start : f.end] == f.text


def test_people_already_named_are_not_counts():
    text = (
        "The two leaders said they were united. "
        "\u201cWe are under siege,\u201d said one activist in Homs. "
        "Two soldiers and one civilian were killed on Monday, and both sides traded fire."
    )
    (facts,) = extract_facts([text])
    got = {(f.text, f.counted) for f in facts}
    assert ("two", "leaders") not in got and ("Two", "leaders") not in got
    assert not any(f.counted == "activist" for f in facts)
    assert not any(f.counted == "sides" for f in facts)
    assert ("Two", "soldiers") in got
    assert ("one", "civilian") in got


def test_one_as_a_determiner_or_a_circumstance_is_no_count():
    text = (
        "The one certain thing is that the photographer made it across the border. "
        "Residents found 47 corpses in one area, it said. "
        "The blast killed one person on Monday."
    )
    (facts,) = extract_facts([text])
    got = {(f.text, f.counted) for f in facts}
    assert not any(f.counted in ("certain thing", "thing", "area") for f in facts), got
    assert ("47", "corpses") in got and ("one", "person") in got


def test_numbers_that_count_nothing_are_not_facts():
    # junk seen on a Multi-News pile: list numbering, phone lines, a video's length split
    # into 3 and 31, DOI and catalogue-id parts, versions, gallery counters, ranks, house
    # numbers and bare numbers ("called 911", "Furious 7")
    text = (
        "1. Beatty begins to read out the card.\n\n2. A close-up photograph shows it.\n\n"
        "Call the tip line at (844) 459-5786 or 610.668.5532. "
        "Smith was fatally shot. (3:31)\n\nPlay Video 2:10 UN Security Council steps up. "
        "Journal reference: PNAS, DOI: 10.1073/pnas.1417712112. "
        "The bones (KUVP 142200) were found. It was fine before the 5.0.1 update. "
        "Hide Caption 4 of 6 Photos: the ship. Mr. Schumer, the No. 3 Democrat, lives at "
        "64 Perry Street. My client also called 911. Furious 7 is a hit. "
        "The strike killed 56 people on Monday."
    )
    (facts,) = extract_facts([text])
    assert [(f.text, f.counted) for f in facts] == [("56", "people")]


def test_a_number_that_starts_a_name_or_a_title_is_no_count():
    # seen on a Multi-News pile: a rapper's stage name, a film, a list headline
    text = (
        "The duo later signed with 50 Cent and his label. "
        'The track plays in the last scene of "8 Mile" and elsewhere. '
        "Related: 10 Essential Tracks From the Band. "
        "Twelve Republicans and 40 Democrats voted for it, and 300 Marines were sent. "
        "The chain closed 20 New York stores and sold 3 million phones. "
        "Eighteen died at the camp, among them 12 Nepali."
    )
    (facts,) = extract_facts([text])
    assert [(f.text, f.counted) for f in facts] == [
        ("Twelve", "Republicans"),
        ("40", "Democrats"),
        ("300", "Marines"),
        ("20", "New York stores"),
        ("3 million", "phones"),
        ("12", "Nepali"),
    ]


def test_m_after_a_number_is_metres_unless_money_or_a_count():
    text = (
        "The oil slick is approximately 5,500m downwind of the site. "
        "The Bluefin-21 is an almost 5m-long underwater vehicle. "
        "Output rose by 2.5m barrels a day. The firm paid $5.5m and £5m in fines."
    )
    (facts,) = extract_facts([text])
    got = {f.text: (f.value, f.unit, f.counted) for f in facts}
    assert got["approximately 5,500m"] == (5500, "m", None)
    assert got["almost 5m"] == (5, "m", None)
    assert got["2.5m"] == (2_500_000, None, "barrels")
    assert got["$5.5m"] == (5_500_000, "USD", None)
    assert got["£5m"] == (5_000_000, "GBP", None)
    for f in facts:
        assert text[f.start : f.end] == f.text


def test_one_day_as_a_circumstance_and_a_figure_in_a_verbless_line_are_no_facts():
    text = (
        "Republicans worry that they may one day have to sit in judgment of him.\n\n"
        "50 Cent\n\n"
        '"R.I.P to Prodigy, you will always be loved," he wrote.\n\n'
        "One person was killed and the rapper sold 2 million albums."
    )
    (facts,) = extract_facts([text])
    for f in facts:
        assert text[f.start : f.end] == f.text
    assert sorted(f.text for f in facts) == ["2 million", "One"]


def test_a_name_s_number_and_an_emergency_line_are_no_counts():
    # a reader saw "9 reporter" (from "Bay News 9 reporter") and "911 call" as facts
    texts = [
        "Spectrum Bay News 9 reporter Dave Jordan contributed to this report.",
        "The fire department said there was no 911 call from the school that day.",
        "He told CNN 40 people died in the attack.",
        "In March 20 people were killed in the town.",
    ]
    name, line, told, month = extract_facts(texts)
    assert name == [] and line == []
    assert [(f.value, f.counted) for f in told] == [(40, "people")]
    assert all(f.value != 911 for f in month)


def test_half_a_dozen_a_glued_dash_and_a_prize_s_name_read_as_written():
    # a reader saw "dozen residents", "1.9 million people--" and "$50,000 Scientific
    # American Science" in Facts and figures
    texts = [
        "Next to her, half a dozen residents clap their hands.",
        "It could put 1.9 million people-- ultimately back to work.",
        "She won the $50,000 Scientific American Science in Action Award in August.",
        "He paid $300 million cash for the team.",
    ]
    half, dash, prize, cash = (
        [(f.text, f.value, f.unit, f.counted) for f in fs] for fs in extract_facts(texts)
    )
    assert half == [("half a dozen", 6, None, "residents")]
    assert dash == [("1.9 million", 1_900_000, None, "people")]
    assert prize == [("$50,000", 50_000, "USD", None)]
    assert cash == [("$300 million", 300_000_000, "USD", "cash")]


def test_the_count_of_who_told_is_no_fact():
    # a reader saw "two sources" four times in Facts and figures
    texts = [
        "At one point, according to two sources, he asked if people still cared.",
        "Five people were killed, two sources said.",
        "Two men were arrested, police said.",
    ]
    told, killed, arrested = ([(f.value, f.counted) for f in fs] for fs in extract_facts(texts))
    assert told == []
    assert killed == [(5, "people")]
    assert arrested == [(2, "men")]


def test_a_ratio_is_no_count_of_its_denominator():
    # a reader saw "13 children" from "That's 1 in 13 children"
    texts = [
        "That's 1 in 13 children, which works out to roughly two children in every classroom.",
        "Officials counted 1 in 2019 and 40 cases in 2020.",
    ]
    ratio, years = ([(f.value, f.counted) for f in fs] for fs in extract_facts(texts))
    assert (13, "children") not in ratio and (2, "children") in ratio
    assert (40, "cases") in years


def test_ranks_versions_and_words_of_names_are_no_counts():
    text = (
        "In January, HQ was in the top 10 list of most downloaded games. Players at the "
        "Big Ten school qualify as employees. Keurig introduced its 2.0 line of brewers. "
        "The board replaced one co-founder with another. Ten people died in the crash."
    )
    (facts,) = extract_facts([text])
    # (a count of one is no figure outside a toll: "one co-founder" names a person)
    assert [(f.text, f.counted) for f in facts] == [("Ten", "people")]
    # a share of the top is a figure: "the top 1 percent of earners"
    (share,) = extract_facts(["The top 1 percent of earners paid more tax last year."])
    assert [(f.text, f.unit) for f in share] == [("1 percent", "%")]
    for f in facts:
        assert text[f.counted_start : f.counted_end] == f.counted


def test_a_measure_with_a_decimal_and_a_capitalised_count_after_a_quote_are_facts():
    text = (
        "A 7.1 magnitude earthquake struck the coast. Crews closed a 3.5 mile stretch of "
        'road. "Two people are dead," the sheriff said. Police said: Four suspects fled.'
    )
    (facts,) = extract_facts([text])
    got = {(f.text, f.counted) for f in facts}
    assert {("7.1", "magnitude"), ("3.5", "mile"), ("Two", "people")} <= got
    assert ("Four", "suspects") in got


def test_discourse_nouns_hundreds_days_before_months_and_split_numbers():
    # a reader saw "one thing", "two reasons", "three hundred" counting "hundred or so
    # employees", "one or two volunteers", a URL as what "1" counts and "8 March" as
    # eight of "March - Malaysia Airlines ..." in Facts and figures
    texts = [
        "One thing is clear: the plan has failed. He gave two reasons for leaving the city.",
        "Some three hundred employees were laid off on Friday.",
        "One or two volunteers really make a difference, he said.",
        "Flight MH370 disappeared on 8 March with 239 people on board.",
        "The survey found one hundred percent of the 40 towns had flooded.",
        "He had watched 1 http://cdn.example.com/feed.swf PopScene video.",
        "The fire destroyed two homes and three barns on Tuesday.",
        "Between 1,500 and 3,000 people marched. He scored 30 or more points.",
        "DeSantis led by 0.41 percentage points.",
    ]
    got = [[(f.text, f.value, f.counted) for f in fs] for fs in extract_facts(texts)]
    assert got == [
        [],
        [("Some three hundred", 300.0, "employees")],
        [],
        [("239", 239.0, "people")],
        [("one hundred percent", 100.0, None), ("40", 40.0, "towns")],
        [],
        [("two", 2.0, "homes"), ("three", 3.0, "barns")],
        [("1,500 and 3,000", 1500.0, "people"), ("30", 30.0, "or more points")],
        [("0.41", 0.41, "percentage points")],
    ]


def test_a_number_on_a_noun_that_modifies_the_next_counts_the_compound():
    # a reader saw the fact "seven time" for "a friend who is seven time zones away"
    text = "Your friend is seven time zones away. The fund holds 12 bond issues."
    got = _by_text(extract_facts([text])[0])
    assert got["seven"].counted == "time zones"
    assert got["12"].counted == "bond issues"


def test_a_number_counts_no_words_that_open_with_an_article_or_hold_another_figure():
    # a reader saw "around 17,000 about 30 miles" and "42 A recent review" as facts
    text = (
        "Another man was killed in Menasha, a community of around 17,000 about 30 miles "
        "south of Green Bay. 41 , 42 A recent review defined perceived effectiveness. "
        "Police found two missing 13-year-old girls."
    )
    got = {(f.text, f.counted) for f in extract_facts([text])[0]}
    assert ("about 30", "miles") in got
    assert not any(c and (c.startswith("A ") or "30 miles" in c and t != "about 30")
                   for t, c in got)  # fmt: skip
    assert ("two", "missing 13-year-old girls") in got


def test_pounds_weigh_unless_the_sentence_speaks_of_money():
    # a brief listed "about 50 (GBP)" for "after she lost about 50 pounds"
    text = (
        "She lost about 50 pounds before the race. "
        "The club was fined 500 pounds for the delay. "
        "The club raised 5 million pounds last year."
    )
    got = _by_text(extract_facts([text])[0])
    assert (got["about 50"].unit, got["about 50"].counted) == (None, "pounds")
    assert got["500"].unit == "GBP"
    assert got["5 million"].unit == "GBP"


def test_fine_the_adjective_is_no_word_of_money():
    # "fined?" matched the adjective: "about 50 (GBP)" for a weight beside "it's fine"
    text = (
        "She lost about 50 pounds, and her coach said that was fine. "
        "He paid a fine of 300 pounds in March."
    )
    got = _by_text(extract_facts([text])[0])
    assert (got["about 50"].unit, got["about 50"].counted) == (None, "pounds")
    assert got["300"].unit == "GBP"


def test_a_count_of_one_is_a_figure_only_for_a_toll():
    text = (
        "Authorities found 190 passports, three printers, one camera and a laptop. "
        "One senator said the bill would fail, and one pro-government journalist agreed. "
        "The blast killed one person, and one suspect was arrested on Monday."
    )
    (facts,) = extract_facts([text])
    got = {(f.text.lower(), f.counted) for f in facts}
    assert ("190", "passports") in got and ("three", "printers") in got, got
    assert not any(f.counted in ("camera", "senator", "pro-government journalist") for f in facts)
    assert ("one", "person") in got and ("one", "suspect") in got, got


def test_a_number_before_a_singular_noun_is_a_label_not_a_count():
    # a reader saw "4 cancer" ("stage 4 cancer") and "5 reporter" ("KPIX 5 reporter Len
    # Ramirez") among the facts and figures
    from storyline.nlp.facts import extract_facts

    texts = [
        "KPIX 5 reporter Len Ramirez confirmed Thursday that 20 jurors refused to serve.",
        "The singer died on Wednesday after a yearlong battle with stage 4 cancer.",
        "The company laid off 20 staff and 300 personnel on Monday.",
        "About 5,000 police were deployed on Sunday.",
    ]
    found = [[(f.text, f.counted) for f in facts] for facts in extract_facts(texts)]
    assert found[0] == [("20", "jurors")]
    assert found[1] == []
    assert found[2] == [("20", "staff"), ("300", "personnel")]  # counted in the singular
    assert found[3] == [("About 5,000", "police")]


def test_a_units_short_form_and_a_mistagged_plural_stay_counts():
    from storyline.nlp.facts import extract_facts

    texts = ["Still, 80 mph in a sport-utility vehicle is pretty fast.",
             "Infants took an extended nap within 4 h after learning, the study found."]  # fmt: skip
    found = [[(f.text, f.counted) for f in facts] for facts in extract_facts(texts)]
    assert found == [[("80", "mph")], [("4", "h")]]


def test_a_decimal_measure_and_a_count_before_its_noun_stay_facts():
    from storyline.nlp.facts import extract_facts

    texts = ["He had 18,365 flying hours experience, and had built a simulator.",
             "The 6-foot 7-inch (2.01 meter) Rodman pushed through the crowd.",
             "And I did not chip in ten grand to seed a first investment round."]  # fmt: skip
    found = [[f.text for f in facts] for facts in extract_facts(texts)]
    assert found == [["18,365"], ["2.01"], ["ten"]]
