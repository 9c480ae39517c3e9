"""A saved map: a view (its name, entity and parameters) with what a reader made of it — the
positions after dragging, the hidden nodes, and an ordered list of annotations, each a caption
that highlights some nodes and edges — kept under a name beside the graph.

A map also keeps a fingerprint of every node and edge it showed when it was saved (a short
hash of the stored entity), so that a later read can say which have changed or gone since.
"""

import unicodedata
from datetime import datetime
from typing import Annotated, Any, get_args

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError
from pydantic_core.core_schema import ErrorType

from app.model.common import Slug
from app.model.edges import EdgeId
from app.model.params import MAX_VIEW_NODES, VIEW_PARAMS
from app.model.vocabulary import Lang, ViewName

MAX_NAME = 200
MAX_CAPTION = 2000
MAX_ANNOTATIONS = 200
MAX_EDGES = 4 * MAX_VIEW_NODES  # a drawn view holds at most a few edges per node
MAX_COORDINATE = 1e7
_SEPARATORS = {"\u2028", "\u2029"}  # line and paragraph separators, which no name holds


def _plain_name(value: str) -> str:
    text = value.strip()
    if not text:
        raise ValueError("a name cannot be blank")
    if any(unicodedata.category(c) == "Cc" or c in _SEPARATORS for c in text):
        raise ValueError("a name is one line of plain text: no control characters")
    return text


def _plain_caption(value: str) -> str:
    text = value.strip()
    if not text:
        raise ValueError("a caption cannot be blank")
    allowed = {"\n", "\t"}
    if any(unicodedata.category(c) == "Cc" and c not in allowed for c in text):
        raise ValueError("a caption is plain text: no control characters but newlines and tabs")
    return text


MapName = Annotated[
    str,
    Field(min_length=1, max_length=MAX_NAME, examples=["Who steers the ELY centres"]),
    AfterValidator(_plain_name),
]
Caption = Annotated[
    str, Field(min_length=1, max_length=MAX_CAPTION), AfterValidator(_plain_caption)
]
Coordinate = Annotated[float, Field(ge=-MAX_COORDINATE, le=MAX_COORDINATE, allow_inf_nan=False)]
Fingerprint = Annotated[str, Field(pattern=r"^[0-9a-f]{16}$")]


class MapAnnotation(BaseModel):
    """One step of the map's story: a caption, and the nodes and edges it highlights."""

    model_config = ConfigDict(extra="forbid")

    caption: Caption
    nodes: list[Slug] = Field(default_factory=list, max_length=MAX_VIEW_NODES)
    edges: list[EdgeId] = Field(default_factory=list, max_length=MAX_EDGES)


class SavedMapIn(BaseModel):
    """What a client sends to save a map, or to replace one. `params` are the view's own
    parameters (those /api/v1/views/{view} takes, but the entity), checked by that view's
    parameter model: a saved map always reopens. Every node and edge named must be on the map."""

    model_config = ConfigDict(extra="forbid")

    name: MapName
    view: ViewName
    entity: Slug | None = Field(default=None, description="The entity the view is about.")
    params: dict[str, Any] = Field(
        default_factory=dict,
        description='The view\'s parameters, e.g. {"depth": 2, "as_of": "2022-01-01"}.',
        examples=[{"depth": 2}],
    )
    positions: dict[Slug, tuple[Coordinate, Coordinate]] = Field(
        default_factory=dict,
        max_length=MAX_VIEW_NODES,
        description="Node positions after dragging, as [x, y].",
    )
    hidden: list[Slug] = Field(
        default_factory=list, max_length=MAX_VIEW_NODES, description="Nodes left out."
    )
    annotations: list[MapAnnotation] = Field(default_factory=list, max_length=MAX_ANNOTATIONS)

    @model_validator(mode="wrap")
    @classmethod
    def _params_fit_the_view(
        cls, data: Any, handler: ModelWrapValidatorHandler["SavedMapIn"]
    ) -> "SavedMapIn":
        """The view's parameters checked by the view's own model, their problems reported
        together with every other field's; stored in the model's form, defaults left out."""
        if not isinstance(data, dict):
            return handler(data)
        errors: list[InitErrorDetails] = []
        saved: SavedMapIn | None = None
        try:
            saved = handler(data)
        except ValidationError as exc:
            errors += [_detail(e, ()) for e in exc.errors()]
        view, params = data.get("view"), data.get("params", {})
        checked: BaseModel | None = None
        if isinstance(view, str) and view in set(ViewName) and isinstance(params, dict):
            try:
                checked = VIEW_PARAMS[ViewName(view)].model_validate(params)
            except ValidationError as exc:
                errors += [_detail(e, ("params",)) for e in exc.errors()]
        if errors or saved is None or checked is None:
            raise ValidationError.from_exception_data(cls.__name__, errors)
        saved.params = checked.model_dump(mode="json", exclude_defaults=True)
        return saved

    def lang(self) -> Lang:
        """The language the map is drawn in (its view's `lang`, Finnish by default)."""
        return Lang(self.params.get("lang", Lang.FI))

    def node_ids(self) -> set[str]:
        """Every node the map names: placed, hidden or highlighted."""
        named = set(self.positions) | set(self.hidden)
        return named.union(*(a.nodes for a in self.annotations))

    def edge_ids(self) -> set[str]:
        return set().union(*(a.edges for a in self.annotations))


def _detail(error: Any, prefix: tuple[str, ...]) -> InitErrorDetails:
    """A validation error again, under `prefix` (errors of types pydantic does not know are
    carried with their message)."""
    kind: Any = error["type"]
    if kind not in _KNOWN_TYPES:
        kind = PydanticCustomError(kind, "{message}", {"message": error["msg"]})
    detail: InitErrorDetails = {
        "type": kind,
        "loc": (*prefix, *error["loc"]),
        "input": error.get("input"),
    }
    if "ctx" in error and not isinstance(kind, PydanticCustomError):
        detail["ctx"] = error["ctx"]
    return detail


_KNOWN_TYPES = frozenset(get_args(ErrorType))


class Fingerprints(BaseModel):
    """A short hash of every node and edge on the map when it was saved."""

    model_config = ConfigDict(extra="forbid")

    nodes: dict[Slug, Fingerprint] = Field(default_factory=dict)
    edges: dict[EdgeId, Fingerprint] = Field(default_factory=dict)


class SavedMap(SavedMapIn):
    """A saved map as stored (app/graph/saved_maps.py): its id is made by the server."""

    id: Slug
    created: AwareDatetime
    updated: AwareDatetime
    fingerprints: Fingerprints = Field(default_factory=Fingerprints)


class SavedMapRead(SavedMap):
    """A saved map as read back: `changed` names the nodes and edges that have changed or
    gone since it was saved, `removed` those of them no longer in the graph."""

    changed: list[str] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)


class SavedMapSummary(BaseModel):
    id: Slug
    name: str
    view: ViewName
    entity: Slug | None
    updated: datetime
    annotations: int = Field(description="How many annotations the map holds.")


class SavedMapList(BaseModel):
    items: list[SavedMapSummary]
    total: int
