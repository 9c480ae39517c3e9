"""Write a validated bundle through the store: the whole graph, swapped in atomically."""

from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from app.graph.rows import edge_row, node_row
from app.model import GraphBundle, Node, Source
from app.model.vocabulary import Label, RelType
from app.store.base import EdgeTable, GraphStore, GraphTables, Row


def bundle_tables(bundle: GraphBundle, origin: str) -> GraphTables:
    nodes: dict[Label, list[Row]] = defaultdict(list)
    labels: dict[str, Label] = {}
    items: list[Node | Source] = [*bundle.sources, *bundle.nodes]
    for item in items:
        nodes[item.label].append(node_row(item))
        labels[item.id] = item.label
    grouped: dict[tuple[RelType, Label, Label], list[Row]] = defaultdict(list)
    for edge in bundle.edges:
        grouped[(edge.rel, labels[edge.from_], labels[edge.to])].append(edge_row(edge))
    edges = [EdgeTable(rel, a, b, rows) for (rel, a, b), rows in sorted(grouped.items())]
    meta = {
        "loaded_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "origin": origin,
        "nodes": str(len(bundle.nodes) + len(bundle.sources)),
        "edges": str(len(bundle.edges)),
    }
    return GraphTables(nodes=dict(nodes), edges=edges, meta=meta)


def load_bundle(store: GraphStore, bundle: GraphBundle, origin: Path | str) -> None:
    """Replace the store's graph with `bundle`. The same bundle twice gives the same graph."""
    store.replace_graph(bundle_tables(bundle, str(origin)))
