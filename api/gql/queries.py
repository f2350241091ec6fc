"""The ``Query`` root: lookups, searches, relation lists and graph questions."""

from __future__ import annotations

import datetime as dt

import pyoxigraph as ox
import strawberry
from starlette.concurrency import run_in_threadpool

from api import store_reads
from api.gql.context import Context
from api.gql.errors import BadRequest
from api.gql.limits import MAX_GRAPH_DEPTH, MAX_PATHS, MAX_SUBGRAPH_LIMIT, bounded
from api.gql.resolve import (
    actor_for_key,
    context,
    entity_key,
    on_graph,
    resolve_actor,
    resolve_optional,
)
from api.gql.types.actor import Actor, relation_filter
from api.gql.types.article import Article
from api.gql.types.balance import Balance, PredictedTie, Triad
from api.gql.types.camps import Camp, Camps
from api.gql.types.connection import Connection, paginate
from api.gql.types.enums import (
    ActorType,
    RelationTypeEnum,
    Sign,
    model_entity_type,
    model_relation,
    relation_type,
)
from api.gql.types.path import Hop, Path
from api.gql.types.relation import Relation
from api.gql.types.stats import RelationCount, Stats
from api.gql.types.subgraph import Subgraph, SubgraphNode
from api.graph_records import relation_record
from api.relations import aggregate
from kg.graph.balance import balance as graph_balance
from kg.graph.camps import camps as graph_camps
from kg.graph.neighbourhood import allies, opponents
from kg.graph.paths import explain
from kg.graph.results import EdgeInfo
from kg.model import RelationType
from kg.rdf.iri import article_iri

SIGN_NAMES = {Sign.POSITIVE: "positive", Sign.NEGATIVE: "negative", Sign.ANY: "any"}


