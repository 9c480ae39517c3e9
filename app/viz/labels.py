"""Node labels as the map draws them: names wrapped at word boundaries, and the size of the
box a label needs, so that the layout (app/viz/hierarchy.py) leaves room for every label.

The size is an upper estimate of what the browser measures: DejaVu Sans, the widest of the
common sans-serif faces, averages under 0.6 em a character; 0.62 keeps a margin."""

import math
import textwrap

FONT_SIZE = 14  # canvas pixels; the first zoom keeps it at 12 px or more on screen
LINE_HEIGHT = 1.25  # vis-network's line spacing, with a margin
CHAR_WIDTH = 0.62  # em per character, an upper estimate
WRAP_AT = 18  # characters per line
MAX_LINES = 4
PADDING = 12  # vis-network's box margin (5 px a side) and border, with a margin


def wrap(text: str, width: int = WRAP_AT, max_lines: int = MAX_LINES) -> str:
    """The name in lines of about `width` characters; a long name ends with an ellipsis
    (the tooltip and the details panel keep it whole)."""
    lines = textwrap.wrap(text, width=width, break_long_words=False) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1].rstrip(" ,.;:") + "…"
    return "\n".join(lines)


def box_size(label: str, font_size: int = FONT_SIZE) -> tuple[float, float]:
    """Width and height in canvas pixels of a shape that holds `label` inside."""
    lines = label.split("\n")
    width = max(len(line) for line in lines) * CHAR_WIDTH * font_size + PADDING
    height = len(lines) * LINE_HEIGHT * font_size + PADDING
    return math.ceil(width), math.ceil(height)
