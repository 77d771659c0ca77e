"""Every error and skip reason users see, named and numbered in one place (as spaCy's
``errors.py``): the manifest, the API and the CLI report the same code and words.

A message is ``Errors.E201.format(stage="quotes", seconds=60)`` → ``"[E201] ..."``.
Codes are grouped by where they arise: E1xx ingest, E2xx budgets, E3xx analysis.
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
    # ingest: a record or input that could not be read
    E101 = ErrorCode("E101", "record of {size} bytes exceeds the record cap of {limit} bytes")
    E102 = ErrorCode(
        "E102", "compressed record expands past the record cap of {limit} bytes (cut there)"
    )
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
    # analysis: a step that failed on one article (its other steps and articles go on)
    E301 = ErrorCode("E301", "{stage} failed on this article: {error}")


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
