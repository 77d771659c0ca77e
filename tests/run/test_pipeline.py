import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import assert_brief_offsets, load_brief
from storyline.cli import app
from storyline.run.pipeline import run_brief

BLOG_COPY_HEAD = "Posted by syria-watch-blog\nShare this:\nFacebook Twitter Email\n\n"
BLOG_COPY_TAIL = (
    "\n\nLike this:\nLike Loading...\nRelated\nhttps://syriawatch.example/2012/06/warships\n"
)


@pytest.mark.slow
def test_sample_pile_end_to_end(sample_dir, tmp_path):
    result = run_brief([str(sample_dir)], tmp_path)
    brief = load_brief(tmp_path)
    assert brief["schema_version"] == 2
    assert len(brief["articles"]) == 2
    assert_brief_offsets(brief)
    by_outlet = {a["outlet"]: a for a in brief["articles"]}
    assert set(by_outlet) == {"Financial Times", "Naharnet"}
    assert by_outlet["Naharnet"]["url"] == "https://naharnet.com/stories/en/33935"
    ft = by_outlet["Financial Times"]
    reasons = {r["text"]: r["reason"] for r in ft["removed"]}
    assert "Leave a Reply" in reasons and "Connecting to %s" in reasons
    assert any(t.startswith("You are commenting using your") for t in reasons)
    raw = (sample_dir / "ft-repost-warships.txt").read_text(encoding="utf-8")
    for r in ft["removed"]:
        assert raw[r["start"] : r["end"]] == r["text"]
        assert r["text"] not in ft["text"]
    nah = by_outlet["Naharnet"]
    assert nah["removed"][0]["text"].startswith("Copyright © 2012 Naharnet.com")
    assert "Copyright" not in nah["text"]
    for story in brief["stories"]:
        assert story["summary"] and story["articles"]
    assert {a["story"] for a in brief["articles"]} == {s["id"] for s in brief["stories"]}
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["counts"]["articles_read"] == 2 and manifest["counts"]["inputs_skipped"] == 1
    assert result.usable
    html = (tmp_path / "brief.html").read_text()
    assert "data-cite=" in html and "<mark id=" in html


@pytest.mark.slow
def test_same_pile_twice_and_a_blog_copy(sample_dir, tmp_path):
    first = tmp_path / "first"
    run_brief([str(sample_dir)], first)
    before = load_brief(first)
    run_brief([str(sample_dir)], first)  # same store again: nothing changes
    assert load_brief(first) == before

    pile = tmp_path / "pile"
    shutil.copytree(sample_dir, pile)
    raw = (sample_dir / "ft-repost-warships.txt").read_text(encoding="utf-8")
    (pile / "blog-copy.txt").write_text(BLOG_COPY_HEAD + raw + BLOG_COPY_TAIL, encoding="utf-8")
    second = tmp_path / "second"
    run_brief([str(pile)], second)
    after = load_brief(second)
    assert_brief_offsets(after)
    assert len(after["articles"]) == 3
    copy = next(a for a in after["articles"] if a["source"].endswith("blog-copy.txt"))
    original = next(a for a in after["articles"] if a["source"].endswith("ft-repost-warships.txt"))
    assert copy["duplicate_of"] == original["id"]
    assert copy["story"] == original["story"]
    assert copy["publisher"] == "syria-watch-blog"
    # same stories as before, the copy joining its original's story
    expected = {
        s["id"]: sorted(s["articles"] + ([copy["id"]] if original["id"] in s["articles"] else []))
        for s in before["stories"]
    }
    assert {s["id"]: sorted(s["articles"]) for s in after["stories"]} == expected
    # the summary never cites the duplicate
    cited = {c["article"] for s in after["stories"] for x in s["summary"] for c in x["citations"]}
    assert copy["id"] not in cited


@pytest.mark.slow
def test_outputs_are_byte_identical_across_runs(sample_dir, tmp_path):
    for name in ("a", "b"):
        run_brief([str(sample_dir)], tmp_path / name)
    for fname in ("brief.json", "brief.md", "brief.html", "manifest.json"):
        assert (tmp_path / "a" / fname).read_bytes() == (tmp_path / "b" / fname).read_bytes()


@pytest.mark.slow
def test_cli_bad_batch_keeps_going_and_exit_codes(sample_dir, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (bad / "bad.jsonl").write_text("{oops\n")
    runner = CliRunner()
    out = tmp_path / "out"
    res = runner.invoke(app, ["brief", str(bad), "-o", str(out)])
    assert res.exit_code == 1, res.output
    assert "[E121] binary content, not text" in res.output and "[E120] empty input" in res.output
    assert "no usable article" in res.output

    good = runner.invoke(app, ["brief", str(bad), str(sample_dir), "-o", str(out)])
    assert good.exit_code == 0, good.output
    assert str(out / "brief.html") in good.output.replace("\n", "") or "brief.html" in good.output
    assert len(load_brief(out)["articles"]) == 2
    # the bad JSONL line is a skipped record; empty and binary files are skipped inputs
    counts = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]
    assert (counts["inputs_skipped"], counts["records_skipped"]) == (3, 1), counts
    # a later bad-only run does not lose what is stored
    again = runner.invoke(app, ["brief", str(bad / "empty.txt"), "-o", str(out)])
    assert again.exit_code == 1
    assert len(load_brief(out)["articles"]) == 2


