"""The one interface every graph store implements, and the plain data it exchanges."""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar, Protocol, Self

import pyarrow as pa

from app.model.vocabulary import Label, RelType
from app.progress import Progress
from app.store.internal import RECORD_QUERIES
from app.store.statements import rendered, statement

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
    """A whole graph as Arrow tables of stored columns (app/model/schema.py), ready for bulk:
    one table per label, then one per edge type and pair of labels, each label and each pair
    once. The tables may be built as they are taken, so that a store copies one while the
    next is built, and holds few at a time: take them once, nodes before edges."""

    nodes: Iterable[NodeTable]
    edges: Iterable[EdgeTable]
    meta: Mapping[str, str]
    node_count: int
    edge_count: int
    # Saved maps to write with the graph (id → the map as JSON text), replacing those of the
    # same id: a store keeps every other saved map it holds across the swap (a restore).
    saved_maps: Mapping[str, str] = field(default_factory=dict)

    def facts(self, revision: str) -> dict[str, str]:
        """What a store records about the graph it swaps in: the tables' own facts, and at
        least when it was loaded, its size and its revision (a file without them is not a
        whole graph)."""
        return {
            "loaded_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
            "nodes": str(self.node_count),
            "edges": str(self.edge_count),
            **{key: str(value) for key, value in self.meta.items()},
            "revision": revision,
        }

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


def next_revision(live: str) -> str:
    """The revision a write after `live` gives the graph ("" for none): a counter, so that
    the order of writes can be read off the graphs they left."""
    return str(int(live) + 1) if live.isdigit() else "1"


class GraphStore(Protocol):
    """The port every use case talks to. It takes statements by name (cypher/queries): which
    dialect's text runs is the adapter's business, and no use case asks which engine it is on.
    A store is a context manager: `with open_store(settings) as store: ...` closes it."""

    backend: ClassVar[str]  # which engine, for the operator (health, logs), never for a dialect
    # Whether a walk fetches a whole level in one statement (a server, where each statement is
    # a round trip) or one node per statement (embedded: app/graph/walk.py says why).
    walks_by_frontier: ClassVar[bool]

    def apply_schema(self) -> None:
        """Create the tables, constraints and indexes the named statements rely on."""

    def run(
        self,
        name: str,
        params: Mapping[str, Any],
        *,
        label: Label | None = None,
        types: Sequence[RelType] = (),
        start: Label | None = None,
        end: Label | None = None,
    ) -> list[Row]:
        """Run the read statement `name` with exactly the parameters its text uses, its
        vocabulary slots filled with `label`, `types` and the labels at a relationship's two
        ends (values of the vocabulary, never text from a request). Nodes and relationships
        come back as dicts of their properties plus `_label` (the node's label, the
        relationship's type); dates as dates. The statement is bounded by what is left of the
        work's budget (app.deadline)."""

    def read(self, text: str, params: Mapping[str, Any]) -> list[Row]:
        """Run one statement given as text, in this engine's dialect: what `run` does after
        choosing the text, and what tests and an operator's diagnostics use. Use cases call
        `run`."""

    def replace_graph(
        self,
        tables: GraphTables,
        progress: Progress | None = None,
        *,
        expected_revision: str | None = None,
    ) -> str:
        """Swap the whole graph for `tables` atomically: readers see the old or the new one.
        The tables are taken once and released as they are copied. Writes are serialised:
        each gives the graph the next revision (returned, and kept in the graph's facts as
        "revision"). With `expected_revision` (the revision a write read the graph at; "" for
        no graph), the swap happens only if no other write came between, else
        GraphChangedError and nothing changes."""

    def write(self, name: str, params: Mapping[str, Any]) -> None:
        """Run the write statement `name` (cypher/writes: the store's own records beside the
        graph, such as saved maps) with exactly the parameters its text uses, in one
        transaction: all or nothing, and readers see it once it is done. The graph and its
        revision are untouched, and every replace_graph keeps what these statements wrote."""

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


class StoreBase(ABC):
    """What both adapters share: a statement by name in the adapter's own dialect, and closing
    as a context manager."""

    backend: ClassVar[str]

    def run(
        self,
        name: str,
        params: Mapping[str, Any],
        *,
        label: Label | None = None,
        types: Sequence[RelType] = (),
        start: Label | None = None,
        end: Label | None = None,
    ) -> list[Row]:
        statement = rendered(name, self.backend, label, types, start, end)
        if name in RECORD_QUERIES:
            return self._read_records(statement.text, statement.bind(dict(params)))
        return self.read(statement.text, statement.bind(dict(params)))

    def _read_records(self, text: str, params: Mapping[str, Any]) -> list[Row]:
        """Read the store's own records (saved maps): where the graph is, unless the adapter
        keeps them elsewhere."""
        return self.read(text, params)

    @abstractmethod
    def read(self, text: str, params: Mapping[str, Any]) -> list[Row]:
        """Run a filled statement in this adapter's engine."""

    def write(self, name: str, params: Mapping[str, Any]) -> None:
        written = statement(name, self.backend, "writes")
        self._write(written.text, written.bind(dict(params)))

    @abstractmethod
    def _write(self, text: str, params: Mapping[str, Any]) -> None:
        """Run a write statement in this adapter's engine, in one transaction."""

    @abstractmethod
    def close(self) -> None:
        """Release the engine's connection and files."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