@strawberry.type
class Query:
    @strawberry.field(description="An actor by canonical name, any alias, spelling variant or IRI.")
    async def actor(self, info: strawberry.Info, name: str) -> Actor | None:
        return Actor(row=await resolve_actor(context(info), name))

    @strawberry.field(
        description="Actors matching a search (exact name/alias first, then prefix, then fuzzy); "
        "all actors by name when no search is given."
    )
    async def actors(
        self,
        info: strawberry.Info,
        search: str | None = None,
        type: ActorType | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Actor] | None:
        ctx = context(info)
        wanted = model_entity_type(type) if type is not None else None
        rows = await run_in_threadpool(ctx.catalog.search, search, wanted)
        return paginate("actors", rows, first, after, lambda r: Actor(row=r))

    @strawberry.field(
        description="Relations, optionally of one subject and/or object, filtered by type, "
        "date window (event dates, inclusive) and confidence; strongest first."
    )
    async def relations(
        self,
        info: strawberry.Info,
        subject: str | None = None,
        object: str | None = None,
        types: list[RelationTypeEnum] | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        min_confidence: float | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Relation] | None:
        ctx = context(info)
        wanted = frozenset(model_relation(t) for t in types) if types else None
        flt = relation_filter(since, until, min_confidence, types=wanted)
        subject_row = await resolve_optional(ctx, subject)
        object_row = await resolve_optional(ctx, object)
        subject_iri = subject_row.iri if subject_row else None
        object_iri = object_row.iri if object_row else None
        anchor = subject_iri or object_iri
        if anchor is not None:
            mentions = await ctx.loaders.mentions.load(anchor)
        else:
            mentions = await run_in_threadpool(store_reads.all_mentions, ctx.state.store)
        chosen = [
            m
            for m in mentions
            if (subject_iri is None or m.subject == subject_iri)
            and (object_iri is None or m.object == object_iri)
        ]
        records = aggregate(chosen, flt)
        return paginate("relations", records, first, after, lambda r: Relation(record=r))

    @strawberry.field(
        description="The alliance subgraph around an actor: cooperation ties (backs, alliedWith, "
        "partOf, leads) either way, up to `depth` hops, the `limit` strongest actors."
    )
    async def alliance(
        self,
        info: strawberry.Info,
        actor: str,
        depth: int | None = None,
        limit: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        min_confidence: float | None = None,
    ) -> Subgraph | None:
        return await _subgraph(info, 1, actor, depth, limit, since, until, min_confidence)

    @strawberry.field(
        description="The opposition subgraph around an actor: hostility ties (targets, opposes) "
        "either way, up to `depth` hops, the `limit` strongest actors."
    )
    async def opposition(
        self,
        info: strawberry.Info,
        actor: str,
        depth: int | None = None,
        limit: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        min_confidence: float | None = None,
    ) -> Subgraph | None:
        return await _subgraph(info, -1, actor, depth, limit, since, until, min_confidence)

    @strawberry.field(
        description="How `source` is tied to `target`: the strongest loopless paths, best first, "
        "each hop with its evidence. Empty when there is none."
    )
    async def path(
        self,
        info: strawberry.Info,
        source: str,
        target: str,
        sign: Sign = Sign.ANY,
        limit: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        min_confidence: float | None = None,
    ) -> list[Path] | None:
        ctx = context(info)
        k = bounded("limit", limit, 3, 1, MAX_PATHS)
        relation_filter(since, until, min_confidence)
        a, b = await resolve_actor(ctx, source), await resolve_actor(ctx, target)
        if a.iri == b.iri:
            raise BadRequest(f"source and target are the same actor ({a.name})")
        ka, kb = entity_key(ctx, a), entity_key(ctx, b)
        graph = ctx.state.projection
        if ka not in graph.graph or kb not in graph.graph:
            return []
        base = ctx.state.settings.base

        def answer() -> list[Path]:
            found = explain(
                graph,
                ka,
                kb,
                sign=SIGN_NAMES[sign],
                k=k,
                since=since,
                until=until,
                min_confidence=min_confidence or 0.0,
            )
            return [
                Path(
                    nodes=[actor_for_key(ctx, n.key) for n in p.nodes],
                    hops=[
                        Hop(
                            source=actor_for_key(ctx, h.source),
                            target=actor_for_key(ctx, h.target),
                            relation=Relation(record=relation_record(graph, base, h.edge)),
                            forward=h.edge.subject == h.source,
                        )
                        for h in p.hops
                    ],
                    strength=p.strength,
                    sign=p.sign,
                )
                for p in found
            ]

        return await on_graph(ctx, answer)

    @strawberry.field(
        description="Blocs of actors that back each other and fight the other blocs "
        "(signed correlation clustering: spectral start, then local moves)."
    )
    async def camps(
        self,
        info: strawberry.Info,
        around: str | None = None,
        depth: int | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        min_confidence: float | None = None,
        seed: int = 0,
    ) -> Camps | None:
        ctx = context(info)
        relation_filter(since, until, min_confidence)
        hops = bounded("depth", depth, 2, 1, MAX_GRAPH_DEPTH)
        found_centre = await resolve_optional(ctx, around)
        centre = entity_key(ctx, found_centre) if found_centre else None
        graph = ctx.state.projection
        if centre is not None and centre not in graph.graph:
            return Camps(
                algorithm=_CAMPS_ALGORITHM,
                camps=[],
                unaligned=[],
                frustration=0.0,
                contradicting=[],
            )

        def answer() -> Camps:
            found = graph_camps(
                graph,
                seed=seed,
                around=centre,
                depth=hops,
                since=since,
                until=until,
                min_confidence=min_confidence or 0.0,
            )
            return Camps(
                algorithm=_CAMPS_ALGORITHM,
                camps=[
                    Camp(
                        members=[actor_for_key(ctx, n.key) for n in c.members],
                        cohesion=c.cohesion,
                    )
                    for c in found.camps
                ],
                unaligned=[actor_for_key(ctx, n.key) for n in found.unaligned],
                frustration=found.frustration,
                contradicting=[_relation(ctx, e) for e in found.contradicting],
            )

        return await on_graph(ctx, answer)

    @strawberry.field(
        description="Structural balance: share of balanced triads, the unbalanced ones, and ties "
        "balance predicts (marked inferred; never stored as facts)."
    )
    async def balance(
        self,
        info: strawberry.Info,
        around: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        min_confidence: float | None = None,
        limit: int | None = None,
    ) -> Balance | None:
        ctx = context(info)
        relation_filter(since, until, min_confidence)
        k = bounded("limit", limit, 20, 1, MAX_SUBGRAPH_LIMIT)
        found_centre = await resolve_optional(ctx, around)
        centre = entity_key(ctx, found_centre) if found_centre else None
        graph = ctx.state.projection
        if centre is not None and centre not in graph.graph:
            return Balance(triads=0, balanced=0, share=1.0, unbalanced=[], predicted=[])

        def answer() -> Balance:
            found = graph_balance(
                graph,
                since=since,
                until=until,
                min_confidence=min_confidence or 0.0,
                limit=k,
                around=centre,
            )
            return Balance(
                triads=found.triads,
                balanced=found.balanced,
                share=found.share,
                unbalanced=[
                    Triad(
                        actors=[actor_for_key(ctx, n.key) for n in t.nodes],
                        signs=list(t.signs),
                        balanced=t.balanced,
                        explanation=t.explanation,
                        edges=[_relation(ctx, e) for e in t.edges],
                    )
                    for t in found.unbalanced[:k]
                ],
                predicted=[
                    PredictedTie(
                        a=actor_for_key(ctx, p.a.key),
                        b=actor_for_key(ctx, p.b.key),
                        sign=p.sign,
                        rule=p.rule,
                        via=[actor_for_key(ctx, n.key) for n in p.via],
                        score=p.score,
                        inferred=p.inferred,
                    )
                    for p in found.predicted
                ],
            )

        return await on_graph(ctx, answer)

    @strawberry.field(description="Stored articles, newest first.")
    async def articles(
        self, info: strawberry.Info, first: int | None = None, after: str | None = None
    ) -> Connection[Article] | None:
        ctx = context(info)
        rows = list((await run_in_threadpool(store_reads.articles, ctx.state.store)).values())
        rows.sort(key=lambda r: (-(r.published or dt.date.min).toordinal(), r.id))
        return paginate("articles", rows, first, after, Article.from_row)

    @strawberry.field(description="One article by id (its content hash) or IRI.")
    async def article(self, info: strawberry.Info, id: strawberry.ID) -> Article | None:
        ctx = context(info)
        text = str(id).strip()
        iri = text if "/" in text else article_iri(ctx.state.settings.base, text)
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise BadRequest(f"id: {text!r} is neither an article id nor an article IRI") from None
        row = await ctx.loaders.articles.load(iri)
        if row is None:
            raise BadRequest(f"no article with id {text!r}")
        return Article.from_row(row)

    @strawberry.field(description="How big the graph is.")
    async def stats(self, info: strawberry.Info) -> Stats | None:
        ctx = context(info)
        articles, mentions = await run_in_threadpool(store_reads.counts, ctx.state.store)

        def per_predicate() -> dict[str, int]:
            counts: dict[str, int] = {}
            for _u, _v, key in ctx.state.projection.graph.edges(keys=True):
                counts[key] = counts.get(key, 0) + 1
            return counts

        counts = await on_graph(ctx, per_predicate)
        return Stats(
            articles=articles,
            mentions=mentions,
            entities=len(ctx.catalog.by_iri),
            relations=sum(counts.values()),
            by_predicate=[
                RelationCount(predicate=relation_type(r), count=counts.get(r.value, 0))
                for r in RelationType
            ],
            generation=ctx.generation,
        )


