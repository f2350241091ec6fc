"""SPARQL texts used against the store, as constants with ?variables.

Callers bind values through ``substitutions``; nothing a user typed is ever
pasted into these strings. Queries run with the union of the article graphs
as the default graph unless they name a ``GRAPH`` themselves.
"""

from __future__ import annotations

from kg.rdf.vocab import PREFIXES

PREFIX_HEADER = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())

#: ?article ?id ?source ?title ?date — one row per stored article
ARTICLES = (
    PREFIX_HEADER
    + """
SELECT ?article ?id ?source ?title ?date WHERE {
  GRAPH ?article {
    ?article a kg:Article ; kg:contentHash ?id .
    OPTIONAL { ?article dcterms:source ?source }
    OPTIONAL { ?article dcterms:title ?title }
    OPTIONAL { ?article dcterms:date ?date }
  }
}
ORDER BY ?id
"""
)

#: ?entity ?type ?label — every typed entity (one row per type)
ENTITY_TYPES = (
    PREFIX_HEADER
    + """
SELECT DISTINCT ?entity ?type ?label WHERE {
  ?entity a ?type ; rdfs:label ?label .
  FILTER(?type != kg:Article && ?type != rdf:Statement)
}
"""
)

#: ?entity ?alias — alternative labels
ENTITY_ALIASES = (
    PREFIX_HEADER
    + """
SELECT DISTINCT ?entity ?alias WHERE { ?entity skos:altLabel ?alias }
"""
)

#: ?entity ?same — owl:sameAs links (Wikidata)
ENTITY_SAME_AS = (
    PREFIX_HEADER
    + """
SELECT DISTINCT ?entity ?same WHERE { ?entity owl:sameAs ?same }
"""
)

#: ?entity ?backer — generic groups and the named actor they are known by
ENTITY_GROUP_OF = (
    PREFIX_HEADER
    + """
SELECT DISTINCT ?entity ?backer WHERE { ?entity kg:genericGroupOf ?backer }
"""
)

#: ?type (count) — entities by class
COUNT_ENTITIES_BY_TYPE = (
    PREFIX_HEADER
    + """
SELECT ?type (COUNT(DISTINCT ?entity) AS ?n) WHERE {
  ?entity a ?type .
  FILTER(?type != kg:Article && ?type != rdf:Statement)
}
GROUP BY ?type ORDER BY ?type
"""
)

#: ?predicate (count) — distinct asserted relations by predicate
COUNT_RELATIONS_BY_TYPE = (
    PREFIX_HEADER
    + """
SELECT ?predicate (COUNT(*) AS ?n) WHERE {
  { SELECT DISTINCT ?s ?predicate ?o WHERE {
      ?s ?predicate ?o .
      VALUES ?predicate { kg:backs kg:targets kg:alliedWith kg:opposes
                          kg:basedAt kg:locatedIn kg:partOf kg:leads }
  } }
}
GROUP BY ?predicate ORDER BY ?predicate
"""
)

#: ?n — relation mentions (rdf:Statement nodes)
COUNT_STATEMENTS = (
    PREFIX_HEADER
    + """
SELECT (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a rdf:Statement }
"""
)

#: ?n — statements in one article's graph (bind ?article)
COUNT_ARTICLE_STATEMENTS = (
    PREFIX_HEADER
    + """
SELECT (COUNT(?st) AS ?n) WHERE { GRAPH ?article { ?st a rdf:Statement } }
"""
)

#: ?s — every subject of any graph, once
DISTINCT_SUBJECTS = """
SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!isLiteral(?s)) }
"""
