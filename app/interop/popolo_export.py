"""The graph (or part of it) as a Popolo document, valid against the Popolo JSON Schemas.

persons, organizations (classification = kind, parent_id from PART_OF), posts (organization_id
from POST_IN) and memberships (MEMBER_OF; and HOLDS, as a membership holding a post). What
Popolo has no place for goes into one documented extension, `orgmap_relationships`: every
other relationship (STEERS with its mode, PREPARES_FOR, …) with its ends, qualifier, dates
and sources. Ids are OrgMap's; an entity imported from Popolo keeps its original id among its
identifiers (scheme "popolo"). Sources are links `urn:orgmap:<doc>` whose note is the quote.

Written a section and a record at a time (app/interop/json_stream.py), as the selection is
read; the only thing held is the cross-references the records carry (see _CrossReferences).
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from app.graph.selection import Selection, only
from app.interop.json_stream import JsonObjectWriter
from app.model import Edge, Node
from app.model.edges import MemberOf
from app.model.nodes import Organization, Person, Post
from app.model.vocabulary import Label, Lang, RelType

EXTENSION = "orgmap_relationships"


def _sources(item: Node | Edge) -> list[dict[str, str]]:
    return [{"url": f"urn:orgmap:{c.doc}", "note": c.quote} for c in item.sources]


def _popolo_id(node: Node) -> str:
    return node.id


def _identifiers(node: Node) -> list[dict[str, str]]:
    return [{"scheme": i.scheme, "identifier": i.identifier} for i in node.identifiers]


def _links(node: Node) -> list[dict[str, str]]:
    return [{"url": link.url, **({"note": link.note} if link.note else {})} for link in node.links]


def _other_names(node: Node) -> list[dict[str, str]]:
    """Every name with its language in the note ("name (sv)"): `name` holds one of them."""
    names = []
    for lang in Lang:
        name = node.names.get(lang)
        if name:
            names.append({"name": name, "note": f"name ({lang})"})
        abbr = node.abbr.get(lang)
        if abbr:
            names.append({"name": abbr, "note": f"abbreviation ({lang})"})
    names += [{"name": alt, "note": "other spelling"} for alt in node.alt_names]
    if node.reference:  # official names from the reference list, marked as such
        cited = ", ".join(c.doc for c in node.reference.sources)
        for lang in Lang:
            for kind, value in (
                ("name", node.reference.names),
                ("abbreviation", node.reference.abbr),
            ):
                official = value.get(lang)
                if official:
                    note = f"official {kind} ({lang}), reference: {cited}"
                    names.append({"name": official, "note": note})
    return names


def _dates(item: Node | Edge, start: str, end: str) -> dict[str, str]:
    out = {}
    if item.valid_from:
        out[start] = item.valid_from
    if item.valid_to:
        out[end] = item.valid_to
    return out


@dataclass(frozen=True)
class _CrossReferences:
    """What Popolo records carry about relationships written elsewhere, gathered before the
    records are written: the only per-id maps the export holds (one entry per organisation
    with a PART_OF, one per post with a POST_IN)."""

    parent: dict[str, str]  # the first PART_OF of an organization is its Popolo parent
    post_org: dict[str, str]  # the first POST_IN of a post is its organization_id

    def written_elsewhere(self, edge: Edge) -> bool:
        """Written as the organization's parent_id or the post's organization_id."""
        return (edge.rel is RelType.PART_OF and self.parent.get(edge.from_) == edge.to) or (
            edge.rel is RelType.POST_IN and self.post_org.get(edge.from_) == edge.to
        )


def _cross_references(selection: Selection) -> _CrossReferences:
    parent: dict[str, str] = {}
    for linked in selection.edges(RelType.PART_OF):
        if linked.start is Label.ORGANIZATION:
            parent.setdefault(linked.edge.from_, linked.edge.to)
    post_org: dict[str, str] = {}
    for linked in selection.edges(RelType.POST_IN):
        post_org.setdefault(linked.edge.from_, linked.edge.to)
    return _CrossReferences(parent, post_org)


def write_popolo(selection: Selection, out: BinaryIO) -> None:
    """The selection as a Popolo document, written a section and a record at a time."""
    refs = _cross_references(selection)
    document = JsonObjectWriter(out)
    persons = only(Person, selection.nodes(Label.PERSON))
    document.array("persons", (_person(node) for node in persons))
    organizations = only(Organization, selection.nodes(Label.ORGANIZATION))
    document.array("organizations", (_organization(node, refs) for node in organizations))
    posts = only(Post, selection.nodes(Label.POST))
    document.array("posts", (_post(node, refs) for node in posts))
    document.array("memberships", _memberships(selection, refs))
    document.array(EXTENSION, _other_relationships(selection, refs), omit_empty=True)
    document.close()


def _references(node: Node) -> dict[str, Any]:
    """What persons and organizations both carry: identifiers, links and sources."""
    return {"identifiers": _identifiers(node), "links": _links(node), "sources": _sources(node)}


def _person(node: Person) -> dict[str, Any]:
    return {
        "id": node.id,
        "name": node.name,
        **({"given_name": node.given_name} if node.given_name else {}),
        **({"family_name": node.family_name} if node.family_name else {}),
        **({"email": node.email} if node.email else {}),
        "other_names": [{"name": a, "note": "other spelling"} for a in node.alt_names],
        **_references(node),
    }


def _organization(node: Organization, refs: _CrossReferences) -> dict[str, Any]:
    return {
        "id": node.id,
        "name": node.display_name(Lang.FI),
        "classification": node.kind.value,
        **({"parent_id": refs.parent[node.id]} if node.id in refs.parent else {}),
        **_dates(node, "founding_date", "dissolution_date"),
        "other_names": _other_names(node),
        **_references(node),
    }


def _post(node: Post, refs: _CrossReferences) -> dict[str, Any]:
    return {
        "id": node.id,
        "label": node.display_name(Lang.FI),
        "role": node.kind.value,
        **({"organization_id": refs.post_org[node.id]} if node.id in refs.post_org else {}),
        **_dates(node, "start_date", "end_date"),
        "sources": _sources(node),
    }


def _memberships(selection: Selection, refs: _CrossReferences) -> Iterator[dict[str, Any]]:
    """MEMBER_OF as memberships, then HOLDS as memberships holding a post."""
    for linked in selection.edges(RelType.MEMBER_OF):
        if isinstance(linked.edge, MemberOf):
            yield _membership(linked.edge, linked.start)
    for linked in selection.edges(RelType.HOLDS):
        yield _holder(linked.edge, refs)


def _holder(edge: Edge, refs: _CrossReferences) -> dict[str, Any]:
    return {
        "id": edge.id,
        "role": "holder",
        "person_id": edge.from_,
        "post_id": edge.to,
        **({"organization_id": refs.post_org[edge.to]} if edge.to in refs.post_org else {}),
        **_dates(edge, "start_date", "end_date"),
        "sources": _sources(edge),
    }


def _other_relationships(selection: Selection, refs: _CrossReferences) -> Iterator[dict[str, Any]]:
    """Every relationship Popolo has no place for, for the extension."""
    for rel in RelType:
        if rel in (RelType.MEMBER_OF, RelType.HOLDS):
            continue
        for linked in selection.edges(rel):
            if not refs.written_elsewhere(linked.edge):
                yield _relationship(linked.edge)


def _membership(edge: MemberOf, member_label: Label) -> dict[str, Any]:
    member: dict[str, Any]
    if member_label is Label.PERSON:
        member = {"person_id": edge.from_}
    elif member_label is Label.POST:
        member = {"post_id": edge.from_}  # a seat: whoever holds the post is the member
    else:
        member = {"member": {"@type": "Organization", "id": edge.from_}}
    return {
        "id": edge.id,
        "role": edge.role.value,
        **member,
        "organization_id": edge.to,
        **({"on_behalf_of_id": edge.on_behalf_of} if edge.on_behalf_of else {}),
        **({"post_id": edge.via_post} if edge.via_post and "post_id" not in member else {}),
        **({"label": edge.date_text} if edge.date_text else {}),
        **_dates(edge, "start_date", "end_date"),
        "sources": _sources(edge),
    }


def _relationship(edge: Edge) -> dict[str, Any]:
    return {
        "id": edge.id,
        "type": edge.rel.value,
        "from": edge.from_,
        "to": edge.to,
        **({"qualifier": edge.qualifier} if edge.qualifier else {}),
        **_dates(edge, "start_date", "end_date"),
        "sources": _sources(edge),
    }
