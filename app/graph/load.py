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
    """Stored columns for every node and edge: the YAML bundle's and the CSV parts'.
    `csv_parts` is emptied as it is converted: the raw columns are not kept twice."""
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
    while csv_parts:  # consumed, so that each raw CSV table is freed once converted
        part_label = csv_parts[-1].label
        if part_label is not None:
            node_tables[part_label].append(
                node_store_table(csv_parts.pop(), node_columns(part_label))
            )
        else:  # no name holds the raw table once _split_edges has sorted it
            for key, table in _split_edges(csv_parts.pop().table).items():
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
    """CSV relationship rows by (type, start label, end label): the unit of a bulk copy.
    One sort and zero-copy slices, rather than one filter pass over the table per key."""
    keys = ["type", "_from_label", "_to_label"]
    empty = [c for c in table.column_names if table[c].null_count == len(table)]
    order = pc.sort_indices(table, [(k, "ascending") for k in keys])
    ordered = table.drop_columns(empty).take(order)  # empty columns are not worth moving
    del table, order
    groups = ordered.select(keys).group_by(keys, use_threads=False).aggregate([([], "count_all")])
    out, start = {}, 0
    for key in sorted(
        groups.to_pylist(), key=lambda g: (g["type"], g["_from_label"], g["_to_label"])
    ):
        count = key["count_all"]
        rel, start_label, end_label = key["type"], key["_from_label"], key["_to_label"]
        rows = ordered.slice(start, count)
        for column in empty:
            rows = rows.append_column(column, pa.nulls(count, pa.string()))
        out[(RelType(rel), Label(start_label), Label(end_label))] = rows
        start += count
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
