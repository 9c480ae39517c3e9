"""A view in the formats other tools read: GraphML (yEd, Gephi), GEXF (Gephi), JSON
(Cytoscape.js elements), CSV (nodes.csv and edges.csv in one zip), and the HTML map itself."""

import csv
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import networkx as nx

from app.model.vocabulary import Lang
from app.viz.graph import ViewGraph
from app.viz.page import render_html

# Edges carry their type as "relationship": GEXF reserves an edge's "type" (directed or not).
NODE_FIELDS = ("id", "type", "kind", "name", "tooltip")
EDGE_FIELDS = ("id", "source", "target", "relationship", "qualifier", "tooltip")


@dataclass(frozen=True)
class Format:
    media_type: str
    suffix: str
    write: Callable[[ViewGraph, Lang], bytes]


def to_networkx(view: ViewGraph) -> nx.MultiDiGraph:
    """The view as a networkx multigraph: attributes are plain strings, for every writer."""
    graph = nx.MultiDiGraph(name=view.title)
    for node in view.nodes.values():
        graph.add_node(
            node.id, type=node.label.value, kind=node.kind, name=node.name, tooltip=node.tooltip
        )
    for edge in view.drawable_edges():
        graph.add_edge(
            edge.start,
            edge.end,
            key=edge.id,
            id=edge.id,
            relationship=edge.rel.value,
            qualifier=edge.qualifier or "",
            tooltip=edge.tooltip,
        )
    return graph


def _graphml(view: ViewGraph, lang: Lang) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(to_networkx(view), out, encoding="utf-8")
    return out.getvalue()


def _gexf(view: ViewGraph, lang: Lang) -> bytes:
    out = io.BytesIO()
    graph = to_networkx(view)
    for _, data in graph.nodes(data=True):
        data["label"] = data["name"]  # what Gephi shows on a node
    for _, _, data in graph.edges(data=True):
        data["label"] = data["relationship"]
    nx.write_gexf(graph, out, encoding="utf-8")
    return out.getvalue()


def cytoscape_elements(view: ViewGraph) -> dict[str, object]:
    """Cytoscape.js elements, in the shape networkx's cytoscape_data writes (so that networkx
    reads them back too: `value` is the node id, `key` tells parallel edges apart)."""
    nodes = [
        {
            "data": {
                "id": n.id,
                "value": n.id,
                "name": n.name,
                "label": n.name,
                "type": n.label.value,
                "kind": n.kind,
                "tooltip": n.tooltip,
            }
        }
        for n in view.nodes.values()
    ]
    edges = [
        {
            "data": {
                "id": e.id,
                "key": e.id,
                "source": e.start,
                "target": e.end,
                "relationship": e.rel.value,
                "qualifier": e.qualifier,
                "tooltip": e.tooltip,
            }
        }
        for e in view.drawable_edges()
    ]
    return {
        "data": {"name": view.title},
        "directed": True,
        "multigraph": True,
        "elements": {"nodes": nodes, "edges": edges},
    }


def _json(view: ViewGraph, lang: Lang) -> bytes:
    return json.dumps(cytoscape_elements(view), ensure_ascii=False, indent=1).encode()


def _csv_text(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _csv_zip(view: ViewGraph, lang: Lang) -> bytes:
    nodes = [(n.id, n.label.value, n.kind, n.name, n.tooltip) for n in view.nodes.values()]
    edges = [
        (e.id, e.start, e.end, e.rel.value, e.qualifier or "", e.tooltip)
        for e in view.drawable_edges()
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nodes.csv", _csv_text(NODE_FIELDS, nodes))
        archive.writestr("edges.csv", _csv_text(EDGE_FIELDS, edges))
    return out.getvalue()


def _html(view: ViewGraph, lang: Lang) -> bytes:
    return render_html(view, lang).encode()


FORMATS: dict[str, Format] = {
    "html": Format("text/html; charset=utf-8", "html", _html),
    "graphml": Format("application/graphml+xml", "graphml", _graphml),
    "gexf": Format("application/gexf+xml", "gexf", _gexf),
    "json": Format("application/json", "json", _json),
    "csv": Format("application/zip", "zip", _csv_zip),
}
