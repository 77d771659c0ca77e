"""Incremental story and storyline clustering.

A batch is grouped retrospectively by average linkage over its articles and the earlier
stories they retrieve (``cluster.batch``); a batch of headlines only goes through a single
pass, where an article joins the story whose centroid it is most similar to (TF-IDF terms,
damped by the time gap to the story's dates) or starts a new story.
Stories then join storylines (``cluster.storylines``: shared specific names, text
similarity, time): a storyline is "one developing situation", a story is "one event".

Incremental by construction: the state (running document frequencies, story centroids,
inverted index) is exported with ``to_state`` and a later batch only touches the stories
its articles retrieve through the inverted index. A story id is derived from its first
member's id and never changes.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import fields
from itertools import repeat
from typing import Any

import numpy as np

from storyline.cluster.articles import (
    ArticleFeatures,
    Assignment,
    ClusterItem,
    article_features,
    date_batches,
    date_order,
)
from storyline.cluster.batch import Dense, in_time, regroup
from storyline.cluster.dense import SentenceEncoder, encoder_text, load_encoder
from storyline.cluster.features import (
    BIGRAM_PREFIX,
    ENTITY_PREFIX,
    DocumentFrequencies,
    Vector,
    time_decay,
    weighted_vector,
)
from storyline.cluster.groups import (
    Group,
    GroupIndex,
    absorb,
    time_decay_span,
    top_features,
    unit_vector,
)
from storyline.cluster.rowmap import load_all, prefetch, stored
from storyline.cluster.split import two_means
from storyline.cluster.storylines import StorylineLinker
from storyline.config import ClusterOptions
from storyline.model import parse_day

log = logging.getLogger(__name__)

STATE_VERSION = 1
GROUPINGS = ("linkage", "single-pass")


class StoryClusterer:
    """Single-pass, incremental story + storyline clustering with stable ids."""

    def __init__(
        self, options: ClusterOptions | None = None, encoder: SentenceEncoder | None = None
    ) -> None:
        """``encoder`` overrides the sentence encoder ``options.vectors`` asks for."""
        self.options = options or ClusterOptions()
        if self.options.grouping not in GROUPINGS:
            raise ValueError(f"unknown grouping {self.options.grouping!r}: one of {GROUPINGS}")
        self.encoder = (
            encoder
            if encoder is not None
            else load_encoder(self.options.vectors, self.options.dense_threads)
        )
        self.dfs = DocumentFrequencies()
        self.stories = GroupIndex("s-")
        self.storylines = StorylineLinker(self.options)
        self.assigned: dict[str, str] = {}  # article id -> story id

    # ----------------------------------------------------------------- public API
    def add(
        self, items: list[ClusterItem], features: dict[str, ArticleFeatures] | None = None
    ) -> list[Assignment]:
        """Cluster a batch; return one assignment per distinct item id, sorted by id.

        ``features`` may hold precomputed ``article_features`` (the per-article map step,
        which an executor can run in parallel); missing ones are computed here.
        """
        opts = self.options
        batch: dict[str, ClusterItem] = {}
        for item in items:
            if item.id in batch:
                log.warning("duplicate article id %s in batch: keeping the first", item.id)
                continue
            batch[item.id] = item
        prefetch(self.assigned, batch)  # state read from rows: one read per batch
        fresh = [it for it in batch.values() if it.id not in self.assigned]
        days = {it.id: parse_day(it.date) for it in fresh}
        fresh.sort(key=lambda it: date_order(days[it.id], it.id))

        features = features or {}
        counts = {
            it.id: features[it.id] if it.id in features else article_features(it, opts)
            for it in fresh
        }
        # a web-archive notice or a tweet widget is not reporting: it shares its boilerplate
        # with other such pages of unrelated stories, so it stays a story of its own
        junk = {it.id for it in fresh if counts[it.id].junk}
        if junk:
            log.info("%d non-article documents kept as single-article stories", len(junk))
        every = opts.prune_rare_every
        if every > 0 and self.dfs.docs - self.dfs.pruned_at >= every:
            load_all(self.dfs.df, self.stories.postings)  # pruning walks them whole
            dropped = self.dfs.prune_rare(keep=self.stories.postings)
            log.info("forgot %d features seen in one of %d documents", dropped, self.dfs.docs)
        if stored(self.dfs.df, self.stories.postings):  # read from rows: one read per batch
            keys: set[str] = set()  # every feature of the batch (the union of feature_keys)
            for it in fresh:
                keys.update(counts[it.id].terms)
                keys.update([ENTITY_PREFIX + e for e in counts[it.id].entities])
            prefetch(self.dfs.df, keys)
            prefetch(self.stories.postings, keys)
        # the IDF of a batch is known before any of its articles is placed: update first
        for it in fresh:
            if it.id not in junk:
                self.dfs.add_article(counts[it.id].terms, counts[it.id].entities)

        vectors: list[Vector] = []
        entity_vectors: dict[str, Vector] = {}
        names: dict[str, Counter[str]] = {}
        short: dict[str, bool] = {}
        for it in fresh:
            found = counts.pop(it.id)  # raw counts are big: keep only the vectors and names
            terms, ents = found.terms, found.entities
            names[it.id] = found.names
            if it.id in junk:  # an empty vector retrieves nothing and is never retrieved
                terms, ents = Counter(), Counter()
            words = len(terms) - sum(map(str.startswith, terms, repeat(BIGRAM_PREFIX)))
            short[it.id] = words <= opts.short_text_terms
            bigram_weight = opts.short_bigram_weight if short[it.id] else opts.bigram_weight
            vectors.append(
                weighted_vector(
                    terms, ents, self.dfs, opts.entity_weight, opts.max_terms, bigram_weight
                )
            )
            entity_vectors[it.id] = weighted_vector(Counter(), ents, self.dfs, 1.0, opts.max_terms)
        n_short = sum(short.values())
        if opts.grouping == "linkage" and 2 * n_short <= len(fresh):
            # headline batches keep the single pass: tried with dense vectors, linkage
            # over headlines broke the UCI stories (hundreds of headlines each) apart
            dense = self._encode(fresh, junk)
            touched = self._assign_by_linkage(fresh, vectors, days, dense)
        else:
            touched = self._assign_in_one_pass(fresh, vectors, days, short)
        for it in fresh:
            story = self.stories.groups[self.assigned[it.id]]
            for k, v in entity_vectors[it.id].items():
                story.entities[k] = story.entities.get(k, 0.0) + v
            story.prune(opts.max_story_terms)
            if it.id not in junk:
                self.storylines.observe(story.id, names[it.id])

        self._place_storylines(touched)
        return [
            Assignment(id=i, story=self.assigned[i], storyline=self._storyline_of(i))
            for i in sorted(batch)
        ]

    def _encode(self, fresh: list[ClusterItem], junk: set[str]) -> np.ndarray | None:
        """Unit sentence vectors of the fresh articles (zeros for junk), or None (lexical)."""
        if self.encoder is None or not fresh:
            return None
        texts = [encoder_text(it.title or "", it.text or "") for it in fresh]
        vectors = np.asarray(self.encoder.encode(texts), dtype=np.float64)
        for n, it in enumerate(fresh):
            if it.id in junk:
                vectors[n] = 0.0
        return vectors

    def _dense_candidates(self, dense: np.ndarray, block: int = 1024) -> set[str]:
        """Earlier stories among each article's ``max_candidates`` nearest by dense cosine:
        a paraphrase shares no indexed word with the story it belongs to."""
        ids = sorted(gid for gid, g in self.stories.groups.items() if g.dense is not None)
        if not ids:
            return set()
        sums = np.array([self.stories.groups[gid].dense for gid in ids], dtype=np.float64)
        centroids = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
        k = min(self.options.max_candidates, len(ids))
        found: set[str] = set()
        for start in range(0, dense.shape[0], block):
            sims = dense[start : start + block] @ centroids.T
            top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
            for row, cols in enumerate(top):
                found.update(ids[c] for c in cols if sims[row, c] > 0)
        return found

    def _assign_by_linkage(
        self,
        fresh: list[ClusterItem],
        vectors: list[Vector],
        days: dict[str, float | None],
        dense: np.ndarray | None = None,
    ) -> list[str]:
        """Retrospective grouping of the batch (``cluster.batch``); returns new story ids.

        Earlier stories are retrieved through the inverted index and take part as fixed
        nodes, so they keep their ids; a new story's id comes from its first member.
        """
        opts = self.options
        seen: set[str] = set()
        # a first batch has no earlier story to retrieve: no query to build per article
        for vec in vectors if self.stories.groups else ():
            if vec:
                seen.update(self.stories.candidates(vec, opts, self._query(vec)))
        if dense is not None:
            seen.update(self._dense_candidates(dense))
        earlier = in_time([self.stories.groups[sid] for sid in sorted(seen)], days.values(), opts)
        blend = None
        if dense is not None:
            width = dense.shape[1]
            # a story made before dense vectors were on has none: it links lexically only
            sums = np.array([g.dense or [0.0] * width for g in earlier], dtype=np.float64)
            blend = Dense(dense, sums.reshape(len(earlier), width), opts.dense_weight)
        # the pile an article's background is measured in: this batch and all placed before
        pile = len(self.assigned) + len(fresh)
        placed = regroup(vectors, [days[it.id] for it in fresh], earlier, opts, blend, pile)
        created: list[str] = []
        for group in placed:
            if group.story is not None:
                story = earlier[group.story]
            else:
                story = self.stories.new_group(fresh[group.members[0]].id)
                created.append(story.id)
            for n in group.members:
                story.add(vectors[n], days[fresh[n].id])
                if dense is not None:
                    story.add_dense(dense[n])
                self.assigned[fresh[n].id] = story.id
            story.prune(opts.max_story_terms)
            self.stories.index(story, story.unit_vector(), opts.index_terms)
        return created

    def _assign_in_one_pass(
        self,
        fresh: list[ClusterItem],
        vectors: list[Vector],
        days: dict[str, float | None],
        short: dict[str, bool],
    ) -> list[str]:
        """Single pass, refinement, merge of new stories, split of mixed ones; returns new
        story ids."""
        opts = self.options
        # the batch's document frequencies are fixed now: one query per article
        queries = [self._query(v) for v in vectors]
        thresholds = [
            opts.short_join_threshold if short[it.id] else opts.join_threshold for it in fresh
        ]
        touched = self._assign_single_pass(fresh, vectors, days, queries, thresholds)
        touched = self._refine(fresh, vectors, days, touched, queries, thresholds)
        touched = self._merge_new_stories(touched, fresh, short)
        touched, split = self._split_mixed_stories(touched, fresh, vectors, days, short)
        if split:
            # the 2-means halves are rough: re-place the articles of split stories only
            redo = [n for n, it in enumerate(fresh) if self.assigned[it.id] in split]
            touched = self._refine(
                [fresh[n] for n in redo],
                [vectors[n] for n in redo],
                days,
                touched,
                [queries[n] for n in redo],
                [thresholds[n] for n in redo],
            )
        return touched

    def add_in_batches(self, items: list[ClusterItem]) -> list[Assignment]:
        """``add`` in date-ordered batches of ``options.batch_articles``, sorted by id.

        A big ingest then holds one batch's features at a time and the document
        frequencies are pruned between batches; earlier batches' assignments stay valid
        (later batches never move an article placed before).
        """
        last_date = {it.id: it.date for it in items}  # a repeated id: its last line's date
        batches = date_batches(
            [it.id for it in items], [last_date[it.id] for it in items], self.options.batch_articles
        )
        if len(batches) == 1:
            return self.add(items)
        found: dict[str, Assignment] = {}
        for batch in batches:
            found.update((a.id, a) for a in self.add([items[i] for i in batch]))
        return [found[i] for i in sorted(found)]

    def story_of(self, article_id: str) -> str | None:
        return self.assigned.get(article_id)

    def storyline_of(self, article_id: str) -> str | None:
        return self._storyline_of(article_id) or None if article_id in self.assigned else None

    # ----------------------------------------------------------------- batch grouping
    def _query(self, vec: Vector) -> list[tuple[str, float]]:
        # a feature no other article has cannot retrieve anything: query with shared ones
        get = self.dfs.df.get
        return top_features(
            {k: v for k, v in vec.items() if get(k, 0) > 1}, self.options.query_terms
        )

    def _assign_single_pass(
        self,
        fresh: list[ClusterItem],
        vectors: list[Vector],
        days: dict[str, float | None],
        queries: list[list[tuple[str, float]]],
        thresholds: list[float],
    ) -> list[str]:
        """Each article, in date-then-id order, joins its best story or opens one."""
        opts = self.options
        created: list[str] = []
        for it, vec, query, threshold in zip(fresh, vectors, queries, thresholds, strict=True):
            day = days[it.id]
            score, story = self.stories.best(vec, day, opts, opts.time_tau_days, query)
            if story is None or score < threshold:
                story = self.stories.new_group(it.id)
                created.append(story.id)
            story.add(vec, day)
            story.prune(opts.max_story_terms)
            self.stories.index(story, vec, opts.index_terms)
            self.assigned[it.id] = story.id
        return created

    def _refine(
        self,
        fresh: list[ClusterItem],
        vectors: list[Vector],
        days: dict[str, float | None],
        created: list[str],
        queries: list[list[tuple[str, float]]],
        thresholds: list[float],
    ) -> list[str]:
        """Re-place each article of the batch against the final centroids (k-means style).

        Single-pass decisions depend on what had arrived before; once the whole batch is
        placed, an article moves to a better story if one exists. Stories from earlier
        batches only gain or lose articles of this batch, so their ids survive.
        """
        opts = self.options
        groups = self.stories.groups
        for _ in range(opts.refine_passes):
            moved = 0
            for it, vec, query, threshold in zip(fresh, vectors, queries, thresholds, strict=True):
                if not vec:
                    continue
                day = days[it.id]
                own = groups[self.assigned[it.id]]
                own.remove(vec)
                tau = opts.time_tau_days
                score, best = self.stories.best(vec, day, opts, tau, query)
                own_score = 0.0
                if own.size > 0:
                    decay = time_decay(day, own.first, own.last, opts.time_grace_days, tau)
                    own_score = own.cosine(vec) * decay
                if best is None or score < threshold or own_score >= score:
                    best = own
                best.add(vec, day)
                if best is not own:
                    moved += 1
                    self.stories.index(best, vec, opts.index_terms)
                    self.assigned[it.id] = best.id
                    if own.size == 0:
                        del groups[own.id]
            if not moved:
                break
        return [sid for sid in created if sid in groups]

    def _merge_new_stories(
        self, created: list[str], fresh: list[ClusterItem], short: dict[str, bool]
    ) -> list[str]:
        """Fold a story opened in this batch into an older one it turned out to match.

        Single-pass order can split an event when its first articles were atypical; with
        the whole batch placed, story centroids are compared once (stricter threshold:
        centroids are smoother than articles). The older story keeps its id.
        """
        opts = self.options
        if opts.merge_threshold >= 1.0 or not created:
            return created
        rank = {sid: n for n, sid in enumerate(created)}
        members: dict[str, list[str]] = defaultdict(list)
        for it in fresh:
            members[self.assigned[it.id]].append(it.id)
        survivors: list[str] = []
        for sid in created:
            story = self.stories.groups[sid]
            # a story made mostly of headlines merges at the looser headline threshold
            batch_members = members.get(sid, [])
            n_short = sum(1 for aid in batch_members if short[aid])
            threshold = (
                opts.short_merge_threshold
                if 2 * n_short > len(batch_members)
                else opts.merge_threshold
            )
            unit = unit_vector(story.total)
            best_score, target = 0.0, None
            for gid in self.stories.candidates(unit, opts, self._query(unit)):
                if gid == sid or rank.get(gid, -1) >= rank[sid]:
                    continue
                other = self.stories.groups[gid]
                decay = time_decay_span(story, other, opts)
                score = other.cosine(unit) * decay
                if score > best_score:
                    best_score, target = score, other
            if target is None or best_score < threshold:
                survivors.append(sid)
                continue
            absorb(target, story)
            target.prune(opts.max_story_terms)
            for key in sorted(story.indexed - target.indexed):
                target.indexed.add(key)
                self.stories.postings[key].append(target.id)
            for aid in members.pop(sid, []):
                self.assigned[aid] = target.id
                members[target.id].append(aid)
            del self.stories.groups[sid]
        return survivors

    def _split_mixed_stories(
        self,
        created: list[str],
        fresh: list[ClusterItem],
        vectors: list[Vector],
        days: dict[str, float | None],
        short: dict[str, bool],
    ) -> tuple[list[str], set[str]]:
        """Split a story of this batch whose two halves are less alike than ``split_threshold``.

        Only stories opened in this batch are split (all their members are fresh), so
        earlier stories and their ids are untouched; the half holding the story's earliest
        member keeps the id. Returns the surviving story ids and the ids of both halves of
        every split story.
        """
        opts = self.options
        split: set[str] = set()
        if not created:
            return created, split
        vec_of = {it.id: vec for it, vec in zip(fresh, vectors, strict=True)}
        members: dict[str, list[str]] = defaultdict(list)
        for it in fresh:  # date-then-id order
            members[self.assigned[it.id]].append(it.id)
        out: list[str] = []
        for sid in created:
            ids = members.get(sid, [])
            out.append(sid)
            if len(ids) < opts.split_min_size:
                continue
            n_short = sum(1 for aid in ids if short[aid])
            threshold = (
                opts.short_split_threshold if 2 * n_short > len(ids) else opts.split_threshold
            )
            if threshold <= 0:
                continue
            second, cosine = two_means([vec_of[a] for a in ids])
            if not second or cosine >= threshold:
                continue
            moving = {ids[i] for i in second}
            if len(moving) < opts.split_min_part or len(ids) - len(moving) < opts.split_min_part:
                continue
            if ids[0] in moving:  # the earliest member's half keeps the id
                moving = set(ids) - moving
            old = self.stories.groups[sid]
            kept = Group(id=sid, parent=old.parent, indexed=old.indexed)
            new = self.stories.new_group(min(moving, key=ids.index))
            for aid in ids:
                target = new if aid in moving else kept
                target.add(vec_of[aid], days[aid])
                if target is new:
                    self.assigned[aid] = new.id
                    self.stories.index(new, vec_of[aid], opts.index_terms)
            kept.prune(opts.max_story_terms)
            new.prune(opts.max_story_terms)
            self.stories.groups[sid] = kept
            out.append(new.id)
            split.update((sid, new.id))
        return out, split

    # ----------------------------------------------------------------- storylines
    def _storyline_of(self, article_id: str) -> str:
        story = self.stories.groups[self.assigned[article_id]]
        return story.parent or ""

    def _place_storylines(self, new_story_ids: list[str]) -> None:
        """Give each story created in this batch a storyline (``cluster.storylines``)."""
        placed = self.storylines.place(new_story_ids, self.stories.groups)
        for sid, line in placed.items():
            self.stories.groups[sid].parent = line

    # ----------------------------------------------------------------- state
    def to_state(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "options": {k: getattr(self.options, k) for k in sorted(vars(self.options))},
            "docs": self.dfs.docs,
            "df_pruned_at": self.dfs.pruned_at,
            "df": dict(sorted(self.dfs.df.items())),
            "stories": self.stories.to_state(),
            "storylines": self.storylines.to_state(),
            "assigned": dict(sorted(self.assigned.items())),
        }

    @classmethod
    def from_state(
        cls, state: dict[str, Any], options: ClusterOptions | None = None
    ) -> StoryClusterer:
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported clusterer state version: {state.get('version')!r}")
        if options is None:  # options a newer version dropped are ignored
            known = {f.name for f in fields(ClusterOptions)}
            saved = state.get("options", {})
            options = ClusterOptions(**{k: v for k, v in saved.items() if k in known})
        clusterer = cls(options)
        clusterer.dfs = DocumentFrequencies(
            docs=int(state["docs"]),
            df=Counter(state["df"]),
            # a state saved before pruning existed starts counting now
            pruned_at=int(state.get("df_pruned_at", state["docs"])),
        )
        clusterer.stories.load(state["stories"])
        clusterer.storylines = StorylineLinker.from_state(state["storylines"], options)
        clusterer.assigned = dict(state["assigned"])
        return clusterer
