"""Per-article language processing: sentences (and, later, entities, quotes, facts, dates)."""
