"""Add an imported bundle to the graph in the store, atomically: the current graph is read
back as models, whatever an earlier import of the same file brought is replaced, ids that
clash with other data are refused, every relationship's ends and references are checked, and
only then is the whole graph swapped in (on any problem, nothing changes)."""

from collections.abc import Callable

from app.errors import NoGraphError
from app.graph.dump import dump_lines
from app.graph.load import bundle_tables
from app.ingest.problems import Problem
from app.model import EDGE_MODELS, Edge, GraphBundle, Node, Source
from app.model.nodes import NODE_MODELS
from app.model.vocabulary import ENDPOINTS, Label, RelType
from app.progress import Progress
from app.store.base import GraphStore


def current_bundle(store: GraphStore) -> GraphBundle:
    """The store's graph as models (an empty bundle when nothing is loaded yet)."""
    bundle = GraphBundle([], [], [])
    try:
        lines = list(dump_lines(store))[1:]
    except NoGraphError:
        return bundle
    for line in lines:
        if "node" in line:
            label = Label(line.pop("node"))
            if label is Label.SOURCE:
                bundle.sources.append(Source.model_validate(line))
            else:
                bundle.nodes.append(NODE_MODELS[label].model_validate(line))  # type: ignore[arg-type]
        else:
            rel = RelType(line.pop("edge"))
            bundle.edges.append(EDGE_MODELS[rel].model_validate(line))
    return bundle


def merged(
    current: GraphBundle, imported: GraphBundle, source: Source, file: str
) -> tuple[GraphBundle, list[Problem]]:
    """`imported` added to `current`, replacing what cites only `source` there."""

    def only_from_source(item: Node | Edge) -> bool:
        return {c.doc for c in item.sources} == {source.id}

    return _combined(current, imported, file, only_from_source, {source.id})


def added(
    current: GraphBundle, imported: GraphBundle, file: str, replace: bool
) -> tuple[GraphBundle, list[Problem]]:
    """`imported` added to `current`; with `replace`, items with the same ids give way."""
    ids = {n.id for n in imported.nodes} | {e.id for e in imported.edges}
    return _combined(current, imported, file, lambda item: replace and item.id in ids, set())


def _combined(
    current: GraphBundle,
    imported: GraphBundle,
    file: str,
    replaced: Callable[[Node | Edge], bool],
    replaced_sources: set[str],
) -> tuple[GraphBundle, list[Problem]]:
    kept_nodes = [n for n in current.nodes if not replaced(n)]
    kept_edges = [e for e in current.edges if not replaced(e)]
    new_sources = {s.id for s in imported.sources}
    kept_sources = [s for s in current.sources if s.id not in replaced_sources | new_sources]
    problems = []
    taken = {n.id for n in kept_nodes} | {s.id for s in kept_sources}
    for node in imported.nodes:
        if node.id in taken:
            problems.append(
                Problem(file, 0, "id", f"'{node.id}' already names an entity in the graph")
            )
    taken_edges = {e.id for e in kept_edges}
    for edge in imported.edges:
        if edge.id in taken_edges:
            problems.append(
                Problem(file, 0, "id", f"relationship '{edge.id}' already exists in the graph")
            )
    bundle = GraphBundle(
        [*kept_sources, *imported.sources],
        [*kept_nodes, *imported.nodes],
        [*kept_edges, *imported.edges],
    )
    return bundle, problems + check_graph(bundle, file)


def check_graph(bundle: GraphBundle, file: str) -> list[Problem]:
    """Every relationship joins known nodes of allowed labels, and its references are known."""
    labels: dict[str, Label] = {s.id: Label.SOURCE for s in bundle.sources}
    labels |= {n.id: n.label for n in bundle.nodes}
    problems = []
    for edge in bundle.edges:
        starts, ends = ENDPOINTS[edge.rel]
        for key, node_id, allowed in (("from", edge.from_, starts), ("to", edge.to, ends)):
            label = labels.get(node_id)
            if label is None:
                problems.append(Problem(file, 0, key, f"{edge.id}: unknown node '{node_id}'"))
            elif label not in allowed:
                problems.append(
                    Problem(file, 0, key, f"{edge.id}: {edge.rel} cannot join {label} '{node_id}'")
                )
        for field_name, node_id in edge.references().items():
            if node_id not in labels:
                problems.append(
                    Problem(file, 0, field_name, f"{edge.id}: unknown node '{node_id}'")
                )
    return problems


def load_merged(
    store: GraphStore, bundle: GraphBundle, origin: str, progress: Progress | None = None
) -> None:
    store.replace_graph(bundle_tables(bundle, origin), progress)