_CAMPS_ALGORITHM = (
    "signed correlation clustering: spectral split by the signed Laplacian's lowest "
    "eigenvector, refined by local moves that lower frustration (kg.graph.camps)"
)


def _relation(ctx: Context, edge: EdgeInfo) -> Relation:
    """A projected edge as a ``Relation``; call it holding the graph lock."""
    state = ctx.state
    return Relation(record=relation_record(state.projection, state.settings.base, edge))


async def _subgraph(
    info: strawberry.Info,
    sign: int,
    actor: str,
    depth: int | None,
    limit: int | None,
    since: dt.date | None,
    until: dt.date | None,
    min_confidence: float | None,
) -> Subgraph:
    ctx = context(info)
    hops = bounded("depth", depth, 1, 1, MAX_GRAPH_DEPTH)
    most = bounded("limit", limit, 50, 1, MAX_SUBGRAPH_LIMIT)
    relation_filter(since, until, min_confidence)
    row = await resolve_actor(ctx, actor)
    key = entity_key(ctx, row)
    centre = Actor(row=row)
    graph = ctx.state.projection
    if key not in graph.graph:
        return Subgraph(centre=centre, sign=sign, depth=hops, nodes=[], edges=[], truncated=False)
    ask = allies if sign > 0 else opponents

    def answer() -> Subgraph:
        found = ask(
            graph,
            key,
            depth=hops,
            limit=most,
            since=since,
            until=until,
            min_confidence=min_confidence or 0.0,
        )
        return Subgraph(
            centre=centre,
            sign=sign,
            depth=hops,
            nodes=[
                SubgraphNode(
                    actor=actor_for_key(ctx, n.node.key),
                    depth=n.depth,
                    via=actor_for_key(ctx, n.via),
                    strength=n.strength,
                )
                for n in found.nodes
            ],
            edges=[_relation(ctx, e) for e in found.edges],
            truncated=found.truncated,
        )

    return await on_graph(ctx, answer)
