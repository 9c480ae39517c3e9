"""Many leaves under one parent (a ministry's 67 agencies) sit in rows under it (layout.py);
drawn one line each, their relationships cross every label on the way. A picture draws such
relationships as one line to a frame around the leaves instead, one line per look (type,
qualifier, assertion, direction) that every leaf has; any other relationship stays its own."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from app.viz.graph import ViewEdge

BUNDLE_OVER = 8  # more leaves than this under one parent: layout.py wraps them into rows


@dataclass(frozen=True)
class Bundle:
    parent: str
    leaves: tuple[str, ...]
    edges: tuple[ViewEdge, ...]  # one per leaf, all of one look
    from_parent: bool  # the relationships start at the parent (else they end there)


def leaf_bundles(edges: list[ViewEdge], links: Iterable[tuple[str, str]]) -> list[Bundle]:
    """The bundles among `edges`, given the hierarchy's (parent, child) `links`."""
    neighbours: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        neighbours[edge.start].add(edge.end)
        neighbours[edge.end].add(edge.start)
    leaves: dict[str, list[str]] = defaultdict(list)
    for parent, child in links:
        if neighbours[child] == {parent}:  # a leaf: tied to its parent only
            leaves[parent].append(child)
    bundles = []
    for parent, kids in leaves.items():
        if len(kids) > BUNDLE_OVER:
            bundles += _by_look(parent, kids, edges)
    return bundles


def _by_look(parent: str, kids: list[str], edges: list[ViewEdge]) -> list[Bundle]:
    wanted = set(kids)
    looks: dict[tuple[object, ...], dict[str, ViewEdge]] = defaultdict(dict)
    for edge in edges:
        from_parent = edge.start == parent
        leaf = edge.end if from_parent else edge.start
        if parent in (edge.start, edge.end) and leaf in wanted:
            key = (edge.rel, edge.qualifier, edge.assertion, from_parent)
            looks[key].setdefault(leaf, edge)
    return [
        Bundle(parent, tuple(kids), tuple(by_leaf[k] for k in kids), bool(key[3]))
        for key, by_leaf in looks.items()
        if by_leaf.keys() == wanted
    ]
