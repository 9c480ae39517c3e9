"""What the queries answer with: the shapes the API, the CLI and the notebooks share."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.model.common import Citation, Names
from app.model.nodes import Document, Event, Goal, Organization, Person, Post, Project, Source
from app.model.vocabulary import (
    Assertion,
    Confidence,
    Country,
    Label,
    MemberRole,
    MembershipBasis,
    RelType,
    Status,
    SteeringMode,
)


class _Shown(BaseModel):
    name: str = Field(description="Display name in the asked language (see README: languages).")


class OrganizationOut(Organization, _Shown):
    type: Literal["Organization"] = "Organization"


class PersonOut(Person):
    type: Literal["Person"] = "Person"


class PostOut(Post, _Shown):
    type: Literal["Post"] = "Post"


class ProjectOut(Project, _Shown):
    type: Literal["Project"] = "Project"


class DocumentOut(Document, _Shown):
    type: Literal["Document"] = "Document"


class EventOut(Event, _Shown):
    type: Literal["Event"] = "Event"


class GoalOut(Goal, _Shown):
    type: Literal["Goal"] = "Goal"


class SourceOut(Source, _Shown):
    type: Literal["Source"] = "Source"


EntityOut = Annotated[
    OrganizationOut
    | PersonOut
    | PostOut
    | ProjectOut
    | DocumentOut
    | EventOut
    | GoalOut
    | SourceOut,
    Field(discriminator="type"),
]
OUT_MODELS: dict[Label, type[BaseModel]] = {
    Label.ORGANIZATION: OrganizationOut,
    Label.PERSON: PersonOut,
    Label.POST: PostOut,
    Label.PROJECT: ProjectOut,
    Label.DOCUMENT: DocumentOut,
    Label.EVENT: EventOut,
    Label.GOAL: GoalOut,
    Label.SOURCE: SourceOut,
}


class EntitySummary(BaseModel):
    """One line of a listing."""

    id: str
    type: Label
    kind: str
    name: str
    names: Names = Names()
    is_class: bool = False
    country: Country | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    status: Status | None = None


class EntityPage(BaseModel):
    items: list[EntitySummary]
    total: int
    limit: int
    offset: int


class GraphStats(BaseModel):
    nodes: dict[str, int] = Field(description="Nodes per label.")
    node_kinds: dict[str, dict[str, int]] = Field(description="Nodes per label and kind.")
    edges: dict[str, int] = Field(description="Relationships per type.")
    edge_qualifiers: dict[str, dict[str, int]] = Field(
        description="Relationships per type and qualifier (mode, role, kind or channel)."
    )
    total_nodes: int
    total_edges: int


class GraphMeta(BaseModel):
    loaded_at: str | None = None
    origin: str | None = None
    revision: str = ""  # counts the writes; "" before the first (or in a graph loaded before)


# --- the query catalogue's answers -------------------------------------------------------------


class EntityRef(BaseModel):
    """An entity as every answer names it."""

    id: str
    type: Label
    kind: str
    name: str = Field(description="Display name in the asked language.")
    names: Names = Names()


class EdgeRef(BaseModel):
    """A relationship as every answer shows it: its ends, qualifiers, validity and evidence."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    id: str
    type: RelType
    from_: str = Field(alias="from")
    to: str
    qualifier: str | None = Field(
        default=None, description="The type's qualifier: mode, role, kind or channel."
    )
    attributes: dict[str, str | int | bool | list[str]] = Field(
        default_factory=dict, description="The type's own fields (mode, role, basis, …)."
    )
    valid_from: str | None = None
    valid_to: str | None = None
    date_text: str | None = None
    status: Status | None = None
    assertion: Assertion
    confidence: Confidence | None = None
    note: str | None = None
    sources: list[Citation]


class Page(BaseModel):
    total: int
    limit: int
    offset: int


