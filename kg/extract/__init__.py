"""Relation extraction: articles -> actors, relations, attribution (spaCy pipeline)."""

from kg.extract.run import extract

__all__ = ["extract"]
