"""Issue 12 screening of extra stage-2 columns and decision slack, on cached pair analyses.

    PYTHONPATH=src:bench .venv/bin/python bench/stance_columns.py cues --dir D [--only K ...]
    PYTHONPATH=src:bench .venv/bin/python bench/stance_columns.py run NAME [NAME ...] --dir D [--slack S ...]

Works on the caches of ``bench/stance_disagree.py cache`` (folds by body, or by story with
``--story``). ``cues`` fits the shipped cue model once per outer fold (out of fold inside
training, as ``train`` does) and stores its training and held-out probabilities next to
the fold (``fold{k}.cues.npz``): a trial that only adds stage-2 columns leaves the cue
model alone, so ``run`` then refits stage 2 alone (about a minute a trial, not 38).
``run`` prints FNC, macro-F1 and per-class F1 at the old shipped factors (2.2 / 2.5), at
the plain argmax, with factors tuned inside the training folds for each ``--slack`` (what
``train`` does with MACRO_SLACK; the row to compare with ``eval stance``), and the oracle
disagree F1 over a grid of factors on the held-out pairs (an upper bound, never reported).
``compare A:slackS B:slackS`` bootstraps the disagree F1 difference over held-out bodies.

Issue 12g (disagree F1 by body / by story; FNC, macro-F1 by body). ``base`` (shipped)
reruns bit for bit: 2.2/2.5 0.447 / 0.269; factors tuned inside training (slack 0.01,
what ``train`` does) 0.443 / 0.271, FNC 0.881, macro 0.728: the same figures as ``eval
stance``. Slack 0.0 (macro-F1 only): 0.448 / 0.272 (by story +0.0006, bootstrap 90%
[-0.007, +0.008]); slack 0.02-0.05 pick the same factors as 0.01 by body and score 0.263
by story. ``all`` (contrast, opposite, verbneg and hedge columns, 16 in all): ``eval
stance`` with them in stage 2 FNC 0.8825, macro 0.729, disagree 0.444 by body; by story
0.257 (slack 0.01; 0.255 at 2.2/2.5; oracle 0.270 against 0.276): lower, bootstrap 90%
[-0.031, +0.004], so not shipped.
"""

from __future__ import annotations

import argparse
import pickle
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from stance_disagree import _contrast_columns, _tuned_factors
from stance_trials import SHIPPED_FACTORS, _decide, oracle_line, score_line

from storyline.evaluate.stance import score
from storyline.link.stance_features import (
    _CUE_WORDS,
    _QUOTE_MARKS,
    CONFIRM,
    HEDGE,
    NEGATION,
    REFUTE,
    _cue_tokens,
    _is_negation,
    aligned_order,
    claim_side,
    cue_terms,
)
from storyline.link.stance_model import (
    DISAGREE_WEIGHT,
    INNER_FOLDS,
    RELATED_STANCES,
    Pair,
    _boosted,
    _fit_cue_model,
    body_folds,
)

Columns = Callable[[Sequence[Pair]], Any]


def _upgrade(pairs: Sequence[Pair]) -> None:
    """Caches pickled before the body-side cue scans were cached on Body and Sentence lack
    those fields: fill them in exactly as ``analyse_body`` computes them (no IDF needed)."""
    seen: set[int] = set()
    for p in pairs:
        body = p.body
        if id(body) in seen or hasattr(body, "cue_words"):
            continue
        seen.add(id(body))
        for s in body.sentences:
            toks, stems = s.tokens, s.stems
            assert len(toks) == len(stems)
            negated = frozenset(toks[j + 1] for j in range(len(toks) - 1) if _is_negation(toks[j]))
            for name, value in (
                ("words", frozenset(toks)),
                ("stem_set", frozenset(stems)),
                ("negated", negated),
                ("cue_tokens", _cue_tokens(toks, stems)),
            ):
                object.__setattr__(s, name, value)
        sentences = body.sentences
        words = frozenset().union(*(s.words for s in sentences))
        for name, value in (
            ("cue_words", words & _CUE_WORDS),
            ("lead_cue_words", sentences[0].words & _CUE_WORDS if sentences else frozenset()),
            (
                "with_cue",
                tuple(tuple(i for i, s in enumerate(sentences) if s.cues[k]) for k in range(4)),
            ),
            ("question_marks", body.text.count("?")),
            ("quote_marks", sum(body.text.count(q) for q in _QUOTE_MARKS)),
        ):
            object.__setattr__(body, name, value)


