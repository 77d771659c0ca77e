"""storyline.cluster: stories (one event) and storylines (related events over time).

- ``stories.StoryClusterer``: incremental clustering with exportable state and stable ids.
  Per batch: running document frequencies are updated, then each article (date, then id
  order) joins the story whose centroid it matches best (TF-IDF terms + bigrams, headline
  and lead weighted, damped by the time gap) or opens one; a refinement pass re-places
  the batch's articles against the final centroids; stories opened in the batch merge
  into an older story at a stricter centroid threshold. Candidate stories come from an
  inverted index over heavy features (the most recent postings only), so the cost per
  article does not grow with the collection.
- ``storylines.StorylineLinker``: a storyline is one developing situation; stories join
  it on shared specific names (rare in the pile), alike texts and nearness in time, when
  linked to enough of its recent stories.
- ``features``, ``split``: article vectors; the 2-means split of a story holding two events.

Calling the package, ``storyline.cluster(items)``, groups items into stories
(``storyline.api.cluster``). The baseline and metrics live in ``storyline.evaluate``; the
streaming ``storyline cluster`` run in ``storyline.run.stream_cluster``.
"""

from storyline.entry import make_callable

make_callable(__name__, "cluster")
