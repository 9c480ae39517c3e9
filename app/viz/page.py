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

from app.model.vocabulary import Lang, RelType
from app.viz.changes import mark_changes
from app.viz.graph import ViewGraph
from app.viz.labels import FONT_SIZE, wrap
from app.viz.layout import DOT_LIMIT, LayoutUnavailableError, Positions, hierarchy_layout
from app.viz.legend import legend
from app.viz.overview import HUB_SCREEN_FONT, hub_fonts, overview_positions
from app.viz.style import BORDER, dashes, drawn_shape, edge_style, node_style
from app.viz.words import say, seat_words

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


def network(view: ViewGraph, lang: Lang | None = None) -> Network:
    """The pyvis network of a view: nodes and edges assigned in bulk (add_node is quadratic)."""
    net = Network(directed=True)
    large = len(view.nodes) > PHYSICS_LIMIT
    labels = {node.id: wrap(node.name) for node in view.nodes.values()}
    labels.update(_seat_labels(view, labels, lang or view.lang))
    labels, positions = _positions(view, labels, large)
    nodes = []
    for node in view.nodes.values():
        style = node_style(node.label, node.kind)
        item: dict[str, Any] = {
            "id": node.id,
            "label": labels[node.id],
            "title": node.tooltip,
            "color": node_colours(style.colour, style.colour),
            "shape": drawn_shape(style, view.hierarchical),
            "size": style.size,
            # Not vis-network's "group": on every update it paints a node in the group's colours.
            "type": node.label.value,
        }
        if view.hierarchical:  # label inside a box: no edge crosses it, the layout sized it
            item["font"] = {"color": _text_colour(style.colour)}
        if dashes(node.assertion):  # a border dashed as the source supports the node
            item["color"] = node_colours(style.colour, BORDER)
            item["shapeProperties"] = {"borderDashes": dashes(node.assertion)}
            item["borderWidth"] = 2
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
                "dashes": dashes(edge.assertion),
                "arrows": edge_look.arrows,
                "width": edge_look.width,
                "type": edge.rel.value,
                **_bend(parallel[pair]),
            }
        )
    if large and not view.hierarchical:
        _label_hubs(nodes, view, positions)
    mark_changes(view, nodes, edges)
    net.nodes, net.edges = nodes, edges
    net.set_options(_options(large, bool(positions), view.hierarchical))
    return net


def _positions(
    view: ViewGraph, labels: dict[str, str], large: bool
) -> tuple[dict[str, str], Positions]:
    """Labels and fixed positions from the server's layout: Graphviz's dot for hierarchies
    (which may wrap labels narrower to fit the screen), its force layouts (or rings) for large
    views; none (the browser's physics) for small ones. A saved map's own positions win."""
    positions: Positions = {}
    if view.hierarchical and len(view.nodes) <= DOT_LIMIT:
        try:
            labels, positions = hierarchy_layout(view, labels)
        except LayoutUnavailableError:
            positions = {}  # vis-network's own hierarchical layout instead
    elif large or view.hierarchical:
        positions = overview_positions(view)
    positions.update((k, v) for k, v in view.positions.items() if k in view.nodes)
    return labels, positions


HUB_GROUND = "rgba(255,255,255,0.8)"


def _label_hubs(nodes: list[dict[str, Any]], view: ViewGraph, positions: Positions) -> None:
    """A large view's hubs keep a label that reads at the first zoom (the others' appear as
    the reader zooms in: _options)."""
    sizes = hub_fonts(view, positions, {item["id"]: item["label"] for item in nodes})
    for item in nodes:
        if item["id"] in sizes:
            # a light ground: the hub's name stays readable over the relationships around it
            item["font"] = {
                **item.get("font", {}),
                "size": sizes[item["id"]],
                "background": HUB_GROUND,
            }


def _seat_labels(view: ViewGraph, labels: dict[str, str], lang: Lang) -> dict[str, str]:
    """On a body's map, each member's label says how it sits: chair, member; ex officio,
    designated, appointed (a second line, so that the layout leaves room for it)."""
    seats = {}
    for edge in view.drawable_edges():
        if edge.rel is RelType.MEMBER_OF and edge.end == view.focus:
            seat = seat_words(edge.attributes or {"role": edge.qualifier}, lang)
            if seat:
                seats[edge.start] = f"{labels[edge.start]}\n{wrap(f'({seat})')}"
    return seats


SELECTED_BORDER = "#111111"


def node_colours(fill: str, border: str) -> dict[str, Any]:
    """A node's colours in vis-network's terms. Selected or hovered, it keeps its fill and
    gains a dark border: vis-network's own pale blue would put white words on a pale box."""
    marked = {"background": fill, "border": SELECTED_BORDER}
    return {"background": fill, "border": border, "highlight": marked, "hover": marked}


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
            "nodes": {"font": {"size": FONT_SIZE}, **(_LEGIBLE_ONLY if large else {})},
        }
    )


# vis-network leaves out a label below drawThreshold - 1 px on screen and fades it up to
# drawThreshold: a large view shows its hubs' labels (overview.py) and the others' only as
# the reader zooms in to where they read.
_LEGIBLE_ONLY = {"scaling": {"label": {"drawThreshold": HUB_SCREEN_FONT - 1}}}


def render_html(view: ViewGraph, lang: Lang = Lang.FI) -> str:
    net = network(view, lang)
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
                say("large_view", lang) if large and not view.hierarchical else "",
            )
            if n
        ),
        legend=legend(view, lang),
        words={
            key: say(key, lang)
            for key in ("details", "click_hint", "legend", "legend_lines", "story")
        },
        counts=say("counts", lang, nodes=len(net.nodes), edges=len(net.edges)),
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