def _load(cache: Path, k: int) -> dict[str, Any]:
    with (cache / f"fold{k}.pkl").open("rb") as handle:
        d: dict[str, Any] = pickle.load(handle)  # noqa: S301 - our own cache file
    _upgrade(d["pairs"])
    _upgrade(d["test_pairs"])
    return d


def build_cues(cache: Path, folds: Sequence[int]) -> None:
    for k in folds:
        start = time.perf_counter()
        d = _load(cache, k)
        labels = d["labels"]
        terms = [cue_terms(p.claim, p.body, p.scores) for p in d["pairs"]]
        inner = np.asarray(body_folds(d["keys"], INNER_FOLDS))
        oof = np.zeros((len(labels), len(RELATED_STANCES)))
        for j in range(INNER_FOLDS):
            on, held = np.flatnonzero(inner != j), np.flatnonzero(inner == j)
            cue_j = _fit_cue_model([terms[i] for i in on], [labels[i] for i in on])
            oof[held] = cue_j.probabilities([terms[i] for i in held])
        cues = _fit_cue_model(terms, labels)
        test = cues.probabilities([cue_terms(p.claim, p.body, p.scores) for p in d["test_pairs"]])
        np.savez(cache / f"fold{k}.cues.npz", train=oof, test=test)
        print(f"fold {k}: {time.perf_counter() - start:.0f} s", flush=True)


# --- candidate columns ----------------------------------------------------------------

# opposite pairs news uses when one report contradicts another ("found alive" against
# "killed", "released" against "arrested"): general words, no story's names
_OPPOSITES = (
    ("alive", "dead died dies killed death kill slain executed beheaded murdered"),
    ("survived survives survive", "died dies dead killed"),
    ("real genuine authentic", "fake hoax staged photoshopped doctored"),
    ("true", "false untrue fake"),
    ("released freed", "arrested detained captured jailed kidnapped"),
    ("safe", "missing kidnapped killed dead"),
    ("found", "missing lost"),
    ("innocent", "guilty"),
    ("open opened", "closed shut"),
    ("win won wins", "lost lose loses"),
    ("accepted accepts", "rejected rejects declined"),
    ("married", "divorced divorcing split"),
    ("rumor rumour rumors rumours", "confirmed"),
)
_ANTONYM: dict[str, frozenset[str]] = {}
for _left, _right in _OPPOSITES:
    for _a in _left.split():
        _ANTONYM[_a] = _ANTONYM.get(_a, frozenset()) | frozenset(_right.split())
    for _b in _right.split():
        _ANTONYM[_b] = _ANTONYM.get(_b, frozenset()) | frozenset(_left.split())


def _opposite_columns(pairs: Sequence[Pair]) -> Any:
    """A claim word whose opposite (and not the word itself) occurs in the best-aligned
    sentences, weighted by alignment; and anywhere in the body."""
    rows = []
    for p in pairs:
        claim_words = frozenset(p.claim.tokens)
        opposite = frozenset().union(*(_ANTONYM.get(t, frozenset()) for t in claim_words))
        opposite -= claim_words
        top = aligned_order(p.scores)[:3]
        in_top = max(
            (p.scores[i] for i in top if not opposite.isdisjoint(p.body.sentences[i].words)),
            default=0.0,
        )
        anywhere = sum(1 for s in p.body.sentences if not opposite.isdisjoint(s.words))
        rows.append([in_top, float(anywhere)])
    return np.asarray(rows, dtype=np.float64).reshape(len(pairs), 2)


