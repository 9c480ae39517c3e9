"""Node models: one class per label."""

from typing import Annotated, ClassVar, Self

from pydantic import Field, model_validator

from app.model.common import (
    Citation,
    Identifier,
    Link,
    Names,
    PartialDate,
    Provenance,
    Slug,
    Strict,
    Validity,
)
from app.model.vocabulary import (
    Country,
    DocumentKind,
    EventKind,
    GoalKind,
    Label,
    Lang,
    OrgKind,
    PersonKind,
    PostKind,
    ProjectKind,
    SourceKind,
)

# Display fallback when a name is missing in the asked language: the entity's own languages
# first (Finnish bodies are named in fi, then sv), then English, then the curator's gloss.
FALLBACK: dict[Lang, tuple[Lang, ...]] = {
    Lang.FI: (Lang.FI, Lang.SV, Lang.EN),
    Lang.SV: (Lang.SV, Lang.FI, Lang.EN),
    Lang.EN: (Lang.EN, Lang.FI, Lang.SV),
}


class ReferenceNames(Strict):
    """Names cited from a reference list of official names (a source of kind `reference`), not
    from a seed document: shown and searched like names, never evidence for a fact."""

    names: Names = Names()
    abbr: Names = Names()
    sources: Annotated[list[Citation], Field(min_length=1)]


class Node(Validity, Provenance):
    """What every node has: a slug id, names for search and display, validity, provenance."""

    label: ClassVar[Label]
    # The fields search finds the node by: codes rank as names, texts below them.
    code_fields: ClassVar[tuple[str, ...]] = ()
    text_fields: ClassVar[tuple[str, ...]] = ()
    id: Slug
    names: Names = Names()
    abbr: Names = Field(default=Names(), description="Abbreviations, e.g. fi: TEM.")
    alt_names: list[str] = Field(default=[], description="Other spellings, for search.")
    gloss_en: str | None = Field(
        default=None, description="A descriptive English gloss, not an official name."
    )
    is_class: bool = Field(
        default=False, description="Stands for a set of entities the sources do not list."
    )
    cardinality: int | None = Field(default=None, ge=0)
    country: Country | None = None
    identifiers: list[Identifier] = Field(default_factory=list, description="Ids elsewhere.")
    links: list[Link] = Field(default_factory=list)
    placeholder: bool = Field(
        default=False,
        description="Created by an import for an id the file refers to but does not define.",
    )
    reference: ReferenceNames | None = Field(
        default=None,
        description="Official names from a reference list, where the documents give none.",
    )

    @model_validator(mode="after")
    def _has_a_name(self) -> Self:
        if not self.display_name(Lang.EN):
            raise ValueError("needs at least one of names.fi, names.sv, names.en or gloss_en")
        return self

    def shown_names(self) -> Names:
        """The names shown, per language: the documents' own, else the reference's."""
        return _fill(self.names, self.reference.names if self.reference else None)

    def shown_abbr(self) -> Names:
        return _fill(self.abbr, self.reference.abbr if self.reference else None)

    def display_name(self, lang: Lang) -> str:
        shown = self.shown_names()
        for candidate in FALLBACK[lang]:
            name = shown.get(candidate)
            if name:
                return name
        return self.gloss_en or ""

    def primary_names(self) -> list[str]:
        """Names and abbreviations, the documents' and the reference's: what search ranks
        highest."""
        names, abbr = self.shown_names(), self.shown_abbr()
        values = [v for v in (names.fi, names.sv, names.en, abbr.fi, abbr.sv, abbr.en) if v]
        if self.reference:  # a reference name the documents' name hides is still searched
            hidden = [self.reference.names.get(lang) for lang in Lang]
            hidden += [self.reference.abbr.get(lang) for lang in Lang]
            values += [v for v in dict.fromkeys(hidden) if v and v not in values]
        return values  # repeats kept, as the CSV path (column-wise) keeps them

    def codes(self) -> list[str]:
        """The node's own codes and numbers (a project's code and case numbers)."""
        return self._values(self.code_fields)

    def texts(self) -> list[str]:
        """The node's own words beyond its names (a purpose, a goal's text, a theme)."""
        return self._values(self.text_fields)

    def _values(self, fields: tuple[str, ...]) -> list[str]:
        values: list[str] = []
        for field in fields:
            value = getattr(self, field)
            if isinstance(value, Names):
                values += [v for v in (value.fi, value.sv, value.en) if v]
            elif isinstance(value, list):
                values += value
            elif value:
                values.append(value)
        return values

    def name_terms(self) -> list[str]:
        """What search ranks as a name: names and abbreviations, other spellings, codes and
        ids elsewhere (any scheme's identifier)."""
        return [
            *self.primary_names(),
            *self.alt_names,
            *self.codes(),
            *(i.identifier for i in self.identifiers),
        ]

    def search_terms(self) -> list[str]:
        """Everything search finds the node by: its name terms, then the English gloss, its
        own texts and the curator's note (ranked below names)."""
        return [
            *self.name_terms(),
            *([self.gloss_en] if self.gloss_en else []),
            *self.texts(),
            *([self.note] if self.note else []),
        ]


