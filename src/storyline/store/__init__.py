"""storyline.store stage."""
