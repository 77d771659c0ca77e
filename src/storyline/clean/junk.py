"""Recognise documents and sentences that are not news prose.

Real piles contain web-archive crawl notices standing in for an article, social-media
widgets ("Tweet with a location"), cookie walls, newsletter sign-up forms and captions. A
document is junk when such boilerplate makes up most of it; a sentence is junk when it is
boilerplate itself (a photo credit, "Click here to ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Phrases of boilerplate itself: widgets, consent walls, sign-up forms, crawl notices,
# error pages. Matched on the lower-cased text (substring search is ~50x faster than one
# big regex).
_BOILERPLATE_PHRASES = (
    "archive-it",
    "crawl data",
    "these crawls",
    "web crawl",
    "web captures",
    # an Internet Archive collection's description ("Crawl of outlinks from wikipedia.org
    # started March, 2016. These files are currently not publicly accessible.")
    "crawl of outlinks",
    "files are currently not publicly accessible",
    "properties of this collection",
    "tweet with a location",
    "add location information to your tweets",
    "tweet location history",
    "cookies and similar technologies",
    "store and/or access information on a device",
    "personalised ads and content",
    "personalized ads and content",
    "manage preferences",
    "manage your privacy settings",
    "cookie settings",
    "cookie preferences",
    "accept cookies",
    "accept all cookies",
    "enable javascript",
    "javascript is disabled",
    "your browser is",
    "your browser does",
    "join our mailing list",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "page not found",
    # a blog host's placeholder for a site whose address is not set up yet ("Your custom
    # domain mapping may take as little as 15-30 minutes to resolve")
    "domain mapping",
    "access denied",
    "403 forbidden",
    "404 not found",
    "you have reached the limit",
    "already a subscriber",
    "log in to continue",
    "create a free account",
)
# Phrases that boilerplate uses but news is also written about (a privacy-policy change,
# the Internet Archive's lawsuit): they add weight to boilerplate, never decide alone.
_TOPICAL_PHRASES = (
    "wayback machine",
    "internet archive",
    "use cookies",
    "uses cookies",
    "use of cookies",
    "privacy policy",
    "terms of service",
    "terms of use",
    "cookie policy",
    "ad blocker",
    "adblocker",
)
# what only a web archive's crawl description says: "The seed for this crawl was a list
# of every host", "The seed for Wide00014 was:", "Election crawls performed by IA", "The
# WARC files associated with this crawl", "Crawl start date" (a tournament's seed or a
# pub crawl is written otherwise)
_CRAWL_SEED = re.compile(
    r"\bthe seeds? (?:list )?for (?:this |these |the )?(?:crawls?|[a-z_-]*\d[\w-]*) (?:was|were)\b"
    r"|\bcrawls? performed by\b|\bwarc files?\b|\bseedlist\b|\bcrawl (?:start|end) date\b"
)

_CRAWL_SHEET_WORDS = 800

# a paragraph cut off by the site that lists it: "... according to new ..."
_TEASER_END = re.compile(r"(?:\.\.\.|…)\s*$")
_TEASER_MIN_PARAGRAPHS = 5


def _is_teaser_list(text: str) -> bool:
    """A site's index of other stories: most of its paragraphs are teasers cut off with an
    ellipsis; an article may end a quote or two with one, not most of its paragraphs."""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if len(paragraphs) < _TEASER_MIN_PARAGRAPHS:
        return False
    cut = sum(1 for p in paragraphs if _TEASER_END.search(p))
    return cut * 10 >= len(paragraphs) * 7


_JUNK_SENTENCE_START = re.compile(
    r"(?:photo|image|video|file|credit|caption|advertisement|related|read more|see also"
    r"|click (?:here|below|the (?:link|button))|follow (?:us|him|her)|sign up|subscribe|share this"
    r"|email|watch|listen)\b",
    re.IGNORECASE,
)
_JUNK_SENTENCE_PHRASES = (
    "getty images",
    "ap photo",
    "reuters/",
    "click here",
    "all rights reserved",
    "\u00a9",
    "http://",
    "https://",
    "www.",
    "pic.twitter",
    "newsletter",
    "push notifications",
)
# the page's own notices, told from reporting on the same words ("a copyright claim over
# Klingon", "100,000 subscribers", "a cookie" in a lunch box): a copyright line with its
# year or sign, a subscription prompt, a cookie banner
_JUNK_SENTENCE_WORDS = re.compile(
    r"\b(?:image )?copyright\s*(?:\(c\)|\d{4}\b)|\bimage copyright\b|^copyright\b(?=[^.]*/)"
    r"|\bcopyright(?:ed)? protected\b"
    r"|\b(?:un)?subscrib(?:e|ing)\b|\bcookies? (?:policy|settings|preferences)\b"
    r"|\b(?:use|uses|accept|enable|allow)s? cookies\b",
    re.IGNORECASE,
)
_HANDLE = re.compile(r"@\w")


def junk_reason(text: str, word_count: int) -> str | None:
    """Why ``text`` is not a news article, or None when it looks like one."""
    if word_count == 0:
        return "empty"
    lowered = text.lower()
    seed = _CRAWL_SEED.search(lowered)
    if seed and word_count < 250:  # only a crawl's own description says this
        return f"boilerplate ({seed.group()})"
    # a longer description of a crawl gives its data sheet: two of these ("seedlist",
    # "crawl start date", "crawl end date", ...); news of a web archive quotes none
    if seed and word_count < _CRAWL_SHEET_WORDS and len(set(_CRAWL_SEED.findall(lowered))) >= 2:
        return f"boilerplate ({seed.group()})"
    if _is_teaser_list(text):
        return "an index of other stories' teasers"
    hits = [(lowered.count(p), p) for p in _BOILERPLATE_PHRASES if p in lowered]
    if not hits:
        return None
    hits += [(lowered.count(p), p) for p in _TOPICAL_PHRASES if p in lowered]
    # an article may mention the Internet Archive or a privacy policy once; a notice is
    # dense, or short and made of several such phrases
    dense = sum(n for n, _ in hits) * 60 >= word_count
    if dense or (word_count < 250 and len(hits) >= 2):
        return f"boilerplate ({hits[0][1]})"
    return None


def not_news_reason(texts: Iterable[str]) -> str | None:
    """Why a group of texts (a story's articles) is no news at all: the first text's
    reason when every text has one; None when any reads as news, or there is none."""
    first: str | None = None
    for text in texts:
        reason = junk_reason(text, len(text.split()))
        if reason is None:
            return None
        first = first or reason
    return first


# a photo caption's date: the weekday and the whole date with its year ("... exits the
# stage after the award at the Oscars on Sunday, Feb. 26, 2017, at the Dolby Theatre");
# agency captions write it so, reporting names the day or the date ("on Sunday")
_CAPTION_DATE = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s+(?:jan|feb|march|april|may|june|july"
    r"|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)


# a past-tense verb the full date is the time of ("was sentenced on Tuesday, April 11,
# 2017", "said Monday, Oct. 28, 2013, that", "died Friday, ..."): reporting's form. A
# caption shows what a picture shows in the present ("Berlusconi sits in the lower chamber
# ..., in Rome, Friday, Oct. 14, 2011"), its date set off by a comma or after a place
_REPORTED_ON = re.compile(
    r"\b(?:[a-z]{2,}ed|said|told|was|were|had|did|met|began|took|made|held|gave|won|lost|left"
    r"|came|went|found|saw|became|fell|rose|struck|shot|spoke|wrote|sent|paid|sold|ran"
    r"|brought|bought|thought|knew|flew|led|broke|chose|drove|hit|put|set|quit|cut|hid"
    r"|arrived|died|resigned)(?:\s+on)?\s+$"
)
_PICTURE_WORDS = re.compile(r"\b(?:photos?|pictures?|images?|file)\b", re.IGNORECASE)


# an agency caption's close: the place, then the whole date with no "on" ("... speaks to
# the media at a hotel in Kathmandu, Nepal May 30, 2016."; "... at the courthouse in Paris,
# April 22, 2015."); reporting dates an act "on" its day ("was arrested in Paris on April
# 22, 2015")
_CAPTION_PLACE_DATE = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:(?:\s+|,\s*)[A-Z][\w.'’-]*)*,?\s+"
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+\d{1,2},\s+(?:19|20)\d\d\.?$"
)
# a caption tells its picture in the present ("speaks", "is seen", "work"); a past tense
# outside a relative clause ("were signed at Camp David September 17, 1978", "was born in
# Chicago, Ill., March 3, 1950", "died at her home in Manhattan, March 3, 2015") is
# reporting that writes its date without "on" (a caption's "who were shot", "which were
# being rung" describe someone in the picture)
_TOLD_IN_THE_PAST = re.compile(r"(?<!\bwho )(?<!\bwhich )(?<!\bthat )\b(?:was|were|died)\b")
# Getty Images' caption opening: the place, a dash, the day in capitals and a colon
# ("WASHINGTON, DC - JUNE 18: Former Congresswoman Gabby Giffords throws out the first
# pitch ..."; a dateline cut may leave "JUNE 18: ..." alone)
_CAPTION_DAY_LABEL = re.compile(
    r"^(?:[A-Z][A-Z.'’ ]*,\s+[A-Z][A-Za-z.]*\s+[-–—]\s+)?(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY"
    r"|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)\s+\d{1,2}:\s"
)


def _caption_dated(text: str) -> bool:
    """Does the sentence carry a caption's full date (weekday, date and year) without a
    reporting form around it (a past-tense verb of which it is the time, no picture
    named), close on a place and a whole date, or open on Getty's day label?"""
    if _CAPTION_DAY_LABEL.match(text):
        return True
    if _CAPTION_PLACE_DATE.search(text.rstrip()) and not _TOLD_IN_THE_PAST.search(text):
        return True
    found = _CAPTION_DATE.search(text)
    if found is None:
        return False
    # a picture named before the date or right after it is what the date is of ("this
    # photo released on Monday, ...", "In this Friday, Oct. 14, 2011 file photo"); one in
    # the reported clause after it is news about pictures ("Police said Monday, Oct. 28,
    # 2013, that images of the suspect were fake")
    before, after = text[: found.start()], text[found.end() :]
    if _PICTURE_WORDS.search(before) or _PICTURE_WORDS.match(after.lstrip(" ,")):
        return True
    return _REPORTED_ON.search(text[: found.start()]) is None


# where a person stands in the picture: "Zainab al-Khawaja (L) is greeted by ...", "(2nd
# R)", "(L-R)", "(left)", "(centre)"; only a caption points at its photo so ("(R)" alone is
# left out: it is a party's letter after a politician's name), or says it is "a file photo"
# ("in a file photo", "this file photo": news that "police released a file photo" stays),
# or points at "this" picture, dated or credited ("X is shown in this June 27, 2011 file
# photo", "X, in this photograph provided by the City Hall April 22, 2015, is seen ..."):
# reporting says "a photo" and what it shows; only a caption stands beside "this" one
_CAPTION_POINTER = re.compile(
    r"\((?:(?:\d(?:st|nd|rd|th)\s+)?(?:L|left|center|centre|front|rear)(?:\s*[-,]\s*(?:R|right"
    r"|front|rear|back|top|bottom|row))?|\d(?:st|nd|rd|th)\s+(?:R|right)|L\s*-\s*R|left to right"
    r"|from left|right|center|centre)\)"
    r"|(?i:\b(?:in (?:a|this|the)|this|is a) file (?:photo|picture|image|photograph)\b)"
    r"|(?i:\bin this (?:this )?(?:(?:undated|handout|family|courtesy|file|evidence|(?:\w+\.? )?\d{1,2},? \d{4},?"
    r"|\d{4},?)\s+){1,3}(?:photo|photograph|picture|image|video)s?\b(?!-))"
    r"|(?i:\bin this (?:photo|photograph|picture|image|video)s?,? (?:provided|released|taken"
    r"|obtained|made available|distributed|posted|shared) (?:by|from|on|to)\b)"
)


# a sentence in capitals throughout is shouted page matter (a broadcast's closed captions,
# a banner, a headline set in caps), never the reporting a summary quotes, and the tagger,
# which reads case, makes names, figures and claims of its every word; an acronym or two
# leave most letters lower case
_SHOUTED_MIN_LETTERS = 20
_SHOUTED_SHARE = 0.7


def is_shouted(text: str) -> bool:
    """Is the sentence written in capitals (70% of at least 20 letters)?"""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < _SHOUTED_MIN_LETTERS:
        return False
    return sum(ch.isupper() for ch in letters) >= _SHOUTED_SHARE * len(letters)


def is_junk_sentence(text: str) -> bool:
    """Is a sentence page matter rather than reporting: a widget's label, a link, a handle,
    a photo caption's dated line or its pointer at a person in the picture?"""
    if _JUNK_SENTENCE_START.match(text) or _caption_dated(text):
        return True
    if _CAPTION_POINTER.search(text):
        return True
    lowered = text.lower()
    if any(phrase in lowered for phrase in _JUNK_SENTENCE_PHRASES):
        return True
    if _JUNK_SENTENCE_WORDS.search(text):
        return True
    return "@" in text and _HANDLE.search(text) is not None


# A photo caption's credit, or a caption widget: never a headline ("Getty Images / DANIEL
# LEAL-OLIVAS / Contributor", "AP Photo/Evan Vucci", "REUTERS/Kevin Lamarque", "Hayne
# Palmour IV Share Photo", "Photo by ...", "Copyright Marvel Comics"). An agency's name alone is no credit ("Getty
# Images sues ...", "Reuters/Ipsos poll ..."): it needs a slash beside it, in a short line.
_CREDIT = re.compile(
    r"(?i:\b(?:photo|image|picture)s? (?:by|credit|courtesy)\b|\b(?:photo|image|picture|credit)s?:"
    r"|\b(?:share|enlarge|expand|view) (?:photo|image)s?\W*$)"
    r"|(?i:^(?=[^/]*/)(?=.{0,120}$)\W*(?:\S+\s+){0,10}?\S*\b(?:getty images|ap photo|afp|epa(?:-efe)?"
    r"|shutterstock|istockphoto|contributor|stringer|staff photographer)\b)"
    r"|\bREUTERS ?/"
    # a picture's rights line, a holder's name only: "Copyright Marvel Comics"
    r"|^\W*(?i:copyright)\s+[A-Z][\w&.'’-]*(?:\s+(?:[A-Z][\w&.'’-]*|&)){0,2}\W*$"
)


def is_credit(text: str) -> bool:
    """Is ``text`` a photo credit or caption widget rather than a headline or sentence?"""
    return _CREDIT.search(text) is not None
