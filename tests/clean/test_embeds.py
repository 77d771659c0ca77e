"""Posts a page embeds (a tweet, an Instagram post) are not the article's reporting."""

from storyline.brief.summarize import summarize_documents
from storyline.clean.embeds import embedded_posts, in_embedded_post

TWEET = (
    "Good morning everybody! Went to sleep early last night. So what did I miss? #Oscars "
    "— Steve Harvey (@IAmSteveHarvey) February 27, 2017"
)
TEXT = (
    "The wrong film was named best picture at the Oscars on Sunday night in Los Angeles.\n\n"
    "The accountants handed the presenters the envelope for best actress by mistake.\n\n"
    f"{TWEET}\n\n"
    "The academy said it would review how the envelopes are handled at future ceremonies.\n\n"
    "Steve Harvey, a talk show host, wrote that he did not watch the whole broadcast."
)


def test_a_signed_tweet_line_and_an_instagram_post_are_embedded_posts():
    (post,) = embedded_posts(TEXT)
    assert TEXT[post[0] : post[1]] == TWEET
    assert in_embedded_post([post], TEXT.index("Went to"), TEXT.index("Went to") + 5)
    assert not in_embedded_post([post], 0, 20)
    insta = "Best night ever! A post shared by Jane Doe (@janedoe) on Feb 27, 2017 at 10:16am PST"
    assert embedded_posts(f"The show ended late.\n{insta}") == [(21, 21 + len(insta))]
    # a sentence that names a handle and a day is the article's own prose
    for prose in (
        "Harvey (@IAmSteveHarvey) posted the joke on February 27, 2017, to his fans.",
        "He wrote to Harvey - (@IAmSteveHarvey) - on Monday.",
    ):
        assert embedded_posts(prose) == [], prose


def test_no_summary_sentence_comes_from_an_embedded_tweet():
    other = TEXT.replace("Steve Harvey", "Ann Roe").replace("@IAmSteveHarvey", "@annroe")
    for picked in summarize_documents([TEXT, other], words=400):
        text = [TEXT, other][picked.doc][picked.start : picked.end]
        assert "sleep early" not in text and "what did I miss" not in text, text
