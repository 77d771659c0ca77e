"""Issue 12 screening: cue-model terms and extra stage-2 columns, on cached pair analyses.

    PYTHONPATH=src .venv/bin/python bench/stance_disagree.py cache [DEV.jsonl] [--dir D]
    PYTHONPATH=src .venv/bin/python bench/stance_disagree.py run NAME [NAME ...] [--dir D]

``cache`` analyses, per outer fold of the ``eval stance`` split, the fold's related training
pairs and all its held-out pairs (IDF of the training folds), fits stage 1, and pickles the
analysed pairs, dense features and stage 1's related calls. ``run`` then refits, per fold,
the stacked cue model (out of fold inside training, as ``train`` does) and stage 2 with the
trial's terms and columns, and prints FNC, macro-F1 and per-class F1 at the shipped factors
(2.2 / 2.5), at the plain argmax, and the oracle best disagree F1 over a grid of factors on
the held-out pairs (an upper bound, never a figure to report). Reported figures come from
``storyline eval stance`` (factors tuned inside training).

Issue 12, folds by body (FNC / macro-F1 / disagree F1 at 2.2/2.5; oracle disagree):
``shipped`` 0.878 / 0.724 / 0.429 (0.439); ``qpol`` (aligned words x the claim's side)
0.882 / 0.733 / 0.447 (0.452); ``zpol`` (that, and the claim's words x the body's side,
what is shipped) 0.887 / 0.745 / 0.472 (0.474).

Issue 12f, the same caches (folds by body / by story, disagree F1 at 2.2/2.5; oracle):
``base`` (shipped, with q:) 0.447 / 0.269 as above; ``sides`` (each best-aligned sentence's
cue kinds x the claim's side x alignment strength) by body FNC 0.883, macro-F1 0.736,
disagree 0.457 (oracle 0.467), by story 0.848 / 0.648 / 0.255 (oracle 0.263): below the
shipped terms by story, so not shipped. ``contrast`` (claim numbers missing from the body,
refuting against hedging weight, a claim word negated) was not run: a trial took 38 min
(both caches at once) on the shared 2-core machine.
"""

from __future__ import annotations

import argparse
import pickle
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from stance_trials import SHIPPED_FACTORS, _decide, oracle_line, score_line

from storyline.evaluate.dev_files import resolve_dev_path
from storyline.evaluate.stance import read_dev, score
from storyline.link import stance_model
from storyline.link.stance_features import (
    _CUE_WORDS,
    _STOP,
    CONFIRM,
    HEDGE,
    NEGATION,
    REFUTE,
    Idf,
    aligned_order,
    claim_side,
    cue_terms,
)
from storyline.link.stance_model import (
    DISAGREE_WEIGHT,
    INNER_FOLDS,
    RELATED_STANCES,
    SEED,
    Example,
    Pair,
    _boosted,
    _dense,
    _fit_cue_model,
    analyse_pairs,
    body_folds,
)
from storyline.link.stance_trees import TreeEnsemble, export_hist_gradient_boosting

DEFAULT_DEV = Path("../shared/data/stance-dev/fnc1_train.jsonl")
Terms = Callable[[Pair], list[str]]
Columns = Callable[[Sequence[Pair]], Any]


def _base_terms(p: Pair) -> list[str]:
    return cue_terms(p.claim, p.body, p.scores)


def _without_q(p: Pair) -> list[str]:
    """The cue terms before issue 12's claim-side and body-side terms."""
    return [t for t in _base_terms(p) if not t.startswith(("q:", "z:"))]


@dataclass(frozen=True)
class Trial:
    terms: Terms = _base_terms
    columns: Columns | None = None  # extra stage-2 columns from the pairs


def _polarity(p: Pair) -> str:
    """The body's side in one letter: a refuting cue in a best-aligned sentence (T), only
    elsewhere in the body (B), none (-); cue words the claim itself uses do not count."""
    claim_words = frozenset(p.claim.tokens)
    top = aligned_order(p.scores)[:3]
    if any(t in REFUTE and t not in claim_words for i in top for t in p.body.sentences[i].tokens):
        return "T"
    if any(t in REFUTE and t not in claim_words for s in p.body.sentences for t in s.tokens):
        return "B"
    return "-"


def _claim_words(p: Pair, names: bool) -> set[str]:
    return {s for s in p.claim.stems if names or s not in p.claim.names}


def _zpol(names: bool, main: bool) -> Terms:
    def terms(p: Pair) -> list[str]:
        pol = _polarity(p)
        words = _claim_words(p, names)
        extra = [f"z:{w}|{pol}" for w in words]
        if main:
            extra += [f"h:{w}" for w in words]
        return sorted(set(_base_terms(p) + extra))

    return terms


def _ypairs(p: Pair) -> list[str]:
    claim_words = frozenset(p.claim.tokens)
    claim_cues = [t for t in claim_words if t in _CUE_WORDS] or ["-"]
    body_cues = {t for s in p.body.sentences for t in s.tokens if t in _CUE_WORDS}
    lead = set(p.body.sentences[0].tokens) if p.body.sentences else set()
    extra = [f"y:{a}|{b}" for a in claim_cues for b in body_cues if b not in claim_words]
    extra += [f"w:{a}|{b}" for a in claim_cues for b in lead & _CUE_WORDS if b not in claim_words]
    return sorted(set(_base_terms(p) + extra))


def _claim_polarity(p: Pair) -> str:
    """The claim's own side in one letter: it refutes or negates (R), hedges or asks (H),
    or states (-)."""
    toks = p.claim.tokens
    if any(t in REFUTE or t in NEGATION or t.endswith(("n't", "n\u2019t")) for t in toks):
        return "R"
    if any(t in HEDGE for t in toks) or "?" in p.claim.text:
        return "H"
    return "-"


def _qpol(p: Pair) -> list[str]:
    """The best-aligned sentences' words with the claim's side: "hoax" in the body agrees
    with a claim that says hoax and disagrees with one that states the story."""
    claim_words = frozenset(p.claim.tokens)
    pol = _claim_polarity(p)
    top = {t for i in aligned_order(p.scores)[:3] for t in p.body.sentences[i].tokens}
    extra = [f"q:{t}|{pol}" for t in top if t not in claim_words and t not in _STOP]
    return sorted(set(_without_q(p) + extra))


def _claim_polarity2(p: Pair) -> str:
    toks = p.claim.tokens
    if any(t in REFUTE for t in toks):
        return "R"
    if any(t in NEGATION or t.endswith(("n't", "n\u2019t")) for t in toks):
        return "N"
    if any(t in HEDGE for t in toks) or "?" in p.claim.text:
        return "H"
    return "-"


def _qpol2(p: Pair) -> list[str]:
    claim_words = frozenset(p.claim.tokens)
    pol = _claim_polarity2(p)
    top = {t for i in aligned_order(p.scores)[:3] for t in p.body.sentences[i].tokens}
    extra = [f"q:{t}|{pol}" for t in top if t not in claim_words and t not in _STOP]
    return sorted(set(_without_q(p) + extra))


def _qz(p: Pair) -> list[str]:
    return sorted(set(_qpol(p)) | set(_zpol(names=False, main=False)(p)))


def _sentence_side(tokens: Sequence[str], stems: Sequence[str], claim: Any) -> str:
    """Which cue kinds one sentence carries, as letters: refuting (R), a negation within
    four tokens of a claim word (N), hedging (H), confirming (C); cue words the claim
    itself uses do not count."""
    claim_words = frozenset(claim.tokens)
    claim_set = frozenset(claim.stems)
    letters = set()
    at = [j for j, s in enumerate(stems) if s in claim_set]
    for j, tok in enumerate(tokens):
        if tok in claim_words:
            continue
        if tok in REFUTE:
            letters.add("R")
        elif tok in HEDGE:
            letters.add("H")
        elif tok in CONFIRM:
            letters.add("C")
        elif (tok in NEGATION or tok.endswith(("n't", "n\u2019t"))) and any(
            abs(j - h) <= 4 for h in at
        ):
            letters.add("N")
    return "".join(sorted(letters)) or "-"


def _side_terms(p: Pair) -> list[str]:
    """Each best-aligned sentence's cue kinds with the claim's side and how well the
    sentence aligns: general terms ("a refuting, well-aligned sentence under a stating
    claim") rather than words a story's headlines share."""
    side = claim_side(p.claim)
    out = []
    for rank, i in enumerate(aligned_order(p.scores)[:3]):
        s = p.body.sentences[i]
        letters = _sentence_side(s.tokens, s.stems, p.claim)
        strength = "A" if p.scores[i] > 0.3 else "a" if p.scores[i] > 0.15 else "w"
        out += [f"s{rank}:{letters}|{side}|{strength}", f"s:{letters}|{side}"]
        out += [f"k:{letter}|{side}|{strength}" for letter in letters]
    return out


def _sides(p: Pair) -> list[str]:
    return sorted(set(_base_terms(p) + _side_terms(p)))


def _numbers(text_tokens: Sequence[str]) -> set[str]:
    return {t for t in text_tokens if any(ch.isdigit() for ch in t)}


