"""Exploring around entities: the k-hop neighbourhood (the input of the maps) and the shortest
paths between two entities."""

from collections.abc import Callable, Sequence
from datetime import date

from app import deadline
from app.graph.refs import edge_ref, entity_ref, outside_validity, require_node
from app.graph.walk import Budget, Hop, Reached, Window, expand, hops_by_node, shortest_chains
from app.model.answers import EdgeRef, EntityRef, GraphPath, Neighbourhood, PathsAnswer
from app.model.params import NeighbourhoodAsked, PathsParams
from app.model.vocabulary import Label, Lang, RelType
from app.store.base import GraphStore, Row

PATHS_CAP = 25


def _both_ways(
    store: GraphStore,
    nodes: Sequence[Row],
    types: Sequence[RelType],
    window: Window,
    budget: Budget,
) -> list[Hop]:
    return [
        *expand(store, nodes, types, "out", window, budget),
        *expand(store, nodes, types, "in", window, budget),
    ]


def _sorted(hops: list[Hop]) -> list[Hop]:
    return sorted(hops, key=lambda h: (h.node["id"], h.rel["id"]))


def _edge(hop: Hop) -> EdgeRef:
    return edge_ref(hop.rel, hop.rel_type, hop.start, hop.end)


def neighbourhood(
    store: GraphStore, entity_id: str, asked: NeighbourhoodAsked, budget: Budget
) -> Neighbourhood:
    """Nodes within `depth` hops (either direction) and the edges met on the way to them, at
    most `limit` nodes, nearer ones first; `truncated` says when the cap cut it short. Edges
    between two nodes at the outer edge are not looked for: that would mean expanding every
    outermost node, hubs included, for edges the map would mostly hide."""
    depth, limit, as_of, lang = asked.depth, asked.limit, asked.as_of, asked.lang
    types = asked.types or list(RelType)
    center = require_node(store, entity_id, whole=False)
    outside = outside_validity(center, as_of)
    if outside is not None:  # nothing was around an entity that did not exist
        return Neighbourhood(
            center=entity_ref(center, lang),
            subject_validity=outside,
            depth=depth,
            nodes=[],
            edges=[],
            truncated=False,
        )
    window = Window.as_of(as_of)
    kept: dict[str, Row] = {entity_id: center}
    edges: dict[str, EdgeRef] = {}
    level, truncated = [entity_id], False
    for _ in range(depth):
        next_level: list[str] = []
        rows = [kept[node_id] for node_id in level]
        outwards = hops_by_node(store, rows, types, "out", window, budget)
        inwards = hops_by_node(store, rows, types, "in", window, budget)
        pairs = zip(outwards, inwards, strict=True)
        # once full, expanding more nodes would only find more to leave out
        while not truncated and (pair := next(pairs, None)) is not None:
            (_, out_hops), (_, in_hops) = pair
            for hop in _sorted([*out_hops, *in_hops]):
                other = hop.node["id"]
                if other not in kept:
                    if len(kept) >= limit:
                        truncated = True
                        continue
                    kept[other] = hop.node
                    next_level.append(other)
                edges[hop.rel["id"]] = _edge(hop)
        level = next_level
    return Neighbourhood(
        center=entity_ref(center, lang),
        depth=depth,
        nodes=[entity_ref(row, lang) for row in kept.values()],
        edges=sorted(edges.values(), key=lambda e: e.id),
        truncated=truncated,
    )


