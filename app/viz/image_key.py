"""The words around a picture (app/viz/image.py) as Graphviz HTML-like labels: the heading
(title, day shown, notice), the legend of the styles drawn (the page's colours) and the
sources cited. Data reaches a label only through `text`, escaped."""

import html
import re

from app.model.vocabulary import Label, RelType
from app.viz.graph import ViewGraph, ViewNode
from app.viz.style import KIND_STYLES, EdgeStyle, edge_style, node_style

SOURCES_PER_LINE = 4
# How the source supports a fact, drawn as the page draws it (style.py): stated solid,
# implied dashed, inferred dotted; on edges and on node borders alike.
LINES = {"stated": "solid", "implied": "dashed", "inferred": "dotted"}
STROKES = {"solid": "━━━━", "dashed": "━ ━ ━", "dotted": "· · · · ·"}
# Characters that are not text: SVG (XML) cannot hold them, and Graphviz may choke on them.
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def heading(view: ViewGraph) -> str:
    """Title, day and notice, flush left: the picture's label above everything."""
    day = view.day.isoformat() if view.day else "today"
    lines = [
        f'<FONT POINT-SIZE="20"><B>{text(view.title)}</B></FONT>',
        f"As of: {text(day)}",
        *([f"<I>{text(view.notice)}</I>"] if view.notice else []),
    ]
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{line}</TD></TR>' for line in lines)
    return f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">{cells}</TABLE>'


def legend(view: ViewGraph, shown: list[ViewNode]) -> str:
    """One row per node style and relationship colour drawn (grouped as the page's legend
    groups them), and one per line style, i.e. per assertion: a table of its own, so that
    no wider text stretches its first column."""
    fills: dict[str, str] = {}
    for node in shown:
        styled_kind = node.label is Label.ORGANIZATION and node.kind in KIND_STYLES
        words = f"{node.label.value}: {node.kind}" if styled_kind else node.label.value
        fills.setdefault(words, node_style(node.label, node.kind).colour)
    colours: dict[str, EdgeStyle] = {}
    assertions = {node.assertion for node in shown if node.assertion}
    names = {node.id for node in shown}
    for edge in view.drawable_edges():
        if edge.start in names and edge.end in names:
            words = f"STEERS: {edge.qualifier}" if edge.rel is RelType.STEERS else edge.rel.value
            colours.setdefault(words, edge_style(edge.rel, edge.qualifier))
            assertions.add(edge.assertion)
    rows = [
        f'<TD BGCOLOR="{colour}" WIDTH="30" HEIGHT="14"> </TD><TD ALIGN="LEFT">{text(words)}</TD>'
        for words, colour in sorted(fills.items())
    ]
    rows += [
        f'<TD><FONT COLOR="{look.colour}">{STROKES["solid"]}</FONT></TD>'
        f'<TD ALIGN="LEFT">{text(words)}</TD>'
        for words, look in sorted(colours.items())
    ]
    rows += [
        f'<TD>{STROKES[line]}</TD><TD ALIGN="LEFT">{assertion}</TD>'
        for assertion, line in LINES.items()
        if assertion in assertions
    ]
    return _table("Legend", rows, columns=2)


def sources(view: ViewGraph, shown: list[ViewNode]) -> str:
    """The doc ids of every source cited by a drawn node or relationship."""
    names = {node.id for node in shown}
    cited = {c.doc for node in shown for c in node.sources}
    for edge in view.drawable_edges():
        if edge.start in names and edge.end in names:
            cited |= {c.doc for c in edge.sources}
    ids = sorted(cited)
    lines = [", ".join(ids[i : i + SOURCES_PER_LINE]) for i in range(0, len(ids), SOURCES_PER_LINE)]
    return _table(
        "Sources cited", [f'<TD ALIGN="LEFT">{text(line)}</TD>' for line in lines or ["none"]]
    )


def _table(title: str, rows: list[str], columns: int = 1) -> str:
    head = f'<TR><TD ALIGN="LEFT" COLSPAN="{columns}"><B>{title}</B></TD></TR>'
    body = "".join(f"<TR>{row}</TR>" for row in rows)
    return f'<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{head}{body}</TABLE>'


def text(value: str) -> str:
    """Data as the text of an HTML-like label: escaped, lines as <BR/>, never empty. Graphviz
    expands escapes (\\N: the node's name) in a text with entities: a backslash becomes two
    as entities, which the expansion turns back into one."""
    lines = [html.escape(_NOT_TEXT.sub("", line), quote=True) for line in value.split("\n")]
    return "<BR/>".join(lines).replace("\\", "&#92;&#92;") or "&#160;"
