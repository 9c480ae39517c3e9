"""The HTTP API through FastAPI's TestClient, on the loaded seed graph."""

import re
from pathlib import Path

from fastapi.testclient import TestClient

from app.api.main import create_app
from app.config import Settings
from tests.seed_counts import SEED_NODES

PROBLEM = "application/problem+json"


def test_health_reports_backend_counts_and_load_time(
    client: TestClient, seed_settings: Settings
) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["backend"] == seed_settings.backend
    assert body["total_nodes"] == SEED_NODES
    assert body["edges"]["MEMBER_OF"] == 29
    assert re.match(r"\d{4}-\d\d-\d\dT", body["loaded_at"])
    assert body["revision"].isdigit()


def test_health_without_a_graph_is_a_503_problem(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(db_path=tmp_path / "none.lbug"))) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.headers["content-type"] == PROBLEM
    assert response.json()["title"] == "No graph loaded"


def test_an_entity_has_its_names_validity_and_sources(client: TestClient) -> None:
    body = client.get("/api/v1/entities/prj-okm071-00-2021").json()
    assert body["type"] == "Project"
    assert body["project_code"] == "OKM071:00/2021"
    assert body["case_numbers"] == ["VN/24284/2021"]
    assert (body["valid_from"], body["valid_to"], body["status"]) == (
        "2021-10-13",
        "2022-09-30",
        "completed",
    )
    assert {"doc": "src-001", "quote": "Mandattid 13.10.2021 – 30.9.2022"} in body["sources"]


def test_names_follow_the_asked_language(client: TestClient) -> None:
    url = "/api/v1/entities/grp-ely-johtoryhma"
    assert client.get(url, params={"lang": "fi"}).json()["name"] == "ELY-keskusten johtoryhmä"
    assert client.get(url, params={"lang": "sv"}).json()["name"] == (
        "ledningsgrupp för NTM-centralerna"
    )
    assert client.get(url, params={"lang": "en"}).json()["name"] == (
        "management group of the ELY centres"
    )


def test_unknown_id_is_a_404_problem_with_the_closest_ids(client: TestClient) -> None:
    response = client.get("/api/v1/entities/org-temm")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM
    assert response.json() == {
        "type": "about:blank",
        "title": "Not found",
        "status": 404,
        "detail": "no entity with id 'org-temm'; closest: org-tem, org-vm, org-okm",
        "instance": "/api/v1/entities/org-temm",
        "suggestions": ["org-tem", "org-vm", "org-okm"],
    }
    nothing_close = client.get("/api/v1/entities/zzz-qqq").json()
    assert (nothing_close["detail"], nothing_close["suggestions"]) == (
        "no entity with id 'zzz-qqq'",
        [],
    )


def test_bad_input_is_a_422_problem_naming_the_field(client: TestClient) -> None:
    response = client.get("/api/v1/entities", params={"type": "Ministry", "limit": 0})
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    locations = [e["location"] for e in response.json()["errors"]]
    assert sorted(locations) == ["query.limit", "query.type"]
    assert client.get("/api/v1/entities/Not_A_Slug").status_code == 422


def test_listing_filters_by_type_and_kind_and_pages(client: TestClient) -> None:
    body = client.get(
        "/api/v1/entities", params={"type": "Organization", "kind": "ministry"}
    ).json()
    assert [item["id"] for item in body["items"]] == ["org-okm", "org-tem", "org-vm"]
    assert body["total"] == 3
    page = client.get("/api/v1/entities", params={"limit": 5, "offset": 5}).json()
    assert (len(page["items"]), page["total"], page["offset"]) == (5, SEED_NODES, 5)


def test_unknown_paths_are_problems_too(client: TestClient) -> None:
    response = client.get("/api/v1/nothing")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM


def test_docs_are_served_without_any_other_host(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert re.findall(r"https?://[^\s\"']+", page.text) == []
    for asset in re.findall(r"(?:src|href)=['\"]([^'\"]+)['\"]", page.text):
        assert client.get(asset).status_code == 200, asset
    assert "/api/v1/entities/{entity_id}" in client.get("/openapi.json").json()["paths"]
