"""Name evidence for entity resolution: when two names may or may not be one entity.

``GuardedUnionFind`` keeps, for each cluster, the first names of the person names in it
and refuses a union that would put two different first names in one cluster: "Hillary
Clinton" is not "Bill Clinton", "Maria von Trapp" is not "Georg von Trapp", "Stephen
Humphrey Bogart" is not "Humphrey Bogart", whatever evidence (a shared surname, a
pronoun, a role noun) argues for it. A first name and its short form ("Mo"/"Maurice",
"Chris"/"Christopher", "Bill"/"William", an initial) are the same first name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from difflib import SequenceMatcher

from storyline.config import EntityLinkOptions as LinkOptions
from storyline.disjoint import DisjointSet
from storyline.lexicon import word_set
from storyline.nlp.entities import GENERATIONS, HONORIFICS, EntityMention
from storyline.nlp.name_shape import PLATFORMS

CONNECTORS = frozenset({"of", "for", "the", "and", "de", "on", "in", "&"})
PLACEISH = frozenset({"GPE", "LOC", "FAC"})

# particles that start a surname, not a first name ("von Trapp" said alone)
_SURNAME_PARTICLES = frozenset(
    {"von", "van", "de", "del", "da", "di", "al", "el", "bin", "ibn", "le", "la"}
)
# common English short forms that share no prefix with the full first name
_NICKNAME_PAIRS = (
    "bill/william bob/robert bobby/robert rob/robert dick/richard rick/richard "
    "jim/james jimmy/james jack/john johnny/john ted/edward ned/edward "
    "peggy/margaret maggie/margaret meg/margaret betty/elizabeth liz/elizabeth "
    "beth/elizabeth bess/elizabeth kate/katherine kathy/katherine chuck/charles "
    "hank/henry harry/henry tony/anthony sasha/alexander mike/michael "
    "joe/joseph tom/thomas dan/daniel steve/steven steve/stephen ben/benjamin "
    "sam/samuel nick/nicholas larry/lawrence al/albert al/alan al/alfred"
)
_NICKNAMES = {frozenset(p.split("/")) for p in _NICKNAME_PAIRS.split()}


def first_name(key: str) -> str:
    """The first name of a person's name key ("hillary clinton" -> "hillary"), "" for a
    bare surname ("clinton", "von trapp")."""
    words = key.split()
    while len(words) > 1 and words[-1] in GENERATIONS:
        words = words[:-1]  # "trump jr" is a bare surname, "donald trump jr" goes by "donald"
    if len(words) < 2 or words[0] in _SURNAME_PARTICLES:
        return ""
    if len(words) > 2 and len(words[0]) == 1 and len(words[1]) > 1:
        return words[1]  # "w mark felt" goes by "mark", "j edgar hoover" by "edgar"
    return words[0]


def same_first_name(a: str, b: str) -> bool:
    if a == b or not a or not b:
        return True
    short, long = sorted((a, b), key=len)
    if _pet_form(short, long):
        return False  # "Bob" and "Bobby" Goodlatte: two familiar forms, a father and son
    if short[0] == long[0] and (
        len(short) == 1 or long.startswith(short) or (len(short) <= 3 and subsequence(short, long))
    ):
        return True
    if frozenset((a, b)) in _NICKNAMES:
        return True
    return SequenceMatcher(None, a, b).ratio() >= 0.8  # sergei / sergey


def _pet_form(short: str, long: str) -> bool:
    """Is ``long`` the short form ``short`` with a pet ending ("bob"/"bobby",
    "tom"/"tommy", "jim"/"jimmie")? Each is a familiar form in its own right: an article
    that writes both tells two people apart (a writer keeps one form for one person),
    unlike a short form beside the full name ("alex"/"alexander")."""
    for ending in ("y", "ie", "ey"):
        stem = long[: -len(ending)] if long.endswith(ending) else ""
        if stem and (stem == short or (stem[:-1] == short and stem[-1] == short[-1])):
            return True
    return False


class GuardedUnionFind:
    """Union-find over mentions whose clusters never hold two different first names."""

    def __init__(self, first_names: list[str]) -> None:
        self.groups: DisjointSet[int] = DisjointSet(range(len(first_names)))
        self.firsts: dict[int, frozenset[str]] = {
            i: frozenset({f}) for i, f in enumerate(first_names) if f
        }

    def find(self, i: int) -> int:
        return self.groups.find(i)

    def compatible(self, a: int, b: int) -> bool:
        fa = self.firsts.get(self.find(a), frozenset())
        fb = self.firsts.get(self.find(b), frozenset())
        return all(same_first_name(x, y) for x in fa for y in fb)

    def union(self, a: int, b: int) -> bool:
        """Join the clusters of a and b unless their first names differ; True if joined."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not self.compatible(ra, rb):
            return False
        root = self.groups.union(ra, rb)  # the smaller index: deterministic
        merged = self.firsts.pop(rb if root == ra else ra, frozenset())
        merged |= self.firsts.get(root, frozenset())
        if merged:
            self.firsts[root] = merged
        return True


def subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def rival_names(a: set[str], b: set[str], person: bool = False) -> bool:
    """Two names with the same head but each its own modifier: "black sea"/"mediterranean
    sea". "us surgeon general"/"surgeon general of the united states" are not rivals."""
    # connectors say nothing ("council of the european union" / "un human rights council"
    # differ by what is left: rivals); an acronym of the other's words is no rival ("us
    # surgeon general" / "surgeon general of the united states")
    only_a, only_b = (a - b) - CONNECTORS, (b - a) - CONNECTORS
    if person and (only_a | only_b) & GENERATIONS:
        return True  # "donald trump jr" / "donald trump": a son and his father
    if not (only_a and only_b) or _abbreviates(only_a, only_b) or _abbreviates(only_b, only_a):
        return False
    # spelling variants and abbreviations are not rivals: "aden"/"eden", "mt"/"mount"
    if person:  # a first name and its short form share the initial: Mo / Maurice
        return not any(x[0] == y[0] for x in only_a for y in only_b)
    # every word of the shorter difference must have its variant in the other ("un" may
    # shorten "union", but "european" has no match in "un human rights")
    fewer, more = sorted((only_a, only_b), key=len)
    return not all(any(same_word(x, y) for y in more) for x in fewer)


# nouns that name a body inside an organisation or a state ("security council", "ethics
# committee", "justice department"): "United Nations Security Council" is not the UN
_BODY_NOUNS = frozenset(
    {
        "council", "committee", "commission", "assembly", "court", "department", "ministry",
        "agency", "office", "board", "bureau", "secretariat", "tribunal", "panel", "senate",
        "parliament", "cabinet", "directorate", "division", "unit", "subcommittee",
        "caucus",
    }
)  # fmt: skip


def body_of(short: str, long: str) -> bool:
    """Is name key ``long`` a body of the organisation ``short`` names: ``short``'s words
    followed by more ending in a body noun ("united nations" / "united nations security
    council")? The two are different entities whatever else they share."""
    head, body = short.split(), long.split()
    return (
        0 < len(head) < len(body)
        and body[: len(head)] == head
        and body[-1] in _BODY_NOUNS
        and head[-1] not in _BODY_NOUNS
    )


def _abbreviates(words: set[str], other: set[str]) -> bool:
    """One word of ``other`` is made of the initials of ``words`` ("us": united states)."""
    initials = sorted(w[0] for w in words if w)
    return any(len(w) == len(initials) and sorted(w) == initials for w in other)


# compass words: a pair of them reads alike ("east"/"west", "northern"/"southern") but
# names opposite places ("East Coast" / "West Coast", "Northern Ireland" / "Southern ...")
_COMPASS = frozenset(
    f"{a}{b}"
    for a in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
    for b in ("", "ern")
)


def same_word(x: str, y: str) -> bool:
    if x != y and x in _COMPASS and y in _COMPASS:
        return False
    short, long = sorted((x, y), key=len)
    if short[0] == long[0] and len(short) <= 3 and subsequence(short, long):
        return True
    return SequenceMatcher(None, x, y).ratio() >= 0.7


def types_compatible(a: str, b: str) -> bool:
    if not a or not b or a == b:
        return True
    if "NORP" in (a, b):  # "Russian" is not "Russia"
        return False
    if a in PLACEISH and b in PLACEISH:
        return True
    return (a == "PERSON") == (b == "PERSON")


