"""The catalogue of questions: each entry declares its parameters, its answer, its path and
its example once, and `ask` answers it for the API, the CLI, the maps, the notebooks and the
example generator."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from app.config import Settings
from app.errors import OrgMapError
from app.graph import explore, groups, read, steering
from app.graph.one_graph import from_one_graph
from app.graph.walk import Budget
from app.model.answers import (
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
from app.model.params import (
    ChangesParams,
    DatedPage,
    EntitiesParams,
    EntityParams,
    InterlockParams,
    MembershipParams,
    NeighbourhoodParams,
    Params,
    PathsParams,
    PreparationParams,
    SearchParams,
    StatsParams,
    SteeringParams,
)
from app.model.vocabulary import MemberRole
from app.store.base import GraphStore


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


CATALOGUE: dict[str, CatalogueEntry] = {
    "entity": CatalogueEntry(
        EntityParams,
        EntityOut,
        "one entity: every property, names, validity, sources with quotes",
        lambda s, i, p, b: read.get_entity(s, i or "", p),
        example=("grp-tem-virkamiesjohtoryhma", {"lang": "fi"}),
    ),
    "entities": CatalogueEntry(
        EntitiesParams,
        EntityPage,
        "a page of entities, by type and kind",
        lambda s, i, p, b: read.list_entities(s, p),
        example=(None, {"type": "Organization", "kind": "ministry"}),
        path="/entities",
    ),
    "steered-by": CatalogueEntry(
        SteeringParams,
        SteeringAnswer,
        "who steers the entity, directly and through chains and parent bodies",
        lambda s, i, p, b: steering.steering(s, i or "", "up", p, b),
        example=("org-te-toimistot", {}),
    ),
    "steers": CatalogueEntry(
        SteeringParams,
        SteeringAnswer,
        "whom the entity steers, through chains, with subordinate units",
        lambda s, i, p, b: steering.steering(s, i or "", "down", p, b),
        example=("grp-tem-ministerion-johtoryhma", {}),
    ),
    "members": CatalogueEntry(
        MembershipParams,
        MembersAnswer,
        "the seats and members of a body, with role, basis and the holders of each seat",
        lambda s, i, p, b: groups.members(s, i or "", p, b),
        example=("grp-tem-konsernin-johtoryhma", {}),
    ),
    "memberships": CatalogueEntry(
        MembershipParams,
        MembershipsAnswer,
        "where a person, post or organisation sits, also through posts",
        lambda s, i, p, b: groups.memberships(s, i or "", p, b),
        example=("per-petri-peltonen", {}),
    ),
    "chairs": CatalogueEntry(
        MembershipParams,
        MembershipsAnswer,
        "what a person or post chairs (for a person, also through the posts it holds)",
        lambda s, i, p, b: groups.memberships(s, i or "", p, b, roles=[MemberRole.CHAIR]),
        example=("post-tem-kansliapaallikko", {}),
    ),
    "unchaired": CatalogueEntry(
        DatedPage,
        EntityList,
        "bodies for which no chair is stated",
        lambda s, i, p, b: groups.unchaired_groups(s, p),
        example=(None, {}),
        path="/groups/unchaired",
    ),
    "preparation-chain": CatalogueEntry(
        PreparationParams,
        PreparationAnswer,
        "upwards from a body: whom it prepares matters for or supports, and on up",
        lambda s, i, p, b: steering.preparation_chain(s, i or "", p, b),
        example=("grp-tem-virkamiesjohtoryhma", {}),
    ),
    "neighbourhood": CatalogueEntry(
        NeighbourhoodParams,
        Neighbourhood,
        "the entities within k hops and the relationships among them (capped)",
        lambda s, i, p, b: explore.neighbourhood(s, i or "", p, b),
        example=("grp-ohjauksen-valmisteluryhma", {"depth": 1}),
    ),
    "paths": CatalogueEntry(
        PathsParams,
        PathsAnswer,
        "the shortest paths between two entities",
        lambda s, i, p, b: explore.paths(s, p, b),
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
        lambda s, i, p, b: groups.interlocks(s, p),
        example=(None, {"min_shared": 2}),
        path="/interlocks",
    ),
    "search": CatalogueEntry(
        SearchParams,
        SearchAnswer,
        "entities by name in fi, sv or en or another spelling, ranked",
        lambda s, i, p, b: read.search(s, p),
        example=(None, {"q": "ledningsgrupp"}),
        path="/search",
    ),
    "changes": CatalogueEntry(
        ChangesParams,
        ChangesAnswer,
        "entities and relationships that began or ended between two days",
        lambda s, i, p, b: read.changes(s, p),
        example=(None, {"from": "2022-01-01", "to": "2022-12-31"}),
        path="/changes",
    ),
    "stats": CatalogueEntry(
        StatsParams,
        GraphStats,
        "counts per label and kind, and per relationship type and qualifier",
        lambda s, i, p, b: read.graph_stats(s, p),
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
    given as a mapping), its entity checked present where it is about one; made from one graph
    (app/graph/one_graph.py), even while a load swaps another in."""
    try:
        entry = CATALOGUE[name]
    except KeyError:
        raise OrgMapError(f"unknown query '{name}'; known: {', '.join(CATALOGUE)}") from None
    if entry.needs_id and not entity_id:
        raise OrgMapError(f"{name}: needs the id of the entity it is about")
    values = params if isinstance(params, Params) else entry.params.model_validate(params)
    return from_one_graph(store, lambda: entry.answer(store, entity_id, values, budget))
