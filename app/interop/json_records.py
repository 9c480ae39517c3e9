"""The records of a JSON file's top-level arrays with the line each starts on and its exact
text, so that problems name file:line and citations quote the file verbatim."""

import bisect
import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Record:
    line: int
    text: str  # the record exactly as the file has it
    data: Any


class JsonShapeError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


def top_level_records(text: str, keys: set[str]) -> dict[str, list[Record]]:
    """Records of the arrays under `keys` in a top-level object; raises json.JSONDecodeError
    (with its line) on bad JSON and JsonShapeError when the file is not such an object."""
    json.loads(text)  # the whole file must be JSON: the decoder names the line of a fault
    newlines = [i for i, c in enumerate(text) if c == "\n"]

    def line(pos: int) -> int:
        return bisect.bisect_right(newlines, pos - 1) + 1

    decoder = json.JSONDecoder()
    pos = _skip(text, 0)
    if text[pos : pos + 1] != "{":
        raise JsonShapeError(line(pos), "expected a JSON object with persons, organizations, …")
    found: dict[str, list[Record]] = {key: [] for key in keys}
    pos = _skip(text, pos + 1)
    while text[pos] != "}":
        key, pos = decoder.raw_decode(text, pos)
        pos = _skip(text, _skip(text, pos) + 1)  # past the colon
        if key in keys and text[pos] == "[":
            pos = _skip(text, pos + 1)
            while text[pos] != "]":
                value, end = decoder.raw_decode(text, pos)
                found[key].append(Record(line(pos), text[pos:end], value))
                pos = _skip(text, end)
                if text[pos] == ",":
                    pos = _skip(text, pos + 1)
            pos += 1
        else:
            _, pos = decoder.raw_decode(text, pos)
        pos = _skip(text, pos)
        if text[pos] == ",":
            pos = _skip(text, pos + 1)
    return found


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos
