"""A view in the formats other tools read: GraphML (yEd, Gephi), GEXF (Gephi), JSON
(Cytoscape.js elements), CSV (nodes.csv and edges.csv in one zip), the HTML map itself, and
pictures for print (SVG, PNG, PDF: app/viz/image.py).

Every format carries what the map shows: each node's and relationship's validity, assertion
and sources. Where a format holds only scalars (GraphML, GEXF, CSV), the sources are two
parallel columns: `source_docs` (the doc ids, space-separated: ids have no spaces) and
`source_quotes` (a JSON array of the verbatim quotes, one per doc id); an edge's own fields
(role, basis, mode, …) are one JSON object in `attributes`."""

import csv
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from xml.etree.ElementTree import SubElement

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from app.model.common import Citation, first_day, last_day
from app.model.vocabulary import Lang
from app.viz.graph import ViewEdge, ViewGraph, ViewNode
from app.viz.image import write_pdf, write_png, write_svg
from app.viz.page import render_html

# Edges carry their type as "relationship": GEXF reserves an edge's "type" (directed or not).
FACT_FIELDS = ("valid_from", "valid_to", "date_text", "assertion")
SOURCE_FIELDS = ("source_docs", "source_quotes")
NODE_FIELDS = ("id", "type", "kind", "name", "tooltip", *FACT_FIELDS, *SOURCE_FIELDS)
EDGE_FIELDS = (
    "id",
    "source",
    "target",
    "relationship",
    "qualifier",
    "tooltip",
    *FACT_FIELDS,
    "attributes",
    *SOURCE_FIELDS,
)


@dataclass(frozen=True)
class Format:
    media_type: str
    suffix: str
    write: Callable[[ViewGraph, Lang], bytes]


def _sources(sources: Sequence[Citation]) -> dict[str, str]:
    return {
        "source_docs": " ".join(c.doc for c in sources),
        "source_quotes": json.dumps([c.quote for c in sources], ensure_ascii=False),
    }


def node_record(node: ViewNode) -> dict[str, str]:
    """A node as flat text columns (NODE_FIELDS), "" where a value is missing."""
    return {
        "id": node.id,
        "type": node.label.value,
        "kind": node.kind,
        "name": node.name,
        "tooltip": node.tooltip,
        "valid_from": node.valid_from or "",
        "valid_to": node.valid_to or "",
        "date_text": node.date_text or "",
        "assertion": node.assertion or "",
        **_sources(node.sources),
    }


def edge_record(edge: ViewEdge) -> dict[str, str]:
    """An edge as flat text columns (EDGE_FIELDS), "" where a value is missing."""
    return {
        "id": edge.id,
        "source": edge.start,
        "target": edge.end,
        "relationship": edge.rel.value,
        "qualifier": edge.qualifier or "",
        "tooltip": edge.tooltip,
        "valid_from": edge.valid_from or "",
        "valid_to": edge.valid_to or "",
        "date_text": edge.date_text or "",
        "assertion": edge.assertion,
        "attributes": json.dumps(edge.attributes, ensure_ascii=False, sort_keys=True, default=str),
        **_sources(edge.sources),
    }


def to_networkx(view: ViewGraph) -> nx.MultiDiGraph:
    """The view as a networkx multigraph: attributes are plain strings, for every writer."""
    graph = nx.MultiDiGraph(name=view.title)
    for node in view.nodes.values():
        record = node_record(node)
        graph.add_node(record.pop("id"), **record)
    for edge in view.drawable_edges():
        record = edge_record(edge)
        graph.add_edge(record.pop("source"), record.pop("target"), key=edge.id, **record)
    return graph


def _graphml(view: ViewGraph, lang: Lang) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(to_networkx(view), out, encoding="utf-8")
    return out.getvalue()


