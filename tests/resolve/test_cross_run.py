"""A name stored by one run resolves to the same node in the next (real RDF, real store)."""

from __future__ import annotations

from kg.config import DEFAULT_BASE
from kg.model import EntityType, Extraction, RelationMention, RelationType
from kg.rdf.triples import extraction_quads
from kg.read.files import make_article
from kg.resolve.dictionary import load_dictionary
from kg.resolve.resolver import Resolver
from kg.store.entities import stored_entities
from kg.store.oxigraph import OxigraphStore

TEXT = (
    "Turkish officials have stepped up supplies to Liwa Suqour al-Ghab, a rebel brigade "
    "fighting government forces on the edge of the Ghab plain, opposition sources said."
)


def store_one_article(store, resolver):
    article = make_article(TEXT, "tests/resolve/ghab.txt")
    group = resolver.resolve("Liwa Suqour al-Ghab", EntityType.ARMED_GROUP)
    turkey = resolver.resolve("Turkish officials")
    relation = RelationMention(
        subject=turkey.key,
        predicate=RelationType.BACKS,
        object=group.key,
        sentence=TEXT,
        start=0,
        end=len(TEXT),
        confidence=0.8,
    )
    extraction = Extraction(article, (group, turkey), (relation,))
    assert store.add(article.id, extraction_quads(extraction, DEFAULT_BASE))
    return group


def test_a_later_run_joins_a_new_spelling_to_the_stored_node(tmp_path):
    dictionary = load_dictionary()
    store = OxigraphStore.open(tmp_path / "store")
    try:
        group = store_one_article(store, Resolver.from_dictionary(dictionary))
    finally:
        store.close()

    # another process, another day: a fresh resolver learns what the store holds
    store = OxigraphStore.open(tmp_path / "store")
    try:
        later = Resolver.from_dictionary(dictionary)
        later.add_known(stored_entities(store, DEFAULT_BASE))
    finally:
        store.close()
    assert later.resolve("Liwa Saqour al-Ghab", EntityType.ARMED_GROUP).key == group.key
    assert later.resolve("Turkey").key == "Turkey"
    # and a name it never saw still becomes its own node
    assert later.resolve("Liwa Ahrar al-Ghab", EntityType.ARMED_GROUP).key != group.key
