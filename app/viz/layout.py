"""Where a view's nodes go, computed once on the server and handed to the map as fixed
positions (the browser's physics never settles on large views: engine notes).

- Hierarchies (steering trees, organisation charts, preparation chains, compositions) are laid
  out by Graphviz's `dot`: a parent above its children, a child that is also reached through a
  middle level drawn under that level (TEM steers the ELY centres directly; the TE offices sit
  under the centres), and a wide level of leaves wrapped into rows so that 67 children fit one
  screen.
- Other large views: app/viz/overview.py.

Coordinates are canvas pixels, y downwards (vis-network's convention)."""

import math
from collections import defaultdict
from collections.abc import Iterable

import graphviz

from app.model.vocabulary import Label, RelType
from app.viz.graph import ViewGraph
from app.viz.labels import FONT_SIZE, MIN_SCREEN_FONT, box_size, wrap

Positions = dict[str, tuple[float, float]]
Sizes = dict[str, tuple[float, float]]
Gaps = tuple[float, float]

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
WRAP_CHAINS = 6  # a parent with more chain children than this gets them in a grid of rows
CELL_GAP = (16.0, 14.0)  # between the cells of a grid, across and down
CHAIN_GAP = 22.0  # between the boxes of a chain stacked in one cell (room for an arrow)
# Inches between neighbours on a level and between levels, roomiest first: a small view
# gets long relationships that are easy to tell apart, a large one what fits.
GAPS = ((0.6, 1.1), (0.4, 0.8), (0.25, 0.6))
NARROW_WRAP, NARROW_LINES = 12, 6  # characters and lines, when the labels as wrapped do not fit
TARGET_SCALE = MIN_SCREEN_FONT / FONT_SIZE
DOT_LIMIT = 3000  # above this many nodes a hierarchy is laid out as a large view
# The map's canvas on a 1440×900 screen (the page's side panel and header taken off): grids
# are shaped so that the whole view fits it with labels still at MIN_SCREEN_FONT.
SCREEN = (1110.0, 850.0)
FIT_MARGIN = 1.1  # vis-network fits the view with a tenth to spare
ASPECTS = (0.35, 0.5, 0.7, 1.0, 1.4, 2.0, 2.8)  # grid shapes tried, as a share of the screen's
SEARCH_UP_TO = 400  # nodes; larger hierarchies get one dot run, not one per shape


class LayoutUnavailableError(RuntimeError):
    """Graphviz is not installed (the Makefile installs Debian's `graphviz`)."""


def tree_links(view: ViewGraph) -> list[tuple[str, str]]:
    """(parent, child) pairs of the view's hierarchy, without repeats or loops, a parent's
    children in reading order."""
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

    children: dict[str, list[str]] = defaultdict(list)
    for parent, child in links:
        children[parent].append(child)
    return [(parent, child) for parent, kids in children.items() for child in _reading(view, kids)]


def _reading(view: ViewGraph, kids: list[str]) -> list[str]:
    """Children by name, a unit's posts in the middle: its head right under it."""
    by_name = sorted(kids, key=lambda k: view.nodes[k].name.casefold())
    posts = [k for k in by_name if view.nodes[k].label is Label.POST]
    others = [k for k in by_name if view.nodes[k].label is not Label.POST]
    half = len(others) // 2
    return others[:half] + posts + others[half:]


def hierarchy_layout(view: ViewGraph, labels: dict[str, str]) -> tuple[dict[str, str], Positions]:
    """The labels (as given, or wrapped narrower) and positions that read best: the roomiest
    layout whose first zoom shows labels at MIN_SCREEN_FONT, else the one that comes nearest.
    Tried in this order: each level in one row, with the labels as given and then narrower;
    then the chains under a wide parent in a grid of rows."""
    narrow = {
        n: wrap(" ".join(text.split("\n")), NARROW_WRAP, NARROW_LINES) for n, text in labels.items()
    }
    choices = [labels] if narrow == labels else [labels, narrow]
    sizes = [{n: box_size(text) for n, text in choice.items()} for choice in choices]
    index, positions = _search(view, sizes)
    return choices[index], positions


