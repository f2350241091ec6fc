"""Benchmark of kg.graph on a generated conflict graph (not a test).

    .venv/bin/python bench/graph/bench_graph.py            # 100k actors, 1M mentions
    .venv/bin/python bench/graph/bench_graph.py --actors 10000 --mentions 100000

Generates actors with power-law degrees and relation mentions with random
relations, signs, dates, confidences, hedging, claims and denials, grouped
in articles of ~10 mentions. Measures:

* projection build from records at full size (time, peak RSS), and from a
  real pyoxigraph store on a sample (SPARQL read + build);
* incremental ``add_article`` (reads one article graph from the store) and
  ``remove_article``, per article;
* p50/p99 latency of allies depth 2, explain (k=1 and k=3), camps around
  an actor, and one full-graph camps run;
* baselines on the same graph: ``nx.shortest_path`` (unweighted BFS on an
  undirected view) and ``nx.ego_graph`` radius 2.

Prints a table and writes it to bench/graph/RESULTS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import numpy as np
import pyoxigraph as ox

from kg.config import DEFAULT_BASE
from kg.graph.camps import camps
from kg.graph.neighbourhood import allies
from kg.graph.paths import explain
from kg.graph.project import ArticleRecord, EntityRecord, Mention, Projection
from kg.model import Article, Entity, EntityType, Extraction, RelationMention, RelationType
from kg.rdf.triples import extraction_quads

HERE = Path(__file__).resolve().parent
RELATIONS = ["targets", "backs", "opposes", "alliedWith", "partOf", "leads", "basedAt", "locatedIn"]
RELATION_P = [0.35, 0.2, 0.1, 0.1, 0.05, 0.05, 0.1, 0.05]
TYPES = ["ArmedGroup", "State", "Organization", "Person", "Place", "Base"]
TYPE_P = [0.5, 0.05, 0.1, 0.15, 0.15, 0.05]
START = dt.date(2011, 1, 1)


def rss_mb() -> float:
    """Peak resident set size of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def generate(actors: int, mentions: int, per_article: int, seed: int, prefix: str = "0"):  # type: ignore[no-untyped-def]
    """Records for a power-law signed graph: (articles, entities, mentions)."""
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, actors + 1) ** 0.85
    cdf = np.cumsum(weights / weights.sum())
    subjects = np.searchsorted(cdf, rng.random(mentions))
    objects = np.searchsorted(cdf, rng.random(mentions))
    shuffle = rng.permutation(actors)  # hubs spread over keys, not just a0, a1...
    subjects, objects = shuffle[subjects], shuffle[objects]
    same = subjects == objects
    objects[same] = (objects[same] + 1) % actors
    relations = rng.choice(len(RELATIONS), size=mentions, p=RELATION_P)
    confidences = np.round(rng.uniform(0.3, 1.0, size=mentions), 3)
    days = rng.integers(0, 14 * 365, size=mentions)
    flags = rng.random((mentions, 3))
    types = rng.choice(len(TYPES), size=actors, p=TYPE_P)
    n_articles = mentions // per_article
    articles = [
        ArticleRecord(
            f"{prefix}{i:063x}",
            title=f"Report {i}",
            date=START + dt.timedelta(days=int(i * 14 * 365 / n_articles)),
        )
        for i in range(n_articles)
    ]
    keys = [f"a{i}" for i in range(actors)]  # one string per actor, as the store reader shares them
    names = [f"Actor {i}" for i in range(actors)]
    day_objects = [START + dt.timedelta(days=d) for d in range(14 * 365)]
    records = []
    entity_seen: set[tuple[int, int]] = set()
    entities = []
    for i in range(mentions):
        article = i // per_article
        if article >= n_articles:
            article = n_articles - 1
        s, o = int(subjects[i]), int(objects[i])
        for node in (s, o):
            if (article, node) not in entity_seen:
                entity_seen.add((article, node))
                entities.append(
                    EntityRecord(articles[article].id, keys[node], names[node], TYPES[types[node]])
                )
        records.append(
            Mention(
                id=f"{prefix}{i:031x}",
                article=articles[article].id,
                subject=keys[s],
                relation=RELATIONS[relations[i]],
                object=keys[o],
                sentence="",
                confidence=float(confidences[i]),
                hedged=bool(flags[i, 0] < 0.1),
                negated=bool(flags[i, 1] < 0.05),
                claimed_by=keys[s] if flags[i, 2] < 0.15 else None,
                event_date=day_objects[int(days[i])],
            )
        )
    return articles, entities, records


