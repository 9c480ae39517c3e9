"""Write validated input through the store: the whole graph, swapped in atomically."""

from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from app.graph.rows import ColumnType, edge_columns, edge_row, node_columns, node_row
from app.ingest.csv_files import CsvPart, edge_store_table, node_store_table
from app.model import GraphBundle, Node, Source
from app.model.vocabulary import Label, RelType
from app.progress import Progress
from app.store.base import EdgeTable, GraphStore, GraphTables, Row

_ARROW: dict[ColumnType, pa.DataType] = {
    "STRING": pa.string(),
    "STRING[]": pa.list_(pa.string()),
    "BOOLEAN": pa.bool_(),
    "INT64": pa.int64(),
    "DATE": pa.date32(),
}


def rows_table(
    rows: list[Row], columns: dict[str, ColumnType], lead: tuple[str, ...] = ()
) -> pa.Table:
    arrays = {name: pa.array([r[name] for r in rows], pa.string()) for name in lead}
    for name, kind in columns.items():
        arrays[name] = pa.array([r.get(name) for r in rows], _ARROW[kind])
    return pa.table(arrays)


def bundle_tables(
    bundle: GraphBundle, origin: str, csv_parts: list[CsvPart] | None = None
) -> GraphTables:
    """Stored columns for every node and edge: the YAML bundle's and the CSV parts'."""
    node_rows: dict[Label, list[Row]] = defaultdict(list)
    labels: dict[str, Label] = {}
    items: list[Node | Source] = [*bundle.sources, *bundle.nodes]
    for item in items:
        node_rows[item.label].append(node_row(item))
        labels[item.id] = item.label
    node_tables: dict[Label, list[pa.Table]] = defaultdict(list)
    for label, rows in node_rows.items():
        node_tables[label].append(rows_table(rows, node_columns(label)))
    edge_rows: dict[tuple[RelType, Label, Label], list[Row]] = defaultdict(list)
    for edge in bundle.edges:
        edge_rows[(edge.rel, labels[edge.from_], labels[edge.to])].append(edge_row(edge))
    edge_tables: dict[tuple[RelType, Label, Label], list[pa.Table]] = defaultdict(list)
    for key, rows in edge_rows.items():
        edge_tables[key].append(rows_table(rows, edge_columns(key[0]), ("from", "to")))
    for part in csv_parts or []:
        if part.label is not None:
            node_tables[part.label].append(node_store_table(part, node_columns(part.label)))
        else:
            for key, table in _split_edges(part.table).items():
                edge_tables[key].append(edge_store_table(table, key[0], edge_columns(key[0])))
    nodes = {label: _concat(tables) for label, tables in node_tables.items()}
    edges = [EdgeTable(*key, _concat(tables)) for key, tables in sorted(edge_tables.items())]
    meta = {
        "loaded_at": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "origin": origin,
        "nodes": str(sum(len(t) for t in nodes.values())),
        "edges": str(sum(len(e.table) for e in edges)),
    }
    return GraphTables(nodes=nodes, edges=edges, meta=meta)


def _split_edges(table: pa.Table) -> dict[tuple[RelType, Label, Label], pa.Table]:
    """CSV relationship rows by (type, start label, end label): the unit of a bulk copy."""
    keys = (
        table.select(["type", "_from_label", "_to_label"])
        .group_by(["type", "_from_label", "_to_label"])
        .aggregate([])
        .to_pylist()
    )
    out = {}
    for key in keys:
        mask = pc.and_(
            pc.and_(
                pc.equal(table["type"], key["type"]),
                pc.equal(table["_from_label"], key["_from_label"]),
            ),
            pc.equal(table["_to_label"], key["_to_label"]),
        )
        out[(RelType(key["type"]), Label(key["_from_label"]), Label(key["_to_label"]))] = (
            table.filter(mask)
        )
    return out


def _concat(tables: list[pa.Table]) -> pa.Table:
    if len(tables) == 1:
        return tables[0]
    first = tables[0].schema
    return pa.concat_tables([t.select(first.names).cast(first) for t in tables])


def load_tables(store: GraphStore, tables: GraphTables, progress: Progress | None = None) -> None:
    """Replace the store's graph with `tables`. The same input twice gives the same graph."""
    store.replace_graph(tables, progress)


def load_bundle(store: GraphStore, bundle: GraphBundle, origin: Path | str) -> None:
    """Replace the store's graph with a validated YAML bundle."""
    store.replace_graph(bundle_tables(bundle, str(origin)))
