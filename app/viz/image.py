"""A view as a picture for briefings and print (SVG, PNG, PDF), drawn by Graphviz on the server:
no browser, no network. The nodes sit where the page puts them (Graphviz's `dot` for
hierarchies, else a layout by `neato` or `sfdp`), drawn by `neato -n2` so those positions are
kept, under a heading with the title, the day shown, a legend of the styles present (the
page's colours) and the sources cited.

Names and quotes are hostile input: they reach Graphviz only as text inside HTML-like labels,
escaped, so no name can become markup, a DOT escape (\\N, \\G) or a record field ({ | })."""

import html
import re

import graphviz

from app.model.vocabulary import Label, RelType
from app.viz.graph import ViewGraph, ViewNode
from app.viz.labels import FONT_SIZE, box_size, wrap
from app.viz.layout import Positions, hierarchy_positions
from app.viz.style import KIND_STYLES, EdgeStyle, edge_style, node_style

FONT = "DejaVu Sans"  # what labels.py measures and the page draws (Debian's fonts-dejavu-core)
LARGE = 300  # above this many nodes the layout is sfdp's
CURVED_UP_TO = 40  # edges routed around nodes; more take neato seconds each: straight lines
PNG_DPI = 120
PNG_MAX_INCHES = 40  # a huge view's PNG is scaled down to at most 4,800 pixels a side
SOURCES_PER_LINE = 6
# vis-network's shapes as Graphviz shapes that hold the label inside (the page draws most
# labels beside the shape), as distinct from each other as the page's.
SHAPES = {
    "dot": "ellipse",
    "square": "box",
    "box": "note",
    "diamond": "diamond",
    "triangle": "house",
    "triangleDown": "invhouse",
    "star": "octagon",
    "hexagon": "hexagon",
    "text": "plaintext",
}
# How the source supports a fact, drawn as the page draws it (style.py): stated solid,
# implied dashed, inferred dotted; on edges and on node borders alike.
LINES = {"stated": "solid", "implied": "dashed", "inferred": "dotted"}
SWATCH = "▇▇▇"  # a node's fill in the legend
STROKES = {"solid": "━━━━", "dashed": "━ ━ ━", "dotted": "· · · · ·"}
# Characters that are not text: SVG (XML) cannot hold them, and Graphviz may choke on them.
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def write_svg(view: ViewGraph, lang: object = None) -> bytes:
    return render(view, "svg")


def write_png(view: ViewGraph, lang: object = None) -> bytes:
    return render(view, "png")


def write_pdf(view: ViewGraph, lang: object = None) -> bytes:
    return render(view, "pdf")


def render(view: ViewGraph, fmt: str) -> bytes:
    """The view drawn in `fmt` (svg, png or pdf)."""
    graph = image_graph(view)
    if fmt == "png":
        graph.graph_attr.update(dpi=str(PNG_DPI), size=f"{PNG_MAX_INCHES},{PNG_MAX_INCHES}")
    data: bytes = graph.pipe(format=fmt, engine="neato", neato_no_op=2)
    return data


def image_graph(view: ViewGraph) -> graphviz.Digraph:
    """The DOT graph of the picture: every node at a fixed position (points, y upwards)."""
    shown = [node for node in view.nodes.values() if node.id not in view.hidden]
    names = {node.id: f"n{index}" for index, node in enumerate(shown)}
    edges = [e for e in view.drawable_edges() if e.start in names and e.end in names]
    graph = _canvas(curved=len(edges) <= CURVED_UP_TO)
    for node in shown:
        graph.node(names[node.id], **_node_attrs(node, view))
    for edge in edges:
        look = edge_style(edge.rel, edge.qualifier)
        graph.edge(names[edge.start], names[edge.end], **_edge_attrs(look, edge.assertion))
    positions = _positions(view, graph, shown, names)
    for node in shown:
        x, y = positions[node.id]
        graph.node(names[node.id], pos=f"{x:.1f},{-y:.1f}")
    graph.attr(label=f"<{_heading(view, shown)}>")
    return graph


def _canvas(curved: bool) -> graphviz.Digraph:
    return graphviz.Digraph(
        graph_attr={
            "fontname": FONT,
            "labelloc": "t",
            "labeljust": "l",
            "pad": "0.4",
            "bgcolor": "white",
            "splines": "true" if curved else "line",  # parallel lines still fan out
            "outputorder": "edgesfirst",  # a line never covers a label
            "overlap": "false",
            "sep": "+6",
        },
        node_attr={"fontname": FONT, "fontsize": str(FONT_SIZE), "penwidth": "1"},
        edge_attr={"arrowsize": "0.8"},
    )


def _node_attrs(node: ViewNode, view: ViewGraph) -> dict[str, str]:
    style = node_style(node.label, node.kind)
    shape = "box" if view.hierarchical else SHAPES.get(style.shape, "ellipse")
    looks = ["filled", *(["rounded"] if shape == "box" else []), *_dashed(node.assertion)]
    attrs = {
        "label": f"<{_text(wrap(node.name))}>",
        "shape": shape,
        "style": ",".join(looks),
        "fillcolor": style.colour,
        "color": "#333333",
        "fontcolor": _ink(style.colour),
        "margin": "0.08,0.04",
    }
    if node.id == view.focus:
        attrs["penwidth"] = "3"
    return attrs


