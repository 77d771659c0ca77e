import pytest

from storyline.nlp.entities import SpacyEntityAnalyzer, name_key


@pytest.fixture(scope="module")
def analyzer():
    return SpacyEntityAnalyzer()


def test_name_key_drops_titles_possessives_and_joins_initials():
    assert name_key(["Mr", "Putin"]) == "putin"
    assert name_key(["Russia’s"]) == "russia"
    assert name_key(["the", "Gulf", "of", "Aden"]) == "gulf of aden"
    assert name_key(["U", ".", "S", ".", "Surgeon", "General"]) == "us surgeon general"
    assert name_key(["Dr.", "Sanjay", "Gupta"]) == "sanjay gupta"


def test_name_key_keeps_the_number_of_a_numbered_thing_but_drops_a_generation():
    # "World War II" lost its "II" as if it were a generation and keyed as "world war"
    assert name_key(["World", "War", "II"]) == "world war ii"
    assert name_key(["World", "War", "II"]) != name_key(["World", "War", "I"])
    assert name_key(["Title", "IX"]) == "title ix"
    assert name_key(["Donald", "Trump", "Jr."]) == "donald trump"
    assert name_key(["Pope", "John", "Paul", "II"]) == "john paul"


def test_detect_types_offsets_and_honorific(analyzer):
    text = "Mr Putin met Vladimir Putin's envoy in Tartous on Monday."
    (mentions,) = analyzer.detect([text])
    for m in mentions:
        assert text[m.start : m.end] == m.text
    by_text = {m.text: m for m in mentions}
    assert by_text["Mr Putin"].type == "PERSON"
    assert by_text["Mr Putin"].name == "putin"
    assert by_text["Vladimir Putin"].name == "vladimir putin"
    assert "Tartous" in by_text
    assert all(m.type != "DATE" for m in mentions)  # dates are not entities here


@pytest.mark.parametrize(
    "text",
    [
        "Sergei Lavrov, Russia's foreign minister, said on Monday that talks would go on.",
        "Russia's foreign minister Sergei Lavrov said on Monday that talks would go on.",
    ],
)
def test_role_from_apposition_or_title(analyzer, text):
    (mentions,) = analyzer.detect([text])
    lavrov = next(m for m in mentions if m.name == "sergei lavrov")
    assert lavrov.role == "foreign minister"
    assert text[lavrov.role_start : lavrov.role_end] == "foreign minister"


@pytest.mark.parametrize(
    "text",
    [
        "Barack Obama, the US president, and Vladimir Putin, his Russian counterpart, met.",
        "Vladimir Putin, Mr Obama's main rival, said on Monday that talks would go on.",
    ],
)
def test_a_relation_to_someone_is_no_role(analyzer, text):
    (mentions,) = analyzer.detect([text])
    putin = next(m for m in mentions if m.name == "vladimir putin")
    assert putin.role is None


def test_a_title_is_a_role_where_a_relation_is_not(analyzer):
    text = "Russian President Vladimir Putin met Barack Obama, his American counterpart."
    (mentions,) = analyzer.detect([text])
    by_name = {m.name: m for m in mentions}
    assert by_name["vladimir putin"].role == "President"
    assert by_name["barack obama"].role is None


def test_no_role_from_an_honorific(analyzer):
    (mentions,) = analyzer.detect(["Mr Cameron said before the meeting that he was ready."])
    cameron = next(m for m in mentions if m.name == "cameron")
    assert cameron.role is None


def test_describe_keeps_caller_offsets_and_kinds(analyzer):
    text = "The host , Hugh Jackman , said he was thrilled on Friday ."
    spans = [(4, 8), (11, 23), (31, 33), (50, 56)]
    (mentions,) = analyzer.describe([text], [spans])
    assert [(m.start, m.end) for m in mentions] == spans
    kinds = [m.kind for m in mentions]
    assert kinds == ["nominal", "name", "pronoun", "time"]
    assert mentions[0].head == "host"
    assert mentions[1].head == "jackman"
    assert mentions[3].head == "friday"


