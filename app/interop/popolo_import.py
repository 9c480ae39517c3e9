"""Popolo JSON in: persons, organizations (classification, parent), posts and memberships
(role, post, on_behalf_of, organisations as members, dates), other_names with their dates,
identifiers, links and sources, as OrgMap's validated models.

Popolo ids become slugs (`per-…`, `org-…`, `post-…`); the original id is kept in the entity's
identifiers (scheme "popolo"), and Popolo export gives it back. Every entity and membership
cites the imported file, quoting the record verbatim (its `name` where it has one). A
reference to an id the file does not define is a problem, each named with its line, unless
placeholders are asked for: then a placeholder entity marked as such stands in for it.

Each record is first checked against the official Popolo JSON Schemas (popolo_schema.py): one
that breaks them is reported, field by field, and not read. Whatever the reader then finds
wrong, down to the unforeseen, is a problem on the record's line, never an exception.
"""

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from app.ingest.problems import Problem
from app.interop.json_records import JsonShapeError, Record, json_kind, top_level_records
from app.interop.popolo_schema import clip, schema_problems
from app.model import GraphBundle, Source
from app.model.common import SLUG_PATTERN, Citation
from app.model.edges import Edge, Holds, MemberOf, PartOf, PostIn
from app.model.nodes import Node, Organization, Person, Post
from app.model.vocabulary import (
    Country,
    Lang,
    MemberRole,
    OrgKind,
    PartOfKind,
    PostKind,
    SourceKind,
)

POPOLO_SCHEME = "popolo"
KINDS = {
    "party": OrgKind.PARTY,
    "legislature": OrgKind.LEGISLATURE,
    "government": OrgKind.GOVERNMENT,
}
ROLES = {"member": MemberRole.MEMBER, "chair": MemberRole.CHAIR, "chairman": MemberRole.CHAIR}
PREFIX = {"person": "per", "organization": "org", "post": "post"}
# Each section read, with the Popolo schema (and kind of entity) of its records.
SCHEMA_OF = {
    "persons": "person",
    "organizations": "organization",
    "posts": "post",
    "memberships": "membership",
}
T = TypeVar("T")


def slug(kind: str, popolo_id: str) -> str:
    """A stable OrgMap id for a Popolo id: `org-popit-eduskunta-party-kd`. An id that already
    is an OrgMap id (a slug with a prefix, as an OrgMap export writes) stays as it is."""
    if re.fullmatch(SLUG_PATTERN, popolo_id) and "-" in popolo_id:
        return popolo_id
    body = re.sub(r"[^a-z0-9]+", "-", popolo_id.lower()).strip("-") or "x"
    return f"{PREFIX[kind]}-{body}"


@dataclass
class PopoloImport:
    """A Popolo file as models, with every problem found (empty when it can be loaded)."""

    source: Source
    bundle: GraphBundle
    problems: list[Problem] = field(default_factory=list)
    placeholders: int = 0


def file_source(path: Path, prefix: str, what: str, lang: Lang, country: Country) -> Source:
    """The imported file as the source every imported fact cites."""
    stem = re.sub(r"[^a-z0-9]+", "-", path.stem.lower())[:80].strip("-") or "file"  # ids: 120 chars
    return Source(
        id=f"src-{prefix}-{stem}",
        kind=SourceKind.IMPORT,
        file=path.name,
        lang=lang,
        country=country,
        title=f"{what}: {path.name}",
    )


def read_popolo(path: Path, *, lang: Lang, country: Country, placeholders: bool) -> PopoloImport:
    name = str(path)
    source = file_source(path, "popolo", "Popolo data", lang, country)
    result = PopoloImport(source, GraphBundle([source], [], []))
    try:
        top = top_level_records(path.read_bytes(), set(SCHEMA_OF))
    except JsonShapeError as exc:
        result.problems.append(Problem(name, exc.line, exc.field, str(exc)))
        return result
    result.problems += [Problem(name, e.line, e.field, str(e)) for e in top.not_arrays]
    records = top.records
    reader = _Reader(name, source.id, lang, result)
    for record in records["persons"]:
        reader.add(record, "persons", reader.person)
    for record in records["organizations"]:
        reader.add(record, "organizations", reader.organization)
    for record in records["posts"]:
        reader.add(record, "posts", reader.post)
    for index, record in enumerate(records["memberships"]):
        reader.add(record, "memberships", functools.partial(reader.membership, index=index))
    reader.resolve(placeholders)
    return result