def test_cli_stdin(tmp_path, sample_dir):
    text = (sample_dir / "naharnet-icrc-truce.txt").read_bytes()
    res = CliRunner().invoke(app, ["brief", "-", "-o", str(tmp_path)], input=text)
    assert res.exit_code == 0, res.output
    assert load_brief(tmp_path)["articles"][0]["outlet"] == "Naharnet"


@pytest.mark.skipif(sys.platform == "win32", reason="html escaping check uses posix paths")
def test_brief_html_escapes_article_text(tmp_path):
    pile = tmp_path / "pile"
    pile.mkdir()
    evil = (
        'The minister said <script>alert(1)</script> and <img src=x onerror="alert(2)"> '
        'then <a href="javascript:alert(3)">click</a> in a statement on Monday to reporters.'
    )
    (pile / "evil.txt").write_text(evil + "\n" + evil.replace("minister", "official"))
    run_brief([str(pile)], tmp_path / "out")
    html = (tmp_path / "out" / "brief.html").read_text()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html
    assert "<img src=x" not in html and 'href="javascript:' not in html
    assert Path(tmp_path / "out" / "brief.md").exists()


def test_an_article_too_long_for_the_analysis_keeps_the_run_going(sample_dir, tmp_path):
    from storyline.config import BudgetOptions, Options

    # the FT piece is longer: the option reaches the analysis through the pipeline
    options = Options(budget=BudgetOptions(analysis_max_chars=6000))
    result = run_brief([str(sample_dir)], tmp_path, options=options)
    brief = load_brief(tmp_path)
    assert result.usable and len(brief["stories"]) == 2
    assert_brief_offsets(brief)
    texts = {a["id"]: a["text"] for a in brief["articles"]}
    long_ids = {aid for aid, text in texts.items() if len(text) > 6000}
    assert long_ids
    for story in brief["stories"]:
        for q in story.get("quotes", []):
            assert q["article"] not in long_ids
    skipped = [s for story in brief["stories"] for s in story.get("skipped", [])]
    assert {s["article"] for s in skipped} == long_ids
    assert all(s["reason"].startswith("[E203] article of ") for s in skipped)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert {s["article"] for s in manifest["analysis_skipped"]} == long_ids


def test_a_crawl_notice_is_its_own_story_named_for_what_it_is_and_claims_nothing(
    sample_dir, tmp_path
):
    pile = tmp_path / "pile"
    shutil.copytree(sample_dir, pile)
    (pile / "wayback.txt").write_text(
        "Starting in 1996, Alexa Internet has been donating their crawl data to the Internet "
        "Archive. Flowing in every day, these data are added to the Wayback Machine after an "
        "embargo period.\n",
        encoding="utf-8",
    )
    result = run_brief([str(pile)], tmp_path / "out")
    brief = load_brief(tmp_path / "out")
    assert result.usable
    notice = next(a["id"] for a in brief["articles"] if a["source"].endswith("wayback.txt"))
    (story,) = [s for s in brief["stories"] if notice in s["articles"]]
    assert story["articles"] == [notice]
    assert story["title"] == "Not a news article: boilerplate (crawl data)"
    assert not story.get("claims") and not story.get("entities")
    assert [s["reason"][:6] for s in story["skipped"]] == ["[E204]"]
    assert all(notice not in s["articles"] for s in brief["stories"] if s is not story)


@pytest.mark.slow
def test_executors_give_identical_briefs(sample_dir, tmp_path):
    from storyline.config import Options, RunOptions

    outputs = []
    for name, run in {
        "inprocess": RunOptions(),
        "processes": RunOptions(executor="local", workers=2),
        "dask": RunOptions(executor="dask", workers=2),
    }.items():
        run_brief([str(sample_dir)], tmp_path / name, options=Options(run=run, analysis=False))
        outputs.append((tmp_path / name / "brief.json").read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


@pytest.mark.slow
def test_a_copy_differing_only_in_widgets_is_kept_as_a_duplicate_in_any_order(sample_dir, tmp_path):
    raw = (sample_dir / "naharnet-icrc-truce.txt").read_text(encoding="utf-8")
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "a-original.txt").write_text(raw, encoding="utf-8")
    (pile / "b-repost.txt").write_text(raw + "\nShare this:\nTwitter\nFacebook\n", encoding="utf-8")
    first = run_brief([str(pile / "a-original.txt"), str(pile / "b-repost.txt")], tmp_path / "1")
    second = run_brief([str(pile / "b-repost.txt"), str(pile / "a-original.txt")], tmp_path / "2")
    assert (tmp_path / "1" / "brief.json").read_bytes() == (
        tmp_path / "2" / "brief.json"
    ).read_bytes()
    assert len(first.articles) == 2 == len(second.articles)
    copy = next(a for a in first.articles if a.source.endswith("b-repost.txt"))
    original = next(a for a in first.articles if a.source.endswith("a-original.txt"))
    assert copy.duplicate_of == original.id  # fewer removed spans: the cleaner copy wins


def test_a_file_named_with_a_hash_is_an_input_not_a_record(tmp_path):
    pile = tmp_path / "pile"
    pile.mkdir()
    (pile / "issue#12").write_text("not an article")  # unsupported type: a skipped input
    (pile / "feed.jsonl").write_text('{"text": "A ferry sank off Crete."}\n{oops\n')
    counts = run_brief([str(pile)], tmp_path / "out").counts()
    assert (counts["inputs_skipped"], counts["records_skipped"]) == (1, 1), counts
