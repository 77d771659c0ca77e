"""Every error and skip reason users see, named and numbered in one place (as spaCy's
``errors.py``): the manifest, the API and the CLI report the same code and words.

A message is ``Errors.E201.format(stage="quotes", seconds=60)`` → ``"[E201] ..."``.
Codes are grouped by where they arise: E1xx ingest (reading, decoding, parsing, cleaning a
record), E2xx budgets, E3xx analysis, E4xx the store. A code keeps its meaning once given: new messages get
new numbers, a retired one leaves its number unused.
"""

from __future__ import annotations


class ErrorCode(str):
    """A message template that knows its code; ``format`` prefixes it."""

    code: str

    def __new__(cls, code: str, template: str) -> ErrorCode:
        made = super().__new__(cls, template)
        made.code = code
        return made

    def format(self, *args: object, **kwargs: object) -> str:  # type: ignore[override]
        return f"[{self.code}] " + str.format(self, *args, **kwargs)


class Errors:
    # E10x ingest, sizes and paths: an input or record too big, missing, or not for reading
    E101 = ErrorCode("E101", "record of {size} bytes exceeds the record cap of {limit} bytes")
    E102 = ErrorCode(
        "E102", "compressed record expands past the record cap of {limit} bytes (cut there)"
    )
    E103 = ErrorCode("E103", "file too large: {size:.1f} MiB > limit {limit:.1f} MiB")
    E104 = ErrorCode("E104", "standard input larger than the size limit")
    E105 = ErrorCode("E105", "no such file or folder")
    E106 = ErrorCode("E106", "cannot read folder: {error}")
    E107 = ErrorCode("E107", "cannot read file: {error}")
    E108 = ErrorCode("E108", "hidden file or folder")
    E109 = ErrorCode("E109", "broken symbolic link")
    E110 = ErrorCode("E110", "not a regular file (pipe, socket or device)")
    E111 = ErrorCode("E111", "not an article (documentation file)")
    E112 = ErrorCode("E112", "unsupported file type '{kind}'")
    E113 = ErrorCode("E113", "reader failed: {error}")
    # E12x decoding: bytes that are not text we can read (storyline.ingest.decode)
    E120 = ErrorCode("E120", "empty input")
    E121 = ErrorCode("E121", "binary content, not text")
    E122 = ErrorCode("E122", "invalid {encoding} after byte-order mark: {error}")
    E123 = ErrorCode("E123", "not valid UTF-8 and no other text encoding fits")
    # E13x HTML pages and records: no article text in them
    E130 = ErrorCode("E130", "HTML extraction failed: {error}")
    E131 = ErrorCode("E131", "no main text found in the HTML ({letters} letters; {hint})")
    E132 = ErrorCode("E132", "record is a {kind}, expected an object")
    E133 = ErrorCode("E133", "no main text found in the record's html field")
    E134 = ErrorCode("E134", "record has no text field")
    E135 = ErrorCode("E135", "record's text is empty")
    # E14x JSON, JSONL and CSV syntax
    E140 = ErrorCode("E140", "invalid JSON: {error} at line {line} column {column}")
    E141 = ErrorCode("E141", "invalid JSON: nested too deeply")
    E142 = ErrorCode("E142", "JSON holds no records")
    E143 = ErrorCode("E143", "line longer than max_bytes={limit}")
    E144 = ErrorCode("E144", "line {line} is not valid UTF-8: {error} at byte {byte}")
    E145 = ErrorCode("E145", "invalid JSON on line {line}: {error} at column {column}")
    E146 = ErrorCode("E146", "invalid JSON on line {line}: nested too deeply")
    E147 = ErrorCode("E147", "CSV has no 'text' column (columns: {columns})")
    E148 = ErrorCode("E148", "row has more cells than the header")
    E149 = ErrorCode("E149", "malformed CSV: {error}")
    # E15x RSS/Atom feeds
    E150 = ErrorCode("E150", "feed of {size} bytes exceeds max_bytes={limit}")
    E151 = ErrorCode("E151", "not a readable RSS/Atom feed: {error}")
    E152 = ErrorCode("E152", "feed has no entries")
    E153 = ErrorCode("E153", "not an RSS/Atom feed")
    E154 = ErrorCode("E154", "entry has no content or summary text")
    E155 = ErrorCode("E155", "unreadable entry: {error}")
    # E16x WARC records
    E160 = ErrorCode("E160", "damaged WARC data ({error}); skipped from byte {start}, {until}")
    E161 = ErrorCode("E161", "empty or truncated record (no target URI, no content)")
    E162 = ErrorCode("E162", "truncated record: {present} of {expected} payload bytes present")
    E163 = ErrorCode("E163", "payload digest mismatch ({algorithm}): corrupt record")
    E164 = ErrorCode("E164", "response record without an HTTP message")
    E165 = ErrorCode("E165", "HTTP status {status}")
    E166 = ErrorCode("E166", "cannot undo Content-Encoding {encoding}: {error}")
    E167 = ErrorCode("E167", "unsupported Content-Encoding {encoding!r}")
    E168 = ErrorCode("E168", "unsupported content type {kind!r}")
    E169 = ErrorCode("E169", "empty text payload")
    E170 = ErrorCode("E170", "no main text found in HTML")
    # E18x cleaning: a document read but not kept as an article
    E180 = ErrorCode("E180", "cleaning failed: {error}")
    E181 = ErrorCode("E181", "nothing left after removing boilerplate")
    # budgets: a stage that ran out of time on one article or record
    E201 = ErrorCode(
        "E201", "{stage} over its time budget of {seconds:g} s on this article; skipped for it"
    )
    E202 = ErrorCode(
        "E202", "{stage} over its time budget of {seconds:g} s on this record; record skipped"
    )
    E203 = ErrorCode(
        "E203", "article of {chars} characters is over analysis_max_chars={limit}: no layer"
    )
    E204 = ErrorCode("E204", "not a news article ({reason}): no layer")
    # analysis: a step that failed on one article (its other steps and articles go on)
    E301 = ErrorCode("E301", "{stage} failed on this article: {error}")
    # E4xx the store: what a run finds stored and cannot use
    E401 = ErrorCode(
        "E401",
        "the store's story clusterer state cannot be read (this version reads state "
        "version {version}): {error}; analyse the articles into a new store",
    )


class StorylineError(Exception):
    """Base of the errors storyline raises on purpose."""


class BudgetExceeded(BaseException):
    """A piece of work ran past its time budget (raised inside the worker by budget.py).

    Like KeyboardInterrupt it is no ``Exception``: a library's ``except Exception`` inside
    the interrupted work cannot swallow it; the code that set the budget catches it."""

    def __init__(self, what: str = "", seconds: float = 0.0) -> None:
        super().__init__(f"{what or 'work'} exceeded its budget of {seconds:g} s")
        self.what = what
        self.seconds = seconds
