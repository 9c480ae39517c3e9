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

from app.errors import RendererUnavailableError
from app.model.vocabulary import Label, RelType
from app.viz.bundles import Bundle, leaf_bundles
from app.viz.graph import ViewGraph, ViewNode
from app.viz.labels import FONT_SIZE, box_size, wrap
from app.viz.layout import (
    LayoutUnavailableError,
    Positions,
    Sizes,
    hierarchy_positions,
    tree_links,
)
from app.viz.style import KIND_STYLES, EdgeStyle, edge_style, node_style

FONT = "DejaVu Sans"  # what labels.py measures and the page draws (Debian's fonts-dejavu-core)
LARGE = 300  # above this many nodes the layout is sfdp's
CURVED_UP_TO = 40  # edges routed around nodes; more take neato seconds each: straight lines
PNG_DPI = 120
PNG_MAX_INCHES = 40  # a huge view's PNG is scaled down to at most 4,800 pixels a side
SOURCES_PER_LINE = 6
FRAME_MARGIN = 10.0  # points between a bundle's frame and its leaves
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
    try:
        graph = image_graph(view)
        if fmt == "png":
            graph.graph_attr.update(dpi=str(PNG_DPI), size=f"{PNG_MAX_INCHES},{PNG_MAX_INCHES}")
        data: bytes = graph.pipe(format=fmt, engine="neato", neato_no_op=2)
    except (graphviz.ExecutableNotFound, LayoutUnavailableError) as missing:
        raise RendererUnavailableError(
            "pictures are drawn by Graphviz, which is not installed (Debian's graphviz)",
            internal=str(missing),
        ) from missing
    return data


def image_graph(view: ViewGraph) -> graphviz.Digraph:
    """The DOT graph of the picture: every node at a fixed position (points, y upwards)."""
    shown = [node for node in view.nodes.values() if node.id not in view.hidden]
    names = {node.id: f"n{index}" for index, node in enumerate(shown)}
    edges = [e for e in view.drawable_edges() if e.start in names and e.end in names]
    graph = _canvas(curved=len(edges) <= CURVED_UP_TO)
    sizes = {node.id: box_size(wrap(node.name)) for node in shown}
    positions: Positions = {}
    bundles: list[Bundle] = []
    if view.hierarchical:
        positions = hierarchy_positions(view, sizes) | _saved(view, names)
        links = [(p, c) for p, c in tree_links(view) if p in names and c in names]
        bundles = leaf_bundles(edges, links)
        for index, bundle in enumerate(bundles):  # first: drawn under the leaves
            graph.node(f"b{index}", **_frame_attrs(bundle, positions, sizes))
    for node in shown:
        graph.node(names[node.id], **_node_attrs(node, view))
    bundled = {edge.id for bundle in bundles for edge in bundle.edges}
    for edge in edges:
        if edge.id not in bundled:
            look = edge_style(edge.rel, edge.qualifier)
            graph.edge(names[edge.start], names[edge.end], **_edge_attrs(look, edge.assertion))
    for index, bundle in enumerate(bundles):
        ends = (names[bundle.parent], f"b{index}")
        sample = bundle.edges[0]
        graph.edge(
            *(ends if bundle.from_parent else ends[::-1]),
            **_edge_attrs(edge_style(sample.rel, sample.qualifier), sample.assertion),
            label=f"<× {len(bundle.edges)}>",
        )
    if not view.hierarchical:
        engine = "sfdp" if len(shown) > LARGE else "neato"
        positions = _laid_out(graph, engine, names) | _saved(view, names)
    for node in shown:
        x, y = positions[node.id]
        graph.node(names[node.id], pos=f"{x:.1f},{-y:.1f}")
    graph.attr(label=f"<{_heading(view, shown)}>")
    return graph


def _saved(view: ViewGraph, names: dict[str, str]) -> Positions:
    """A saved map's positions (after dragging): they win over any layout."""
    return {k: v for k, v in view.positions.items() if k in names}


def _frame_attrs(bundle: Bundle, positions: Positions, sizes: Sizes) -> dict[str, str]:
    """A frame around a bundle's leaves, where the layout put them."""
    lefts, rights, tops, bottoms = [], [], [], []
    for leaf in bundle.leaves:
        (x, y), (width, height) = positions[leaf], sizes[leaf]
        lefts.append(x - width / 2)
        rights.append(x + width / 2)
        tops.append(y - height / 2)
        bottoms.append(y + height / 2)
    left, right = min(lefts) - FRAME_MARGIN, max(rights) + FRAME_MARGIN
    top, bottom = min(tops) - FRAME_MARGIN, max(bottoms) + FRAME_MARGIN
    return {
        "shape": "box",
        "style": "rounded,filled",  # not dashed: a dash means "implied"
        "color": "#bdbdbd",
        "fillcolor": "#f4f4f4",
        "label": "",
        "fixedsize": "true",
        "width": f"{(right - left) / 72:.3f}",
        "height": f"{(bottom - top) / 72:.3f}",
        "pos": f"{(left + right) / 2:.1f},{-(top + bottom) / 2:.1f}",
    }


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
        edge_attr={"arrowsize": "0.8", "fontname": FONT, "fontsize": "12"},
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
    """Title, day, notice, the legend and the sources cited above the map: a table of one
    column (Graphviz would share the title's width out among the columns of a wider one)."""
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
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{line}</TD></TR>' for line in lines)
    return f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">{cells}</TABLE>'


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
    """Data as the text of an HTML-like label: escaped, lines as <BR/>, never empty. Graphviz
    expands escapes (\\N: the node's name) in a text with entities: a backslash becomes two
    as entities, which the expansion turns back into one."""
    lines = [html.escape(_NOT_TEXT.sub("", line), quote=True) for line in value.split("\n")]
    return "<BR/>".join(lines).replace("\\", "&#92;&#92;") or "&#160;"


def _ink(fill: str) -> str:
    """Dark text on a light fill, white on a dark one (relative luminance, as the page)."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#ffffff" if 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5 else "#1a1a1a"
