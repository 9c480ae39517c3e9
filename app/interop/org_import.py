"""W3C ORG RDF in (Turtle or JSON-LD): organisations and units, persons, posts, memberships
(org:Membership with org:role and org:memberDuring), org:holds, org:postIn, org:unitOf and
org:subOrganizationOf (or their inverses), skos labels by language, and OrgMap's own
om:Steering nodes. Persons may be foaf:Person or vcard:Individual; organisations may be of a
class the file declares below org:Organization; a post without a label is named by its role.

Only what ORG describes is read: om:Steering between organisations comes in, other om:
resources (documents, projects, events, goals) and their relationships do not.
Every entity and relationship cites the imported file; where the RDF carries a quote
(prov:qualifiedDerivation / prov:value, as OrgMap writes), that quote is kept, otherwise the
resource's IRI is the quote. Resources named urn:orgmap:<id> keep their id."""

import re
from pathlib import Path

from pydantic import ValidationError
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import FOAF, PROV, RDF, RDFS, SKOS, TIME
from rdflib.term import Node as RdfNode

from app.ingest.problems import Problem
from app.interop.org_export import OM, ORG
from app.interop.popolo_import import PopoloImport, file_source
from app.model import GraphBundle
from app.model.common import SLUG_PATTERN, Citation
from app.model.edges import Edge, Holds, MemberOf, PartOf, PostIn, Steers
from app.model.nodes import Node, Organization, Person, Post
from app.model.vocabulary import Country, Lang, MemberRole, OrgKind, PartOfKind, PostKind

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FORMATS = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld"}


