"""``kg graph ...``: alliance and opposition questions over the stored graph.

Each command rebuilds the projection from the store when it starts (the
store is opened read-only), asks one ``kg.graph`` question and prints the
answer, readable by default, JSON with ``--json``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.config import Settings
from kg.graph.project import Projection
from kg.graph.results import EdgeInfo, Evidence

__all__ = ["graph"]

_STORE_HELP = "store directory (default: $KG_STORE, else the per-user data directory)"


def _common(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every graph command takes."""
    options = [
        click.option(
            "--store",
            "store_dir",
            type=click.Path(file_okay=False, path_type=Path),
            help=_STORE_HELP,
        ),
        click.option(
            "--since",
            type=click.DateTime(["%Y-%m-%d"]),
            help="only ties seen on or after DATE (YYYY-MM-DD)",
        ),
        click.option(
            "--until",
            type=click.DateTime(["%Y-%m-%d"]),
            help="only ties seen on or before DATE (YYYY-MM-DD)",
        ),
        click.option(
            "--min-confidence",
            type=click.FloatRange(0.0, 1.0),
            default=0.0,
            show_default=True,
            help="drop ties whose confidence is below X",
        ),
        click.option("--json", "as_json", is_flag=True, help="print JSON instead of text"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.group()
def graph() -> None:
    """Alliance and opposition graphs: allies, opponents, paths, camps, balance, centrality."""


@dataclasses.dataclass(frozen=True)
class _Ctx:
    projection: Projection
    window: dict[str, Any]
    as_json: bool


def _load(
    store_dir: Path | None, since: Any, until: Any, min_confidence: float, as_json: bool
) -> _Ctx:
    from kg.store.oxigraph import OxigraphStore

    settings = Settings.from_env(store_dir=store_dir)
    started = time.perf_counter()
    store = OxigraphStore.open(settings.store_dir, read_only=True)
    progress = (lambda message: click.echo(message, err=True)) if sys.stderr.isatty() else None
    try:
        projection = Projection.from_store(store, base=settings.base, progress=progress)
    finally:
        store.close()
    projection.add_dictionary_aliases(settings.actor_files)
    elapsed = time.perf_counter() - started
    if elapsed > 1.0:
        click.echo(
            f"projected {projection.graph.number_of_nodes()} nodes, "
            f"{projection.graph.number_of_edges()} edges in {elapsed:.1f} s",
            err=True,
        )
    window = {
        "since": since.date() if since else None,
        "until": until.date() if until else None,
        "min_confidence": min_confidence,
    }
    return _Ctx(projection, window, as_json)


def _run(question: Callable[[], Any]) -> Any:
    """Runs a question, turning argument errors into one-line usage errors."""
    try:
        return question()
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


def _neighbourhood_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """ACTOR, --depth and --limit, shared by allies and opponents, plus the common options."""
    command = _common(command)
    command = click.option(
        "--limit", type=click.IntRange(1), default=25, show_default=True, help="most actors to list"
    )(command)
    command = click.option(
        "--depth",
        type=click.IntRange(1, 5),
        default=1,
        show_default=True,
        help="hops from the actor",
    )(command)
    return click.argument("actor")(command)


# ------------------------------------------------------------------ commands


def _neighbourhood_command(name: str, title: str, doc: str) -> click.Command:
    """``kg graph allies`` / ``opponents``: the same question asked of one sign."""

    def run(
        actor: str,
        depth: int,
        limit: int,
        store_dir: Path | None,
        since: Any,
        until: Any,
        min_confidence: float,
        as_json: bool,
    ) -> None:
        import importlib

        ask = getattr(importlib.import_module("kg.graph.neighbourhood"), name)
        ctx = _load(store_dir, since, until, min_confidence, as_json)
        found = _run(lambda: ask(ctx.projection, actor, depth, limit, **ctx.window))
        _print_neighbourhood(ctx, found, title)

    run.__doc__ = doc
    return graph.command(name)(_neighbourhood_options(run))


allies = _neighbourhood_command(
    "allies", "Allies", "Actors tied to ACTOR by backing, alliance, membership or leadership."
)
opponents = _neighbourhood_command(
    "opponents", "Opponents", "Actors tied to ACTOR by attacks or declared hostility."
)


@graph.command()
@click.argument("a")
@click.argument("b")
@click.option(
    "--sign",
    type=click.Choice(["positive", "negative", "any"]),
    default="any",
    show_default=True,
    help="which ties a path may use",
)
@click.option(
    "-k",
    "--paths",
    "k",
    type=click.IntRange(1, 20),
    default=3,
    show_default=True,
    help="how many paths",
)
@click.option(
    "--evidence", type=click.IntRange(1), default=3, show_default=True, help="sentences per hop"
)
@_common
def path(
    a: str,
    b: str,
    sign: str,
    k: int,
    evidence: int,
    store_dir: Path | None,
    since: Any,
    until: Any,
    min_confidence: float,
    as_json: bool,
) -> None:
    """How A is tied to B: the strongest chains of ties, with the sentences behind each hop."""
    from kg.graph.paths import explain

    ctx = _load(store_dir, since, until, min_confidence, as_json)
    found = _run(lambda: explain(ctx.projection, a, b, sign, k, evidence=evidence, **ctx.window))
    if ctx.as_json:
        return _echo_json({"a": a, "b": b, "sign": sign, "paths": found})
    if not found:
        click.echo(f"No {'' if sign == 'any' else sign + ' '}path between {a} and {b}.")
        return
    P = ctx.projection
    for number, p in enumerate(found, 1):
        chain = P.name(p.nodes[0].key)
        for hop in p.hops:
            chain += f" {_arrow(hop.edge, hop.source)} {P.name(hop.target)}"
        click.echo(
            f"Path {number} (strength {p.strength:.2f}, {len(p.hops)} hop{'s' * (len(p.hops) > 1)}): {chain}"
        )
        for hop in p.hops:
            click.echo(f"  {_edge_line(P, hop.edge)}")
            for ev in hop.evidence:
                click.echo(f"      {_evidence_line(P, ev)}")
        click.echo()


@graph.command()
@click.option(
    "--around", metavar="ACTOR", help="only the actors within --depth signed hops of ACTOR"
)
@click.option(
    "--depth", type=click.IntRange(1, 5), default=2, show_default=True, help="hops from --around"
)
@click.option(
    "--seed", type=int, default=0, show_default=True, help="seed of the randomised refinement"
)
@_common
def camps(
    around: str | None,
    depth: int,
    seed: int,
    store_dir: Path | None,
    since: Any,
    until: Any,
    min_confidence: float,
    as_json: bool,
) -> None:
    """Blocs that back each other and fight the other blocs, and the ties that contradict them."""
    from kg.graph.camps import camps as ask

    ctx = _load(store_dir, since, until, min_confidence, as_json)
    result = _run(lambda: ask(ctx.projection, seed=seed, around=around, depth=depth, **ctx.window))
    if ctx.as_json:
        return _echo_json(result)
    P = ctx.projection
    if not result.camps:
        click.echo("No camps: no two actors cooperate in this window.")
    for number, camp in enumerate(result.camps, 1):
        names = ", ".join(m.name for m in camp.members)
        click.echo(
            f"Camp {number} ({len(camp.members)} actors, cohesion {camp.cohesion:.2f}): {names}"
        )
    if result.unaligned:
        click.echo(f"Unaligned: {', '.join(m.name for m in result.unaligned)}")
    click.echo(
        f"Frustration {result.frustration:.2f}: {len(result.contradicting)} tie(s) contradict the split"
    )
    for edge in result.contradicting[:20]:
        why = "cooperation across camps" if edge.sign > 0 else "hostility inside a camp"
        click.echo(f"  {_edge_line(P, edge)}  ({why})")


@graph.command()
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=20,
    show_default=True,
    help="most inferred ties to list",
)
@click.option("--around", metavar="ACTOR", help="only triads and predictions involving ACTOR")
@_common
def balance(
    limit: int,
    around: str | None,
    store_dir: Path | None,
    since: Any,
    until: Any,
    min_confidence: float,
    as_json: bool,
) -> None:
    """Structural balance: balanced triads, unbalanced ones explained, ties balance predicts."""
    from kg.graph.balance import balance as ask

    ctx = _load(store_dir, since, until, min_confidence, as_json)
    result = _run(lambda: ask(ctx.projection, limit=limit, around=around, **ctx.window))
    if ctx.as_json:
        return _echo_json(result)
    P = ctx.projection
    share = f"{100 * result.share:.1f}%" if result.triads else "n/a"
    click.echo(f"Balanced triads: {result.balanced} of {result.triads} ({share})")
    if result.unbalanced:
        click.echo("Unbalanced:")
    for triad in result.unbalanced:
        click.echo(f"  {triad.explanation}")
        for edge in triad.edges:
            click.echo(f"      {_edge_line(P, edge)}")
    if result.predicted:
        click.echo("Inferred ties (balance predicts them; no article states them):")
    for p in result.predicted:
        mark = "+" if p.sign > 0 else "-"
        via = ", ".join(v.name for v in p.via)
        click.echo(
            f"  [inferred] {p.a.name} {mark} {p.b.name}  ({p.rule}, via {via}; score {p.score:.2f})"
        )


@graph.command()
@click.option(
    "--limit", type=click.IntRange(1), default=10, show_default=True, help="actors per ranking"
)
@click.option(
    "--seed",
    type=int,
    default=0,
    show_default=True,
    help="seed of betweenness sampling on big graphs",
)
@_common
def central(
    limit: int,
    seed: int,
    store_dir: Path | None,
    since: Any,
    until: Any,
    min_confidence: float,
    as_json: bool,
) -> None:
    """Most targeted actors, main backers and brokers between allies."""
    from kg.graph.centrality import central as ask

    ctx = _load(store_dir, since, until, min_confidence, as_json)
    result = _run(lambda: ask(ctx.projection, limit=limit, seed=seed, **ctx.window))
    if ctx.as_json:
        return _echo_json(result)
    for title, ranking, unit in (
        ("Most targeted", result.most_targeted, "hostile ties"),
        ("Main backers", result.main_backers, "backed"),
        ("Brokers (betweenness on cooperation ties)", result.brokers, "cooperation ties"),
    ):
        click.echo(f"{title}:")
        if not ranking:
            click.echo("  (none)")
        for number, r in enumerate(ranking, 1):
            click.echo(f"  {number:>2}. {r.node.name:<32} {r.score:8.3f}  ({r.ties} {unit})")


@graph.command()
@click.argument("actor", required=False)
@click.option(
    "--evidence", type=click.IntRange(1), default=3, show_default=True, help="sentences per side"
)
@_common
def contested(
    actor: str | None,
    evidence: int,
    store_dir: Path | None,
    since: Any,
    until: Any,
    min_confidence: float,
    as_json: bool,
) -> None:
    """Ties some articles assert and others deny (of ACTOR, if given), with both sides."""
    from kg.graph.contested import contested as ask

    ctx = _load(store_dir, since, until, min_confidence, as_json)
    found = _run(lambda: ask(ctx.projection, actor, evidence=evidence, **ctx.window))
    if ctx.as_json:
        return _echo_json(found)
    P = ctx.projection
    if not found:
        click.echo("No contested ties.")
    for c in found:
        click.echo(_edge_line(P, c.edge))
        for ev in c.asserted:
            click.echo(f"   for:     {_evidence_line(P, ev)}")
        for ev in c.denied:
            click.echo(f"   against: {_evidence_line(P, ev)}")


# ------------------------------------------------------------------ printing


def _print_neighbourhood(ctx: _Ctx, result: Any, title: str) -> None:
    if ctx.as_json:
        return _echo_json(result)
    P = ctx.projection
    centre = result.centre.name
    if not result.nodes:
        click.echo(f"{title} of {centre}: none found.")
        return
    more = " (more left out: raise --limit)" if result.truncated else ""
    click.echo(f"{title} of {centre} (depth {result.depth}): {len(result.nodes)}{more}")
    for number, n in enumerate(result.nodes, 1):
        via = f"  via {P.name(n.via)}" if n.depth > 1 else ""
        click.echo(f"  {number:>2}. {n.node.name:<32} weight {n.strength:5.2f}{via}")
    click.echo("Ties:")
    for edge in result.edges:
        click.echo(f"  {_edge_line(P, edge)}")


def _arrow(edge: EdgeInfo, walked_from: str) -> str:
    return f"-{edge.relation}->" if edge.subject == walked_from else f"<-{edge.relation}-"


def _edge_line(P: Projection, edge: EdgeInfo) -> str:
    span = ""
    if edge.first_seen:
        span = f", {edge.first_seen}" + (
            f"..{edge.last_seen}" if edge.last_seen != edge.first_seen else ""
        )
    n = len(edge.articles)
    contested = f", CONTESTED by {len(edge.negations)} denial(s)" if edge.contested else ""
    return (
        f"{P.name(edge.subject)} -{edge.relation}-> {P.name(edge.object)}  "
        f"[confidence {edge.confidence:.2f}, {n} article{'s' * (n != 1)}{span}{contested}]"
    )


def _evidence_line(P: Projection, ev: Evidence) -> str:
    marks = []
    if ev.hedged:
        marks.append("hedged")
    if ev.claimed_by:
        marks.append(
            f"claimed by {P.name(ev.claimed_by) if ev.claimed_by in P.graph else ev.claimed_by}"
        )
    note = f" ({'; '.join(marks)})" if marks else ""
    where = ev.title or ev.source or ev.article[:12]
    when = f", {ev.event_date}" if ev.event_date else ""
    return f'"{ev.sentence}"{note} - {where}{when}'


def _echo_json(value: Any) -> None:
    click.echo(json.dumps(_plain(value), indent=2, ensure_ascii=False))


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
