"""Walks over the graph one level at a time, above the store interface.

Every traversal (steering chains, preparation chains, neighbourhoods, shortest paths) expands a
frontier one level at a time, and the same Python decides what each level means on both
engines, so that both give the same answers; every walk is bounded by a deadline and a cap on
rows per node expanded. How a level is fetched is the store's trait (`walks_by_frontier`):

- embedded (LadybugDB): expand_out / expand_in, one statement per node, the form its
  primary-key index serves (about a millisecond each at a million nodes; a statement over a
  list of ids cannot use that index);
- a server (Neo4j): expand_out_frontier / expand_in_frontier, one statement per level and
  direction, since there every statement is a network round trip (a level of one node takes
  expand_out / expand_in: one round trip either way, and the labelled statement is faster).

Measured at 100k nodes on loopback (make bench, engines): the frontier cut neighbourhood
(depth 2) from 10 statements (most 64) to 6 and its warm p95 from 311 to 99 ms, paths from
22 (most 82) to 12 and 434 to 319 ms; steering and membership walks meet few nodes per level,
and there node by node stays as fast (hence the one-node rule above).

Why not one variable-length or shortestPath statement per answer: the answers need every
shortest way into each node met (a chain's support is its weakest edge, a link's its strongest
chain, and up to 20 chains are named per link), the row cap per node and a deadline checked
between levels. allShortestPaths returns paths, not the ways in: to get the same 20 chains and
the same supports it must enumerate every shortest path, which through a hub is exponential,
while a level-wise walk meets each node once. A level per statement keeps the answers identical
and the statements few (the depth bound, not the node count; tests/store/test_round_trips.py).
Each node's relationships are taken in id order, so that no answer depends on the order an
engine happens to return rows in.
"""

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from app import deadline
from app.errors import QueryTimeoutError
from app.model import EDGE_MODELS
from app.model.vocabulary import Assertion, Label, RelType, weakest
from app.store.base import GraphStore, Row

Direction = Literal["out", "in"]


@dataclass(frozen=True)
class Window:
    """The validity window every edge and node on a walk must overlap; an "as of" day is both
    ends. Sent as two dates rather than a nullable one: LadybugDB mistypes null parameters."""

    valid_lo: str = "0001-01-01"
    valid_hi: str = "9999-12-31"

    @classmethod
    def as_of(cls, day: date | None) -> "Window":
        return cls(day.isoformat(), day.isoformat()) if day else cls()

    def params(self) -> dict[str, str]:
        return {"valid_lo": self.valid_lo, "valid_hi": self.valid_hi}


class Budget:
    """A deadline and a row cap for one answer. The deadline is that of the work in hand
    (app.deadline: an API request, a CLI command) when one is set, else `seconds` from now."""

    def __init__(self, seconds: float, max_rows: int) -> None:
        active = deadline.current()
        self.until = active.until if active else time.monotonic() + seconds
        self.seconds = active.seconds if active else seconds
        self.max_rows = max_rows

    def check(self, what: str) -> None:
        if time.monotonic() >= self.until:
            raise deadline.exceeded(what, self.seconds)


@dataclass(frozen=True)
class Hop:
    """One relationship met on a walk, with both ends known."""

    origin: str  # the node the walk expanded from
    node: Row  # the node reached: id, _label, kind and names (enough to name it)
    rel: Row
    rel_type: RelType
    start: str  # the relationship's own direction
    end: str


def expand(
    store: GraphStore,
    nodes: Iterable[Row],
    types: Sequence[RelType],
    direction: Direction,
    window: Window,
    budget: Budget,
    qualifiers: Sequence[str] = (),
) -> list[Hop]:
    """All relationships of `types` leaving (out) or entering (in) the given nodes (stored rows,
    so that their labels are known), optionally only those whose qualifier (mode, role, kind,
    channel) is one of `qualifiers`."""
    return [
        hop
        for _, hops in hops_by_node(store, nodes, types, direction, window, budget, qualifiers)
        for hop in hops
    ]


