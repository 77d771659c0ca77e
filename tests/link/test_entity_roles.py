"""Which descriptions beside a name an entity shows as its role."""

import pytest

from storyline.link.entities import resolve_mentions
from storyline.nlp.entities import SpacyEntityAnalyzer


@pytest.fixture(scope="module")
def analyzer():
    return SpacyEntityAnalyzer()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The rapper's debut album, Juvenile Hell, came out in 1993.", "Juvenile Hell"),
        ("Jane Smith, a charity, said on Monday that it would help.", "Jane Smith"),
    ],
)
def test_a_thing_beside_a_name_is_no_role(analyzer, text, name):
    # the small model types these names PERSON; the noun beside them names a thing. The
    # mention keeps the description (the linker reads "album"); the entity shows no role
    (mentions,) = analyzer.detect([text])
    assert [m for m in mentions if m.text == name and m.role], [m.text for m in mentions]
    entities = resolve_mentions(["a"], [text], [mentions])
    assert [e.role for e in entities if e.name == name] == [None]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Mark O'Mara, an attorney, said the trial would go on.", "Mark O'Mara", "attorney"),
        ("Sales fell in May, analyst Zuzanna Pusz said.", "Zuzanna Pusz", "analyst"),
        ("Robert Plant, the singer, said on Monday he was ready.", "Robert Plant", "singer"),
    ],
)
def test_an_office_or_trade_beside_a_name_is_a_role(analyzer, text, name, role):
    (mentions,) = analyzer.detect([text])
    assert [m.role for m in mentions if m.text == name] == [role]
    entities = resolve_mentions(["a"], [text], [mentions])
    assert [e.role for e in entities if e.name == name] == [role]


def test_a_role_held_then_is_not_the_role_and_roles_count_in_any_case(analyzer):
    text = (
        "James Comey, the FBI director, spoke on Monday. Ten years ago, Comey, then acting "
        "attorney general, rushed to a hospital. The Director said nothing more."
    )
    (mentions,) = analyzer.detect([text])
    assert not [m for m in mentions if m.text == "Comey" and m.role]
    entities = resolve_mentions(["a"], [text], [mentions])
    assert [e.role for e in entities if e.name == "James Comey"] == ["director"]