class SteeringLink(BaseModel):
    entity: EntityRef = Field(description="The steering (steered-by) or steered (steers) entity.")
    depth: int = Field(description="STEERS hops on the shortest chain; PART_OF hops add none.")
    inherited: bool = Field(
        description="Every shortest chain passes through PART_OF: steering of a parent body "
        "reaching a subordinate unit."
    )
    modes: list[SteeringMode] = Field(description="Modes of the STEERS edges on the chains.")
    paths: list[list[EdgeRef]] = Field(
        description="Each shortest chain, edges in order from the steering to the steered end."
    )


class SteeringAnswer(Page):
    subject: EntityRef
    items: list[SteeringLink]


class Holder(BaseModel):
    person: EntityRef
    edge: EdgeRef


class Member(BaseModel):
    member: EntityRef
    role: MemberRole
    basis: MembershipBasis | None = None
    designated_by: EntityRef | None = None
    appointed_by: EntityRef | None = None
    on_behalf_of: EntityRef | None = None
    via_post: EntityRef | None = None
    edge: EdgeRef
    holders: list[Holder] = Field(
        default_factory=list, description="For a seat (post): the persons known to hold it."
    )


class MembersAnswer(Page):
    subject: EntityRef
    chair_stated: bool
    items: list[Member]


class Membership(BaseModel):
    group: EntityRef
    role: MemberRole
    basis: MembershipBasis | None = None
    through: EntityRef | None = Field(
        default=None, description="The post the membership is held through, if any."
    )
    edges: list[EdgeRef] = Field(description="The evidence: HOLDS / POST_IN and MEMBER_OF edges.")


class MembershipsAnswer(Page):
    subject: EntityRef
    items: list[Membership]


class EntityList(Page):
    items: list[EntityRef]


class PreparationStep(BaseModel):
    entity: EntityRef
    depth: int
    edges: list[EdgeRef] = Field(description="PREPARES_FOR / SUPPORTS edges reaching it.")


class PreparationAnswer(Page):
    subject: EntityRef
    items: list[PreparationStep]


class Interlock(BaseModel):
    groups: list[EntityRef]
    shared: list[EntityRef]
    count: int


class BusyMember(BaseModel):
    member: EntityRef
    groups: list[EntityRef]
    count: int


class InterlocksAnswer(Page):
    items: list[Interlock]
    busiest: list[BusyMember] = Field(description="Members sitting in the most groups.")


class SearchHit(EntityRef):
    score: int = Field(
        description="How the query was found, ignoring case, accents and punctuation. Names are "
        "names, abbreviations, other spellings, codes, case numbers, identifiers and the id: "
        "6 an exact name, 5 a name's beginning, 4 a whole word in a name, 3 a word's beginning "
        "in a name; 2 a word or a word's beginning in the gloss, purpose, text, theme or note, "
        "or in the kind's words (fi, sv, en); 1 a substring anywhere. Ties: current before "
        "retired, then shorter names."
    )
    status: Status | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    retired: bool = Field(
        default=False,
        description="Ended, replaced or removed, or valid only until a day before the one asked "
        "(as_of, else today): ranked after current entities with the same score.",
    )


class SearchAnswer(Page):
    query: str
    items: list[SearchHit]


class Neighbourhood(BaseModel):
    center: EntityRef
    depth: int
    nodes: list[EntityRef]
    edges: list[EdgeRef]
    truncated: bool = Field(description="True when the node limit cut the neighbourhood short.")


class GraphPath(BaseModel):
    length: int
    nodes: list[EntityRef]
    edges: list[EdgeRef]


class PathsAnswer(Page):
    source: EntityRef
    target: EntityRef
    items: list[GraphPath]


class Change(BaseModel):
    change: Literal["began", "ended"]
    date: str = Field(description="The date as recorded (year, month or day precision).")
    entity: EntityRef | None = None
    edge: EdgeRef | None = None


class ChangesAnswer(Page):
    items: list[Change]