class _Reader:
    def __init__(self, file: str, doc: str, lang: Lang, result: PopoloImport) -> None:
        self.file, self.doc, self.lang, self.result = file, doc, lang, result
        self.ids: dict[str, tuple[str, str]] = {}  # popolo id -> (kind, slug)
        self.made_from: dict[str, str] = {}  # slug -> the popolo id it was made from
        self.pending: list[tuple[Record, str, str, str]] = []  # record, field, kind, popolo id
        self.edges: list[tuple[Record, Callable[[], Edge]]] = []

    def add(self, record: Record, section: str, build: Callable[[Record], None]) -> None:
        """Read a record that passes its Popolo schema; report each way one does not."""
        violations = schema_problems(record.data, SCHEMA_OF[section])
        for where, message in violations:
            self.problem(record, where or section, message)
        if violations:
            self.reserve(record, SCHEMA_OF[section])
            return
        self.attempt(record, section, functools.partial(build, record))

    def attempt(self, record: Record, where: str, read: Callable[[], T]) -> T | None:
        """What `read` gives, or None with its failure as problems on the record's line."""
        try:
            return read()
        except ValidationError as exc:
            for error in exc.errors():
                self.problem(record, ".".join(map(str, error["loc"])) or where, error["msg"])
        except _FieldError as exc:
            self.problem(record, exc.field, str(exc))
        except (TypeError, KeyError, AttributeError, ValueError) as exc:
            # A last resort: the schema check is meant to leave nothing the reader trips on.
            self.problem(record, where, clip(f"cannot be read: {type(exc).__name__}: {exc}", 200))
        return None

    def reserve(self, record: Record, kind: str) -> None:
        """The id of an entity refused for its shape, so that references to it are not also
        reported as unknown."""
        popolo_id = record.data.get("id") if isinstance(record.data, dict) else None
        if kind in PREFIX and isinstance(popolo_id, str):
            self.ids.setdefault(popolo_id, (kind, slug(kind, popolo_id)))

    def problem(self, record: Record, where: str, message: str) -> None:
        self.result.problems.append(Problem(self.file, record.line, where, message))

    def cite(self, record: Record, verbatim: str | None = None) -> list[Citation]:
        quote = verbatim if verbatim and len(verbatim) >= 3 else record.text
        return [Citation(doc=self.doc, quote=quote)]

    def known(self, record: Record, kind: str) -> str:
        popolo_id = _required(record.data, "id")
        if popolo_id in self.ids:
            raise _FieldError("id", f"duplicate id '{popolo_id}'")
        return self.register(kind, popolo_id, "id")

    def register(self, kind: str, popolo_id: str, where: str) -> str:
        """The OrgMap id of a Popolo id; refused when another id of the file made it already
        (`p 1` and `p.1` both make `per-p-1`), which the store would refuse at the end."""
        new = slug(kind, popolo_id)
        other = self.made_from.setdefault(new, popolo_id)
        if other != popolo_id:
            raise _FieldError(
                where, f"'{popolo_id}' makes the OrgMap id '{new}', as '{other}' does"
            )
        self.ids[popolo_id] = (kind, new)
        return new

    def common(self, record: Record) -> dict[str, Any]:
        data = record.data
        ids = [{"scheme": POPOLO_SCHEME, "identifier": data["id"]}]
        ids += [
            {"scheme": i.get("scheme") or "", "identifier": str(i.get("identifier"))}
            for i in data.get("identifiers") or []
        ]
        links = [{"url": link["url"], "note": link.get("note")} for link in data.get("links") or []]
        links += [
            {"url": s["url"], "note": s.get("note") or "source"}
            for s in data.get("sources") or []
            if s.get("url")
        ]
        return {"identifiers": ids, "links": links, "sources": self.cite(record, data.get("name"))}

    def other_names(self, record: Record) -> tuple[dict[str, str], list[str]]:
        """Current names by language (label "fi.…"), and every other name with its dates."""
        names: dict[str, str] = {}
        others: list[str] = []
        for other in record.data.get("other_names") or []:
            text = other.get("name")
            if not text:
                continue
            lang = _language_of(other)
            current = not other.get("end_date")
            if lang in Lang.__members__.values() and current and lang not in names:
                names[lang] = text
            dates = f"{other.get('start_date') or ''}–{other.get('end_date') or ''}"
            others.append(text if dates == "–" else f"{text} ({dates})")
        return names, others

    def person(self, record: Record) -> None:
        data = record.data
        person_id = self.known(record, "person")
        _, others = self.other_names(record)
        self.result.bundle.nodes.append(
            Person(
                id=person_id,
                name=_required(data, "name"),
                given_name=data.get("given_name") or _text(data, "given_names"),
                family_name=data.get("family_name"),
                email=data.get("email"),
                alt_names=others,
                **self.common(record),
            )
        )

    def organization(self, record: Record) -> None:
        data = record.data
        org_id = self.known(record, "organization")
        names, others = self.other_names(record)
        if not names:  # `name` is in the file's language unless other_names say otherwise
            names[self.lang.value] = _required(data, "name")
        classification = data.get("classification")
        node = Organization(
            id=org_id,
            kind=KINDS.get(str(classification)) or _org_kind(classification),
            names=names,
            alt_names=[o for o in others if o not in names.values()],
            valid_from=data.get("founding_date"),
            valid_to=data.get("dissolution_date"),
            note=f"Popolo classification: {classification}"
            if classification and classification not in KINDS
            else None,
            **self.common(record),
        )
        self.result.bundle.nodes.append(node)
        if data.get("parent_id"):
            self.edge_to(
                record,
                "parent_id",
                "organization",
                data["parent_id"],
                lambda parent: PartOf(
                    type="PART_OF",
                    **{"from": org_id},
                    to=parent,
                    kind=PartOfKind.WITHIN,
                    sources=self.cite(record),
                ),
            )

    def post(self, record: Record) -> None:
        data = record.data
        post_id = self.known(record, "post")
        self.result.bundle.nodes.append(
            Post(
                id=post_id,
                kind=PostKind.JOB_TITLE,
                names={self.lang.value: _required(data, "label")},
                valid_from=data.get("start_date"),
                valid_to=data.get("end_date"),
                **{**self.common(record), "sources": self.cite(record, data.get("label"))},
            )
        )
        if data.get("organization_id"):
            self.edge_to(
                record,
                "organization_id",
                "organization",
                data["organization_id"],
                lambda org: PostIn(
                    type="POST_IN", **{"from": post_id}, to=org, sources=self.cite(record)
                ),
            )

    def membership(self, record: Record, *, index: int) -> None:
        data = record.data
        member_field, member_kind, member_id = _member(data)
        role_text = str(data.get("role") or "member")
        role = _role(role_text)
        notes = [] if role is not None else [f"role: {role_text}"]
        if isinstance(data.get("area"), dict) and data["area"].get("name"):
            notes.append(f"area: {data['area']['name']}")
        if data.get("label"):
            notes.append(f"label: {data['label']}")
        period = _text(data, "legislative_period_id")  # not in Popolo's schema: checked here

        def build() -> Edge:
            start = self.slug_of(member_kind, member_id)
            return MemberOf(
                type="MEMBER_OF",
                id=slug("organization", data.get("id") or f"m {index}").replace(
                    "org-", "member-of-", 1
                ),
                **{"from": start},
                to=self.slug_of("organization", _required(data, "organization_id")),
                role=role or MemberRole.MEMBER,
                on_behalf_of=self.slug_of("organization", data["on_behalf_of_id"])
                if data.get("on_behalf_of_id")
                else None,
                via_post=self.slug_of("post", data["post_id"])
                if data.get("post_id") and member_field != "post_id"
                else None,
                valid_from=data.get("start_date"),
                valid_to=data.get("end_date"),
                date_text=f"legislative period {period}" if period else None,
                note="; ".join(notes) or None,
                sources=self.cite(record),
            )

        if data.get("person_id") and data.get("post_id"):  # the person holds the post
            self.holds(record, str(data["person_id"]), str(data["post_id"]))
            if role_text.lower() == "holder":
                return
        for reference, kind in (
            (member_field, member_kind),
            ("organization_id", "organization"),
            ("on_behalf_of_id", "organization"),
            ("post_id", "post"),
        ):
            value = member_id if reference == member_field else data.get(reference)
            if value:
                self.pending.append((record, reference, kind, str(value)))
        self.edges.append((record, build))

    def holds(self, record: Record, person: str, post: str) -> None:
        self.pending += [(record, "person_id", "person", person), (record, "post_id", "post", post)]
        data = record.data
        self.edges.append(
            (
                record,
                lambda: Holds(
                    type="HOLDS",
                    **{"from": self.slug_of("person", person)},
                    to=self.slug_of("post", post),
                    valid_from=data.get("start_date"),
                    valid_to=data.get("end_date"),
                    sources=self.cite(record),
                ),
            )
        )

    def edge_to(
        self,
        record: Record,
        reference: str,
        kind: str,
        popolo_id: str,
        build: Callable[[str], Edge],
    ) -> None:
        self.pending.append((record, reference, kind, popolo_id))
        self.edges.append((record, lambda: build(self.slug_of(kind, popolo_id))))

    def slug_of(self, kind: str, popolo_id: str) -> str:
        return self.ids.get(popolo_id, (kind, slug(kind, popolo_id)))[1]

    def placeholder(self, record: Record, reference: str, kind: str, popolo_id: str) -> Node:
        """A placeholder for an id the file refers to; known from now on, so made only once.
        An id too short to quote is cited by the record that refers to it."""
        self.register(kind, popolo_id, reference)
        return _placeholder(kind, popolo_id, self.cite(record, popolo_id), self.lang)

    def resolve(self, placeholders: bool) -> None:
        """Unknown references: reported each by name, or given placeholder entities."""
        created = 0
        for record, reference, kind, popolo_id in self.pending:
            if popolo_id in self.ids:
                continue
            if not placeholders:
                self.problem(
                    record,
                    reference,
                    f"unknown {kind} '{popolo_id}': not defined in the file"
                    " (--placeholders creates it)",
                )
                continue
            made = functools.partial(self.placeholder, record, reference, kind, popolo_id)
            node = self.attempt(record, reference, made)
            if node is None:
                continue
            self.result.bundle.nodes.append(node)
            created += 1
        self.result.placeholders = created
        for record, build in self.edges:
            edge = self.attempt(record, "membership", build)
            if edge is not None:
                self.result.bundle.edges.append(edge)