def test_us_is_a_country_not_a_pronoun(analyzer):
    (mentions,) = analyzer.describe(["Barack Obama , the US president , spoke ."], [[(17, 19)]])
    assert mentions[0].kind != "pronoun"


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        (
            "Fans gathered at Morris Knolls High School on Friday.",
            "Morris Knolls High School",
            "ORG",
        ),
        ("Officials in New Jersey said the storm had passed.", "New Jersey", "GPE"),
        ("Connor Cummings, 17, a senior, was injured in the crash.", "Connor Cummings", "PERSON"),
        ("In return Russia has maintained a Navy base at Tartus for years.", "Tartus", "GPE"),
        ("The port of Tartous in Syria is a key Russian naval base.", "Tartous", "GPE"),
        (
            "A Russian cargo ship called the Professor Katsman docked on May 26.",
            "Katsman",
            "PRODUCT",
        ),
        (
            "A man called John Smith said the ship called Mr. Smith on Monday.",
            "John Smith",
            "PERSON",
        ),
    ],
)
def test_the_form_of_a_name_settles_its_type(analyzer, text, name, type_):
    (mentions,) = analyzer.detect([text])
    found = [m for m in mentions if m.text == name]
    assert found and all(m.type == type_ for m in found), [(m.text, m.type) for m in mentions]


def test_photo_credit_words_and_web_addresses_are_not_names(analyzer):
    text = "Photo by Hayne Palmour IV Share Photo. More at https://naharnet.com/stories/en/33935"
    (mentions,) = analyzer.detect([text])
    assert [m.text for m in mentions if "Palmour" in m.text] == ["Hayne Palmour IV"]
    assert not any("http" in m.text or "Share" in m.text for m in mentions)
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_nationality_adjectives_generic_institutions_and_urls_are_not_entities(analyzer):
    text = (
        "Russian troops guard a Navy base near the Syrian port, Defense Minister Anatoly "
        "Serdyukov said. Syrians fear radical Islamic parties. "
        "Source: https://naharnet.com/stories/en/33935"
    )
    (mentions,) = analyzer.detect([text])
    texts = {m.text for m in mentions}
    assert not texts & {"Russian", "Syrian", "Islamic", "Navy", "Defense"}
    assert not any("naharnet.com" in t for t in texts)
    assert "Anatoly Serdyukov" in texts or "Serdyukov" in texts


def test_a_model_number_is_a_product_not_an_organisation(analyzer):
    (mentions,) = analyzer.detect(["Russia sold MiG-29 fighter jets to NATO members last year."])
    types = {m.text: m.type for m in mentions}
    assert types.get("MiG-29", "PRODUCT") == "PRODUCT"


def test_predicate_is_the_governing_word_and_slot(analyzer):
    text = "Police arrested Tara Reid and her friend in Malibu . She was charged by prosecutors ."
    words = ("Police", "Tara Reid", "her friend", "Malibu", "She", "prosecutors")
    spans = [(text.index(w), text.index(w) + len(w)) for w in words]
    got = {m.text: m.predicate for m in analyzer.describe([text], [spans])[0]}
    assert got["Police"] == "arrest:subj"
    assert got["Tara Reid"] == got["her friend"] == "arrest:obj"  # through the conjunction
    assert got["Malibu"] == "arrest:in"
    assert got["She"] == "charge:obj" and got["prosecutors"] == "charge:subj"


def test_a_misparsed_apposition_still_gives_the_role(analyzer):
    # the parser takes "president" for the subject of "called"; the words still say it
    text = (
        "Russia’s precautions came as Barack Obama, the US president, and Vladimir Putin, "
        "his Russian counterpart, called for an end to violence in Syria."
    )
    (mentions,) = analyzer.detect([text])
    roles = {m.text: m.role for m in mentions if m.type == "PERSON"}
    assert roles == {"Barack Obama": "president", "Vladimir Putin": None}
    # read off the words, a noun phrase that runs on into a clause is no role
    from storyline.nlp.entity_roles import _written_apposition
    from storyline.nlp.spacy_model import load_pipeline

    doc = load_pipeline()("Anna Berg, the woman who found the boat, called police.")
    assert _written_apposition(doc, 2) is None
    doc = load_pipeline()("Anna Berg, the harbour master, called police.")
    text = doc.text
    assert _written_apposition(doc, 2) == ("harbour master", 15, 29)
    assert text[15:29] == "harbour master"


