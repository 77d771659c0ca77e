"""Stance engine on hand-written articles: one per stance, evidence offsets, determinism,
the shipped model file, and the tree export against scikit-learn."""

import gzip
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from storyline.link.stance import MODEL_RESOURCE, StanceResult, load_model, stance, stance_many
from storyline.link.stance_features import (
    _CUE_WORDS,
    _NEAR,
    _NEAR_NAMES,
    _STOP,
    _TOP,
    CONFIRM,
    FEATURE_NAMES,
    REFUTE,
    _cues_near_claim_words,
    _is_negation,
    _sentence_level,
    aligned_order,
    analyse_body,
    analyse_claim,
    cue_terms,
    pair_features,
    sentence_scores,
)
from storyline.link.stance_features import HEDGE as HEDGE_WORDS
from storyline.link.stance_trees import TreeEnsemble, export_hist_gradient_boosting
from storyline.nlp.sentences import split_sentences

# sha256 (first 16 hex digits) of the shipped model, as README's stance section records it
SHIPPED_MODEL_SHA256 = "28dcee517dc256e9"

CLAIM = "Singer Marla Quinn has died in a car crash in Nevada"

AGREE = (
    "Singer Marla Quinn died in a car crash in Nevada on Sunday, police confirmed.\n"
    "The 34-year-old singer was killed when her car left the highway near Reno, the Nevada"
    " Highway Patrol said. Her family confirmed the death in a statement and asked for"
    " privacy.\nQuinn sold millions of albums and won two Grammy awards."
)
DENIAL = (
    "Reports that singer Marla Quinn died in a car crash are a hoax, her publicist said on"
    " Tuesday.\nQuinn's spokesman denied reports that the singer had been killed in Nevada"
    ' and said she is alive and well. "Marla is fine, this story is completely false," he'
    " said.\nThe fake news story spread on social media after a satirical website published"
    " it. Quinn herself posted a photo on Twitter to debunk the rumor."
)
HEDGE = (
    "Singer Marla Quinn has reportedly died in a car crash in Nevada, according to"
    " unconfirmed reports circulating on social media.\nThe claims could not be verified."
    " Her representatives have not responded to requests for comment, and it is unclear"
    " where the rumors started.\nIf true, the singer would be the third star to die this"
    " year."
)
UNRELATED = (
    "The city council approved a new budget for parks and schools on Tuesday night after a"
    " long debate.\nThe budget adds money for three new playgrounds and repairs to the"
    " central library. Council members voted 7 to 2."
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [(AGREE, "agree"), (DENIAL, "disagree"), (HEDGE, "discuss"), (UNRELATED, "unrelated")],
    ids=["agree", "denial", "hedge", "unrelated"],
)
def test_each_kind_of_article_gets_its_stance(body, expected):
    result = stance(CLAIM, body)
    assert result.stance == expected
    assert 0.0 < result.score <= 1.0


@pytest.mark.parametrize("body", [AGREE, DENIAL, HEDGE])
def test_evidence_slices_whole_sentences_of_the_body_about_the_claim(body):
    result = stance(CLAIM, body)
    assert result.evidence, "a related article cites the sentence that decides it"
    assert list(result.evidence) == sorted(result.evidence)
    for start, end in result.evidence:
        sentence = body[start:end]
        assert sentence == sentence.strip() and sentence[0].isupper()
        assert sentence[-1] in '.!?"'
        assert 0 <= start < end <= len(body)
    first = body[slice(*result.evidence[0])]
    assert "Quinn" in first or "singer" in first


def test_denial_evidence_includes_the_refuting_sentence():
    cited = " ".join(
        body_slice for body_slice in (DENIAL[s:e] for s, e in stance(CLAIM, DENIAL).evidence)
    )
    assert "hoax" in cited or "denied" in cited


def test_unrelated_article_cites_nothing():
    assert stance(CLAIM, UNRELATED).evidence == ()


def test_batch_equals_single_calls_and_is_deterministic():
    pairs = [(CLAIM, b) for b in (AGREE, DENIAL, HEDGE, UNRELATED)] * 2
    first = stance_many(pairs)
    assert first == stance_many(pairs)
    assert first == [stance(c, b) for c, b in pairs]
    assert all(isinstance(r, StanceResult) for r in first)


def test_empty_and_odd_inputs_do_not_break():
    assert stance(CLAIM, "").stance == "unrelated"
    assert stance("", AGREE).stance == "unrelated"
    assert stance_many([]) == []
    assert stance(CLAIM, "no sentence punctuation at all").evidence == ()


