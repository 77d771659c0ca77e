"""Whole-line rules for page matter that scraped news carries beside the article: a
video player's messages, link bars, share counters, a closed comment box, a site's
tagline, a bare time stamp, a video caption closed by its credit, the outlet's note on its
own article, a related link closed by "Read more".

Each pattern must match a whole line (``fullmatch``, case-insensitive unless marked), so
a sentence that only mentions these words is never cut. They join the boilerplate rule
table (``storyline.clean.boilerplate.LINE_RULES``) after its own rules.
"""

from __future__ import annotations

from storyline.clean.line_rule import MONTH as _MONTH
from storyline.clean.line_rule import WEEKDAY as _WEEKDAY
from storyline.clean.line_rule import Rule
from storyline.clean.line_rule import line_rule as _rule

_CLOCK = r"\d{1,2}:\d{2}\s*([ap]\.?m\.?)?(\s+(?-i:[A-Z]{2,4}))?"
# a person's name in a credit: two to four capitalised words
_PERSON = r"(?-i:[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]*){1,3})"
# an outlet's name: capitalised words, "The" or "&" among them
_OUTLET = r"(?-i:[A-Z][\w.'’&-]*(\s+([A-Z][\w.'’&-]*|&|of|the)){0,5})"
# a line that cites its source: "..., Smith said.", "..., the agency says", "according to"
_CITED = r"(?!.*(\baccording to\b|,\s+[^,]{1,60}\s+(said|says|told \w+|reported)\.?$))"


WIDGET_RULES: tuple[Rule, ...] = (
    _rule(
        "video player",
        # a video host's messages when its player is flattened to text
        r"the interactive transcript could not be loaded\.?",
        r"rating is available when the video has been rented\.?",
        r"this feature is not available right now\.( please try again later\.?)?",
        # a player's "View" button glued to its clip's title and caption: "View Trump picks
        # Gorsuch for Supreme Court President Donald Trump picks ..." (prose that opens on
        # the imperative names no capitalised clip: "View the report here"; a headline
        # "View From the Bridge" has no caption after it, so no closing stop)
        r"(?=.{0,400}$)(?-i:View (?!the\b|a\b|an\b|this\b|more\b)[A-Z][\w'’-]*)\s.*[.!?]",
    ),
    _rule(
        "link bar",
        # a site's links under a capitalised label, set off by bars: "MORE | Two girls
        # missing ... | MAP: Where the bodies were found", "TIMELINE | 13-year-old girls
        # go missing" (prose never opens on a label and a bar)
        r"(?=.{0,400}$)(?-i:[A-Z]{2,}(\s[A-Z]{2,}){0,2})\s*\|\s*\S.*",
    ),
    _rule(
        "share prompt",
        # a share counter: "Help spread the word! Share Tweet 3.2k total shares" ("share
        # tweet" side by side is a row of buttons, never prose)
        r"(?=.{0,200}$).*\b(share\s+tweet|tweet\s+share)\b.*",
        r"(?=.{0,60}$)[\d.,]+\s*[km]?\s+(total\s+)?shares(\s+total\s+shares)?",
    ),
    _rule(
        "comment form",
        # a closed comment box: "89 Comments Sorry, comments for this post are now closed."
        r"(\d[\d,]*\s+comments?\s+)?(sorry,?\s+)?comments (for|on) this (post|article|story|page)"
        r" (are|have been) (now )?closed\.?",
        r"(\d[\d,]*\s+comments?\s+)?(sorry,?\s+)?comments are (now )?closed\.?",
    ),
    _rule(
        "site tagline",
        # an encyclopedia's page header
        r"from wikipedia,? the free encyclopedia",
    ),
    _rule(
        "dateline",
        # a bare time stamp, maybe labelled: "UPDATE: November 8, 8:25 AM CST", "Nov. 8,
        # 2016 at 8:25 a.m."
        r"((update|updated|posted|published|last updated)\s*:?\s+)?("
        + _WEEKDAY
        + r")?"
        + _MONTH
        + r"\s+\d{1,2}(st|nd|rd|th)?(,?\s+(19|20)\d\d)?,?\s+(at\s+)?"
        + _CLOCK,
        # a blog's day heading: "Sunday, November 6"
        _WEEKDAY + _MONTH + r"\s+\d{1,2}(st|nd|rd|th)?",
    ),
    _rule(
        "video caption",
        # a caption closed by the credit of its video or photo in brackets, a person and an
        # outlet: "President Trump has announced Judge Neil Gorsuch ... (Victoria
        # Walker/The Washington Post)"; an article's paragraph never ends on one
        r"(?=.{0,500}$).*[.!?][\"”’']?\s+\(" + _PERSON + r"\s*/\s*" + _OUTLET + r"\)",
    ),
    _rule(
        "editor's note",
        # the outlet's note on the article itself, never its reporting: "This article was
        # amended on 9 June 2016. Two quotes ...", "This story is updated at the bottom with
        # a response from ...", "An earlier version of this story misstated ..." (news of
        # another thing's update names that thing: "The app was updated ..."). The outlet
        # speaks for itself: a line that cites a source is news of some report ("This
        # report was revised after the audit, Smith said.", "..., according to the suit")
        r"(?=.{0,400}$)"
        + _CITED
        + r"((editor'?s'? note|update|correction)\s*:\s*)?this (article|story|post"
        r"|piece|report|column|blog post) (was|has been|is|will be|had been)( being)?"
        r" (updated|amended|corrected|edited|revised|changed)\b.*",
        r"(?=.{0,400}$)"
        + _CITED
        + r"((editor'?s'? note|correction)\s*:\s*)?an earlier version of this"
        r" (article|story|post|piece|report|column)\b.*",
    ),
    _rule(
        "related link",
        # a link to another article, its headline closed by the prompt ("Brock Turner's
        # statement blames sexual assault on Stanford 'party culture' Read more"); a
        # paragraph of prose ends on its own stop, never on "Read more"
        r"(?=.{0,200}$).{8,}\s+(?-i:Read more|READ MORE)\s*[»›→>]?",
    ),
)
