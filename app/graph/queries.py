"""The query catalogue as use cases: each entry's parameters (validated once, shared by the
API and the CLI) and the function that answers it."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any, Protocol

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from app.config import Settings
from app.errors import OrgMapError
from app.graph import explore, groups, read, steering
from app.graph.read import SEARCH_PAGE, SEARCH_WINDOW
from app.graph.walk import Budget
from app.model.common import SLUG_PATTERN
from app.model.views import (
    ChangesAnswer,
    EntityList,
    EntityOut,
    EntityPage,
    GraphStats,
    InterlocksAnswer,
    MembersAnswer,
    MembershipsAnswer,
    Neighbourhood,
    PathsAnswer,
    PreparationAnswer,
    SearchAnswer,
    SteeringAnswer,
)
from app.model.vocabulary import Label, Lang, MemberRole, RelType, SteeringMode
from app.store.base import GraphStore


def _split_commas(value: object) -> object:
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
    mode: Annotated[list[SteeringMode], BeforeValidator(_split_commas)] = Field(
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
    types: Annotated[list[RelType], BeforeValidator(_split_commas)] = Field(
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


def neighbourhood_of(
    store: GraphStore, entity_id: str | None, asked: NeighbourhoodAsked, budget: Budget
) -> Neighbourhood:
    return explore.neighbourhood(
        store,
        entity_id or "",
        depth=asked.depth,
        types=asked.types or list(RelType),
        limit=asked.limit,
        as_of=asked.as_of,
        lang=asked.lang,
        budget=budget,
    )


class PathsParams(Paged):
    source: Slug = Field(alias="from", description="Where the paths start.")
    target: Slug = Field(alias="to", description="Where the paths end.")
    types: Annotated[list[RelType], BeforeValidator(_split_commas)] = Field(
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


def budget(settings: Settings) -> Budget:
    return Budget(settings.query_timeout_s, settings.max_rows_per_step)


Answer = Callable[[GraphStore, str | None, Any, Budget], BaseModel]


@dataclass(frozen=True)
class CatalogueEntry:
    """One question, declared once: the API, the CLI, the maps, the notebooks and the example
    generator all ask it through `ask`."""

    params: type[Params]
    response: Any  # the answer's model (or an annotated union of models)
    about: str
    answer: Answer
    example: tuple[str | None, dict[str, Any]]  # the request the OpenAPI example answers
    path: str = ""  # under /api/v1, for a question not about one entity
    names_entities: bool = False  # its parameters name entities by id: a miss is a 404

    @property
    def needs_id(self) -> bool:
        return not self.path


def _steering(way: steering.Way) -> Answer:
    def answer(store: GraphStore, entity_id: str | None, p: SteeringParams, b: Budget) -> Any:
        return steering.steering(
            store,
            entity_id or "",
            way,
            max_depth=p.depth,
            modes=p.mode,
            as_of=p.as_of,
            lang=p.lang,
            budget=b,
            limit=p.limit,
            offset=p.offset,
        )

    return answer


CATALOGUE: dict[str, CatalogueEntry] = {
    "entity": CatalogueEntry(
        EntityParams,
        EntityOut,
        "one entity: every property, names, validity, sources with quotes",
        lambda s, i, p, b: read.get_entity(s, i or "", p.lang),
        example=("grp-tem-virkamiesjohtoryhma", {"lang": "fi"}),
    ),
    "entities": CatalogueEntry(
        EntitiesParams,
        EntityPage,
        "a page of entities, by type and kind",
        lambda s, i, p, b: read.list_entities(s, p.type, p.kind, p.limit, p.offset, p.lang),
        example=(None, {"type": "Organization", "kind": "ministry"}),
        path="/entities",
    ),
    "steered-by": CatalogueEntry(
        SteeringParams,
        SteeringAnswer,
        "who steers the entity, directly and through chains and parent bodies",
        _steering("up"),
        example=("org-te-toimistot", {}),
    ),
    "steers": CatalogueEntry(
        SteeringParams,
        SteeringAnswer,
        "whom the entity steers, through chains, with subordinate units",
        _steering("down"),
        example=("grp-tem-ministerion-johtoryhma", {}),
    ),
    "members": CatalogueEntry(
        MembershipParams,
        MembersAnswer,
        "the seats and members of a body, with role, basis and the holders of each seat",
        lambda s, i, p, b: groups.members(
            s, i or "", as_of=p.as_of, lang=p.lang, budget=b, limit=p.limit, offset=p.offset
        ),
        example=("grp-tem-konsernin-johtoryhma", {}),
    ),
    "memberships": CatalogueEntry(
        MembershipParams,
        MembershipsAnswer,
        "where a person, post or organisation sits, also through posts",
        lambda s, i, p, b: groups.memberships(
            s, i or "", as_of=p.as_of, lang=p.lang, budget=b, limit=p.limit, offset=p.offset
        ),
        example=("per-petri-peltonen", {}),
    ),
    "chairs": CatalogueEntry(
        MembershipParams,
        MembershipsAnswer,
        "what a person or post chairs (for a person, also through the posts it holds)",
        lambda s, i, p, b: groups.memberships(
            s,
            i or "",
            roles=[MemberRole.CHAIR],
            as_of=p.as_of,
            lang=p.lang,
            budget=b,
            limit=p.limit,
            offset=p.offset,
        ),
        example=("post-tem-kansliapaallikko", {}),
    ),
    "unchaired": CatalogueEntry(
        DatedPage,
        EntityList,
        "bodies for which no chair is stated",
        lambda s, i, p, b: groups.unchaired_groups(
            s, as_of=p.as_of, lang=p.lang, limit=p.limit, offset=p.offset
        ),
        example=(None, {}),
        path="/groups/unchaired",
    ),
    "preparation-chain": CatalogueEntry(
        PreparationParams,
        PreparationAnswer,
        "upwards from a body: whom it prepares matters for or supports, and on up",
        lambda s, i, p, b: steering.preparation_chain(
            s,
            i or "",
            max_depth=p.max_depth,
            as_of=p.as_of,
            lang=p.lang,
            budget=b,
            limit=p.limit,
            offset=p.offset,
        ),
        example=("grp-tem-virkamiesjohtoryhma", {}),
    ),
    "neighbourhood": CatalogueEntry(
        NeighbourhoodParams,
        Neighbourhood,
        "the entities within k hops and the relationships among them (capped)",
        lambda s, i, p, b: neighbourhood_of(s, i, p, b),
        example=("grp-ohjauksen-valmisteluryhma", {"depth": 1}),
    ),
    "paths": CatalogueEntry(
        PathsParams,
        PathsAnswer,
        "the shortest paths between two entities",
        lambda s, i, p, b: explore.paths(
            s,
            p.source,
            p.target,
            types=p.types or list(RelType),
            max_length=p.max_length,
            as_of=p.as_of,
            lang=p.lang,
            budget=b,
            limit=p.limit,
            offset=p.offset,
        ),
        example=(
            None,
            {
                "from": "per-petri-peltonen",
                "to": "org-ely-keskukset",
                "types": "HOLDS,POST_IN,STEERS",
            },
        ),
        path="/paths",
        names_entities=True,
    ),
    "interlocks": CatalogueEntry(
        InterlockParams,
        InterlocksAnswer,
        "pairs of bodies sharing members, and the members in most bodies",
        lambda s, i, p, b: groups.interlocks(
            s,
            min_shared=p.min_shared,
            as_of=p.as_of,
            lang=p.lang,
            limit=p.limit,
            offset=p.offset,
        ),
        example=(None, {"min_shared": 2}),
        path="/interlocks",
    ),
    "search": CatalogueEntry(
        SearchParams,
        SearchAnswer,
        "entities by name in fi, sv or en or another spelling, ranked",
        lambda s, i, p, b: read.search(
            s,
            p.q,
            label=p.type,
            kind=p.kind,
            as_of=p.as_of,
            lang=p.lang,
            limit=p.limit,
            offset=p.offset,
        ),
        example=(None, {"q": "ledningsgrupp"}),
        path="/search",
    ),
    "changes": CatalogueEntry(
        ChangesParams,
        ChangesAnswer,
        "entities and relationships that began or ended between two days",
        lambda s, i, p, b: read.changes(s, *p.days, lang=p.lang, limit=p.limit, offset=p.offset),
        example=(None, {"from": "2022-01-01", "to": "2022-12-31"}),
        path="/changes",
    ),
    "stats": CatalogueEntry(
        StatsParams,
        GraphStats,
        "counts per label and kind, and per relationship type and qualifier",
        lambda s, i, p, b: read.graph_stats(s, p.as_of),
        example=(None, {}),
        path="/stats",
    ),
}


def ask(
    store: GraphStore,
    name: str,
    entity_id: str | None,
    params: Params | dict[str, Any],
    budget: Budget,
) -> BaseModel:
    """The answer to the question `name`: its parameters validated by its own model (when
    given as a mapping), its entity checked present where it is about one."""
    try:
        entry = CATALOGUE[name]
    except KeyError:
        raise OrgMapError(f"unknown query '{name}'; known: {', '.join(CATALOGUE)}") from None
    if entry.needs_id and not entity_id:
        raise OrgMapError(f"{name}: needs the id of the entity it is about")
    values = params if isinstance(params, Params) else entry.params.model_validate(params)
    return entry.answer(store, entity_id, values, budget)
