"""The signed, weighted projection of the store that every graph question runs on.

This is the only graph module that reads the store. It turns the relation
mentions (``rdf:Statement`` nodes, one per sentence) of every article graph
into one networkx ``MultiDiGraph`` edge per (subject, relation, object), and
keeps each article's contribution apart so an article can be added or
removed without a rebuild.

Edge weight and confidence
--------------------------
A mention's *strength* is its ``kg:confidence``, times ``HEDGED_FACTOR`` when
the text hedges it ("reportedly") and times ``CLAIMED_FACTOR`` when the text
only attributes it to someone ("Russia said ..."). An article supports an
edge with the strongest of its asserting mentions (repeating a claim in the
same article is not independent evidence); it denies the edge with the
strongest of its negated mentions. Then, over articles ``a``::

    weight     = sum_a support_a                      (evidence mass: grows per independent article)
    support    = 1 - prod_a (1 - support_a)           (noisy-OR: chance at least one source is right)
    denial     = 1 - prod_a (1 - denial_a)
    confidence = support * (1 - DENIAL_FACTOR * denial)

Negated mentions never add weight; an edge exists in the graph only while
some article asserts it, and is ``contested`` when others deny it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import networkx as nx
import pyoxigraph as ox

from kg.config import DEFAULT_BASE
from kg.errors import StoreError, UnknownEntityError
from kg.model import RELATION_SIGN, EntityType, RelationType
from kg.rdf.iri import article_iri, entity_iri, key_from_iri
from kg.rdf.vocab import KG_NS, PREFIXES

__all__ = [
    "CLAIMED_FACTOR",
    "DENIAL_FACTOR",
    "HEDGED_FACTOR",
    "ArticleRecord",
    "EntityRecord",
    "Mention",
    "Projection",
    "normalize_name",
]

HEDGED_FACTOR = 0.5
CLAIMED_FACTOR = 0.7
DENIAL_FACTOR = 0.5

#: (subject, relation, object): one projected edge
EdgeKey = tuple[str, str, str]
#: what one article says about a node: (name, type, aliases, wikidata, generic_of)
Facts = tuple[str, str, tuple[str, ...], str | None, str | None]
#: (weight or confidence, neighbour, subject, relation, object, edge data)
Tie = tuple[float, str, str, str, str, dict[str, Any]]
#: nodes with at least this many edges keep their ranked tie lists between queries
_CACHE_DEGREE = 32

_PLACE_TYPES = frozenset({EntityType.PLACE.value, EntityType.BASE.value})
_ENTITY_TYPES = frozenset(t.value for t in EntityType)


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """The article facts the projection keeps (to cite evidence)."""

    id: str
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """What one article says about one entity node."""

    article: str
    key: str
    name: str
    type: str = ""
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    generic_of: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One relation mention (an ``rdf:Statement``), as evidence for an edge."""

    id: str
    article: str
    subject: str
    relation: str
    object: str
    sentence: str = ""
    confidence: float = 1.0
    hedged: bool = False
    negated: bool = False
    claimed_by: str | None = None
    event_date: dt.date | None = None

    @property
    def strength(self) -> float:
        """Confidence discounted for hedging and for being only someone's claim."""
        value = self.confidence
        if self.hedged:
            value *= HEDGED_FACTOR
        if self.claimed_by:
            value *= CLAIMED_FACTOR
        return value


def normalize_name(name: str) -> str:
    """A lookup key for a name: engineer B's ``normalize`` when present, else a local one."""
    return _normalizer()(name)


