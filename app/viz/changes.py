"""What changed between two days, on a map: the view on the later day together with what held
on the earlier one, each node and edge marked began, ended or unchanged, and drawn so."""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.viz.graph import ViewGraph


class Change(StrEnum):
    BEGAN = "began"
    ENDED = "ended"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ChangeStyle:
    colour: str
    border_width: int
    opacity: float


# Green for what is new, red for what is gone (faded), the view's own colours otherwise.
CHANGE_STYLES: dict[Change, ChangeStyle] = {
    Change.BEGAN: ChangeStyle("#1a9850", 5, 1.0),
    Change.ENDED: ChangeStyle("#d73027", 3, 0.45),
}


def compared(now: ViewGraph, then: ViewGraph) -> ViewGraph:
    """`now` with what only `then` held added back, and every node's and edge's change."""
    held = then.nodes.keys() | then.edges.keys()
    holds = now.nodes.keys() | now.edges.keys()
    for node_id, node in then.nodes.items():
        now.nodes.setdefault(node_id, node)
    for edge_id, edge in then.edges.items():
        now.edges.setdefault(edge_id, edge)
    for item_id in now.nodes.keys() | now.edges.keys():
        now.changes[item_id] = _change(item_id in held, item_id in holds)
    now.since = then.day
    return now


def _change(held_then: bool, holds_now: bool) -> Change:
    if held_then and holds_now:
        return Change.UNCHANGED
    return Change.ENDED if held_then else Change.BEGAN


def mark_changes(view: ViewGraph, nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    """Style the drawn items of a comparison: a green frame or line for what began, a red,
    faded one for what ended; what is unchanged keeps its own look."""
    for items, is_node in ((nodes, True), (edges, False)):
        for item in items:
            change = view.changes.get(item["id"])
            if change is None or change == Change.UNCHANGED:
                continue
            look = CHANGE_STYLES[Change(change)]
            if is_node:
                fill = (
                    item["color"] if isinstance(item["color"], str) else item["color"]["background"]
                )
                item["color"] = {"background": fill, "border": look.colour}
                item["borderWidth"] = look.border_width
                item["opacity"] = look.opacity
            else:
                item["color"] = {"color": look.colour, "opacity": look.opacity}
                item["width"] = float(item.get("width", 1.5)) + 1.5
