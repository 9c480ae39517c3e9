"""A view as a picture for briefings and print (SVG, PNG, PDF), drawn by Graphviz on the server:
no browser, no network. The nodes sit where the page puts them (Graphviz's `dot` for
hierarchies, else a layout by `neato` or `sfdp`), drawn by `neato -n2` so those positions are
kept. Above the drawing stand the title, the day shown and the notice, then the legend of the
styles present (the page's colours) beside the sources cited (app/viz/image_key.py), each a
node placed at the size Graphviz measures for it.

Names and quotes are hostile input: they reach Graphviz only as text inside HTML-like labels,
escaped, so no name can become markup, a DOT escape (\\N, \\G) or a record field ({ | })."""

from dataclasses import replace

import graphviz

from app.errors import RendererUnavailableError
from app.model.vocabulary import Lang
from app.viz.bundles import Bundle, leaf_bundles
from app.viz.changes import CHANGE_STYLES, Change
from app.viz.graph import ViewGraph, ViewNode
from app.viz.image_key import heading, legend_key, line_style, sources_key, text
from app.viz.labels import FONT_SIZE, box_size, wrap
from app.viz.layout import (
    LayoutUnavailableError,
    Positions,
    Sizes,
    hierarchy_positions,
    tree_links,
)
from app.viz.style import BORDER, EdgeStyle, dashes, edge_style, node_style

FONT = "DejaVu Sans"  # what labels.py measures and the page draws (Debian's fonts-dejavu-core)
LARGE = 300  # above this many nodes the layout is sfdp's
CURVED_UP_TO = 40  # edges routed around nodes; more take neato seconds each: straight lines
PNG_DPI = 120
PNG_MAX_INCHES = 40  # a huge view's PNG is scaled down to at most 4,800 pixels a side
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
KEY_GAP = 24.0  # points between the drawing and the legend above it, and between keys


def write_svg(view: ViewGraph, lang: Lang = Lang.FI) -> bytes:
    return render(view, "svg", lang)


def write_png(view: ViewGraph, lang: Lang = Lang.FI) -> bytes:
    return render(view, "png", lang)


def write_pdf(view: ViewGraph, lang: Lang = Lang.FI) -> bytes:
    return render(view, "pdf", lang)


def render(view: ViewGraph, fmt: str, lang: Lang = Lang.FI) -> bytes:
    """The view drawn in `fmt` (svg, png or pdf), its words in `lang`."""
    try:
        graph = image_graph(view, lang)
        if fmt == "png":
            graph.graph_attr.update(dpi=str(PNG_DPI), size=f"{PNG_MAX_INCHES},{PNG_MAX_INCHES}")
        data: bytes = graph.pipe(format=fmt, engine="neato", neato_no_op=2)
    except (graphviz.ExecutableNotFound, LayoutUnavailableError) as missing:
        raise RendererUnavailableError(
            "pictures are drawn by Graphviz, which is not installed (Debian's graphviz)",
            internal=str(missing),
        ) from missing
    return data


def image_graph(view: ViewGraph, lang: Lang = Lang.FI) -> graphviz.Digraph:
    """The DOT graph of the picture: every node at a fixed position (points, y upwards)."""
    shown = [node for node in view.nodes.values() if node.id not in view.hidden]
    names = {node.id: f"n{index}" for index, node in enumerate(shown)}
    edges = [e for e in view.drawable_edges() if e.start in names and e.end in names]
    graph = _canvas(curved=len(edges) <= CURVED_UP_TO)
    sizes = {node.id: box_size(wrap(node.name)) for node in shown}
    positions: Positions = {}
    bundles: list[Bundle] = []
    if view.hierarchical:
        visible = replace(view, nodes={node.id: node for node in shown})  # no room for hidden
        positions = hierarchy_positions(visible, sizes) | _saved(view, names)
        links = tree_links(visible)
        # A saved map's leaves may sit anywhere: a frame around them would cover the rest.
        bundles = [] if _saved(view, names) else leaf_bundles(edges, links)
        for index, bundle in enumerate(bundles):  # first: drawn under the leaves
            graph.node(f"b{index}", **_frame_attrs(bundle, positions, sizes))
    for node in shown:
        graph.node(names[node.id], **_marked(_node_attrs(node, view), view, node.id))
    bundled = {edge.id for bundle in bundles for edge in bundle.edges}
    for edge in edges:
        if edge.id not in bundled:
            look = edge_style(edge.rel, edge.qualifier)
            attrs = _marked(_edge_attrs(look, edge.assertion), view, edge.id)
            graph.edge(names[edge.start], names[edge.end], **attrs)
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
        positions, drawn = _laid_out(graph, engine, names)
        positions |= _saved(view, names)
        sizes |= drawn  # a diamond is taller than its label's box: the keys keep clear of it
    for node in shown:
        x, y = positions[node.id]
        graph.node(names[node.id], pos=f"{x:.1f},{-y:.1f}")
    keys = [[heading(view, lang)], [legend_key(view, lang), sources_key(view, shown, lang)]]
    _add_keys(graph, keys, positions, sizes)
    return graph