def _verb_negation_columns(pairs: Sequence[Pair]) -> Any:
    """Negation scope on the claim's predicate: a negation right before (within 3 tokens)
    one of the claim's non-name content words in a best-aligned sentence, and the same
    predicate word asserted there without a negation; polarity flip between claim and the
    aligned sentence that carries the predicate ("X is dead" / "X is not dead")."""
    rows = []
    for p in pairs:
        predicate = frozenset(s for s in p.claim.stems if s not in p.claim.names)
        claim_negated = p.claim.cues[3] > 0
        negated = asserted = 0.0
        flip = 0.0
        for i in aligned_order(p.scores)[:3]:
            s = p.body.sentences[i]
            for j, st in enumerate(s.stems):
                if st not in predicate:
                    continue
                neg = any(_is_negation(t) for t in s.tokens[max(0, j - 3) : j])
                if neg:
                    negated = max(negated, p.scores[i])
                else:
                    asserted = max(asserted, p.scores[i])
                if neg != claim_negated:
                    flip = max(flip, p.scores[i])
        rows.append([negated, asserted, flip])
    return np.asarray(rows, dtype=np.float64).reshape(len(pairs), 3)


def _kinds(words: frozenset[str], claim_words: frozenset[str]) -> tuple[bool, bool, bool]:
    own = words - claim_words
    return (not own.isdisjoint(REFUTE), not own.isdisjoint(HEDGE), not own.isdisjoint(CONFIRM))


def _hedge_assert_columns(pairs: Sequence[Pair]) -> Any:
    """How the claim's side meets the aligned sentences': the claim states and the best
    aligned sentence refutes / hedges / confirms / carries no cue, and the claim hedges and
    the sentence confirms or refutes (as alignment-weighted indicator columns)."""
    rows = []
    for p in pairs:
        side = claim_side(p.claim)
        claim_words = frozenset(p.claim.tokens)
        top = aligned_order(p.scores)[:3]
        cols = [0.0] * 6
        for i in top:
            s = p.body.sentences[i]
            refute, hedge, confirm = _kinds(s.words, claim_words)
            w = p.scores[i]
            if side == "-":
                cols[0] = max(cols[0], w * refute)
                cols[1] = max(cols[1], w * (hedge and not refute))
                cols[2] = max(cols[2], w * (confirm and not (refute or hedge)))
                cols[3] = max(cols[3], w * (not (refute or hedge or confirm)))
            elif side == "H":
                cols[4] = max(cols[4], w * refute)
                cols[5] = max(cols[5], w * (confirm and not hedge))
        rows.append(cols)
    return np.asarray(rows, dtype=np.float64).reshape(len(pairs), 6)


def _negations(toks: Sequence[str]) -> int:
    return sum(1 for t in toks if t in NEGATION or _is_negation(t))


def _all_columns(pairs: Sequence[Pair]) -> Any:
    return np.hstack(
        [
            _contrast_columns(pairs),
            _opposite_columns(pairs),
            _verb_negation_columns(pairs),
            _hedge_assert_columns(pairs),
        ]
    )


TRIALS: dict[str, Columns | None] = {
    "base": None,
    "contrast": _contrast_columns,
    "opposite": _opposite_columns,
    "verbneg": _verb_negation_columns,
    "hedge": _hedge_assert_columns,
    "all": _all_columns,
}


