"""YAML reading that remembers the line of every mapping and key, and refuses duplicate keys."""

from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode


class LineDict(dict[str, Any]):
    """A mapping from YAML with the 1-based line of itself and of each key."""

    line: int = 0
    lines: dict[str, int]


class DuplicateKeyError(yaml.MarkedYAMLError):
    pass


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node: MappingNode, deep: bool = False) -> LineDict:  # type: ignore[override]
        result = LineDict()
        result.line = node.start_mark.line + 1
        result.lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in result:
                raise DuplicateKeyError(
                    problem=f"duplicate key '{key}'", problem_mark=key_node.start_mark
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.lines[str(key)] = key_node.start_mark.line + 1
        return result


def _construct_map(loader: _LineLoader, node: MappingNode) -> LineDict:
    return loader.construct_mapping(node, deep=True)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)

# Dates stay text: the model parses partial dates itself, and '2021' must not become an int
# in one place and a date in another.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(path: Path) -> Any:
    """Parse one file; raises yaml.YAMLError (with a mark) on bad syntax or duplicate keys."""
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass


def line_of(entry: LineDict, loc: tuple[int | str, ...]) -> int:
    """The most precise line for a field path inside an entry."""
    line, current = entry.line, entry
    for part in loc:
        if isinstance(current, LineDict) and isinstance(part, str) and part in current:
            line, current = current.lines.get(part, line), current[part]
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
            line = current.line if isinstance(current, LineDict) else line
        else:
            break
    return line