def _gexf(view: ViewGraph, lang: Lang) -> bytes:
    """GEXF 1.2 with Gephi's timeline: each node and edge spans its validity. Partial dates
    widen to whole days (timeformat "date"): a start of "2019" begins on 2019-01-01, an end
    of "2019-05" lasts to 2019-05-31; a missing date leaves that side of the span open."""
    graph = to_networkx(view)
    graph.graph["mode"] = "dynamic"
    for _, data in graph.nodes(data=True):
        data["label"] = data["name"]  # what Gephi shows on a node
        data.update(_span(data["valid_from"], data["valid_to"]))
    for _, _, data in graph.edges(data=True):
        data["label"] = data["relationship"]
        data.update(_span(data["valid_from"], data["valid_to"]))
    writer = GEXFWriter(encoding="utf-8")
    writer.add_graph(graph)
    writer.graph_element.set("timeformat", "date")  # also when no node has a date
    # The schema has no graph name (networkx writes one): the title is the description.
    writer.graph_element.attrib.pop("name", None)
    meta = writer.xml.find("meta")
    if meta is not None:
        SubElement(meta, "description").text = view.title
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _span(valid_from: str, valid_to: str) -> dict[str, str]:
    """GEXF start and end, ISO days, from partial dates; unreadable ones are left out."""
    span = {}
    for key, value, widen in (("start", valid_from, first_day), ("end", valid_to, last_day)):
        day = _day(value, widen)
        if day is not None:
            span[key] = day.isoformat()
    return span


def _day(value: str, widen: Callable[[str], date]) -> date | None:
    try:
        return widen(value) if value else None
    except (AttributeError, ValueError):  # not a partial date: the column keeps it as given
        return None


def cytoscape_elements(view: ViewGraph) -> dict[str, object]:
    """Cytoscape.js elements, in the shape networkx's cytoscape_data writes (so that networkx
    reads them back too: `value` is the node id, `key` tells parallel edges apart). JSON holds
    lists: the sources are the parallel lists `source_docs` and `source_quotes`."""
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
                **_facts(n),
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
                **_facts(e),
                "attributes": e.attributes,
            }
        }
        for e in view.drawable_edges()
    ]
    return {
        "data": {"name": view.title, "day": view.day.isoformat() if view.day else None},
        "directed": True,
        "multigraph": True,
        "elements": {"nodes": nodes, "edges": edges},
    }


def _facts(item: ViewNode | ViewEdge) -> dict[str, object]:
    return {
        "valid_from": item.valid_from,
        "valid_to": item.valid_to,
        "date_text": item.date_text,
        "assertion": item.assertion,
        "source_docs": [c.doc for c in item.sources],
        "source_quotes": [c.quote for c in item.sources],
    }


def _json(view: ViewGraph, lang: Lang) -> bytes:
    return json.dumps(cytoscape_elements(view), ensure_ascii=False, indent=1, default=str).encode()


def _csv_text(header: tuple[str, ...], rows: Sequence[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _csv_zip(view: ViewGraph, lang: Lang) -> bytes:
    nodes = [node_record(n) for n in view.nodes.values()]
    edges = [edge_record(e) for e in view.drawable_edges()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nodes.csv", _csv_text(NODE_FIELDS, nodes))
        archive.writestr("edges.csv", _csv_text(EDGE_FIELDS, edges))
        # What the tables are of: the map's title (which names its day) and the days.
        about = {"title": view.title, "day": _iso(view.day), "since": _iso(view.since)}
        archive.writestr("map.csv", _csv_text(("title", "day", "since"), [about]))
    return out.getvalue()


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _html(view: ViewGraph, lang: Lang) -> bytes:
    return render_html(view, lang).encode()


FORMATS: dict[str, Format] = {
    "html": Format("text/html; charset=utf-8", "html", _html),
    "graphml": Format("application/graphml+xml", "graphml", _graphml),
    "gexf": Format("application/gexf+xml", "gexf", _gexf),
    "json": Format("application/json", "json", _json),
    "csv": Format("application/zip", "zip", _csv_zip),
    "svg": Format("image/svg+xml", "svg", write_svg),
    "png": Format("image/png", "png", write_png),
    "pdf": Format("application/pdf", "pdf", write_pdf),
}
