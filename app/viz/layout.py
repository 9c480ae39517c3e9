"""Coordinates for views too large for the browser's physics to settle (engine notes: 1,000
nodes take a minute, 5,000 never settle): rings by distance from the focus. Breadth-first
discovery order keeps each node's children next to each other on the next ring, so branches
stay together. O(nodes + edges)."""

import math
from collections import defaultdict, deque

from app.viz.graph import ViewGraph

RING_GAP = 250.0
MIN_SPACING = 45.0  # arc length per node on a crowded ring


def radial_positions(view: ViewGraph) -> dict[str, tuple[float, float]]:
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
    positions: dict[str, tuple[float, float]] = {}
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
