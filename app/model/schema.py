"""The stored layout, derived from the models: every label's and relationship type's columns
and their types, which both engines hold (scalars and lists of scalars).

A field becomes one column of its own name and type; a `Names` field one column per language
(`names` -> name_fi, name_sv, name_en); a nested model or a list of them one JSON text column
(`sources` -> citations). A few columns are no field: computed when a row is written
(app/graph/rows.py) for display, search and "as of" filters. The LadybugDB schema
(cypher/schema/ladybug.cypher, `make schema`) and the CSV columns are derived from these.
"""

import inspect
import types
from enum import Enum
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel
from pydantic.fields import FieldInfo

from app.model.common import Names, Strict, check_partial_date
from app.model.edges import EDGE_MODELS, Edge
from app.model.nodes import NODE_MODELS, Node
from app.model.vocabulary import Label, Lang, RelType

ColumnType = Literal["STRING", "STRING[]", "BOOLEAN", "INT64", "DATE"]
Columns = dict[str, ColumnType]

# Stored under another name than the field's.
_RENAMED = {"names": "name", "sources": "citations"}
# Not columns: an edge's ends are the relationship's own, its type is the table.
_NOT_STORED = {"from_", "to", "type"}
# Computed when a row is written, not held by the model: the display name in the entity's home
# language, the search tiers, and the days a partial date spans (a source is not dated, but
# walks filter every node on them, so its date columns exist and stay empty).
_DISPLAY: Columns = {"name": "STRING"}
_SEARCH: Columns = {"search_text": "STRING", "search_names": "STRING"}
_DAYS: Columns = {"valid_from_date": "DATE", "valid_to_date": "DATE"}
_FIRST = ("id", "kind", "name")  # a row reads identity first


def _unwrapped(annotation: Any) -> Any:
    """The type inside `X | None`."""
    if get_origin(annotation) in (Union, types.UnionType):
        (inner,) = [a for a in get_args(annotation) if a is not type(None)]
        return inner
    return annotation


def _is_scalar(kind: Any) -> bool:
    if get_origin(kind) is Annotated:  # a constrained str, e.g. Slug
        kind = get_args(kind)[0]
    return isinstance(kind, type) and issubclass(kind, str | Enum)


def field_columns(name: str, field: FieldInfo) -> Columns:
    """The columns one model field is stored in."""
    kind = _unwrapped(field.annotation)
    column = _RENAMED.get(name, name)
    if isinstance(kind, type) and issubclass(kind, Names):
        return {f"{column}_{lang}": "STRING" for lang in Lang}
    if kind is bool:
        return {column: "BOOLEAN"}
    if kind is int:
        return {column: "INT64"}
    if _is_scalar(kind):
        return {column: "STRING"}
    if get_origin(kind) is list and _is_scalar(get_args(kind)[0]):
        return {column: "STRING[]"}
    return {column: "STRING"}  # a nested model or a list of them: JSON text


def _is_json(field: FieldInfo) -> bool:
    kind = _unwrapped(field.annotation)
    if isinstance(kind, type) and issubclass(kind, Names):
        return False
    if get_origin(kind) is list:
        return not _is_scalar(get_args(kind)[0])
    return isinstance(kind, type) and issubclass(kind, BaseModel)


def _declared(model: type[BaseModel]) -> list[str]:
    """The model's fields, the ones its bases declare first (base by base), then its own."""
    owners = [c for c in reversed(model.__mro__) if issubclass(c, Strict) and c is not Strict]
    common = [o for o in owners if o not in (model, Node, Edge)]
    ordered = [o for o in (Node, Edge) if o in owners] + list(reversed(common)) + [model]
    names = [n for owner in ordered for n in _annotated(owner) if n in model.model_fields]
    return list(dict.fromkeys(names))


def _annotated(owner: type) -> list[str]:
    """The names a class itself annotates (not what it inherits)."""
    return list(inspect.get_annotations(owner))


def model_columns(model: type[BaseModel]) -> Columns:
    """The columns a model's fields are stored in, identity first (no computed ones)."""
    columns: Columns = {}
    for name in _declared(model):
        if name not in _NOT_STORED:
            columns.update(field_columns(name, model.model_fields[name]))
    return _identity_first(columns)


def _identity_first(columns: Columns) -> Columns:
    first = {c: columns[c] for c in _FIRST if c in columns}
    return first | {c: t for c, t in columns.items() if c not in first}


def _with_days(columns: Columns) -> Columns:
    """The day columns right after the partial dates they span (at the end if undated)."""
    if "valid_to" not in columns:
        return columns | _DAYS
    out: Columns = {}
    for column, kind in columns.items():
        out[column] = kind
        if column == "valid_to":
            out.update(_DAYS)
    return out


@cache
def node_columns(label: Label) -> Columns:
    own = model_columns(NODE_MODELS[label])
    return _with_days(_identity_first(_DISPLAY | own | _SEARCH))


@cache
def edge_columns(rel: RelType) -> Columns:
    return _with_days(model_columns(EDGE_MODELS[rel]))


@cache
def edge_own_columns(rel: RelType) -> Columns:
    """The columns of the type's qualifiers, beyond what every edge has."""
    model = EDGE_MODELS[rel]
    columns: Columns = {}
    for name in _annotated(model):
        if name in model.model_fields and name not in _NOT_STORED:
            columns.update(field_columns(name, model.model_fields[name]))
    return columns


def _all_models() -> list[type[BaseModel]]:
    return [*NODE_MODELS.values(), *EDGE_MODELS.values()]


@cache
def json_columns() -> frozenset[str]:
    """Columns holding a nested model, or a list of them, as JSON text."""
    return frozenset(
        column
        for model in _all_models()
        for name, field in model.model_fields.items()
        if _is_json(field)
        for column in field_columns(name, field)
    )


@cache
def column_types() -> Columns:
    """Every field column's type, whichever model has it (a name has one type everywhere)."""
    types: Columns = {}
    for model in _all_models():
        types.update(model_columns(model))
    return types


@cache
def partial_date_fields() -> frozenset[str]:
    """Fields holding a partial date (YYYY, YYYY-MM or YYYY-MM-DD), in any model."""
    return frozenset(
        name
        for model in _all_models()
        for name, field in model.model_fields.items()
        if any(_is_partial_date_check(m) for m in _metadata(field))
    )


def _metadata(field: FieldInfo) -> list[Any]:
    """A field's constraints, also where they sit inside `X | None`."""
    inner = _unwrapped(field.annotation)
    return [*field.metadata, *(get_args(inner)[1:] if get_origin(inner) is Annotated else ())]


def _is_partial_date_check(item: Any) -> bool:
    return isinstance(item, AfterValidator) and item.func is check_partial_date
