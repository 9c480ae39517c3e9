"""A ViewGraph as one self-contained HTML page: vis-network (from the pyvis package) inlined,
a Content-Security-Policy that forbids every request, data as JSON that the script reads as
text. Names and quotes reach the page only through Jinja's escaping and JSON, and vis-network
shows string tooltips as text, so a name can never become markup or script."""

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from pyvis.network import Network

from app.model.vocabulary import Label, Lang, RelType
from app.viz.graph import ViewGraph
from app.viz.labels import FONT_SIZE, box_size, wrap
from app.viz.layout import LayoutUnavailableError, hierarchy_positions, radial_positions
from app.viz.style import KIND_STYLES, EdgeStyle, edge_style, node_style

PHYSICS_LIMIT = 300  # above this many nodes the layout is computed here and physics stays off
_VIS = Path(str(resources.files("pyvis"))) / "templates" / "lib" / "vis-9.1.2"
TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("app.viz", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)


@cache
def _vis_assets() -> tuple[str, str]:
    js = (_VIS / "vis-network.min.js").read_text(encoding="utf-8")
    css = (_VIS / "vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():  # would end the inline element
        raise RuntimeError("vis-network assets cannot be inlined as they are")
    return js, css


def network(view: ViewGraph) -> Network:
    """The pyvis network of a view: nodes and edges assigned in bulk (add_node is quadratic)."""
    net = Network(directed=True)
    large = len(view.nodes) > PHYSICS_LIMIT
    labels = {node.id: wrap(node.name) for node in view.nodes.values()}
    positions = _positions(view, labels, large)
    nodes = []
    for node in view.nodes.values():
        style = node_style(node.label, node.kind)
        item: dict[str, Any] = {
            "id": node.id,
            "label": labels[node.id],
            "title": node.tooltip,
            "color": style.colour,
            "shape": style.shape,
            "size": style.size,
            "group": node.label.value,
        }
        if view.hierarchical:  # label inside a box: no edge crosses it, the layout sized it
            item["shape"] = "box"
            item["font"] = {"color": _text_colour(style.colour)}
        if node.id == view.focus:
            item["borderWidth"] = 4
        if node.id in positions:
            item["x"], item["y"] = positions[node.id]
        nodes.append(item)
    edges = []
    parallel: dict[frozenset[str], int] = {}
    for edge in view.drawable_edges():
        edge_look = edge_style(edge.rel, edge.qualifier)
        pair = frozenset((edge.start, edge.end))
        parallel[pair] = parallel.get(pair, -1) + 1
        edges.append(
            {
                "id": edge.id,
                "from": edge.start,
                "to": edge.end,
                "title": edge.tooltip,
                "color": edge_look.colour,
                "dashes": edge_look.dashes,
                "arrows": edge_look.arrows,
                "width": edge_look.width,
                "type": edge.rel.value,
                **_bend(parallel[pair]),
            }
        )
    net.nodes, net.edges = nodes, edges
    net.set_options(_options(large, bool(positions), view.hierarchical))
    return net


def _positions(
    view: ViewGraph, labels: dict[str, str], large: bool
) -> dict[str, tuple[float, float]]:
    """Fixed positions from the server's layout: Graphviz for hierarchies, rings for large
    views; none (the browser's physics) for small ones. A saved map's own positions win."""
    positions: dict[str, tuple[float, float]] = {}
    if view.hierarchical:
        sizes = {node_id: box_size(label) for node_id, label in labels.items()}
        try:
            positions = hierarchy_positions(view, sizes)
        except LayoutUnavailableError:
            positions = {}  # vis-network's own hierarchical layout instead
    elif large:
        positions = radial_positions(view)
    positions.update((k, v) for k, v in view.positions.items() if k in view.nodes)
    return positions


def _text_colour(fill: str) -> str:
    """Dark text on a light fill, white on a dark one (relative luminance, WCAG)."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#ffffff" if luminance < 0.5 else "#1a1a1a"


def _bend(index: int) -> dict[str, Any]:
    """Parallel relationships between two nodes bend apart instead of drawing on one line."""
    if index == 0:
        return {}
    side = "curvedCW" if index % 2 else "curvedCCW"
    return {"smooth": {"enabled": True, "type": side, "roundness": 0.15 * ((index + 1) // 2)}}


def _options(large: bool, fixed: bool, hierarchical: bool) -> str:
    """Physics lays a small view out and then stops (the page turns it off once stable). A
    hierarchy and a large view come with coordinates (layout.py) and no physics at all;
    vis-network's own hierarchical layout is only the fallback without Graphviz."""
    layout: dict[str, Any] = {"improvedLayout": not large}
    physics: dict[str, Any] = {"enabled": False}
    if hierarchical and not fixed:
        layout["hierarchical"] = {
            "enabled": True,
            "direction": "UD",
            "sortMethod": "directed",
            "levelSeparation": 120,
            "nodeSpacing": 160,
        }
    elif not fixed:
        physics = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"springLength": 140, "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        }
    return json.dumps(
        {
            "physics": physics,
            "layout": layout,
            "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large},
            "edges": {"smooth": not fixed and not hierarchical, "font": {"size": 12}},
            "nodes": {"font": {"size": FONT_SIZE}},
        }
    )


def render_html(view: ViewGraph, lang: Lang = Lang.FI) -> str:
    net = network(view)
    js, css = _vis_assets()
    large = len(view.nodes) > PHYSICS_LIMIT
    return TEMPLATES.get_template("map.html").render(
        title=view.title,
        lang=lang.value,
        node_count=len(net.nodes),
        edge_count=len(net.edges),
        notice=" · ".join(
            n
            for n in (
                view.notice,
                "large view: laid out in rings, physics off"
                if large and not view.hierarchical
                else "",
            )
            if n
        ),
        legend_nodes=_legend_nodes(view),
        legend_edges=_legend_edges(view),
        vis_js=Markup(js),  # noqa: S704 -- the pinned vis-network build, checked above
        vis_css=Markup(css),  # noqa: S704 -- likewise
        data={
            "nodes": net.nodes,
            "edges": net.edges,
            "options": net.options,
            "story": [
                {"caption": a.caption, "nodes": list(a.nodes), "edges": list(a.edges)}
                for a in view.annotations
            ],
        },
    )


def _legend_nodes(view: ViewGraph) -> list[dict[str, str]]:
    """One entry per node style the view uses (type, or type and kind where the kind has a
    style of its own)."""
    seen: dict[str, str] = {}
    for node in view.nodes.values():
        styled_kind = node.label is Label.ORGANIZATION and node.kind in KIND_STYLES
        text = f"{node.label.value}: {node.kind}" if styled_kind else node.label.value
        seen.setdefault(text, node_style(node.label, node.kind).colour)
    shape = "box" if view.hierarchical else "round"  # the shape the map draws them as
    return [
        {"colour": colour, "text": text, "shape": shape} for text, colour in sorted(seen.items())
    ]


def _legend_edges(view: ViewGraph) -> list[dict[str, str]]:
    """One entry per edge style the view uses (STEERS by mode, the others by type)."""
    seen: dict[str, EdgeStyle] = {}
    for edge in view.drawable_edges():
        text = f"STEERS: {edge.qualifier}" if edge.rel is RelType.STEERS else edge.rel.value
        seen.setdefault(text, edge_style(edge.rel, edge.qualifier))
    return [
        {"colour": s.colour, "dash": "dashed" if s.dashes else "solid", "text": text}
        for text, s in sorted(seen.items())
    ]
