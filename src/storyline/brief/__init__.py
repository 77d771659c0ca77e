"""storyline.brief stage."""
