"""Where the nodes of a large view that is not a hierarchy go, computed once on the server:
Graphviz's `neato` (stress majorisation) up to NEATO_UP_TO nodes, `sfdp` (multilevel force
placement) above, and rings by distance from the focus where Graphviz is missing. Its hubs (the
nodes with most relationships) get a font that stays legible at the first zoom, where the
others' labels are too small for vis-network to draw."""

import math
from collections import Counter, defaultdict, deque

import graphviz

from app.viz.graph import ViewGraph
from app.viz.labels import FONT_SIZE, MIN_SCREEN_FONT, box_size
from app.viz.layout import LayoutUnavailableError, Positions, fitted_scale, run_graphviz

NEATO_UP_TO = 400  # nodes; neato takes ~1 s at 400 and 2.4 s at 600 here, sfdp 0.4 s at 600
NODE_SPAN = 40.0  # pixels kept free around a node (vis-network's dots are 10 to 25 across)
HUBS = 15  # labelled at the first zoom, by relationships
HUB_DEGREE = 3  # the fewest relationships a hub has
HUB_SCREEN_FONT = MIN_SCREEN_FONT + 2  # pixels on screen: clear of vis-network's fading
HUB_FONT_LIMIT = 120  # canvas pixels: a hub label larger than this would cover the map


def overview_positions(view: ViewGraph) -> Positions:
    """A force-directed layout by Graphviz, or rings without it."""
    try:
        return graphviz_positions(view)
    except LayoutUnavailableError:
        return radial_positions(view)


def graphviz_positions(view: ViewGraph) -> Positions:
    engine = "neato" if len(view.nodes) <= NEATO_UP_TO else "sfdp"
    names = {node_id: f"n{index}" for index, node_id in enumerate(view.nodes)}
    graph = graphviz.Graph(
        engine=engine,
        graph_attr={"overlap": "prism" if engine == "sfdp" else "false", "splines": "false"},
        node_attr={"shape": "point", "width": f"{NODE_SPAN / 72:.3f}", "fixedsize": "true"},
    )
    for name in names.values():
        graph.node(name)
    pairs = {tuple(sorted((e.start, e.end))) for e in view.drawable_edges() if e.start != e.end}
    for start, end in sorted(pairs):
        graph.edge(names[start], names[end])
    placed = run_graphviz(graph, engine)
    return {node_id: placed[name] for node_id, name in names.items() if name in placed}


def hub_fonts(view: ViewGraph, positions: Positions, labels: dict[str, str]) -> dict[str, int]:
    """Font sizes (canvas pixels) for up to HUBS of the best-connected nodes, large enough to
    read at the zoom that fits the whole view; a hub whose label would cover a better
    connected one's is passed over."""
    degree = Counter(e.start for e in view.drawable_edges())
    degree.update(e.end for e in view.drawable_edges())
    spans = dict.fromkeys(positions, (NODE_SPAN, NODE_SPAN))
    size = min(
        HUB_FONT_LIMIT, max(FONT_SIZE, math.ceil(HUB_SCREEN_FONT / fitted_scale(positions, spans)))
    )
    boxes: dict[str, tuple[float, float, float, float]] = {}
    hubs = (n for n in degree if n in positions and degree[n] >= HUB_DEGREE)
    for node in sorted(hubs, key=lambda n: (-degree[n], n)):
        if len(boxes) >= HUBS:
            break
        width, height = box_size(labels.get(node, ""), size)
        x, y = positions[node][0], positions[node][1] + NODE_SPAN / 2 + height / 2  # under its dot
        box = (x - width / 2, y - height / 2, x + width / 2, y + height / 2)
        if not any(_cross(box, other) for other in boxes.values()):
            boxes[node] = box
    return dict.fromkeys(boxes, size)


def _cross(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


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
