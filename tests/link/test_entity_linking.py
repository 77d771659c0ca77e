import json
from dataclasses import replace

import pytest

from storyline.commands.link import link_entities_file
from storyline.link.entities import LinkOptions, cluster_mentions, entity_id, resolve_entities
from storyline.nlp.entities import EntityMention, SpacyEntityAnalyzer

A = (
    "Vladimir Putin met the British prime minister in Los Cabos on Monday. "
    "Mr Putin warned that Russia would keep the port of Tartous in Syria. "
    "Ships sailed from the Black Sea."
)
B = (
    "Putin said Russia would protect its citizens. A Russian tanker docked at Tartus on the "
    "Mediterranean Sea, the Interfax news agency reported."
)


@pytest.fixture(scope="module")
def resolved():
    return resolve_entities(["a", "b"], [A, B], SpacyEntityAnalyzer())


def _entity(entities, name):
    return next(e for e in entities if e.name == name)


def test_mentions_slice_their_article(resolved):
    mentions, entities = resolved
    texts = {"a": A, "b": B}
    for e in entities:
        for m in e.mentions:
            assert texts[m.article][m.start : m.end] == m.text
    assert sum(len(ms) for ms in mentions) == sum(len(e.mentions) for e in entities)


def test_putin_forms_resolve_to_one_entity(resolved):
    _, entities = resolved
    putin = _entity(entities, "Vladimir Putin")
    assert putin.type == "PERSON"
    assert set(putin.aliases) == {"Mr Putin", "Putin"}
    assert {m.article for m in putin.mentions} == {"a", "b"}


def test_spelling_variants_and_possessives(resolved):
    _, entities = resolved
    tartous = next(e for e in entities if "Tartus" in e.aliases or e.name == "Tartus")
    assert {tartous.name, *tartous.aliases} == {"Tartous", "Tartus"}
    russia = _entity(entities, "Russia")
    assert {m.article for m in russia.mentions} == {"a", "b"}
    assert russia.aliases == []  # "Russia's" is a mention of "Russia"; "Russian" is not


def test_different_names_with_the_same_head_stay_apart(resolved):
    _, entities = resolved
    black = _entity(entities, "Black Sea")
    assert "Mediterranean Sea" not in black.aliases


def test_ids_are_deterministic(resolved):
    _, entities = resolved
    again = resolve_entities(["a", "b"], [A, B], SpacyEntityAnalyzer())[1]
    assert [e.to_dict() for e in entities] == [e.to_dict() for e in again]
    putin = _entity(entities, "Vladimir Putin")
    assert putin.id == entity_id("Vladimir Putin", "PERSON")


def _m(start, text, kind, head, name="", type_="", sentence=0, plural=False):
    return EntityMention(start, start + len(text), text, type_, kind, head, name, plural, sentence)


def test_pronoun_takes_nearest_compatible_antecedent_and_respects_gender():
    text = "Ellen DeGeneres thanked the man and she smiled ."
    mentions = [
        [
            _m(0, "Ellen DeGeneres", "name", "degeneres", "ellen degeneres", "PERSON"),
            _m(28, "man", "nominal", "man"),
            _m(36, "she", "pronoun", "she", type_="PERSON"),
        ]
    ]
    clusters = cluster_mentions(mentions, [text], LinkOptions())
    assert [(0, 0), (0, 2)] in clusters
    assert [(0, 1)] in clusters


def test_common_nouns_link_only_inside_a_substory():
    texts = [
        "The Oscars host Hugh Jackman will sing at the Academy Awards ceremony in Hollywood.",
        "Hugh Jackman , the Oscars host , rehearsed the Academy Awards opening number .",
        "Pirates seized a tanker in the Gulf of Aden ; the navy chased the pirate skiffs .",
    ]
    host = [_m(texts[0].index("ceremony"), "ceremony", "nominal", "ceremony")]
    other = [_m(texts[1].index("number"), "number", "nominal", "number")]
    far = [_m(texts[2].index("tanker"), "tanker", "nominal", "ceremony")]  # same head lemma
    clusters = cluster_mentions([host, other, far], texts, LinkOptions())
    assert [(0, 0)] in clusters and [(2, 0)] in clusters


def test_link_entities_file_with_given_and_detected_mentions(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "d1", "group": "g", "text": A, "mentions": [{"span": [0, 14]}, {"span": [70, 78]}]},
        {"id": "d2", "group": "g", "text": B, "mentions": [{"span": [0, 5]}]},
        {"id": "d3", "group": "h", "text": B},
        {"id": "bad", "group": "g", "text": "short", "mentions": [{"span": [3, 99]}]},
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n{not json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    errors = link_entities_file(src, out)
    assert len(errors) == 2  # the bad span and the broken line, each reported
    records = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert set(records) == {"d1", "d2", "d3"}
    d1, d2 = records["d1"]["mentions"], records["d2"]["mentions"]
    assert [m["span"] for m in d1] == [[0, 14], [70, 78]]
    # "Vladimir Putin", "Mr Putin" and "Putin" share one id across documents of group g
    assert d1[0]["entity"] == d1[1]["entity"] == d2[0]["entity"]
    detected = records["d3"]["mentions"]
    assert any(B[s:e] == "Tartus" for s, e in (m["span"] for m in detected))
    link_entities_file(src, tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_bytes() == out.read_bytes()


def test_empty_and_stopword_texts_do_not_break_a_group():
    from storyline.commands.link import LinkRecord, link_group

    records = [
        LinkRecord("x", "g", "", None),
        LinkRecord("y", "g", "the a an", []),
        LinkRecord("z", "g", "Putin spoke in Moscow.", [(0, 5)]),
        LinkRecord("w", "g", "Vladimir Putin spoke.", None),
    ]
    out = link_group(records, SpacyEntityAnalyzer(), LinkOptions())
    assert [r["id"] for r in out] == ["x", "y", "z", "w"]
    assert out[0]["mentions"] == [] and out[1]["mentions"] == []
    assert out[2]["mentions"][0]["entity"] == out[3]["mentions"][0]["entity"]


def test_entity_ids_are_unique_even_for_namesakes():
    # two people called Smith with different first names stay apart and get distinct ids
    texts = ["John Smith met Mary Smith in Paris.", "Paris police said Smith left."]
    _, entities = resolve_entities(["a", "b"], texts, SpacyEntityAnalyzer())
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))
    by_name = {e.name: e for e in entities}
    assert "Mary Smith" in by_name and "Mary Smith" not in by_name["John Smith"].aliases