def paths(store: GraphStore, params: PathsParams, budget: Budget) -> PathsAnswer:
    """The shortest paths between two entities over `types`, in either direction, up to
    `max_length` edges. Searches from both ends at once, always widening the smaller side."""
    source_id, target_id = params.source, params.target
    types, max_length = params.types or list(RelType), params.max_length
    as_of, lang, limit, offset = params.as_of, params.lang, params.limit, params.offset
    source, target = (
        require_node(store, source_id, whole=False),
        require_node(store, target_id, whole=False),
    )
    source_validity, target_validity = (
        outside_validity(source, as_of),
        outside_validity(target, as_of),
    )
    if source_validity is not None or target_validity is not None:
        return PathsAnswer(  # no path ran through an end that did not exist that day
            source=entity_ref(source, lang),
            target=entity_ref(target, lang),
            source_validity=source_validity,
            target_validity=target_validity,
            items=[],
            total=0,
            limit=limit,
            offset=offset,
        )
    window = Window.as_of(as_of)
    sides = {
        "s": {source_id: Reached(0, source)},
        "t": {target_id: Reached(0, target)},
    }
    levels = {"s": [source_id], "t": [target_id]}
    meeting: set[str] = {source_id} & {target_id}
    length = 0
    while not meeting and length < max_length and levels["s"] and levels["t"]:
        side = "s" if len(levels["s"]) <= len(levels["t"]) else "t"
        reached, other = sides[side], sides["t" if side == "s" else "s"]
        depth = reached[levels[side][0]].depth + 1
        new: list[str] = []
        frontier = [reached[i].node for i in levels[side]]
        for hop in _both_ways(store, frontier, types, window, budget):
            node = hop.node["id"]
            known = reached.get(node)
            if known is None:
                reached[node] = known = Reached(depth, hop.node)
                new.append(node)
            if known.depth == depth:
                known.parents.append((hop, hop.origin))
        levels[side] = new
        length += 1
        meeting = {n for n in new if n in other}
    rows = {n: r.node for side_reached in sides.values() for n, r in side_reached.items()}
    found: list[GraphPath] = []
    for middle in sorted(meeting):
        heads = shortest_chains(sides["s"], middle, source_id, PATHS_CAP)
        tails = shortest_chains(sides["t"], middle, target_id, PATHS_CAP)
        for head in heads:
            for tail in tails:
                found.append(_path([*head, *reversed(tail)], source_id, rows, lang))
                if len(found) >= PATHS_CAP:
                    break
    found.sort(key=lambda p: [e.id for e in p.edges])
    return PathsAnswer(
        source=entity_ref(source, lang),
        target=entity_ref(target, lang),
        items=found[offset : offset + limit],
        total=len(found),
        limit=limit,
        offset=offset,
    )


def _path(hops: list[Hop], source_id: str, rows: dict[str, Row], lang: Lang | None) -> GraphPath:
    """A path from the source: its nodes in order and its edges in their own direction."""
    nodes, current = [source_id], source_id
    for hop in hops:
        current = hop.end if hop.start == current else hop.start
        nodes.append(current)
    return GraphPath(
        length=len(hops),
        nodes=[entity_ref(rows[n], lang) for n in nodes],
        edges=[_edge(h) for h in hops],
    )


GRAPH_EDGES_CAP = 20_000  # graph_edges.cypher returns one row more when there are more


def graph_edges(
    store: GraphStore,
    *,
    types: Sequence[RelType],
    as_of: date | None,
    lang: Lang | None,
    keep: Callable[[EntityRef], bool] = lambda _: True,
    node_limit: int = GRAPH_EDGES_CAP,
) -> tuple[list[EntityRef], list[EdgeRef], bool]:
    """The relationships of `types` valid on `as_of`, in id order, and their ends: the
    whole-graph map. Only relationships whose ends are both kept, as long as there is room for
    their ends among `node_limit` nodes; the flag says something was cut for lack of room (or
    by GRAPH_EDGES_CAP)."""
    rows = store.run("graph_edges", Window.as_of(as_of).params(), types=types)
    truncated = len(rows) > GRAPH_EDGES_CAP
    nodes: dict[str, EntityRef] = {}
    refused: set[str] = set()
    edges = []
    for number, row in enumerate(rows[:GRAPH_EDGES_CAP]):
        if number % 1000 == 0:
            deadline.check("the whole-graph map")
        if refused & {row["start"], row["finish"]}:
            continue
        new = {row[end]: _graph_end(row, end, lang) for end in _ENDS if row[end] not in nodes}
        unwanted = {node_id for node_id, ref in new.items() if not keep(ref)}
        if unwanted:
            refused |= unwanted
            continue
        if len(nodes) + len(new) > node_limit:
            truncated = True
            continue
        nodes.update(new)
        edges.append(
            edge_ref(row["rel"], RelType(row["rel"]["_label"]), row["start"], row["finish"])
        )
    return list(nodes.values()), edges, truncated


_ENDS = ("start", "finish")


def _graph_end(row: Row, end: str, lang: Lang | None) -> EntityRef:
    """One end of a graph_edges row, from its `start_…` or `finish_…` columns."""
    far = {k.removeprefix(f"{end}_"): v for k, v in row.items() if k.startswith(f"{end}_")}
    return entity_ref({**far, "id": row[end], "_label": far["label"]}, lang)


def graph_nodes(
    store: GraphStore,
    *,
    labels: Sequence[Label],
    kinds: Sequence[str],
    as_of: date | None,
    lang: Lang | None,
    limit: int,
) -> list[EntityRef]:
    """The entities of `labels` and `kinds` (all when empty) valid on `as_of`, in id order, at
    most `limit`: the whole-graph map's nodes, those without relationships included."""
    rows = store.run(
        "graph_nodes",
        {
            "labels": [label.value for label in labels],
            "kinds": list(kinds),
            "limit": limit,
            **Window.as_of(as_of).params(),
        },
    )
    return [entity_ref({**row, "_label": row["label"]}, lang) for row in rows]