def to_extraction(
    article: ArticleRecord, entities: list[EntityRecord], mentions: list[Mention]
) -> Extraction:
    """The same article as kg's pipeline would hand it to the RDF writer."""
    text = " ".join(f"Sentence {m.id}." for m in mentions)
    art = Article(
        article.id,
        text,
        source=f"bench/{article.id[:8]}",
        title=article.title,
        published=article.date,
    )
    offset = 0
    rels = []
    for m in mentions:
        sentence = f"Sentence {m.id}."
        rels.append(
            RelationMention(
                m.subject,
                RelationType(m.relation),
                m.object,
                sentence,
                offset,
                offset + len(sentence),
                m.confidence,
                m.claimed_by,
                m.hedged,
                m.negated,
                m.event_date,
            )
        )
        offset += len(sentence) + 1
    ents = tuple(Entity(e.key, e.name, EntityType(e.type)) for e in entities)
    return Extraction(art, ents, tuple(rels))


def load_store(store: ox.Store, articles: list[ArticleRecord], mentions: list[Mention]) -> int:
    """Writes the articles into ``store`` as kg's RDF writer would; returns the quad count."""
    by_article: dict[str, list[Mention]] = {}
    for m in mentions:
        by_article.setdefault(m.article, []).append(m)
    quads = 0
    for article in articles:
        ms = by_article.get(article.id, [])
        keys = sorted(
            {m.subject for m in ms}
            | {m.object for m in ms}
            | {m.claimed_by for m in ms if m.claimed_by}
        )
        ents = [EntityRecord(article.id, k, f"Actor {k[1:]}", "ArmedGroup") for k in keys]
        qs = extraction_quads(to_extraction(article, ents, ms), DEFAULT_BASE)
        quads += len(qs)
        store.extend(qs)
    return quads


