"""Edge models: one class per relationship type, each with its qualifiers, its qualifier (the
field that tells two edges between the same ends apart) and the labels it may join. The
discriminated union AnyEdge is the list of types: EDGE_MODELS and ENDPOINTS are read from it."""

from typing import Annotated, ClassVar, Literal, get_args

from pydantic import Field, TypeAdapter, model_validator

from app.model.common import Provenance, Slug, Validity
from app.model.vocabulary import (
    ConcernsMode,
    ContactBasis,
    ContactChannel,
    CooperationMode,
    DerivesMode,
    Label,
    MemberRole,
    MembershipBasis,
    OrganiseRole,
    ParticipationRole,
    PartOfKind,
    PartyRole,
    ProduceMode,
    RelType,
    SteeringMode,
    SupportMode,
)

_ORG = frozenset({Label.ORGANIZATION})
_ANY = frozenset(Label) - {Label.SOURCE}


def _labels(*labels: Label) -> frozenset[Label]:
    return frozenset(labels)


EdgeId = Annotated[str, Field(pattern=r"^[a-z0-9]+([-.][a-z0-9]+)*$", max_length=300)]


class Edge(Validity, Provenance):
    """What every edge has. `id` defaults to a slug built from type, ends and qualifier."""

    rel: ClassVar[RelType]
    starts: ClassVar[frozenset[Label]]  # the labels an edge of this type may start at
    ends: ClassVar[frozenset[Label]]  # ... and end at
    qualifier_field: ClassVar[str | None] = None
    id: EdgeId = ""
    from_: Slug = Field(alias="from")
    to: Slug

    model_config = Provenance.model_config | {"populate_by_name": True}

    @model_validator(mode="after")
    def _default_id(self) -> "Edge":
        if not self.id:
            object.__setattr__(self, "id", self.derived_id())
        return self

    @property
    def qualifier(self) -> str | None:
        if self.qualifier_field is None:
            return None
        value = getattr(self, self.qualifier_field)
        return None if value is None else str(value)

    def derived_id(self) -> str:
        parts = [self.rel.value.lower().replace("_", "-"), self.from_, self.to]
        if self.qualifier:
            parts.append(self.qualifier.replace("_", "-"))
        return ".".join(parts)

    def references(self) -> dict[str, str]:
        """Node ids this edge names besides its ends, by field (checked to exist)."""
        return {}


class Steers(Edge):
    rel: ClassVar[RelType] = RelType.STEERS
    starts: ClassVar[frozenset[Label]] = _ORG
    ends: ClassVar[frozenset[Label]] = _labels(Label.ORGANIZATION, Label.PROJECT)
    qualifier_field: ClassVar[str | None] = "mode"
    type: Literal["STEERS"]
    mode: SteeringMode
    instruments: list[Slug] = Field(default=[], description="Documents steering works through.")
    joint: bool | None = None
    jointly_with: list[Slug] = Field(
        default=[], description="The partners the text names for joint steering."
    )
    level: str | None = None

    def references(self) -> dict[str, str]:
        refs = {f"instruments[{i}]": doc for i, doc in enumerate(self.instruments)}
        refs.update({f"jointly_with[{i}]": p for i, p in enumerate(self.jointly_with)})
        return refs


class MemberOf(Edge):
    rel: ClassVar[RelType] = RelType.MEMBER_OF
    starts: ClassVar[frozenset[Label]] = _labels(Label.PERSON, Label.POST, Label.ORGANIZATION)
    ends: ClassVar[frozenset[Label]] = _ORG
    qualifier_field: ClassVar[str | None] = "role"
    type: Literal["MEMBER_OF"]
    role: MemberRole
    basis: MembershipBasis | None = None
    designated_by: Slug | None = None
    appointed_by: Slug | None = None
    on_behalf_of: Slug | None = None
    via_post: Slug | None = None

    def references(self) -> dict[str, str]:
        fields = ("designated_by", "appointed_by", "on_behalf_of", "via_post")
        return {f: getattr(self, f) for f in fields if getattr(self, f)}


class Holds(Edge):
    rel: ClassVar[RelType] = RelType.HOLDS
    starts: ClassVar[frozenset[Label]] = _labels(Label.PERSON)
    ends: ClassVar[frozenset[Label]] = _labels(Label.POST)
    type: Literal["HOLDS"]
    title_as_given: str | None = None


class PostIn(Edge):
    rel: ClassVar[RelType] = RelType.POST_IN
    starts: ClassVar[frozenset[Label]] = _labels(Label.POST)
    ends: ClassVar[frozenset[Label]] = _ORG
    type: Literal["POST_IN"]


class PartOf(Edge):
    rel: ClassVar[RelType] = RelType.PART_OF
    starts: ClassVar[frozenset[Label]] = _labels(
        Label.ORGANIZATION, Label.PROJECT, Label.DOCUMENT, Label.EVENT, Label.GOAL
    )
    ends: ClassVar[frozenset[Label]] = _labels(
        Label.ORGANIZATION, Label.PROJECT, Label.DOCUMENT, Label.EVENT
    )
    qualifier_field: ClassVar[str | None] = "kind"
    type: Literal["PART_OF"]
    kind: PartOfKind
    ordinal: int | None = Field(default=None, ge=1)


class PreparesFor(Edge):
    rel: ClassVar[RelType] = RelType.PREPARES_FOR
    starts: ClassVar[frozenset[Label]] = _ORG
    ends: ClassVar[frozenset[Label]] = _labels(Label.ORGANIZATION, Label.POST)
    type: Literal["PREPARES_FOR"]
    scope: str | None = None


