"""Person nouns and roles as shown beside a name."""

from storyline.nlp.person_nouns import shown_role


def test_a_role_shows_office_words_in_lower_case_and_names_as_written():
    # a brief showed "Jarrod Rawlins, dark mofo curator" and "Ron Christie, hobart lord
    # mayor": every role was lower-cased, the festival's and the city's names with it
    assert shown_role("Dark Mofo curator") == "Dark Mofo curator"
    assert shown_role("Hobart Lord Mayor") == "Hobart lord mayor"
    assert shown_role("Foreign Minister") == "foreign minister"
    assert shown_role("Former Vice-President") == "former vice-president"
    assert shown_role("White House Press Secretary") == "White House press secretary"
    assert shown_role("CEO") == "CEO"
