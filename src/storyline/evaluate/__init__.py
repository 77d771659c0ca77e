"""Scorers, baselines and the ``storyline eval`` commands, each over a dev set file."""
