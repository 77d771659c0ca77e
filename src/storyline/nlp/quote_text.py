"""Quote-mark pairing and the text-offset helpers the quote extractor shares.

Offsets are Python ``str`` indices, half-open ``[start, end)``.
"""

from __future__ import annotations

import re

OPEN_CURLY = "“«„"
CLOSE_CURLY = "”»"
PARAGRAPH = re.compile(r"[^\n]+")
# every character ``mark_role`` gives a role to, or that starts one ("``", "''")
_MARK_CHAR = re.compile("[" + re.escape(OPEN_CURLY + CLOSE_CURLY + "`\"'") + "]")
WORD = re.compile(r"\w+")

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(\s|$)")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Prof|Rev|St|Jr|Sr|Inc|Corp|Co|Ltd|"
    r"No|vs|U\.S|U\.N|U\.K|E\.U|[A-Z])\.)$"
)


# a short parenthesis closing on an abbreviation's period ("(D-Ill.)", "(R-Fla.)")
_ASIDE_ABBREVIATION = re.compile(r"\([A-Z]{1,2}-[A-Z][A-Za-z.]{0,8}\.\)$")


def sentence_ends(between: str) -> int:
    """Sentence boundaries inside ``between`` (periods of "Mr." or "U.S." are not)."""
    count = 0
    for m in _SENTENCE_END.finditer(between):
        if between[m.start()] == "." and _ABBREVIATION.search(between[: m.start() + 1]):
            continue
        if _ASIDE_ABBREVIATION.search(between[: m.end()].rstrip()):
            continue  # "Dick Durbin (D-Ill.) in an interview": a party-state label
        count += 1
    return count


def has_sentence_end(between: str) -> bool:
    return sentence_ends(between) > 0


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge whitespace and dangling punctuation (keeps closing quote marks)."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-("):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def around_aside(
    text: str, content: tuple[int, int], cue: tuple[int, int]
) -> list[tuple[int, int]]:
    """The words of a report its own attribution interrupts ("One of the warships, said
    Mr Trukhachev, carries 25 tanks", "Fundraising, according to the campaign, has
    surged"): the stretches of ``content`` either side of the comma-bounded aside that
    holds ``cue``; the whole of ``content`` when the cue is not such an aside."""
    start, end = content
    if not start < cue[0] < end:
        return [content]
    left = _aside_comma(text, start, cue[0], last=True)
    right = _aside_comma(text, cue[1], end, last=False)
    if left < 0 or right < 0 or "\n" in text[left:right]:
        return [content]
    first, second = trim_span(text, start, left), trim_span(text, right + 1, end)
    if first[1] <= first[0] or second[1] <= second[0]:
        return [content]
    return [first, second]


def _aside_comma(text: str, start: int, end: int, last: bool) -> int:
    """The last (or first) comma in ``text[start:end]`` that can bound an aside; -1 if
    none. A comma between digits groups a number ("10,000 jobs") and bounds nothing."""
    found = [
        i
        for i in range(start, end)
        if text[i] == "," and not (text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit())
    ]
    if not found:
        return -1
    return found[-1] if last else found[0]


def around_attribution(
    text: str, content: tuple[int, int], speaker: tuple[int, int], cue: tuple[int, int]
) -> list[tuple[int, int]]:
    """The words of a report whose speaker and cue stand side by side inside it ("a naval
    base, which experts estimate has about 50 staff", "the four least happy countries
    according to the index are"): the stretches of ``content`` either side of them; the
    whole of ``content`` when they are not both inside, not side by side, or leave a
    side with no words."""
    start, end = content
    first, last = sorted((speaker, cue))
    if not (start < first[0] and last[1] < end) or text[first[1] : last[0]].strip():
        return [content]
    before, after = trim_span(text, start, first[0]), trim_span(text, last[1], end)
    if not WORD.search(text[before[0] : before[1]]) or not WORD.search(text[after[0] : after[1]]):
        return [content]
    return [before, after]