def _id(term: RdfNode, prefix: str) -> str:
    text = str(term)
    if text.startswith("urn:orgmap:") and re.fullmatch(SLUG_PATTERN, text[11:]):
        return text[11:]
    return f"{prefix}-" + (re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x")


def read_org(path: Path, *, lang: Lang, country: Country) -> PopoloImport:
    source = file_source(path, "org", "W3C ORG data", lang, country)
    doc = source.id
    result = PopoloImport(source, GraphBundle([source], [], []))
    graph = Graph()
    try:
        graph.parse(path, format=FORMATS.get(path.suffix, "turtle"))
    except Exception as exc:  # rdflib raises many kinds: any is "not readable RDF"
        line = getattr(exc, "lines", 0) or 0
        result.problems.append(
            Problem(str(path), int(line), "(rdf)", " ".join(str(exc).split())[:300])
        )
        return result

    def cite(subject: RdfNode) -> list[Citation]:
        quotes = [
            str(v)
            for d in graph.objects(subject, PROV.qualifiedDerivation)
            for v in graph.objects(d, PROV.value)
        ]
        return [Citation(doc=doc, quote=q) for q in sorted(set(quotes)) if len(q) >= 3] or [
            Citation(doc=doc, quote=str(subject))
        ]

    def names(subject: RdfNode) -> tuple[dict[str, str], list[str]]:
        found: dict[str, str] = {}
        for label in graph.objects(subject, SKOS.prefLabel):
            tag = (
                label.language
                if isinstance(label, Literal) and label.language in ("fi", "sv", "en")
                else lang.value
            )
            found.setdefault(str(tag), str(label))
        return found, sorted(str(a) for a in graph.objects(subject, SKOS.altLabel))

    def add(build: "type[Node] | type[Edge]", subject: RdfNode, **fields: object) -> None:
        try:
            item = build.model_validate({**fields, "sources": cite(subject)})
        except ValidationError as exc:
            for error in exc.errors():
                where = ".".join(str(p) for p in error["loc"]) or "(resource)"
                result.problems.append(Problem(str(path), 0, where, f"{subject}: {error['msg']}"))
            return
        (result.bundle.nodes if isinstance(item, Node) else result.bundle.edges).append(item)  # type: ignore[arg-type]

    for cls in _organisation_classes(graph):
        for subject in set(graph.subjects(RDF.type, cls)):
            if any(n.id == _id(subject, "org") for n in result.bundle.nodes):
                continue
            kind_text = str(
                graph.value(subject, OM.kind)
                or ("unit" if cls == ORG.OrganizationalUnit else "other")
            )
            label_names, alt = names(subject)
            gloss = graph.value(subject, RDFS.comment)
            add(
                Organization,
                subject,
                id=_id(subject, "org"),
                kind=kind_text if kind_text in set(OrgKind) else "other",
                names=label_names or ({} if gloss else {lang.value: str(subject)}),
                gloss_en=str(gloss) if gloss else None,
                alt_names=alt,
            )
    people = set(graph.subjects(RDF.type, FOAF.Person)) | set(
        graph.subjects(RDF.type, VCARD.Individual)
    )
    for subject in people:
        label_names, alt = names(subject)
        name = graph.value(subject, FOAF.name) or _vcard_name(graph, subject)
        name = name or next(iter(label_names.values()), str(subject))
        add(Person, subject, id=_id(subject, "per"), name=str(name), alt_names=alt)
    for subject in set(graph.subjects(RDF.type, ORG.Post)):
        label_names, alt = names(subject)
        role = graph.value(subject, ORG.role)
        add(
            Post,
            subject,
            id=_id(subject, "post"),
            kind=PostKind.JOB_TITLE,
            names=label_names or {lang.value: _role_name(graph, role) or _local_name(subject)},
            alt_names=alt,
        )

    ids = {n.id for n in result.bundle.nodes}
    organisations = {n.id for n in result.bundle.nodes if isinstance(n, Organization)}

    def end(term: RdfNode, prefix: str) -> str:
        return _id(term, prefix)

    for membership in set(graph.subjects(RDF.type, ORG.Membership)):
        member, group = (
            graph.value(membership, ORG.member),
            graph.value(membership, ORG.organization),
        )
        if member is None or group is None:
            result.problems.append(
                Problem(
                    str(path),
                    0,
                    "org:member",
                    f"{membership}: needs org:member and org:organization",
                )
            )
            continue
        role_term = graph.value(membership, ORG.role)
        role_label = (
            str(graph.value(role_term, SKOS.prefLabel) or str(role_term).rsplit("role-", 1)[-1])
            if role_term
            else "member"
        )
        start = next((p for p in ("per", "post", "org") if _id(member, p) in ids), "per")
        dates = _interval(graph, graph.value(membership, ORG.memberDuring))
        add(
            MemberOf,
            membership,
            type="MEMBER_OF",
            id=_id(membership, "member-of"),
            **{"from": end(member, start)},
            to=end(group, "org"),
            role=role_label if role_label in set(MemberRole) else MemberRole.MEMBER,
            **dates,
        )
    for predicate, model, kind in ((ORG.holds, Holds, "HOLDS"), (ORG.postIn, PostIn, "POST_IN")):
        for a, b in _both_ways(graph, predicate):
            start, finish = (
                (end(a, "per"), end(b, "post"))
                if kind == "HOLDS"
                else (end(a, "post"), end(b, "org"))
            )
            add(model, a, type=kind, **{"from": start}, to=finish)
    for predicate, part_kind in (
        (ORG.unitOf, PartOfKind.UNIT_OF),
        (ORG.subOrganizationOf, PartOfKind.WITHIN),
    ):
        for a, b in _both_ways(graph, predicate):
            add(
                PartOf,
                a,
                type="PART_OF",
                **{"from": end(a, "org")},
                to=end(b, "org"),
                kind=part_kind,
            )
    for steering in set(graph.subjects(RDF.type, OM.Steering)):
        steerer, steered = graph.value(steering, OM.steerer), graph.value(steering, OM.steered)
        if steerer is None or steered is None:
            message = f"{steering}: needs om:steerer and om:steered"
            result.problems.append(Problem(str(path), 0, "om:steerer", message))
            continue
        if end(steered, "org") not in organisations:
            continue  # steering of a project or another om: resource: outside ORG's scope
        add(
            Steers,
            steering,
            type="STEERS",
            id=_id(steering, "steers"),
            **{"from": end(steerer, "org")},
            to=end(steered, "org"),
            mode=str(graph.value(steering, OM.mode)),
        )
    return result


# ORG's inverse properties: a file may state either side of a relationship, or both.
_INVERSES: dict[RdfNode, RdfNode] = {
    ORG.holds: ORG.heldBy,
    ORG.postIn: ORG.hasPost,
    ORG.unitOf: ORG.hasUnit,
    ORG.subOrganizationOf: ORG.hasSubOrganization,
}


def _both_ways(graph: Graph, predicate: RdfNode) -> list[tuple[RdfNode, RdfNode]]:
    """(a, b) for `a predicate b` and for `b inverse a`, each pair once, in a stable order."""
    pairs = set(graph.subject_objects(predicate))
    pairs |= {(a, b) for b, a in graph.subject_objects(_INVERSES[predicate])}
    return sorted(pairs, key=lambda pair: (str(pair[0]), str(pair[1])))


def _organisation_classes(graph: Graph) -> list[RdfNode]:
    """ORG's organisation classes and the classes the file declares below them."""
    classes: list[RdfNode] = [ORG.Organization, ORG.OrganizationalUnit, ORG.FormalOrganization]
    for cls in classes:  # grows while it is read: subclasses of subclasses
        classes += [c for c in graph.subjects(RDFS.subClassOf, cls) if c not in classes]
    return classes


def _vcard_name(graph: Graph, person: RdfNode) -> str:
    """A vCard individual's formatted name, or title, given and family names (several of
    each, as a file may merge two persons, in a stable order)."""
    formatted = graph.value(person, VCARD.fn)
    if formatted:
        return str(formatted)
    parts = [
        " / ".join(sorted(str(v) for v in graph.objects(person, predicate)))
        for predicate in (VCARD.title, VCARD["given-name"], VCARD["family-name"])
    ]
    return " ".join(p for p in parts if p)


def _role_name(graph: Graph, role: RdfNode | None) -> str:
    """A post without a label is named by its role: the role's label, or the last part of
    its IRI (berorgs:Referatsleitung)."""
    if role is None:
        return ""
    label = graph.value(role, SKOS.prefLabel) or graph.value(role, RDFS.label)
    if label and str(label).strip():
        return str(label)
    return _local_name(role)


def _local_name(term: RdfNode) -> str:
    """The last part of an IRI: berorgs:Referatsleitung, organigram:position-853c4030f7."""
    return re.split(r"[/#]", str(term).rstrip("/#"))[-1]


def _interval(graph: Graph, interval: RdfNode | None) -> dict[str, str]:
    dates: dict[str, str] = {}
    if interval is None:
        return dates
    for predicate, key in ((TIME.hasBeginning, "valid_from"), (TIME.hasEnd, "valid_to")):
        instant = graph.value(interval, predicate)
        value = instant is not None and (
            graph.value(instant, TIME.inXSDDate) or graph.value(instant, OM.inPartialDate)
        )
        if value:
            dates[key] = str(value)
    return dates
