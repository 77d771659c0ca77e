"""Resolve entity mentions across the articles of one group (a story or storyline).

Mentions (``EntityMention``, per article) stay separate from the resolved ``Entity``
records that point back at them. Resolution is a union-find over mentions with four
kinds of evidence, each deliberately simple and deterministic:

1. names: equal name keys ("Putin" = "Mr Putin"), a short name contained at the end
   of exactly one longer name ("Putin" -> "Vladimir Putin"), acronyms ("ICRC"), and
   spelling variants ("Tartous" ~ "Tartus") across the whole group;
2. common nouns and time words: same head lemma, but only inside one sub-story (a
   cluster of articles by TF-IDF similarity), since "the host" of one event is not
   "the host" of another;
3. roles: a person noun next to a name ("host Hugh Jackman", "Jackman, the host") joins
   that name; a singular person noun used in two or more articles of a sub-story joins
   the person named in most of them (its protagonist), else the sub-story's leading
   person noun of the same gender ("a man ... the gunman"); plural person nouns join the
   sub-story's leading group ("pirates ... the brigands"); "today"/"yesterday" join the
   sub-story's most named weekday;
4. pronouns: the nearest compatible preceding mention in the same article (person,
   number, and gender seen so far in the candidate's cluster).

Every rule is a switch in ``EntityLinkOptions`` (config.py), measured on ECB+ dev.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from storyline.config import EntityLinkOptions as LinkOptions
from storyline.link.entity_merge import merge_clusters
from storyline.link.entity_names import (
    _AUTHORITIES,
    _GENERIC,
    _HEAD_GENDER,
    _OTHER_PARTIES,
    _TYPE_NOUNS,
    PLACEISH,
    GuardedUnionFind,
    acronym,
    body_of,
    canonical_name,
    first_name,
    generations_apart,
    head_key,
    holds_acronym,
    is_variant,
    kin_names,
    link_first_names,
    place_and_person,
    rival_names,
    same_first_name,
    types_compatible,
    written_as_acronym,
)
from storyline.link.entity_orphans import attach_orphan_chains
from storyline.link.entity_pronouns import mention_gender, person_noun, pronoun_antecedent
from storyline.link.entity_times import link_deictic_days
from storyline.link.stance_trees import TreeEnsemble
from storyline.link.substories import substories
from storyline.nlp.entities import GENERATIONS, EntityAnalyzer, EntityMention
from storyline.nlp.person_nouns import is_role, shown_role

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class MentionRef:
    article: str
    start: int
    end: int
    text: str


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str]
    role: str | None
    mentions: list[MentionRef] = field(default_factory=list)

    def to_dict(self) -> dict:
        out: dict = {"id": self.id, "name": self.name, "type": self.type, "aliases": self.aliases}
        if self.role:
            out["role"] = self.role
        out["mentions"] = [
            {"article": m.article, "start": m.start, "end": m.end} for m in self.mentions
        ]
        return out


def _link_protagonists(
    mentions: Sequence[Sequence[EntityMention]],
    labels: list[int],
    uf: GuardedUnionFind,
    index: dict[tuple[int, int], int],
    by_head: dict[tuple[int, str], list[int]],
    options: LinkOptions,
) -> None:
    docs_of_head: dict[tuple[int, str], set[int]] = defaultdict(set)
    plural_heads: dict[int, Counter[str]] = defaultdict(Counter)
    names_in_doc: dict[int, set[int]] = defaultdict(set)
    for d, ms in enumerate(mentions):
        for i, mention in enumerate(ms):
            if _amount(mention):
                continue
            if mention.kind == "nominal" and not mention.plural and person_noun(mention):
                if mention.head in _OTHER_PARTIES:
                    continue  # "the lawyer", "the judge": someone beside the protagonist
                docs_of_head[(labels[d], head_key(mention.head, mention.kind))].add(d)
            elif (
                options.plural_groups
                and mention.kind == "nominal"
                and mention.plural
                and person_noun(mention)
                and mention.head not in _AUTHORITIES
            ):
                plural_heads[labels[d]][head_key(mention.head, mention.kind)] += 1
            elif mention.kind == "name" and mention.type == "PERSON":
                names_in_doc[d].add(uf.find(index[(d, i)]))
    unlinked: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for key in sorted(docs_of_head):
        docs = docs_of_head[key]
        votes = Counter(root for d in docs for root in names_in_doc[d])
        ranked = votes.most_common(2)
        if (
            not ranked
            or len(docs) < 2  # cross-document evidence only
            or ranked[0][1] < options.protagonist_share * len(docs)
            or (len(ranked) > 1 and ranked[1][1] == ranked[0][1])
        ):
            unlinked[key[0]].append((len(by_head.get(key, [])), key[1]))
            continue
        for k in by_head.get(key, []):
            uf.union(ranked[0][0], k)
    # the group a sub-story is about ("pirates ... the brigands ... the raiders")
    for label, counter in sorted(plural_heads.items()):
        heads_ranked = sorted(counter.items(), key=lambda x: (-x[1], x[0]))
        leading = by_head.get((label, heads_ranked[0][0]), [])
        for plural_head, _ in heads_ranked[1:]:
            for k in by_head.get((label, plural_head), []):
                uf.union(leading[0], k)
    if not options.unnamed_protagonist:
        return
    # an unnamed protagonist ("a man ... the gunman ... the accountant"): person nouns
    # no name claimed join the sub-story's most frequent one of the same gender
    for label, heads in sorted(unlinked.items()):
        heads.sort(key=lambda x: (-x[0], x[1]))
        leaders: dict[str, int] = {}  # gender ("" unknown) -> first mention of the leader
        for _, head in heads:
            members = by_head.get((label, head), [])
            gender = _HEAD_GENDER.get(head, "")
            # an ungendered noun ("the accountant") joins the leading noun of any gender
            leader = leaders.get(gender)
            if leader is None and not gender and leaders:
                leader = next(iter(leaders.values()))
            if leader is None:
                leaders[gender] = members[0]
                continue
            for k in members:
                uf.union(leader, k)


def _adjacent(text: str, a: EntityMention, b: EntityMention, window: int) -> bool:
    """Are the two mentions side by side, only spaces, commas or an article between?"""
    first, second = (a, b) if a.start < b.start else (b, a)
    if first.end > second.start:
        return False
    gap = text[first.end : second.start]
    for filler in ("the ", "a ", "an "):
        if gap.lower().endswith(filler):
            gap = gap[: -len(filler)]
    return len(gap) <= window and not gap.strip(" ,")


@dataclass
class _Linking:
    """The mentions of one group being linked: every pass reads it and joins in ``uf``."""

    mentions: Sequence[Sequence[EntityMention]]
    texts: Sequence[str]
    options: LinkOptions
    nodes: list[tuple[int, int]]  # (article index, mention index)
    index: dict[tuple[int, int], int]
    uf: GuardedUnionFind
    labels: list[int]  # sub-story of each article

    def m(self, node: tuple[int, int]) -> EntityMention:
        return self.mentions[node[0]][node[1]]


def cluster_mentions(
    mentions: Sequence[Sequence[EntityMention]],
    texts: Sequence[str],
    options: LinkOptions,
    merge_model: TreeEnsemble | None = None,
) -> list[list[tuple[int, int]]]:
    """Clusters of (article index, mention index), sorted, over all mentions of a group.
    ``merge_model`` replaces the shipped merge model (training and cross-validation)."""
    mentions = generations_apart(mentions)
    nodes = [(d, i) for d, ms in enumerate(mentions) for i in range(len(ms))]
    index = {node: k for k, node in enumerate(nodes)}
    ctx = _Linking(
        mentions, texts, options, nodes, index, GuardedUnionFind([_first(mentions, n) for n in nodes]),
        substories(texts, options.substory_similarity),
    )  # fmt: skip
    _link_names(ctx)
    by_head = _link_heads(ctx) if options.link_nominals else {}
    if options.link_nominals and options.role_window >= 0:
        _link_roles(ctx, by_head)
    # a singular person noun used across a sub-story ("the host", "the woman") is most
    # often its protagonist: the person name found in most of the same articles
    if options.link_nominals and options.protagonist_share > 0:
        _link_protagonists(mentions, ctx.labels, ctx.uf, index, by_head, options)
    # deictic time words ("today", "yesterday", "last night") in a sub-story's articles
    # mostly mean its event day: join the sub-story's most named weekday
    if options.link_nominals and options.link_deictic_days:
        link_deictic_days(mentions, ctx.labels, ctx.uf, index)
    if options.link_nominals:
        _link_type_nouns(ctx, by_head)
    if options.link_pronouns:
        _link_pronouns(ctx)
    if options.link_pronouns and options.orphan_chains:
        attach_orphan_chains(
            mentions, nodes, index, ctx.uf, ctx.labels, mention_gender, person_noun
        )
    if options.merge_threshold > 0:
        rule_clusters = _groups(ctx)
        merge_clusters(
            rule_clusters, mentions, texts, ctx.labels, ctx.uf, index,
            options.merge_threshold, options.merge_max_block, person_noun, merge_model,
        )  # fmt: skip
    return _groups(ctx)


def _groups(ctx: _Linking) -> list[list[tuple[int, int]]]:
    groups: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for node in ctx.nodes:
        groups[ctx.uf.find(ctx.index[node])].append(node)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])


def _first(mentions: Sequence[Sequence[EntityMention]], node: tuple[int, int]) -> str:
    m = mentions[node[0]][node[1]]
    return first_name(m.name) if m.kind == "name" and m.type == "PERSON" else ""


def _link_names(ctx: _Linking) -> None:
    """Names across the whole group: same key, a short form ending a longer one ("putin"
    in "vladimir putin"), an acronym, a spelling variant."""
    uf, options = ctx.uf, ctx.options
    by_key: dict[str, list[int]] = defaultdict(list)
    written: dict[str, str] = {}  # a name key's first surface form
    for node in ctx.nodes:
        mention = ctx.m(node)
        if mention.kind == "name":
            by_key[mention.name].append(ctx.index[node])
            written.setdefault(mention.name, mention.text)
    for members in by_key.values():
        for k in members[1:]:
            uf.union(members[0], k)
    keys = sorted(by_key)
    key_type = _name_types(ctx)
    # blocked, not all pairs: a longer form ends with the short one's last word, an
    # expansion has the short key as its acronym, a variant shares first letter and length
    # in words (``is_variant``); each block keeps the sorted order of ``keys``
    by_last: dict[str, list[str]] = defaultdict(list)
    by_acronym: dict[str, list[str]] = defaultdict(list)
    by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
    for key in keys:
        words = key.split()
        if words:
            by_last[words[-1]].append(key)
            by_shape[(key[0], len(words))].append(key)
        if (letters := acronym(key)) and not holds_acronym(written[key]):
            by_acronym[letters].append(key)
    # a one-word name that also starts other names is a name of its own, not a short
    # form: "House" in "House Oversight Committee", "House Republicans" is not the White
    # House, whose last word it is
    heads = {k.split()[0] for k in keys if " " in k and key_type[k] != "PERSON"}
    # likewise a one-word person name that is another person's first name: "Jordan" beside
    # "Jordan Belliveau" is not surely "Dave Jordan"
    given = {first_name(k) for k in keys if key_type[k] == "PERSON"} - {""}
    for short in keys:
        short_words = short.split()
        ambiguous = short in heads and key_type[short] != "PERSON"
        ambiguous = ambiguous or (short in given and key_type[short] == "PERSON")
        # containment: "putin" ends "vladimir putin"; "assad" ends "bashar al assad"
        longer = [
            k
            for k in (by_last.get(short_words[-1], []) if short_words and not ambiguous else [])
            if k != short
            and len(k.split()) > len(short_words)
            and k.split()[-len(short_words) :] == short_words
            and types_compatible(key_type[k], key_type[short])
            # a place ending an organisation's name is not the organisation: "Baltimore"
            # in "CBS Baltimore"
            and not (key_type[short] in PLACEISH and key_type[k] == "ORG")
            # nor the end of a pair of places joined by a hyphen: "Kuala Lumpur-Beijing"
            # (a route) is not Beijing
            and not (key_type[short] in PLACEISH and _hyphen_joined(written[k], short_words))
        ]
        roots = {uf.find(by_key[k][0]) for k in longer}
        if len(roots) == 1:
            uf.union(by_key[short][0], by_key[longer[0]][0])
        # acronym: "icrc" = "international committee (of the) red cross"
        if len(short_words) == 1 and len(short) >= 2:
            # a place's acronym is no person's initials: "DC" is not "Dave Camp" (other
            # types of an acronym are often the tagger's slips: "SOHR" NORP, "SAG" PERSON);
            # a person goes by three initials ("JFK", "LBJ"), two are a column's or a
            # place's ("M.M." of Morning Money is not "Michael Mackenzie")
            expansions = [
                k
                for k in by_acronym.get(short, [])
                if not place_and_person(key_type[k], key_type[short])
                and (len(short) > 2 or key_type[k] != "PERSON")
            ]
            if len({uf.find(by_key[k][0]) for k in expansions}) == 1:
                uf.union(by_key[short][0], by_key[expansions[0]][0])
    surnames = {k.split()[-1] for k in keys if " " in k}
    names = [m for m in map(ctx.m, ctx.nodes) if m.kind == "name"]
    link_first_names(names, ctx.uf, by_key, key_type, heads | surnames)
    for block in by_shape.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                person = "PERSON" in (key_type[a], key_type[b])
                if types_compatible(key_type[a], key_type[b]) and is_variant(a, b, options, person):
                    uf.union(by_key[a][0], by_key[b][0])


def _hyphen_joined(surface: str, tail: list[str]) -> bool:
    """Does ``surface`` end with ``tail``'s words after a hyphen or dash ("Kuala
    Lumpur-Beijing" for "beijing")?"""
    pattern = r"[-\u2013\u2014]\s*" + r"\W+".join(re.escape(w) for w in tail) + r"\W*$"
    return re.search(pattern, surface, re.IGNORECASE) is not None


