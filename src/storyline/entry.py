"""Stage packages that double as the API's entry points: ``storyline.brief(...)``,
``storyline.clean(...)`` and ``storyline.cluster(...)`` call ``storyline.api`` while
``storyline.brief.render`` and friends stay importable.

A package named like a function shadows it on the parent module as soon as it is imported,
so the package module itself is made callable (its class gets a ``__call__``). Type
checkers see a module: typed code can import the functions from ``storyline.api``.
"""

from __future__ import annotations

import sys
import types
from typing import Any


def make_callable(package: str, function: str) -> None:
    """Calling the module ``package`` calls ``storyline.api.<function>``."""

    class CallablePackage(types.ModuleType):
        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            from storyline import api

            return getattr(api, function)(*args, **kwargs)

    CallablePackage.__call__.__doc__ = f"Call ``storyline.api.{function}``."
    sys.modules[package].__class__ = CallablePackage