def run_trial(
    name: str, columns: Columns | None, cache: Path, folds: int, slacks: Sequence[float]
) -> None:
    start = time.perf_counter()
    gold: list[str] = []
    bodies: list[int] = []
    probabilities, related = [], []
    tuned: list[list[Any]] = [[] for _ in slacks]
    for k in range(folds):
        d = _load(cache, k)
        cue = np.load(cache / f"fold{k}.cues.npz")
        keep = np.flatnonzero(d["test_related"])
        test_pairs = [d["test_pairs"][i] for i in keep]
        x = [d["dense"], cue["train"]]
        t = [d["test_dense"][keep], cue["test"][keep]]
        if columns is not None:
            x.append(columns(d["pairs"]))
            t.append(columns(test_pairs))
        xs, ts = np.hstack(x), np.hstack(t)
        labels = np.asarray(d["labels"])
        model = _boosted(300, 0.05).fit(
            xs, labels, sample_weight=np.where(labels == "disagree", DISAGREE_WEIGHT, 1.0)
        )
        print(
            f"  {name} fold {k}: stage 2 fitted at {time.perf_counter() - start:.0f} s", flush=True
        )
        order = [list(model.classes_).index(c) for c in RELATED_STANCES]
        p = np.zeros((len(d["test_gold"]), len(RELATED_STANCES)))
        if len(keep):
            p[keep] = model.predict_proba(ts)[:, order]
        if slacks:
            for j, f in enumerate(_tuned_factors(xs, labels, d["keys"], slacks)):
                tuned[j].append(p * f)
                print(f"  {name} fold {k} slack {slacks[j]}: factors {f}", flush=True)
        probabilities.append(p)
        related.append(d["test_related"])
        gold += d["test_gold"]
        bodies += [hash(q.body.text) for q in d["test_pairs"]]
    p, r = np.vstack(probabilities), np.concatenate(related)
    for tag, factors in (("2.2/2.5", SHIPPED_FACTORS), ("argmax", (1.0, 1.0, 1.0))):
        print(score_line(name, tag, score(gold, _decide(p, r, factors))))
    calls = {}
    for slack, rows in zip(slacks, tuned, strict=True):
        calls[f"slack{slack}"] = np.asarray(_decide(np.vstack(rows), r, (1.0, 1.0, 1.0)))
        print(score_line(name, f"slack{slack:<4}", score(gold, list(calls[f"slack{slack}"]))))
    # held-out calls and body texts, for the paired bootstrap of ``compare``
    np.savez(
        cache / f"calls.{name}.npz",
        gold=np.asarray(gold),
        bodies=np.asarray(bodies, dtype=np.int64),
        **calls,
    )
    print(oracle_line(name, gold, p, r, time.perf_counter() - start), flush=True)


def _disagree_f1(gold: Any, calls: Any) -> float:
    hits = int(np.sum((gold == "disagree") & (calls == "disagree")))
    n = int(np.sum(gold == "disagree")) + int(np.sum(calls == "disagree"))
    return 2 * hits / n if n else 0.0


def compare(cache: Path, spec_a: str, spec_b: str, rounds: int = 1000) -> None:
    """Paired bootstrap over held-out bodies of disagree F1, trial A minus trial B (each
    ``NAME:slackS``): the share of resamples where A wins says whether a gain is noise."""
    runs = []
    for spec in (spec_a, spec_b):
        name, key = spec.split(":")
        runs.append(np.load(cache / f"calls.{name}.npz"))
    gold, bodies = runs[0]["gold"], runs[0]["bodies"]
    a, b = runs[0][spec_a.split(":")[1]], runs[1][spec_b.split(":")[1]]
    groups = np.unique(bodies, return_inverse=True)[1]
    members = [np.flatnonzero(groups == g) for g in range(groups.max() + 1)]
    rng = np.random.RandomState(0)
    diffs = []
    for _ in range(rounds):
        idx = np.concatenate([members[g] for g in rng.randint(0, len(members), len(members))])
        diffs.append(_disagree_f1(gold[idx], a[idx]) - _disagree_f1(gold[idx], b[idx]))
    d = np.asarray(diffs)
    print(
        f"{spec_a} - {spec_b}: disagree {_disagree_f1(gold, a):.4f} - {_disagree_f1(gold, b):.4f}"
        f" = {_disagree_f1(gold, a) - _disagree_f1(gold, b):+.4f}; bootstrap over"
        f" {len(members)} bodies: 90% [{np.percentile(d, 5):+.4f}, {np.percentile(d, 95):+.4f}],"
        f" A ahead in {np.mean(d > 0):.0%}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=("cues", "run", "compare"))
    parser.add_argument("args", nargs="*")
    parser.add_argument("--dir", type=Path, default=Path("/tmp/stance-disagree"))
    parser.add_argument("--folds", type=int, default=5, help="the first N outer folds only")
    parser.add_argument("--only", type=int, nargs="*", help="cues: these outer folds only")
    parser.add_argument("--slack", type=float, nargs="*", default=[], help="tune factors")
    options = parser.parse_args()
    if options.command == "cues":
        build_cues(options.dir, options.only if options.only else range(options.folds))
        return
    if options.command == "compare":
        compare(options.dir, options.args[0], options.args[1])
        return
    for name in options.args or ["base"]:
        if name not in TRIALS:
            raise SystemExit(f"unknown trial {name!r}; known: {', '.join(TRIALS)}")
        run_trial(name, TRIALS[name], options.dir, options.folds, options.slack)


if __name__ == "__main__":
    main()
