"""What the queries answer with: the shapes the API, the CLI and the notebooks share."""

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.model.common import Names
from app.model.nodes import Document, Event, Goal, Organization, Person, Post, Project, Source
from app.model.vocabulary import Country, Label, Status


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
