"""The columns of a CSV file, as filters over the stored columns (app/model/schema.py): what a
spreadsheet fills, with the one citation a row holds as two plain cells, `source` and `quote`.
"""

from app.model.edges import Edge
from app.model.nodes import NODE_MODELS, Node
from app.model.schema import (
    column_types,
    edge_own_columns,
    field_columns,
    json_columns,
    model_columns,
    partial_date_fields,
)
from app.model.vocabulary import Label, RelType

_CITATION = ["source", "quote"]
_ENDS = ["type", "from", "to"]
# Stored, yet no spreadsheet's to fill: imports set it on a node a file names but does not define.
_SET_BY_IMPORTS = {"placeholder"}


def _fillable(columns: list[str]) -> list[str]:
    return [c for c in columns if c not in json_columns() and c not in _SET_BY_IMPORTS]


NAME_COLUMNS = [c for f in ("names", "abbr") for c in field_columns(f, Node.model_fields[f])]
_NODE_MODELS = [m for m in NODE_MODELS.values() if issubclass(m, Node)]
# What every label's file has: the columns all node models share (each has its own `kind`).
NODE_COMMON_COLUMNS = [
    *(
        c
        for c in _fillable(list(model_columns(_NODE_MODELS[0])))
        if all(c in model_columns(m) for m in _NODE_MODELS)
    ),
    *_CITATION,
]
EDGE_COMMON_COLUMNS = [*_ENDS, *_fillable(list(model_columns(Edge))), *_CITATION]
EDGE_OWN_COLUMNS = sorted({c for rel in RelType for c in edge_own_columns(rel)})


def node_columns(label: Label) -> list[str]:
    own = _fillable(list(model_columns(NODE_MODELS[label])))
    return [*NODE_COMMON_COLUMNS, *(c for c in own if c not in NODE_COMMON_COLUMNS)]


def _typed(kind: str) -> frozenset[str]:
    return frozenset(c for c, t in column_types().items() if t == kind) - _SET_BY_IMPORTS


LIST_COLUMNS = _typed("STRING[]")
BOOL_COLUMNS = _typed("BOOLEAN")
INT_COLUMNS = _typed("INT64")
DATE_COLUMNS = partial_date_fields()


def _field_columns(label: Label, fields: tuple[str, ...]) -> list[str]:
    model = NODE_MODELS[label]
    return [c for f in fields for c in field_columns(f, model.model_fields[f])]


# Node.codes and Node.texts of each label, as CSV columns (search's name and text tiers).
CODE_COLUMNS = {m.label: _field_columns(m.label, m.code_fields) for m in _NODE_MODELS}
TEXT_COLUMNS = {m.label: _field_columns(m.label, m.text_fields) for m in _NODE_MODELS}
