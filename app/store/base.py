"""The one interface every graph store implements, and the plain data it exchanges."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

import pyarrow as pa

from app.model.vocabulary import Label, RelType
from app.progress import Progress

Row = dict[str, Any]


@dataclass(frozen=True)
class NodeTable:
    """Every node of one label: the unit of a bulk copy."""

    label: Label
    table: pa.Table  # the label's stored columns, "id" first


@dataclass(frozen=True)
class EdgeTable:
    """Edges of one type between one pair of labels: the unit of a bulk copy."""

    rel: RelType
    from_label: Label
    to_label: Label
    table: pa.Table  # "from" and "to" (node ids), then the type's stored columns


@dataclass(frozen=True)
class GraphTables:
    """A whole graph as Arrow tables of stored columns (app/graph/rows.py), ready for bulk:
    one table per label, then one per edge type and pair of labels, each label and each pair
    once. The tables may be built as they are taken, so that a store copies one while the
    next is built, and holds few at a time: take them once, nodes before edges."""

    nodes: Iterable[NodeTable]
    edges: Iterable[EdgeTable]
    meta: Mapping[str, str]
    node_count: int
    edge_count: int

    @classmethod
    def of(
        cls,
        nodes: Mapping[Label, pa.Table],
        edges: Sequence[EdgeTable],
        meta: Mapping[str, str] | None = None,
    ) -> "GraphTables":
        """Tables already built."""
        return cls(
            nodes=[NodeTable(label, table) for label, table in nodes.items()],
            edges=list(edges),
            meta=meta or {},
            node_count=sum(len(t) for t in nodes.values()),
            edge_count=sum(len(e.table) for e in edges),
        )


class GraphStore(Protocol):
    backend: ClassVar[str]

    def apply_schema(self) -> None:
        """Create the tables, constraints and indexes the named queries rely on."""

    def read(self, query: str, params: Mapping[str, Any]) -> list[Row]:
        """Run one read statement. Nodes and relationships come back as dicts of their
        properties plus `_label` (the node's label, the relationship's type); dates as dates."""

    def write(self, query: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run one write statement over `$rows`, in batches."""

    def replace_graph(self, tables: GraphTables, progress: Progress | None = None) -> None:
        """Swap the whole graph for `tables` atomically: readers see the old or the new one.
        The tables are taken once and released as they are copied."""

    def close(self) -> None: ...
