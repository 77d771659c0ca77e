"""storyline.clean stage."""
