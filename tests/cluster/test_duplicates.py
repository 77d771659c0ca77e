from news_fixtures import BOILER_BOTTOM, BOILER_TOP, OTHER, WIRE
from storyline.dedup.near import find_duplicates


def test_repost_with_boilerplate_is_a_duplicate_of_the_earlier_copy():
    items = [
        ("blog-7", BOILER_TOP + WIRE + BOILER_BOTTOM, "2021-10-07"),
        ("afp-1", WIRE, "2021-10-06"),
        ("lyon", OTHER, "2021-10-06"),
    ]
    assert find_duplicates(items) == {"blog-7": "afp-1"}


def test_trimmed_copy_is_found_and_unrelated_text_is_not():
    trimmed = WIRE.rsplit(" Health ministers", 1)[0]
    items = [("a", WIRE, None), ("b", trimmed, None), ("c", OTHER, None)]
    assert find_duplicates(items) == {"b": "a"}


def test_undated_copies_prefer_the_outlet_named_as_wire():
    items = [
        ("a-blog", BOILER_TOP + WIRE, None, "Some Blog"),
        ("m-afp", WIRE, None, "AFP"),
    ]
    # the text names AFP, so the AFP copy is the original although "a-blog" sorts first
    assert find_duplicates(items) == {"a-blog": "m-afp"}
    assert find_duplicates(list(reversed(items))) == {"a-blog": "m-afp"}


def test_no_text_is_skipped_not_fatal():
    assert find_duplicates([("a", "", None), ("b", WIRE, None)]) == {}
