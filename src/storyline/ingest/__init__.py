"""storyline.ingest stage."""