class Latency:
    """Wall-clock and CPU milliseconds of repeated calls (the machine is shared: CPU time
    is what the call costs, wall time adds waiting for a core)."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __call__(self, fn: Callable[[], object]) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        self.cpu.append((time.process_time() - cpu) * 1000)
        self.wall.append((time.perf_counter() - wall) * 1000)

    def summary(self) -> str:
        return (
            f"{pct(self.cpu, 50):.2f} / {pct(self.cpu, 99):.2f} ms CPU "
            f"({pct(self.wall, 50):.2f} / {pct(self.wall, 99):.2f} wall)"
        )


def _shortest(U: nx.Graph, a: str, b: str) -> None:
    with contextlib.suppress(nx.NetworkXNoPath):
        nx.shortest_path(U, a, b)


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument(
        "--store-sample", type=int, default=2_000, help="articles loaded into pyoxigraph"
    )
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--no-write", action="store_true", help="do not write RESULTS.md")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    rows: list[tuple[str, str, str]] = []
    notes: list[str] = []

    def row(what: str, value: str, target: str = "") -> None:
        rows.append((what, value, target))
        print(f"{what:<58} {value:>22} {target}", flush=True)

    base_rss = rss_mb()
    notes.append(f"RSS before any work: {base_rss:.0f} MB (Python, numpy, networkx, kg imports).")

    # ---- phase 1: build from a real pyoxigraph store, on a sample of the same distribution.
    # It runs first so that its memory is reused by phase 2, not added to the peak.
    sample = generate(
        args.actors, args.store_sample * args.per_article, args.per_article, args.seed + 1
    )
    store = ox.Store()
    t0 = time.perf_counter()
    quads = load_store(store, sample[0], sample[2])
    row(
        f"load sample store ({len(sample[0]):,} articles, {quads:,} quads)",
        f"{time.perf_counter() - t0:.1f} s",
    )
    cpu = time.process_time()
    t0 = time.perf_counter()
    Ps = Projection.from_store(store)
    from_store_s = time.perf_counter() - t0
    from_store_cpu = time.process_time() - cpu
    row(
        f"Projection.from_store on the sample ({len(sample[2]):,} mentions)",
        f"{from_store_cpu:.2f} s CPU ({from_store_s:.2f} wall)",
    )
    per_mention_us = from_store_cpu / len(sample[2]) * 1e6
    row(
        "  -> per mention; extrapolated to the full size",
        f"{per_mention_us:.0f} us; {per_mention_us * args.mentions / 1e6:.0f} s CPU",
    )
    # the sample articles stay in the store: phase 3 adds them to the full projection
    extra_articles = sample[0][:200]
    del Ps, sample
    gc.collect()

    # ---- phase 2: build at full size from records
    t0 = time.perf_counter()
    articles, entities, mentions = generate(args.actors, args.mentions, args.per_article, args.seed)
    row("generate records", f"{time.perf_counter() - t0:.1f} s")
    gen_rss = rss_mb()
    cpu = time.process_time()
    t0 = time.perf_counter()
    P = Projection()
    P.add_records(articles, entities, mentions)
    build_s, build_cpu = time.perf_counter() - t0, time.process_time() - cpu
    G = P.graph
    row(
        f"build from records ({len(mentions):,} mentions, {len(articles):,} articles)",
        f"{build_cpu:.1f} s CPU ({build_s:.1f} wall)",
    )
    row("  graph size", f"{G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges")
    peak = rss_mb()
    row("  peak RSS (whole process, incl. the sample store)", f"{peak:,.0f} MB", "< 2048 MB")
    row("  RSS added by the build (peak - after generation)", f"{peak - gen_rss:,.0f} MB")
    del entities, articles, mentions
    gc.collect()

    # ---- phase 3: incremental updates on the full projection, reading the article graph from the store
    add, remove = Latency(), Latency()
    for article in extra_articles:
        add(lambda a=article.id: P.add_article(store, a))
    for article in extra_articles:
        remove(lambda a=article.id: P.remove_article(a))
    row(
        f"add_article (from store, {args.per_article} mentions) p50 / p99", add.summary(), "< 10 ms"
    )
    row("remove_article p50 / p99", remove.summary(), "< 10 ms")

    # ---- queries (a warm-up pass first: hubs' ranked tie lists are built on first use)
    actors_with_ties = [n for n in G if G.degree(n) > 0 and not P.is_place(n)]
    picks = [rng.choice(actors_with_ties) for _ in range(args.queries)]
    pairs = [
        (rng.choice(actors_with_ties), rng.choice(actors_with_ties)) for _ in range(args.queries)
    ]
    pairs = [(a, b) for a, b in pairs if a != b]
    warm = time.perf_counter()
    for a, b in pairs[:50]:
        explain(P, a, b, k=1)
        allies(P, a, depth=2)
    row(
        "warm-up (50 paths + 50 allies, builds hub tie lists)",
        f"{time.perf_counter() - warm:.1f} s",
    )

    lat = Latency()
    for a in picks:
        lat(lambda a=a: allies(P, a, depth=2, limit=50))
    row(
        f"allies depth 2, limit 50 ({len(picks)} random actors) p50 / p99",
        lat.summary(),
        "p99 < 50 ms",
    )
    lat1 = Latency()
    for a, b in pairs:
        lat1(lambda a=a, b=b: explain(P, a, b, k=1))
    row(
        f"explain k=1, sign any ({len(pairs)} random pairs) p50 / p99",
        lat1.summary(),
        "p99 < 50 ms",
    )
    few = pairs[: max(20, args.queries // 5)]
    lat3 = Latency()
    for a, b in few:
        lat3(lambda a=a, b=b: explain(P, a, b, k=3))
    row(f"explain k=3, sign any ({len(few)} random pairs) p50 / p99", lat3.summary(), "p99 < 50 ms")
    latp = Latency()
    for a, b in few:
        latp(lambda a=a, b=b: explain(P, a, b, sign="positive", k=1))
    row(f"explain k=1, positive only ({len(few)} pairs) p50 / p99", latp.summary(), "p99 < 50 ms")

    latc = Latency()
    for a in picks[:100]:
        latc(lambda a=a: camps(P, around=a, depth=1))
    row("camps around an actor, depth 1 (100 actors) p50 / p99", latc.summary())
    row("peak RSS after kg's queries (before baselines)", f"{rss_mb():,.0f} MB", "< 2048 MB")

    # baselines on the same graph
    U = G.to_undirected(as_view=True)
    base = Latency()
    for a, b in pairs:
        base(lambda a=a, b=b: _shortest(U, a, b))
    row("baseline nx.shortest_path (unweighted BFS, undirected view) p50 / p99", base.summary())
    row(
        "  ratio explain k=1 / baseline, CPU (p50; p99)",
        f"{pct(lat1.cpu, 50) / max(pct(base.cpu, 50), 1e-3):.0f}x; {pct(lat1.cpu, 99) / max(pct(base.cpu, 99), 1e-3):.1f}x",
    )
    ego = Latency()
    for a in picks[:3]:
        ego(lambda a=a: nx.ego_graph(G, a, radius=2, undirected=True))
    row(
        "baseline nx.ego_graph radius 2, undirected (3 actors) median",
        f"{statistics.median(ego.cpu):.0f} ms CPU",
    )
    row(
        "  ratio allies depth 2 / ego_graph (median CPU)",
        f"1/{statistics.median(ego.cpu) / max(statistics.median(lat.cpu), 1e-3):.0f}",
    )

    t0 = time.perf_counter()
    full = camps(P)
    row(
        f"camps on the whole graph ({len(full.camps)} camps, frustration {full.frustration:.0f})",
        f"{time.perf_counter() - t0:.1f} s wall",
    )
    row("peak RSS at the end (incl. whole-graph camps' working memory)", f"{rss_mb():,.0f} MB")

    if args.no_write:
        return
    lines = [
        "# kg.graph benchmark",
        "",
        f"Command: `.venv/bin/python bench/graph/bench_graph.py {' '.join(sys.argv[1:])}`".rstrip(),
        "",
        f"Machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
        f"networkx {nx.__version__}, pyoxigraph {ox.__version__}; run {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC "
        "(2 cores shared with other work, so timings are noisy).",
        "",
        f"Generated graph: {args.actors:,} actors (power-law degrees, Zipf exponent 0.85), "
        f"{args.mentions:,} relation mentions in {args.mentions // args.per_article:,} articles; relations, dates "
        "(2011-2024), confidences (0.3-1.0), hedging (10%), denials (5%), claims (15%) random; seed "
        f"{args.seed}.",
        "",
        "| measure | result | target |",
        "| --- | --- | --- |",
        *(f"| {w.strip()} | {v} | {t} |" for w, v, t in rows),
        "",
        "Notes:",
        "",
        *(f"- {n}" for n in notes),
        "- Full-size build is from records (what `from_store` builds after its two SPARQL reads); "
        "the store path is measured on a sample of the same distribution and extrapolated per mention.",
        "- add/remove are on the full-size projection: 200 articles of the store sample (not in the "
        "full graph, but sharing its actors) are added, then removed; add reads the article's named "
        "graph from the pyoxigraph store with SPARQL (GRAPH bound), so it includes the store read.",
        "- Latencies are CPU time of this process (the 2-core machine was shared with other "
        "engineers' jobs, load average about 6, which inflates wall time); wall time in brackets.",
        "- Hubs' ranked tie lists are built on first use and cached; the warm-up touches the "
        "biggest ones, later first touches of other hubs are included in the measured latencies.",
        "",
    ]
    (HERE / "RESULTS.md").write_text("\n".join(lines))
    print(f"wrote {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