def hops_by_node(
    store: GraphStore,
    nodes: Iterable[Row],
    types: Sequence[RelType],
    direction: Direction,
    window: Window,
    budget: Budget,
    qualifiers: Sequence[str] = (),
) -> Iterator[tuple[str, list[Hop]]]:
    """Each distinct node of `nodes`, in order, with its hops (as `expand` gives them). Lazy:
    a taker that stops early leaves the rest unasked where the store walks node by node."""
    first: dict[str, Row] = {}
    for node in nodes:
        first.setdefault(node["id"], node)
    unique = list(first.values())
    if not unique:
        return
    wanted = set(qualifiers)
    # A level of one node is asked node-wise on a server too: the same one round trip, and the
    # labelled statement is about twice as fast as the frontier's (make bench, 100k nodes).
    by_frontier = store.walks_by_frontier and len(unique) > 1
    rows_of = _frontier_rows if by_frontier else _node_rows
    for node, rows in rows_of(store, unique, types, direction, window, budget):
        if len(rows) > budget.max_rows:
            raise QueryTimeoutError(
                f"one step of the walk met more than {budget.max_rows} relationships; narrow it"
            )
        hops: list[Hop] = []
        for row in sorted(rows, key=lambda r: r["rel"]["id"]):
            rel = row.pop("rel")
            rel_type = RelType(rel["_label"])
            if wanted and _qualifier(rel, rel_type) not in wanted:
                continue
            row["_label"] = row.pop("label")  # the far node, as answers name it
            other = row["id"]
            ends = (node["id"], other) if direction == "out" else (other, node["id"])
            hops.append(Hop(node["id"], row, rel, rel_type, *ends))
        yield node["id"], hops


def _node_rows(
    store: GraphStore,
    nodes: list[Row],
    types: Sequence[RelType],
    direction: Direction,
    window: Window,
    budget: Budget,
) -> Iterator[tuple[Row, list[Row]]]:
    """One statement per node, asked as the taker gets to it."""
    name = "expand_out" if direction == "out" else "expand_in"
    for node in nodes:
        budget.check("the walk")
        params = {"id": node["id"], **window.params()}
        yield node, store.run(name, params, label=Label(node["_label"]), types=types)


def _frontier_rows(
    store: GraphStore,
    nodes: list[Row],
    types: Sequence[RelType],
    direction: Direction,
    window: Window,
    budget: Budget,
) -> Iterator[tuple[Row, list[Row]]]:
    """One statement for the whole frontier, its rows handed out per node."""
    budget.check("the walk")
    name = "expand_out_frontier" if direction == "out" else "expand_in_frontier"
    params = {"ids": [node["id"] for node in nodes], **window.params()}
    grouped: dict[str, list[Row]] = {node["id"]: [] for node in nodes}
    for row in store.run(name, params, types=types):
        grouped[row.pop("origin")].append(row)
    for node in nodes:
        yield node, grouped[node["id"]]


def _qualifier(rel: Row, rel_type: RelType) -> str | None:
    field_name = EDGE_MODELS[rel_type].qualifier_field
    return rel.get(field_name) if field_name else None


@dataclass
class Reached:
    """How a walk reached a node: its distance and every shortest way in."""

    depth: int
    node: Row
    parents: list[tuple[Hop, str]] = field(default_factory=list)  # (hop, previous node id)


def assertion_of(hop: Hop) -> Assertion:
    return Assertion(hop.rel["assertion"])


def strongest_support(reached: dict[str, Reached], root: str) -> dict[str, Assertion]:
    """How well a chain from `root` supports each reached node: over its shortest chains (the
    ways in that `reached` records), the strongest chain's weakest edge. A fixed point, since
    PART_OF hops within one depth may run in circles; values only rise, so it ends."""
    best = {root: Assertion.STATED}
    nodes = sorted(reached, key=lambda n: reached[n].depth)
    changed = True
    while changed:
        changed = False
        for node in nodes:
            for hop, previous in reached[node].parents:
                if previous in best:
                    value = weakest([assertion_of(hop), best[previous]])
                    if node not in best or value.strength > best[node].strength:
                        best[node], changed = value, True
    return best


def shortest_chains(
    reached: dict[str, Reached],
    target: str,
    root: str,
    limit: int,
    *,
    last: Callable[[Hop], bool] | None = None,
    support: dict[str, Assertion] | None = None,
) -> list[list[Hop]]:
    """Up to `limit` shortest chains of hops from `root` to `target`, in walking order; only
    those whose last hop `last` accepts, when given. With `support` (strongest_support's),
    the stronger ways in are followed first: when more chains exist than `limit`, the ones
    kept lean to the strongest, and the first found is as strong as any."""
    chains: list[list[Hop]] = []

    def strength(way: tuple[Hop, str]) -> int:
        hop, previous = way
        known = support.get(previous) if support is not None else None
        return weakest([assertion_of(hop), known]).strength if known else -1

    def back(node: str, suffix: list[Hop], seen: frozenset[str]) -> None:
        if len(chains) >= limit:
            return
        if node == root:
            chains.append(suffix)
            return
        ways = reached[node].parents
        if node == target and last is not None:
            ways = [way for way in ways if last(way[0])]
        if support is not None:
            ways = sorted(ways, key=strength, reverse=True)  # stable: ties keep their order
        for hop, previous in ways:
            if previous not in seen:
                back(previous, [hop, *suffix], seen | {previous})

    back(target, [], frozenset({target}))
    return chains