def _role(text: str) -> MemberRole | None:
    """Popolo's free-text role as OrgMap's, when it is one (OrgMap's own come back as such)."""
    lowered = text.lower()
    if lowered in ROLES:
        return ROLES[lowered]
    try:
        return MemberRole(lowered)
    except ValueError:
        return None


def _org_kind(classification: object) -> OrgKind:
    """OrgMap's own kinds come back as they went out; anything else is `other`."""
    try:
        return OrgKind(str(classification))
    except ValueError:
        return OrgKind.OTHER


def _language_of(other: dict[str, Any]) -> str:
    """fi / sv / en from a label like "fi.eduskunta.fi" or an OrgMap note like "name (fi)" or
    "official name (fi), reference: …" (a name the documents lack, from a reference list)."""
    pattern = r"(?:official )?name \((fi|sv|en)\)(?:, reference: .*)?"
    note = re.fullmatch(pattern, str(other.get("note") or ""))
    if note:
        return note.group(1)
    return str(other.get("label") or "").split(".", 1)[0]


def _placeholder(kind: str, popolo_id: str, sources: list[Citation], lang: Lang) -> Node:
    common: dict[str, Any] = {
        "id": slug(kind, popolo_id),
        "placeholder": True,
        "identifiers": [{"scheme": POPOLO_SCHEME, "identifier": popolo_id}],
        "note": "placeholder: the file refers to this id but does not define it",
        "assertion": "implied",
        "sources": sources,
    }
    if kind == "person":
        return Person(name=popolo_id, **common)
    if kind == "post":
        return Post(kind=PostKind.JOB_TITLE, names={lang.value: popolo_id}, **common)
    return Organization(kind=OrgKind.OTHER, names={lang.value: popolo_id}, **common)


class _FieldError(ValueError):
    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name


def _required(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _FieldError(key, "required value is missing")
    return value


def _text(data: dict[str, Any], key: str, where: str | None = None) -> str | None:
    """A text field the Popolo schemas leave untyped (or do not define), or None."""
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    raise _FieldError(where or key, f"expected a string, not {json_kind(value)}")


def _member(data: dict[str, Any]) -> tuple[str, str, str]:
    """Who is the member: a person_id, or a `member` object (a person or an organization)."""
    if data.get("person_id"):
        return "person_id", "person", str(data["person_id"])
    member = data.get("member")
    if isinstance(member, dict) and (member_id := _text(member, "id", "member.id")):
        kind = (
            "organization" if str(member.get("@type", "")).lower() == "organization" else "person"
        )
        return "member", kind, member_id
    if data.get("post_id"):  # a seat: whoever holds the post is the member
        return "post_id", "post", str(data["post_id"])
    raise _FieldError("person_id", "a membership needs person_id or member")
