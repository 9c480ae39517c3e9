"""What the queries answer with: the shapes the API, the CLI and the notebooks share."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

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


UNDATED = (
    "True when neither valid_from nor valid_to is recorded: such a fact counts as valid on any "
    "as_of day only because nothing dates it, so do not read it as confirmed for that day."
)


class EntitySummary(BaseModel):
    """One line of a listing."""

    id: str
    type: Label
    kind: str
    name: str
    names: Names = Names()
    valid_from: str | None = None
    valid_to: str | None = None
    undated: bool = Field(default=False, description=UNDATED)
    is_class: bool = False
    country: Country | None = None
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
    """An entity as every answer names it, with its validity."""

    id: str
    type: Label
    kind: str
    name: str = Field(description="Display name in the asked language.")
    names: Names = Names()
    valid_from: str | None = Field(
        default=None, description="Since when it exists (year, month or day precision)."
    )
    valid_to: str | None = Field(default=None, description="Until when it existed; none: ongoing.")
    undated: bool = Field(
        default=False,
        description=UNDATED + " False when it has a date, or when the answer did not read its "
        "dates (then valid_from and valid_to are null too).",
    )


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
    date_text: str | None = Field(
        default=None, description="A date as the source words it, when it has no full date."
    )
    status: Status | None = None
    assertion: Assertion = Field(
        description="How the sources support it: stated, implied, inferred."
    )
    confidence: Confidence | None = None
    note: str | None = None
    sources: list[Citation]

    @computed_field(description=UNDATED)  # type: ignore[prop-decorator]
    @property
    def undated(self) -> bool:
        return self.valid_from is None and self.valid_to is None


class SubjectValidity(BaseModel):
    """Why an answer asked `as_of` a day is empty: the entity it is about did not exist that
    day. Its walk is not run at all: facts around an entity that did not exist are not its."""

    entity: str = Field(description="The id of the entity out of its validity on that day.")
    state: Literal["not_yet_valid", "ended"] = Field(
        description="not_yet_valid: the day is before valid_from (a partial date counts from "
        "its first day: 2019 from 2019-01-01); ended: the day is after valid_to (counted to its "
        "last day: 2019 to 2019-12-31)."
    )
    as_of: str = Field(description="The day asked (YYYY-MM-DD).")
    valid_from: str | None = Field(description="The entity's valid_from as recorded.")
    valid_to: str | None = Field(description="The entity's valid_to as recorded.")
    message: str = Field(description="The same in words.")


SUBJECT_VALIDITY = (
    "Set only when as_of is asked and falls outside the validity of the entity the answer is "
    "about: then the answer has no items and this says whether it did not exist yet or had "
    "ended. Null when no as_of is asked or the entity was valid that day."
)


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
    assertion: Assertion = Field(
        description="How well the link is supported: the strongest of path_assertions (a link "
        "is as well supported as its best chain)."
    )
    modes: list[SteeringMode] = Field(description="Modes of the STEERS edges on the chains.")
    paths: list[list[EdgeRef]] = Field(
        description="Each shortest chain, edges in order from the steering to the steered end."
    )
    path_assertions: list[Assertion] = Field(
        description="Parallel to paths: each chain's assertion, the weakest of its edges' "
        "(STEERS and PART_OF alike: steering inherited through an implied PART_OF is implied)."
    )


class SteeringAnswer(Page):
    subject: EntityRef
    subject_validity: SubjectValidity | None = Field(default=None, description=SUBJECT_VALIDITY)
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
    subject_validity: SubjectValidity | None = Field(default=None, description=SUBJECT_VALIDITY)
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
    subject_validity: SubjectValidity | None = Field(default=None, description=SUBJECT_VALIDITY)
    items: list[Membership]


class EntityList(Page):
    items: list[EntityRef]


class PreparationStep(BaseModel):
    entity: EntityRef
    depth: int
    assertion: Assertion = Field(
        description="How well the step is supported: over the shortest chains from the subject "
        "to it, the strongest chain's weakest edge."
    )
    edges: list[EdgeRef] = Field(description="PREPARES_FOR / SUPPORTS edges reaching it.")


class PreparationAnswer(Page):
    subject: EntityRef
    subject_validity: SubjectValidity | None = Field(default=None, description=SUBJECT_VALIDITY)
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
        "or in the kind's words (fi, sv, en); 1 a substring anywhere. Ties: a node of the kind "
        "the query names first, then current before retired, then shorter names."
    )
    status: Status | None = None
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
    subject_validity: SubjectValidity | None = Field(
        default=None, description=SUBJECT_VALIDITY + " (The entity is the center.)"
    )
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
    source_validity: SubjectValidity | None = Field(
        default=None,
        description=SUBJECT_VALIDITY.replace("the entity the answer is about", "the source"),
    )
    target_validity: SubjectValidity | None = Field(
        default=None,
        description=SUBJECT_VALIDITY.replace("the entity the answer is about", "the target"),
    )
    items: list[GraphPath]


class Change(BaseModel):
    change: Literal["began", "ended"]
    date: str = Field(description="The date as recorded (year, month or day precision).")
    entity: EntityRef | None = None
    edge: EdgeRef | None = None


class ChangesAnswer(Page):
    items: list[Change]
