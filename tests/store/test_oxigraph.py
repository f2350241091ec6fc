"""The embedded store: atomic per-article writes, retraction, one writer, bound queries."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest
from rdf.handmade import BASE, second_syria_extraction, syria_extraction, yemen_extraction

from kg.errors import StoreError
from kg.rdf.iri import entity_iri
from kg.rdf.triples import extraction_quads
from kg.rdf.vocab import KG_NS
from kg.store import queries
from kg.store.entities import stored_entities
from kg.store.oxigraph import OxigraphStore

BACKS = ox.NamedNode(KG_NS + "backs")
BASED_AT = ox.NamedNode(KG_NS + "basedAt")


def ent(key: str) -> ox.NamedNode:
    return ox.NamedNode(entity_iri(BASE, key))


def load(store: OxigraphStore, *extractions) -> None:
    for ex in extractions:
        assert store.add(ex.article.id, extraction_quads(ex, BASE))


def asserted(store: OxigraphStore, s: str, p: ox.NamedNode, o: str) -> bool:
    return next(store.quads(ent(s), p, ent(o)), None) is not None


def test_add_is_idempotent_per_article() -> None:
    store = OxigraphStore.memory()
    ex = syria_extraction()
    quads = extraction_quads(ex, BASE)
    assert not store.has_article(ex.article.id)
    assert store.add(ex.article.id, quads) is True
    assert store.has_article(ex.article.id)
    size = len(store)
    assert store.add(ex.article.id, quads) is False
    assert len(store) == size == len(quads)
    assert store.article_ids() == [ex.article.id]


def test_add_rejects_quads_outside_one_article_graph() -> None:
    store = OxigraphStore.memory()
    ex, other = syria_extraction(), yemen_extraction()
    mixed = extraction_quads(ex, BASE) + extraction_quads(other, BASE)
    with pytest.raises(StoreError, match="one named graph"):
        store.add(ex.article.id, mixed)
    assert len(store) == 0, "nothing half-written"


def test_a_failing_quad_stream_writes_nothing() -> None:
    store = OxigraphStore.memory()
    ex = syria_extraction()

    def broken():
        yield from extraction_quads(ex, BASE)[:10]
        raise RuntimeError("reader died")

    with pytest.raises(RuntimeError):
        store.add(ex.article.id, broken())
    assert len(store) == 0 and not store.has_article(ex.article.id)


def test_retract_removes_only_what_that_article_alone_supported() -> None:
    store = OxigraphStore.memory()
    first, second, yemen = syria_extraction(), second_syria_extraction(), yemen_extraction()
    load(store, first, second, yemen)
    assert store.retract(first.article.id) is True
    assert store.retract(first.article.id) is False
    # said by the second article too: stays
    assert asserted(store, "Turkey", BACKS, "Ahrar_al-Sham")
    assert next(store.quads(ent("Turkey"), None, None), None) is not None
    # said only by the first: gone, with its entities and statements
    assert not asserted(store, "Russia", BASED_AT, "Hmeymim_air_base")
    assert next(store.quads(ent("Hmeymim_air_base"), None, None), None) is None
    rows = list(store.query(queries.COUNT_STATEMENTS))
    assert int(rows[0]["n"].value) == len(second.relations) + len(yemen.relations)
    assert store.article_ids() == sorted([second.article.id, yemen.article.id])


def test_query_binds_variables_instead_of_pasting_text() -> None:
    store = OxigraphStore.memory()
    load(store, syria_extraction(), second_syria_extraction())
    sparql = queries.PREFIX_HEADER + "SELECT DISTINCT ?o WHERE { ?s kg:backs ?o }"
    rows = list(store.query(sparql, {"s": ent("Turkey")}))
    assert [r["o"] for r in rows] == [ent("Ahrar_al-Sham")], "union of the graphs"
    hostile = ox.Literal('x" } ; DROP ALL ; SELECT * { ?a ?b "')
    label = queries.PREFIX_HEADER + "SELECT DISTINCT ?e WHERE { ?e rdfs:label ?name }"
    assert list(store.query(label, {"name": hostile})) == []
    assert [r["e"] for r in store.query(label, {"?name": ox.Literal("Turkey")})] == [ent("Turkey")]
    with pytest.raises(StoreError, match="bad SPARQL"):
        store.query("SELECT WHERE {")


def test_stored_entities_rebuild_what_ingest_wrote() -> None:
    store = OxigraphStore.memory()
    load(store, syria_extraction(), yemen_extraction())
    entities = {e.key: e for e in stored_entities(store, BASE)}
    russia = entities["Russia"]
    assert (russia.name, russia.type.value, russia.wikidata) == ("Russia", "State", "Q159")
    assert set(russia.aliases) == {"Moscow", "the Kremlin"}
    militias = entities["pro-Iranian_militias"]
    assert (militias.type.value, militias.group_of) == ("ArmedGroup", "Iran")
    assert "Houthis" in entities and "Hmeymim_air_base" in entities


def test_persistent_store_survives_reopen(tmp_path) -> None:
    ex = yemen_extraction()
    with OxigraphStore.open(tmp_path / "s") as store:
        load(store, ex)
    with OxigraphStore.open(tmp_path / "s", read_only=True) as store:
        assert store.article_ids() == [ex.article.id]
        with pytest.raises(StoreError, match="read-only"):
            store.retract(ex.article.id)


def test_second_writer_gets_a_clear_error(tmp_path) -> None:
    path = tmp_path / "busy"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
                import sys, time
                from kg.store.oxigraph import OxigraphStore
                store = OxigraphStore.open({str(path)!r})
                print("open", flush=True)
                sys.stdin.read()
            """),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as err:
            OxigraphStore.open(path)
        assert str(err.value) == f"store {path} is in use by another kg process (pid {holder.pid})"
        with pytest.raises(StoreError, match="in use"):
            OxigraphStore.open(path, read_only=True)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with OxigraphStore.open(path) as store:  # free again once the holder exits
        assert store.article_ids() == []


def test_readers_share_but_keep_writers_out(tmp_path) -> None:
    path = tmp_path / "shared"
    OxigraphStore.open(path).close()
    with (
        OxigraphStore.open(path, read_only=True),
        OxigraphStore.open(path, read_only=True),
        pytest.raises(StoreError, match="in use by another kg process"),
    ):
        OxigraphStore.open(path)


def test_missing_store_for_reading_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        OxigraphStore.open(tmp_path / "nowhere", read_only=True)
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreError, match=str(blocker)):
        OxigraphStore.open(blocker)