def _unaccented(word: str) -> str:
    """ "peñalosa" -> "penalosa": a name written with and without its accents is one."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def holds_acronym(surface: str) -> bool:
    """Does a name as written hold a word that is an acronym already ("U.S. Navy", "FBI
    Director")? Its initials are no acronym of it: "U.S. Navy" is "USN", never "UN"."""
    words = [w.strip(",;:'’()") for w in surface.split()]
    if surface.isupper():  # a name in capitals ("UNITED NATIONS"): only dots mark one
        return any(re.fullmatch(r"(?:[A-Z]\.){2,}", w) for w in words)
    return any(_ACRONYM.fullmatch(w) for w in words)


def written_as_acronym(surface: str) -> bool:
    """Is a name written as an acronym ("U.N.", "NATO")? It is no person's surname, whatever
    its key: "U.N." keys "un", like the "Un" of "Kim Jong Un"."""
    return _ACRONYM.fullmatch(surface.strip()) is not None


def place_and_person(a: str, b: str) -> bool:
    """Is one of two types a place's and the other a person's?"""
    return {a, b} & PLACEISH != set() and "PERSON" in (a, b)


def kin_names(words: list[str], other: set[str]) -> bool:
    """A person's two-word name beside one the tagger typed otherwise, with the same
    surname and another first name ("Stephanie Kercher" and "Meredith Kercher" ORG):
    two people of one family, not one entity."""
    return (
        len(words) == 2
        and len(other) == 2
        and words[1] in other
        and words[0] not in other
        and rival_names(set(words), other, person=True)
    )


def acronym(key: str) -> str:
    words = [w for w in key.split() if w not in CONNECTORS]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


def is_variant(a: str, b: str, options: LinkOptions, person: bool = False) -> bool:
    """Spelling variants of the same name: "tartous"/"tartus", "gulf of aden"/"gulf of eden"."""
    if min(len(a), len(b)) < options.variant_min_length or a[0] != b[0]:
        return False
    if len(a.split()) != len(b.split()):
        return False
    if " " not in a and consonants(a) != consonants(b):
        # "iceland"/"ireland": one consonant for another is another name (in a longer
        # name the shared words are the evidence: "tallgrass distribution(s) ltd")
        return False
    if person and consonants(_unaccented(a.split()[-1])) != consonants(_unaccented(b.split()[-1])):
        # a person is told apart by the surname: "Mike Cernovich" is not "Mike Peinovich",
        # however alike the two read; its spellings differ in vowels ("Gaddafi"/"Gadhafi")
        return False
    return SequenceMatcher(None, a, b).ratio() >= options.variant_similarity


# consonants that spell one sound: "k"/"c"/"q" (Mikhail, Michael), "z"/"s" (Zelensky)
_SOUND = str.maketrans({"c": "k", "q": "k", "z": "s"})


def consonants(name: str) -> str:
    """A name's consonant skeleton: spelling and transliteration variants differ in vowels,
    "y", "h", "w" and doubled letters ("tartous"/"tartus", "sergei"/"sergey",
    "gaddafi"/"gadhafi", "lindsay"/"lindsey"), a plural "s", or in the order of two letters (a typo:
    "drefyus"/"dreyfus"); sorted, so a transposition keeps the skeleton."""
    # a plural "s" is no other name either ("indianapolis colt"/"indianapolis colts")
    singular = " ".join(w[:-1] if w.endswith("s") else w for w in name.split())
    letters = [ch for ch in singular.replace("ph", "f").translate(_SOUND) if ch.isalpha()]
    kept = [ch for ch in letters if ch not in "aeiouyhw"]
    collapsed = [ch for i, ch in enumerate(kept) if i == 0 or ch != kept[i - 1]]
    return "".join(sorted(collapsed))


# common nouns that news copy uses for the same thing in one story: each group keys
# to its first word ("the facility" ... "rehab" ... "the clinic")
_SYNONYM_GROUPS = (
    "facility rehab clinic center centre",
    "flaw vulnerability hole bug loophole",
    "patch fix update",
    "prison jail",
    "store shop boutique jeweler jeweller",
    "movie film",
    "rule regulation",
    "vehicle car",
    "video footage",
    "home house",
    "blaze fire",
    "earthquake quake",
    "ship vessel boat",
    "plane aircraft jet",
    "gunman shooter",
    "killer murderer",
    "deal agreement",
    # plain English synonyms (a dictionary's, not one story's): each pair names the same
    # kind of thing or person in any news report, so one story's "the jewels" and "the
    # gems", "the mother" and "the mum", "a thief" and "the robber" are one referent as
    # often as two mentions of one word are. ECB+ train --folds 5 CoNLL 77.30 -> 77.52
    "jewel gem jewelry jewellery",
    "mother mum mom",
    "thief robber burglar",
    "protester demonstrator",
    "factory plant",
    "telephone phone",
    "lawyer attorney",
    "worker employee",
    "inmate prisoner convict",
)
_SYNONYM = {w: group.split()[0] for group in _SYNONYM_GROUPS for w in group.split()}


def head_key(head: str, kind: str) -> str:
    """The head a common noun is grouped by: its synonym group's first word."""
    return _SYNONYM.get(head, head) if kind in ("nominal", "name") else head


_FEMININE = word_set(
    "she her hers herself woman girl mother grandmother wife daughter sister actress "
    "spokeswoman mrs ms miss lady queen princess"
)

_MASCULINE = word_set(
    "he him his himself man boy father grandfather husband son brother actor spokesman "
    "gunman mr sir lord king prince"
)

# singular in form, plural in agreement: "the police ... they"
_COLLECTIVE_PEOPLE = word_set("police people crew staff personnel")

# who deals with the protagonist of a story without being them
_OTHER_PARTIES = word_set(
    "lawyer attorney judge prosecutor publicist spokesman spokeswoman spokesperson rep "
    "representative police officer coroner witness detective investigator agent"
)

_GENERIC = word_set(
    "you your yours yourself nothing something anything everything everyone someone "
    "anyone nobody none all each both one others another everybody somebody anybody no-one"
)

_AUTHORITIES = word_set(
    "police officer official authority investigator cop agent spokesman spokesperson people person"
)

_HEAD_GENDER = {w: "f" for w in _FEMININE} | {w: "m" for w in _MASCULINE}

# common nouns that stand for the leading name of a type in a story ("the team" for the
# Colts, "the company" for Microsoft, "the country" for Turkmenistan)
_TYPE_NOUNS = {
    **dict.fromkeys(("team", "club", "squad", "franchise"), ("ORG",)),
    **dict.fromkeys(("company", "firm", "giant", "maker", "corporation"), ("ORG",)),
    **dict.fromkeys(("country", "nation"), ("GPE",)),
}


# an acronym as written: "FBI", "F.B.I.", "NATO", "U.S." (two capitals or more)
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}")


