from storyline.disjoint import DisjointSet


def test_root_is_the_smallest_member_whatever_the_link_order() -> None:
    links = [(5, 3), (3, 9), (1, 9), (7, 8)]
    for order in (links, links[::-1]):
        groups: DisjointSet[int] = DisjointSet(range(10))
        for a, b in order:
            groups.union(a, b)
        assert [groups.find(x) for x in range(10)] == [0, 1, 2, 1, 4, 1, 6, 7, 7, 1]


def test_unseen_items_are_their_own_group_and_strings_work() -> None:
    names: DisjointSet[str] = DisjointSet()
    assert names.find("lavrov") == "lavrov"
    assert names.union("putin", "assad") == "assad"
    assert names.union("putin", "putin") == "assad"
    assert {names.find(x) for x in ("putin", "assad", "lavrov")} == {"assad", "lavrov"}


def test_long_chains_are_compressed() -> None:
    chain: DisjointSet[int] = DisjointSet(range(1000))
    for i in range(999, 0, -1):
        chain.union(i, i - 1)
    assert chain.find(999) == 0
    assert chain.parent[999] == 0