def clip_to_paragraph(text: str, span: tuple[int, int], anchor: int) -> tuple[int, int] | None:
    """Reported content never crosses a paragraph break away from its cue."""
    para_start = text.rfind("\n", 0, anchor) + 1
    para_end = text.find("\n", anchor)
    para_end = len(text) if para_end < 0 else para_end
    start, end = max(span[0], para_start), min(span[1], para_end)
    if end <= start:
        return None
    return trim_span(text, start, end)


def word_count(text: str) -> int:
    return len(WORD.findall(text))


def mark_role(text: str, i: int) -> str | None:
    """'open', 'close' or None (not a quote mark) for the character at ``i``."""
    ch = text[i]
    if ch in OPEN_CURLY:
        # "... for her here,“ said Jim Clyburn": an opening curly mark typed where the
        # closing one belongs, fast after the quote's last punctuation and before a
        # space, closes the quote
        if 0 < i < len(text) - 1 and text[i - 1] in ",?!" and text[i + 1] in " \t\xa0":
            return "close"
        return "open"
    if ch in CLOSE_CURLY:
        return "close"
    if text.startswith("``", i):
        return "open"
    if ch == '"' or text.startswith("''", i):  # '' closes `` but also pairs with itself (NYT)
        width = 2 if ch == "'" else 1
        before = text[i - 1] if i > 0 else " "
        after = text[i + width] if i + width < len(text) else " "
        if before in " \t\xa0" and after in " \t\xa0":
            # a mark standing free between spaces ('coalitions, '' said Mr. Gunnels',
            # 'community,' " Reeves wrote'): closes a quote if one is open, else opens
            return "either"
        if before.isspace() or before in "([{—–-":
            return "open"
        if after.isspace() or after in ".,;:!?)]}—–-":
            return "close"
        return "either"
    return None


def find_quote_marks_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) spans of quoted passages, marks included.

    ``closed`` is False for a passage whose closing mark never came (unbalanced marks):
    it then ends at its paragraph's end. A multi-paragraph quote is one span from its
    first opening mark to its final closing mark.
    """
    spans: list[tuple[int, int, bool]] = []
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]
    open_at: int | None = None
    quote_start: int | None = None  # differs from open_at inside a multi-paragraph quote
    depth = 0  # nested curly quotes inside the open one
    skip_mark_at = -1
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        i = p_start
        while i < p_end:
            role = mark_role(text, i)
            if role is None:
                # only a mark character can have a role: jump to the next one (this loop
                # stepped through every character, a tenth of the quote step's time)
                found = _MARK_CHAR.search(text, i + 1, p_end)
                i = found.start() if found is not None else p_end
                continue
            width = 2 if text.startswith(("``", "''"), i) else 1
            if role is None or i == skip_mark_at:
                i += width if role else 1
                continue
            if open_at is None:
                if role in ("open", "either"):
                    open_at = quote_start = i
                    depth = 0
            elif role == "open" and text[i] in OPEN_CURLY and text[open_at] in OPEN_CURLY:
                depth += 1  # “... calls “hell” than ...”: curly marks nest
            elif role == "close" and depth > 0:
                depth -= 1
            elif role in ("close", "either"):
                spans.append((quote_start if quote_start is not None else open_at, i + width, True))
                open_at = quote_start = None
            elif role == "open":
                # a new opening mark before the previous one closed: the earlier mark was
                # stray; keep the text up to here as an unclosed passage
                start = quote_start if quote_start is not None else open_at
                spans.append((start, rstrip_offset(text, start, i), False))
                open_at = quote_start = i
            i += width
        if open_at is None:
            continue
        nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
        first = lstrip_offset(text, nxt[0], nxt[1]) if nxt else None
        if first is not None and mark_role(text, first) == "open":
            # the next paragraph re-opens the same quote: keep it open across the break
            skip_mark_at = first
            open_at = first
        else:
            start = quote_start if quote_start is not None else open_at
            spans.append((start, rstrip_offset(text, start, p_end), False))
            open_at = quote_start = None
    return spans


def rstrip_offset(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def lstrip_offset(text: str, start: int, end: int) -> int | None:
    while start < end and text[start].isspace():
        start += 1
    return start if start < end else None