# kinds of names English does not write as acronyms: a capitalised one is a dateline's or
# a headline's capitals
_UNABBREVIATED = frozenset({"GPE", "LOC", "FAC", "PERSON"})


def canonical_name(mentions: Sequence[EntityMention]) -> tuple[str, str]:
    """An entity's name and type from its mentions. The name is the most frequent full
    (several-word) form, ties to the longer then alphabetical: a one-off longer form
    ("Donald Trump Sr.'s" once beside "Donald Trump" thrice) stays an alias. Without a full
    form, the most frequent one. The type is as NER tagged the name's own mentions (a full
    name is tagged more reliably than a bare surname in "the Trump campaign"), else as most
    mentions are tagged."""
    surfaces = [_surface(m) for m in mentions]
    # a name in capitals ("PERTH, Australia —", a headline's "JERRY SPRINGER") is the
    # same name as its mixed-case form, which names it and which the tagger reads better
    # (it tagged "PERTH" a person). One word in capitals may be an acronym, though ("CASA",
    # "PWC" beside "Casa", "PwC"): it gives way only to a place's or a person's form, names
    # English does not abbreviate so
    written = Counter(surfaces)
    types: dict[str, set[str]] = defaultdict(set)
    for m, s in zip(mentions, surfaces, strict=True):
        types[s].add(m.type)
    cased = {
        s: min(twins, key=lambda t: (-written[t], t))
        for s in written
        if s.isupper()
        and (twins := [t for t in written if t.lower() == s.lower() and not t.isupper()])
        and (" " in s or any(types[t] & _UNABBREVIATED for t in twins))
    }
    surfaces = [cased.get(s, s) for s in surfaces]
    surface = Counter(surfaces)
    # an acronym is a full form too: "FBI" thrice is the name, not a headline's "Asking
    # FBI" once; but a spelled-out form it abbreviates wins ("United Nations" over "UN")
    full = [s for s in surface if len(s.split()) > 1 or _ACRONYM.fullmatch(s)] or list(surface)
    name = min(full, key=lambda s: (-surface[s], -len(s.split()), s))
    if _ACRONYM.fullmatch(name):
        letters = name.replace(".", "").lower()
        # a list is no spelled-out name: "Fidelity, Bravery and Integrity" (the FBI's motto)
        spelled = [s for s in full if acronym(s.lower()) == letters and "," not in s]
        if spelled:
            name = min(spelled, key=lambda s: (-surface[s], s))
    named = Counter(
        m.type
        for m, s in zip(mentions, surfaces, strict=True)
        if m.type and s == name and not (_surface(m).isupper() and not name.isupper())
    )
    ranked = (named or Counter(m.type for m in mentions if m.type)).most_common(1)
    if name.lower() in PLATFORMS:
        return name, "ORG"  # "Twitter": a company's service, never a person
    top = ranked[0][0] if ranked else ""
    if top not in ("PERSON", "PRODUCT") and sum(m.type == _WORK for m in mentions) >= _TITLED:
        # set in quotation marks more than once (“Moonlight”): a work's title, however the
        # tagger typed the bare mentions (ORG); a name the tagger reads as a person's or
        # a product's stays one (an alias, a product's name are quoted too)
        return name, _WORK
    return name, ranked[0][0] if ranked else ""


