"""Time on the maps: the days the graph changes on, the day in every view's title, and a view
of what changed between two days, on the seed graph in a real embedded store."""

import json
from typing import Any

from fastapi.testclient import TestClient

PROJECT = "prj-okm071-00-2021"  # 2021-10-13 to 2022-09-30
EVENT = "evt-jjp-2019"  # 2019
ENDED, BEGAN = "#d73027", "#1a9850"


def _page_data(html: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(html.split('id="graph-data">')[1].split("</script>")[0])
    return data


def test_the_days_of_change_are_every_start_and_every_day_after_an_end(
    client: TestClient,
) -> None:
    days = client.get("/api/v1/dates").json()["days"]
    assert days == sorted(days)
    assert {"2019-01-01", "2020-01-01", "2021-10-13", "2022-10-01"} <= set(days)
    assert "2019-12-31" not in days  # the event's last day: it ends the day after


def test_the_day_shown_is_in_the_title_of_the_page_and_of_the_exports(client: TestClient) -> None:
    page = client.get("/api/v1/views/steers.html?id=org-tem&as_of=2022-01-01&lang=en").text
    assert ": whom it steers · as of 2022-01-01</title>" in page
    assert ": whom it steers · as of 2022-01-01</h1>" in page
    undated = client.get("/api/v1/views/steers.html?id=org-tem&lang=sv").text
    assert "alla tidpunkter" in undated
    graphml = client.get("/api/v1/views/steers?id=org-tem&as_of=2022-01-01&format=graphml")
    assert "2022-01-01" in graphml.text


def test_a_comparison_marks_what_began_and_ended_between_two_days(client: TestClient) -> None:
    url = "/api/v1/views/graph.html?as_of=2021-11-01&since=2019-06-01&lang=en"
    data = _page_data(client.get(url).text)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes[PROJECT]["color"]["border"] == BEGAN  # began after 2019-06-01
    assert nodes[EVENT]["color"]["border"] == ENDED and nodes[EVENT]["opacity"] < 1  # gone
    assert nodes["org-tem"]["color"]["border"] not in (BEGAN, ENDED)  # unchanged: its own look
    assert "shadow" not in nodes["org-tem"]
    edges = {e["id"]: e for e in data["edges"]}
    assert edges["organises.org-okm.prj-okm071-00-2021.appointing-body"]["color"]["color"] == BEGAN
    page = client.get(url).text
    assert "2019-06-01 → 2021-11-01: 12 began, 5 ended" in page
    for colour, word in ((BEGAN, "began"), (ENDED, "ended")):  # the legend explains both marks
        assert f'data-kind="change" data-shape="" data-colour="{colour}"' in page
        assert f"<span>{word}</span>" in page
    plain = client.get("/api/v1/views/graph.html?as_of=2021-11-01&lang=en").text
    assert 'data-kind="change"' not in plain


def test_a_comparison_needs_an_earlier_day(client: TestClient) -> None:
    answer = client.get("/api/v1/views/graph?as_of=2021-01-01&since=2022-01-01")
    assert answer.status_code == 422
    assert "since" in answer.json()["detail"]
