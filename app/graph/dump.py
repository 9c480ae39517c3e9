"""A portable dump of the whole graph: JSON lines, one validated model per line.

The first line says what the file is; then every source, node and relationship in the form
the seed files use (so a dump is also readable seed data), and last every saved map. A dump
taken from one backend restores into the other with nothing lost: restore validates every line
like a seed file and loads through the store's atomic replace_graph.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from app.errors import NoGraphError, ValidationFailedError
from app.graph.load import bundle_tables
from app.graph.read import graph_meta
from app.graph.rows import edge_from_row, node_from_row
from app.graph.saved_maps import saved_maps
from app.ingest.problems import Problem
from app.model import EDGE_MODELS, Edge, GraphBundle, Node, Source
from app.model.edges import ENDPOINTS
from app.model.nodes import NODE_MODELS
from app.model.saved_maps import SavedMap
from app.model.vocabulary import Label, RelType
from app.progress import Progress
from app.store.base import GraphStore

FORMAT, VERSION = "orgmap-dump", 1


def _pages(store: GraphStore, name: str, **slots: Any) -> Iterator[dict[str, Any]]:
    """Every row of a keyset-paged dump query, page after page."""
    after = ""
    while True:
        rows = store.run(name, {"after": after}, **slots)
        yield from rows
        if len(rows) < 20_000:  # the statement's page size
            return
        after = rows[-1]["n"]["id"] if "n" in rows[-1] else rows[-1]["rel"]["id"]


@dataclass(frozen=True)
class LinkedEdge:
    """A stored relationship with the labels of its two ends, which exports need and the
    relationship's model does not carry."""

    edge: Edge
    start: Label
    end: Label


def stored_nodes(store: GraphStore, label: Label) -> Iterator[Node | Source]:
    """Every `label` node as a model, in id order, read a page at a time."""
    for row in _pages(store, "dump_nodes", label=label):
        yield node_from_row(label, row["n"])


def stored_edges(store: GraphStore, rel: RelType) -> Iterator[LinkedEdge]:
    """Every `rel` relationship as a model, in id order, read a page at a time."""
    for row in _pages(store, "dump_edges", types=[rel]):
        edge = edge_from_row(rel, row["rel"], row["start"], row["finish"])
        yield LinkedEdge(edge, Label(row["start_label"]), Label(row["finish_label"]))


def dump_lines(store: GraphStore) -> Iterator[dict[str, Any]]:
    meta = graph_meta(store)
    yield {"format": FORMAT, "version": VERSION, "origin": meta.origin, "loaded_at": meta.loaded_at}
    for label in [Label.SOURCE, *(lb for lb in Label if lb is not Label.SOURCE)]:
        for item in stored_nodes(store, label):
            yield {
                "node": label.value,
                **item.model_dump(mode="json", by_alias=True, exclude_none=True),
            }
    for rel in RelType:
        for linked in stored_edges(store, rel):
            yield {
                "edge": rel.value,
                **linked.edge.model_dump(mode="json", by_alias=True, exclude_none=True),
            }
    for saved in saved_maps(store):
        yield {"saved_map": saved.model_dump(mode="json")}


def write_dump(store: GraphStore, out: TextIO) -> int:
    """Write the dump; returns the number of nodes and relationships written."""
    count = 0
    for line in dump_lines(store):
        out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        count += "node" in line or "edge" in line  # not the header, nor the saved maps
    return count


def read_dump(path: Path) -> tuple[GraphBundle | None, list[Problem]]:
    """The dump as a validated bundle, or every problem found (file:line: field: message)."""
    name = str(path)
    problems: list[Problem] = []
    sources: list[Source] = []
    nodes: list[Node] = []
    edges: list[tuple[int, Edge]] = []
    maps: list[SavedMap] = []
    with path.open(encoding="utf-8") as handle:
        for number, text in enumerate(handle, 1):
            if not text.strip():
                continue
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                problems.append(Problem(name, number, "(json)", exc.msg))
                continue
            if number == 1:
                if not isinstance(data, dict) or data.get("format") != FORMAT:
                    problems.append(Problem(name, 1, "format", f"not an {FORMAT} file"))
                    return None, problems
                if data.get("version") != VERSION:
                    problems.append(Problem(name, 1, "version", f"expected {VERSION}"))
                    return None, problems
                continue
            if isinstance(data, dict) and "saved_map" in data:
                _read_saved_map(data["saved_map"], name, number, maps, problems)
                continue
            _read_line(data, name, number, sources, nodes, edges, problems)
    bundle = GraphBundle(sources, nodes, [e for _, e in edges], maps)
    problems += check_graph(bundle, name, {e.id: number for number, e in edges})
    if problems:
        return None, problems
    return bundle, []