def _names(texts, names):
    """Mentions at each listed (article, name) with its key, typed PERSON."""
    from storyline.nlp.entities import name_key

    out = [[] for _ in texts]
    for d, name in names:
        start = texts[d].index(name)
        key = name_key(name.split())
        out[d].append(_m(start, name, "name", key.split()[-1], key, "PERSON"))
    return out


@pytest.mark.parametrize(
    ("texts", "names", "apart"),
    [
        (  # two Clintons in one story, by surname, pronoun-free
            [
                "Hillary Clinton spoke . Bill Clinton listened .",
                "Bill Clinton and Hillary Clinton .",
            ],
            [
                (0, "Hillary Clinton"),
                (0, "Bill Clinton"),
                (1, "Bill Clinton"),
                (1, "Hillary Clinton"),
            ],
            ("Hillary Clinton", "Bill Clinton"),
        ),
        (
            ["Maria von Trapp sang . Georg von Trapp listened ."],
            [(0, "Maria von Trapp"), (0, "Georg von Trapp")],
            ("Maria von Trapp", "Georg von Trapp"),
        ),
        (
            ["Stephen Humphrey Bogart wrote of Humphrey Bogart ."],
            [(0, "Stephen Humphrey Bogart"), (0, "Humphrey Bogart")],
            ("Stephen Humphrey Bogart", "Humphrey Bogart"),
        ),
    ],
)
def test_a_different_first_name_is_a_different_person(texts, names, apart):
    mentions = _names(texts, names)
    clusters = cluster_mentions(mentions, texts, LinkOptions())
    text_of = {n: mentions[n[0]][n[1]].text for c in clusters for n in c}
    for c in clusters:
        assert not set(apart) <= {text_of[n] for n in c}, c
    # each full name still joins its own repetitions across articles
    for name in apart:
        owners = {i for i, c in enumerate(clusters) for n in c if text_of[n] == name}
        assert len(owners) == 1


def test_a_sister_the_tagger_typed_an_organisation_is_still_another_person():
    # "Meredith Kercher" typed ORG by the small model, "Stephanie Kercher" PERSON: the
    # first-name guard knows only PERSON names, the shared head joined the sisters
    texts = ["Meredith Kercher died in 2007 . Her sister Stephanie Kercher spoke ."]
    mentions = _names(texts, [(0, "Meredith Kercher"), (0, "Stephanie Kercher")])
    mentions[0][0] = replace(mentions[0][0], type="ORG")
    clusters = cluster_mentions(mentions, texts, LinkOptions())
    assert len(clusters) == 2, clusters


def test_a_bare_surname_attaches_only_when_unambiguous():
    texts = [
        "Hillary Clinton spoke . Clinton smiled .",
        "Hillary Clinton and Bill Clinton . Clinton",
    ]
    one = _names(texts[:1], [(0, "Hillary Clinton"), (0, "Clinton")])
    assert cluster_mentions(one, texts[:1], LinkOptions()) == [[(0, 0), (0, 1)]]
    both = _names(texts, [(0, "Hillary Clinton"), (1, "Hillary Clinton"), (1, "Bill Clinton")])
    both[1].append(_m(len(texts[1]) - 7, "Clinton", "name", "clinton", "clinton", "PERSON"))
    clusters = cluster_mentions(both, texts, LinkOptions())
    assert [(1, 2)] in clusters  # "Clinton" beside two Clintons joins neither
    assert [(1, 1)] in clusters  # Bill is not Hillary


def test_short_forms_of_a_first_name_are_the_same_first_name():
    from storyline.link.entity_names import same_first_name

    assert same_first_name("bill", "william") and same_first_name("chris", "christopher")
    assert same_first_name("j", "john") and same_first_name("sergei", "sergey")
    assert not same_first_name("hillary", "bill") and not same_first_name("maria", "georg")
    assert not same_first_name("stephen", "humphrey")