def _contrast_columns(pairs: Sequence[Pair]) -> Any:
    """Numbers of the claim missing from the body and from its best-aligned sentences;
    refuting against hedging weight in the best-aligned sentences (scaled by alignment);
    a claim word negated in them (negation just before it)."""
    rows = []
    for p in pairs:
        top = aligned_order(p.scores)[:3]
        nums = _numbers(p.claim.tokens)
        body_toks = {t for s in p.body.sentences for t in s.tokens}
        top_toks = {t for i in top for t in p.body.sentences[i].tokens}
        claim_set = frozenset(p.claim.stems)
        refute = sum(p.scores[i] * p.body.sentences[i].cues[0] for i in top)
        hedge = sum(p.scores[i] * p.body.sentences[i].cues[1] for i in top)
        negated = 0.0
        for i in top:
            s = p.body.sentences[i]
            for j, tok in enumerate(s.tokens):
                negation = tok in NEGATION or tok.endswith(("n't", "n\u2019t"))
                if negation and any(st in claim_set for st in s.stems[j + 1 : j + 4]):
                    negated = max(negated, p.scores[i])
        rows.append(
            [
                sum(1 for t in nums if t not in body_toks) / len(nums) if nums else -1.0,
                sum(1 for t in nums if t not in top_toks) / len(nums) if nums else -1.0,
                refute - hedge,
                1.0 if refute > 0 and hedge == 0 else 0.0,
                negated,
            ]
        )
    return np.asarray(rows, dtype=np.float64).reshape(len(pairs), 5)


TRIALS: dict[str, Trial] = {
    "sides": Trial(_sides),
    "contrast": Trial(columns=_contrast_columns),
    "shipped": Trial(_without_q),
    "qpol": Trial(_qpol),
    "qz": Trial(_qz),
    "qpol2": Trial(_qpol2),
    "base": Trial(),
    "zpol": Trial(_zpol(names=False, main=False)),
    "zpol_names": Trial(_zpol(names=True, main=False)),
    "zpol_main": Trial(_zpol(names=False, main=True)),
    "ypairs": Trial(_ypairs),
}