def hierarchy_positions(view: ViewGraph, sizes: Sizes) -> Positions:
    """hierarchy_layout for labels of the given sizes."""
    return _search(view, [sizes])[1]


def _search(view: ViewGraph, choices: list[Sizes]) -> tuple[int, Positions]:
    links = tree_links(view)
    blocks = _chain_blocks(links)
    roomy = GAPS if len(view.nodes) <= SEARCH_UP_TO else GAPS[-1:]
    groups: list[tuple[bool, list[tuple[int, Sizes, dict[str, list[Chain]], Gaps, float]]]] = [
        (False, [(i, sizes, {}, gaps, 1.0) for gaps in roomy]) for i, sizes in enumerate(choices)
    ]
    if blocks:
        aspect = SCREEN[0] / SCREEN[1] / len(blocks)  # blocks side by side share the width
        shares = ASPECTS if len(view.nodes) <= SEARCH_UP_TO else (1.0,)
        groups += [
            (True, [(i, sizes, blocks, GAPS[-1], aspect * share) for share in shares])
            for i, sizes in enumerate(choices)
        ]
    best: tuple[float, int, Positions] = (-1.0, 0, {})
    for take_best, group in groups:
        tried = []
        for i, sizes, grid, gaps, shape in group:
            positions = _dot_layout(view, sizes, links, grid, gaps, shape)
            tried.append((fitted_scale(positions, sizes), i, positions))
            if tried[-1][0] >= TARGET_SCALE and not take_best:
                return i, positions  # the roomiest that reads
        top = max(tried, key=lambda t: t[0])
        if top[0] >= TARGET_SCALE:
            return top[1], top[2]
        best = max(best, top, key=lambda t: t[0])
    return best[1], best[2]


def fitted_scale(positions: Positions, sizes: Sizes, screen: tuple[float, float] = SCREEN) -> float:
    """The zoom at which vis-network's first fit shows these boxes (at most 1)."""
    if not positions:
        return 1.0
    left = min(x - sizes[n][0] / 2 for n, (x, _) in positions.items())
    right = max(x + sizes[n][0] / 2 for n, (x, _) in positions.items())
    top = min(y - sizes[n][1] / 2 for n, (_, y) in positions.items())
    bottom = max(y + sizes[n][1] / 2 for n, (_, y) in positions.items())
    width, height = (right - left) * FIT_MARGIN, (bottom - top) * FIT_MARGIN
    return min(1.0, screen[0] / max(width, 1.0), screen[1] / max(height, 1.0))


Chain = list[str]


def _dot_layout(
    view: ViewGraph,
    sizes: Sizes,
    links: list[tuple[str, str]],
    blocks: dict[str, list[Chain]],
    gaps: Gaps,
    aspect: float,
) -> Positions:
    in_block = {node: parent for parent, chains in blocks.items() for c in chains for node in c}
    names = {node_id: f"n{index}" for index, node_id in enumerate(view.nodes)}
    graph = graphviz.Digraph(
        graph_attr={
            "rankdir": "TB",
            "nodesep": str(gaps[0]),
            "ranksep": str(gaps[1]),
            "ordering": "out",
        },
        node_attr={"shape": "box", "fixedsize": "true", "label": ""},
    )
    for node_id, name in names.items():
        if node_id not in in_block:
            width, height = sizes[node_id]
            graph.node(name, width=_inches(width), height=_inches(height))
    grids = {parent: _grid(chains, sizes, aspect) for parent, chains in blocks.items()}
    for parent, grid in grids.items():
        graph.node(f"b{names[parent]}", width=_inches(grid.width), height=_inches(grid.height))
    drawn: set[tuple[str, str]] = set()
    for parent, child in links:
        if child in in_block and in_block[child] != parent:
            continue  # inside a chain: the grid places it
        head = f"b{names[parent]}" if child in in_block else names[child]
        if parent in in_block or (names[parent], head) in drawn:
            continue
        drawn.add((names[parent], head))
        graph.edge(names[parent], head)
    placed = run_graphviz(graph, "dot")
    by_name = {name: node_id for node_id, name in names.items()}
    positions = {by_name[name]: xy for name, xy in placed.items() if name in by_name}
    for parent, grid in grids.items():
        positions.update(grid.place(placed[f"b{names[parent]}"]))
    return positions


