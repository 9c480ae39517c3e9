"""The named Cypher statements in cypher/, loaded by name and cached: the store's business.

A use case asks a store for a statement by name (GraphStore.run); the adapter picks the text of
its own dialect. Shared files are Neo4j Cypher; `<name>.ladybug.cypher` beside one overrides it
for LadybugDB.
LadybugDB reads a missing parameter as NULL without complaint, so every call is checked here
against the parameters the statement text uses.

Labels and relationship types cannot be parameters, and LadybugDB uses its primary-key index
only when a pattern names the node's label. So a statement may hold vocabulary slots,
`{{label}}`, `{{types}}`, `{{start}}` and `{{end}}` (the labels at a relationship's two ends),
filled by `render` with values of the vocabulary (Label, RelType) and nothing else: never with
text from a request.

The store's own labels (app/store/internal.py) are written `{{meta_label}}`, `{{lock_label}}`,
`{{index_label}}`, `{{entity_label}}`, `{{saved_map_label}}` and `{{internal_labels}}` (a list
of the meta and index labels, the tables in LadybugDB's graph file that a scan over every node
must skip): filled as a file is read, so that their names are spelled in one place.

Queries live in cypher/queries/, the statements that write a graph in cypher/load/, and the
small writes of the store's own records beside the graph (saved maps) in cypher/writes/.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import app
from app.errors import QueryError
from app.model.vocabulary import Label, RelType
from app.store.internal import (
    ENTITY_LABEL,
    INDEX_LABEL,
    LOCK_LABEL,
    META_LABEL,
    SAVED_MAP_LABEL,
)

CYPHER_DIR = Path(app.__file__).resolve().parent.parent / "cypher"

_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_SLOT = re.compile(r"\{\{(\w+)\}\}")


_INTERNAL = {
    "meta_label": META_LABEL,
    "lock_label": LOCK_LABEL,
    "index_label": INDEX_LABEL,
    "entity_label": ENTITY_LABEL,
    "saved_map_label": SAVED_MAP_LABEL,
    "internal_labels": f"['{META_LABEL}', '{INDEX_LABEL}']",
}


def with_internal_names(text: str) -> str:
    """A Cypher file's text with the store's own labels filled in."""
    return _SLOT.sub(lambda m: _INTERNAL.get(m.group(1), m.group(0)), text)


def strip_comments(text: str) -> str:
    return _COMMENT.sub("", text)


def parameters_of(text: str) -> frozenset[str]:
    code = _STRING.sub("''", strip_comments(text))
    return frozenset(_PARAM.findall(code))


_DECLARED = re.compile(r"Params:([^\n]*)")


def declared_parameters(text: str) -> frozenset[str]:
    """The parameters a file's header declares (`// Params: $a, $b ...`)."""
    names: set[str] = set()
    for line in _DECLARED.findall(text):
        names.update(_PARAM.findall(line))
    return frozenset(names)


def slots_of(text: str) -> frozenset[str]:
    return frozenset(_SLOT.findall(strip_comments(text)))


@dataclass(frozen=True)
class Statement:
    name: str
    text: str
    params: frozenset[str]
    slots: frozenset[str] = frozenset()

    def render(
        self,
        label: Label | None = None,
        types: Sequence[RelType] = (),
        start: Label | None = None,
        end: Label | None = None,
    ) -> "Statement":
        """Fill the vocabulary slots; the result has none left."""
        return _render(self, label, tuple(types), start, end)

    def bind(self, values: dict[str, Any]) -> dict[str, Any]:
        if self.slots:
            raise QueryError(f"query '{self.name}' must be rendered first: {sorted(self.slots)}")
        missing = sorted(self.params - values.keys())
        extra = sorted(values.keys() - self.params)
        if missing or extra:
            parts = [
                f"missing {', '.join(missing)}" if missing else "",
                f"unexpected {', '.join(extra)}" if extra else "",
            ]
            raise QueryError(f"query '{self.name}': {'; '.join(p for p in parts if p)}")
        return values


@cache
def _render(
    statement: "Statement",
    label: Label | None,
    types: tuple[RelType, ...],
    start: Label | None,
    end: Label | None,
) -> Statement:
    values: dict[str, str] = {}
    for slot, given in (("label", label), ("start", start), ("end", end)):
        if given is not None:
            values[slot] = Label(given).value  # Label(...) refuses anything not in the vocabulary
    if types:
        values["types"] = "|".join(RelType(t).value for t in types)
    if set(values) != statement.slots:
        raise QueryError(
            f"query '{statement.name}' has slots {sorted(statement.slots)}, given {sorted(values)}"
        )
    text = _SLOT.sub(lambda m: values[m.group(1)], statement.text)
    return Statement(statement.name, text, statement.params)


def statement_names(kind: str = "queries") -> list[str]:
    names = {p.name.split(".")[0] for p in (CYPHER_DIR / kind).glob("*.cypher")}
    return sorted(names)


@cache
def statement(name: str, backend: str, kind: str = "queries") -> Statement:
    """The statement `name` for `backend`: its override when there is one, else the shared file.
    `kind` is the folder: "queries" (reads), "load" (a graph's load) or "writes" (the store's
    own records beside the graph)."""
    folder = CYPHER_DIR / kind
    for path in (folder / f"{name}.{backend}.cypher", folder / f"{name}.cypher"):
        if path.is_file():
            text = with_internal_names(path.read_text(encoding="utf-8"))
            return Statement(name, text, parameters_of(text), slots_of(text))
    raise QueryError(f"unknown query '{name}'; known: {', '.join(statement_names(kind))}")


@cache
def schema_statements(backend: str) -> tuple[str, ...]:
    source = (CYPHER_DIR / "schema" / f"{backend}.cypher").read_text("utf-8")
    text = strip_comments(with_internal_names(source))
    return tuple(s.strip() for s in text.split(";") if s.strip())


def rendered(
    name: str,
    backend: str,
    label: Label | None = None,
    types: Sequence[RelType] = (),
    start: Label | None = None,
    end: Label | None = None,
) -> Statement:
    """The read statement `name` in `backend`'s dialect, its vocabulary slots filled."""
    return statement(name, backend).render(label, types, start, end)
