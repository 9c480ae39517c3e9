"""The parameters of each question in the catalogue: validated once, shared by the API, the
CLI and the maps, and handed whole to the use case that answers it."""

import re
from datetime import date, datetime
from typing import Annotated, Protocol, Self

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from app.model.common import SLUG_PATTERN
from app.model.vocabulary import Label, Lang, RelType, SteeringMode, ViewName

SEARCH_WINDOW = 1000  # search.cypher's LIMIT
SEARCH_PAGE = 100  # the most hits on one page


def split_commas(value: object) -> object:
    """Lists may come as repeated parameters, comma-separated, or both."""
    items = value if isinstance(value, list) else [value] if isinstance(value, str) else value
    if not isinstance(items, list):
        return value
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def _iso_day(value: object) -> object:
    """A day is written YYYY-MM-DD and nothing else: pydantic alone would also take a number
    (seconds since 1970) or a midnight timestamp, which the schema does not promise."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    raise ValueError("expected a day as YYYY-MM-DD")


Day = Annotated[date, BeforeValidator(_iso_day)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=120, examples=["org-tem"])]
AsOf = Annotated[
    Day | None,
    Field(description="Only facts valid on this day (YYYY-MM-DD).", examples=["2022-01-01"]),
]
MAX_OFFSET = 1_000_000  # the deepest page start; the engine must never skip past the end


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    lang: Lang | None = Field(default=None, description="Language of display names.")


class Paged(Params):
    limit: int = Field(default=100, ge=1, le=1000)
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)


class SteeringParams(Paged):
    transitive: bool = Field(default=True, description="Follow chains; false keeps depth 1.")
    max_depth: int = Field(default=10, ge=1, le=30, description="Most STEERS hops on a chain.")
    mode: Annotated[list[SteeringMode], BeforeValidator(split_commas)] = Field(
        default_factory=list,
        description="Keep only these steering modes (every STEERS edge on a chain).",
        examples=[["administrative"]],
    )
    as_of: AsOf = None

    @property
    def depth(self) -> int:
        return self.max_depth if self.transitive else 1


class DatedPage(Paged):
    as_of: AsOf = None


class MembershipParams(DatedPage):
    pass


class PreparationParams(DatedPage):
    max_depth: int = Field(default=10, ge=1, le=30)


class NeighbourhoodParams(Params):
    depth: int = Field(default=1, ge=0, le=5, description="Hops from the entity.")
    types: Annotated[list[RelType], BeforeValidator(split_commas)] = Field(
        default_factory=list,
        description="Relationship types to follow (default: all).",
        examples=[["STEERS", "PART_OF"]],
    )
    limit: int = Field(default=200, ge=1, le=5000, description="Most nodes to return.")
    as_of: AsOf = None


class NeighbourhoodAsked(Protocol):
    """What a neighbourhood is asked with: the catalogue's parameters, or a map's (deeper)."""

    @property
    def depth(self) -> int: ...
    @property
    def types(self) -> list[RelType]: ...
    @property
    def limit(self) -> int: ...
    @property
    def as_of(self) -> date | None: ...
    @property
    def lang(self) -> Lang | None: ...


class PathsParams(Paged):
    source: Slug = Field(alias="from", description="Where the paths start.")
    target: Slug = Field(alias="to", description="Where the paths end.")
    types: Annotated[list[RelType], BeforeValidator(split_commas)] = Field(
        default_factory=list,
        description="Relationship types to follow, in either direction (default: all).",
        examples=[["STEERS", "MEMBER_OF", "HOLDS"]],
    )
    max_length: int = Field(default=6, ge=1, le=12, description="Most edges on a path.")
    as_of: AsOf = None


class InterlockParams(DatedPage):
    min_shared: int = Field(default=2, ge=1, le=1000, description="Shared members a pair needs.")


class SearchParams(Paged):
    q: str = Field(min_length=1, max_length=200, description="Text to find.", examples=["tem"])
    type: Label | None = Field(default=None, description="Only this label.")
    kind: str | None = Field(default=None, max_length=64, description="Only this kind.")
    as_of: AsOf = None
    # Pages reach the best SEARCH_WINDOW hits: bounds on each, so that the schema says so.
    limit: int = Field(default=20, ge=1, le=SEARCH_PAGE)
    offset: int = Field(default=0, ge=0, le=SEARCH_WINDOW - SEARCH_PAGE)


class ChangesParams(Paged):
    """The two days may come in either order: the answer covers the days between them."""

    first_day: Day = Field(alias="from", examples=["2021-01-01"])
    last_day: Day = Field(alias="to", examples=["2022-12-31"])

    @property
    def days(self) -> tuple[date, date]:
        return min(self.first_day, self.last_day), max(self.first_day, self.last_day)


class StatsParams(Params):
    as_of: AsOf = None


class EntitiesParams(Paged):
    type: Label | None = Field(default=None, description="Only this label.")
    kind: str | None = Field(default=None, max_length=64, description="Only this kind.")
    limit: int = Field(default=50, ge=1, le=1000)


class EntityParams(Params):
    pass


# --- The maps' views (app/viz/maps.py draws them; a saved map is checked by them) ---------
MAX_VIEW_NODES = 5000


class ViewParams(Params):
    as_of: AsOf = None
    since: Day | None = Field(
        default=None,
        description="Compare with this earlier day: the view at `as_of` (default: today) "
        "and the facts that held on `since`, each marked began, ended or unchanged.",
        examples=["2021-01-01"],
    )

    @model_validator(mode="after")
    def _since_before_the_day(self) -> Self:
        if self.since is not None and self.since >= (self.as_of or date.today()):
            raise ValueError("`since` must be a day before `as_of` (default: today)")
        return self


class DepthParams(ViewParams):
    depth: int = Field(default=2, ge=1, le=10, description="Hops (chain steps) to draw.")


class NeighbourhoodViewParams(DepthParams):
    types: Annotated[list[RelType], BeforeValidator(split_commas)] = Field(
        default_factory=list, description="Relationship types to follow (default: all)."
    )
    limit: int = Field(default=300, ge=1, le=MAX_VIEW_NODES, description="Most nodes to draw.")


class OrgChartViewParams(ViewParams):
    depth: int = Field(default=1, ge=1, le=10, description="Levels of units to draw.")
    limit: int = Field(default=300, ge=1, le=MAX_VIEW_NODES, description="Most nodes to draw.")


class SteeringViewParams(DepthParams):
    mode: Annotated[list[SteeringMode], BeforeValidator(split_commas)] = Field(
        default_factory=list, description="Keep only these steering modes."
    )


class PathViewParams(ViewParams):
    to: str = Field(pattern=SLUG_PATTERN, max_length=120, description="The other end of the paths.")
    max_length: int = Field(default=6, ge=1, le=12)


class GraphViewParams(ViewParams):
    type: Annotated[list[Label], BeforeValidator(split_commas)] = Field(
        default_factory=list, description="Node types to draw (default: all)."
    )
    kind: Annotated[list[str], BeforeValidator(split_commas)] = Field(
        default_factory=list, description="Node kinds to draw (default: all)."
    )
    rel: Annotated[list[RelType], BeforeValidator(split_commas)] = Field(
        default_factory=list, description="Relationship types to draw (default: all)."
    )
    mode: Annotated[list[SteeringMode], BeforeValidator(split_commas)] = Field(
        default_factory=list, description="Steering modes to draw (default: all)."
    )
    limit: int = Field(default=2000, ge=1, le=MAX_VIEW_NODES, description="Most nodes to draw.")


VIEW_PARAMS: dict[ViewName, type[ViewParams]] = {
    ViewName.NEIGHBOURHOOD: NeighbourhoodViewParams,
    ViewName.STEERED_BY: SteeringViewParams,
    ViewName.STEERS: SteeringViewParams,
    ViewName.MEMBERS: ViewParams,
    ViewName.PREPARATION_CHAIN: DepthParams,
    ViewName.PATHS: PathViewParams,
    ViewName.GRAPH: GraphViewParams,
    ViewName.ORG_CHART: OrgChartViewParams,
}
"""Each view's parameters, declared once: the API's query models, the CLI's and a saved
map's check are built from them."""
