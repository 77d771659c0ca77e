"""storyline.link stage."""
