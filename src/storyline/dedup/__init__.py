"""storyline.dedup stage."""
