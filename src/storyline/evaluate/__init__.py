"""Evaluation against the dev sets: scorers, cross-validation, baselines, report tables."""
