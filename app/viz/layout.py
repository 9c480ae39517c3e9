"""Where a view's nodes go, computed once on the server and handed to the map as fixed
positions (the browser's physics never settles on large views: engine notes).

- Hierarchies (steering trees, organisation charts, preparation chains, compositions) are laid
  out by Graphviz's `dot`: a parent above its children, a child that is also reached through a
  middle level drawn under that level (TEM steers the ELY centres directly; the TE offices sit
  under the centres), and a wide level of leaves wrapped into rows so that 67 children fit one
  screen.
- Other large views get rings by distance from the focus.

Coordinates are canvas pixels, y downwards (vis-network's convention)."""

import math
from collections import defaultdict, deque
from collections.abc import Iterable

import graphviz

from app.model.vocabulary import RelType
from app.viz.graph import ViewGraph

Positions = dict[str, tuple[float, float]]
Sizes = dict[str, tuple[float, float]]

# Relationships that order a hierarchy, and which way: for these the end sits above the start
# (the part under the whole, the member under the body, the holder under the post).
UPWARDS = frozenset(
    {
        RelType.PART_OF,
        RelType.POST_IN,
        RelType.MEMBER_OF,
        RelType.HOLDS,
        RelType.PREPARES_FOR,
        RelType.SUPPORTS,
    }
)
# ... and for these the start sits above the end.
DOWNWARDS = frozenset({RelType.STEERS, RelType.ORGANISES, RelType.PRODUCES, RelType.HAS_GOAL})

POINTS = 72.0  # Graphviz works in inches; the map in pixels at 72 a inch
WRAP_LEAVES = 8  # a parent with more leaf children than this gets them in rows
ROW_ASPECT = 1.6  # a wrapped block's width to its height: a screen's shape
CELL_GAP = (28.0, 26.0)  # between wrapped leaves, across and down
NODE_GAP = 0.35  # inches between neighbours on a level
LEVEL_GAP = 0.8  # inches between levels
DOT_LIMIT = 3000  # above this many nodes a hierarchy falls back to rings


class LayoutUnavailableError(RuntimeError):
    """Graphviz is not installed (the Makefile installs Debian's `graphviz`)."""


def tree_links(view: ViewGraph) -> list[tuple[str, str]]:
    """(parent, child) pairs of the view's hierarchy, without repeats or loops."""
    links: dict[tuple[str, str], None] = {}
    for edge in view.drawable_edges():
        if edge.rel in UPWARDS:
            pair = (edge.end, edge.start)
        elif edge.rel in DOWNWARDS:
            pair = (edge.start, edge.end)
        else:
            continue
        if pair[0] != pair[1]:
            links[pair] = None
    return list(links)


def hierarchy_positions(view: ViewGraph, sizes: Sizes) -> Positions:
    """A layered layout by `dot`; the leaves of a wide parent in a grid of rows below it."""
    if len(view.nodes) > DOT_LIMIT:
        return radial_positions(view)
    links = tree_links(view)
    blocks = _leaf_blocks(links)
    in_block = {leaf: parent for parent, leaves in blocks.items() for leaf in leaves}
    names = {node_id: f"n{index}" for index, node_id in enumerate(view.nodes)}
    graph = graphviz.Digraph(
        graph_attr={
            "rankdir": "TB",
            "nodesep": str(NODE_GAP),
            "ranksep": str(LEVEL_GAP),
            "ordering": "out",
        },
        node_attr={"shape": "box", "fixedsize": "true", "label": ""},
    )
    for node_id, name in names.items():
        if node_id not in in_block:
            width, height = sizes[node_id]
            graph.node(name, width=_inches(width), height=_inches(height))
    cells: dict[str, tuple[float, float, int]] = {}
    for parent, leaves in blocks.items():
        cell_w = max(sizes[leaf][0] for leaf in leaves) + CELL_GAP[0]
        cell_h = max(sizes[leaf][1] for leaf in leaves) + CELL_GAP[1]
        columns = _columns(len(leaves), cell_w, cell_h)
        rows = math.ceil(len(leaves) / columns)
        cells[parent] = (cell_w, cell_h, columns)
        graph.node(
            f"b{names[parent]}",
            width=_inches(columns * cell_w),
            height=_inches(rows * cell_h),
        )
    drawn: set[tuple[str, str]] = set()
    for parent, child in links:
        head = f"b{names[parent]}" if in_block.get(child) == parent else names[child]
        if (names[parent], head) not in drawn:
            drawn.add((names[parent], head))
            graph.edge(names[parent], head)
    placed = _run(graph, "dot")
    by_name = {name: node_id for node_id, name in names.items()}
    positions = {by_name[name]: xy for name, xy in placed.items() if name in by_name}
    for parent, leaves in blocks.items():
        cell_w, cell_h, columns = cells[parent]
        rows = math.ceil(len(leaves) / columns)
        centre_x, centre_y = placed[f"b{names[parent]}"]
        left = centre_x - columns * cell_w / 2
        top = centre_y - rows * cell_h / 2
        for index, leaf in enumerate(leaves):
            row, column = divmod(index, columns)
            in_row = min(columns, len(leaves) - row * columns)  # the last row is centred
            shift = (columns - in_row) * cell_w / 2
            positions[leaf] = (
                round(left + shift + (column + 0.5) * cell_w, 1),
                round(top + (row + 0.5) * cell_h, 1),
            )
    return positions


