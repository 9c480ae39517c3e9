"""The store contract: every adapter passes these, on a real engine (embedded LadybugDB, and
Neo4j in make test's Neo4j part).

The graph a store holds is the graph that was loaded (every node and relationship read back
equals the validated model), loads are idempotent, a load that fails leaves the previous graph
answering, and a dump restores into an empty store with nothing lost.
"""

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from app.config import Settings
from app.errors import LoadFailedError, QueryError, ValidationFailedError
from app.graph import read
from app.graph.catalogue import CATALOGUE, ask
from app.graph.dump import dump_lines, restore, write_dump
from app.graph.load import bundle_tables, load_bundle
from app.graph.walk import Budget
from app.model import GraphBundle, Node, Source
from app.model.answers import GraphStats
from app.model.nodes import Event, Goal, Organization
from app.model.vocabulary import GoalKind
from app.store import GraphStore, open_store
from app.store.base import EdgeTable, GraphTables
from app.store.ladybug import LadybugStore

Fresh = Callable[[str], GraphStore]


def dump(store: GraphStore) -> list[dict[str, Any]]:
    """Every node and relationship as its model (the header line, with loaded_at, left out)."""
    return list(dump_lines(store))[1:]


def as_line(kind: str, value: str, item: Any) -> dict[str, Any]:
    return {kind: value, **item.model_dump(mode="json", by_alias=True, exclude_none=True)}


def test_every_node_reads_back_as_the_model_that_was_loaded(
    store: GraphStore, seed_bundle: GraphBundle
) -> None:
    stored = {line["id"]: line for line in dump(store) if "node" in line}
    expected: list[Node | Source] = [*seed_bundle.sources, *seed_bundle.nodes]
    assert len(stored) == len(expected)
    for item in expected:
        assert stored[item.id] == as_line("node", item.label.value, item)


def test_every_edge_reads_back_as_the_model_that_was_loaded(
    store: GraphStore, seed_bundle: GraphBundle
) -> None:
    stored = {line["id"]: line for line in dump(store) if "edge" in line}
    assert len(stored) == len(seed_bundle.edges)
    for edge in seed_bundle.edges:
        assert stored[edge.id] == as_line("edge", edge.rel.value, edge)


def test_dates_are_stored_as_dates_for_as_of_queries(store: GraphStore) -> None:
    rows = store.read(
        "MATCH (p:Project) WHERE p.valid_from_date <= date($day) AND p.valid_to_date >= date($day) "
        "RETURN p.id AS id",
        {"day": "2022-01-01"},
    )
    assert rows == [{"id": "prj-okm071-00-2021"}]


def test_loading_twice_gives_the_same_graph(fresh_store: Fresh, seed_bundle: GraphBundle) -> None:
    store = fresh_store("twice")
    load_bundle(store, seed_bundle, "seed")
    first = dump(store)
    load_bundle(store, seed_bundle, "seed")
    assert dump(store) == first
    assert read.graph_stats(store).total_nodes == len(seed_bundle.nodes) + len(seed_bundle.sources)


def changed_bundle(bundle: GraphBundle) -> GraphBundle:
    """The seed graph with one node gone, one id now naming a node of another label (an
    event becomes a goal) and their relationships left out."""
    event = next(node for node in bundle.nodes if isinstance(node, Event))
    goal = Goal.model_validate(
        {**event.model_dump(include=set(Node.model_fields)), "kind": next(iter(GoalKind))}
    )
    gone = next(node.id for node in bundle.nodes if isinstance(node, Organization))
    nodes = [goal if n.id == event.id else n for n in bundle.nodes if n.id != gone]
    edges = [e for e in bundle.edges if not {e.from_, e.to} & {event.id, gone}]
    return GraphBundle(bundle.sources, nodes, edges)


def test_a_load_over_a_graph_holds_what_a_load_into_an_empty_store_holds(
    fresh_store: Fresh, seed_bundle: GraphBundle
) -> None:
    store, changed = fresh_store("over"), changed_bundle(seed_bundle)
    load_bundle(store, changed, "changed")
    into_empty = dump(store)
    load_bundle(store, seed_bundle, "seed")
    load_bundle(store, changed, "changed")  # ids kept, one relabelled, one deleted
    assert dump(store) == into_empty
    relabelled = next(n for n in changed.nodes if isinstance(n, Goal))
    assert isinstance(read.get_entity(store, relabelled.id), Goal)
    assert read.graph_stats(store).total_edges == len(changed.edges)


def broken_tables(bundle: GraphBundle) -> GraphTables:
    """The seed graph plus one edge to a node that does not exist: the copy fails half-way."""
    tables = bundle_tables(bundle, "broken")
    edges = list(tables.edges)
    last = edges[-1]
    bad_row = last.table.slice(0, 1).to_pylist()[0] | {"to": "org-does-not-exist", "id": "bad"}
    broken = pa.concat_tables([last.table, pa.Table.from_pylist([bad_row], last.table.schema)])
    bad = EdgeTable(last.rel, last.from_label, last.to_label, broken)
    nodes = {part.label: part.table for part in tables.nodes}
    return GraphTables.of(nodes, [*edges[:-1], bad], tables.meta)


def test_a_load_that_fails_half_way_leaves_the_previous_graph(
    fresh_store: Fresh, seed_bundle: GraphBundle
) -> None:
    store = fresh_store("atomic")
    load_bundle(store, seed_bundle, "seed")
    before = dump(store)
    with pytest.raises(LoadFailedError, match="the previous graph is kept"):
        store.replace_graph(broken_tables(seed_bundle))
    assert dump(store) == before
    assert dump(fresh_store("atomic")) == before  # a fresh reader too


