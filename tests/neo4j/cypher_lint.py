"""Every Neo4j-side statement, ready for Neo4j's own linter (tools/cypher-lint)."""

import json
import subprocess
import tempfile
from dataclasses import dataclass
from typing import Any

from app.model.edges import ENDPOINTS
from app.model.schema import edge_columns, node_columns
from app.model.vocabulary import Label, RelType
from app.store import statements
from app.store.internal import ENTITY_LABEL, LOCK_LABEL, META_LABEL, SAVED_MAP_LABEL
from app.store.statements import CYPHER_DIR, declared_parameters, schema_statements, strip_comments

LINTER = CYPHER_DIR.parent / "tools" / "cypher-lint"

# A typed example of every parameter a statement declares, so that Neo4j's type checks run.
PARAM_SAMPLES: dict[str, Any] = {
    "id": "org-tem",
    "valid_lo": "2020-01-01",
    "valid_hi": "2020-12-31",
    "change": "began",
    "first_day": "2020-01-01",
    "last_day": "2020-12-31",
    "label": "Organization",
    "kind": "ministry",
    "kinds": ["management_group"],
    "word_kinds": ["management_group"],
    "today": "2024-01-01",
    "labels": ["Organization"],
    "min_shared": 1,
    "skip": 0,
    "limit": 20,
    "prefix": "org-",
    "q": "tem",
    "after": "",
    "ids": ["org-tem", "org-te-toimistot"],
    "elements": ["4:00000000-0000-0000-0000-000000000000:0"],
    "rows": [
        {"id": "x", "from": "a", "to": "b", "element": "e", "props": {"id": "x"}, "value": "v"}
    ],
}


@dataclass(frozen=True)
class Statement:
    where: str  # file:line of the statement's first line
    text: str
    declared: frozenset[str]


def _rendered(item: statements.Statement) -> str:
    """Slots filled with one value each: the linter checks every label and type regardless."""
    values: dict[str, Any] = {}
    if "label" in item.slots:
        values["label"] = Label.ORGANIZATION
    if "types" in item.slots:
        creates = "CREATE" in statements.strip_comments(item.text)  # a CREATE takes one type
        values["types"] = [RelType.STEERS] if creates else list(RelType)
    for end in ("start", "end"):
        if end in item.slots:
            values[end] = Label.ORGANIZATION
    return item.render(**values).text if item.slots else item.text


def neo4j_statements() -> list[Statement]:
    found = []
    for kind in ("queries", "load", "writes"):
        for path in sorted((CYPHER_DIR / kind).glob("*.cypher")):
            if path.name.count(".") > 1:  # name.<backend>.cypher: another engine's override
                continue
            text = statements.with_internal_names(path.read_text(encoding="utf-8"))
            item = statements.statement(path.stem, "neo4j", kind)
            first = next(
                i for i, line in enumerate(text.splitlines(), 1) if not line.startswith("//")
            )
            found.append(
                Statement(
                    f"{path.relative_to(CYPHER_DIR.parent)}:{first}",
                    _rendered(item),
                    declared_parameters(text),
                )
            )
    schema = CYPHER_DIR / "schema" / "neo4j.cypher"
    source = statements.with_internal_names(schema.read_text(encoding="utf-8"))
    for statement in schema_statements("neo4j"):
        offset = strip_comments(source).find(statement)
        line = strip_comments(source)[:offset].count("\n") + 1
        found.append(
            Statement(f"{schema.relative_to(CYPHER_DIR.parent)}:{line}", statement, frozenset())
        )
    return found


def db_schema() -> dict[str, Any]:
    """What the linter may assume exists: our vocabulary and stored columns, nothing else."""
    properties = {"id", "value"}  # OrgMapMeta, OrgMapSavedMap
    for label in Label:
        properties.update(node_columns(label))
    for rel in RelType:
        properties.update(edge_columns(rel))
    properties.update({"from", "to", "props"})  # keys of the load batches' row maps
    return {
        "labels": sorted(
            [
                *(label.value for label in Label),
                ENTITY_LABEL,
                META_LABEL,
                LOCK_LABEL,
                SAVED_MAP_LABEL,
            ]
        ),
        "relationshipTypes": sorted(rel.value for rel in RelType),
        "propertyKeys": sorted(properties),
        "graphSchema": [
            *(
                {"from": start.value, "to": end.value, "relType": rel.value}
                for rel, (starts, ends) in ENDPOINTS.items()
                for start in sorted(starts)
                for end in sorted(ends)
            ),
            # every node also carries the Entity label (the index behind a lookup by id alone)
            *({"from": ENTITY_LABEL, "to": ENTITY_LABEL, "relType": rel.value} for rel in RelType),
        ],
    }


def lint(statements: list[Statement]) -> dict[str, list[dict[str, Any]]]:
    """Diagnostics per statement (by `where`), from one run of Neo4j's linter."""
    payload = {
        "schema": db_schema(),
        "statements": [
            {
                "id": s.where,
                "text": s.text,
                "parameters": {p: PARAM_SAMPLES[p] for p in sorted(s.declared)},
            }
            for s in statements
        ],
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8") as handle:
        json.dump(payload, handle)
        handle.flush()
        done = subprocess.run(
            ["node", str(LINTER / "lint.mjs"), handle.name],
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
    if done.returncode != 0:
        raise RuntimeError(f"the Cypher linter failed: {done.stderr.strip()[-2000:]}")
    return {r["id"]: r["diagnostics"] for r in json.loads(done.stdout)}


def located(where: str, diagnostic: dict[str, Any]) -> str:
    """file:line: message, with the line inside the file (the statement starts at `where`)."""
    file, first = where.rsplit(":", 1)
    line = int(first) + diagnostic["line"] - 1
    kind = "error" if diagnostic["severity"] == 1 else "warning"
    return f"{file}:{line}:{diagnostic['column']}: {kind}: {diagnostic['message']}"