def _leaf_blocks(links: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Parents with more than WRAP_LEAVES children that have no children of their own and no
    other parent: those children, in their order."""
    children: dict[str, list[str]] = defaultdict(list)
    parents: dict[str, int] = defaultdict(int)
    for parent, child in links:
        children[parent].append(child)
        parents[child] += 1
    blocks: dict[str, list[str]] = {}
    for parent, kids in children.items():
        leaves = [k for k in kids if not children.get(k) and parents[k] == 1]
        if len(leaves) > WRAP_LEAVES:
            blocks[parent] = leaves
    return blocks


def _columns(count: int, cell_w: float, cell_h: float) -> int:
    return max(1, min(count, round(math.sqrt(ROW_ASPECT * count * cell_h / cell_w))))


def _inches(pixels: float) -> str:
    return f"{pixels / POINTS:.3f}"


def _run(graph: graphviz.Graph | graphviz.Digraph, engine: str) -> Positions:
    """Node centres from Graphviz's plain output, in pixels with y downwards."""
    try:
        plain = graph.pipe(format="plain", engine=engine, encoding="utf-8")
    except graphviz.ExecutableNotFound as missing:
        raise LayoutUnavailableError("Graphviz is not installed (Debian's graphviz)") from missing
    positions: Positions = {}
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            x, y = float(parts[2]) * POINTS, float(parts[3]) * POINTS
            positions[parts[1].strip('"')] = (round(x, 1), round(-y, 1))
    return positions


RING_GAP = 250.0
MIN_SPACING = 45.0  # arc length per node on a crowded ring


def radial_positions(view: ViewGraph) -> Positions:
    """Rings by distance from the focus, O(nodes + edges): breadth-first discovery order keeps
    each node's children next to each other on the next ring, so branches stay together."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for edge in view.drawable_edges():
        neighbours[edge.start].append(edge.end)
        neighbours[edge.end].append(edge.start)
    order = [view.focus] if view.focus in view.nodes else []
    order += sorted(n for n in view.nodes if n != view.focus)
    depth: dict[str, int] = {}
    rings: dict[int, list[str]] = defaultdict(list)
    outermost = -1
    for start in order:  # each further component starts on a ring of its own, further out
        if start in depth:
            continue
        depth[start] = outermost + 1
        queue = deque([start])
        while queue:
            node = queue.popleft()
            rings[depth[node]].append(node)
            outermost = max(outermost, depth[node])
            for other in neighbours[node]:
                if other not in depth:
                    depth[other] = depth[node] + 1
                    queue.append(other)
    positions: Positions = {}
    radius = 0.0
    for ring in sorted(rings):
        members = rings[ring]
        radius = max(radius + RING_GAP if ring else 0.0, len(members) * MIN_SPACING / (2 * math.pi))
        for index, node in enumerate(members):
            angle = 2 * math.pi * index / len(members)
            positions[node] = (
                round(radius * math.cos(angle), 1),
                round(radius * math.sin(angle), 1),
            )
    return positions
