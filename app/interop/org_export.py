"""The graph as W3C Organization Ontology (ORG) RDF: the triples of each source, node and
relationship, an item at a time, for the Turtle and JSON-LD writers (app/interop/rdf_stream.py).

- Organisations are org:Organization (units org:OrganizationalUnit); `PART_OF` of kind unit_of
  is org:unitOf, every other PART_OF between organisations org:subOrganizationOf (a goal
  within a document is om:partOf).
- Persons are foaf:Person; posts are org:Post, with org:holds (person → post) and org:postIn.
- Memberships are org:Membership nodes: org:member, org:organization, org:role (an org:Role
  per MemberRole) and org:memberDuring (a time:Interval when the dates are known).
- Names are skos:prefLabel in fi / sv / en, other spellings and abbreviations skos:altLabel.
- Steering is `om:steers`, declared rdfs:subPropertyOf org:linkedTo, with its mode on a
  qualified om:Steering node (om:steerer, om:steered, om:mode). The other relationship types
  are om:<type> properties; documents, projects, events and goals are om:<Label>.
- Provenance: every resource and qualified node is prov:wasDerivedFrom its source documents,
  with a prov:qualifiedDerivation holding the verbatim quote as prov:value.
`om:` is https://orgmap.example/ns#; resources are urn:orgmap:<id>.
"""

from collections.abc import Iterator

from rdflib import BNode, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

from app.graph.dump import LinkedEdge
from app.graph.selection import NODE_LABELS, Selection
from app.interop.rdf_stream import Triple
from app.model import Edge, Node, Source
from app.model.edges import Holds, MemberOf, PartOf, PostIn, Steers
from app.model.nodes import Organization, Person, Post
from app.model.vocabulary import Label, Lang, MemberRole, OrgKind, PartOfKind, RelType

ORG = Namespace("http://www.w3.org/ns/org#")
OM = Namespace("https://orgmap.example/ns#")
RES = Namespace("urn:orgmap:")

PREFIXES = {
    prefix: str(namespace)
    for prefix, namespace in (
        ("org", ORG),
        ("om", OM),
        ("skos", SKOS),
        ("prov", PROV),
        ("foaf", FOAF),
        ("time", TIME),
        ("rdf", RDF),
        ("rdfs", RDFS),
        ("owl", OWL),
        ("xsd", XSD),
    )
}
"""The prefixes the Turtle and JSON-LD exports declare."""


class Triples(list[Triple]):
    """One item's triples, in the order they are made (`add`, as on an rdflib Graph)."""

    def add(self, triple: Triple) -> None:
        self.append(triple)


def org_triples(selection: Selection) -> Iterator[Triples]:
    """The selection as ORG, one item's triples at a time: the vocabulary, each source, node
    and relationship, and each membership role once (with the first membership that has it)."""
    yield _vocabulary()
    for source in selection.sources():
        yield _source(source)
    for label in NODE_LABELS:
        for node in selection.nodes(label):
            yield _node(node)
    described: set[MemberRole] = set()
    for rel in RelType:
        for linked in selection.edges(rel):
            edge = linked.edge
            if isinstance(edge, MemberOf) and edge.role not in described:
                described.add(edge.role)
                yield _role(edge.role)
            yield _edge(linked)


def _vocabulary() -> Triples:
    graph = Triples()
    graph.add((OM.steers, RDF.type, OWL.ObjectProperty))
    graph.add((OM.steers, RDFS.subPropertyOf, ORG.linkedTo))
    graph.add(
        (
            OM.steers,
            RDFS.comment,
            Literal(
                "Steering of one body by another (OrgMap); the mode is on the om:Steering node.",
                lang="en",
            ),
        )
    )
    return graph


def _source(source: Source) -> Triples:
    subject = RES[source.id]
    graph = Triples()
    graph.add((subject, RDF.type, PROV.Entity))
    graph.add((subject, RDFS.label, Literal(source.title, lang=source.lang.value)))
    return graph


def _provenance(graph: Triples, subject: URIRef | BNode, item: Node | Edge) -> None:
    for citation in item.sources:
        graph.add((subject, PROV.wasDerivedFrom, RES[citation.doc]))
        derivation = BNode()
        graph.add((subject, PROV.qualifiedDerivation, derivation))
        graph.add((derivation, RDF.type, PROV.Derivation))
        graph.add((derivation, PROV.entity, RES[citation.doc]))
        graph.add((derivation, PROV.value, Literal(citation.quote)))


