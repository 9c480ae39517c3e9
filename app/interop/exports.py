"""Exports that carry the full models (Popolo, W3C ORG as Turtle or JSON-LD), of the whole
graph or of the nodes and relationships a map view holds."""

import json
from collections.abc import Callable, Collection
from dataclasses import dataclass

from app.graph.dump import current_bundle
from app.interop.org_export import org_graph, org_jsonld, org_turtle
from app.interop.popolo_export import popolo_document
from app.model import GraphBundle
from app.store.base import GraphStore

Ids = Collection[str] | None


@dataclass(frozen=True)
class GraphFormat:
    media_type: str
    suffix: str
    write: Callable[[GraphBundle, Ids, Ids], bytes]


def _popolo(bundle: GraphBundle, nodes: Ids, edges: Ids) -> bytes:
    return json.dumps(popolo_document(bundle, nodes, edges), ensure_ascii=False, indent=1).encode()


GRAPH_FORMATS: dict[str, GraphFormat] = {
    "popolo": GraphFormat("application/json", "popolo.json", _popolo),
    "turtle": GraphFormat("text/turtle", "ttl", lambda b, n, e: org_turtle(org_graph(b, n, e))),
    "jsonld": GraphFormat(
        "application/ld+json", "jsonld", lambda b, n, e: org_jsonld(org_graph(b, n, e))
    ),
}


def export_graph(
    store: GraphStore, format_name: str, nodes: Ids = None, edges: Ids = None
) -> bytes:
    """The whole graph, or only the given node and relationship ids, in `format_name`."""
    return GRAPH_FORMATS[format_name].write(current_bundle(store), nodes, edges)