def test_a_reader_sees_the_new_graph_after_a_load(
    fresh_store: Fresh, seed_bundle: GraphBundle
) -> None:
    writer, reader = fresh_store("reopen"), fresh_store("reopen")
    smaller = GraphBundle(seed_bundle.sources, seed_bundle.nodes[:10], [])
    load_bundle(writer, smaller, "small")
    assert read.graph_stats(reader).total_nodes == 16
    load_bundle(writer, seed_bundle, "seed")
    assert read.graph_stats(reader).total_nodes == len(seed_bundle.nodes) + len(seed_bundle.sources)
    assert read.graph_meta(reader).origin == "seed"


def test_readers_during_a_load_see_the_old_graph_or_the_new_never_a_mix(
    fresh_store: Fresh, seed_bundle: GraphBundle
) -> None:
    writer, reader = fresh_store("swap"), fresh_store("swap")
    smaller = GraphBundle(seed_bundle.sources, seed_bundle.nodes[:10], [])
    load_bundle(writer, smaller, "small")
    old = (read.graph_stats(reader).total_nodes, 0)  # answers, each from one graph:
    new = (len(seed_bundle.nodes) + len(seed_bundle.sources), len(seed_bundle.edges))
    seen: list[tuple[int, int]] = []
    loading = threading.Event()

    def keep_reading() -> None:
        while loading.is_set():
            stats = ask(reader, "stats", None, {}, Budget(30, 100_000))
            assert isinstance(stats, GraphStats)
            seen.append((stats.total_nodes, stats.total_edges))
            if len(seen) % 50 == 0:
                time.sleep(0.001)  # let the writer have the interpreter too, now and then

    loading.set()
    polling = threading.Thread(target=keep_reading)
    polling.start()
    try:
        for _ in range(3):  # new, old, new, old...: each swap read through
            load_bundle(writer, seed_bundle, "seed")
            load_bundle(writer, smaller, "small")
    finally:
        loading.clear()
        polling.join()
    assert len(seen) > 10 and set(seen) <= {old, new}, set(seen) - {old, new}


def test_a_bad_statement_is_a_query_error(store: GraphStore) -> None:
    with pytest.raises(QueryError, match="rejected"):
        store.read("MATCH (n RETURN n", {})


def test_a_dump_restores_into_an_empty_store_with_nothing_lost(
    store: GraphStore, fresh_store: Fresh, tmp_path: Path
) -> None:
    path = tmp_path / "graph.jsonl"
    origin = read.graph_meta(store).origin  # now: on Neo4j the restore is the same database
    with path.open("w", encoding="utf-8") as handle:
        written = write_dump(store, handle)
    target = fresh_store("restored")
    bundle = restore(target, path)
    assert written == len(bundle.sources) + len(bundle.nodes) + len(bundle.edges) == 394
    assert dump(target) == dump(store)
    header = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert header["format"] == "orgmap-dump" and header["origin"] == origin


def test_a_bad_dump_changes_nothing_and_says_where(
    store: GraphStore, fresh_store: Fresh, tmp_path: Path, seed_bundle: GraphBundle
) -> None:
    target = fresh_store("kept")
    load_bundle(target, seed_bundle, "seed")
    before = dump(target)
    lines = [json.dumps(line) for line in dump_lines(store)]
    lines[3] = lines[3].replace('"kind": "', '"kind": "no-such-')  # line 4: a bad kind
    lines.append(
        json.dumps(
            {
                "edge": "STEERS",
                "type": "STEERS",
                "from": "org-tem",
                "to": "org-nowhere",
                "mode": "administrative",
                "sources": [{"doc": "src-000", "quote": "NTM-centralerna styrs"}],
            }
        )
    )
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValidationFailedError) as failure:
        restore(target, path)
    problems = failure.value.problems
    assert any(p.startswith(f"{path}:4: kind") for p in problems), problems
    assert f"{path}:{len(lines)}: to: unknown node 'org-nowhere'" in problems
    assert dump(target) == before


def _answers(store: GraphStore) -> dict[str, Any]:
    """Every catalogue question's example, answered by `store`."""
    return {
        name: ask(store, name, *entry.example, Budget(60, 100_000)).model_dump(mode="json")
        for name, entry in CATALOGUE.items()
    }


def test_a_dump_moves_between_engines_with_the_same_stats_and_answers(
    store: GraphStore, own_settings: Settings, tmp_path: Path
) -> None:
    """From the engine under test into an embedded file and back into the engine under test
    (on Neo4j: Neo4j → LadybugDB → Neo4j): the same stats and the same answers each time."""
    expected = _answers(store)
    assert expected["stats"]["total_nodes"] > 0
    there, back = tmp_path / "there.jsonl", tmp_path / "back.jsonl"
    with there.open("w", encoding="utf-8") as handle:
        write_dump(store, handle)
    with LadybugStore(tmp_path / "moved.lbug") as embedded:
        restore(embedded, there)
        assert _answers(embedded) == expected
        with back.open("w", encoding="utf-8") as handle:
            write_dump(embedded, handle)
    with open_store(own_settings) as target:
        target.replace_graph(GraphTables.of({}, []))  # nothing left of what was there
        restore(target, back)
        assert _answers(target) == expected
