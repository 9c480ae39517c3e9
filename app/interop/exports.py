"""Exports that carry the full models (Popolo, W3C ORG as Turtle or JSON-LD), of the whole
graph or of the nodes and relationships a map view holds.

Each is written as it is read (app/graph/selection.py): the whole graph a page at a time, a
view by id, so that memory does not grow with the graph.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.errors import GraphChangedError
from app.graph.read import graph_meta
from app.graph.selection import Ids, Selection, selection_of
from app.interop.org_export import PREFIXES, org_triples
from app.interop.popolo_export import write_popolo
from app.interop.rdf_stream import write_jsonld, write_turtle
from app.model.vocabulary import Lang
from app.store.base import GraphStore
from app.viz.exports import FORMATS
from app.viz.graph import ViewGraph


@dataclass(frozen=True)
class GraphFormat:
    media_type: str
    suffix: str
    write: Callable[[Selection, BinaryIO], None]


GRAPH_FORMATS: dict[str, GraphFormat] = {
    "popolo": GraphFormat("application/json", "popolo.json", write_popolo),
    "turtle": GraphFormat(
        "text/turtle",
        "ttl",
        lambda selection, out: write_turtle(org_triples(selection), PREFIXES, out),
    ),
    "jsonld": GraphFormat(
        "application/ld+json",
        "jsonld",
        lambda selection, out: write_jsonld(org_triples(selection), PREFIXES, out),
    ),
}


def write_export(
    store: GraphStore, format_name: str, out: BinaryIO, nodes: Ids = None, edges: Ids = None
) -> None:
    """The whole graph, or only the given node and relationship ids, in `format_name`, written
    to `out` as it is read."""
    GRAPH_FORMATS[format_name].write(selection_of(store, nodes, edges), out)


def export_graph(
    store: GraphStore, format_name: str, nodes: Ids = None, edges: Ids = None
) -> bytes:
    """The same export held whole, for answers that need bytes (a view's, over HTTP)."""
    buffer = io.BytesIO()
    write_export(store, format_name, buffer, nodes, edges)
    return buffer.getvalue()


def export_file(
    store: GraphStore, format_name: str, path: Path, nodes: Ids = None, edges: Ids = None
) -> None:
    """The export streamed into `path`: written beside it as `<path>.partial` and renamed
    when complete, so that a failed export never leaves a truncated file under the name. The
    graph is read page after page: if a write replaced it meanwhile, the pages may be of two
    graphs, so the export is refused (GraphChangedError) rather than kept."""
    partial = path.with_name(path.name + ".partial")
    try:
        revision = graph_meta(store).revision
        with partial.open("wb") as out:
            write_export(store, format_name, out, nodes, edges)
        if graph_meta(store).revision != revision:
            raise GraphChangedError("the graph was replaced while it was exported; export again")
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(path)


MAP_FORMATS = [*FORMATS, *GRAPH_FORMATS]  # what a map view can be written as


def map_format(format_name: str) -> tuple[str, str]:
    """The media type and file suffix of a map view written as `format_name`."""
    fmt = GRAPH_FORMATS[format_name] if format_name in GRAPH_FORMATS else FORMATS[format_name]
    return fmt.media_type, fmt.suffix


def write_map(store: GraphStore, view: ViewGraph, format_name: str, lang: Lang) -> bytes:
    """A map view in `format_name`: the page or a drawing format from the view itself, or the
    full models (Popolo, ORG) of the nodes and relationships it holds. The API and the CLI
    both write maps through here."""
    if format_name in GRAPH_FORMATS:
        edges = {e.id for e in view.drawable_edges()}
        return export_graph(store, format_name, set(view.nodes), edges)
    return FORMATS[format_name].write(view, lang)


def write_map_file(
    store: GraphStore, view: ViewGraph, format_name: str, lang: Lang, path: Path
) -> None:
    """The same into a file; the full models streamed (export_file), never a torn file."""
    if format_name in GRAPH_FORMATS:
        edges = {e.id for e in view.drawable_edges()}
        export_file(store, format_name, path, set(view.nodes), edges)
    else:
        path.write_bytes(write_map(store, view, format_name, lang))
