"""Render cypher/schema/ladybug.cypher from the models: the columns app/model/schema.py
derives and the labels each edge class may join.

Run `make schema` after changing a model; tests/store/test_schema.py fails while the checked-in
file differs from the render.
"""

from app.model.edges import ENDPOINTS
from app.model.schema import edge_columns, node_columns
from app.model.vocabulary import Label, RelType
from app.store.internal import INDEX_LABEL, META_LABEL
from app.store.statements import CYPHER_DIR

SCHEMA = CYPHER_DIR / "schema" / "ladybug.cypher"

HEADER = """\
// LadybugDB schema of the steering graph: one node table per label, one relationship table
// per type listing every FROM/TO pair its edge class allows (app/model/edges.py).
// Columns derived from the models by app/model/schema.py.
// Written by `make schema` (app/store/ladybug_schema.py): edit the models, not this file.
// `id` is the primary key; LadybugDB has no other constraints or indexes.
"""

SIDE_TABLES = f"""\
// When and from what the graph was loaded (key/value rows).
CREATE NODE TABLE IF NOT EXISTS {META_LABEL}(
    id STRING,
    value STRING,
    PRIMARY KEY (id)
);

// Every node's id and label: finding a node by id alone needs one primary-key lookup here
// instead of a scan of every table.
CREATE NODE TABLE IF NOT EXISTS {INDEX_LABEL}(
    id STRING,
    label STRING,
    PRIMARY KEY (id)
);
"""


def _table(kind: str, name: str, lines: list[str]) -> str:
    body = ",\n".join(f"    {line}" for line in lines)
    return f"CREATE {kind} TABLE IF NOT EXISTS {name}(\n{body}\n);\n"


def schema_text() -> str:
    parts = [HEADER]
    for label in Label:
        columns = [f"{c} {t}" for c, t in node_columns(label).items()]
        parts.append(_table("NODE", label.value, [*columns, "PRIMARY KEY (id)"]))
    parts.append(SIDE_TABLES)
    order = list(Label)
    for rel in RelType:
        starts, ends = ENDPOINTS[rel]
        pairs = [
            f"FROM {a.value} TO {b.value}"
            for a in sorted(starts, key=order.index)
            for b in sorted(ends, key=order.index)
        ]
        columns = [f"{c} {t}" for c, t in edge_columns(rel).items()]
        parts.append(_table("REL", rel.value, [*pairs, *columns]))
    return "\n".join(parts)


if __name__ == "__main__":
    SCHEMA.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA}")  # noqa: T201 - a developer's command
