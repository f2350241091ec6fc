"""`kg extract FILE... --format`: RDF on stdout, no store (what the scorer runs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace

from cli.corpus import SENTENCES
from cli.kgcli import kg

KG = Namespace("https://w3id.org/conflict-kg/ontology#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("extract") / "sahel-and-yemen.txt"
    path.write_text("Foreign powers and their proxies\n\n" + " ".join(SENTENCES[1:7]) + "\n")
    return path


@pytest.mark.parametrize(
    ("fmt", "parser"), [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")]
)
def test_extract_prints_parseable_rdf_with_provenance(
    article: Path, tmp_path: Path, fmt: str, parser: str
) -> None:
    done = kg("extract", article, "--format", fmt, home=tmp_path)
    assert done.returncode == 0, done.stderr
    if fmt == "jsonld":
        assert "@context" in json.loads(done.stdout)
    graph = Graph().parse(data=done.stdout, format=parser)
    articles = list(graph.subjects(RDF.type, KG.Article))
    assert len(articles) == 1
    assert str(graph.value(articles[0], DCTERMS.source)).endswith("sahel-and-yemen.txt")
    statements = list(graph.subjects(RDF.type, RDF.Statement))
    assert statements, "six plain news sentences about who backs and attacks whom yield relations"
    for st in statements:
        assert graph.value(st, PROV.wasDerivedFrom) == articles[0]
        assert str(graph.value(st, KG.evidence)) in article.read_text()
    assert not (tmp_path / "xdg").exists(), "extract never creates a store"


def test_extract_names_a_bad_file_and_still_prints_the_good_one(
    article: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    done = kg("extract", empty, article, home=tmp_path)
    assert done.returncode == 0
    assert f"kg: error: {empty}:" in done.stderr
    assert "kg:Article" in done.stdout
    alone = kg("extract", empty, home=tmp_path)
    assert alone.returncode == 1 and alone.stdout == ""