def test_namesakes_from_real_text_stay_apart_and_are_typed_by_their_form():
    texts = [
        "Stephen Humphrey Bogart, the son of Humphrey Bogart, wrote a memoir. "
        "Maria von Trapp and her stepfather Georg von Trapp fled Austria.",
        "Connor Cummings, 17, a senior at Morris Knolls High School in New Jersey, was hurt. "
        "Photo by Hayne Palmour IV Share Photo",
    ]
    _, entities = resolve_entities(["a", "b"], texts, SpacyEntityAnalyzer())
    by_name = {e.name: e for e in entities}
    for name in (
        "Stephen Humphrey Bogart",
        "Humphrey Bogart",
        "Maria von Trapp",
        "Georg von Trapp",
    ):
        assert by_name[name].type == "PERSON" and by_name[name].aliases == []
    assert by_name["Connor Cummings"].type == "PERSON"
    assert by_name["Morris Knolls High School"].type == "ORG"
    assert by_name["New Jersey"].type == "GPE"
    assert "Hayne Palmour IV" in by_name and by_name["Hayne Palmour IV"].type == "PERSON"
    assert not any("Photo" in e.name for e in entities)


def test_amounts_link_only_in_the_same_words_and_you_links_to_no_one():
    text = "Reid paid $22 million ; the fund held $160 million . $22 million , you know ."
    ms = [
        _m(text.index("Reid"), "Reid", "name", "reid", "reid", "PERSON"),
        _m(text.index("$22"), "$22 million", "nominal", "million"),
        _m(text.index("$160"), "$160 million", "nominal", "million"),
        _m(text.rindex("$22"), "$22 million", "nominal", "million"),
        _m(text.index("you"), "you", "pronoun", "you", type_="PERSON"),
    ]
    clusters = cluster_mentions([ms], [text], LinkOptions())
    assert [(0, 1), (0, 3)] in clusters and [(0, 2)] in clusters
    assert [(0, 4)] in clusters


def test_type_nouns_and_synonyms_join_the_leading_name_of_a_story():
    texts = [
        "The Colts beat the Chiefs . The Colts won again and the team celebrated .",
        "The Colts are happy ; the facility near the Lucas Center was closed , the clinic said .",
    ]
    ms = [
        [
            _m(texts[0].index("Colts"), "Colts", "name", "colts", "colts", "ORG"),
            _m(texts[0].index("Chiefs"), "Chiefs", "name", "chiefs", "chiefs", "ORG"),
            _m(texts[0].rindex("Colts"), "Colts", "name", "colts", "colts", "ORG"),
            _m(texts[0].index("team"), "team", "nominal", "team"),
        ],
        [
            _m(texts[1].index("Colts"), "Colts", "name", "colts", "colts", "ORG"),
            _m(texts[1].index("facility"), "facility", "nominal", "facility"),
            _m(texts[1].index("clinic"), "clinic", "nominal", "clinic"),
        ],
    ]
    clusters = cluster_mentions(ms, texts, LinkOptions())
    colts = next(c for c in clusters if (0, 0) in c)
    assert (0, 3) in colts and (0, 1) not in colts  # "the team" is the leading team
    assert any({(1, 1), (1, 2)} <= set(c) for c in clusters)  # facility = clinic


def test_she_prefers_a_person_known_to_be_she_over_a_nearer_unknown_one():
    text = "Tara Reid checked in , her rep said . Jack Ketsoyan said she is well ."
    ms = [
        [
            _m(0, "Tara Reid", "name", "reid", "tara reid", "PERSON"),
            _m(text.index("her"), "her", "pronoun", "her", type_="PERSON"),
            _m(
                text.index("Jack"),
                "Jack Ketsoyan",
                "name",
                "ketsoyan",
                "jack ketsoyan",
                "PERSON",
                1,
            ),
            _m(text.index("she"), "she", "pronoun", "she", type_="PERSON", sentence=1),
        ]
    ]
    options = replace(LinkOptions(), merge_threshold=0.0)
    clusters = cluster_mentions(ms, [text], options)
    assert [(0, 0), (0, 1), (0, 3)] in clusters and [(0, 2)] in clusters
    # off: the nearest person not known to be "he" takes it
    off = cluster_mentions(ms, [text], replace(options, pronoun_known_gender=False))
    assert [(0, 2), (0, 3)] in off


@pytest.mark.parametrize("word", ["someone", "somebody", "everybody", "anybody"])
def test_an_indefinite_pronoun_takes_no_antecedent(word):
    text = f"Tara Reid left , and {word} saw it ."
    ms = [
        [
            _m(0, "Tara Reid", "name", "reid", "tara reid", "PERSON"),
            _m(text.index(word), word, "pronoun", word, type_="PERSON"),
        ]
    ]
    clusters = cluster_mentions(ms, [text], replace(LinkOptions(), merge_threshold=0.0))
    assert [(0, 1)] in clusters


def test_dictionary_synonyms_join_in_a_story_other_heads_do_not():
    texts = [
        "Robbers stole jewels from a Paris store ; the thief fled with the jewels by car .",
        "The robber fled the Paris store by car with the gems ; police found the car .",
    ]
    ms = [
        [
            _m(texts[0].index("jewels"), "jewels", "nominal", "jewel", plural=True),
            _m(texts[0].index("thief"), "thief", "nominal", "thief"),
            _m(texts[0].index("car"), "car", "nominal", "car"),
        ],
        [
            _m(texts[1].index("robber"), "robber", "nominal", "robber"),
            _m(texts[1].index("gems"), "gems", "nominal", "gem", plural=True),
            _m(texts[1].index("police"), "police", "nominal", "police", plural=True),
        ],
    ]
    clusters = cluster_mentions(ms, texts, replace(LinkOptions(), merge_threshold=0.0))
    jewels = next(c for c in clusters if (0, 0) in c)
    thief = next(c for c in clusters if (0, 1) in c)
    assert (1, 1) in jewels and (1, 0) not in jewels  # jewels = gems, not the robber
    assert (1, 0) in thief  # thief = robber
    assert not any((1, 2) in c and len(c) > 1 for c in clusters)  # police: no synonym here