def _add_keys(
    graph: graphviz.Digraph, rows: list[list[str]], positions: Positions, sizes: Sizes
) -> None:
    """Rows of keys stacked above the drawing, the last row nearest to it, each key flush
    left beside the one before, at the size Graphviz measures for it."""
    measured = iter(_key_sizes([key for row in rows for key in row]))
    row_sizes = [[next(measured) for _ in row] for row in rows]
    edge = min((x - sizes[n][0] / 2 for n, (x, _) in positions.items()), default=0.0)
    bottom = min((y - sizes[n][1] / 2 for n, (_, y) in positions.items()), default=0.0)
    count = 0
    for row, found in reversed(list(zip(rows, row_sizes, strict=True))):
        row_top = bottom - KEY_GAP - max(h for _, h in found)
        bottom = row_top
        left = edge
        for key, (width, height) in zip(row, found, strict=True):
            x, y = left + width / 2, row_top + height / 2  # top-aligned in its row
            count += 1
            graph.node(
                f"key{count}",
                label=f"<{key}>",
                shape="plaintext",
                margin="0",
                pos=f"{x:.1f},{-y:.1f}",
            )
            left += width + KEY_GAP


def _key_sizes(keys: list[str]) -> list[tuple[float, float]]:
    """Width and height in points of each key as Graphviz draws it."""
    probe = _canvas(curved=False)
    for index, key in enumerate(keys):
        probe.node(f"key{index}", label=f"<{key}>", shape="plaintext", margin="0")
    found = _plain_nodes(probe.pipe(format="plain", engine="neato", encoding="utf-8"))
    return [found[f"key{index}"][2:] for index in range(len(keys))]


def _plain_nodes(plain: str) -> dict[str, tuple[float, float, float, float]]:
    """Graphviz's plain output as node name: centre x, centre y (downwards), width, height,
    in points."""
    nodes = {}
    for line in plain.splitlines():
        parts = line.split()
        if parts[:1] == ["node"]:
            x, y, width, height = (float(v) * 72 for v in parts[2:6])
            nodes[parts[1].strip('"')] = (x, -y, width, height)
    return nodes


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
    line = line_style(dashes(node.assertion))
    looks = [
        "filled",
        *(["rounded"] if shape == "box" else []),
        *([line] if line != "solid" else []),
    ]
    attrs = {
        "label": f"<{text(wrap(node.name))}>",
        "shape": shape,
        "style": ",".join(looks),
        "fillcolor": style.colour,
        "color": "#333333" if line == "solid" else BORDER,
        "fontcolor": _ink(style.colour),
        "margin": "0.08,0.04",
    }
    if node.id == view.focus:
        attrs["penwidth"] = "3"
    return attrs


def _marked(attrs: dict[str, str], view: ViewGraph, item: str) -> dict[str, str]:
    """A comparison's marks, as the page draws them (changes.py): what began framed or drawn
    green, what ended red and faded; the unchanged keep their own look."""
    change = view.changes.get(item)
    if change is None or change == Change.UNCHANGED:
        return attrs
    look = CHANGE_STYLES[Change(change)]
    alpha = f"{round(look.opacity * 255):02x}"
    width = float(attrs.get("penwidth", "1"))
    marks = {"color": look.colour + alpha, "penwidth": str(max(width + 1.5, 3.0))}
    if "fillcolor" in attrs:
        marks["fillcolor"] = attrs["fillcolor"] + alpha
    return attrs | marks


def _edge_attrs(look: EdgeStyle, assertion: str) -> dict[str, str]:
    return {
        "color": look.colour,
        "penwidth": str(look.width),
        "style": line_style(dashes(assertion)),
        "arrowhead": "normal" if look.arrows else "none",
    }


def _laid_out(
    graph: graphviz.Digraph, engine: str, names: dict[str, str]
) -> tuple[Positions, Sizes]:
    """Node centres (y downwards, as the page) and sizes as `engine` lays them out."""
    found = _plain_nodes(graph.pipe(format="plain", engine=engine, encoding="utf-8"))
    placed = {node_id: found[name] for node_id, name in names.items() if name in found}
    return (
        {node_id: (x, y) for node_id, (x, y, _, _) in placed.items()},
        {node_id: (w, h) for node_id, (_, _, w, h) in placed.items()},
    )


def _ink(fill: str) -> str:
    """Dark text on a light fill, white on a dark one (relative luminance, as the page)."""
    red, green, blue = (int(fill[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return "#ffffff" if 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5 else "#1a1a1a"