def _name_types(ctx: _Linking) -> dict[str, str]:
    """Each name key's most common NER type over the group."""
    key_types: dict[str, Counter] = defaultdict(Counter)
    for node in ctx.nodes:
        mention = ctx.m(node)
        if mention.kind == "name":
            key_types[mention.name][mention.type] += 1
    return {k: types.most_common(1)[0][0] for k, types in key_types.items()}


def _link_heads(ctx: _Linking) -> dict[tuple[int, str], list[int]]:
    """Common nouns, time words (and names, by their head) by head lemma in a sub-story;
    returns the members of each (sub-story, head)."""
    options = ctx.options
    by_head: dict[tuple[int, str], list[int]] = defaultdict(list)
    kinds = ("nominal", "time", "name") if options.names_by_head else ("nominal", "time")
    for node in ctx.nodes:
        mention = ctx.m(node)
        if mention.kind not in kinds:
            continue
        # an amount ("$22 million", "409 yards") is the same thing only in the same words
        head = mention.text.lower() if _amount(mention) else head_key(mention.head, mention.kind)
        by_head[(ctx.labels[node[0]], head)].append(ctx.index[node])
    # the first names of each sub-story's people ("jordan" of "Jordan Belliveau")
    given: dict[int, set[str]] = defaultdict(set)
    for node in ctx.nodes:
        if first_of := _first(ctx.mentions, node):
            given[ctx.labels[node[0]]].add(first_of)
    key_type = _name_types(ctx)
    # a one-word name that starts the name of a body ("House" of "House Homeland Security
    # Committee") names the institution the body belongs to, not surely the thing whose
    # head it shares ("White House"): it joins no one by the head. (Any name it starts, as
    # in _link_names, cost 0.14 ECB+ CoNLL on train.)
    starts = {
        m.name.split()[0]
        for m in map(ctx.m, ctx.nodes)
        if m.kind == "name" and m.type != "PERSON" and body_of(m.name.split()[0], m.name)
    }
    for (label, _head), members in by_head.items():
        joined: list[tuple[set[str], bool]] = []  # multi-word names in: (words, person)
        first = None
        said = {k: ctx.m(ctx.nodes[k]) for k in members}
        # two people share the surname ("Hillary Clinton", "Bill Clinton"): a bare
        # "Clinton" joins neither by its head; nor does a bare "Jordan" that is one
        # person's surname and another's first name ("Dave Jordan", "Jordan Belliveau")
        firsts = {_first(ctx.mentions, ctx.nodes[k]) for k in members} - {""}
        ambiguous = any(not same_first_name(a, b) for a in firsts for b in firsts)
        ambiguous = (
            ambiguous
            or bool(firsts)
            and any(_bare_name(m) and m.name in given[label] for m in said.values())
        )
        # a father and his son ("donald trump" and "donald trump jr", keyed apart where a
        # text tells them apart): a writer marks the son ("Trump Jr.", "Don Jr."), so a bare
        # "Trump" is the one named without the suffix, if there is one such name
        full = {m.name for m in said.values() if " " in m.name}
        suffixed = {n for n in full if n.split()[-1] in GENERATIONS}
        plain = [k for k in members if said[k].name in full - suffixed]
        elder = plain[0] if suffixed and plain and not ambiguous else None
        if len({said[k].name for k in plain}) > 1:
            elder = None
        ambiguous = ambiguous or bool(suffixed and plain)
        # a place's bare name and an organisation named after it ("Baltimore", "CBS
        # Baltimore") share a head but not a referent: the bare place joins no one by it
        names = [m for m in said.values() if m.kind == "name"]
        place_apart = any(" " in m.name and key_type[m.name] == "ORG" for m in names)
        # two rival names of things share the head ("White House", "House of Delegates"):
        # a bare "House" could be either, it joins neither by the head
        things = sorted({m.name for m in names if " " in m.name and m.type != "PERSON"})
        people = any(key_type[m.name] == "PERSON" for m in names)
        ambiguous = ambiguous or any(
            rival_names(set(a.split()), set(b.split())) for a, b in combinations(things, 2)
        )
        for k in members:
            mention = said[k]
            if place_apart and _bare_name(mention) and key_type[mention.name] in PLACEISH:
                continue
            if (
                mention.kind == "name"
                and key_type[mention.name] in PLACEISH
                and _hyphen_joined(mention.text, mention.name.split()[-1:])
            ):
                continue  # "Kuala Lumpur-Beijing", a route, is not the Beijing it ends with
            # whatever type the tagger gave it ("Jordan" is a country too): a bare name
            # that could be either person joins neither by its head
            if _bare_name(mention) and mention.type != "PERSON" and mention.name in starts:
                continue
            if people and mention.kind == "name" and written_as_acronym(mention.text):
                continue  # "U.N." is not the "Un" of "Kim Jong Un"
            if ambiguous and _bare_name(mention):
                if elder is not None:
                    ctx.uf.union(elder, k)
                continue
            if mention.kind == "name" and " " in mention.name:
                # "Black Sea" never joins "Mediterranean Sea" by their shared head,
                # nor "John Smith" "Mary Smith" (but "Mo Cheeks" may be "Maurice Cheeks")
                words = set(mention.name.split())
                person = mention.type == "PERSON"
                if options.names_by_head == "nested" and any(
                    rival_names(words, w, person)
                    if p == person
                    else kin_names(mention.name.split(), w)
                    for w, p in joined
                ):
                    continue
                joined.append((words, person))
            if first is None:
                first = k
            else:
                ctx.uf.union(first, k)
    return by_head


