"""storyline.clean: boilerplate lines out (with reasons), metadata found in them, language,
ids. Calling the package, ``storyline.clean(text)``, cleans one document
(``storyline.api.clean``).
"""

from storyline.entry import make_callable

make_callable(__name__, "clean")
