"""Storylines: one developing situation each, joined on specific shared evidence."""

import json
from dataclasses import dataclass, field
from pathlib import Path

from storyline.cluster.stories import ClusterItem, StoryClusterer
from storyline.cluster.storylines import StorylineLinker, distinct_names, name_counts
from storyline.config import ClusterOptions
from storyline.evaluate.storyline_pile import generate_pile

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "russia-syria"


def _lines(out, gold):
    """gold storyline -> set of predicted storylines of its articles."""
    found: dict[str, set[str]] = {}
    for a in out:
        found.setdefault(gold[a.id], set()).add(a.storyline)
    return found


def test_names_are_cut_at_titles_and_possessives_and_keep_a_surname_alias():
    text = (
        "He met Russia’s Black Sea fleet. ICRC President Jakob Kellenberger met President "
        "Bashar al-Assad in Damascus. Kellenberger left. The Syrian army and Democrats watched."
    )
    found = name_counts("", text)
    assert found["jakob kellenberger"] == 1
    assert found["kellenberger"] == 2  # the alias of the full name, and the later mention
    assert found["bashar assad"] == found["assad"] == 1
    assert found["black sea"] == 1 and found["russia"] == 1
    assert "russia black sea" not in found and "president" not in found
    # a sentence-initial single word says nothing; demonyms and parties are no participants
    assert "he" not in found and "syrian" not in found and "democrats" not in found
    assert name_counts("Kellenberger in Moscow", "")["moscow"] == 2  # headline words count twice


def test_distinct_names_count_a_person_or_country_once():
    shared = ["donald trump", "trump", "syria", "syrian", "tartus"]
    assert distinct_names(shared) == ["donald trump", "syria", "tartus"]


def test_generated_pile_gives_one_storyline_per_situation_and_leaves_filler_alone():
    pile = generate_pile(7)
    gold = {p.item.id: p.storyline for p in pile}
    out = StoryClusterer().add_in_batches([p.item for p in pile])
    found = _lines(out, gold)
    assert len(found["harbour"]) == 1 and len(found["leak"]) == 1
    assert found["harbour"] != found["leak"]
    situation_lines = found["harbour"] | found["leak"]
    for label, lines in found.items():
        if label.startswith("filler"):
            assert not lines & situation_lines, label  # no filler attached to a situation
    # the situations are several stories each (events days to weeks apart), not one blob
    stories = {a.story for a in out if gold[a.id] == "harbour"}
    assert len(stories) >= 3


def test_options_reach_the_linker():
    pile = generate_pile(7)
    gold = {p.item.id: p.storyline for p in pile}
    strict = ClusterOptions(storyline_min_names=50)
    out = StoryClusterer(strict).add_in_batches([p.item for p in pile])
    assert len(_lines(out, gold)["harbour"]) > 1  # nobody shares 50 names: no storyline


TRUMP_A = (
    "Steel tariffs announced by President Donald Trump will raise the price of a family car "
    "by several hundred dollars, car makers warned. Imports of rolled steel fell by a fifth "
    "and dealers expect sales to slow. Donald Trump said the tariffs protect steel workers."
)
TRUMP_B = (
    "A wildfire spread through Coldwater Canyon, forcing 4,000 people from their homes as "
    "strong winds pushed the flames downhill. Donald Trump praised the firefighters. Fire "
    "crews dropped retardant from helicopters along the ridge, the county said."
)


def test_two_unrelated_stories_sharing_a_famous_name_are_two_storylines():
    for dates in (("2024-03-01", "2024-03-05"), (None, None)):
        items = [
            ClusterItem("steel", "Car makers warn on steel tariffs", TRUMP_A, dates[0]),
            ClusterItem("fire", "Wildfire forces evacuations", TRUMP_B, dates[1]),
        ]
        out = {a.id: a for a in StoryClusterer().add(items)}
        assert out["steel"].story != out["fire"].story
        assert out["steel"].storyline != out["fire"].storyline, dates


@dataclass
class _Story:
    """A story as the linker reads it; two of them have a text cosine of 0.2 (between
    ``storyline_min_text`` and ``storyline_strong_text``)."""

    id: str
    first: float | None = None
    last: float | None = None
    total: dict[str, float] = field(default_factory=dict)
    sqnorm: float = 5.0

    def __post_init__(self) -> None:
        self.total = self.total or {"common": 1.0, self.id: 2.0}


def _linker(stories: dict[str, str], options: ClusterOptions | None = None) -> StorylineLinker:
    linker = StorylineLinker(options)
    for sid, text in stories.items():
        linker.observe(sid, name_counts("", text))
    return linker


def test_a_famous_name_in_many_stories_is_not_specific():
    texts = {f"s{n}": f"Then Donald Trump spoke of Topic{n} in Washington." for n in range(12)}
    linker = _linker(texts)
    assert not linker.is_specific("donald trump")
    assert not linker.is_specific("washington")
    assert linker.is_specific("topic3")
    a, b = _Story("s1", first=100.0, last=100.0), _Story("s2", first=101.0, last=101.0)
    assert linker.link(a, b) is None  # two famous names and identical texts: still no link


