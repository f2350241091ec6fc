"""Evaluation of kg on independent, real data (kept outside the repository)."""
