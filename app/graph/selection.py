"""What an export reads: the whole graph a page at a time, or only what a map view holds.

Either way the models come one label or one relationship type at a time, in id order (the
order of the dump), so that a writer can stream them. The whole graph is never held; a view's
nodes and relationships are read by id and held, a view being small (the map budget).
"""

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Protocol, TypeVar

from app.graph.dump import LinkedEdge, stored_edges, stored_nodes
from app.graph.refs import nodes_by_id
from app.graph.rows import edge_from_row, node_from_row
from app.model import Edge, Node, Source
from app.model.edges import ENDPOINTS
from app.model.vocabulary import Label, RelType
from app.store.base import GraphStore

Ids = Collection[str] | None
NODE_LABELS = [label for label in Label if label is not Label.SOURCE]
"""The labels of the nodes an export writes (sources are cited, not written as nodes)."""

T = TypeVar("T")


class Selection(Protocol):
    def nodes(self, label: Label) -> Iterable[Node]:
        """The selected nodes of one label (not Source), in id order."""

    def edges(self, rel: RelType) -> Iterable[LinkedEdge]:
        """The selected relationships of one type, in id order; may be read more than once."""

    def sources(self) -> Iterable[Source]:
        """The sources the export describes."""


def selection_of(store: GraphStore, nodes: Ids = None, edges: Ids = None) -> Selection:
    """The whole graph, or the given nodes and the relationships among them (only the given
    relationship ids, when there are some)."""
    if nodes is None:
        return WholeGraph(store, edges)
    return ViewSelection(store, nodes, edges)


def only(kind: type[T], items: Iterable[object]) -> Iterator[T]:
    """The items of one model class (narrowing for the type checker, too)."""
    return (item for item in items if isinstance(item, kind))


@dataclass(frozen=True)
class WholeGraph:
    """Every node and source; every relationship, or only `edge_ids`. Read page by page on
    each call, never held."""

    store: GraphStore
    edge_ids: Ids = None

    def nodes(self, label: Label) -> Iterator[Node]:
        return only(Node, stored_nodes(self.store, label))

    def edges(self, rel: RelType) -> Iterator[LinkedEdge]:
        for linked in stored_edges(self.store, rel):
            if linked.end is Label.SOURCE:
                continue  # exports write sources as cited documents, not as nodes to link to
            if self.edge_ids is None or linked.edge.id in self.edge_ids:
                yield linked

    def sources(self) -> Iterator[Source]:
        return only(Source, stored_nodes(self.store, Label.SOURCE))


class ViewSelection:
    """The nodes with the given ids and the relationships among them, read by id once and
    held; the sources are those they cite."""

    def __init__(self, store: GraphStore, node_ids: Collection[str], edge_ids: Ids) -> None:
        self._store = store
        rows = nodes_by_id(store, sorted(node_ids), whole=True)
        kept = only(Node, (node_from_row(Label(r["_label"]), r) for r in rows.values()))
        self._nodes: dict[Label, list[Node]] = {}
        for node in kept:
            self._nodes.setdefault(node.label, []).append(node)
        labels = {n.id: n.label for group in self._nodes.values() for n in group}
        self._edges: dict[RelType, list[LinkedEdge]] = {}
        for linked in sorted(edges_among(store, labels), key=lambda e: e.edge.id):
            if edge_ids is None or linked.edge.id in edge_ids:
                self._edges.setdefault(linked.edge.rel, []).append(linked)

    def nodes(self, label: Label) -> list[Node]:
        return self._nodes.get(label, [])

    def edges(self, rel: RelType) -> list[LinkedEdge]:
        return self._edges.get(rel, [])

    def sources(self) -> list[Source]:
        items: list[Node | Edge] = [node for group in self._nodes.values() for node in group]
        items += [linked.edge for group in self._edges.values() for linked in group]
        cited = sorted({citation.doc for item in items for citation in item.sources})
        rows = nodes_by_id(self._store, cited, whole=True)
        return list(only(Source, (node_from_row(Label.SOURCE, r) for r in rows.values())))


def edges_among(store: GraphStore, labels: Mapping[str, Label]) -> Iterator[LinkedEdge]:
    """Every relationship from one of these nodes (id → label) to another: looked up from each
    start node through its label's id index, the only fast way in on LadybugDB."""
    ids = list(labels)
    for node_id, label in labels.items():
        types = [rel for rel in RelType if label in ENDPOINTS[rel][0]]
        if not types:
            continue
        found = store.run("edges_among", {"id": node_id, "ids": ids}, start=label, types=types)
        for row in found:
            rel = RelType(row["rel"]["_label"])
            edge = edge_from_row(rel, row["rel"], node_id, row["finish"])
            yield LinkedEdge(edge, label, Label(row["finish_label"]))