def test_the_lawyer_of_a_story_is_not_its_protagonist():
    texts = [
        "Lindsay Lohan arrived ; her lawyer spoke .",
        "Lohan left court with the lawyer .",
        "The lawyer said Lohan was fine .",
    ]
    ms = [
        [
            _m(0, "Lindsay Lohan", "name", "lohan", "lindsay lohan", "PERSON"),
            _m(texts[0].index("lawyer"), "lawyer", "nominal", "lawyer"),
        ],
        [
            _m(0, "Lohan", "name", "lohan", "lohan", "PERSON"),
            _m(texts[1].index("lawyer"), "lawyer", "nominal", "lawyer"),
        ],
        [
            _m(texts[2].index("Lohan"), "Lohan", "name", "lohan", "lohan", "PERSON"),
            _m(4, "lawyer", "nominal", "lawyer"),
        ],
    ]
    clusters = cluster_mentions(ms, texts, LinkOptions())
    lohan = next(c for c in clusters if (0, 0) in c)
    assert {(1, 0), (2, 0)} <= set(lohan)
    assert not {(0, 1), (1, 1), (2, 1)} & set(lohan)


def test_he_prefers_a_named_person_and_goes_on_through_his_and_him():
    text = "Brian Nichols hit the guard and he ran ; police chased him ."
    ms = [
        _m(0, "Brian Nichols", "name", "nichols", "brian nichols", "PERSON"),
        _m(text.index("guard"), "guard", "nominal", "guard"),
        _m(text.index("he ran"), "he", "pronoun", "he", type_="PERSON"),
        _m(text.index("police"), "police", "nominal", "police", plural=True),
        _m(text.index("him"), "him", "pronoun", "him", type_="PERSON"),
    ]
    clusters = cluster_mentions([ms], [text], LinkOptions())
    assert [(0, 0), (0, 2), (0, 4)] in clusters
    assert [(0, 1)] in clusters


def test_an_initial_and_a_generational_suffix_do_not_split_a_person():
    from storyline.link.entity_names import first_name
    from storyline.nlp.entities import name_key

    assert name_key(["W.", "Mark", "Felt", "Sr."]) == "w mark felt"
    assert first_name("w mark felt") == "mark"
    texts = ["W. Mark Felt Sr. died .", "Mark Felt was Deep Throat .", "Felt was 95 ."]
    ms = [
        [_m(0, "W. Mark Felt Sr.", "name", "felt", "w mark felt", "PERSON")],
        [_m(0, "Mark Felt", "name", "felt", "mark felt", "PERSON")],
        [_m(0, "Felt", "name", "felt", "felt", "PERSON")],
    ]
    clusters = cluster_mentions(ms, texts, LinkOptions())
    assert [(0, 0), (1, 0), (2, 0)] in clusters


def test_a_nameless_she_chain_joins_the_person_its_article_names_most():
    # the naming sentence of the second article is not among its mentions (ECB+ marks
    # only some sentences): its "she ... her" would otherwise be an entity of its own
    texts = [
        "Lindsay Lohan entered rehab , and Lohan said she was fine .",
        "Lindsay Lohan is in rehab . Her lawyer spoke . Later she left and her mother cried .",
    ]
    first = [
        _m(0, "Lindsay Lohan", "name", "lohan", "lindsay lohan", "PERSON"),
        _m(texts[0].index("Lohan said"), "Lohan", "name", "lohan", "lohan", "PERSON"),
        _m(texts[0].index("she"), "she", "pronoun", "she", type_="PERSON"),
    ]
    second = [
        _m(0, "Lindsay Lohan", "name", "lohan", "lindsay lohan", "PERSON", sentence=0),
        _m(texts[1].index("she left"), "she", "pronoun", "she", type_="PERSON", sentence=5),
        _m(texts[1].index("her mother"), "her", "pronoun", "her", type_="PERSON", sentence=5),
    ]
    clusters = cluster_mentions([first, second], texts, LinkOptions())
    lohan = next(c for c in clusters if (0, 0) in c)
    assert {(1, 1), (1, 2)} <= set(lohan)
    alone = cluster_mentions(
        [first, second], texts, LinkOptions(orphan_chains=False, merge_threshold=0)
    )  # the rule alone: the merge model may join them too
    assert (1, 1) not in next(c for c in alone if (0, 0) in c)


def test_same_head_names_with_their_own_modifiers_are_rivals_whatever_their_connectors():
    from storyline.link.entity_names import rival_names

    def rivals(a: str, b: str) -> bool:
        return rival_names(set(a.split(" ")), set(b.split(" ")))

    # seen on a real pile: the EU's council took in the UN Human Rights Council
    assert rivals("council of the european union", "un human rights council")
    assert rivals("black sea", "mediterranean sea")
    # opposite compass words read alike ("east"/"west" share three letters) but differ
    assert rivals("east coast", "west coast")
    assert rivals("northern province", "southern province")
    # one name's words are an acronym or a rewording of the other's: the same body
    assert not rivals("us surgeon general", "surgeon general of the united states")
    assert not rivals("council of the european union", "european union council")
    assert not rivals("un human rights council", "united nations human rights council")


