"""The graph (or part of it) as a Popolo document, valid against the Popolo JSON Schemas.

persons, organizations (classification = kind, parent_id from PART_OF), posts (organization_id
from POST_IN) and memberships (MEMBER_OF; and HOLDS, as a membership holding a post). What
Popolo has no place for goes into one documented extension, `orgmap_relationships`: every
other relationship (STEERS with its mode, PREPARES_FOR, …) with its ends, qualifier, dates
and sources. Ids are OrgMap's; an entity imported from Popolo keeps its original id among its
identifiers (scheme "popolo"). Sources are links `urn:orgmap:<doc>` whose note is the quote.
"""

from collections.abc import Collection
from typing import Any

from app.model import Edge, GraphBundle, Node
from app.model.edges import Holds, MemberOf
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
    return names


def _dates(item: Node | Edge, start: str, end: str) -> dict[str, str]:
    out = {}
    if item.valid_from:
        out[start] = item.valid_from
    if item.valid_to:
        out[end] = item.valid_to
    return out


def popolo_document(
    bundle: GraphBundle, nodes: Collection[str] | None = None, edges: Collection[str] | None = None
) -> dict[str, Any]:
    """The bundle (or only the given node and edge ids) as Popolo."""
    kept = [n for n in bundle.nodes if nodes is None or n.id in nodes]
    kept_ids = {n.id for n in kept}
    relationships = [
        e
        for e in bundle.edges
        if (edges is None or e.id in edges) and e.from_ in kept_ids and e.to in kept_ids
    ]
    label = {n.id: n.label for n in kept}
    parent: dict[str, str] = {}  # the first PART_OF of an organization is its Popolo parent
    post_org: dict[str, str] = {}
    for e in relationships:
        if e.rel is RelType.PART_OF and label[e.from_] is Label.ORGANIZATION:
            parent.setdefault(e.from_, e.to)
        if e.rel is RelType.POST_IN:
            post_org.setdefault(e.from_, e.to)
    document: dict[str, Any] = {"persons": [], "organizations": [], "posts": [], "memberships": []}
    for node in kept:
        if isinstance(node, Person):
            document["persons"].append(
                {
                    "id": node.id,
                    "name": node.name,
                    **({"given_name": node.given_name} if node.given_name else {}),
                    **({"family_name": node.family_name} if node.family_name else {}),
                    **({"email": node.email} if node.email else {}),
                    "other_names": [{"name": a, "note": "other spelling"} for a in node.alt_names],
                    "identifiers": _identifiers(node),
                    "links": _links(node),
                    "sources": _sources(node),
                }
            )
        elif isinstance(node, Organization):
            name = node.display_name(Lang.FI)
            document["organizations"].append(
                {
                    "id": node.id,
                    "name": name,
                    "classification": node.kind.value,
                    **({"parent_id": parent[node.id]} if node.id in parent else {}),
                    **_dates(node, "founding_date", "dissolution_date"),
                    "other_names": _other_names(node),
                    "identifiers": _identifiers(node),
                    "links": _links(node),
                    "sources": _sources(node),
                }
            )
        elif isinstance(node, Post):
            document["posts"].append(
                {
                    "id": node.id,
                    "label": node.display_name(Lang.FI),
                    "role": node.kind.value,
                    **({"organization_id": post_org[node.id]} if node.id in post_org else {}),
                    **_dates(node, "start_date", "end_date"),
                    "sources": _sources(node),
                }
            )
    other = []
    for edge in relationships:
        if isinstance(edge, MemberOf):
            document["memberships"].append(_membership(edge, label))
        elif isinstance(edge, Holds):
            document["memberships"].append(
                {
                    "id": edge.id,
                    "role": "holder",
                    "person_id": edge.from_,
                    "post_id": edge.to,
                    **({"organization_id": post_org[edge.to]} if edge.to in post_org else {}),
                    **_dates(edge, "start_date", "end_date"),
                    "sources": _sources(edge),
                }
            )
        elif (edge.rel is RelType.PART_OF and parent.get(edge.from_) == edge.to) or (
            edge.rel is RelType.POST_IN and post_org.get(edge.from_) == edge.to
        ):
            continue  # written as the organization's parent_id or the post's organization_id
        else:
            other.append(_relationship(edge))
    if other:
        document[EXTENSION] = other
    return document


def _membership(edge: MemberOf, label: dict[str, Label]) -> dict[str, Any]:
    member: dict[str, Any]
    if label[edge.from_] is Label.PERSON:
        member = {"person_id": edge.from_}
    elif label[edge.from_] is Label.POST:
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
