"""A portable dump of the whole graph: JSON lines, one validated model per line.

The first line says what the file is; then every source, node and relationship in the form
the seed files use (so a dump is also readable seed data). A dump taken from one backend
restores into the other with nothing lost: restore validates every line like a seed file and
loads through the store's atomic replace_graph.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from app.errors import ValidationFailedError
from app.graph import catalogue
from app.graph.load import bundle_tables
from app.graph.read import graph_meta
from app.graph.rows import edge_from_row, node_from_row
from app.ingest.problems import Problem
from app.model import EDGE_MODELS, Edge, GraphBundle, Node, Source
from app.model.nodes import NODE_MODELS
from app.model.vocabulary import ENDPOINTS, Label, RelType
from app.progress import Progress
from app.store.base import GraphStore

FORMAT, VERSION = "orgmap-dump", 1


def _pages(store: GraphStore, name: str, **slots: Any) -> Iterator[dict[str, Any]]:
    """Every row of a keyset-paged dump query, page after page."""
    statement = catalogue.query(name, store.backend).render(**slots)
    after = ""
    while True:
        rows = store.read(statement.text, statement.bind({"after": after}))
        yield from rows
        if len(rows) < 20_000:  # the statement's page size
            return
        after = rows[-1]["n"]["id"] if "n" in rows[-1] else rows[-1]["rel"]["id"]


def dump_lines(store: GraphStore) -> Iterator[dict[str, Any]]:
    meta = graph_meta(store)
    yield {"format": FORMAT, "version": VERSION, "origin": meta.origin, "loaded_at": meta.loaded_at}
    for label in [Label.SOURCE, *(lb for lb in Label if lb is not Label.SOURCE)]:
        for row in _pages(store, "dump_nodes", label=label):
            item = node_from_row(label, row["n"])
            yield {
                "node": label.value,
                **item.model_dump(mode="json", by_alias=True, exclude_none=True),
            }
    for rel in RelType:
        for row in _pages(store, "dump_edges", types=[rel]):
            edge = edge_from_row(rel, row["rel"], row["start"], row["finish"])
            yield {
                "edge": rel.value,
                **edge.model_dump(mode="json", by_alias=True, exclude_none=True),
            }


def write_dump(store: GraphStore, out: TextIO) -> int:
    """Write the dump; returns the number of nodes and relationships written."""
    count = -1
    for line in dump_lines(store):
        out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")
        count += 1
    return count


def read_dump(path: Path) -> tuple[GraphBundle | None, list[Problem]]:
    """The dump as a validated bundle, or every problem found (file:line: field: message)."""
    name = str(path)
    problems: list[Problem] = []
    sources: list[Source] = []
    nodes: list[Node] = []
    edges: list[tuple[int, Edge]] = []
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
            _read_line(data, name, number, sources, nodes, edges, problems)
    labels = {s.id: Label.SOURCE for s in sources} | {n.id: n.label for n in nodes}
    for number, edge in edges:
        allowed_starts, allowed_ends = ENDPOINTS[edge.rel]
        for field, end, allowed in (
            ("from", edge.from_, allowed_starts),
            ("to", edge.to, allowed_ends),
        ):
            if end not in labels:
                problems.append(Problem(name, number, field, f"unknown node '{end}'"))
            elif labels[end] not in allowed:
                problems.append(
                    Problem(name, number, field, f"{edge.rel} cannot join {labels[end]} '{end}'")
                )
    if problems:
        return None, problems
    return GraphBundle(sources, nodes, [e for _, e in edges]), []


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
        if "node" in data:
            label = Label(data.pop("node"))
            if label is Label.SOURCE:
                sources.append(Source.model_validate(data))
            else:
                nodes.append(NODE_MODELS[label].model_validate(data))  # type: ignore[arg-type]
        else:
            rel = RelType(data.pop("edge"))
            edges.append((number, EDGE_MODELS[rel].model_validate(data)))
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