def _bare_name(mention: EntityMention) -> bool:
    """A one-word name ("Clinton", "Baltimore", "House")."""
    return mention.kind == "name" and " " not in mention.name


def _link_type_nouns(ctx: _Linking, by_head: dict[tuple[int, str], list[int]]) -> None:
    """A type noun joins the sub-story's most mentioned name of that type, if one leads."""
    counts: dict[tuple[int, str], Counter] = defaultdict(Counter)
    for node in ctx.nodes:
        m = ctx.m(node)
        if m.kind == "name" and m.type:
            counts[(ctx.labels[node[0]], m.type)][ctx.uf.find(ctx.index[node])] += 1
    for (label, head), members in sorted(by_head.items()):
        types = _TYPE_NOUNS.get(head)
        if not types or ctx.m(ctx.nodes[members[0]]).kind != "nominal":
            continue
        votes = sum((counts[(label, t)] for t in types), Counter())
        ranked = votes.most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            for k in members:
                m = ctx.m(ctx.nodes[k])
                if m.kind == "nominal" and not m.plural:
                    ctx.uf.union(ranked[0][0], k)


def _amount(m: EntityMention) -> bool:
    return m.kind == "nominal" and any(ch.isdigit() for ch in m.text)


def _link_roles(ctx: _Linking, by_head: dict[tuple[int, str], list[int]]) -> None:
    """A common-noun role next to a name ("host Hugh Jackman", "Jackman, the host") joins
    that name's entity, within the sub-story."""
    votes: dict[tuple[int, str], Counter] = defaultdict(Counter)
    for d, ms in enumerate(ctx.mentions):
        for nominal in ms:
            if nominal.kind != "nominal" or nominal.plural or not person_noun(nominal):
                continue
            for i, name in enumerate(ms):
                if name.kind != "name" or name.type != "PERSON":
                    continue
                if _adjacent(ctx.texts[d], nominal, name, ctx.options.role_window):
                    key = (ctx.labels[d], head_key(nominal.head, nominal.kind))
                    votes[key][ctx.uf.find(ctx.index[(d, i)])] += 1
    for (label, head), counter in sorted(votes.items()):
        ranked = counter.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            for k in by_head.get((label, head), []):
                ctx.uf.union(ranked[0][0], k)