def _fallback_normalize(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("_", " ").replace("\u2019", "'").replace("'", "")
    text = re.sub(r"[-\u2010-\u2015.,]", " ", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    words = [w for w in words if w not in {"al", "el", "ash", "ad", "as", "an", "ar", "az"}]
    return " ".join(words)


_NORMALIZE: list[Callable[[str], str]] = []
_SKELETON: list[Callable[[str], str] | None] = []


def _skeleton() -> Callable[[str], str] | None:
    """Engineer B's transliteration skeleton key, when kg.resolve provides it."""
    if not _SKELETON:
        try:
            from kg.resolve.names import skeleton

            _SKELETON.append(skeleton)
        except ImportError:
            _SKELETON.append(None)
    return _SKELETON[0]


def _normalizer() -> Callable[[str], str]:
    if not _NORMALIZE:
        try:
            from kg.resolve.names import normalize

            _NORMALIZE.append(lambda name: _fallback_normalize(normalize(name)))
        except ImportError:
            _NORMALIZE.append(_fallback_normalize)
    return _NORMALIZE[0]


class Projection:
    """A signed, weighted ``MultiDiGraph`` of the store, updated per article.

    ``graph`` has one edge per (subject, relation, object) with key = the
    relation's local name and attributes ``relation``, ``sign`` (+1
    cooperation, -1 hostility, 0 geography), ``weight``, ``confidence``,
    ``first_seen``, ``last_seen``, ``articles``, ``statements``,
    ``negations`` and ``contested``. Nodes are entity keys with ``name``,
    ``type``, ``aliases``, ``wikidata``, ``generic_of`` and ``iri``.

    The networkx graph keeps both directions of adjacency (``succ`` and
    ``pred``), which is the cached undirected adjacency BFS and path search
    walk: neighbours are read in O(degree), nothing is ever copied.

    Examples
    --------
    >>> P = Projection()
    >>> P.add_records(
    ...     [ArticleRecord("a1", date=dt.date(2015, 10, 1))],
    ...     [EntityRecord("a1", "Russia", "Russia", "State"),
    ...      EntityRecord("a1", "Bashar_al-Assad", "Bashar al-Assad", "Person", ("Assad",))],
    ...     [Mention("m1", "a1", "Russia", "backs", "Bashar_al-Assad", confidence=0.9)],
    ... )
    >>> P.graph["Russia"]["Bashar_al-Assad"]["backs"]["weight"]
    0.9
    >>> P.resolve("Assad")
    'Bashar_al-Assad'
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base
        self.graph: nx.MultiDiGraph = nx.MultiDiGraph()
        #: bumped on every change, so callers can cache answers per version
        self.version = 0
        self._articles: dict[str, ArticleRecord] = {}
        self._mentions: dict[str, Mention] = {}
        # Per-edge mentions and per-article keys are what make removal exact; they are kept
        # lean (flat lists, tuples, shared fact tuples) because there is one per mention.
        self._edge_mentions: dict[EdgeKey, list[Mention]] = {}
        self._article_edges: dict[str, tuple[EdgeKey, ...]] = {}
        #: node -> {facts: number of articles stating them}
        self._node_facts: dict[str, dict[Facts, int]] = {}
        #: article -> (nodes, the facts it states about each)
        self._article_nodes: dict[str, tuple[tuple[str, ...], tuple[Facts, ...]]] = {}
        self._facts_pool: dict[Facts, Facts] = {}
        self._names: dict[str, set[str]] = defaultdict(set)
        self._names_ready = False
        self._node_names: dict[str, set[str]] = {}
        self._surnames: dict[str, set[str]] = defaultdict(set)
        self._extra_aliases: dict[str, tuple[str, ...]] = {}
        self._skeletons: dict[str, set[str]] = {}
        self._skeletons_version = -1
        self._ranked: dict[str, dict[str, list[Tie]]] = {}

    # ------------------------------------------------------------ building

    @classmethod
    def from_store(
        cls,
        store: Any,
        base: str = DEFAULT_BASE,
        progress: Callable[[str], None] | None = None,
    ) -> Projection:
        """Builds the projection from every article graph of ``store`` (two SPARQL queries)."""
        projection = cls(base)
        articles, entities = _read_facts(store, base, None)
        if progress:
            progress(f"read {len(articles)} articles and {len(entities)} entity records")
        mentions = list(_read_mentions(store, base, None))
        if progress:
            progress(f"read {len(mentions)} relation mentions")
        projection.add_records(articles, entities, mentions)
        return projection

    def add_article(self, store: Any, article_id: str) -> bool:
        """Reads one article's named graph and updates only the edges it touches.

        Returns False when the store holds no such article (nothing changes).
        Re-adding an article already projected replaces its contribution.
        """
        graph = ox.NamedNode(article_iri(self.base, article_id))
        articles, entities = _read_facts(store, self.base, graph)
        mentions = list(_read_mentions(store, self.base, graph))
        if not articles and not entities and not mentions:
            return False
        if not articles:
            articles = [ArticleRecord(article_id)]
        self.remove_article(article_id)
        self.add_records(articles, entities, mentions)
        return True

    def add_records(
        self,
        articles: Iterable[ArticleRecord],
        entities: Iterable[EntityRecord],
        mentions: Iterable[Mention],
    ) -> None:
        """Adds already-read records (what ``from_store`` and ``add_article`` use)."""
        dirty_edges: set[EdgeKey] = set()
        dirty_nodes: set[str] = set()
        known = self._articles
        for article in articles:
            known[article.id] = article
        new_nodes: dict[str, dict[str, Facts]] = defaultdict(dict)
        pool = self._facts_pool
        for record in entities:
            facts = (record.name, record.type, record.aliases, record.wikidata, record.generic_of)
            new_nodes[record.article][record.key] = pool.setdefault(facts, facts)
        for article_id, stated in new_nodes.items():
            if article_id not in known:
                known[article_id] = ArticleRecord(article_id)
            old_nodes, old_facts = self._article_nodes.get(article_id, ((), ()))
            merged = dict(zip(old_nodes, old_facts, strict=True))
            for node, facts in stated.items():
                counts = self._node_facts.setdefault(node, {})
                if node in merged:
                    self._uncount(counts, merged[node])
                counts[facts] = counts.get(facts, 0) + 1
                merged[node] = facts
                dirty_nodes.add(node)
            self._article_nodes[article_id] = (tuple(merged), tuple(merged.values()))
        edge_mentions, by_id = self._edge_mentions, self._mentions
        new_edges: dict[str, set[EdgeKey]] = defaultdict(set)
        for mention in mentions:
            if mention.relation not in _RELATIONS:
                continue
            key = (mention.subject, mention.relation, mention.object)
            found = edge_mentions.get(key)
            if found is None:
                edge_mentions[key] = [mention]
            else:
                found.append(mention)
            by_id[mention.id] = mention
            new_edges[mention.article].add(key)
            dirty_edges.add(key)
        for article_id, keys in new_edges.items():
            if article_id not in known:
                known[article_id] = ArticleRecord(article_id)
            self._article_edges[article_id] = tuple(
                keys.union(self._article_edges.get(article_id, ()))
            )
        for node in dirty_nodes:
            self._refresh_node(node)
        for key in dirty_edges:
            self._refresh_edge(key)
        self.version += 1

    @staticmethod
    def _uncount(counts: dict[Facts, int], facts: Facts) -> None:
        left = counts.get(facts, 0) - 1
        if left > 0:
            counts[facts] = left
        else:
            counts.pop(facts, None)

    def remove_article(self, article_id: str) -> bool:
        """Takes back everything one article contributed; False if it was not projected."""
        if article_id not in self._articles:
            return False
        del self._articles[article_id]
        edges = self._article_edges.pop(article_id, ())
        nodes, facts = self._article_nodes.pop(article_id, ((), ()))
        for key in edges:
            kept = []
            for mention in self._edge_mentions.get(key, ()):
                if mention.article == article_id:
                    self._mentions.pop(mention.id, None)
                else:
                    kept.append(mention)
            if kept:
                self._edge_mentions[key] = kept
            else:
                self._edge_mentions.pop(key, None)
            self._refresh_edge(key)
        for node, stated in zip(nodes, facts, strict=True):
            counts = self._node_facts.get(node)
            if counts is not None:
                self._uncount(counts, stated)
            self._refresh_node(node)
        for key in edges:
            for node in (key[0], key[2]):
                self._drop_node_if_orphan(node)
        self.version += 1
        return True

    def add_aliases(self, aliases: Mapping[str, Iterable[str]]) -> None:
        """Extra names for nodes (e.g. the actor dictionary's aliases), so any alias resolves."""
        for key, names in aliases.items():
            self._extra_aliases[key] = tuple(names)
            if key in self.graph:
                self._index_names(key)
        self._skeletons_version = -1

    def add_dictionary_aliases(self, actor_files: Iterable[Any] = ()) -> None:
        """Adds the actor dictionary's names (built-in plus ``actor_files``), so that an
        alias no article used ("Daesh", "Ankara") still names its node."""
        try:
            from kg.resolve.dictionary import load_dictionary
        except ImportError:
            return
        dictionary = load_dictionary(actor_files)
        self.add_aliases(
            {e.key: (e.name, *e.aliases, *e.forces) for e in dictionary if e.key in self.graph}
        )

    # ------------------------------------------------------------ reading

    def resolve(self, name: str) -> str:
        """The node key for any label, alias, key, transliteration or (for people) surname.

        Tries, in order: the key itself; normalised labels and aliases; the
        transliteration skeleton ("Hmeimim" = "Hmeymim"); a person's surname;
        the leading words of a name ("Ahrar" -> "Ahrar al-Sham"). A fuzzy
        step answers only when exactly one node fits. Raises
        ``UnknownEntityError`` with close matches otherwise.
        """
        if name in self.graph:
            return name
        self._ensure_names()
        key = normalize_name(name)
        exact = self._names.get(key)
        if exact:
            if len(exact) == 1:
                return next(iter(exact))
            raise UnknownEntityError(name, sorted(self.name(n) for n in exact)[:5])
        for found in (
            self._by_skeleton(name),
            self._surnames.get(key, set()),
            self._by_prefix(key),
        ):
            if len(found) == 1:
                return next(iter(found))
            if len(found) > 1:
                raise UnknownEntityError(name, sorted(self.name(n) for n in found)[:5])
        raise UnknownEntityError(name, self.suggest(name))

    def _by_skeleton(self, name: str) -> set[str]:
        skeleton = _skeleton()
        if skeleton is None:
            return set()
        wanted = skeleton(name)
        if not wanted:
            return set()
        if self._skeletons_version != self.version:
            index: dict[str, set[str]] = defaultdict(set)
            for node in self.graph:
                data = self.graph.nodes[node]
                for label in (data["name"], *data["aliases"], *self._extra_aliases.get(node, ())):
                    index[skeleton(label)].add(node)
            self._skeletons = index
            self._skeletons_version = self.version
        return set(self._skeletons.get(wanted, set()))

    def _by_prefix(self, key: str) -> set[str]:
        if not key:
            return set()
        prefix = key + " "
        return {n for name, nodes in self._names.items() if name.startswith(prefix) for n in nodes}

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Names of the ``n`` nodes whose names are closest to ``name``."""
        from rapidfuzz import fuzz, process

        self._ensure_names()
        key = normalize_name(name)
        matches = process.extract(key, list(self._names), scorer=fuzz.WRatio, limit=n * 3)
        names: list[str] = []
        for candidate, score, _ in matches:
            if score < 70:
                continue
            for node in sorted(self._names[candidate]):
                label = self.graph.nodes[node]["name"]
                if label not in names:
                    names.append(label)
        return names[:n]

    def name(self, node: str) -> str:
        """The display name of a node."""
        return str(self.graph._node[node].get("name", node))

    def is_place(self, node: str) -> bool:
        """True for places and bases, which can be targeted but take no side."""
        return self.graph._node[node].get("type") in _PLACE_TYPES

    def mention(self, statement_id: str) -> Mention:
        """One supporting or denying mention by statement id."""
        return self._mentions[statement_id]

    def article(self, article_id: str) -> ArticleRecord:
        return self._articles[article_id]

    def article_ids(self) -> list[str]:
        return sorted(self._articles)

    def edge_mentions(self, subject: str, relation: str, obj: str) -> list[Mention]:
        """All mentions of one edge, asserting and denying, oldest article first."""
        found = self._edge_mentions.get((subject, relation, obj), [])
        return sorted(found, key=lambda m: (m.event_date or dt.date.max, m.article, m.id))

    def contested_edges(self) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """Edges some articles assert and others deny, with both sides' evidence ids."""
        for u, v, k, data in self.graph.edges(keys=True, data=True):
            if data["contested"]:
                yield u, v, k, data

    def neighbours(self, node: str) -> Iterator[tuple[str, str, str, str, dict[str, Any]]]:
        """``(neighbour, subject, relation, object, data)`` for every edge at ``node``, both ways."""
        for nbr, keyed in self.graph._succ[node].items():
            for rel, data in keyed.items():
                yield nbr, node, rel, nbr, data
        for nbr, keyed in self.graph._pred[node].items():
            for rel, data in keyed.items():
                yield nbr, nbr, rel, node, data

    def ranked_ties(self, node: str, by: str = "weight") -> list[Tie]:
        """Every edge at ``node`` (both ways) as ``(value, neighbour, subject, relation, object, data)``,
        strongest first by ``by`` (``"weight"`` or ``"confidence"``).

        Hubs' lists are cached until one of their edges changes, so BFS and
        path search can stop reading a hub's ties once the rest cannot matter.
        """
        cached = self._ranked.get(node)
        if cached is not None and by in cached:
            return cached[by]
        ties = [(data[by], nbr, s, rel, o, data) for nbr, s, rel, o, data in self.neighbours(node)]
        ties.sort(key=itemgetter(0), reverse=True)  # stable: equal values keep graph order
        if len(ties) >= _CACHE_DEGREE:
            self._ranked.setdefault(node, {})[by] = ties
        return ties

    # ------------------------------------------------------------ upkeep

    def _refresh_edge(self, key: EdgeKey) -> None:
        subject, relation, obj = key
        mentions = self._edge_mentions.get(key)
        attrs = _edge_attributes(relation, mentions) if mentions else None
        keyed = self.graph._succ.get(subject, {}).get(obj)
        has_edge = keyed is not None and relation in keyed
        self._ranked.pop(subject, None)
        self._ranked.pop(obj, None)
        if attrs is None:
            if has_edge:
                self.graph.remove_edge(subject, obj, relation)
            return
        if has_edge:
            data = keyed[relation]
            data.clear()
            data.update(attrs)
            return
        for node in (subject, obj):
            if node not in self.graph:
                self._refresh_node(node, ensure=True)
        self.graph.add_edge(subject, obj, key=relation, **attrs)

    def _refresh_node(self, node: str, ensure: bool = False) -> None:
        """Recomputes a node's attributes from the articles that describe it.

        A node no article describes stays only while an edge needs it
        (``ensure``), named after its key.
        """
        facts = self._node_facts.get(node) or {}
        if not facts:
            self._node_facts.pop(node, None)
            if node in self.graph and self.graph.degree(node) == 0:
                self._drop_node_if_orphan(node)
                return
            if node not in self.graph and not ensure:
                return
        # the facts most articles state win; ties go to the smallest, so order never matters
        ranked = sorted(facts, key=lambda f: (-facts[f], tuple(map(str, f))))
        name = next((f[0] for f in ranked if f[0]), node.replace("_", " "))
        kind = next((f[1] for f in ranked if f[1]), "")
        aliases = sorted({a for f in ranked for a in f[2] if a != name})
        wikidata = next((f[3] for f in ranked if f[3]), None)
        generic_of = next((f[4] for f in ranked if f[4]), None)
        if node not in self.graph:
            self.graph.add_node(node)
        self.graph.nodes[node].update(
            name=name,
            type=kind,
            aliases=tuple(aliases),
            wikidata=wikidata,
            generic_of=generic_of,
            iri=entity_iri(self.base, node),
        )
        self._index_names(node)

    def _drop_node_if_orphan(self, node: str) -> None:
        if node in self.graph and not self._node_facts.get(node) and self.graph.degree(node) == 0:
            self.graph.remove_node(node)
            self._unindex_names(node)

    def _ensure_names(self) -> None:
        """Builds the name index on first use (normalising 100k names is seconds of work
        that commands which never look a name up should not pay)."""
        if not self._names_ready:
            self._names_ready = True
            for node in self.graph:
                self._index_names(node)

    def _index_names(self, node: str) -> None:
        if not self._names_ready:
            return
        self._unindex_names(node)
        data = self.graph.nodes[node]
        names = {node, data["name"], *data["aliases"], *self._extra_aliases.get(node, ())}
        keys = {normalize_name(n) for n in names} - {""}
        for key in keys:
            self._names[key].add(node)
        self._node_names[node] = keys
        if data["type"] == EntityType.PERSON.value:
            surname = normalize_name(data["name"]).rsplit(" ", 1)[-1]
            if surname and surname not in keys:
                self._surnames[surname].add(node)
                self._node_names[node] = keys | {"\0" + surname}

    def _unindex_names(self, node: str) -> None:
        for key in self._node_names.pop(node, set()):
            index = self._surnames if key.startswith("\0") else self._names
            key = key.lstrip("\0")
            index[key].discard(node)
            if not index[key]:
                del index[key]


_RELATIONS = frozenset(r.value for r in RelationType)


def _edge_attributes(relation: str, mentions: list[Mention]) -> dict[str, Any] | None:
    """The edge's attributes from its mentions; None if no article asserts it."""
    support_of: dict[str, float] = {}
    denial_of: dict[str, float] = {}
    statements: list[str] = []
    negations: list[str] = []
    first: dt.date | None = None
    last: dt.date | None = None
    for m in mentions:
        strength = m.strength
        article = m.article
        if m.negated:
            negations.append(m.id)
            if strength > denial_of.get(article, -1.0):
                denial_of[article] = strength
            continue
        statements.append(m.id)
        if strength > support_of.get(article, -1.0):
            support_of[article] = strength
        date = m.event_date
        if date is not None:
            if first is None or date < first:
                first = date
            if last is None or date > last:
                last = date
    supports = list(support_of.values())
    denials = list(denial_of.values())
    articles = list(support_of)
    if not supports:
        return None
    asserted = 1.0 - math.prod([1.0 - s for s in supports])
    denied = 1.0 - math.prod([1.0 - d for d in denials]) if denials else 0.0
    return {
        "relation": relation,
        "sign": _SIGN[relation],
        "weight": round(sum(supports), 6),
        "confidence": round(asserted * (1.0 - DENIAL_FACTOR * denied), 3),
        "first_seen": first,
        "last_seen": last,
        "articles": tuple(sorted(articles)),
        "statements": tuple(sorted(statements)),
        "negations": tuple(sorted(negations)),
        "contested": bool(denials),
    }


_SIGN = {r.value: RELATION_SIGN[r] for r in RelationType}


# ------------------------------------------------------------------ store reading

_PREFIXES = "".join(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())

_FACTS = (
    _PREFIXES
    + """
SELECT ?g ?x ?p ?v WHERE {
  GRAPH ?g {
    ?x ?p ?v .
    VALUES ?p { rdf:type rdfs:label skos:altLabel owl:sameAs kg:genericGroupOf
                dcterms:title dcterms:date dcterms:source schema:url }
    FILTER(?v != rdf:Statement)
  }
}
"""
)

_MENTIONS = (
    _PREFIXES
    + """
SELECT ?g ?st ?s ?p ?o ?conf ?hedged ?neg ?claim ?date ?ev WHERE {
  GRAPH ?g {
    ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?st kg:confidence ?conf }
    OPTIONAL { ?st kg:hedged ?hedged }
    OPTIONAL { ?st kg:negated ?neg }
    OPTIONAL { ?st kg:claimedBy ?claim }
    OPTIONAL { ?st kg:eventDate ?date }
    OPTIONAL { ?st kg:evidence ?ev }
  }
}
"""
)

_RDF_TYPE = PREFIXES["rdf"] + "type"
_LABEL = PREFIXES["rdfs"] + "label"
_ALT = PREFIXES["skos"] + "altLabel"
_SAME = PREFIXES["owl"] + "sameAs"
_GROUP_OF = KG_NS + "genericGroupOf"
_TITLE = PREFIXES["dcterms"] + "title"
_DATE = PREFIXES["dcterms"] + "date"
_SOURCE = PREFIXES["dcterms"] + "source"
_URL = PREFIXES["schema"] + "url"
_WD = "http://www.wikidata.org/entity/"


def _query(store: Any, sparql: str, graph: ox.NamedNode | None) -> Iterable[Any]:
    """Runs a SELECT on kg's store wrapper or a bare ``pyoxigraph.Store``, ?g bound or not."""
    try:
        if isinstance(store, ox.Store):
            subs = {ox.Variable("g"): graph} if graph is not None else None
            return store.query(sparql, substitutions=subs)  # type: ignore[arg-type,return-value]
        return store.query(sparql, {"g": graph} if graph is not None else None)
    except (OSError, SyntaxError) as exc:
        raise StoreError(f"cannot read the store for the graph projection: {exc}") from exc


def _key_reader(base: str) -> Callable[[str], str | None]:
    """``key_from_iri`` memoised per read: the same few thousand IRIs recur on every row."""
    cache: dict[str, str | None] = {}

    def key(iri: str) -> str | None:
        found = cache.get(iri, _MISSING)
        if found is _MISSING:
            found = cache[iri] = key_from_iri(base, iri)
        return found  # type: ignore[return-value]

    return key


_MISSING = object()


def _read_facts(
    store: Any, base: str, graph: ox.NamedNode | None
) -> tuple[list[ArticleRecord], list[EntityRecord]]:
    key_of = _key_reader(base)
    articles: dict[str, dict[str, Any]] = {}
    entities: dict[tuple[str, str], dict[str, Any]] = {}
    article_of: dict[str, str] = {}
    for g, x, p, value in _query(store, _FACTS, graph):
        graph_iri, subject, predicate = g.value, x.value, p.value
        article_id = article_of.get(graph_iri)
        if article_id is None:
            article_id = article_of[graph_iri] = graph_iri.rsplit("/", 1)[-1]
        if subject == graph_iri:
            facts = articles.setdefault(article_id, {})
            if predicate == _TITLE:
                facts["title"] = value.value
            elif predicate == _DATE:
                facts["date"] = _date(value.value)
            elif predicate == _SOURCE:
                facts["source"] = value.value
            elif predicate == _URL:
                facts["url"] = value.value
            continue
        key = key_of(subject)
        if key is None:
            continue
        facts = entities.setdefault((article_id, key), {"aliases": []})
        if predicate == _RDF_TYPE:
            local = value.value[len(KG_NS) :] if value.value.startswith(KG_NS) else ""
            if local in _ENTITY_TYPES:
                facts["type"] = local
        elif predicate == _LABEL:
            facts["name"] = value.value
        elif predicate == _ALT:
            facts["aliases"].append(value.value)
        elif predicate == _SAME and value.value.startswith(_WD):
            facts["wikidata"] = value.value[len(_WD) :]
        elif predicate == _GROUP_OF:
            facts["generic_of"] = key_of(value.value)
    article_records = [ArticleRecord(id=a, **facts) for a, facts in articles.items()]
    entity_records = [
        EntityRecord(
            article=article_id,
            key=key,
            name=facts.get("name", key.replace("_", " ")),
            type=facts.get("type", ""),
            aliases=tuple(sorted(set(facts["aliases"]))),
            wikidata=facts.get("wikidata"),
            generic_of=facts.get("generic_of"),
        )
        for (article_id, key), facts in entities.items()
    ]
    return article_records, entity_records


def _read_mentions(store: Any, base: str, graph: ox.NamedNode | None) -> Iterator[Mention]:
    key_of = _key_reader(base)
    dates: dict[str, dt.date | None] = {}  # one object per distinct date, not per mention
    article_of: dict[str, str] = {}
    for g, st, s, p, o, conf, hedged, neg, claim, date, ev in _query(store, _MENTIONS, graph):
        predicate = p.value
        if not predicate.startswith(KG_NS):
            continue
        subject = key_of(s.value)
        obj = key_of(o.value)
        if subject is None or obj is None:
            continue
        graph_iri = g.value
        article_id = article_of.get(graph_iri)
        if article_id is None:
            article_id = article_of[graph_iri] = graph_iri.rsplit("/", 1)[-1]
        yield Mention(
            id=st.value.rsplit("/", 1)[-1],
            article=article_id,
            subject=subject,
            relation=predicate[len(KG_NS) :],
            object=obj,
            sentence=ev.value if ev is not None else "",
            confidence=float(conf.value) if conf is not None else 1.0,
            hedged=_bool(hedged),
            negated=_bool(neg),
            claimed_by=key_of(claim.value) if claim is not None else None,
            event_date=_cached_date(dates, date),
        )


def _cached_date(cache: dict[str, dt.date | None], term: Any) -> dt.date | None:
    if term is None:
        return None
    text = term.value
    if text not in cache:
        cache[text] = _date(text)
    return cache[text]


def _bool(term: Any) -> bool:
    return term is not None and term.value in ("true", "1")


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None
