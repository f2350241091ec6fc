"""Exports: format name -> writer (registry.py); RDF formats in rdf.py, network formats in network.py."""
