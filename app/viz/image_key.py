"""The words around a picture (app/viz/image.py) as Graphviz HTML-like labels, in the view's
language: the heading (title, day shown, notice), the page's own legend (app/viz/legend.py:
the same entries, colours and dashes) and the sources cited. Data reaches a label only
through `text`, escaped."""

import html
import re
from dataclasses import replace

from app.model.vocabulary import Lang
from app.viz.graph import ViewGraph, ViewNode
from app.viz.legend import LegendItem, legend
from app.viz.words import say

SOURCES_PER_LINE = 4
STROKES = {"solid": "━━━━", "dashed": "━ ━ ━", "dotted": "· · · · ·"}
# Characters that are not text: SVG (XML) cannot hold them, and Graphviz may choke on them.
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def line_style(pattern: bool | list[int] | str) -> str:
    """A dash pattern (style.py's, or SVG's "8 5") as one of Graphviz's three line styles: a
    short first dash reads as dots."""
    numbers = pattern.split() if isinstance(pattern, str) else pattern
    if not numbers:
        return "solid"
    first = float(numbers[0]) if isinstance(numbers, list) else 8.0
    return "dotted" if first <= 2 else "dashed"


def heading(view: ViewGraph, lang: Lang) -> str:
    """Title, day and notice, flush left; the day on a line of its own unless the title
    already says it (the maps' titles do: app/viz/maps.py)."""
    day = say("day_shown", lang, day=view.day.isoformat()) if view.day else say("day_today", lang)
    lines = [
        f'<FONT POINT-SIZE="20"><B>{text(view.title)}</B></FONT>',
        *([text(day)] if day not in view.title else []),
        *([f"<I>{text(view.notice)}</I>"] if view.notice else []),
    ]
    cells = "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{line}</TD></TR>' for line in lines)
    return f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">{cells}</TABLE>'


def legend_key(view: ViewGraph, lang: Lang) -> str:
    """The page's legend as a table of its own (so that no wider text stretches its first
    column), of what is drawn: a saved map's hidden nodes and their relationships left out."""
    drawn = replace(view, nodes={k: v for k, v in view.nodes.items() if k not in view.hidden})
    rows = [_row(item) for item in legend(drawn, lang)]
    return _table(say("legend", lang), rows, columns=2)


def _row(item: LegendItem) -> str:
    if item.kind == "node":
        symbol = f'<TD BGCOLOR="{item.colour}" WIDTH="30" HEIGHT="14"> </TD>'
    elif item.kind in ("edge", "change"):
        symbol = f'<TD><FONT COLOR="{item.colour}">{STROKES["solid"]}</FONT></TD>'
    else:
        symbol = f"<TD>{STROKES[line_style(item.dashes)]}</TD>"
    return f'{symbol}<TD ALIGN="LEFT">{text(item.text)}</TD>'


def sources_key(view: ViewGraph, shown: list[ViewNode], lang: Lang) -> str:
    """The doc ids of every source cited by a drawn node or relationship."""
    names = {node.id for node in shown}
    cited = {c.doc for node in shown for c in node.sources}
    for edge in view.drawable_edges():
        if edge.start in names and edge.end in names:
            cited |= {c.doc for c in edge.sources}
    ids = sorted(cited)
    lines = [", ".join(ids[i : i + SOURCES_PER_LINE]) for i in range(0, len(ids), SOURCES_PER_LINE)]
    rows = [f'<TD ALIGN="LEFT">{text(line)}</TD>' for line in lines or [say("no_sources", lang)]]
    return _table(say("sources_cited", lang), rows)


def _table(title: str, rows: list[str], columns: int = 1) -> str:
    head = f'<TR><TD ALIGN="LEFT" COLSPAN="{columns}"><B>{text(title)}</B></TD></TR>'
    body = "".join(f"<TR>{row}</TR>" for row in rows)
    return f'<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="2">{head}{body}</TABLE>'


def text(value: str) -> str:
    """Data as the text of an HTML-like label: escaped, lines as <BR/>, never empty. Graphviz
    expands escapes (\\N: the node's name) in a text with entities: a backslash becomes two
    as entities, which the expansion turns back into one."""
    lines = [html.escape(_NOT_TEXT.sub("", line), quote=True) for line in value.split("\n")]
    return "<BR/>".join(lines).replace("\\", "&#92;&#92;") or "&#160;"