@pytest.mark.parametrize(
    ("text", "mention", "key"),
    [
        ("The cable links Europe , the Middle East and Asia .", "Europe , the Middle East and Asia", "asia&europe&middle_east"),
        ("Traffic between Egypt and Italy fell .", "between Egypt and Italy", "egypt&italy"),
        ("Traffic between Italy and Egypt fell .", "between Italy and Egypt", "egypt&italy"),
    ],
)  # fmt: skip
def test_a_list_of_names_is_a_group_keyed_by_all_of_them(analyzer, text, mention, key):
    start = text.index(mention)
    (m,) = analyzer.describe([text], [[(start, start + len(mention))]])[0]
    assert (m.kind, m.name, m.head, m.plural) == ("name", key, key, True)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        # "between" names the gulf's place, no list of it with the countries
        ("Pirates roam the Gulf of Aden between Somalia and Yemen .", "the Gulf of Aden between Somalia and Yemen", "gulf of aden"),
        # one organisation's name with "and" in it
        ("The Academy of Motion Picture Arts and Sciences said .", "The Academy of Motion Picture Arts and Sciences", "academy of motion picture arts and sciences"),
        ("Crews from Surrey Fire and Rescue came .", "Surrey Fire and Rescue", "surrey fire"),
    ],
)  # fmt: skip
def test_a_name_with_and_near_it_is_no_group(analyzer, text, mention, name):
    start = text.index(mention)
    (m,) = analyzer.describe([text], [[(start, start + len(mention))]])[0]
    assert m.name == name
    assert "&" not in m.head


def test_detected_names_are_never_groups(analyzer):
    # detect() gives one NER entity per mention: the group key is for given spans only
    (mentions,) = analyzer.detect(
        ["Europe , the Middle East and Asia traded with Egypt and Italy ."]
    )
    assert mentions and all("&" not in m.name for m in mentions)


def test_a_time_stamp_is_no_name_nor_part_of_one(analyzer):
    # a social post's stamp: NER tags "11:32am PDT" an organisation
    text = "A post shared by Havoc (@havoc) on Jun 20, 2017 at 11:32am PDT"
    (mentions,) = analyzer.detect([text])
    assert not any(ch.isdigit() for m in mentions for ch in m.text)
    # a stamp run into the name that follows it is trimmed off the name
    from storyline.nlp.entities import _trim

    (doc,) = analyzer._parse(["The post went up at 10:33am PDT Prodigy said."])
    start = next(t.i for t in doc if t.text == "10:33am")
    assert _trim(doc[start : start + 3]).text == "Prodigy"
    assert _trim(doc[start : start + 2]) is None


def test_a_verb_run_into_a_name_is_no_part_of_it(analyzer):
    # NER tags "Asking FBI" a work of art; the name is the verb's object
    text = "\u201cAsking FBI to drop an investigation is obstruction,\u201d Ted Deutch wrote."
    (mentions,) = analyzer.detect([text])
    assert "FBI" in [m.text for m in mentions]
    assert not any("Asking" in m.text for m in mentions)
    # a name that is a whole verb phrase keeps its verb (the NER tags "Teach" a verb)
    text = "Teach For America announced a new program for rural schools."
    (mentions,) = analyzer.detect([text])
    assert [m.text for m in mentions] == ["Teach For America"]
    text = "RIP Prodigy, one of my favourite rappers. R.I.P. Prodigy, wrote Nas."
    (mentions,) = analyzer.detect([text])
    assert not any(m.text.lower().startswith(("rip", "r.i.p")) for m in mentions)
    assert "Prodigy" in [m.text for m in mentions]
    for m in mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "The rapper praised Nas, contemporaries of the duo.",
        "The mayor thanked Jane Smith, founders of the shelter.",
        "Reporters asked Paul Jones, the organisers of the march, for comment.",
    ],
)
def test_a_plural_noun_beside_a_name_is_no_role(analyzer, text):
    (mentions,) = analyzer.detect([text])
    assert [m.role for m in mentions if m.type == "PERSON"] == [None]


def test_a_singular_role_beside_a_name_stays(analyzer):
    (mentions,) = analyzer.detect(["Officials said Jane Smith, a spokeswoman, declined."])
    assert [m.role for m in mentions if m.text == "Jane Smith"] == ["spokeswoman"]


def test_person_and_role_nouns():
    from storyline.nlp.person_nouns import is_person_noun, is_role, is_role_noun

    for word in ("gunman", "singer", "activist", "spokesman", "host"):
        assert is_person_noun(word) and is_role_noun(word)
    for word in ("attorney", "aide", "expert", "nurse"):  # offices and trades, no suffix
        assert is_role_noun(word)
    for word in ("album", "home", "charity", "label", "computer", "murder", "sleep"):
        assert not is_person_noun(word) and not is_role_noun(word)
    for word in ("banner", "poster", "flyer", "sticker"):  # what carries words, no "-er" doer
        assert not is_person_noun(word) and not is_role_noun(word)
    assert is_role("Foreign Minister") and is_role("sen.") and is_role("former president")
    assert not is_role("debut album") and not is_role("2017 rip prodigy sleep")
    assert not is_role("")


