"""Asked as of a day the entity itself did not exist (before its valid_from, after its
valid_to; a partial date covers its whole span), an answer says so and holds nothing, rather
than answering as if it had existed. Through the API (a 200: it is an answer) and the maps."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.graph.catalogue import CATALOGUE

API = "/api/v1"
PROJECT = "prj-okm071-00-2021"  # valid 2021-10-13 .. 2022-09-30
# The catalogue's questions about one entity that may be asked as of a day.
DATED_QUESTIONS = sorted(
    name
    for name, entry in CATALOGUE.items()
    if entry.needs_id and "as_of" in entry.params.model_fields
)
LISTS = {"neighbourhood": ("nodes", "edges")}  # what holds the answer, where not `items`


def ask(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(API + path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def held(name: str, body: Any) -> list[Any]:
    return [item for key in LISTS.get(name, ("items",)) for item in body[key]]


def test_the_dated_questions_are_the_expected_ones() -> None:
    assert DATED_QUESTIONS == [
        "chairs",
        "members",
        "memberships",
        "neighbourhood",
        "preparation-chain",
        "steered-by",
        "steers",
    ]


@pytest.mark.parametrize("name", DATED_QUESTIONS)
@pytest.mark.parametrize(
    ("day", "state"), [("2021-10-12", "not_yet_valid"), ("2022-10-01", "ended")]
)
def test_every_question_about_an_entity_says_when_it_did_not_exist(
    client: TestClient, name: str, day: str, state: str
) -> None:
    body = ask(client, f"/entities/{PROJECT}/{name}", as_of=day)
    assert body["subject_validity"] == {
        "entity": PROJECT,
        "state": state,
        "as_of": day,
        "valid_from": "2021-10-13",
        "valid_to": "2022-09-30",
        "message": body["subject_validity"]["message"],
    }
    words = "did not exist yet on 2021-10-12" if state == "not_yet_valid" else "had ended by"
    assert words in body["subject_validity"]["message"]
    assert held(name, body) == []
    assert body.get("total", 0) == 0
    subject = body.get("subject") or body["center"]
    assert subject["id"] == PROJECT  # still named, with its dates


def test_on_a_day_inside_its_validity_the_answer_is_the_normal_one(client: TestClient) -> None:
    for day in ("2021-10-13", "2022-01-01", "2022-09-30"):  # its first and last days too
        around = ask(client, f"/entities/{PROJECT}/neighbourhood", as_of=day)
        assert around["subject_validity"] is None
        assert len(around["nodes"]) > 1 and around["edges"]
    undated = ask(client, f"/entities/{PROJECT}/neighbourhood")
    assert undated["subject_validity"] is None  # no as_of: nothing to check against
    organiser = ask(client, "/entities/org-okm/steers", as_of="2021-01-01")
    assert organiser["subject_validity"] is None  # an entity without dates is never outside


@pytest.mark.parametrize(
    ("event", "before", "inside", "after"),
    [
        ("evt-jjp-2019", "2018-12-31", "2019-06-01", "2020-01-01"),  # valid 2019 .. 2019
        ("evt-jjp-2022", "2022-02-15", "2022-02-16", "2022-02-17"),  # that one day
    ],
)
def test_an_event_before_on_and_after_its_day(
    client: TestClient, event: str, before: str, inside: str, after: str
) -> None:
    path = f"/entities/{event}/neighbourhood"
    early, on, late = (ask(client, path, as_of=day) for day in (before, inside, after))
    assert (early["subject_validity"]["state"], early["nodes"], early["edges"]) == (
        "not_yet_valid",
        [],
        [],
    )
    assert (late["subject_validity"]["state"], late["nodes"], late["edges"]) == ("ended", [], [])
    assert on["subject_validity"] is None
    assert "evt-jjp-sarja" in {n["id"] for n in on["nodes"]}
    assert any(e["type"] == "PARTICIPATES_IN" for e in on["edges"])


def test_paths_say_which_end_did_not_exist(client: TestClient) -> None:
    asked = {"from": "evt-jjp-2019", "to": "evt-jjp-sarja"}
    on = ask(client, "/paths", **asked, as_of="2019-06-01")
    assert (on["source_validity"], on["target_validity"]) == (None, None)
    assert on["total"] >= 1
    late = ask(client, "/paths", **asked, as_of="2020-06-01")
    assert (late["source_validity"]["state"], late["target_validity"]) == ("ended", None)
    assert (late["items"], late["total"]) == ([], 0)
    later_end = {"from": "evt-jjp-sarja", "to": "evt-jjp-2022"}
    early = ask(client, "/paths", **later_end, as_of="2019-06-01")
    assert early["source_validity"] is None
    assert early["target_validity"]["state"] == "not_yet_valid"
    assert early["items"] == []


def test_a_map_of_an_entity_that_did_not_exist_says_so(client: TestClient) -> None:
    page = client.get(
        f"{API}/views/neighbourhood.html",
        params={"id": PROJECT, "as_of": "2021-10-12", "lang": "en"},
    )
    assert page.status_code == 200
    assert f"{PROJECT} did not exist yet on 2021-10-12" in page.text
    tree = client.get(
        f"{API}/views/steers.html", params={"id": PROJECT, "as_of": "2022-10-01", "lang": "en"}
    )
    assert f"{PROJECT} had ended by 2022-10-01" in tree.text
