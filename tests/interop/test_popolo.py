"""Popolo in and out: the Eduskunta file, exports valid against the official schemas, round
trips, and bad files that change nothing."""

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.config import PROJECT_ROOT
from app.errors import ValidationFailedError
from app.graph import read
from app.graph.dump import current_bundle, dump_lines
from app.graph.load import load_bundle
from app.interop.exports import export_graph
from app.interop.imports import import_popolo
from app.interop.popolo_export import EXTENSION
from app.interop.popolo_import import read_popolo
from app.interop.popolo_schema import SCHEMAS_DIR, validators
from app.model import GraphBundle
from app.model.edges import MemberOf
from app.model.nodes import Organization, Person
from app.model.vocabulary import Country, Lang
from app.store import GraphStore
from app.store.base import GraphTables
from tests.seed_counts import SEED_NODES

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "popolo"
EDUSKUNTA = FIXTURES / "eduskunta.json"
SCHEMAS = FIXTURES / "schemas"
Fresh = Callable[[str], GraphStore]


def seeded(fresh_store: Fresh, bundle: GraphBundle, name: str) -> GraphStore:
    store = fresh_store(name)
    load_bundle(store, bundle, "seed")
    return store


def empty(fresh_store: Fresh, name: str) -> GraphStore:
    store = fresh_store(name)
    store.replace_graph(GraphTables.of({}, []))
    return store


def test_undefined_governments_are_each_named_and_nothing_changes(
    fresh_store: Fresh, seed_bundle: GraphBundle
) -> None:
    store = seeded(fresh_store, seed_bundle, "refused")
    before = list(dump_lines(store))[1:]
    with pytest.raises(ValidationFailedError) as failure:
        import_popolo(store, EDUSKUNTA)
    problems = failure.value.problems
    assert len(problems) == 45  # the memberships of governments the file does not define
    assert problems[0].startswith(f"{EDUSKUNTA}:")
    assert all(
        ": organization_id: unknown organization 'popit.eduskunta/government/" in p
        for p in problems
    )
    assert {p.split("'")[1] for p in problems} == {
        f"popit.eduskunta/government/{n}" for n in range(64, 74)
    }
    assert list(dump_lines(store))[1:] == before


def test_the_eduskunta_file_with_placeholders(fresh_store: Fresh, seed_bundle: GraphBundle) -> None:
    store = seeded(fresh_store, seed_bundle, "eduskunta")
    report = import_popolo(store, EDUSKUNTA, placeholders=True)
    assert report.counts == {"Person": 432, "Organization": 26, "MEMBER_OF": 1297}
    assert report.placeholders == 10
    assert read.get_entity(store, "org-tem").model_dump()["id"] == "org-tem"  # the seed stays
    government = read.get_entity(store, "org-popit-eduskunta-government-73").model_dump()
    assert government["placeholder"] is True

    # Matti Ahde (person 103): eight terms for the Social Democrats, from the file by hand.
    person = read.get_entity(store, "per-popit-eduskunta-person-103").model_dump()
    assert person["name"] == "Ahde Matti" and person["family_name"] == "Ahde"
    assert {"scheme": "eduskunta.fi", "identifier": "103"} in person["identifiers"]
    answer = read_memberships(store, "per-popit-eduskunta-person-103")
    assert [(e["attributes"]["on_behalf_of"], e["date_text"]) for e in answer] == [
        ("org-popit-eduskunta-party-sd", f"legislative period term/{n}")
        for n in (25, 26, 27, 28, 29, 30, 34, 35)
    ]
    assert [e["valid_to"] for e in answer if e["valid_to"]] == ["1990-06-30"]
    assert all(e["note"] == "area: Oulun" for e in answer)

    # A party's other names: the current Finnish one becomes the Finnish name.
    kd = read.get_entity(store, "org-popit-eduskunta-party-kd").model_dump()
    assert kd["kind"] == "party"
    assert kd["names"]["en"] == "Christian Democrats"
    assert kd["names"]["fi"] == "Kristillisdemokraattinen eduskuntaryhmä"
    assert "Finnish Christian Union Parliamentary Group (–2001-05-30)" in kd["alt_names"]

    # Organisations as members: the National Coalition in government 73.
    members = read_members(store, "org-popit-eduskunta-government-73")
    assert "org-popit-eduskunta-party-kok" in members

    # Importing the same file again replaces it: the graph is the same.
    once = list(dump_lines(store))[1:]
    import_popolo(store, EDUSKUNTA, placeholders=True)
    assert list(dump_lines(store))[1:] == once


def read_memberships(store: GraphStore, person: str) -> list[dict[str, Any]]:
    from app.graph.groups import memberships
    from app.graph.walk import Budget
    from app.model.params import MembershipParams

    answer = memberships(store, person, MembershipParams(limit=100), Budget(30, 100_000))
    edges = [edge.model_dump(by_alias=True) for item in answer.items for edge in item.edges]
    return sorted(edges, key=lambda e: int(e["date_text"].rsplit("/", 1)[1]))


def read_members(store: GraphStore, group: str) -> set[str]:
    from app.graph.groups import members
    from app.graph.walk import Budget
    from app.model.params import MembershipParams

    answer = members(store, group, MembershipParams(limit=100), Budget(30, 100_000))
    return {m.member.id for m in answer.items}


