"""The analyst's alternatives, asked the same questions over the same files: networkx in
memory, and SQLite with indexes and recursive CTEs."""

import sqlite3
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

INHERITED = ("subordinate_to", "unit_of")
NODE_FILES = ("organizations", "posts", "persons", "projects", "documents")
Question = Callable[[Any], Any]
# Empty cells are missing values (the default reads them as "", which hides every qualifier).
_NULLS = pacsv.ConvertOptions(strings_can_be_null=True)


def _node_tables(folder: Path) -> list[Any]:
    return [pacsv.read_csv(folder / f"{name}.csv", convert_options=_NULLS) for name in NODE_FILES]


def _qualifier(edges: Any) -> Any:
    return pc.coalesce(*(edges[c].cast(pa.string()) for c in ("mode", "role", "kind", "channel")))


# --- networkx ---------------------------------------------------------------------------------


def build_networkx(folder: Path) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for table in _node_tables(folder):
        names = (
            pc.coalesce(table["name_fi"], table["name_sv"], table["name_en"])
            if "name_fi" in table.column_names
            else table["id"]
        )
        for node_id, kind, name in zip(
            table["id"].to_pylist(), table["kind"].to_pylist(), names.to_pylist(), strict=True
        ):
            graph.add_node(node_id, kind=kind, name=(name or "").lower())
    edges = pacsv.read_csv(folder / "relationships.csv", convert_options=_NULLS)
    qualifiers = _qualifier(edges).to_pylist()
    for start, end, rel, qualifier in zip(
        edges["from"].to_pylist(),
        edges["to"].to_pylist(),
        edges["type"].to_pylist(),
        qualifiers,
        strict=True,
    ):
        graph.add_edge(start, end, type=rel, q=qualifier)
    return graph


def networkx_questions(graph: nx.MultiDiGraph) -> dict[str, Question]:
    def steered_by(node: str) -> int:
        seen, queue = {node: 0}, deque([node])
        while queue:
            current = queue.popleft()
            for _, parent, data in graph.out_edges(current, data=True):
                if data["type"] == "PART_OF" and data["q"] in INHERITED and parent not in seen:
                    seen[parent] = seen[current]
                    queue.appendleft(parent)
            for steerer, _, data in graph.in_edges(current, data=True):
                if data["type"] == "STEERS" and steerer not in seen and seen[current] < 10:
                    seen[steerer] = seen[current] + 1
                    queue.append(steerer)
        return len(seen)

    def steers(node: str) -> int:
        seen, queue = {node: 0}, deque([node])
        while queue:
            current = queue.popleft()
            for _, child, data in graph.out_edges(current, data=True):
                if data["type"] == "STEERS" and child not in seen and seen[current] < 10:
                    seen[child] = seen[current] + 1
                    queue.append(child)
            if current != node:
                for unit, _, data in graph.in_edges(current, data=True):
                    if data["type"] == "PART_OF" and data["q"] in INHERITED and unit not in seen:
                        seen[unit] = seen[current]
                        queue.appendleft(unit)
        return len(seen)

    def members(group: str) -> int:
        seats = [s for s, _, d in graph.in_edges(group, data=True) if d["type"] == "MEMBER_OF"]
        holders = [
            p for s in seats for p, _, d in graph.in_edges(s, data=True) if d["type"] == "HOLDS"
        ]
        return len(seats) + len(holders)

    def memberships(person: str) -> int:
        posts = [p for _, p, d in graph.out_edges(person, data=True) if d["type"] == "HOLDS"]
        return sum(
            1
            for n in [person, *posts]
            for _, _, d in graph.out_edges(n, data=True)
            if d["type"] == "MEMBER_OF"
        )

    def chairs(person: str) -> int:
        posts = [p for _, p, d in graph.out_edges(person, data=True) if d["type"] == "HOLDS"]
        return sum(
            1
            for n in [person, *posts]
            for _, _, d in graph.out_edges(n, data=True)
            if d["type"] == "MEMBER_OF" and d["q"] == "chair"
        )

    def search(text: str) -> int:
        return sum(1 for _, name in graph.nodes(data="name") if text in (name or ""))

    undirected = graph.to_undirected(as_view=True)

    def neighbourhood(node: str) -> int:
        return int(nx.ego_graph(undirected, node, radius=2).number_of_nodes())

    def paths(pair: tuple[str, str]) -> int:
        try:
            return sum(1 for _ in nx.all_shortest_paths(undirected, *pair))
        except nx.NetworkXNoPath:
            return 0

    return {
        "steered-by": steered_by,
        "steers": steers,
        "members": members,
        "memberships": memberships,
        "chairs": chairs,
        "search": search,
        "neighbourhood": neighbourhood,
        "paths": paths,
    }


# --- SQLite -----------------------------------------------------------------------------------


