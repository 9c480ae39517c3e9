"""The graph as W3C Organization Ontology (ORG) RDF, in Turtle or JSON-LD (rdflib).

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

from collections.abc import Collection

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

from app.model import Edge, GraphBundle, Node, Source
from app.model.edges import Holds, MemberOf, PartOf, PostIn, Steers
from app.model.nodes import Organization, Person, Post
from app.model.vocabulary import Lang, OrgKind, PartOfKind, RelType

ORG = Namespace("http://www.w3.org/ns/org#")
OM = Namespace("https://orgmap.example/ns#")
RES = Namespace("urn:orgmap:")


def org_graph(
    bundle: GraphBundle, nodes: Collection[str] | None = None, edges: Collection[str] | None = None
) -> Graph:
    graph = Graph()
    for prefix, namespace in (
        ("org", ORG),
        ("om", OM),
        ("skos", SKOS),
        ("prov", PROV),
        ("foaf", FOAF),
        ("time", TIME),
    ):
        graph.bind(prefix, namespace)
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
    for source in bundle.sources:
        _source(graph, source)
    kept = [n for n in bundle.nodes if nodes is None or n.id in nodes]
    kept_ids = {n.id for n in kept}
    organisations = {n.id for n in kept if isinstance(n, Organization)}
    for node in kept:
        _node(graph, node)
    for edge in bundle.edges:
        if (edges is None or edge.id in edges) and edge.from_ in kept_ids and edge.to in kept_ids:
            _edge(graph, edge, organisations)
    return graph


def _source(graph: Graph, source: Source) -> None:
    subject = RES[source.id]
    graph.add((subject, RDF.type, PROV.Entity))
    graph.add((subject, RDFS.label, Literal(source.title, lang=source.lang.value)))


def _provenance(graph: Graph, subject: URIRef | BNode, item: Node | Edge) -> None:
    for citation in item.sources:
        graph.add((subject, PROV.wasDerivedFrom, RES[citation.doc]))
        derivation = BNode()
        graph.add((subject, PROV.qualifiedDerivation, derivation))
        graph.add((derivation, RDF.type, PROV.Derivation))
        graph.add((derivation, PROV.entity, RES[citation.doc]))
        graph.add((derivation, PROV.value, Literal(citation.quote)))


def _node(graph: Graph, node: Node) -> None:
    subject = RES[node.id]
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
    for lang in Lang:
        if node.names.get(lang):
            graph.add((subject, SKOS.prefLabel, Literal(node.names.get(lang), lang=lang.value)))
        if node.abbr.get(lang):
            graph.add((subject, SKOS.altLabel, Literal(node.abbr.get(lang), lang=lang.value)))
    for alt in node.alt_names:
        graph.add((subject, SKOS.altLabel, Literal(alt)))
    if node.gloss_en:
        graph.add((subject, RDFS.comment, Literal(node.gloss_en, lang="en")))
    _provenance(graph, subject, node)


def _interval(graph: Graph, edge: Edge) -> BNode | None:
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


def _edge(graph: Graph, edge: Edge, organisations: set[str]) -> None:
    start, end = RES[edge.from_], RES[edge.to]
    if isinstance(edge, MemberOf):
        membership = RES[edge.id]
        graph.add((membership, RDF.type, ORG.Membership))
        graph.add((membership, ORG.member, start))
        graph.add((membership, ORG.organization, end))
        role = OM[f"role-{edge.role.value}"]
        graph.add((role, RDF.type, ORG.Role))
        graph.add((role, SKOS.prefLabel, Literal(edge.role.value, lang="en")))
        graph.add((membership, ORG.role, role))
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
    elif isinstance(edge, PartOf) and {edge.from_, edge.to} <= organisations:
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


def _camel(rel: RelType) -> str:
    first, *rest = rel.value.lower().split("_")
    return first + "".join(part.title() for part in rest)


def org_turtle(graph: Graph) -> bytes:
    return graph.serialize(format="turtle").encode()


def org_jsonld(graph: Graph) -> bytes:
    return graph.serialize(format="json-ld", indent=1).encode()
