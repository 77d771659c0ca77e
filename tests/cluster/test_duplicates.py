from storyline.dedup.near import find_duplicates

WIRE = (
    "GENEVA (AFP) - The World Health Organization said on Thursday that a new vaccine "
    "against malaria had cut severe cases among young children by almost a third in a "
    "large trial across Ghana, Kenya and Malawi. The agency urged donors to fund wider "
    "use of the shots across sub-Saharan Africa, where the disease kills hundreds of "
    "thousands of children every year. Health ministers welcomed the results and said "
    "supplies remained the main obstacle to a faster rollout in rural clinics."
)
BOILER_TOP = "Subscribe to our newsletter for the best stories of the day. Cookies help us.\n\n"
BOILER_BOTTOM = (
    "\n\nLeave a Reply. You are commenting using your account. Log Out / Change. "
    "Connecting to %s. Share this: Twitter, Facebook. Related posts from our blog."
)
OTHER = (
    "The city council of Lyon voted on Tuesday to extend its tram network by twelve "
    "kilometres, with two new lines serving the eastern suburbs and the university "
    "campus, the mayor's office said in a statement after a long debate."
)


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
