"""Common nouns that name a person ("the host", "an accountant", "the gunman").

One lexicon for every stage that must tell a person noun from a thing noun: a role shown
beside a name ("Robert Plant, singer", never "Juvenile Hell, debut album") and the
cross-document linker's nominal mentions ("the gunman" may stand for a named person).
An agentive ending (-er, -or, -ist, -ian, -ee, -man, -woman) names a person far more
often than not in news; the words listed in ``NOT_PEOPLE`` are the common exceptions.
"""

from __future__ import annotations

from storyline.lexicon import word_set

# Honorifics and titles that precede a name but are not part of it ("Mr Putin")
TITLES = word_set(
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady president pm "
    "minister senator sen. rep. gov. governor mayor king queen prince princess general "
    "gen. col. colonel captain capt. sheikh ayatollah pope rev. reverend judge chancellor "
    "premier secretary ambassador chairman chief st. saint coach host"
)
HONORIFICS = word_set("mr mrs ms miss dr prof sir dame")

PERSON_NOUNS = word_set(
    "man woman boy girl child person people host star actor actress comedian singer player "
    "official spokesman spokeswoman spokesperson president minister leader chief boss "
    "suspect victim police officer employee worker doctor judge lawyer father mother son "
    "daughter wife husband friend member fan captain soldier driver pilot reporter coach "
    "emcee guard receptionist ceo chairman director grandmother grandfather pirate "
    "brigand raider bandit gunman shooter climber accountant colleague partner motorist "
    "physician surgeon nominee candidate rebel militant activist protester resident "
    "survivor witness hostage crew commando troop marine sailor attacker killer thief "
    "robber terrorist insurgent fighter student teacher mom dad pedestrian"
)

# Person nouns without an agentive ending, used only where a role is shown beside a
# name: the cross-document linker was tuned with the list above, and these words do not
# change which mentions it may link (they name offices and trades, rarely bare mentions)
ROLE_NOUNS = PERSON_NOUNS | word_set(
    "aide envoy diplomat deputy attorney executive representative detective critic cleric "
    "analyst expert veteran chair head heir heiress duchess hostess waitress "
    "empress countess baroness stewardess chef nurse poet priest monk nun bishop cardinal "
    "imam rabbi sheriff marshal sergeant lieutenant guide model athlete champion icon "
    "legend hero heroine plaintiff defendant citizen native immigrant consultant "
    "assistant attendant servant tenant agent correspondent opponent adolescent cfo coo "
    "cto mastermind archbishop dean provost principal superintendent delegate advocate "
    "architect scholar midwife paramedic constable magistrate justice consul attache "
    "attaché admiral"
)

# nouns with a person-like ending that name things
NOT_PEOPLE = word_set(
    "shoulder computer number order border corner center water paper letter matter "
    "quarter chapter floor door error power tower weather winter summer november "
    "october december september disaster manner murder charter river cancer trailer "
    "register meter liter monitor sector factor motor mirror tumor horror labor "
    "behavior color floor record award guarantee committee fee coffee degree "
    # what carries words ("The banner read: ...")
    "banner poster flier flyer sticker"
)

_AGENTIVE = ("man", "woman", "ist", "ian", "er", "or", "ee")


def is_person_noun(word: str) -> bool:
    """Does this lower-cased noun (or lemma) name a person? (the linker's test)"""
    if word in PERSON_NOUNS:
        return True
    return word.endswith(_AGENTIVE) and word not in NOT_PEOPLE


def is_role_noun(word: str) -> bool:
    """May this lower-cased noun head a role shown beside a person's name?"""
    return word in ROLE_NOUNS or word in TITLES or is_person_noun(word)


def is_role(phrase: str) -> bool:
    """Is this description of a name ("foreign minister", "singer", "attorney") a person's
    office or trade, and not a thing ("debut album", "home", "pageant", "charity")? Its
    last word is its head noun (roles are cut to end at it)."""
    words = phrase.lower().split()
    return bool(words) and is_role_noun(words[-1])


# words of an office that a title capitalises before a name ("Foreign Minister Sergei
# Lavrov") and a role shown beside the name writes in lower case; any other capitalised
# word is a name's ("Dark Mofo curator", "Hobart lord mayor", "Homeland Security
# secretary"), and an acronym stays ("CEO", "US")
_OFFICE_WORDS = word_set(
    "former foreign prime vice deputy general acting senior chief assistant executive "
    "associate managing interim state press of the for and"
)


def shown_role(role: str) -> str:
    """A role as shown beside a name: office words in lower case, names as written."""
    return " ".join("-".join(map(_office_case, word.split("-"))) for word in role.split())


def _office_case(word: str) -> str:
    if word.isupper() and len(word.rstrip(".")) <= 4:
        return word  # an acronym
    low = word.lower()
    bare = low.rstrip(".")
    office = low in _OFFICE_WORDS or low in TITLES or bare in TITLES or is_role_noun(bare)
    return low if office else word