def test_to_dict_is_the_extract_format():
    d = stance(CLAIM, AGREE).to_dict()
    assert set(d) == {"stance", "score", "evidence"}
    assert all(set(e) == {"start", "end"} for e in d["evidence"])


def test_shipped_model_is_small_and_matches_the_feature_list():
    from importlib import resources

    raw = resources.files("storyline.link").joinpath("data", MODEL_RESOURCE).read_bytes()
    # stage 2 is six tree ensembles (the full model and the five inner-fold ones it is
    # averaged with): about 2.8 MB
    assert len(raw) < 4 * 1024 * 1024
    data = json.loads(gzip.decompress(raw))
    assert tuple(data["features"]) == FEATURE_NAMES
    assert load_model().stance.classes == ("agree", "disagree", "discuss")
    # the file scripts/train_stance.py makes byte for byte: its sha256 is the one the
    # README records (retraining means updating both)
    assert hashlib.sha256(raw).hexdigest()[:16] == SHIPPED_MODEL_SHA256
    readme = Path(__file__).resolve().parents[2] / "README.md"
    assert f"sha256 `{SHIPPED_MODEL_SHA256}`" in readme.read_text(encoding="utf-8")


def test_stage_2_is_the_mean_of_its_models():
    from dataclasses import replace

    from storyline.link.stance_model import RELATED_STANCES

    model = load_model()
    assert len(model.stance_folds) == 5
    rows = np.random.RandomState(0).rand(7, len(FEATURE_NAMES) + len(RELATED_STANCES))
    members = [
        m.probabilities(rows)[:, [m.classes.index(s) for s in RELATED_STANCES]]
        for m in (model.stance, *model.stance_folds)
    ]
    # one walk over all members' trees gives exactly what each member gives alone
    np.testing.assert_array_equal(model.stage2(rows), sum(members) / len(members))
    np.testing.assert_allclose(replace(model, stance_folds=()).stage2(rows), members[0])
    # the members differ (each saw other bodies), so the mean is not any one of them
    assert not np.allclose(members[0], members[1])


def test_a_pair_called_unrelated_skips_stage_2_and_the_rest_are_unchanged():
    model = load_model()
    pairs = model.pairs([(CLAIM, UNRELATED), (CLAIM, DENIAL), (CLAIM, AGREE)])
    rows = model.predict(pairs)
    assert model.decide(rows[0]) == 3 and rows[0][:3].tolist() == [0.0, 0.0, 0.0]
    for i in (1, 2):
        # a related pair reads the same in a batch with a skipped one as alone
        np.testing.assert_array_equal(rows[i], model.predict([pairs[i]])[0])
        assert rows[i][:3].sum() > 0


@pytest.mark.parametrize("n_classes", [2, 3])
def test_exported_trees_predict_what_scikit_learn_predicts(n_classes):
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.RandomState(0)
    X = rng.normal(size=(400, 5))
    y = np.array(["a", "b", "c"])[(X[:, 0] > 0).astype(int) + (X[:, 1] > 0.5) * (n_classes - 2)]
    model = HistGradientBoostingClassifier(max_iter=20, random_state=0).fit(X, y)
    ours = TreeEnsemble.from_json(json.loads(json.dumps(export_hist_gradient_boosting(model))))
    assert ours.classes == tuple(model.classes_)
    np.testing.assert_allclose(ours.probabilities(X), model.predict_proba(X), atol=1e-6)