def _edge_attrs(look: EdgeStyle, assertion: str) -> dict[str, str]:
    return {
        "color": look.colour,
        "penwidth": str(look.width),
        "style": LINES.get(assertion, "solid"),
        "arrowhead": "normal" if look.arrows else "none",
    }


def _dashed(assertion: str | None) -> list[str]:
    line = LINES.get(assertion or "", "solid")
    return [] if line == "solid" else [line]


def _positions(
    view: ViewGraph, graph: graphviz.Digraph, shown: list[ViewNode], names: dict[str, str]
) -> Positions:
    """The page's positions: Graphviz's `dot` for a hierarchy, else a layout by neato (sfdp
    for large views) of the same nodes; a saved map's own positions win."""
    if view.hierarchical:
        sizes = {node.id: box_size(wrap(node.name)) for node in shown}
        positions = hierarchy_positions(view, sizes)
    else:
        positions = _laid_out(graph, "sfdp" if len(shown) > LARGE else "neato", names)
    positions.update((k, v) for k, v in view.positions.items() if k in names)
    return positions


def _laid_out(graph: graphviz.Digraph, engine: str, names: dict[str, str]) -> Positions:
    """Node centres by `engine`, from its plain output: points, y downwards (as the page)."""
    plain = graph.pipe(format="plain", engine=engine, encoding="utf-8")
    by_name = {name: node_id for node_id, name in names.items()}
    positions: Positions = {}
    for line in plain.splitlines():
        parts = line.split()
        if parts[:1] == ["node"] and parts[1] in by_name:
            positions[by_name[parts[1]]] = (float(parts[2]) * 72, -float(parts[3]) * 72)
    return positions


def _heading(view: ViewGraph, shown: list[ViewNode]) -> str:
    """Title, day, notice, the legend and the sources cited: lines of text above the map (one
    block: Graphviz would stretch the cells of a table to the title's width)."""
    day = view.day.isoformat() if view.day else "today"
    lines = [
        f'<FONT POINT-SIZE="20"><B>{_text(view.title)}</B></FONT>',
        f"As of: {_text(day)}",
        *([f"<I>{_text(view.notice)}</I>"] if view.notice else []),
        " ",
        "<B>Legend</B>",
        *_legend(view, shown),
        " ",
        "<B>Sources cited</B>",
        *_sources(view, shown),
    ]
    return "".join(f'{line}<BR ALIGN="LEFT"/>' for line in lines)


def _legend(view: ViewGraph, shown: list[ViewNode]) -> list[str]:
    """One line per node style and relationship colour drawn (grouped as the page's legend
    groups them), and one per line style, i.e. per assertion."""
    fills: dict[str, str] = {}
    for node in shown:
        styled_kind = node.label is Label.ORGANIZATION and node.kind in KIND_STYLES
        text = f"{node.label.value}: {node.kind}" if styled_kind else node.label.value
        fills.setdefault(text, node_style(node.label, node.kind).colour)
    colours: dict[str, EdgeStyle] = {}
    assertions = {node.assertion for node in shown if node.assertion}
    names = {node.id for node in shown}
    for edge in view.drawable_edges():
        if edge.start in names and edge.end in names:
            text = f"STEERS: {edge.qualifier}" if edge.rel is RelType.STEERS else edge.rel.value
            colours.setdefault(text, edge_style(edge.rel, edge.qualifier))
            assertions.add(edge.assertion)
    lines = [
        f'<FONT COLOR="{colour}">{SWATCH}</FONT>  {_text(text)}'
        for text, colour in sorted(fills.items())
    ]
    lines += [
        f'<FONT COLOR="{look.colour}">{STROKES["solid"]}</FONT>  {_text(text)}'
        for text, look in sorted(colours.items())
    ]
    lines += [
        f"{STROKES[line]}  {assertion}"
        for assertion, line in LINES.items()
        if assertion in assertions
    ]
    return lines


def _sources(view: ViewGraph, shown: list[ViewNode]) -> list[str]:
    """The doc ids of every source cited by a drawn node or relationship."""
    names = {node.id for node in shown}
    cited = {c.doc for node in shown for c in node.sources}
    for edge in view.drawable_edges():
        if edge.start in names and edge.end in names:
            cited |= {c.doc for c in edge.sources}
    ids = sorted(cited)
    lines = [", ".join(ids[i : i + SOURCES_PER_LINE]) for i in range(0, len(ids), SOURCES_PER_LINE)]
    return [_text(line) for line in lines] or ["none"]


def _text(value: str) -> str:
    """Data as the text of an HTML-like label: escaped, lines as <BR/>, never empty."""
    lines = [html.escape(_NOT_TEXT.sub("", line), quote=True) for line in value.split("\n")]
    return "<BR/>".join(lines) or "&#160;"


def _ink(fill: str) -> str:
    """Dark text on a light fill, white on a dark one (relative luminance, as the page)."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#ffffff" if 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5 else "#1a1a1a"