def _link_pronouns(ctx: _Linking) -> None:
    """Each pronoun joins its nearest compatible antecedent in the same article."""
    uf, index = ctx.uf, ctx.index
    # grammatical gender seen so far in each cluster, so "she" skips a "he" chain
    genders: dict[int, set[str]] = defaultdict(set)
    for node in ctx.nodes:
        g = mention_gender(ctx.m(node))
        if g:
            genders[uf.find(index[node])].add(g)
    for d, ms in enumerate(ctx.mentions):
        order = sorted(range(len(ms)), key=lambda i: (ms[i].start, ms[i].end))
        for pos, i in enumerate(order):
            pron = ms[i]
            if pron.kind != "pronoun" or pron.head in _GENERIC:
                continue
            gender = mention_gender(pron)

            def clash(k: int, d: int = d, order: list[int] = order, gender: str = gender) -> bool:
                other = genders.get(uf.find(index[(d, order[k])]), set())
                return bool(gender) and bool(other - {gender})

            def agree(k: int, d: int = d, order: list[int] = order, gender: str = gender) -> bool:
                return bool(gender) and gender in genders.get(uf.find(index[(d, order[k])]), ())

            before = [ms[j] for j in order[:pos]]
            antecedent = pronoun_antecedent(pron, before, ctx.options, clash, agree)
            if antecedent is not None:
                j = order[antecedent]
                ra, rb = uf.find(index[(d, i)]), uf.find(index[(d, j)])
                if uf.union(ra, rb):
                    merged = genders.pop(ra, set()) | genders.pop(rb, set())
                    genders[uf.find(ra)] = merged


