"""Node labels as the map draws them: names wrapped at word boundaries, and the size of the
box a label needs, so that the layout (app/viz/layout.py) leaves room for every label.

Widths are DejaVu Sans's advance widths (what Debian's Chromium draws for vis-network's
"arial"); it is the widest of the common sans-serif faces, so other faces draw narrower."""

import math
import textwrap
import unicodedata

FONT_SIZE = 14  # canvas pixels; layout.py keeps the first zoom at 12 px or more on screen
MIN_SCREEN_FONT = 12  # pixels on screen at the first zoom
LINE_HEIGHT = 1.25  # vis-network's line spacing, with a margin
WRAP_AT = 18  # characters per line
MAX_LINES = 6  # a longer name ends with an ellipsis
PADDING = 14  # vis-network's box margin (5 px a side), a focus border (4), a margin

# DejaVu Sans advance widths in hundredths of an em, for the characters 32 (space) to 126 (~).
_ASCII_WIDTHS = (
    32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86,
    75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63,
    62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64,
    34, 64, 84,
)  # fmt: skip
_OTHER_WIDTH = 100  # a character outside the table (…, a letter of another script): 1 em


def char_width(char: str) -> float:
    """In em; an accented letter is as wide as its base letter (ä as a, Ö as O)."""
    base = unicodedata.normalize("NFD", char)[:1] or char
    code = ord(base)
    return (_ASCII_WIDTHS[code - 32] if 32 <= code <= 126 else _OTHER_WIDTH) / 100


def text_width(line: str, font_size: int = FONT_SIZE) -> float:
    return sum(char_width(c) for c in line) * font_size


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
    width = max(text_width(line, font_size) for line in lines) + PADDING
    height = len(lines) * LINE_HEIGHT * font_size + PADDING
    return math.ceil(width), math.ceil(height)