_WORK = "WORK_OF_ART"
_TITLED = 2  # quoted mentions that make a name a work's title


def _surface(m: EntityMention) -> str:
    """The mention text without a leading honorific: "Mr Putin" -> "Putin"."""
    words = m.text.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def _generation(mention: EntityMention) -> str | None:
    words = mention.text.replace(",", " ").split()
    last = words[-1].lower().rstrip(".") if len(words) > 1 else ""
    return last if last in GENERATIONS else None


def generations_apart(
    mentions: Sequence[Sequence[EntityMention]],
) -> Sequence[Sequence[EntityMention]]:
    """The mentions, a person named with a generation's suffix keyed apart ("donald trump
    jr") when an article also names the same full name without it: a writer who writes
    "Donald Trump Jr." and "Donald Trump" in one text means two people, father and son.
    Where only one form is written, or the two are in different texts, the key stays
    without the suffix: the son's name often goes without it ("Martin Luther King")."""
    split: set[str] = set()
    for ms in mentions:
        people = [m for m in ms if m.kind == "name" and m.type == "PERSON" and " " in m.name]
        suffixed = {m.name for m in people if _generation(m)}
        split |= suffixed & {m.name for m in people if not _generation(m)}
    if not split:
        return mentions
    surnames = {key.split()[-1] for key in split}
    out = []
    for ms in mentions:
        row = []
        for m in ms:
            suffix = _generation(m) if m.kind == "name" else None
            # "Trump Jr." alone is the son of the split "donald trump" too
            if suffix and (m.name in split or m.name in surnames):
                m = replace(m, name=f"{m.name} {suffix}")
            row.append(m)
        out.append(row)
    return out


def link_first_names(
    names: Sequence[EntityMention],
    uf: GuardedUnionFind,
    by_key: dict[str, list[int]],
    key_type: dict[str, str],
    taken: set[str],
) -> None:
    """A person's first name alone joins the one person named in full with it, whatever
    NER typed it (``names``: the group's name mentions, ``by_key`` their nodes by key):
    "Raffaele" (tagged ORG in a letter by his co-defendant) is "Raffaele
    Sollecito". Not a word that starts or ends another name (``taken``: "House" of
    "House Republicans", a surname), not a place or a nationality ("Jordan")."""
    persons: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        if key_type[key] == "PERSON" and (first := first_name(key)):
            persons[first].append(key)
    # only a plain "first last" name in mixed case: a longer one may start with a title or
    # a label NER ran in ("Clerk Kim Lehmkuhl", "BofA RESPONSE - From"), one in capitals
    # may be a phrase of a shouted line ("TIM WOULD SLEEP")
    written = {m.name: m.text for m in names}
    # "Donald Jr." keys as "donald": a son marked by his generation, not his father
    sons = {m.name for m in names if m.text.split()[-1].lower().strip(".,") in GENERATIONS}
    plain = {k for k in by_key if len(k.split()) == 2 and not written[k].isupper()}
    for key in by_key:
        if " " in key or key in taken | sons or key_type[key] in PLACEISH | {"NORP"}:
            continue
        full = persons.get(key, [])
        one = len({uf.find(by_key[k][0]) for k in full}) == 1
        if one and any(k in plain for k in full):
            uf.union(by_key[key][0], by_key[full[0]][0])
