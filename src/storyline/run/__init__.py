"""storyline.run stage."""