def _node(node: Node) -> Triples:
    subject = RES[node.id]
    graph = Triples()
    if isinstance(node, Organization):
        graph.add(
            (
                subject,
                RDF.type,
                ORG.OrganizationalUnit if node.kind is OrgKind.UNIT else ORG.Organization,
            )
        )
        graph.add((subject, OM.kind, Literal(node.kind.value)))
    elif isinstance(node, Person):
        graph.add((subject, RDF.type, FOAF.Person))
        graph.add((subject, FOAF.name, Literal(node.name)))
    elif isinstance(node, Post):
        graph.add((subject, RDF.type, ORG.Post))
    else:
        graph.add((subject, RDF.type, OM[node.label.value]))
    graph.add((subject, ORG.identifier, Literal(node.id)))
    names, abbr = node.shown_names(), node.shown_abbr()  # the reference's where the text has none
    for lang in Lang:
        if names.get(lang):
            graph.add((subject, SKOS.prefLabel, Literal(names.get(lang), lang=lang.value)))
        if abbr.get(lang):
            graph.add((subject, SKOS.altLabel, Literal(abbr.get(lang), lang=lang.value)))
    for alt in node.alt_names:
        graph.add((subject, SKOS.altLabel, Literal(alt)))
    if node.gloss_en:
        graph.add((subject, RDFS.comment, Literal(node.gloss_en, lang="en")))
    _provenance(graph, subject, node)
    return graph


def _interval(graph: Triples, edge: Edge) -> BNode | None:
    if not (edge.valid_from or edge.valid_to):
        return None
    interval = BNode()
    graph.add((interval, RDF.type, TIME.Interval))
    for predicate, value in ((TIME.hasBeginning, edge.valid_from), (TIME.hasEnd, edge.valid_to)):
        if value:
            instant = BNode()
            graph.add((interval, predicate, instant))
            graph.add((instant, RDF.type, TIME.Instant))
            datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(value), XSD.date)
            graph.add(
                (
                    instant,
                    TIME.inXSDDate if datatype == XSD.date else OM.inPartialDate,
                    Literal(value, datatype=datatype),
                )
            )
    return interval


def _role(role: MemberRole) -> Triples:
    graph = Triples()
    graph.add((_role_term(role), RDF.type, ORG.Role))
    graph.add((_role_term(role), SKOS.prefLabel, Literal(role.value, lang="en")))
    return graph


def _role_term(role: MemberRole) -> URIRef:
    return OM[f"role-{role.value}"]


def _edge(linked: LinkedEdge) -> Triples:
    edge = linked.edge
    start, end = RES[edge.from_], RES[edge.to]
    graph = Triples()
    if isinstance(edge, MemberOf):
        membership = RES[edge.id]
        graph.add((membership, RDF.type, ORG.Membership))
        graph.add((membership, ORG.member, start))
        graph.add((membership, ORG.organization, end))
        graph.add((membership, ORG.role, _role_term(edge.role)))  # described by _role
        interval = _interval(graph, edge)
        if interval is not None:
            graph.add((membership, ORG.memberDuring, interval))
        if edge.on_behalf_of:
            graph.add((membership, OM.onBehalfOf, RES[edge.on_behalf_of]))
        if edge.via_post:
            graph.add((membership, OM.viaPost, RES[edge.via_post]))
        _provenance(graph, membership, edge)
    elif isinstance(edge, Holds):
        graph.add((start, ORG.holds, end))
    elif isinstance(edge, PostIn):
        graph.add((start, ORG.postIn, end))
    elif isinstance(edge, PartOf) and linked.start is linked.end is Label.ORGANIZATION:
        graph.add(
            (start, ORG.unitOf if edge.kind is PartOfKind.UNIT_OF else ORG.subOrganizationOf, end)
        )
    elif isinstance(edge, Steers):
        graph.add((start, OM.steers, end))
        steering = RES[edge.id]
        graph.add((steering, RDF.type, OM.Steering))
        graph.add((steering, OM.steerer, start))
        graph.add((steering, OM.steered, end))
        graph.add((steering, OM.mode, Literal(edge.mode.value)))
        _provenance(graph, steering, edge)
    else:
        graph.add((start, OM[_camel(edge.rel)], end))
    if not isinstance(edge, MemberOf | Steers):
        qualified = RES[edge.id]  # the evidence of a plain triple, on a node of its own
        graph.add((qualified, RDF.type, OM.Relationship))
        graph.add((qualified, OM.relationshipType, Literal(edge.rel.value)))
        graph.add((qualified, OM.source, start))
        graph.add((qualified, OM.target, end))
        _provenance(graph, qualified, edge)
    return graph


def _camel(rel: RelType) -> str:
    first, *rest = rel.value.lower().split("_")
    return first + "".join(part.title() for part in rest)
