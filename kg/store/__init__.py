"""The embedded store; see kg/store/oxigraph.py."""

from kg.store.oxigraph import OxigraphStore

__all__ = ["OxigraphStore"]