def by_story(examples: Sequence[Example]) -> list[Example]:
    """The examples keyed by story instead of body: bodies linked through a shared related
    headline are one story (191 on FNC-1 dev), so no headline of a held-out story and no
    story's wording is seen in training (a check on how far a gain carries to new stories)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for e in examples:
        root("b" + e.body_key)
        if e.stance != "unrelated":
            parent[root("b" + e.body_key)] = root("c" + e.claim)
    return [replace(e, body_key=root("b" + e.body_key)) for e in examples]


def build_cache(dev: Path, out: Path, story: bool = False, folds: int = 5) -> None:
    examples = by_story(read_dev(dev)) if story else read_dev(dev)
    fold_of = body_folds([e.body_key for e in examples], 5, SEED)
    out.mkdir(parents=True, exist_ok=True)
    for k in range(folds):
        start = time.perf_counter()
        train = [e for e, f in zip(examples, fold_of, strict=True) if f != k]
        test = [e for e, f in zip(examples, fold_of, strict=True) if f == k]
        idf = Idf.fit(sorted({e.body for e in train}) + sorted({e.claim for e in train}))
        pairs = analyse_pairs(idf, [(e.claim, e.body) for e in train])
        dense = _dense(pairs)
        labels = np.array([e.stance for e in train])
        stage1 = TreeEnsemble.from_json(
            export_hist_gradient_boosting(_boosted(200, 0.1).fit(dense, labels != "unrelated"))
        )
        rel = [int(i) for i in np.flatnonzero(labels != "unrelated")]
        test_pairs = analyse_pairs(idf, [(e.claim, e.body) for e in test])
        test_dense = _dense(test_pairs)
        p_related = stage1.probabilities(test_dense)[:, stage1.classes.index("True")]
        comparable = np.array([bool(p.claim.vector) and bool(p.body.vector) for p in test_pairs])
        related = np.where(comparable, p_related, 0.0) >= 0.5
        record = {
            "pairs": [pairs[i] for i in rel],
            "dense": dense[rel],
            "labels": [str(x) for x in labels[rel]],
            "keys": [train[i].body_key for i in rel],
            "test_pairs": test_pairs,
            "test_dense": test_dense,
            "test_related": related,
            "test_gold": [e.stance for e in test],
        }
        with (out / f"fold{k}.pkl").open("wb") as handle:
            pickle.dump(record, handle, protocol=5)
        print(f"fold {k}: {time.perf_counter() - start:.0f} s", flush=True)


def _stage2_inputs(trial: Trial, d: dict[str, Any]) -> tuple[Any, Any]:
    """Training rows (cue columns out of fold) and held-out rows for stage 2."""
    labels = d["labels"]
    terms = [trial.terms(p) for p in d["pairs"]]
    inner = np.asarray(body_folds(d["keys"], INNER_FOLDS))
    oof = np.zeros((len(labels), len(RELATED_STANCES)))
    for j in range(INNER_FOLDS):
        on, held = np.flatnonzero(inner != j), np.flatnonzero(inner == j)
        cue_j = _fit_cue_model([terms[i] for i in on], [labels[i] for i in on])
        oof[held] = cue_j.probabilities([terms[i] for i in held])
    cues = _fit_cue_model(terms, labels)
    test_cue = cues.probabilities([trial.terms(p) for p in d["test_pairs"]])
    train = [d["dense"], oof]
    test = [d["test_dense"], test_cue]
    if trial.columns is not None:
        train.append(trial.columns(d["pairs"]))
        test.append(trial.columns(d["test_pairs"]))
    return np.hstack(train), np.hstack(test)


def _tuned_factors(x: Any, labels: Any, keys: list[str], slacks: Sequence[float]) -> list[Any]:
    """Per slack, the factors ``tune_scales`` picks from stage 2's out-of-fold training
    probabilities (the same inner folds as ``train``)."""
    inner = np.asarray(body_folds(keys, INNER_FOLDS))
    oof = np.zeros((len(labels), len(RELATED_STANCES)))
    for j in range(INNER_FOLDS):
        on, held = np.flatnonzero(inner != j), np.flatnonzero(inner == j)
        m = _boosted(300, 0.05).fit(
            x[on],
            labels[on],
            sample_weight=np.where(labels[on] == "disagree", DISAGREE_WEIGHT, 1.0),
        )
        oof[held] = m.predict_proba(x[held])[
            :, [list(m.classes_).index(c) for c in RELATED_STANCES]
        ]
    out = []
    for slack in slacks:
        stance_model.MACRO_SLACK = slack
        out.append(np.asarray(stance_model.tune_scales(oof, list(labels))))
    return out


def run_trial(
    name: str, trial: Trial, cache: Path, folds: int, slacks: Sequence[float] = ()
) -> None:
    start = time.perf_counter()
    gold: list[str] = []
    probabilities, related = [], []
    tuned: list[list[Any]] = [[] for _ in slacks]
    for k in range(folds):
        with (cache / f"fold{k}.pkl").open("rb") as handle:
            d = pickle.load(handle)  # noqa: S301 - our own cache file
        # held-out pairs stage 1 calls unrelated never reach stage 2
        keep = np.flatnonzero(d["test_related"])
        d["test_pairs"] = [d["test_pairs"][i] for i in keep]
        d["test_dense"] = d["test_dense"][keep]
        x, t = _stage2_inputs(trial, d)
        labels = np.asarray(d["labels"])
        model = _boosted(300, 0.05).fit(
            x, labels, sample_weight=np.where(labels == "disagree", DISAGREE_WEIGHT, 1.0)
        )
        columns = [list(model.classes_).index(c) for c in RELATED_STANCES]
        p = np.zeros((len(d["test_gold"]), len(RELATED_STANCES)))
        p[keep] = model.predict_proba(t)[:, columns]
        if slacks:
            for j, f in enumerate(_tuned_factors(x, labels, d["keys"], slacks)):
                tuned[j].append(p * f)
                print(f"  fold {k} slack {slacks[j]}: factors {f}", flush=True)
        probabilities.append(p)
        related.append(d["test_related"])
        gold += d["test_gold"]
    p, r = np.vstack(probabilities), np.concatenate(related)
    for tag, factors in (("2.2/2.5", SHIPPED_FACTORS), ("argmax", (1.0, 1.0, 1.0))):
        print(score_line(name, tag, score(gold, _decide(p, r, factors))))
    for slack, rows in zip(slacks, tuned, strict=True):
        s = score(gold, _decide(np.vstack(rows), r, (1.0, 1.0, 1.0)))
        print(score_line(name, f"slack{slack:<4}", s))
    print(oracle_line(name, gold, p, r, time.perf_counter() - start), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("cache", "run"))
    parser.add_argument("args", nargs="*")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/stance-disagree"))
    parser.add_argument("--folds", type=int, default=5, help="the first N outer folds only")
    parser.add_argument("--story", action="store_true", help="cache: folds by story, not body")
    parser.add_argument("--slack", type=float, nargs="*", default=[], help="tune factors")
    options = parser.parse_args()
    if options.command == "cache":
        dev = resolve_dev_path(Path(options.args[0]) if options.args else DEFAULT_DEV)
        build_cache(dev, options.dir, options.story, options.folds)
        return
    for name in options.args or ["base"]:
        if name not in TRIALS:
            raise SystemExit(f"unknown trial {name!r}; known: {', '.join(TRIALS)}")
        run_trial(name, TRIALS[name], options.dir, options.folds, options.slack)


if __name__ == "__main__":
    main()
