"""Write validated input through the store: the whole graph, swapped in atomically."""

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from app.graph.rows import edge_row, node_row
from app.ingest.csv_files import CsvPart, edge_store_table, node_store_table
from app.model import GraphBundle, Node, Source
from app.model.arrow import ARROW_TYPES
from app.model.schema import ColumnType, edge_columns, node_columns
from app.model.vocabulary import Label, RelType
from app.progress import Progress
from app.store.base import EdgeTable, GraphStore, GraphTables, NodeTable, Row


def rows_table(
    rows: list[Row], columns: dict[str, ColumnType], lead: tuple[str, ...] = ()
) -> pa.Table:
    arrays = {name: pa.array([r[name] for r in rows], pa.string()) for name in lead}
    for name, kind in columns.items():
        arrays[name] = pa.array([r.get(name) for r in rows], ARROW_TYPES[kind])
    return pa.table(arrays)


_EdgeKey = tuple[RelType, Label, Label]


def bundle_tables(
    bundle: GraphBundle, origin: str, csv_parts: list[CsvPart] | None = None
) -> GraphTables:
    """Stored columns for every node and edge: the YAML bundle's and the CSV parts'.
    The CSV tables are converted as the store takes them (it copies one while the next is
    built), and `csv_parts` is emptied: the raw columns are freed once converted."""
    labels: dict[str, Label] = {}
    node_rows: dict[Label, list[Row]] = defaultdict(list)
    items: list[Node | Source] = [*bundle.sources, *bundle.nodes]
    for item in items:
        node_rows[item.label].append(node_row(item))
        labels[item.id] = item.label
    yaml_nodes = {label: rows_table(rows, node_columns(label)) for label, rows in node_rows.items()}
    edge_rows: dict[_EdgeKey, list[Row]] = defaultdict(list)
    for edge in bundle.edges:
        edge_rows[(edge.rel, labels[edge.from_], labels[edge.to])].append(edge_row(edge))
    yaml_edges = {
        key: rows_table(rows, edge_columns(key[0]), ("from", "to"))
        for key, rows in edge_rows.items()
    }
    parts = list(csv_parts or [])
    if csv_parts:
        csv_parts.clear()
    node_parts = [p for p in parts if p.label is not None]
    edge_parts = [p for p in parts if p.label is None]
    del parts
    nodes = sum(map(len, yaml_nodes.values())) + sum(len(p.table) for p in node_parts)
    edges = sum(map(len, yaml_edges.values())) + sum(len(p.table) for p in edge_parts)
    return GraphTables(
        nodes=_node_tables(yaml_nodes, node_parts),
        edges=_edge_tables(yaml_edges, edge_parts),
        meta={"origin": origin},  # the store adds when, how many and the revision
        node_count=nodes,
        edge_count=edges,
        saved_maps={m.id: m.model_dump_json() for m in bundle.saved_maps},
    )


def _node_tables(yaml_tables: dict[Label, pa.Table], parts: list[CsvPart]) -> Iterator[NodeTable]:
    """One table per label, each CSV part converted (and its raw columns freed) when asked."""
    for label in sorted({*yaml_tables, *(p.label for p in parts if p.label)}):
        tables = [yaml_tables.pop(label)] if label in yaml_tables else []
        mine = [p for p in parts if p.label is label]
        parts[:] = [p for p in parts if p.label is not label]
        while mine:
            tables.append(node_store_table(mine.pop(), node_columns(label)))
        yield NodeTable(label, _concat(tables))


def _edge_tables(
    yaml_tables: dict[_EdgeKey, pa.Table], parts: list[CsvPart]
) -> Iterator[EdgeTable]:
    """One table per (type, start label, end label); the CSV rows are split by key first."""
    split: dict[_EdgeKey, list[pa.Table]] = defaultdict(list)
    while parts:
        part = parts.pop()
        columns = dict(zip(part.table.column_names, part.table.columns, strict=True))
        del part  # the columns are freed one by one as they are split
        for repetitive in ("source", "quote"):  # a few distinct values over millions of rows
            columns[repetitive] = pc.dictionary_encode(columns[repetitive])
        for key, table in _split_edges(columns).items():
            split[key].append(table)
    for key in sorted({*yaml_tables, *split}):
        tables = [yaml_tables.pop(key)] if key in yaml_tables else []
        raw = split.pop(key, [])
        while raw:
            tables.append(edge_store_table(raw.pop(), key[0], edge_columns(key[0])))
        yield EdgeTable(*key, _concat(tables))


def _split_edges(columns: dict[str, pa.ChunkedArray]) -> dict[_EdgeKey, pa.Table]:
    """CSV relationship rows by (type, start label, end label): the unit of a bulk copy.
    `columns` is emptied: each raw column is freed once its rows are spread over the keys,
    so the split needs little more memory than the rows themselves; and each key's rows are
    a table of their own, freed as soon as that key is copied."""
    names = list(columns)
    key = pc.binary_join_element_wise(
        columns["type"], columns["_from_label"], columns["_to_label"], "|"
    )
    encoded = pc.dictionary_encode(key).combine_chunks()
    del key
    order = pc.sort_indices(encoded.indices)  # stable: rows keep their file order in a key
    counts = pc.value_counts(encoded.indices)
    size_of = dict(
        zip(counts.field("values").to_pylist(), counts.field("counts").to_pylist(), strict=True)
    )
    rows_of, start = [], 0
    for code in range(len(encoded.dictionary)):  # the order the rows are sorted in
        count = size_of.get(code, 0)
        rows_of.append(order.slice(start, count))
        start += count
    spread: list[dict[str, Any]] = [{} for _ in rows_of]
    for name in names:
        column = columns.pop(name)
        for rows, out in zip(rows_of, spread, strict=True):
            out[name] = (  # an empty column is not worth moving
                pa.nulls(len(rows), pa.string())
                if column.null_count == len(column)
                else column.take(rows)
            )
        del column
    keys = [tuple(k.split("|")) for k in encoded.dictionary.to_pylist()]
    return {
        (RelType(rel), Label(start_label), Label(end_label)): pa.table(out)
        for (rel, start_label, end_label), out in zip(keys, spread, strict=True)
    }


def _concat(tables: list[pa.Table]) -> pa.Table:
    if len(tables) == 1:
        return tables[0]
    first = tables[0].schema
    return pa.concat_tables([t.select(first.names).cast(first) for t in tables])


def load_tables(store: GraphStore, tables: GraphTables, progress: Progress | None = None) -> str:
    """Replace the store's graph with `tables`; the graph's new revision. The same input
    twice gives the same graph."""
    return store.replace_graph(tables, progress)


def load_bundle(store: GraphStore, bundle: GraphBundle, origin: Path | str) -> str:
    """Replace the store's graph with a validated YAML bundle; the graph's new revision."""
    return store.replace_graph(bundle_tables(bundle, str(origin)))