def test_a_comma_list_of_people_is_taken_apart():
    # NER ran "McCabe, Chaffetz" together (tagged ORG): two people the article names
    text = (
        "In a letter to McCabe, Chaffetz said he is seeking records. Earlier, House "
        "oversight committee chairman Jason Chaffetz told acting FBI Director Andrew "
        "McCabe that he wants records."
    )
    mentions, entities = resolve_entities(["a"], [text], SpacyEntityAnalyzer())
    assert not any("," in m.text for m in mentions[0])
    by_name = {e.name: e for e in entities}
    assert by_name["Jason Chaffetz"].type == "PERSON"
    assert by_name["Jason Chaffetz"].aliases == ["Chaffetz"]
    assert by_name["Andrew McCabe"].aliases == ["McCabe"]
    for e in entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_the_name_is_the_most_frequent_full_form_and_its_type():
    from storyline.link.entity_names import canonical_name

    def m(text: str, type_: str) -> EntityMention:
        return EntityMention(0, len(text), text, type_, "name", text.split()[-1].lower(),
                             text.lower())  # fmt: skip

    forms = [m("Donald Trump", "PERSON")] * 3 + [m("Donald Trump Sr", "PERSON")]
    forms += [m("Trump", "ORG")] * 10  # "the Trump campaign"
    assert canonical_name(forms) == ("Donald Trump", "PERSON")
    assert canonical_name([m("Assad", "PERSON"), m("Mr Assad", "PERSON")]) == ("Assad", "PERSON")
    # an acronym is a full form: a headline fragment NER ran into it once is no name
    agency = [m("FBI", "ORG")] * 5 + [m("F.B.I.", "ORG")] * 2 + [m("Asking FBI", "WORK_OF_ART")]
    assert canonical_name(agency) == ("FBI", "ORG")
    # the spelled-out name an acronym abbreviates stays the name, however rare
    un = [m("UN", "ORG")] * 4 + [m("United Nations", "ORG")]
    assert canonical_name(un) == ("United Nations", "ORG")
    bureau = agency + [m("Federal Bureau of Investigation", "ORG")]
    assert canonical_name(bureau) == ("Federal Bureau of Investigation", "ORG")


def test_two_plural_groups_of_one_story_stay_apart_by_default():
    # "protesters" and "shoppers" in one story are two groups, not one: plural person nouns
    # of different heads are not pulled into the story's leading group unless asked
    texts = [
        "Protesters blocked the mall ; shoppers fled as protesters chanted .",
        "The protesters marched past shoppers .",
    ]

    def plural(d, word, at=0):
        start = texts[d].index(word, at)
        return _m(start, word, "nominal", word.lower().rstrip("s"), plural=True)

    ms = [
        [plural(0, "Protesters"), plural(0, "shoppers"), plural(0, "protesters")],
        [plural(1, "protesters"), plural(1, "shoppers")],
    ]
    rules = LinkOptions(merge_threshold=0.0)
    apart = cluster_mentions(ms, texts, rules)
    protesters = next(c for c in apart if (0, 0) in c)
    assert {(0, 2), (1, 0)} <= set(protesters)
    assert not {(0, 1), (1, 1)} & set(protesters)
    joined = cluster_mentions(ms, texts, replace(rules, plural_groups=True))
    assert (0, 1) in next(c for c in joined if (0, 0) in c)


def test_a_list_of_places_is_none_of_them_and_the_same_list_in_any_order():
    texts = [
        "The cable between Europe and Asia was cut near Egypt .",
        "Traffic from Asia and Europe slowed ; Europe was hit hardest .",
    ]
    spans = [
        [(texts[0].index("between"), texts[0].index(" was")), (texts[0].index("Egypt"), texts[0].index(" ."))],
        [(texts[1].index("Asia"), texts[1].index(" slowed")), (texts[1].index("Europe was"), texts[1].index(" was"))],
    ]  # fmt: skip
    mentions = SpacyEntityAnalyzer().describe(texts, spans)
    clusters = cluster_mentions(mentions, texts, replace(LinkOptions(), merge_threshold=0.0))
    assert [(0, 0), (1, 0)] in clusters  # "between Europe and Asia" = "Asia and Europe"
    assert [(1, 1)] in clusters  # "Europe" alone is another entity


def test_the_east_coast_is_not_the_west_coast():
    text = (
        "The storm hit the East Coast on Monday. Flights on the West Coast ran late. "
        "Towns on the East Coast lost power."
    )
    _, entities = resolve_entities(["a"], [text], SpacyEntityAnalyzer())
    coasts = [e for e in entities if "Coast" in e.name]
    assert sorted(e.name for e in coasts) == ["East Coast", "West Coast"]
    assert all(not e.aliases for e in coasts)