class _Grid:
    """Chains (a child, its only child, …) in rows under their parent, as words in lines of
    at most `row_width`: each chain stacked top-down in its cell, every row centred."""

    def __init__(self, chains: list[Chain], sizes: Sizes, row_width: float) -> None:
        self.sizes = sizes
        self.rows: list[list[Chain]] = [[]]
        used = 0.0
        for chain in chains:
            width = _cell_width(chain, sizes)
            if self.rows[-1] and used + width > row_width:
                self.rows.append([])
                used = 0.0
            self.rows[-1].append(chain)
            used += width
        self.row_heights = [max(_stack_height(c, sizes) for c in row) for row in self.rows]
        self.width = max(sum(_cell_width(c, sizes) for c in row) for row in self.rows)
        self.height = sum(self.row_heights) + CELL_GAP[1] * len(self.rows)

    def place(self, centre: tuple[float, float]) -> Positions:
        positions: Positions = {}
        y = centre[1] - self.height / 2 + CELL_GAP[1] / 2
        for row, row_height in zip(self.rows, self.row_heights, strict=True):
            x = centre[0] - sum(_cell_width(c, self.sizes) for c in row) / 2
            for chain in row:
                middle, top = x + _cell_width(chain, self.sizes) / 2, y
                for node in chain:
                    height = self.sizes[node][1]
                    positions[node] = (round(middle, 1), round(top + height / 2, 1))
                    top += height + CHAIN_GAP
                x += _cell_width(chain, self.sizes)
            y += row_height + CELL_GAP[1]
        return positions


def _grid(chains: list[Chain], sizes: Sizes, aspect: float) -> _Grid:
    """Rows as wide as a block of the chains' area would be at `aspect` (width to height)."""
    area = sum(_cell_width(c, sizes) * (_stack_height(c, sizes) + CELL_GAP[1]) for c in chains)
    widest = max(_cell_width(c, sizes) for c in chains)
    return _Grid(chains, sizes, max(widest, math.sqrt(area * aspect)))


def _cell_width(chain: Chain, sizes: Sizes) -> float:
    return max(sizes[n][0] for n in chain) + CELL_GAP[0]


def _stack_height(chain: Chain, sizes: Sizes) -> float:
    return sum(sizes[n][1] for n in chain) + CHAIN_GAP * (len(chain) - 1)


def _chain_blocks(links: Iterable[tuple[str, str]]) -> dict[str, list[Chain]]:
    """Parents with more than WRAP_CHAINS children that each head a chain (every node on it
    with one parent and at most one child): those chains, in their order."""
    children: dict[str, list[str]] = defaultdict(list)
    parents: dict[str, int] = defaultdict(int)
    for parent, child in links:
        children[parent].append(child)
        parents[child] += 1

    def chain(head: str) -> Chain | None:
        nodes = [head]
        while True:
            if parents[nodes[-1]] != 1 or len(children.get(nodes[-1], ())) > 1:
                return None
            below = children.get(nodes[-1])
            if not below:
                return nodes
            if below[0] in nodes:
                return None  # a loop
            nodes.append(below[0])

    blocks: dict[str, list[Chain]] = {}
    for parent, kids in children.items():
        chains = [c for c in map(chain, kids) if c is not None]
        if len(chains) > WRAP_CHAINS:
            blocks[parent] = chains
    return blocks


def _inches(pixels: float) -> str:
    return f"{pixels / POINTS:.3f}"


def run_graphviz(graph: graphviz.Graph | graphviz.Digraph, engine: str) -> Positions:
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