def _fill(own: Names, reference: Names | None) -> Names:
    if reference is None:
        return own
    return Names(**{lang.value: own.get(lang) or reference.get(lang) for lang in Lang})


class Organization(Node):
    label: ClassVar[Label] = Label.ORGANIZATION
    text_fields = ("purpose",)
    kind: OrgKind
    purpose: str | None = Field(default=None, description="Verbatim remit text.")
    purpose_lang: Lang | None = None
    channels: list[str] = Field(default_factory=list)
    group_size_text: str | None = None


class Person(Node):
    label: ClassVar[Label] = Label.PERSON
    kind: PersonKind = PersonKind.PERSON
    name: str = Field(description="The name as the source gives it.")
    given_name: str | None = None
    family_name: str | None = None
    email: str | None = Field(default=None, description="Only as the source shows it.")
    phone: str | None = Field(default=None, description="Only as the source shows it.")
    name_derivation: str | None = None

    def display_name(self, lang: Lang) -> str:
        return self.name

    def primary_names(self) -> list[str]:
        return [self.name, *super().primary_names()]


class Post(Node):
    label: ClassVar[Label] = Label.POST
    kind: PostKind


class Project(Node):
    label: ClassVar[Label] = Label.PROJECT
    code_fields = ("project_code", "case_numbers")
    kind: ProjectKind
    project_code: str | None = None
    case_numbers: list[str] = Field(default_factory=list)
    appointed_on: PartialDate | None = None


class Document(Node):
    label: ClassVar[Label] = Label.DOCUMENT
    text_fields = ("text",)
    kind: DocumentKind
    period_text: str | None = None
    review_cycle: str | None = None
    language: Lang | None = None
    text: str | None = Field(default=None, description="Short verbatim content.")


class Event(Node):
    label: ClassVar[Label] = Label.EVENT
    text_fields = ("theme",)
    kind: EventKind
    location: str | None = None
    online: bool | None = None
    theme: Names = Names()
    ordinal: int | None = Field(default=None, ge=1)
    recurrence: str | None = None


class Goal(Node):
    label: ClassVar[Label] = Label.GOAL
    text_fields = ("text",)
    kind: GoalKind
    text: str | None = Field(default=None, description="The goal in the source's words.")
    text_lang: Lang | None = None
    subgoal_count: int | None = Field(default=None, ge=0)


class Source(Strict):
    """A source document. Its own provenance is the file itself."""

    label: ClassVar[Label] = Label.SOURCE
    id: Slug
    kind: SourceKind = SourceKind.SEED
    file: Annotated[str, Field(pattern=r"^[^/\\]+$")]
    lang: Lang
    country: Country | None = Field(default=None, description="None for a reference list.")
    title: str = Field(description="The document's first line, verbatim.")
    note: str | None = None

    def display_name(self, lang: Lang) -> str:
        return self.title

    def primary_names(self) -> list[str]:
        return [self.title]

    def name_terms(self) -> list[str]:
        return [self.title]

    def search_terms(self) -> list[str]:
        return [self.title]


DomainNode = Organization | Person | Post | Project | Document | Event | Goal
AnyNode = DomainNode | Source

NODE_MODELS: dict[Label, type[Node] | type[Source]] = {
    m.label: m for m in (Organization, Person, Post, Project, Document, Event, Goal, Source)
}
