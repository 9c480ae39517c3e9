"""The catalogue endpoints as a whole: OpenAPI examples, list parameters, bounds."""

from typing import Any

from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from app.api.examples import examples
from app.api.main import create_app
from app.config import Settings
from app.graph.catalogue import CATALOGUE
from app.viz.maps import VIEWS
from tests.seed_counts import SEED_NODES


def test_every_endpoint_has_an_example(client: TestClient) -> None:
    """Every JSON endpoint; the maps answer HTML or files (tests/viz covers them)."""
    spec = client.get("/openapi.json").json()
    missing = []
    tags = {p: next(iter(ops.values()))["tags"] for p, ops in spec["paths"].items()}
    maps = [p for p, t in tags.items() if "maps" in t]
    assert len(maps) == 2 * len(VIEWS) + 1  # {view}.html, {view}?format=, and /map
    interop = [p for p, t in tags.items() if "interop" in t]
    assert sorted(interop) == ["/api/v1/exports/{format_name}", "/api/v1/imports"]
    saved = sorted(p for p, t in tags.items() if "saved maps" in t)
    assert saved == [
        "/api/v1/maps",
        "/api/v1/maps/{map_id}",
        "/api/v1/maps/{map_id}/annotations",
        "/api/v1/maps/{map_id}/view",
    ]
    for path, operations in spec["paths"].items():
        if path in maps or path in interop:  # pages, files, uploads: tests/viz, tests/interop
            continue
        for method, operation in operations.items():
            if path == "/api/v1/maps/{map_id}/view" or "200" not in operation["responses"]:
                continue  # a drawn map (tests/api/test_saved_maps.py), a 201 or a 204
            content = operation["responses"]["200"].get("content", {})
            if "example" not in content.get("application/json", {}):
                missing.append(f"{method.upper()} {path}")
    assert missing == []
    others = len(maps) + len(interop) + len(saved) + 2  # /health and /api/v1/dates
    assert len(spec["paths"]) == len(CATALOGUE) + others


def test_every_example_fits_its_response_model() -> None:
    stored = examples()
    REQUESTS = {name: entry.example for name, entry in CATALOGUE.items()}  # noqa: N806
    assert sorted(stored) == sorted(CATALOGUE) == sorted(REQUESTS)
    for name, example in stored.items():
        TypeAdapter(CATALOGUE[name].response).validate_python(example)


def test_list_parameters_may_repeat_or_use_commas(client: TestClient) -> None:
    url = "/api/v1/entities/org-te-toimistot/steered-by"
    repeated = client.get(url, params=[("mode", "coordination"), ("mode", "unspecified")]).json()
    commas = client.get(url, params={"mode": "coordination,unspecified"}).json()
    assert repeated == commas
    assert [i["entity"]["id"] for i in commas["items"]] == [
        "org-ely-ohjaavat-tahot",
        "grp-ely-johtoryhma",
        "org-ely-ohjaavat-ministeriot",
        "org-tem",  # "i samarbete med andra förvaltningsområden": no mode stated
        "grp-tem-ministerion-johtoryhma",  # it sees to TEM's "ohjauksesta": depth 2
    ]
    bad = client.get(url, params={"mode": "coordination,frendly"})
    assert bad.status_code == 422
    assert [e["location"] for e in bad.json()["errors"]] == ["query.mode.1"]


def test_days_are_written_yyyy_mm_dd_and_a_range_may_come_either_way(client: TestClient) -> None:
    for bad in ("2022-02-30", "0", "1640995200", "2022-01-01T00:00:00", "2022-1-1"):
        response = client.get("/api/v1/stats", params={"as_of": bad})
        assert response.status_code == 422, bad
        assert response.json()["errors"][0]["location"] == "query.as_of"
    ordered = client.get("/api/v1/changes", params={"from": "2021-01-01", "to": "2022-12-31"})
    reversed_range = client.get(
        "/api/v1/changes", params={"from": "2022-12-31", "to": "2021-01-01"}
    )
    assert reversed_range.status_code == 200
    assert reversed_range.json() == ordered.json()
    assert ordered.json()["total"] > 0


def test_a_walk_past_its_budget_is_a_clear_503(seed_settings: Settings) -> None:
    cases: list[tuple[dict[str, Any], str]] = [
        ({"query_timeout_s": 1e-9}, "ran past 1e-09 s; narrow it"),
        ({"max_rows_per_step": 1}, "one step of the walk met more than 1 relationships"),
    ]
    for limits, message in cases:
        settings = seed_settings.model_copy(update=limits)
        with TestClient(create_app(settings)) as client:
            response = client.get("/api/v1/entities/org-tem/neighbourhood", params={"depth": 2})
        assert response.status_code == 503
        assert response.json()["title"] == "Query too expensive"
        assert message in response.json()["detail"]


def test_no_endpoint_takes_cypher(client: TestClient) -> None:
    injected = client.get(
        "/api/v1/search", params={"q": "x' RETURN 1 //", "type": "Organization) DETACH DELETE n"}
    )
    assert injected.status_code == 422  # the type is not a label of the vocabulary
    harmless = client.get("/api/v1/search", params={"q": "' OR 1=1 MATCH (n) DETACH DELETE n //"})
    assert (harmless.status_code, harmless.json()["total"]) == (200, 0)
    assert client.get("/health").json()["total_nodes"] == SEED_NODES


def test_pages_of_changes_join_up_to_the_whole_answer(client: TestClient) -> None:
    """Each page is cut from streams the engine sorts and stops at the page's end."""
    days = {"from": "1990-01-01", "to": "2030-12-31"}
    whole = client.get("/api/v1/changes", params={**days, "limit": 1000}).json()
    assert whole["total"] == len(whole["items"]) > 10
    pages = [
        client.get("/api/v1/changes", params={**days, "limit": 3, "offset": start}).json()
        for start in range(0, whole["total"] + 3, 3)
    ]
    assert [item for page in pages for item in page["items"]] == whole["items"]
    assert {page["total"] for page in pages} == {whole["total"]}
    keys = [(c["date"], c["change"]) for c in whole["items"]]
    assert [c for _, c in keys].count("began") > 0 and [c for _, c in keys].count("ended") > 0
