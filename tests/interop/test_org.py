"""W3C ORG export: every org: term is one the ontology defines, and both serialisations read
back to the same graph."""

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from app.errors import ValidationFailedError
from app.graph.dump import current_bundle
from app.interop.exports import export_graph
from app.interop.imports import import_org
from app.interop.org_export import ORG
from app.model import GraphBundle
from app.model.vocabulary import Lang
from app.store import GraphStore
from app.store.base import GraphTables
from tests.interop.test_popolo import memberships, organisations, persons

ONTOLOGY = Path(__file__).resolve().parent.parent / "fixtures" / "w3c-org" / "org.ttl"


def org_terms(graph: Graph) -> set[URIRef]:
    used = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(str(ORG)):
                used.add(term)
    return used


def test_every_org_term_used_is_defined_by_the_ontology(store: GraphStore) -> None:
    ontology = Graph().parse(ONTOLOGY, format="turtle")
    defined = {
        s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(str(ORG))
    }
    graph = Graph().parse(data=export_graph(store, "turtle"), format="turtle")
    used = org_terms(graph)
    assert used >= {
        ORG.Organization,
        ORG.Membership,
        ORG.member,
        ORG.organization,
        ORG.role,
        ORG.Post,
        ORG.holds,
        ORG.postIn,
        ORG.linkedTo,
    }
    assert used - defined == set()
    # The check bites: a term ORG does not define is caught.
    assert {ORG.steers} - defined == {ORG.steers}


def test_turtle_and_json_ld_read_back_to_the_same_graph(store: GraphStore) -> None:
    from_turtle = Graph().parse(data=export_graph(store, "turtle"), format="turtle")
    from_jsonld = Graph().parse(data=export_graph(store, "jsonld"), format="json-ld")
    assert len(from_turtle) == len(from_jsonld) == 4102
    memberships = set(from_turtle.subjects(RDF.type, ORG.Membership))
    assert len(memberships) == 29  # the seed's MEMBER_OF relationships
    tem = URIRef("urn:orgmap:org-tem")
    assert (tem, RDF.type, ORG.Organization) in from_jsonld


def test_seed_to_org_to_an_empty_store_keeps_persons_organisations_memberships(
    store: GraphStore,
    fresh_store: Callable[[str], GraphStore],
    seed_bundle: GraphBundle,
    tmp_path: Path,
) -> None:
    for suffix, format_name in ((".ttl", "turtle"), (".jsonld", "jsonld")):
        path = tmp_path / f"seed{suffix}"
        path.write_bytes(export_graph(store, format_name))
        target = fresh_store(f"org{suffix[1:]}")
        target.replace_graph(GraphTables.of({}, []))
        import_org(target, path, lang=Lang.FI)
        back = current_bundle(target)
        assert persons(back) == persons(seed_bundle)
        assert organisations(back) == organisations(seed_bundle)
        assert memberships(back) == memberships(seed_bundle)


def test_a_bad_org_file_changes_nothing(store: GraphStore, tmp_path: Path) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(
        "@prefix org: <http://www.w3.org/ns/org#> .\n<urn:x> a org:Organization ;;;\n",
        encoding="utf-8",
    )
    before = current_bundle(store)
    with pytest.raises(ValidationFailedError) as failure:
        import_org(store, path)
    assert failure.value.problems[0].startswith(f"{path}:")
    assert current_bundle(store) == before


BERLIN = Path(__file__).resolve().parents[3] / "shared" / "data" / "real" / "org-berlin"


def test_berlin_organogram_comes_in_whole(fresh_store: Callable[[str], GraphStore]) -> None:
    """Berlin's real organogram states each relationship from the other side (hasUnit,
    hasSubOrganization, hasPost), its holders as vCard individuals, its posts by role, and
    some units only by a class of its own below org:Organization."""
    target = fresh_store("berlin")
    target.replace_graph(GraphTables.of({}, []))
    report = import_org(target, BERLIN / "SenWGP.ttl", lang=Lang.EN)
    assert report.counts == {
        "Organization": 31, "Person": 31, "Post": 34, "PART_OF": 30, "POST_IN": 34, "HOLDS": 34,
    }  # fmt: skip
    names = {n.id: n for n in current_bundle(target).nodes}
    person = names["per-https-berlin-github-io-lod-organigram-person-1eeb6c7c5c"]
    assert person.name == "Dr. Kirsten Dittmar"  # type: ignore[attr-defined]
    post = names["post-https-berlin-github-io-lod-organigram-position-fb2d04185d"]
    assert post.names.en == "Referatsleitung"
    staff = names["org-https-berlin-github-io-lod-organigram-organisation-14da8cab11"]
    assert staff.names.en == "Stab der Senatorin"  # typed only as orgtype-0000000000
    unnamed = names["post-https-berlin-github-io-lod-organigram-position-853c4030f7"]
    assert unnamed.names.en == "position-853c4030f7"  # no label, no role: its IRI's last part
