"""Export benchmark: Turtle and N-Triples of a generated 1M-triple graph, kg vs pyoxigraph vs rdflib.

Not a test. Builds (once, cached under bench/results/) a persistent store of
synthetic articles in the kg RDF layout, written by ``kg.rdf.triples`` (so the
shape is what ingest writes: per-article graphs, statements with evidence,
entities described in every article that names them). Then each measurement
runs in a fresh child process that opens the store read-only and writes the
export to a file, reporting wall time and peak RSS above its baseline (after
opening the store):

- kg: ``kg.export.select.export_selection`` (the ``kg export`` / ``/export`` path:
  graphs merged, duplicates dropped, subjects in IRI order)
- pyoxigraph: ``pyoxigraph.serialize`` over the store's quads as triples
  (no merging or ordering: the floor for a native writer)
- rdflib: the triples loaded into an ``rdflib.Graph`` and serialised by
  rdflib; run on a slice (``--rdflib-slice``) and scaled linearly, since
  rdflib needs about a minute and several GB for 1M triples.

    .venv/bin/python bench/export/bench_export.py [--triples 1000000] [--rdflib-slice 100000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BASE = "http://localhost:8000/"
RESULTS = ROOT / "bench" / "results"
TYPES = ("State", "ArmedGroup", "Organization", "Person", "Base", "Place")
RELATIONS = ("backs", "targets", "alliedWith", "opposes", "basedAt", "locatedIn", "partOf", "leads")


def generate(store_dir: Path, triples: int, seed: int = 11) -> int:
    """Writes synthetic articles until the store holds about ``triples`` distinct triples."""
    from kg.model import Article, Entity, EntityType, Extraction, RelationMention, RelationType
    from kg.rdf.triples import extraction_quads
    from kg.store.oxigraph import OxigraphStore

    rng = random.Random(seed)
    entities = [
        Entity(
            key=f"Actor_{i}",
            name=f"Actor {i}",
            type=EntityType(TYPES[i % len(TYPES)]),
            aliases=(f"A{i}",) if i % 3 == 0 else (),
            wikidata=f"Q{1000 + i}" if i % 4 == 0 else None,
        )
        for i in range(20_000)
    ]
    store = OxigraphStore.open(store_dir)
    total = 0
    n = 0
    batch = []
    try:
        while total < triples:
            n += 1
            picked = rng.sample(entities, 4)
            sentences = []
            mentions = []
            offset = 0
            for j in range(5):
                s, o = rng.sample(picked, 2)
                rel = RelationType(rng.choice(RELATIONS))
                sentence = (
                    f"Report {n}.{j}: {s.name} and {o.name} were seen together near the front."
                )
                mentions.append(
                    RelationMention(
                        subject=s.key,
                        predicate=rel,
                        object=o.key,
                        sentence=sentence,
                        start=offset,
                        end=offset + len(sentence),
                        confidence=round(rng.uniform(0.4, 0.95), 3),
                        claimed_by=picked[0].key if j == 4 else None,
                        hedged=j == 3,
                        negated=j == 2 and n % 5 == 0,
                        rule="synthetic",
                    )
                )
                sentences.append(sentence)
                offset += len(sentence) + 1
            text = " ".join(sentences)
            article = Article(
                id=hashlib.sha256(text.encode()).hexdigest(),
                text=text,
                source=f"synthetic/{n}.txt",
                title=f"Synthetic article {n}",
                published=dt.date(2015, 1, 1) + dt.timedelta(days=n % 3000),
            )
            quads = extraction_quads(Extraction(article, tuple(picked), tuple(mentions)), BASE)
            batch.extend(quads)
            total += len(quads)
            if len(batch) > 200_000:
                store.oxigraph.bulk_extend(batch)
                batch = []
        if batch:
            store.oxigraph.bulk_extend(batch)
        store.oxigraph.optimize()
    finally:
        store.close()
    return n


def _status_mb(field: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak) of this process, in MB (Linux)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    """Starts the peak (VmHWM) afresh from the current RSS (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass


def worker(method: str, fmt: str, store_dir: Path, out_path: Path, slice_size: int) -> dict:
    """One measurement in this (fresh) process."""
    import pyoxigraph as ox

    from kg.rdf.vocab import PREFIXES
    from kg.store.oxigraph import OxigraphStore

    store = OxigraphStore.open(store_dir, read_only=True)
    _reset_peak()
    baseline = _status_mb("VmRSS")
    fmt_ox = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.N_TRIPLES
    start = time.perf_counter()
    cpu_start = time.process_time()
    triples = None
    with open(out_path, "wb") as out:
        if method == "kg":
            from kg.export.select import export_selection

            export_selection(store, out, fmt, None, None, BASE)
        elif method == "kg-construct":
            # a proposal for kg.export.rdf.merged_triples: one native CONSTRUCT, no Python per triple
            query = (
                "CONSTRUCT { ?s ?p ?o } WHERE "
                "{ SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
            )
            store.oxigraph.query(query).serialize(out, fmt_ox)
        elif method == "kg-scan":
            # a proposal for kg.export.rdf.merged_triples: one pass in the store's order;
            # only entity triples repeat across article graphs, so only they are remembered
            def merged() -> object:
                seen: set[tuple[object, object, object]] = set()
                entities = BASE + "id/"
                for q in store.oxigraph.quads_for_pattern(None, None, None, None):
                    if q.subject.value.startswith(entities):
                        key = (q.subject, q.predicate, q.object)
                        if key in seen:
                            continue
                        seen.add(key)
                    yield ox.Triple(q.subject, q.predicate, q.object)

            ox.serialize(merged(), out, fmt_ox, prefixes=PREFIXES if fmt == "turtle" else None)
        elif method == "pyoxigraph":
            quads = store.oxigraph.quads_for_pattern(None, None, None, None)
            ox.serialize(
                (ox.Triple(q.subject, q.predicate, q.object) for q in quads),
                out,
                fmt_ox,
                prefixes=PREFIXES if fmt == "turtle" else None,
            )
        elif method == "rdflib":
            import itertools

            import rdflib

            buffer = bytearray()
            quads = store.oxigraph.quads_for_pattern(None, None, None, None)
            head = itertools.islice(quads, slice_size)
            buffer += ox.serialize(
                (ox.Triple(q.subject, q.predicate, q.object) for q in head),
                None,
                ox.RdfFormat.N_TRIPLES,
            )
            load_start = time.perf_counter()
            graph = rdflib.Graph()
            for prefix, iri in PREFIXES.items():
                graph.bind(prefix, iri)
            graph.parse(data=bytes(buffer), format="nt")
            triples = len(graph)
            start = time.perf_counter()  # time the writer only, as for the others
            cpu_start = time.process_time()
            graph.serialize(out, format="turtle" if fmt == "turtle" else "nt")
            _ = load_start
        else:
            raise SystemExit(f"unknown method {method}")
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    peak = _status_mb("VmHWM")
    store.close()
    return {
        "method": method,
        "format": fmt,
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "peak_mb": round(peak, 1),
        "baseline_mb": round(baseline, 1),
        "bytes": out_path.stat().st_size,
        "triples": triples,
    }


def run_child(method: str, fmt: str, store_dir: Path, slice_size: int) -> dict:
    out = RESULTS / f"export-{method}.{'ttl' if fmt == 'turtle' else 'nt'}"
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--worker",
            method,
            fmt,
            str(store_dir),
            str(out),
            str(slice_size),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    out.unlink(missing_ok=True)
    return result


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        method, fmt, store_dir, out, slice_size = sys.argv[2:7]
        print(json.dumps(worker(method, fmt, Path(store_dir), Path(out), int(slice_size))))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib-slice", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement (best kept)")
    parser.add_argument(
        "--methods",
        default="kg,pyoxigraph,rdflib",
        help="comma-separated: kg, pyoxigraph, rdflib; proposals: kg-construct, kg-scan",
    )
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    store_dir = RESULTS / f"export-store-{args.triples}"
    if not (store_dir / "oxigraph").is_dir():
        t = time.perf_counter()
        articles = generate(store_dir, args.triples)
        print(f"generated {articles} articles in {time.perf_counter() - t:.1f} s", flush=True)
    from kg.store.oxigraph import OxigraphStore

    with OxigraphStore.open(store_dir, read_only=True) as store:
        quads = len(store)
        distinct = len({(q.subject, q.predicate, q.object) for q in store.quads()})
    print(f"store: {quads} quads, {distinct} distinct triples", flush=True)
    rows = []
    for fmt in ("turtle", "nt"):
        for method in args.methods.split(","):
            runs = [
                run_child(method, fmt, store_dir, args.rdflib_slice) for _ in range(args.repeat)
            ]
            best = min(runs, key=lambda r: r["seconds"])
            if method == "rdflib":
                scale = distinct / max(best["triples"] or 1, 1)
                best["scaled_seconds"] = round(best["seconds"] * scale, 2)
                best["scaled_cpu_seconds"] = round(best["cpu_seconds"] * scale, 2)
                best["scale"] = round(scale, 2)
            rows.append(best)
            print(json.dumps(best), flush=True)
    print()
    print("| format | method | wall (s) | CPU (s) | peak RSS above baseline (MB) | output (MB) |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in rows:
        wall, cpu = f"{r['seconds']:.2f}", f"{r['cpu_seconds']:.2f}"
        if "scaled_seconds" in r:
            wall = f"{r['scaled_seconds']:.1f} (x{r['scale']} of {r['seconds']:.2f})"
            cpu = f"{r['scaled_cpu_seconds']:.1f} (x{r['scale']} of {r['cpu_seconds']:.2f})"
        print(
            f"| {r['format']} | {r['method']} | {wall} | {cpu} | "
            f"{r['peak_mb'] - r['baseline_mb']:.0f} | {r['bytes'] / 1e6:.1f} |"
        )
    for fmt, method in (
        (f, m)
        for f in ("turtle", "nt")
        for m in ("kg", "kg-construct", "kg-scan")
        if m in args.methods.split(",") and "pyoxigraph" in args.methods.split(",")
    ):
        kg = next(r for r in rows if r["method"] == method and r["format"] == fmt)
        ox_ = next(r for r in rows if r["method"] == "pyoxigraph" and r["format"] == fmt)
        print(
            f"{fmt}: {method} / pyoxigraph = {kg['seconds'] / ox_['seconds']:.2f}x wall, "
            f"{kg['cpu_seconds'] / ox_['cpu_seconds']:.2f}x CPU (target <= 1.5x)"
        )


if __name__ == "__main__":
    main()