def test_spelling_variants_keep_their_consonants_other_names_do_not():
    from storyline.config import EntityLinkOptions
    from storyline.link.entity_names import is_variant

    def variant(a: str, b: str) -> bool:
        return is_variant(a, b, EntityLinkOptions())

    # vowels, y/h, doubled letters, a transposed pair: one name spelled two ways
    assert variant("tartous", "tartus")
    assert variant("sergei lavrov", "sergey lavrov")
    assert variant("muammar gaddafi", "muammar gadhafi")
    assert variant("julia louis-drefyus", "julia louis-dreyfus")
    assert variant("indianapolis colt", "indianapolis colts")
    assert variant("tallgrass distribution ltd", "tallgrass distributors ltd")
    # one consonant for another: two countries that read alike
    assert not variant("iceland", "ireland")
    text = "Iceland topped the index. Ireland came fifth, and Iceland led again."
    _, entities = resolve_entities(["a"], [text], SpacyEntityAnalyzer())
    assert {"Iceland", "Ireland"} <= {e.name for e in entities}


def test_a_place_that_starts_other_names_is_not_the_short_form_of_a_longer_one():
    text = "University of Connecticut police . Connecticut State Police . Connecticut"
    one = [
        _m(
            0, "University of Connecticut", "name", "university", "university of connecticut", "ORG"
        ),
        _m(35, "Connecticut State Police", "name", "police", "connecticut state police", "ORG"),
        _m(62, "Connecticut", "name", "connecticut", "connecticut", "GPE"),
    ]
    assert [text[m.start : m.end] for m in one] == [m.text for m in one]
    clusters = cluster_mentions([one], [text], LinkOptions())
    assert [(0, 2)] in clusters  # the state, not the university
    # without a name that it starts, the short form joins the one longer name it ends, if
    # it is no place ending an organisation's name (the state is not its university)
    alone = [one[0], replace(one[2], type="ORG")]
    assert cluster_mentions([alone], [text], LinkOptions()) == [[(0, 0), (0, 1)]]
    assert cluster_mentions([[one[0], one[2]]], [text], LinkOptions()) == [[(0, 0)], [(0, 1)]]


def test_a_bare_name_that_is_one_person_s_first_name_joins_no_one_else_s_surname():
    # a reader saw the boy "Jordan" (Jordan Belliveau) counted as "Dave Jordan", the
    # reporter who contributed to one article: 17 mentions, second in the storyline's name
    texts = [
        "Jordan Belliveau was found . Jordan was two . Jordan smiled .",
        "Reporter Dave Jordan contributed . Jordan Belliveau .",
    ]
    names = _names(texts, [(0, "Jordan Belliveau"), (1, "Dave Jordan"), (1, "Jordan Belliveau")])
    names[0].append(
        _m(texts[0].index("Jordan was"), "Jordan", "name", "jordan", "jordan", "PERSON")
    )
    # the tagger calls it a country now and then
    names[0].append(
        _m(texts[0].index("Jordan smiled"), "Jordan", "name", "jordan", "jordan", "GPE")
    )
    clusters = cluster_mentions(names, texts, LinkOptions())
    dave = next(c for c in clusters if (1, 0) in c)
    assert (0, 1) not in dave and (0, 2) not in dave


def test_a_son_named_with_jr_beside_his_father_is_his_own_entity():
    # a reader saw "Donald Trump Jr." and his father as one entity: the name key drops
    # "Jr.", which is right only where no text names both
    texts = [
        "Donald Trump Jr. met a Russian lawyer in June 2016, emails released on Tuesday "
        "show. President Donald Trump defended his son on Wednesday. Trump said the meeting "
        "was normal. Trump Jr. said he had nothing to hide.",
        "Donald Trump Jr. released the emails himself. The president's son, Trump Jr., told "
        "Fox News he would testify. Trump called him a high-quality person.",
    ]
    _, entities = resolve_entities(["a", "b"], texts, SpacyEntityAnalyzer())
    by_name = {e.name: {m.text for m in e.mentions} for e in entities}
    assert by_name["Donald Trump Jr."] == {"Donald Trump Jr.", "Trump Jr."}
    assert by_name["Donald Trump"] >= {"Donald Trump", "Trump"}
    # written once without the suffix in another text, the son keeps one entity
    alone = ["Martin Luther King Jr. spoke in Memphis.", "Martin Luther King was shot."]
    _, entities = resolve_entities(["a", "b"], alone, SpacyEntityAnalyzer())
    assert [e.name for e in entities if "King" in e.name] == ["Martin Luther King Jr."]


def test_a_name_in_capitals_takes_its_mixed_case_form_and_type():
    # a reader saw "PERTH" typed PERSON (a dateline's capitals) and the FBI named by its
    # motto, "Fidelity, Bravery and Integrity"
    from storyline.link.entity_names import canonical_name

    def m(text: str, type_: str) -> EntityMention:
        return EntityMention(0, len(text), text, type_, "name", text.split()[-1].lower(),
                             text.lower())  # fmt: skip

    perth = [m("PERTH", "PERSON")] * 5 + [m("Perth", "GPE")] * 4
    assert canonical_name(perth) == ("Perth", "GPE")
    war = [m("WORLD WAR II", "PERSON"), m("World War II", "EVENT")]
    assert canonical_name(war) == ("World War II", "EVENT")
    assert canonical_name([m("FBI", "ORG")] * 3) == ("FBI", "ORG")  # no other form: kept
    motto = [m("FBI", "ORG")] * 5 + [m("Fidelity, Bravery and Integrity", "ORG")]
    assert canonical_name(motto) == ("FBI", "ORG")
    united = [m("UN", "ORG")] * 5 + [m("United Nations", "ORG")]
    assert canonical_name(united) == ("United Nations", "ORG")
    # one word in capitals beside an organisation's other form may be its acronym
    casa = [m("CASA", "ORG")] * 2 + [m("Casa", "ORG")]
    assert canonical_name(casa) == ("CASA", "ORG")