def test_a_lower_case_determiner_is_no_part_of_a_name(analyzer):
    text = (
        "Comey is the kind of adversary that no White House would relish, and the Pentagon agreed."
    )
    (mentions,) = analyzer.detect([text])
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert {m.text for m in mentions} >= {"White House", "Pentagon"}
    assert not any(m.text.split()[0] in ("no", "the") for m in mentions)


def test_no_name_runs_across_a_line_break(analyzer):
    text = (
        "Implying the stock market hinges on his fortunes, he tweeted again.\n\n"
        "Blamed past dives on Obama\n\n"
        "Trump was also quick to blame Obama for the market's falls."
    )
    (mentions,) = analyzer.detect([text])
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert "\n" not in m.text
    assert [m.text for m in mentions].count("Trump") == 1  # its own mention, not "Obama⏎⏎Trump"


def test_a_surname_after_the_full_name_is_the_person(analyzer):
    # en_core_web_sm types the lone surname GPE and runs "25" into the next one
    text = (
        "District Court Judge Lou Olivera sentenced veteran Joseph Serna to one night in "
        "jail. Serna has appeared before Olivera 25 times. George Washington was born in "
        "Virginia. He later lived in Washington."
    )
    (mentions,) = analyzer.detect([text])
    found = {(m.text, m.type) for m in mentions}
    assert {("Serna", "PERSON"), ("Olivera", "PERSON")} <= found
    assert not any(m.text.startswith("Olivera ") for m in mentions)
    # after a preposition of place the word names the place
    assert ("Washington", "GPE") in found
    for m in mentions:
        assert text[m.start : m.end] == m.text
    # a product's number is its name's ("Windows 10 users"), whatever follows it
    (mentions,) = analyzer.detect(["Windows 10 users complained about the update."])
    assert "Windows 10" in {m.text for m in mentions}


def test_a_lower_case_word_is_no_name(analyzer):
    text = "Mia quit heroin cold turkey, and the gore in the film is relentless."
    (mentions,) = analyzer.detect([text])
    assert {m.text for m in mentions if m.kind == "name"} <= {"Mia"}


def test_a_name_without_letters_of_a_case_is_kept(analyzer):
    # a model's number has no capital but is a name all the same
    text = "Regulators grounded the Boeing 737 jets after the crash."
    (mentions,) = analyzer.detect([text])
    assert "737" in {m.text for m in mentions if m.kind == "name"}


def test_a_possessive_parts_an_owner_from_the_person_it_owns(analyzer):
    # NER ran "ABC News’ Linsey Davis" into one ORG: the article names Davis, a person
    text = (
        "Bill Cosby is responding to questions about allegations of sexual assault for the "
        "first time in an exclusive interview with ABC News\u2019 Linsey Davis.\n\n"
        "Davis asked him about it."
    )
    (mentions,) = analyzer.detect([text])
    found = [(m.text, m.type) for m in mentions]
    assert ("ABC News", "ORG") in found and ("Linsey Davis", "PERSON") in found
    # a possessive inside a name of its own, before no person's surname, stays
    (mentions,) = analyzer.detect(["The People's Liberation Army marched. Zhang Wei said so."])
    assert "People's Liberation Army" in [m.text for m in mentions]
    # a curly possessive parts its owner as a straight one does (the tagger once read
    # "’s" as a closing quotation mark and NER ran "Google’s Knowledge Graph" together)
    text = "It could mean, in Google\u2019s Knowledge Graph, the galaxy or the TV show."
    (mentions,) = analyzer.detect([text])
    assert ("Google", "ORG") in [(m.text, m.type) for m in mentions]


def test_a_name_set_after_the_is_a_things():
    # no surname to part a possessive at, whatever NER typed it once
    from storyline.nlp.name_parts import named_after_the
    from storyline.nlp.spacy_model import load_pipeline

    doc = load_pipeline()("The Knowledge Graph will grow. The Clinton administration spoke.")
    assert named_after_the(doc) == {"graph"}


def test_a_rank_before_a_name_is_no_part_of_the_force_before_it(analyzer):
    text = '"We suspect foul play," Indiana State Police Sgt. Kim Riley said on Tuesday.'
    (mentions,) = analyzer.detect([text])
    texts = {m.text for m in mentions}
    assert "Indiana State Police" in texts
    assert not any(t.endswith(("Sgt", "Sgt.")) for t in texts)