def test_undated_stories_need_more_names_and_dated_ones_a_time_window():
    texts = {
        "a": "Then Ilona Marek met Pavel Vashinsky.",
        "b": "So Ilona Marek saw Pavel Vashinsky.",
    }
    linker = _linker(texts)
    assert linker.link(_Story("a", first=1.0, last=1.0), _Story("b", first=9.0, last=9.0))
    assert linker.link(_Story("a"), _Story("b")) is None  # undated: two names are not enough
    assert (
        linker.link(_Story("a", first=1.0, last=1.0), _Story("b", first=300.0, last=300.0)) is None
    )
    unlike = _Story("b", first=2.0, last=2.0, total={"other": 1.0}, sqnorm=1.0)
    assert linker.link(_Story("a", first=1.0, last=1.0), unlike) is None  # texts unalike


def test_a_story_linked_to_one_member_only_does_not_join_a_storyline():
    core = "Then Ilona Marek and Pavel Vashinsky met in Krelnik."
    stories = {"a": core, "b": core, "c": core, "d": "Then Pavel Vashinsky met Lidia Borkowska."}
    linker = _linker(stories)
    views = {s: _Story(s, first=float(n), last=float(n)) for n, s in enumerate("abcd")}
    # d shares two names with a only ("vashinsky" in all, "borkowska" with nobody): give a
    # its name so that d is linked to a and to nothing else
    linker.observe("a", name_counts("", "Then Lidia Borkowska came."))
    placed = linker.place(list("abc"), views)
    assert len(set(placed.values())) == 1
    assert linker.link(views["d"], views["a"]) is not None
    assert linker.link(views["d"], views["b"]) is None
    assert linker.place(["d"], views)["d"] != placed["a"]  # one link of three: not cohesive
    # with a loose cohesion the same link is enough
    loose = _linker(stories, ClusterOptions(storyline_cohesion=0.2))
    loose.observe("a", name_counts("", "Then Lidia Borkowska came."))
    first = loose.place(list("abc"), views)
    assert loose.place(["d"], views)["d"] == first["a"]


def test_undated_sample_pair_is_one_storyline():
    items = [
        ClusterItem("ft", "", (SAMPLES / "ft-repost-warships.txt").read_text()),
        ClusterItem("nn", "", (SAMPLES / "naharnet-icrc-truce.txt").read_text()),
    ]
    out = {a.id: a for a in StoryClusterer().add(items)}
    assert out["ft"].story != out["nn"].story
    assert out["ft"].storyline == out["nn"].storyline


def test_storyline_ids_are_stable_over_incremental_runs():
    pile = sorted(generate_pile(7), key=lambda p: (p.item.date, p.item.id))
    first, rest = pile[: len(pile) // 2], pile[len(pile) // 2 :]
    live = StoryClusterer()
    before = {a.id: a.storyline for a in live.add([p.item for p in first])}
    restored = StoryClusterer.from_state(json.loads(json.dumps(live.to_state())))
    after = restored.add([p.item for p in rest])
    assert after == live.add([p.item for p in rest])  # a restored clusterer goes on alike
    line = {a.id: a.storyline for a in after}
    for label in ("harbour", "leak"):
        old = {before[p.item.id] for p in first if p.storyline == label}
        new = {line[p.item.id] for p in rest if p.storyline == label}
        assert len(old) == 1 and new == old, label  # later events join the earlier storyline
    # articles seen before keep their storylines
    again = {a.id: a.storyline for a in restored.add([p.item for p in first])}
    assert again == before


def test_a_state_of_the_former_storylines_still_loads():
    live = StoryClusterer()
    out = {a.id: a for a in live.add([p.item for p in generate_pile(7)[:10]])}
    state = json.loads(json.dumps(live.to_state()))
    state["storylines"] = []  # the former centroid storylines were a list of groups
    state["options"]["storyline_threshold"] = 0.1  # an option that no longer exists
    restored = StoryClusterer.from_state(state)
    assert {i: restored.storyline_of(i) for i in out} == {i: a.storyline for i, a in out.items()}


def test_groups_and_a_country_with_its_demonym_are_not_several_participants():
    found = name_counts("", "Then House Republicans and Senate Democrats met in South Korea.")
    assert set(found) == {"south korea", "korea"}  # "senate democrats": no participant
    assert distinct_names(["south korea", "south korean", "korea"]) == ["south korea"]


def test_a_story_keeps_its_most_mentioned_names_and_the_counts_follow():
    opts = ClusterOptions(storyline_names=2)  # keeps 4 names once past 8
    linker = StorylineLinker(opts)
    people = ["Anna Kovacs", "Emil Varga", "Ilona Marek", "Pavel Orlov", "Lidia Nowak"]
    many = " ".join(f"Then {p} spoke." for p in people)
    linker.observe("s", name_counts("Alpha Beta and Gamma Delta", many))
    assert len(linker.names["s"]) == 4
    assert set(linker.df) == set(linker.names["s"])  # a dropped name is no longer counted
    restored = StorylineLinker.from_state(json.loads(json.dumps(linker.to_state())), opts)
    assert restored.df == linker.df and restored.names == linker.names
