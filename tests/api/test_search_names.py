"""Search by the names a person types, in Finnish, Swedish and English: the documents' own names
and the official names of the reference list (issue 14, points 4 and 5)."""

from typing import Any

import pytest
from fastapi.testclient import TestClient


def search(client: TestClient, q: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/api/v1/search", params={"q": q, "limit": 100, **params})
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        # Finnish official names, which no document gives
        ("työ- ja elinkeinoministeriö", "org-tem"),
        ("valtiovarainministeriö", "org-vm"),
        ("opetus- ja kulttuuriministeriö", "org-okm"),
        ("aluehallintovirastot", "org-avit"),
        ("työ- ja elinkeinotoimistot", "org-te-toimistot"),
        ("elinkeino-, liikenne- ja ympäristökeskukset", "org-ely-keskukset"),
        ("HAUS kehittämiskeskus", "org-haus"),
        # Swedish names, the documents' and the reference list's
        ("arbets- och näringsministeriet", "org-tem"),
        ("finansministeriet", "org-vm"),
        ("undervisnings- och kulturministeriet", "org-okm"),
        ("regionförvaltningsverken", "org-avit"),
        ("UF-centret", "org-keha"),
        ("Tillväxtverket", "org-tillvaxtverket"),
        # English official names
        ("Ministry of Economic Affairs and Employment", "org-tem"),
        ("Ministry of Finance of Finland", "org-vm"),
        ("Ministry of Education and Culture", "org-okm"),
        ("Regional State Administrative Agencies", "org-avit"),
        ("Employment and Economic Development Offices", "org-te-toimistot"),
        ("Swedish Agency for Economic and Regional Growth", "org-tillvaxtverket"),
        # abbreviations in all three languages
        ("TEM", "org-tem"),
        ("ANM", "org-tem"),
        ("VM", "org-vm"),
        ("FM", "org-vm"),
        ("OKM", "org-okm"),
        ("UKM", "org-okm"),
        ("AVI", "org-avit"),
        ("RFV", "org-avit"),
        ("KEHA", "org-keha"),
        ("KEHA Centre", "org-keha"),
        ("TE-toimistot", "org-te-toimistot"),
        ("TE-byråerna", "org-te-toimistot"),
        ("TE Offices", "org-te-toimistot"),
        ("ELY Centres", "org-ely-keskukset"),
        ("NTM-centralerna", "org-ely-keskukset"),
    ],
)
def test_the_first_hit_is_the_body_named(client: TestClient, q: str, expected: str) -> None:
    hits = search(client, q)
    assert hits, q
    assert hits[0]["id"] == expected, [(h["id"], h["score"]) for h in hits[:5]]


def test_a_hit_inside_another_word_ranks_below_the_abbreviation(client: TestClient) -> None:
    hits = search(client, "AVI")
    ids = [h["id"] for h in hits]
    # "keskuksia ohjaavien ministeriöiden kansliapäälliköt" holds "avi" inside a word
    inside = ids.index("post-ely-ohj-min-kansliapaallikot")
    assert ids.index("org-avit") < inside
    assert hits[0]["score"] > hits[inside]["score"]


def test_a_finnish_reader_sees_the_finnish_official_name(client: TestClient) -> None:
    (hit, *_) = search(client, "arbets- och näringsministeriet", lang="fi")
    assert (hit["id"], hit["name"]) == ("org-tem", "työ- ja elinkeinoministeriö")
    (hit, *_) = search(client, "TEM", lang="en")
    assert hit["name"] == "Ministry of Economic Affairs and Employment of Finland"


def test_the_outdated_english_name_finds_nothing(client: TestClient) -> None:
    assert search(client, "Ministry of Employment and the Economy") == []