def test_a_place_is_not_the_organisation_named_after_it():
    # a reader saw "A Baltimore defense attorney"'s quotes under "CBS Baltimore (also
    # Baltimore)": the city joined the station by containment and by their shared head
    texts = [
        "BALTIMORE (WJZ) — A Baltimore defense attorney was charged on Wednesday, CBS "
        "Baltimore reported. The lawyer works in Baltimore. Prosecutors in Baltimore said "
        "the case was rare.",
        "A lawyer in Baltimore was indicted, CBS Baltimore said. Baltimore police made no arrests.",
    ]
    _, entities = resolve_entities(["a", "b"], texts, SpacyEntityAnalyzer())
    by_name = {e.name: {m.text for m in e.mentions} for e in entities}
    assert by_name["CBS Baltimore"] == {"CBS Baltimore"}
    assert "Baltimore" in by_name["Baltimore"]


def test_a_bare_head_of_two_rival_names_joins_neither():
    # a reader saw "White House (also House, House of Delegates)": the bare "House" (of
    # Representatives) joined the White House by their shared head
    text = "White House . House of Delegates . House"
    one = [
        _m(0, "White House", "name", "house", "white house", "ORG"),
        _m(14, "House of Delegates", "name", "house", "house of delegates", "ORG"),
        _m(35, "House", "name", "house", "house", "ORG"),
    ]
    assert [text[m.start : m.end] for m in one] == [m.text for m in one]
    options = replace(LinkOptions(), merge_threshold=0.0)
    assert cluster_mentions([one], [text], options) == [[(0, 0)], [(0, 1)], [(0, 2)]]
    # beside one name only, the bare head is its short form
    assert cluster_mentions([[one[0], one[2]]], [text], options) == [[(0, 0), (0, 1)]]


def test_a_person_titled_by_a_place_is_not_the_place():
    # a reader saw "King of Bahrain (also: Bahrain)": the title was dropped from the key,
    # which became "of bahrain", and the country joined the king by its head
    from storyline.link.entities import resolve_mentions
    from storyline.nlp.entities import name_key

    assert name_key(["King", "of", "Bahrain"]) == "king of bahrain"
    assert name_key(["King", "Salman"]) == "salman"  # a title before a name still goes
    text = (
        "A court sentenced the activist to a year in prison for insulting the King of "
        "Bahrain. Rights groups say many critics have been detained in Bahrain since 2011."
    )
    mentions = SpacyEntityAnalyzer().detect([text])
    entities = resolve_mentions(["a1"], [text], mentions)
    king = [e for e in entities if e.name == "King of Bahrain"]
    assert king and "Bahrain" not in king[0].aliases
    assert any(e.name == "Bahrain" for e in entities)


def test_a_first_name_alone_joins_the_one_person_named_in_full_with_it():
    # "Raffaele" (NER: ORG) in his co-defendant's letter is "Raffaele Sollecito"
    texts = ["Raffaele is not a slave .", "Raffaele Sollecito spoke . Sollecito left ."]
    mentions = [
        [_m(0, "Raffaele", "name", "raffaele", "raffaele", "ORG")],
        [
            _m(0, "Raffaele Sollecito", "name", "sollecito", "raffaele sollecito", "PERSON"),
            _m(28, "Sollecito", "name", "sollecito", "sollecito", "PERSON"),
        ],
    ]
    clusters = cluster_mentions(mentions, texts, LinkOptions(merge_threshold=0))
    assert [(0, 0), (1, 0), (1, 1)] in clusters
    # two people go by the name: it joins neither
    texts[1] = "Raffaele Sollecito and Raffaele Rossi spoke ."
    mentions[1] = [
        _m(0, "Raffaele Sollecito", "name", "sollecito", "raffaele sollecito", "PERSON"),
        _m(23, "Raffaele Rossi", "name", "rossi", "raffaele rossi", "PERSON"),
    ]
    clusters = cluster_mentions(mentions, texts, LinkOptions(merge_threshold=0))
    assert [(0, 0)] in clusters
    # "Donald Jr." keys as "donald": the son, not "Donald Trump"
    texts = ["Donald Jr. tweeted .", "Donald Trump spoke ."]
    mentions = [
        [_m(0, "Donald Jr.", "name", "donald", "donald", "PERSON")],
        [_m(0, "Donald Trump", "name", "trump", "donald trump", "PERSON")],
    ]
    clusters = cluster_mentions(mentions, texts, LinkOptions(merge_threshold=0))
    assert [(0, 0)] in clusters
    # a longer "name" may start with a title NER ran in: "Clerk" is no first name
    texts = ["Clerk said no .", "Clerk Kim Lehmkuhl spoke ."]
    mentions = [
        [_m(0, "Clerk", "name", "clerk", "clerk", "PERSON")],
        [_m(0, "Clerk Kim Lehmkuhl", "name", "lehmkuhl", "clerk kim lehmkuhl", "PERSON")],
    ]
    clusters = cluster_mentions(mentions, texts, LinkOptions(merge_threshold=0))
    assert [(0, 0)] in clusters