def build_sqlite(folder: Path, path: Path) -> sqlite3.Connection:
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(
        """
        CREATE TABLE node (id TEXT PRIMARY KEY, kind TEXT, name TEXT);
        CREATE TABLE edge (src TEXT, dst TEXT, type TEXT, q TEXT);
        """
    )
    for table in _node_tables(folder):
        names = (
            pc.coalesce(table["name_fi"], table["name_sv"], table["name_en"])
            if "name_fi" in table.column_names
            else table["id"]
        )
        rows = zip(
            table["id"].to_pylist(),
            table["kind"].to_pylist(),
            [(n or "").lower() for n in names.to_pylist()],
            strict=True,
        )
        db.executemany("INSERT INTO node VALUES (?, ?, ?)", rows)
    edges = pacsv.read_csv(folder / "relationships.csv", convert_options=_NULLS)
    db.executemany(
        "INSERT INTO edge VALUES (?, ?, ?, ?)",
        zip(
            edges["from"].to_pylist(),
            edges["to"].to_pylist(),
            edges["type"].to_pylist(),
            _qualifier(edges).to_pylist(),
            strict=True,
        ),
    )
    db.executescript(
        "CREATE INDEX edge_src ON edge (src, type); CREATE INDEX edge_dst ON edge (dst, type); ANALYZE;"
    )
    db.commit()
    return db


def sqlite_questions(db: sqlite3.Connection) -> dict[str, Question]:
    def one(sql: str, *args: Any) -> int:
        return len(db.execute(sql, args).fetchall())

    steered_by = """
        WITH RECURSIVE up(id, depth) AS (
          SELECT ?, 0
          UNION
          SELECT e.dst, up.depth FROM edge e JOIN up ON e.src = up.id
           WHERE e.type = 'PART_OF' AND e.q IN ('subordinate_to', 'unit_of')
          UNION
          SELECT e.src, up.depth + 1 FROM edge e JOIN up ON e.dst = up.id
           WHERE e.type = 'STEERS' AND up.depth < 10)
        SELECT id, min(depth) FROM up GROUP BY id"""
    steers = """
        WITH RECURSIVE down(id, depth) AS (
          SELECT ?, 0
          UNION
          SELECT e.dst, down.depth + 1 FROM edge e JOIN down ON e.src = down.id
           WHERE e.type = 'STEERS' AND down.depth < 10
          UNION
          SELECT e.src, down.depth FROM edge e JOIN down ON e.dst = down.id
           WHERE e.type = 'PART_OF' AND e.q IN ('subordinate_to', 'unit_of') AND down.depth > 0)
        SELECT id, min(depth) FROM down GROUP BY id"""
    members = """
        SELECT m.src, h.src FROM edge m LEFT JOIN edge h ON h.dst = m.src AND h.type = 'HOLDS'
         WHERE m.dst = ? AND m.type = 'MEMBER_OF'"""
    memberships = """
        SELECT e.dst FROM edge e WHERE e.src = ? AND e.type = 'MEMBER_OF'
        UNION ALL
        SELECT m.dst FROM edge h JOIN edge m ON m.src = h.dst AND m.type = 'MEMBER_OF'
         WHERE h.src = ? AND h.type = 'HOLDS'"""
    chairs = """
        SELECT m.dst FROM edge h JOIN edge m ON m.src = h.dst AND m.type = 'MEMBER_OF'
         WHERE h.src = ? AND h.type = 'HOLDS' AND m.q = 'chair'"""
    neighbourhood = """
        WITH one(id) AS (SELECT dst FROM edge WHERE src = ?1 UNION SELECT src FROM edge WHERE dst = ?1)
        SELECT id FROM one
        UNION SELECT e.dst FROM edge e JOIN one ON e.src = one.id
        UNION SELECT e.src FROM edge e JOIN one ON e.dst = one.id"""
    # Breadth-first: each node once per distance (UNION), so hubs do not multiply paths.
    paths = """
        WITH RECURSIVE reach(id, depth) AS (
          SELECT ?1, 0
          UNION
          SELECT CASE WHEN e.src = reach.id THEN e.dst ELSE e.src END, reach.depth + 1
            FROM reach JOIN edge e ON e.src = reach.id OR e.dst = reach.id
           WHERE reach.depth < 4 AND reach.id != ?2)
        SELECT min(depth) FROM reach WHERE id = ?2"""
    return {
        "steered-by": lambda node: one(steered_by, node),
        "steers": lambda node: one(steers, node),
        "members": lambda group: one(members, group),
        "memberships": lambda person: one(memberships, person, person),
        "chairs": lambda person: one(chairs, person),
        "search": lambda text: one("SELECT id FROM node WHERE name LIKE ? LIMIT 20", f"%{text}%"),
        "neighbourhood": lambda node: one(neighbourhood, node),
        "paths": lambda pair: one(paths, *pair),
    }
