"""The one interface every graph store implements, and the plain data it exchanges."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol

from app.model.vocabulary import Label, RelType

Row = dict[str, Any]


@dataclass(frozen=True)
class EdgeTable:
    """Edges of one type between one pair of labels: the unit of a bulk copy."""

    rel: RelType
    from_label: Label
    to_label: Label
    rows: list[Row]  # each row has "from" and "to" (node ids) and the type's columns


@dataclass(frozen=True)
class GraphTables:
    """A whole graph as rows, ready for an adapter's bulk path."""

    nodes: Mapping[Label, list[Row]]
    edges: Sequence[EdgeTable]
    meta: Mapping[str, str]


class GraphStore(Protocol):
    backend: ClassVar[str]

    def apply_schema(self) -> None:
        """Create the tables, constraints and indexes the named queries rely on."""

    def read(self, query: str, params: Mapping[str, Any]) -> list[Row]:
        """Run one read statement; nodes come back as dicts of properties plus `_label`."""

    def write(self, query: str, rows: Sequence[Mapping[str, Any]]) -> None:
        """Run one write statement over `$rows`, in batches."""

    def replace_graph(self, tables: GraphTables) -> None:
        """Swap the whole graph for `tables` atomically: readers see the old or the new one."""

    def close(self) -> None: ...