def test_a_bare_name_that_starts_another_name_joins_no_one_by_its_head():
    # "House" (of "House Homeland Security Committee") is not the White House
    texts = [
        "The White House said no .",
        "The House voted . The House Homeland Security Committee met .",
    ]
    mentions = [
        [_m(4, "White House", "name", "house", "white house", "ORG")],
        [
            _m(4, "House", "name", "house", "house", "ORG"),
            _m(22, "House Homeland Security Committee", "name", "committee",
               "house homeland security committee", "ORG"),
        ],
    ]  # fmt: skip
    clusters = cluster_mentions(mentions, texts, LinkOptions(merge_threshold=0))
    assert [(1, 0)] in clusters


def test_names_that_only_look_alike_stay_apart():
    # a reader saw "Mike Peinovich (also: Mike Cernovich)", "Kim Jong Un (also: U.N., U.S.
    # Navy)" and "Dave Camp (also: DC)" in one brief
    options = LinkOptions(merge_threshold=0)
    # another surname, however alike it reads, is another person; a spelling variant stays
    texts = ["Mike Peinovich spoke .", "Mike Cernovich hinted ."]
    mentions = [
        [_m(0, "Mike Peinovich", "name", "peinovich", "mike peinovich", "PERSON")],
        [_m(0, "Mike Cernovich", "name", "cernovich", "mike cernovich", "PERSON")],
    ]
    assert cluster_mentions(mentions, texts, options) == [[(0, 0)], [(1, 0)]]
    texts = ["Moammar Gaddafi spoke .", "Moammar Gadhafi left ."]
    mentions = [
        [_m(0, "Moammar Gaddafi", "name", "gaddafi", "moammar gaddafi", "PERSON")],
        [_m(0, "Moammar Gadhafi", "name", "gadhafi", "moammar gadhafi", "PERSON")],
    ]
    assert cluster_mentions(mentions, texts, options) == [[(0, 0), (1, 0)]]
    # "U.S. Navy" holds an acronym: its initials are no acronym "UN"; "U.N." is no
    # surname "Un"
    text = "the U.N. and the U.S. Navy . Kim Jong Un"
    one = [
        _m(4, "U.N.", "name", "un", "un", "ORG"),
        _m(17, "U.S. Navy", "name", "navy", "us navy", "ORG"),
        _m(29, "Kim Jong Un", "name", "un", "kim jong un", "PERSON"),
    ]
    assert [text[m.start : m.end] for m in one] == [m.text for m in one]
    assert cluster_mentions([one], [text], options) == [[(0, 0)], [(0, 1)], [(0, 2)]]
    # a place's acronym expands no person's name; an organisation's still does
    text = "Dave Camp spoke . the DC office . the Internal Revenue Service . the IRS"
    one = [
        _m(0, "Dave Camp", "name", "camp", "dave camp", "PERSON"),
        _m(22, "DC", "name", "dc", "dc", "GPE"),
        _m(38, "Internal Revenue Service", "name", "service", "internal revenue service", "ORG"),
        _m(69, "IRS", "name", "irs", "irs", "ORG"),
    ]
    assert [text[m.start : m.end] for m in one] == [m.text for m in one]
    assert cluster_mentions([one], [text], options) == [[(0, 0)], [(0, 1)], [(0, 2), (0, 3)]]


def test_an_acronym_expands_its_name_whatever_slip_the_tagger_made():
    # checked on earlier piles: "SOHR" (tagged NORP) is the Syrian Observatory for Human
    # Rights, "U.N." the "UNITED NATIONS" of a dateline; "Juan Peñalosa" is "Juan Penalosa";
    # two initials tagged a person ("M.M.", a newsletter's name) are no person's initials
    options = LinkOptions(merge_threshold=0)
    text = "the Syrian Observatory for Human Rights . SOHR"
    one = [
        _m(4, "Syrian Observatory for Human Rights", "name", "observatory",
           "syrian observatory for human rights", "ORG"),
        _m(42, "SOHR", "name", "sohr", "sohr", "NORP"),
    ]  # fmt: skip
    assert [text[m.start : m.end] for m in one] == [m.text for m in one]
    assert cluster_mentions([one], [text], options) == [[(0, 0), (0, 1)]]
    text = "UNITED NATIONS . the U.N."
    one = [
        _m(0, "UNITED NATIONS", "name", "nations", "united nations", "ORG"),
        _m(21, "U.N.", "name", "un", "un", "ORG"),
    ]
    assert [text[m.start : m.end] for m in one] == [m.text for m in one]
    assert cluster_mentions([one], [text], options) == [[(0, 0), (0, 1)]]
    texts = ["Juan Penalosa spoke .", "Juan Peñalosa left ."]
    mentions = [
        [_m(0, "Juan Penalosa", "name", "penalosa", "juan penalosa", "PERSON")],
        [_m(0, "Juan Peñalosa", "name", "peñalosa", "juan peñalosa", "PERSON")],
    ]
    assert cluster_mentions(mentions, texts, options) == [[(0, 0), (1, 0)]]
    text = "Michael Mackenzie wrote . M.M. hears"
    one = [
        _m(0, "Michael Mackenzie", "name", "mackenzie", "michael mackenzie", "PERSON"),
        _m(26, "M.M.", "name", "mm", "mm", "PERSON"),
    ]
    assert [text[m.start : m.end] for m in one] == [m.text for m in one]
    assert cluster_mentions([one], [text], options) == [[(0, 0)], [(0, 1)]]
