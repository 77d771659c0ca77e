"""storyline.cluster stage."""