def test_a_bad_file_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        '{\n "persons": [\n  {"id": "p1", "name": ""},\n  {"id": "p2", "name": "B"}\n ],\n'
        ' "memberships": [\n  {"person_id": "p2", "organization_id": "o9",'
        ' "start_date": "2020-13"}\n ]\n}\n',
        encoding="utf-8",
    )
    result = read_popolo(path, lang=Lang.EN, country=Country.FI, placeholders=False)
    found = sorted(str(p) for p in result.problems)
    assert f"{path}:3: name: required value is missing" in found
    assert (
        f"{path}:7: organization_id: unknown organization 'o9': not defined in the file"
        " (--placeholders creates it)" in found
    )
    broken = tmp_path / "broken.json"
    broken.write_text('{\n "persons": [\n  {"id": "p1",}\n ]\n}\n', encoding="utf-8")
    (problem,) = read_popolo(broken, lang=Lang.EN, country=Country.FI, placeholders=False).problems
    assert (problem.line, problem.field) == (3, "(json)")


def assert_valid_popolo(document: dict[str, Any]) -> None:
    """Against the official schemas as the tests keep them (the shipped copies are the same)."""
    schemas = validators(SCHEMAS)
    for section, schema in (
        ("persons", "person"),
        ("organizations", "organization"),
        ("memberships", "membership"),
        ("posts", "post"),
    ):
        for record in document[section]:
            errors = [e.message for e in schemas[schema].iter_errors(record)]
            assert errors == [], (section, record.get("id"), errors)


def test_the_package_ships_the_official_schemas_unchanged() -> None:
    official = {p.name: p.read_bytes() for p in SCHEMAS.glob("*.json")}
    assert {p.name: p.read_bytes() for p in SCHEMAS_DIR.glob("*.json")} == official


def test_exports_are_valid_popolo(
    store: GraphStore, fresh_store: Fresh, seed_bundle: GraphBundle
) -> None:
    document = json.loads(export_graph(store, "popolo"))
    assert {k: len(v) for k, v in document.items()} == {
        "persons": 9,
        "organizations": 47,
        "posts": 25,
        "memberships": 33,
        EXTENSION: 184,
    }
    assert_valid_popolo(document)
    imported = seeded(fresh_store, seed_bundle, "valid")
    import_popolo(imported, EDUSKUNTA, placeholders=True)
    assert_valid_popolo(json.loads(export_graph(imported, "popolo")))
    # The schemas are not rubber stamps: a bad date is refused.
    bad = {"id": "x", "start_date": "yesterday"}
    assert list(validators(SCHEMAS)["membership"].iter_errors(bad))


def test_seed_to_popolo_to_an_empty_store_keeps_persons_organisations_memberships(
    store: GraphStore, fresh_store: Fresh, seed_bundle: GraphBundle, tmp_path: Path
) -> None:
    path = tmp_path / "seed-popolo.json"
    path.write_bytes(export_graph(store, "popolo"))
    target = empty(fresh_store, "round-trip")
    import_popolo(target, path, lang=Lang.FI)
    back = current_bundle(target)

    assert persons(back) == persons(seed_bundle)
    assert organisations(back) == organisations(seed_bundle)
    assert memberships(back) == memberships(seed_bundle)


def test_imports_over_http_need_the_api_key(own_settings: Any) -> None:
    from fastapi.testclient import TestClient
    from pydantic import SecretStr

    from app.api.main import create_app

    body = EDUSKUNTA.read_bytes()
    url = "/api/v1/imports?format=popolo&name=eduskunta.json"
    with TestClient(create_app(own_settings)) as client:
        assert client.post(url, content=body).status_code == 403  # imports are off without a key
    settings = own_settings.model_copy(update={"api_key": SecretStr("k3y")})
    with TestClient(create_app(settings)) as client:
        wrong = client.post(url, content=body, headers={"X-API-Key": "nope"})
        assert (
            wrong.status_code == 401 and wrong.headers["content-type"] == "application/problem+json"
        )
        refused = client.post(url, content=body, headers={"X-API-Key": "k3y"})
        assert refused.status_code == 422
        assert len(refused.json()["problems"]) == 45
        assert refused.json()["problems"][0].startswith("eduskunta.json:")
        assert client.get("/health").json()["total_nodes"] == SEED_NODES  # nothing changed
        done = client.post(url + "&placeholders=true", content=body, headers={"X-API-Key": "k3y"})
        assert done.status_code == 201, done.text
        assert done.json()["counts"] == {"MEMBER_OF": 1297, "Organization": 26, "Person": 432}
        assert client.get("/health").json()["total_nodes"] == SEED_NODES + 1 + 468
        exported = client.get("/api/v1/exports/popolo").json()
        assert len(exported["persons"]) == 9 + 432


def persons(bundle: GraphBundle) -> set[tuple[str, str]]:
    return {(n.id, n.name) for n in bundle.nodes if isinstance(n, Person)}


def organisations(bundle: GraphBundle) -> set[tuple[str, str, str]]:
    return {
        (n.id, n.kind.value, n.display_name(Lang.FI))
        for n in bundle.nodes
        if isinstance(n, Organization)
    }


def memberships(bundle: GraphBundle) -> set[tuple[str, str, str]]:
    return {(e.from_, e.to, e.role.value) for e in bundle.edges if isinstance(e, MemberOf)}


NIGERIA = PROJECT_ROOT.parent / "shared" / "data" / "real" / "popolo-nigeria"


@pytest.mark.skipif(not NIGERIA.is_dir(), reason="the shared real data is not beside the checkout")
def test_the_nigerian_senate_file_passes_the_schema_check_and_reads() -> None:
    result = read_popolo(
        NIGERIA / "senate-ep-popolo-v1.0.json", lang=Lang.EN, country=Country.FI, placeholders=False
    )
    assert result.problems == []
    assert Counter(type(item).__name__ for item in result.bundle.nodes + result.bundle.edges) == {
        "Person": 115,
        "Organization": 4,
        "MemberOf": 115,
    }
