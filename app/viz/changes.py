"""What changed between two days, on a map: the view on the later day together with what held
on the earlier one, each node and edge marked began, ended or unchanged, and drawn so."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from app.model.common import first_day, last_day
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
    """`now` with what only `then` held added back, and every node's and edge's change: by
    its own dates, not by whether the view reached it (an old body reached through a new
    project has not begun)."""
    for node_id, node in then.nodes.items():
        now.nodes.setdefault(node_id, node)
    for edge_id, edge in then.edges.items():
        now.edges.setdefault(edge_id, edge)
    since, day = then.day, now.day
    assert since is not None and day is not None  # a comparison is between two days
    for node in now.nodes.values():
        now.changes[node.id] = _change(node.valid_from, node.valid_to, since, day)
    for edge in now.edges.values():
        # An undated relationship holds while both its ends do: it began or ended with them.
        ends = {now.changes.get(edge.start), now.changes.get(edge.end)}
        own = _change(edge.valid_from, edge.valid_to, since, day)
        inherited = next((c for c in (Change.ENDED, Change.BEGAN) if c in ends), own)
        now.changes[edge.id] = own if own != Change.UNCHANGED else inherited
    now.since = since
    return now


def _change(valid_from: str | None, valid_to: str | None, since: date, day: date) -> Change:
    if valid_to is not None and since <= last_day(valid_to) < day:
        return Change.ENDED
    if valid_from is not None and since < first_day(valid_from) <= day:
        return Change.BEGAN
    return Change.UNCHANGED


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
                item["color"] = {**item["color"], "border": look.colour}
                item["borderWidth"] = look.border_width
                item["opacity"] = look.opacity
                # A glow in the change's colour reads on every shape (a triangle has no frame).
                item["shadow"] = {"enabled": True, "color": look.colour, "size": 14, "x": 0, "y": 0}
            else:
                item["color"] = {"color": look.colour, "opacity": look.opacity}
                item["width"] = float(item.get("width", 1.5)) + 1.5
