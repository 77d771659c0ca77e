"""storyline.serve stage."""