def model_of(line: dict[str, Any]) -> Source | Node | Edge:
    """The model a dump line holds (raises ValueError, or ValidationError, when it is bad)."""
    if "node" in line:
        label = Label(line["node"])
        data = {k: v for k, v in line.items() if k != "node"}
        if label is Label.SOURCE:
            return Source.model_validate(data)
        return NODE_MODELS[label].model_validate(data)
    rel = RelType(line["edge"])
    return EDGE_MODELS[rel].model_validate({k: v for k, v in line.items() if k != "edge"})


def check_graph(
    bundle: GraphBundle, file: str, lines: dict[str, int] | None = None
) -> list[Problem]:
    """Every relationship joins known nodes of allowed labels, and its references are known;
    `lines` gives the line of each relationship where the file has lines."""
    labels: dict[str, Label] = {s.id: Label.SOURCE for s in bundle.sources}
    labels |= {n.id: n.label for n in bundle.nodes}
    problems = []
    for edge in bundle.edges:
        line = (lines or {}).get(edge.id, 0)
        which = "" if line else f"{edge.id}: "  # without a line, name the relationship
        starts, ends = ENDPOINTS[edge.rel]
        for key, node_id, allowed in (("from", edge.from_, starts), ("to", edge.to, ends)):
            label = labels.get(node_id)
            if label is None:
                problems.append(Problem(file, line, key, f"{which}unknown node '{node_id}'"))
            elif label not in allowed:
                message = f"{which}{edge.rel} cannot join {label} '{node_id}'"
                problems.append(Problem(file, line, key, message))
        for field_name, node_id in edge.references().items():
            if node_id not in labels:
                message = f"{which}unknown node '{node_id}'"
                problems.append(Problem(file, line, field_name, message))
    return problems


def current_bundle(store: GraphStore) -> GraphBundle:
    """The store's graph as models, read through the dump (empty when nothing is loaded)."""
    bundle = GraphBundle([], [], [])
    try:
        lines = list(dump_lines(store))[1:]
    except NoGraphError:
        return bundle
    for line in lines:
        if "saved_map" in line:  # the store's own, which every load keeps
            continue
        item = model_of(line)
        if isinstance(item, Source):
            bundle.sources.append(item)
        elif isinstance(item, Node):
            bundle.nodes.append(item)
        else:
            bundle.edges.append(item)
    return bundle


def _read_saved_map(
    data: Any, name: str, number: int, maps: list[SavedMap], problems: list[Problem]
) -> None:
    try:
        maps.append(SavedMap.model_validate(data))
    except ValidationError as exc:
        for error in exc.errors():
            field = ".".join(["saved_map", *(str(p) for p in error["loc"])])
            problems.append(Problem(name, number, field, error["msg"]))


def _read_line(
    data: Any,
    name: str,
    number: int,
    sources: list[Source],
    nodes: list[Node],
    edges: list[tuple[int, Edge]],
    problems: list[Problem],
) -> None:
    if not isinstance(data, dict) or not ({"node", "edge"} & data.keys()):
        problems.append(Problem(name, number, "(line)", "expected a 'node' or an 'edge' line"))
        return
    try:
        item = model_of(data)
        if isinstance(item, Source):
            sources.append(item)
        elif isinstance(item, Node):
            nodes.append(item)
        else:
            edges.append((number, item))
    except ValueError as exc:
        if isinstance(exc, ValidationError):
            for error in exc.errors():
                field = ".".join(str(p) for p in error["loc"]) or "(line)"
                problems.append(Problem(name, number, field, error["msg"]))
        else:
            problems.append(Problem(name, number, "node/edge", str(exc)))


def restore(store: GraphStore, path: Path, progress: Progress | None = None) -> GraphBundle:
    """Replace the store's graph with the dump's, atomically; raises on the first bad file."""
    bundle, problems = read_dump(path)
    if bundle is None:
        raise ValidationFailedError([str(p) for p in problems])
    store.replace_graph(bundle_tables(bundle, f"restore of {path.name}"), progress)
    return bundle