def test_extract_stance_file_both_formats_and_a_bad_line(tmp_path):
    from typer.testing import CliRunner

    from storyline.cli import app

    src = tmp_path / "in.jsonl"
    lines = [
        json.dumps({"id": "p1", "claim": CLAIM, "body": AGREE}),
        "{not json",
        json.dumps({"id": "p2", "claim": CLAIM}),
        json.dumps(
            {
                "body_id": "b1",
                "body": DENIAL,
                "claims": [
                    {"id": "c1", "claim": CLAIM, "stance": "agree"},  # gold ignored
                    {"id": "c2", "claim": "Budget for parks approved by council"},
                ],
            }
        ),
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", "stance", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["p1", "line-2", "p2", "c1", "c2"]
    assert "invalid JSON" in rows[1]["error"] and "body" in rows[2]["error"]
    assert rows[0]["stance"] == "agree" and rows[3]["stance"] == "disagree"
    assert rows[4]["stance"] == "unrelated" and rows[4]["evidence"] == []
    for row, body in ((rows[0], AGREE), (rows[3], DENIAL)):
        assert set(row) == {"id", "stance", "score", "evidence"}
        sentences = {(s.start, s.end) for s in split_sentences(body)}
        assert row["evidence"] and all((e["start"], e["end"]) in sentences for e in row["evidence"])
    first = out.read_bytes()
    CliRunner().invoke(app, ["extract", "stance", str(src), "-o", str(out)])
    assert out.read_bytes() == first


def test_decision_factors_are_tuned_toward_a_rare_stance_and_applied():
    from storyline.link.stance_model import tune_scales

    # disagree is always second best by a little: only a factor > 1 on it finds it
    gold = ["agree"] * 40 + ["disagree"] * 10 + ["discuss"] * 50
    probs = np.array([[0.7, 0.1, 0.2]] * 40 + [[0.45, 0.35, 0.2]] * 10 + [[0.1, 0.1, 0.8]] * 50)
    scales = tune_scales(probs, gold)
    assert scales[1] > 1.0 and scales[2] == 1.0
    assert (probs * np.asarray(scales)).argmax(axis=1).tolist() == [0] * 40 + [1] * 10 + [2] * 50
    # nothing to gain: the factors stay at 1
    assert tune_scales(np.eye(3)[[0, 1, 2] * 5], ["agree", "disagree", "discuss"] * 5) == (
        1.0,
        1.0,
        1.0,
    )
    model = load_model()
    row = np.array([0.30, 0.28, 0.22, 0.20])
    assert model.decide(row) == int((row[:3] * np.asarray(model.scales)).argmax())
    assert model.decide(np.array([0.1, 0.1, 0.1, 0.7])) == 3  # unrelated first


def test_cue_terms_carry_the_aligned_sentences_words_not_the_claims():
    from storyline.link.stance_features import (
        analyse_body,
        analyse_claim,
        cue_terms,
        sentence_scores,
    )

    model = load_model()
    claim = analyse_claim(CLAIM, model.idf)
    body = analyse_body(DENIAL, model.idf)
    terms = cue_terms(claim, body, sentence_scores(claim, body))
    assert "a:publicist" in terms and "a:alive" in terms  # words of the aligned sentences
    assert not any(t in terms for t in ("a:quinn", "a:singer", "a:crash"))  # the claim's own
    assert "t:hoax" in terms and "a:hoax" not in terms  # a cue word keeps its own term


def test_claim_side_and_the_aligned_words_paired_with_it():
    from storyline.link.stance_features import (
        analyse_body,
        analyse_claim,
        claim_side,
        cue_terms,
        sentence_scores,
    )

    model = load_model()
    hoax_claim = "Report that singer Marla Quinn died in a car crash is a hoax"
    sides = {
        CLAIM: "-",
        hoax_claim: "R",
        "Marla Quinn did not die in a car crash": "R",
        "Singer Marla Quinn reportedly died in a car crash": "H",
        "Did Marla Quinn die in a car crash?": "H",
    }
    for text, side in sides.items():
        assert claim_side(analyse_claim(text, model.idf)) == side, text
    body = analyse_body(DENIAL, model.idf)
    stating, denying = analyse_claim(CLAIM, model.idf), analyse_claim(hoax_claim, model.idf)
    states = cue_terms(stating, body, sentence_scores(stating, body))
    denies = cue_terms(denying, body, sentence_scores(denying, body))
    # the same aligned word under each claim's side; the claim's own words stay out
    assert "q:false|-" in states and "q:false|R" in denies
    assert "q:hoax|-" in states and not any(t.startswith("q:hoax") for t in denies)
    assert not any(t.startswith(("q:quinn|", "q:the|")) for t in states)


# --- the per-body cache -----------------------------------------------------------------
# The features read body-side facts cached once per body (cue words with the stems around
# them, word sets, sentences per cue kind). Each cached reading is checked against a direct
# rescan of the body's tokens, the way the features were computed before the cache, on
# several claims per body: the cache must not change a single value.

BODIES = [AGREE, DENIAL, HEDGE, UNRELATED, "No.", ""]
CLAIMS = [
    CLAIM,
    "Report that singer Marla Quinn died in a car crash is a hoax",
    "Marla Quinn did not die in a car crash",
    "Singer Marla Quinn reportedly died in Nevada?",
    "Council approves budget for 3 new playgrounds",
]


def _rescan_near_claim(tokens, stems, claim_stems):
    hits = [i for i, s in enumerate(stems) if s in claim_stems]
    near = [0, 0, 0, 0]
    for i, tok in enumerate(tokens):
        if hits and any(abs(i - h) <= _NEAR for h in hits):
            for k, lexicon in enumerate((REFUTE, HEDGE_WORDS, CONFIRM)):
                near[k] += tok in lexicon
            near[3] += _is_negation(tok)
    return near


def _rescan_sentence_level(claim, body, scores):
    claim_set = frozenset(claim.stems)
    near_names = [0.0, 0.0, 0.0]
    near_words, best_refute, best_negation = 0.0, 0.0, 0.0
    for i, sentence in enumerate(body.sentences):
        name_at = [j for j, s in enumerate(sentence.stems) if s in claim.names]
        word_at = [j for j, s in enumerate(sentence.stems) if s in claim_set]
        for j, tok in enumerate(sentence.tokens):
            kinds = (tok in REFUTE, _is_negation(tok), tok in HEDGE_WORDS)
            if any(abs(j - h) <= _NEAR_NAMES for h in name_at):
                for k, hit in enumerate(kinds):
                    near_names[k] += hit
            if any(abs(j - h) <= _NEAR_NAMES for h in word_at):
                near_words += kinds[0]
                if kinds[0]:
                    best_refute = max(best_refute, scores[i])
                if kinds[1]:
                    best_negation = max(best_negation, scores[i])
    top = aligned_order(scores)[:_TOP]
    in_top = {s for i in top for s in body.sentences[i].stems}
    in_top_share = (
        sum(1 for w in claim.names if w in in_top) / len(claim.names) if claim.names else 1.0
    )
    return [*near_names, near_words, best_refute, best_negation], in_top_share


def _rescan_body_terms(claim, body, scores):
    claim_words = frozenset(claim.tokens)
    top = aligned_order(scores)[:_TOP]
    terms = {f"b:{t}" for s in body.sentences for t in s.tokens if t in _CUE_WORDS}
    terms |= {f"t:{t}" for i in top for t in body.sentences[i].tokens if t in _CUE_WORDS}
    if body.sentences:
        terms |= {f"l:{t}" for t in body.sentences[0].tokens if t in _CUE_WORDS}
    for i in top:
        toks = body.sentences[i].tokens
        negated = {toks[j + 1] for j in range(len(toks) - 1) if _is_negation(toks[j])}
        terms |= {f"n:{t}" for t in negated if t not in _STOP}
    return {t for t in terms if t[2:] not in claim_words}


@pytest.mark.parametrize(
    "body_text", BODIES, ids=["agree", "denial", "hedge", "unrelated", "no", "empty"]
)
def test_cached_body_facts_read_like_a_rescan_of_the_tokens(body_text):
    idf = load_model().idf
    body = analyse_body(body_text, idf)
    n = len(body.sentences)
    for k in range(4):
        assert body.with_cue[k] == tuple(i for i, s in enumerate(body.sentences) if s.cues[k])
    for text in CLAIMS:
        claim = analyse_claim(text, idf)
        claim_set = frozenset(claim.stems)
        scores = sentence_scores(claim, body)
        for sentence in body.sentences:
            rescan = _rescan_near_claim(sentence.tokens, sentence.stems, claim_set)
            assert _cues_near_claim_words(sentence, claim_set) == rescan
        level = _sentence_level(claim, body, scores, aligned_order(scores))
        scanned, in_top = _rescan_sentence_level(claim, body, scores)
        # _sentence_level's cue-near-names ... best_negation, then names_in_top
        assert level[5:11] == scanned, text
        assert level[12] == in_top
        terms = cue_terms(claim, body, scores)
        body_terms = {t for t in terms if t[:2] in ("b:", "t:", "l:", "n:")}
        assert body_terms == _rescan_body_terms(claim, body, scores), text
        row = dict(zip(FEATURE_NAMES, pair_features(claim, body, scores), strict=True))
        first_refute = next((i / n for i, s in enumerate(body.sentences) if s.cues[0]), 1.0)
        assert row["first_refute_at"] == first_refute
        assert row["body_questions"] == (body.text.count("?") / n if n else 0.0)
        quotes = body.text.count('"') + body.text.count("\u201c")
        assert row["body_quote_marks"] == (quotes / n if n else 0.0)
