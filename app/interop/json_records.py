"""The records of a JSON file's top-level arrays with the line each starts on and its exact
text, so that problems name file:line and citations quote the file verbatim."""

import bisect
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Deeper than any real record (Popolo's are about six levels), and shallow enough that the
# recursive readers that follow (the json module, the schema check) stay far from Python's
# recursion limit.
MAX_DEPTH = 40
_QUOTE_ESCAPE_OR_BRACKET = re.compile(r'\\.|["\[\]{}]', re.DOTALL)


@dataclass(frozen=True)
class Record:
    line: int
    text: str  # the record exactly as the file has it
    data: Any


class JsonShapeError(ValueError):
    """What keeps a file, or one of its top-level values, from being read, with its line."""

    def __init__(self, line: int, message: str, field: str = "(json)") -> None:
        super().__init__(message)
        self.line = line
        self.field = field


@dataclass
class TopLevel:
    """The records of each array asked for, and the keys asked for that hold no array."""

    records: dict[str, list[Record]]
    not_arrays: list[JsonShapeError] = field(default_factory=list)


def json_kind(value: object) -> str:
    """What a JSON value is, for messages: "a string", "an object", …"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def top_level_records(raw: bytes, keys: set[str]) -> TopLevel:
    """Records of the arrays under `keys` in a top-level object. Raises JsonShapeError (with
    its line) when the file is not UTF-8, not JSON, nested too deep or not such an object."""
    text = _utf8(raw)
    line = _line_finder(text)
    _check_json(text, line)
    decoder = json.JSONDecoder()
    pos = _skip(text, 0)
    if text[pos : pos + 1] != "{":
        raise JsonShapeError(line(pos), "expected a JSON object with persons, organizations, …")
    top = TopLevel({key: [] for key in keys})
    pos = _skip(text, pos + 1)
    while text[pos] != "}":
        key, pos = decoder.raw_decode(text, pos)
        pos = _skip(text, _skip(text, pos) + 1)  # past the colon
        if key in keys and text[pos] == "[":
            pos = _skip(text, pos + 1)
            while text[pos] != "]":
                value, end = decoder.raw_decode(text, pos)
                top.records[key].append(Record(line(pos), text[pos:end], value))
                pos = _skip(text, end)
                if text[pos] == ",":
                    pos = _skip(text, pos + 1)
            pos += 1
        else:
            value, end = decoder.raw_decode(text, pos)
            if key in keys:
                message = f"expected an array, not {json_kind(value)}"
                top.not_arrays.append(JsonShapeError(line(pos), message, key))
            pos = end
        pos = _skip(text, pos)
        if text[pos] == ",":
            pos = _skip(text, pos + 1)
    return top


def _utf8(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        column = len(raw[line_start : exc.start].decode("utf-8")) + 1  # valid up to the bad byte
        line = raw.count(b"\n", 0, exc.start) + 1
        message = f"not UTF-8: byte 0x{raw[exc.start]:02x} at column {column}"
        raise JsonShapeError(line, message, "(encoding)") from None


def _check_json(text: str, line: Callable[[int], int]) -> None:
    """The whole file must be JSON (the decoder names the line of a fault), nested no deeper
    than MAX_DEPTH (checked first: the decoder recurses, and 100,000 levels overflow it)."""
    too_deep = _first_too_deep(text)
    if too_deep is not None:
        raise JsonShapeError(line(too_deep), f"nested deeper than {MAX_DEPTH} levels")
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonShapeError(exc.lineno, f"column {exc.colno}: {exc.msg}") from None
    except ValueError:  # the only other: an integer longer than Python converts
        limit = sys.get_int_max_str_digits()
        long_number = re.search(rf"[0-9]{{{limit + 1},}}", text)
        at = line(long_number.start()) if long_number else 1
        raise JsonShapeError(at, f"a number with more than {limit} digits") from None


def _first_too_deep(text: str) -> int | None:
    """The position of the first bracket more than MAX_DEPTH levels deep, strings skipped.
    One pass over quotes, escapes and brackets: linear even on a broken file."""
    depth, in_string = 0, False
    for token in _QUOTE_ESCAPE_OR_BRACKET.finditer(text):
        char = token.group()
        if char == '"':
            in_string = not in_string
        elif in_string or char.startswith("\\"):
            continue
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return token.start()
        else:
            depth -= 1
    return None


def _line_finder(text: str) -> Callable[[int], int]:
    newlines = [i for i, c in enumerate(text) if c == "\n"]

    def line(pos: int) -> int:
        return bisect.bisect_right(newlines, pos - 1) + 1

    return line


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos
