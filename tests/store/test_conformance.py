"""The store contract, asserted on a real embedded LadybugDB.

Every adapter must pass these: the graph it holds is the graph that was loaded (every node
rebuilt from its row equals the validated model), loads are idempotent, and a load that fails
leaves the previous graph answering.
"""

from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from app.errors import LoadFailedError, NoGraphError, QueryError
from app.graph import read
from app.graph.load import bundle_tables, load_bundle
from app.graph.rows import edge_from_row, node_from_row
from app.model import GraphBundle, Node, Source
from app.model.vocabulary import Label, RelType
from app.store.base import EdgeTable, GraphTables
from app.store.ladybug import LadybugStore

ALL_NODES = "MATCH (n) WHERE NOT label(n) IN ['OrgMapMeta', 'EntityIndex'] RETURN n ORDER BY n.id"
ALL_EDGES = (
    "MATCH (a)-[r]->(b) RETURN label(r) AS type, a.id AS start, b.id AS finish, r ORDER BY r.id"
)


def dump(store: LadybugStore) -> tuple[list[Any], list[Any]]:
    nodes = store.read(ALL_NODES, {})
    edges = store.read(ALL_EDGES, {})
    return nodes, edges


def test_every_node_reads_back_as_the_model_that_was_loaded(
    store: LadybugStore, seed_bundle: GraphBundle
) -> None:
    stored = {row["n"]["id"]: row["n"] for row in store.read(ALL_NODES, {})}
    expected: list[Node | Source] = [*seed_bundle.sources, *seed_bundle.nodes]
    assert len(stored) == len(expected)
    for item in expected:
        row = stored[item.id]
        assert row["_label"] == item.label
        assert node_from_row(item.label, row) == item


def test_every_edge_reads_back_as_the_model_that_was_loaded(
    store: LadybugStore, seed_bundle: GraphBundle
) -> None:
    rows = {r["r"]["id"]: r for r in store.read(ALL_EDGES, {})}
    assert len(rows) == len(seed_bundle.edges)
    for edge in seed_bundle.edges:
        row = rows[edge.id]
        rebuilt = edge_from_row(RelType(row["type"]), row["r"], row["start"], row["finish"])
        assert rebuilt == edge


def test_dates_are_stored_as_dates_for_as_of_queries(store: LadybugStore) -> None:
    rows = store.read(
        "MATCH (p:Project) WHERE p.valid_from_date <= date($day) AND p.valid_to_date >= date($day) "
        "RETURN p.id AS id",
        {"day": "2022-01-01"},
    )
    assert rows == [{"id": "prj-okm071-00-2021"}]


def test_loading_twice_gives_the_same_graph(tmp_path: Path, seed_bundle: GraphBundle) -> None:
    store = LadybugStore(tmp_path / "twice.lbug")
    load_bundle(store, seed_bundle, "seed")
    first = dump(store)
    load_bundle(store, seed_bundle, "seed")
    assert dump(store) == first
    assert read.graph_stats(store).total_nodes == len(seed_bundle.nodes) + 5


def _broken_tables(bundle: GraphBundle) -> GraphTables:
    """The seed graph plus one edge to a node that does not exist: the copy fails half-way."""
    tables = bundle_tables(bundle, "broken")
    last = tables.edges[-1]
    bad_row = last.table.slice(0, 1).to_pylist()[0] | {"to": "org-does-not-exist", "id": "bad"}
    broken = pa.concat_tables([last.table, pa.Table.from_pylist([bad_row], last.table.schema)])
    bad = EdgeTable(last.rel, last.from_label, last.to_label, broken)
    return GraphTables(tables.nodes, [*tables.edges[:-1], bad], tables.meta)


def test_a_load_that_fails_half_way_leaves_the_previous_graph(
    tmp_path: Path, seed_bundle: GraphBundle
) -> None:
    path = tmp_path / "atomic.lbug"
    store = LadybugStore(path)
    load_bundle(store, seed_bundle, "seed")
    before = dump(store)
    with pytest.raises(LoadFailedError, match="the previous graph is kept"):
        store.replace_graph(_broken_tables(seed_bundle))
    assert dump(store) == before
    assert dump(LadybugStore(path)) == before  # a fresh reader too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atomic.lbug", "atomic.lbug.lock"]


def test_a_reader_sees_the_new_graph_after_a_load(tmp_path: Path, seed_bundle: GraphBundle) -> None:
    path = tmp_path / "reopen.lbug"
    writer, reader = LadybugStore(path), LadybugStore(path)
    smaller = GraphBundle(seed_bundle.sources, seed_bundle.nodes[:10], [])
    load_bundle(writer, smaller, "small")
    assert read.graph_stats(reader).total_nodes == 15
    load_bundle(writer, seed_bundle, "seed")
    assert read.graph_stats(reader).total_nodes == len(seed_bundle.nodes) + 5
    assert read.graph_meta(reader).origin == "seed"


def test_reading_before_any_load_says_so(tmp_path: Path) -> None:
    with pytest.raises(NoGraphError, match=r"no graph at .*: run `orgmap load` first"):
        LadybugStore(tmp_path / "empty.lbug").read("RETURN 1", {})


def test_a_bad_statement_is_a_query_error(store: LadybugStore) -> None:
    with pytest.raises(QueryError, match="LadybugDB rejected the query"):
        store.read("MATCH (n:NoSuchLabel) RETURN n", {})


def test_labels_of_the_graph(store: LadybugStore) -> None:
    labels = {r["l"] for r in store.read("MATCH (n) RETURN DISTINCT label(n) AS l", {})}
    assert labels == {*(label.value for label in Label), "OrgMapMeta", "EntityIndex"}


def test_schema_and_batched_writes_through_the_interface(tmp_path: Path) -> None:
    store = LadybugStore(tmp_path / "written.lbug")
    store.apply_schema()
    rows = [{"id": f"src-{i}", "title": f"Title {i}"} for i in range(7)]
    store.write(
        "UNWIND $rows AS r CREATE (:Source {id: r.id, title: r.title, name: r.title})", rows
    )
    found = store.read("MATCH (s:Source) RETURN s.id AS id ORDER BY id", {})
    assert [r["id"] for r in found] == [f"src-{i}" for i in range(7)]
