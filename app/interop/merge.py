"""Add an imported bundle to the current graph (read back as models): whatever an earlier
import of the same file brought is replaced, ids that clash with other data are refused, and
every relationship's ends and references are checked. On any problem, nothing changes
(app/interop/imports.py swaps the merged graph in)."""

from collections.abc import Callable

from app.graph.dump import check_graph
from app.ingest.problems import Problem
from app.model import Edge, GraphBundle, Node, Source


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
