"""storyline.cluster: stories (one event) and storylines (related events over time).

- ``stories.StoryClusterer``: incremental clustering with exportable state and stable ids.
  Per batch: running document frequencies are updated, article vectors built (TF-IDF
  terms + bigrams, headline and lead weighted), then the batch is grouped retrospectively
  (``batch``: average linkage with a cohesion check over a sparse nearest-neighbour graph,
  then a centroid merge; earlier stories found through the inverted index take part as
  fixed nodes, so their ids stay). A batch of headlines only goes through the single
  pass instead (join the best centroid, refine, merge new stories, split mixed ones).
- ``storylines.StorylineLinker``: a storyline is one developing situation; stories join
  it on shared specific names (rare in the pile), alike texts and nearness in time, when
  linked to enough of its recent stories.
- ``articles``: the per-article map step (term and entity counts, the non-article page
  check, the names storylines match by), which worker processes can run.
- ``features``, ``groups``, ``linkage``, ``average_linkage``, ``split``: article vectors;
  centroid groups and their index; the similarity graph; average linkage over it; the
  2-means split.
- ``dense``: optional sentence vectors (all-MiniLM-L6-v2, the ``dense`` extra) blended into
  the linkage similarities when ``ClusterOptions.vectors`` asks for them.

Calling the package, ``storyline.cluster(items)``, groups items into stories
(``storyline.api.cluster``). The baseline and metrics live in ``storyline.evaluate``; the
streaming ``storyline cluster`` run in ``storyline.run.stream_cluster``.
"""

from storyline.entry import make_callable

make_callable(__name__, "cluster")
