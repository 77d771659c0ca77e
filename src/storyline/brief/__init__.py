"""storyline.brief: extractive summaries and the brief files (brief.json/.md/.html).

Calling the package, ``storyline.brief(inputs, options)``, runs the whole pipeline
(``storyline.api.brief``).
"""

from storyline.entry import make_callable

make_callable(__name__, "brief")
