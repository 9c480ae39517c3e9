"""The LadybugDB schema file matches what app/graph/rows.py writes and the vocabulary allows."""

import re

from app.model.edges import ENDPOINTS
from app.model.schema import edge_columns, node_columns
from app.model.vocabulary import Label, RelType
from app.store.internal import INDEX_LABEL, META_LABEL
from app.store.ladybug_schema import SCHEMA, schema_text
from app.store.statements import schema_statements

_TABLE = re.compile(r"CREATE (NODE|REL) TABLE IF NOT EXISTS (\w+)\((.*)\)", re.DOTALL)


def _tables() -> dict[str, tuple[str, list[str]]]:
    tables = {}
    for statement in schema_statements("ladybug"):
        match = _TABLE.fullmatch(statement)
        assert match, statement
        kind, name, body = match.groups()
        tables[name] = (kind, [line.strip().rstrip(",") for line in body.strip().splitlines()])
    return tables


def test_one_node_table_per_label_with_the_row_columns() -> None:
    tables = _tables()
    for label in Label:
        kind, lines = tables[label.value]
        assert kind == "NODE"
        columns = [line for line in lines if not line.startswith("PRIMARY KEY")]
        expected = [f"{name} {kind}" for name, kind in node_columns(label).items()]
        assert columns == expected, label
        assert "PRIMARY KEY (id)" in lines
    assert META_LABEL in tables


def test_one_rel_table_per_type_with_every_allowed_pair() -> None:
    tables = _tables()
    for rel in RelType:
        kind, lines = tables[rel.value]
        assert kind == "REL"
        pairs = {tuple(line.split()[1::2]) for line in lines if line.startswith("FROM ")}
        starts, ends = ENDPOINTS[rel]
        assert pairs == {(a.value, b.value) for a in starts for b in ends}, rel
        columns = [line for line in lines if not line.startswith("FROM ")]
        assert columns == [f"{name} {kind}" for name, kind in edge_columns(rel).items()], rel
    assert set(tables) == {*Label, *RelType, META_LABEL, INDEX_LABEL}


def test_the_checked_in_schema_is_the_render_of_the_models() -> None:
    # After changing a model: `make schema`.
    assert SCHEMA.read_text(encoding="utf-8") == schema_text()
