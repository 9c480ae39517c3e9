"""The legend of a map: one entry for every node style, edge style and line style (assertion)
the view draws, each with an inline SVG swatch drawn from the same tables as the map, so the
legend shows exactly the shapes, colours, widths and dashes on the page."""

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

from app.model.vocabulary import Assertion, Label, Lang, MemberRole, RelType
from app.viz.changes import CHANGE_STYLES
from app.viz.graph import ViewGraph
from app.viz.style import (
    ASSERTION_DASHES,
    KIND_STYLES,
    EdgeStyle,
    dashes,
    drawn_shape,
    edge_style,
    node_style,
)
from app.viz.words import kind_word, qualifier_word, say, term

LINE_COLOUR = "#444444"  # the assertion entries show the dash pattern alone


@dataclass(frozen=True)
class LegendItem:
    kind: str  # "node", "edge" or "line"
    text: str
    swatch: Markup
    shape: str = ""
    colour: str = ""
    width: float = 0
    dashes: str = ""  # SVG's stroke-dasharray ("" solid)


def legend(view: ViewGraph, lang: Lang) -> list[LegendItem]:
    return [*_nodes(view, lang), *_edges(view, lang), *_lines(view, lang), *_changes(view, lang)]


def _changes(view: ViewGraph, lang: Lang) -> list[LegendItem]:
    """A comparison's marks (app/viz/changes.py): the frame and line colour of what began or
    ended between the two days."""
    present = set(view.changes.values())
    return [
        LegendItem(
            "change",
            say(f"Change.{change.value}", lang),
            line_swatch(look.colour, 3, "", False),
            colour=look.colour,
            width=3,
        )
        for change, look in CHANGE_STYLES.items()
        if change.value in present
    ]


def _nodes(view: ViewGraph, lang: Lang) -> list[LegendItem]:
    seen: dict[str, tuple[str, str]] = {}
    for node in view.nodes.values():
        style = node_style(node.label, node.kind)
        styled_kind = node.label is Label.ORGANIZATION and node.kind in KIND_STYLES
        text = kind_word(node.label, node.kind, lang) if styled_kind else term(node.label, lang)
        seen.setdefault(text, (drawn_shape(style, view.hierarchical), style.colour))
    return [
        LegendItem("node", text, node_swatch(shape, colour), shape=shape, colour=colour)
        for text, (shape, colour) in sorted(seen.items())
    ]


def _edges(view: ViewGraph, lang: Lang) -> list[LegendItem]:
    seen: dict[str, EdgeStyle] = {}
    for edge in view.drawable_edges():
        text = term(edge.rel, lang)
        by_qualifier = edge.rel is RelType.STEERS or (
            edge.rel is RelType.MEMBER_OF and edge.qualifier == MemberRole.CHAIR
        )
        if by_qualifier and edge.qualifier:
            text += f": {qualifier_word(edge.rel, edge.qualifier, lang)}"
        seen.setdefault(text, edge_style(edge.rel, edge.qualifier))
    return [
        LegendItem(
            "edge",
            text,
            line_swatch(s.colour, s.width, "", bool(s.arrows)),
            colour=s.colour,
            width=s.width,
        )
        for text, s in sorted(seen.items())
    ]


def _lines(view: ViewGraph, lang: Lang) -> list[LegendItem]:
    present = {e.assertion for e in view.drawable_edges()}
    present |= {n.assertion for n in view.nodes.values() if n.assertion}
    items = []
    for assertion in Assertion:
        if assertion.value in present:
            pattern = dash_array(dashes(assertion))
            swatch = line_swatch(LINE_COLOUR, 2, pattern, False)
            items.append(LegendItem("line", term(assertion, lang), swatch, dashes=pattern))
    return items


def dash_array(pattern: bool | list[int]) -> str:
    """vis-network's dashes as SVG's stroke-dasharray ("" for a solid line)."""
    if pattern is True:
        pattern = ASSERTION_DASHES[Assertion.IMPLIED]
    return " ".join(str(n) for n in pattern) if isinstance(pattern, list) else ""


def _points(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _star(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    return [
        (
            cx + (outer if i % 2 == 0 else inner) * math.sin(i * math.pi / 5),
            cy - (outer if i % 2 == 0 else inner) * math.cos(i * math.pi / 5),
        )
        for i in range(10)
    ]


_HEXAGON = [
    (8 + 7 * math.cos(i * math.pi / 3), 8 + 7 * math.sin(i * math.pi / 3)) for i in range(6)
]
_SHAPES = {
    "dot": '<circle cx="8" cy="8" r="6.5" fill="{c}"/>',
    "square": '<rect x="2" y="2" width="12" height="12" fill="{c}"/>',
    "box": '<rect x="1" y="3" width="22" height="10" rx="2" fill="{c}" stroke="#555"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8" fill="{c}"/>',
    "triangle": '<polygon points="8,1.5 15,14 1,14" fill="{c}"/>',
    "triangleDown": '<polygon points="1,2 15,2 8,14.5" fill="{c}"/>',
    "star": f'<polygon points="{_points(_star(8, 8.5, 7.5, 3))}" fill="{{c}}"/>',
    "hexagon": f'<polygon points="{_points(_HEXAGON)}" fill="{{c}}"/>',
    "text": '<text x="1" y="12" font-size="11" font-weight="bold" fill="{c}">Aa</text>',
}


def node_swatch(shape: str, colour: str) -> Markup:
    width = 24 if shape == "box" else 16
    body = _SHAPES.get(shape, _SHAPES["dot"]).format(c=escape(colour))
    return Markup(  # noqa: S704 -- our own shapes; the colour is escaped
        f'<svg class="swatch" width="{width}" height="16" viewBox="0 0 {width} 16"'
        f' aria-hidden="true">{body}</svg>'
    )


def line_swatch(colour: str, width: float, pattern: str, arrow: bool) -> Markup:
    c = escape(colour)
    dash = f' stroke-dasharray="{escape(pattern)}"' if pattern else ""
    head = f'<polygon points="30,1 38,7 30,13" fill="{c}"/>' if arrow else ""
    end = 30 if arrow else 38
    return Markup(  # noqa: S704 -- our own drawing; colour and pattern are escaped
        f'<svg class="swatch" width="38" height="14" viewBox="0 0 38 14" aria-hidden="true">'
        f'<line x1="1" y1="7" x2="{end}" y2="7" stroke="{c}" stroke-width="{width}"{dash}/>'
        f"{head}</svg>"
    )