def entity_id(name: str, type_: str) -> str:
    digest = hashlib.sha1(f"{type_}\x1f{name.lower()}".encode()).hexdigest()
    return f"E{digest[:12]}"


def resolve_entities(
    article_ids: Sequence[str],
    texts: Sequence[str],
    analyzer: EntityAnalyzer,
    options: LinkOptions | None = None,
) -> tuple[list[list[EntityMention]], list[Entity]]:
    """Detect named mentions in each article and resolve them into shared entities."""
    mentions = analyzer.detect(texts)
    return mentions, resolve_mentions(article_ids, texts, mentions, options)


def resolve_mentions(
    article_ids: Sequence[str],
    texts: Sequence[str],
    mentions: Sequence[Sequence[EntityMention]],
    options: LinkOptions | None = None,
) -> list[Entity]:
    """Resolve already detected named mentions (one list per article) into entities."""
    options = options or LinkOptions()
    # detected mentions are names only; nominals/pronouns are not linked here
    clusters = cluster_mentions(mentions, texts, options)
    entities = [_entity(c, mentions, article_ids) for c in clusters]
    # two unresolved entities may share name and type ("Smith" twice): the later ones
    # get an id salted with their first mention so ids stay unique and deterministic
    counts = Counter(e.id for e in entities)
    for e in entities:
        if counts[e.id] > 1:
            first = e.mentions[0]
            e.id = entity_id(f"{e.name}|{first.article}:{first.start}", e.type)
    entities.sort(key=lambda e: (-len(e.mentions), e.name, e.id))
    return entities


def _entity(
    cluster: list[tuple[int, int]],
    mentions: Sequence[Sequence[EntityMention]],
    article_ids: Sequence[str],
) -> Entity:
    ms = [mentions[d][i] for d, i in cluster]
    name, etype = canonical_name(ms)
    aliases = sorted(set(m.text for m in ms) - {name})
    # a description that names a thing ("Juvenile Hell, his debut album") helped link the
    # mentions but is no person's role
    roles = Counter(shown_role(m.role) for m in ms if m.role and is_role(m.role))
    role = min(roles, key=lambda r: (-roles[r], r.lower(), r)) if roles else None
    refs = [
        MentionRef(article_ids[d], mentions[d][i].start, mentions[d][i].end, mentions[d][i].text)
        for d, i in cluster
    ]
    refs.sort(key=lambda r: (r.article, r.start, r.end))
    return Entity(entity_id(name, etype), name, etype, aliases, role, refs)