def test_a_blurbs_signature_glued_to_its_quotation_keeps_the_whole_name(analyzer):
    # a book page's blurbs were signed '... reading list.”—Connie Britton': the name
    # came out as "Britton" ("Claire" for Marie Claire, "Kerman" for Piper Kerman)
    text = "It should be on every reading list.”—Connie Britton\n\nA must-read.”—Piper Kerman"
    (mentions,) = analyzer.detect([text])
    texts = {m.text for m in mentions}
    assert {"Connie Britton", "Piper Kerman"} <= texts
    assert not any(t.startswith(("”", "—")) for t in texts)


def test_a_works_title_beside_a_name_is_no_role(analyzer):
    # a film review gave Peter Morgan the role "the queen" (his film "The Queen"), and a
    # hyphenated word opening a title was cut ("time Oscar nominee")
    text = (
        'The script by two-time Oscar nominee Peter Morgan ("The Queen" and "Frost/Nixon") '
        "was filmed in London."
    )
    (mentions,) = analyzer.detect([text])
    roles = {m.text: m.role for m in mentions}
    assert roles["Peter Morgan"] == "two-time Oscar nominee"
    text = "Sergei Lavrov, Russia's foreign minister, said so."
    (mentions,) = analyzer.detect([text])
    assert {m.text: m.role for m in mentions}["Sergei Lavrov"] == "foreign minister"


def test_a_common_noun_that_opens_a_sentence_is_no_person(analyzer):
    # the small model types "Problem" PERSON although its tagger reads a common noun
    text = (
        "It's amazing. Problem was, it kinda sucked. I tried Dactyl Nightmare at a park. "
        "Brown said the game was fun."
    )
    (mentions,) = analyzer.detect([text])
    texts = {m.text for m in mentions}
    assert "Problem" not in texts, texts
    assert "Brown" in texts, texts


def test_two_people_run_together_over_for_are_two_names(analyzer):
    text = (
        "President Donald Trump chose Judge Neil Gorsuch. Aides failed to prepare Trump for "
        "Gorsuch's comments. Americans for Prosperity praised the pick."
    )
    (mentions,) = analyzer.detect([text])
    texts = {m.text for m in mentions}
    assert not any(" for " in t and "Gorsuch" in t for t in texts), texts


def test_an_interjection_opening_a_paragraph_is_no_name():
    # "O.K., about the Obama plan: It calls for ..." gave a speaker "O.K." (tagged PERSON)
    from storyline.nlp.entities import SpacyEntityAnalyzer

    text = (
        "So the unemployed are being abandoned.\n\nO.K., about the Obama plan: It calls for "
        "about $200 billion in new spending. It may not work."
    )
    (mentions,) = SpacyEntityAnalyzer().detect([text])
    names = [m.text for m in mentions if m.kind == "name"]
    assert "O.K." not in names and "Obama" in names


def test_a_pointing_adjective_is_no_word_of_the_role(analyzer):
    # the brief showed "Tony Wrice, such liaison officer" ("One such liaison officer, U.S.
    # Army Maj. Tony Wrice, said ...")
    text = "One such liaison officer, Tony Wrice, said the drill went well."
    (mentions,) = analyzer.detect([text])
    wrice = next(m for m in mentions if m.name == "tony wrice")
    assert wrice.role == "liaison officer"
    assert text[wrice.role_start : wrice.role_end] == "liaison officer"

    text = (
        "President Donald Trump met the society, which had recommended him to Trump for "
        "the Supreme Court, on Monday."
    )
    (mentions,) = analyzer.detect([text])
    assert not any(" for " in m.text for m in mentions), mentions


def test_a_group_name_that_modifies_a_noun_is_no_entity(analyzer):
    # the tagger types "Windows" NORP; used as a modifier it names no group
    text = "It reimagines how you use a Windows PC. Most of your use will stay in the Windows apps."
    (mentions,) = analyzer.detect([text])
    assert not any(m.text == "Windows" and m.type == "NORP" for m in mentions), mentions


def test_an_agency_s_photo_credit_before_a_name_is_not_the_name(analyzer):
    text = (
        "Judge Neil Gorsuch was on the list of judges that President Donald Trump promised "
        "he would choose from during the campaign. | AP Photo Trump picks Gorsuch for "
        "Supreme Court The 49-year-old federal appeals court judge would be the youngest."
    )
    (mentions,) = analyzer.detect([text])
    assert not any("Photo" in m.text for m in mentions), mentions
