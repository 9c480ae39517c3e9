"""The named Cypher statements in cypher/, loaded by name and cached.

Shared files are Neo4j Cypher; `<name>.ladybug.cypher` beside one overrides it for LadybugDB.
LadybugDB reads a missing parameter as NULL without complaint, so every call is checked here
against the parameters the statement text uses.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import app
from app.errors import QueryError

CYPHER_DIR = Path(app.__file__).resolve().parent.parent / "cypher"

_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def strip_comments(text: str) -> str:
    return _COMMENT.sub("", text)


def parameters_of(text: str) -> frozenset[str]:
    code = _STRING.sub("''", strip_comments(text))
    return frozenset(_PARAM.findall(code))


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    params: frozenset[str]

    def bind(self, values: dict[str, Any]) -> dict[str, Any]:
        missing = sorted(self.params - values.keys())
        extra = sorted(values.keys() - self.params)
        if missing or extra:
            parts = [
                f"missing {', '.join(missing)}" if missing else "",
                f"unexpected {', '.join(extra)}" if extra else "",
            ]
            raise QueryError(f"query '{self.name}': {'; '.join(p for p in parts if p)}")
        return values


def query_names() -> list[str]:
    names = {p.name.split(".")[0] for p in (CYPHER_DIR / "queries").glob("*.cypher")}
    return sorted(names)


@cache
def query(name: str, backend: str) -> Query:
    folder = CYPHER_DIR / "queries"
    for path in (folder / f"{name}.{backend}.cypher", folder / f"{name}.cypher"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            return Query(name, text, parameters_of(text))
    raise QueryError(f"unknown query '{name}'; known: {', '.join(query_names())}")


@cache
def schema_statements(backend: str) -> tuple[str, ...]:
    text = strip_comments((CYPHER_DIR / "schema" / f"{backend}.cypher").read_text("utf-8"))
    return tuple(s.strip() for s in text.split(";") if s.strip())
