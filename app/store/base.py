"""The one interface every graph store implements, and the plain data it exchanges."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

import pyarrow as pa

from app.model.vocabulary import Label, RelType
from app.progress import Progress

Row = dict[str, Any]


@dataclass(frozen=True)
class EdgeTable:
    """Edges of one type between one pair of labels: the unit of a bulk copy."""

    rel: RelType
    from_label: Label
    to_label: Label
    table: pa.Table  # "from" and "to" (node ids), then the type's stored columns


@dataclass(frozen=True)
class GraphTables:
    """A whole graph as Arrow tables of stored columns (app/graph/rows.py), ready for bulk.
    Mutable on purpose: a store's replace_graph empties it as it copies, to free memory."""

    nodes: dict[Label, pa.Table]
    edges: list[EdgeTable]
    meta: Mapping[str, str]

    def node_count(self) -> int:
        return sum(len(t) for t in self.nodes.values())

    def edge_count(self) -> int:
        return sum(len(e.table) for e in self.edges)


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
        The tables are consumed (released as they are copied), so build them for one call."""

    def close(self) -> None: ...