class Supports(Edge):
    rel: ClassVar[RelType] = RelType.SUPPORTS
    starts: ClassVar[frozenset[Label]] = _labels(Label.PERSON, Label.ORGANIZATION, Label.GOAL)
    ends: ClassVar[frozenset[Label]] = _labels(Label.ORGANIZATION, Label.POST, Label.GOAL)
    qualifier_field: ClassVar[str | None] = "mode"
    type: Literal["SUPPORTS"]
    mode: SupportMode


class CooperatesWith(Edge):
    rel: ClassVar[RelType] = RelType.COOPERATES_WITH
    starts: ClassVar[frozenset[Label]] = _labels(Label.ORGANIZATION, Label.POST)
    ends: ClassVar[frozenset[Label]] = _ORG
    qualifier_field: ClassVar[str | None] = "mode"
    type: Literal["COOPERATES_WITH"]
    mode: CooperationMode = CooperationMode.GENERAL


class Organises(Edge):
    rel: ClassVar[RelType] = RelType.ORGANISES
    starts: ClassVar[frozenset[Label]] = _labels(Label.ORGANIZATION, Label.PERSON)
    ends: ClassVar[frozenset[Label]] = _labels(Label.EVENT, Label.PROJECT, Label.ORGANIZATION)
    qualifier_field: ClassVar[str | None] = "role"
    type: Literal["ORGANISES"]
    role: OrganiseRole = OrganiseRole.ORGANISER


class ParticipatesIn(Edge):
    rel: ClassVar[RelType] = RelType.PARTICIPATES_IN
    starts: ClassVar[frozenset[Label]] = _labels(Label.PERSON, Label.POST, Label.ORGANIZATION)
    ends: ClassVar[frozenset[Label]] = _labels(Label.EVENT, Label.PROJECT, Label.ORGANIZATION)
    qualifier_field: ClassVar[str | None] = "role"
    type: Literal["PARTICIPATES_IN"]
    role: ParticipationRole = ParticipationRole.PARTICIPANT


class PartyTo(Edge):
    rel: ClassVar[RelType] = RelType.PARTY_TO
    starts: ClassVar[frozenset[Label]] = _ORG
    ends: ClassVar[frozenset[Label]] = _labels(Label.DOCUMENT)
    qualifier_field: ClassVar[str | None] = "role"
    type: Literal["PARTY_TO"]
    role: PartyRole
    per_member: bool | None = Field(
        default=None, description="Each member of a class node has its own document."
    )


class Produces(Edge):
    rel: ClassVar[RelType] = RelType.PRODUCES
    starts: ClassVar[frozenset[Label]] = _labels(Label.ORGANIZATION, Label.PROJECT)
    ends: ClassVar[frozenset[Label]] = _labels(Label.DOCUMENT, Label.GOAL)
    qualifier_field: ClassVar[str | None] = "mode"
    type: Literal["PRODUCES"]
    mode: ProduceMode


class HasGoal(Edge):
    rel: ClassVar[RelType] = RelType.HAS_GOAL
    starts: ClassVar[frozenset[Label]] = _labels(Label.ORGANIZATION, Label.PROJECT, Label.EVENT)
    ends: ClassVar[frozenset[Label]] = _labels(Label.GOAL)
    type: Literal["HAS_GOAL"]


class Concerns(Edge):
    rel: ClassVar[RelType] = RelType.CONCERNS
    starts: ClassVar[frozenset[Label]] = _labels(
        Label.ORGANIZATION, Label.PROJECT, Label.DOCUMENT, Label.EVENT
    )
    ends: ClassVar[frozenset[Label]] = _ANY
    qualifier_field: ClassVar[str | None] = "mode"
    type: Literal["CONCERNS"]
    mode: ConcernsMode = ConcernsMode.ABOUT
    scope: str | None = None


class DerivesFrom(Edge):
    rel: ClassVar[RelType] = RelType.DERIVES_FROM
    starts: ClassVar[frozenset[Label]] = _labels(Label.ORGANIZATION, Label.DOCUMENT, Label.GOAL)
    ends: ClassVar[frozenset[Label]] = _labels(
        Label.DOCUMENT, Label.GOAL, Label.PROJECT, Label.EVENT
    )
    qualifier_field: ClassVar[str | None] = "mode"
    type: Literal["DERIVES_FROM"]
    mode: DerivesMode


class ContactFor(Edge):
    rel: ClassVar[RelType] = RelType.CONTACT_FOR
    starts: ClassVar[frozenset[Label]] = _labels(Label.PERSON)
    ends: ClassVar[frozenset[Label]] = _ANY | {Label.SOURCE}
    qualifier_field: ClassVar[str | None] = "channel"
    type: Literal["CONTACT_FOR"]
    channel: ContactChannel
    basis: ContactBasis


AnyEdge = Annotated[
    Steers
    | MemberOf
    | Holds
    | PostIn
    | PartOf
    | PreparesFor
    | Supports
    | CooperatesWith
    | Organises
    | ParticipatesIn
    | PartyTo
    | Produces
    | HasGoal
    | Concerns
    | DerivesFrom
    | ContactFor,
    Field(discriminator="type"),
]

EDGE_MODELS: dict[RelType, type[Edge]] = {m.rel: m for m in get_args(get_args(AnyEdge)[0])}
ENDPOINTS: dict[RelType, tuple[frozenset[Label], frozenset[Label]]] = {
    rel: (model.starts, model.ends) for rel, model in EDGE_MODELS.items()
}

EDGE_ADAPTER: TypeAdapter[AnyEdge] = TypeAdapter(AnyEdge)
