"""Line-level boilerplate removal for plain text (and text extracted from HTML).

Scraped text keeps what the page around the article said: paywall notices, share
prompts, comment forms and social-login widgets, copyright footers, bylines, bare URLs.
Each line is classified by a small, readable rule table; removed lines are kept as
``RemovedSpan``s with offsets into the raw text and the rule's reason, so a user can
audit every cut. Rules match whole lines only, so article sentences that merely
mention "copyright" or "comment" are never cut.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from dataclasses import dataclass

from storyline.clean.line_rule import MONTH as _MONTH
from storyline.clean.line_rule import WEEKDAY as _WEEKDAY
from storyline.clean.line_rule import Rule
from storyline.clean.line_rule import line_rule as _rule
from storyline.clean.widgets import WIDGET_RULES
from storyline.model import RemovedSpan

# a day as a page writes it: "Apr 1, 2017", "Feb. 19 2013", "September 2, 2008"
_DAY_WRITTEN = _MONTH + r"\s+\d{1,2},?\s+(19|20)\d\d"

# a photographer's name in a credit: capitalised words only ("Michael Nagle", "Evan Vucci")
_CAPITALISED = r"(?-i:[A-Z][\w'’-]*(\s+[A-Z][\w.'’-]*){0,4})"

# a label before a contact address: "Email:", "Business Inquiries Only:", "Manager-";
# never a clause that introduces someone's words ("He responded on Twitter: @CNN" is a
# sentence of the article: a subject pronoun or a verb of saying opens or fills it)
_CONTACT_LABEL = (
    r"((?!(he|she|they|we|i|it|who)\b)(?![^:\n]*\b(said|says|wrote|writes|tweeted|tweets"
    r"|responded|responds|replied|replies|added|adds|posted|posts|told|asked)\b)"
    r"[a-z][\w'’]*(\s+[\w'’]+){0,4}\s*[:\-–—]\s*)"
)
# a video creator's plea for likes and followers
_PLEA = (
    r"\b(get this video to [\d,.]+k? likes|(my|our) (snapchat|instagram|twitter|youtube|tiktok"
    r"|facebook|ig)( name| handle| username)? is (@\w+|\w+!)|subscribe to (my|our) (youtube )?"
    r"channel)\b"
)
# a social network's name as its address writes it
_NETWORK = r"(twitter|facebook|instagram|youtube|tumblr|snapchat|pinterest|linkedin|tiktok)"
# a name in a credit list: "Jane Levy", "Lou Taylor Pucci"
_NAME = r"(?-i:[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3})"

# Whole-line rules, checked in order; the first match names the reason.
LINE_RULES: tuple[Rule, ...] = (
    _rule(
        "paywall notice",
        # notices are short: a phrase inside a long sentence is reporting, not a notice
        r"(?=.{0,300}$).*\b(high quality global journalism requires investment|do not cut (&|and)"
        r" paste the article|subscribe (now )?to (read|continue)|already a subscriber"
        r"|this (article|content) is (only )?(available )?(for|to) (subscribers|members)"
        r"|you have reached your (free )?(article|monthly) limit|register (for free )?to"
        r" (read|continue)|buy additional rights|subscribe now for unlimited access)\b.*",
        r"(continue reading( the main story)?|to continue reading,? (please )?(log in|subscribe"
        r"|sign in).{0,60})",
    ),
    _rule(
        "cookie notice",
        r"(?=.{0,200}$)(this (web)?site |we )?(uses?|use) cookies\b.*",
        r"(?=.{0,200}$).*\b(accept (all )?cookies|cookie (policy|settings|preferences))\b.*",
    ),
    _rule(
        "comment form",
        r"leave a (reply|comment).{0,40}",
        r"(post|add|write) a comment.{0,20}",
        r"fill in your details below or click an icon to log in.{0,20}",
        r"you are commenting using your .{0,40}account.{0,60}",
        r"connecting to %s.{0,5}",
        r"notify me of (new|follow-up) (comments|posts).{0,60}",
        r"cancel reply",
        r"\d* ?(comments?|responses?|replies)( \(\d+\))?:?",
        r"(log ?in|sign ?in) to (comment|reply).{0,40}",
        r"(your )?email address will not be published.{0,80}",
        r"required fields are marked.{0,10}",
        r"post was not sent - check your email addresses!?",
    ),
    _rule(
        "social login widget",
        r"(google\+?|twitter|facebook|wordpress\.com|linkedin) (photo|picture|logo|account)",
        r".{0,20}\blog out\s*/\s*change\s*\)?",
        r"logo",
    ),
    _rule(
        "share prompt",
        r"(share|tweet|email|print|whatsapp|pinterest|reddit|linkedin|facebook|twitter)"
        r"( this( article| story| page)?)?( on| via)?:?",
        r"(click to )?share (this( article| story| page)?|on|via)\b.{0,60}",
        r"((facebook|twitter|email|print|whatsapp|linkedin|reddit|pinterest|share|tweet|pin"
        r"|sms|flipboard)[ ,|/]*){2,}",
        # a section's link to more of it: "Local News More>>", "Politics More »"
        r"[^.!?]{0,80}\bmore ?(>>|»|›)",
        # a site's list of its own top stories: "Most Popular", "Most Viewed Stories"
        r"most (popular|read|viewed|shared|e-?mailed|commented|watched)( stories| articles"
        r"| news| videos| posts)?( (now|today|this week))?",
        r"like this:?|like loading\.{0,3}|related:?|related (articles|stories|posts):?",
        # a link to another story, its headline after a capitalised label: "RELATED Amanda
        # Knox proclaims her innocence in new Twitter photograph" (a headline has no stop)
        r"(?-i:RELATED|READ MORE|MORE|SEE ALSO|WATCH|RELATED STORY|RELATED CONTENT):?\s+"
        r"(?-i:[A-Z](?=[^.!?]*[a-z]))[^.!?]{4,150}",
        # the same links in title case, with their colon: "More: Which Reno dispensaries
        # sell recreational pot?" (a sentence "More Americans are ..." has no colon)
        r"(?-i:(Related( (story|stories|articles?|coverage|content|links?))?|Read more|Read also"
        r"|Also read|More|See also|Watch|Don't miss|Recommended|Trending|Must read"
        r"|Further reading)):\s+(?-i:[A-Z](?=[^.!?]*[a-z]))[^.!?]{4,150}[?!]?",
        r"tweet with a location.{0,200}",
        r"follow us on .{0,60}",
        r"advertisement|sponsored content|read more:?.{0,80}",
        # a media slot's label left on its own line where the picture or player was
        # ("Photo", "Video", "Image 3 of 12"): the tagger ran it into the next line's
        # words ("Photo⏎⏎O.K., about the plan" gave a speaker "Photo O.K.")
        r"(photo|photos|image|images|video|gallery|slideshow|graphic)(\s+\d+\s+of\s+\d+)?",
        r"(advertisement\s*-\s*)?(story )?continue[sd]? (reading )?below( advertisement)?",
        r"(sign up|subscribe)( now)? (for|to) (our|the) .{0,40}newsletters?.{0,160}",
        # reader call-outs and page furniture seen on real scraped piles
        r"(are you there\? )?send us your (images|photos|pictures|videos?|stories|tips)"
        r"( or (images|photos|pictures|videos?))?\.?",
        r"(join|like|follow) us on (facebook|twitter|instagram)\b.{0,160}",
        r"story highlights\b.{0,200}",
        r"get the latest .{0,60} delivered to your inbox.?",
        r"want more stories like this\?.{0,40}",
        r"(copy link|most read|listen to this article|click here to subscribe).{0,20}",
        r"this (article|story) (was )?(originally )?(published|appeared) (on|in|at) .{1,80}",
        r"\(?photo(graph)?( by)?:? [^.]{1,80}\)?",
        # page furniture used as titles on a Multi-News pile
        r"(click to )?(email|share|print) this( article| story)? (to|with) a friend"
        r"( \(opens in new window\))?",
        r"add a location to your tweets",
        # a broadcaster's or paper's plea to install its app: "Get the CBS app for iPhone &
        # iPad! Click HERE: ..." (it names a device, a store or a link; news about an app
        # does not open on the imperative)
        r"(?=.{0,200}$)(get|download|install) (the |our )?(free )?[\w&.'’ -]{1,40}? app\b"
        r"(?=.*\b(iphone|ipad|android|ios|app store|google play|click|here|https?://))"
        r".{0,160}",
        # an e-mail-a-friend form: "Message: * A friend wanted you to see this item from ..."
        r"(message:?\s*\*?\s*)?a friend (wanted|wants|thought) you (to see|would (like|enjoy)"
        r"|might (like|enjoy)) this\b.{0,160}",
        r"follow [\w.-]+:? ((facebook|twitter|instagram|youtube)[ ,|/]*){1,4}",
        # a video player's button glued to its share links: "Play Facebook", "Play Twitter
        # Embed" (a sentence never starts "Play" + only a network's name)
        r"play( (facebook|twitter|email|embed|share))+",
    ),
    _rule(
        "bot check",
        # a captcha or bot-check prompt left in the page's text: "You must enter the
        # characters with black color that stand out from the other characters", "Please
        # type the characters you see in the image"; a prompt starts its line and says what
        # is shown ("Users must enter the code shown ..., the bank said" is news)
        r"(?=.{0,200}$)((please|kindly|you (must|need to|have to))\s+)?(enter|type|retype"
        r"|re-enter) the (characters|letters|code|text"
        r"|words?|numbers)\b.*\b(you see|shown|displayed|image|picture|box|below|above"
        r"|stand out)\b.*",
        r"(?=.{0,200}$)((please|kindly|you (must|need to|have to))\s+)?(enter|complete|solve"
        r"|fill in) the captcha\b.*",
        r"(?=.{0,160}$)(please )?(verify|confirm|prove) (that )?you('re| are) (a )?(human"
        r"|not a robot)\b.*",
        r"(i'?m|i am) not a robot\.?",
    ),
    _rule(
        "contact line",
        # a reporter's contact line: only e-mail addresses and handles, "(jdoe@example.com;
        # @jdoe)", each maybe after a short label ("Email: jdoe@example.com; Twitter: @jdoe",
        # "Business Inquiries Only: Manager- info@example.com"); a sentence that gives an
        # address has words around it
        r"\(?\s*([\w.+-]+@[\w-]+(\.[\w-]+)+|@\w+)(\s*[;,/|]\s*(and\s+)?"
        r"([\w.+-]+@[\w-]+(\.[\w-]+)+|@\w+)){0,3}\s*\)?",
        # (a bare handle with a stop, "@jdoe.", is a tweet's signature: clean leaves it)
        r"\(?\s*" + _CONTACT_LABEL + r"{1,2}([\w.+-]+@[\w-]+(\.[\w-]+)+|@\w+)(\s*[;,/|]\s*"
        r"(and\s+)?" + _CONTACT_LABEL + r"{0,2}([\w.+-]+@[\w-]+(\.[\w-]+)+|@\w+)){0,3}"
        r"\s*\)?\.?",
    ),
    _rule(
        "link line",
        # a short label and a link, no sentence: a creator's or show's social links ("Follow
        # Jimmy: http://twitter.com/...", "LIKE us on: http://www.facebook.com/..."), a link
        # behind an arrow ("Watch My Last Video! ➜ https://..."), "See more http://...". A
        # bare address inside the article ("See www.redcross.org/donate") stays.
        r"(?=.{0,200}$)(?!.*[.?;]\s).{0,100}?(➜|→|►|▶)\s*(https?://|www\.)\S+",
        # (a network's page, given by its scheme or its path: prose names the site bare,
        # "The company announced it on Facebook.com.")
        r"(?=.{0,200}$)(?!.*[.?;]\s)\S.{0,100}?\s((https?://)(www\.)?([\w-]+\.)?"
        + _NETWORK
        + r"\.com\b\S*|(www\.)?([\w-]+\.)?"
        + _NETWORK
        + r"\.com/\S+)",
        r"(?=.{0,200}$)(?!.*[.?;]\s)(follow|like|subscribe|see more|check out|watch|visit"
        r"|become)\b.{0,80}?(https?://|www\.)\S+",
        # a label naming the network, the link shortened: "NBC YouTube: http://bit.ly/..."
        r"(?=.{0,200}$)[^:.?;]{0,60}\b" + _NETWORK + r"\b[^:.?;]{0,40}:\s*(https?://|www\.)\S+",
    ),
    _rule(
        "self-promotion",
        # a video creator's plea under the clip: "GET THIS VIDEO TO 100,000 likes! MY
        # SNAPCHAT IS ...!" (the clip's description, not a news line)
        # (not a plea a report quotes: '"Please subscribe to my channel," the boy says')
        r"(?=.{0,300}$)(?![^\"“”]*[\"“][^\"“”]*" + _PLEA + r").*" + _PLEA + r".*",
    ),
    _rule(
        "credits",
        # a review's credit box: "MPAA rating: R for ...", "Running time: 91 min.", "With:
        # Jane Levy, Shiloh Fernandez, ..." (names only: no speaker says them)
        r"(mpaa )?rat(ed|ing):\s*(g|pg|pg-13|r|nc-17|not rated|unrated)\b[^.!?]{0,160}\.?",
        r"running time:\s*\d[^.!?]{0,60}\.?",
        r"(with|starring|cast):\s+" + _NAME + r"(,\s+(and\s+)?" + _NAME + r")+\.?",
    ),
    _rule(
        "video player",
        # a news site's embedded player, flattened to a line: "JUST WATCHED <title> Replay
        # More Videos ... MUST WATCH <title> 00:47" (CNN); the title is a clip's, not a
        # sentence of the article
        r"(?=.{0,400}$)just watched\b.{1,200}\breplay more videos\b.*",
        r"(?=.{0,250}$)must watch\b.{1,200}\b\d{1,2}:\d{2}",
        # a player's embed box: "Embed <clip title> 2:14 autoplay autoplay Copy this code to
        # your website or blog"
        r"(?=.{0,300}$)embed\b.{1,200}\bcopy this code to your (website|site|blog)\b.*",
        # a player's close button glued to its clip's caption, which ends on the clip's
        # credit: "CLOSE Bone-chilling cold gripped much of the U.S. ... (Jan. 2) AP"
        r"(?=.{0,500}$)(?-i:CLOSE [A-Z][a-z]).*\s(?-i:AP|USA TODAY( NETWORK)?|REUTERS|AFP)\.?",
        # or on the name of the clip's maker: "CLOSE Four dispensaries begin sales. Jane Doe"
        # (or makers: "... near Delphi. Dave Bangert and Dwight Adams/ Journal & Courier")
        r"(?=.{0,500}$)(?-i:CLOSE [A-Z][a-z]).*[.!?)]\s+(?-i:[A-Z][a-z'’-]+(\s+[A-Z][a-z'’-]+)"
        r"{1,2})((,|,? and)\s+(?-i:[A-Z][a-z'’-]+(\s+[A-Z][a-z'’-]+){1,2})){0,3}"
        r"(\s*[,/]\s*[\w .&'’-]{1,40})?",
    ),
    _rule(
        "script notice",
        # a video player's fallback, alone or in the line of script around it
        r"(?=.{0,300}$).*\bplease (enable|turn on) javascript\b.*",
        r"(?=.{0,120}$)(you (need|must|have) to )?(enable|turn on) javascript (to|in) .*",
    ),
    _rule(
        "breadcrumb",
        # a site's section path: "English >> World", "News » Politics"
        r"(?-i:[A-Z])[^.!?>»›]{0,39}(\s(>>|»|›)\s(?-i:[A-Z])[^.!?>»›]{0,39}){1,4}",
    ),
    _rule(
        "photo credit",
        # a credit line: an agency or a photographer's role beside a slash, no sentence
        # (its closing stop too: "By Slaven Vlasic/Getty Images.")
        r"(?=.{0,160}$)(?=.*/)[^.!?]*\b(getty images|ap photo|afp( photo)?|epa(-efe)?"
        r"|shutterstock|istockphoto|contributor|stringer|staff photo(grapher)?)\b[^.!?]*\.?",
        r"(?-i:REUTERS) ?/[^.!?]{1,80}",
        # a caption widget's label after the photographer's name
        r"[^.!?]{0,80}\b(share|enlarge|expand|view) (photo|image)s?",
        # a credit line alone under its photo: "Courtesy Maria Feng", "(Courtesy of the
        # family)"; prose never is "Courtesy" and a name only
        r"\(?courtesy( of)? (the )?" + _CAPITALISED + r"\)?",
    ),
    _rule(
        "photo caption",
        # a caption line that ends in its photo credit: "X speaks in Y on May 2. Jane
        # Doe/Getty Images", "... in Berlin. (AP Photo/Evan Vucci)"; an article's own
        # paragraph never closes on an agency credit after its last sentence
        # (the credit may carry its label: "... on Feb. 6. Photographer: Jane Doe/AFP via
        # Getty Images"; or name the agency in full or short: "(John Amis/ASSOCIATED
        # PRESS)", "(Seth Wenig/AP)")
        r"(?=.{0,400}$).*[.!?][\"”’')]?\s+\(?((photographer|photo|credit|image)s?(:| by)\s*)?"
        + _CAPITALISED
        + r"?\s*/\s*(getty images|ap( photo)?|afp( photo)?|associated press|bloomberg"
        r"|epa(-efe)?|shutterstock|istockphoto|contributor|stringer|staff photo(grapher)?)"
        r"\b[^.!?()]{0,40}\)?",
        # a caption closed by its source in brackets, often cut short: "... at the Capitol
        # in Washington, Tuesday,... (Associated Press)", "Pleasant Hill City Clerk Kimberly
        # Lehmkuhl (Courtesy photo)", "... claimed it was the real U.S. Embassy. (Courtesy
        # of the State Department)"; a paragraph of the article names its wire at the start
        r"(?=.{0,600}$).*(\.\.\.|…|[.!?;][\"”’]?)\s*\(associated press\)",
        r"(?=.{0,400}$).*\s\(courtesy( of)?\b[^()]{0,60}\)",
        r"(?=.{0,400}$).*[.!?][\"”’')]?\s+\(?(?-i:AP|AFP|EPA|REUTERS)( photo)? ?/\s*"
        + _CAPITALISED
        + r"\)?",
        # a page's photo block flattened to a line: "<caption>. | John Shinkle/POLITICO
        # <section> <headline>" (a credit after a bar is never the article's prose)
        r"(?=.{0,600}$).*[.!?]\s+\|\s+" + _CAPITALISED + r"\s*/\s*(getty images|ap( photo)?|afp"
        r"|epa(-efe)?|reuters|politico|bloomberg|shutterstock|istockphoto)\b.*",
        # a caption closed by a bracketed credit of a photographer and an outlet: "X is
        # shown in this file photo. (Jason Doe/The Recorder via Associated Press)" (a
        # sentence of prose never ends on a "Name/Outlet" pair in brackets)
        r"(?=.{0,400}$).*[.!?][\"”’']?\s+\((?-i:[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,4})\s*/\s*"
        r"(?-i:[A-Z])[^()/]{1,80}\)",
        # a caption widget's buttons before its credit: "Enlarge this image toggle caption
        # Jane Doe/AP Jane Doe/AP", "toggle caption Pew Research Center/NPR" (the words of
        # no sentence)
        r"(?=.{0,300}$)(enlarge this image\s+)?\w?toggle caption\b.*",
        # a photo gallery flattened into a line: "Photos: The search for MH370 <caption>
        # Hide Caption 1 of 43 Photos: ..." (its counter is the gallery's own words)
        r".*\bhide caption \d+ of \d+\b.*",
        # an agency caption: "FILE - In this May 24, 2016, file photo, X speaks ..."
        r"(file\s*[-–—]\s*)?in this [^.]{0,80}\b(file )?(photo|photograph|image|picture)"
        r"( provided by [^,]{1,60})?,.{0,600}",
    ),
    _rule(
        "content warning",
        r"(?=.{0,200}$)warning:? (the|this) (video|image|images|footage|story|article|content)"
        r" (contains|may|includes)\b.*",
    ),
    _rule(
        "dateline",
        # a page's own publication line, not a sentence: "Published: January 2011 ..."
        r"(published|updated|posted)( on)?: [^.!?]{1,80}",
        r"(published|updated|posted)( on)? " + _DAY_WRITTEN + r"[^.!?]{0,40}",
        r"/\s*(published|updated|posted)\b[^.!?]{0,80}",  # "/ Updated By Sarah Fitzpatrick"
        # a byline with its stamp after a slash: "By Staff Sgt. Jane Doe, 7th Air Force
        # Public Affairs / Published March 24, 2017"
        r"by\s+(?-i:[A-Z]).{3,120}?\s/\s*(published|updated|posted)\b.{0,60}",
        # the byline block after it may carry a stray or an initial's period: "/ Updated
        # By Ken Dilanian, Peter Alexander. and Courtney Kube" (no prose opens on "/ By")
        r"/\s*(published|updated|posted)\s+by\s+[^!?]{1,120}",
        # a bare time stamp: "Updated 6.15pm", "Posted at 10:42 a.m. ET"
        r"(published|updated|posted)( at)?:?\s+\d{1,2}([.:]\d\d)?\s*([ap]\.?m\.?)?(\s+(?-i:[A-Z]{2,4}))?",
        # an agency's stamp: "Associated Press Tue Feb 19, 2013 7:44 PM"
        r"([A-Z][\w.&'-]*\s+){0,4}"
        + _WEEKDAY
        + _DAY_WRITTEN
        + r",?\s+\d{1,2}:\d{2}\s*([ap]\.?m\.?)?(\s+[A-Z]{2,4})?",
        # a line that is only a day, the page's stamp: "April 10th, 2016", "Tue, Feb. 19 2013"
        f"({_WEEKDAY})?{_MONTH}" + r"\s+\d{1,2}(st|nd|rd|th)?,?\s+(19|20)\d\d",
    ),
    _rule(
        "notification prompt",
        r"(?=.{0,160}$)(get|turn on|enable|allow|sign up for) (push |browser |breaking news )?"
        r"(notifications|alerts)\b.*",
        r"(?=.{0,200}$)breaking news emails get breaking news alerts\b.*",
    ),
    _rule(
        "copyright footer",
        r"(copyright\s*)?©.{0,200}",
        r"(copyright\s*)?\(c\)\s*(19|20)\d\d\b.{0,200}",
        r"copyright\s+(19|20)\d\d\b.{0,200}",
        r"image (copyright|caption|source)\b.{0,120}",
        r".{0,160}\ball rights reserved\b.{0,160}",
    ),
    _rule(
        "byline",
        # at most four capitalised names (or one handle) and no sentence punctuation:
        # "By Monday, the troops left." and "By the numbers" stay
        r"(by|posted by|written by|author:)\s+(?!the\b|a\b|an\b)(([A-Z][\w.'’-]*)"
        r"(\s+(van|von|de|al|bin|[A-Z][\w.'’-]*)){0,3}|@?[a-z0-9][\w.-]*[a-z0-9_])",
        # a name of two to four words, then the writer's desk or outlet in capitalised
        # words: "By Jennifer Froetschel, DS Public Affairs", "By Jane Doe, Associated
        # Press"; "By Monday, the troops left." has a lower-case clause after its comma
        r"by\s+(?-i:(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w.'’-]*"
        r"(\s+(van|von|de|al|bin|[A-Z][\w.'’-]*)){1,3},(\s+(of|for|and|the|&|[A-Z][\w.'’&-]*))"
        r"{1,5})",
    ),
    _rule(
        "wire credit",
        r"\(?(reporting|writing|editing|additional reporting) by [^()]{2,200}\)?",
        # the closing line that names who else reported: "ABC News' Jane Doe contributed to
        # this report.", "Associated Press writers Edith M. Lederer at the United Nations and
        # Ted Bridis in Washington contributed to this report." (maybe with a contact after
        # it); the names before it hold no sentence's end, only initials ("M.") and
        # abbreviations ("U.N."), so a paragraph of prose that ends on such a line stays
        # (a clause about someone who helped pay for a report has its "who"). The credit's
        # own sentence ends on "this report": "Scientists contributed to the report, which
        # ..." or "... to these reports of abuse after ..." is news about a report. A
        # courtesy title's stop is no sentence's end either: "Mr. Smith contributed
        # reporting." (the style of papers that name people by title on second reference)
        r"(?=.{0,600}$)(?!.*\b(who|which|that)\b.*\bcontributed)(?-i:[A-Z])(?:[^.!?]"
        r"|(?<=\b[A-Z])\.|\.(?=\S)|(?<=\bMr|\bMs|\bDr|\bJr|\bSr|\bSt)\.|(?<=\bMrs)\.)"
        r"{0,400}?\bcontributed (additional )?(reporting[^.!?]{0,80}"
        r"|to (this|these) (report|story|article|reports|stories)(?![\w'’]))"
        r"(\.(\s+[^!?]{0,200})?)?",
    ),
    _rule("trailing url", r"\|?\s*(https?://|www\.)\S+\s*\|?"),
    *WIDGET_RULES,
)

# Once one of these starts the tail of a document, short lines after it are widgets too.
_COMMENT_SECTION_START = re.compile(
    r"(leave a (reply|comment)|\d* ?comments?( \(\d+\))?:?|post a comment|add a comment)",
    re.IGNORECASE,
)
_WIDGET_MAX_WORDS = 25
# A heading over a list of links to other stories: "More from Morning Mix:", "READ MORE",
# "Related stories", "You may also like". The headlines under it are other stories' (a
# headline has no closing stop); the list ends at the first line that reads as prose.
_RELATED_LIST_START = re.compile(
    r"(read|see|watch) more|more (from|on|in|about) [^.!?]{1,60}?:?"
    r"|(more|related|recommended|trending|popular|latest|top)( \w+)? (stories|articles|news"
    r"|coverage|headlines|links|videos|posts|reads)( (from|on|in) [^.!?]{1,40})?:?"
    r"|you (may|might) (also )?(like|enjoy|be interested in):?|(also|read|don'?t miss) on "
    r"[^.!?]{1,40}:?",
    re.IGNORECASE,
)
# a headline in such a list: short, no closing stop (a quoted headline may close on its
# quote mark: "'All we could do': She watched ...")
_LISTED_HEADLINE = re.compile(r"(?=(\S+\s+){2,24}\S+$).*[^.!?:;,\"”’)]$")
# a video player's controls glued before the first sentence ("Skip in Skip x Embed x
# Share The discovery of ..."): only that prefix is cut, the sentence stays
_PLAYER_PREFIX = re.compile(r"(skip in skip x )?embed x share\s+(?=\S)", re.IGNORECASE)
# a blog's label before a paragraph of a post it updated: "Original: We're not here to
# ...", "Update 11:10 a.m.: Not to be outdone, ..." (the paragraph stays; the label is
# no speaker)
_UPDATE_LABEL = re.compile(
    r"(original( post| story| article)?|updated?( at)?( \d{1,2}(:\d{2})?\s*([ap]\.?m\.?)?"
    r"( [A-Z]{2,4})?)?)\s*:\s+(?=\S)",
    re.IGNORECASE,
)
_LINE_PREFIXES = ((_PLAYER_PREFIX, "player widget"), (_UPDATE_LABEL, "update label"))


# a run of words a page printed twice in a row: a teaser's headline and its link title,
# a caption and its alt text ("Charges: 2 recruits used loans Charges: 2 recruits used
# loans ..."); prose never repeats six words or more back to back
_REPEAT_MIN_WORDS = 6
_REPEAT_MIN_CHARS = 30
_REPEAT_MAX_WORDS = 200
_WORD = re.compile(r"\S+")
_LETTER = re.compile(r"[^\W\d_]")


def _period(words: list[tuple[int, int, str]], i: int, run: int) -> int:
    """The shortest stretch the ``run`` words at ``i`` repeat ("a b a b a b" -> 2)."""
    for p in range(1, run):
        if run % p == 0 and all(words[i + k][2] == words[i + k + p][2] for k in range(run - p)):
            return p
    return run


def _copies(words: list[tuple[int, int, str]], i: int, run: int) -> int:
    """How many times the run of ``run`` words at ``i`` is printed back to back."""
    count = 1
    while i + (count + 1) * run <= len(words) and all(
        words[i + k][2] == words[i + count * run + k][2] for k in range(run)
    ):
        count += 1
    return count


def repeated_runs(text: str, offset: int = 0) -> list[RemovedSpan]:
    """The second copy of each run of words that ``text`` repeats back to back, as spans
    from the end of the first copy (so one space is left between the first copy and what
    follows), offsets shifted by ``offset``."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    seen: dict[str, list[int]] = {}
    for i, (_, _, word) in enumerate(words):
        seen.setdefault(word, []).append(i)
    spans: list[RemovedSpan] = []
    i = 0
    while i < len(words):
        run = 0
        # the run's copy starts at a later place of the same word, longest first (only
        # places within the longest run are looked at: a long line stays linear)
        places = seen[words[i][2]]
        lo = bisect_right(places, i + _REPEAT_MIN_WORDS - 1)
        hi = bisect_right(places, i + _REPEAT_MAX_WORDS)
        for j in reversed(places[lo:hi]):
            size = j - i
            if j + size > len(words):
                continue
            if all(words[i + k][2] == words[j + k][2] for k in range(size)):
                run = size
                break
        if run:
            period = _period(words, i, run)
            copies = _copies(words, i, period)
            if copies > 2:
                # printed three times or more: the text's own refrain or a generated test
                # pattern, not a widget's second copy; left whole (and passed over at once)
                i += period * copies
                continue
        first = text[words[i][0] : words[i + run - 1][1]] if run else ""
        if run and len(first) >= _REPEAT_MIN_CHARS and _LETTER.search(first):
            start, end = words[i + run - 1][1], words[i + 2 * run - 1][1]
            spans.append(
                RemovedSpan(offset + start, offset + end, text[start:end], "repeated text")
            )
            i += 2 * run
        else:
            i += 1
    return spans


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def split_lines(raw: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for piece in raw.splitlines(keepends=True):
        body = piece.rstrip("\r\n")
        lines.append(Line(pos, pos + len(body), body))
        pos += len(piece)
    return lines


# an HTML entity as scrapers leave it in plain text ("English &gt;&gt; World", "Q&amp;A");
# only complete ones (with ";"): "AT&T" and "R&D" are text
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# C1 control characters are Windows-1252 text read as Latin-1 ("\x97" for "—")
_C1 = re.compile("[\x80-\x9f]")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")


def unescape_entities(text: str) -> str:
    """``text`` with its HTML entities decoded and its C1 controls read as Windows-1252
    (what they were meant to be), everything else as it was."""
    text = _C1.sub(lambda m: bytes([ord(m.group())]).decode("cp1252", errors="ignore"), text)
    # zero-width spaces and joiners a CMS leaves in ("\u200bCNN is being sued"): unseen, but
    # they split words for every matcher and show as gaps in a terminal
    text = _INVISIBLE.sub("", text)
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def classify_line(text: str) -> str | None:
    stripped = unescape_entities(text.strip())  # "English &gt;&gt; World" is a breadcrumb
    if not stripped:
        return None
    for rule in LINE_RULES:
        if rule.pattern.fullmatch(stripped):
            return rule.reason
    return None


def find_boilerplate(raw: str) -> list[RemovedSpan]:
    """Removed spans (whole lines, trimmed of surrounding whitespace, a player widget's or
    an update label's prefix of a line, a repeated run's second copy) in raw-text order."""
    removed: list[RemovedSpan] = []
    in_comment_tail = False
    in_related_list = False
    last_prose_end = -1  # a bare URL is page furniture only after the article's last line
    for line in split_lines(raw):
        stripped = line.text.strip()
        if not stripped:
            continue
        reason = classify_line(stripped)
        if _COMMENT_SECTION_START.fullmatch(stripped):
            in_comment_tail = True
        if reason is None and in_comment_tail and len(stripped.split()) <= _WIDGET_MAX_WORDS:
            reason = "comment section"
        elif reason is None:
            in_comment_tail = False
        if reason is None and in_related_list and _LISTED_HEADLINE.fullmatch(stripped):
            reason = "related stories"
        elif reason is None:
            in_related_list = False
        if _RELATED_LIST_START.fullmatch(stripped):
            in_related_list = True
            reason = reason or "related stories"
        if reason is None:
            last_prose_end = line.end
            start = line.start + len(line.text) - len(line.text.lstrip())
            body = 0
            for pattern, why in _LINE_PREFIXES:
                prefix = pattern.match(stripped)
                if prefix:
                    cut = prefix.group().rstrip()
                    removed.append(RemovedSpan(start, start + len(cut), cut, why))
                    body = prefix.end()
                    break
            removed.extend(repeated_runs(stripped[body:], start + body))
            continue
        lead = len(line.text) - len(line.text.lstrip())
        start = line.start + lead
        removed.append(RemovedSpan(start, start + len(stripped), stripped, reason))
    return [r for r in removed if r.reason != "trailing url" or r.start > last_prose_end]


def cut_spans(raw: str, removed: list[RemovedSpan]) -> str:
    """The raw text without the removed spans, blank-line runs collapsed, ends trimmed."""
    kept: list[str] = []
    pos = 0
    for span in removed:
        kept.append(raw[pos : span.start])
        pos = span.end
    kept.append(raw[pos:])
    text = "".join(kept)
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line.strip():
            if out and out[-1] != "":
                out.append("")
            continue
        out.append(line.strip())
    # paragraph style survives: blank-line paragraphs stay, single newlines stay
    return "\n".join(out).strip()
