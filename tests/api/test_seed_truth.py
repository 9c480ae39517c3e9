"""The audit of the seed data against the five documents (issue 14), fact by fact, through the
API: each corrected fact reads as corrected, each removed invention is gone, each added fact is
there with its verbatim quote, and names from the reference list say where they come from.
seed_data/README.md ("Corrections after the audit", "Deliberate omissions") lists the same."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

API = "/api/v1"


def get(client: TestClient, path: str, expect: int = 200, **params: Any) -> Any:
    response = client.get(API + path, params=params)
    assert response.status_code == expect, response.text
    return response.json()


def edges_of(client: TestClient, node: str) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Every relationship at `node`, by (type, from, to)."""
    body = get(client, f"/entities/{node}/neighbourhood", depth=1, limit=5000)
    return {(e["type"], e["from"], e["to"]): e for e in body["edges"]}


def edge(client: TestClient, rel: str, start: str, end: str) -> dict[str, Any]:
    found = edges_of(client, start).get((rel, start, end))
    assert found is not None, f"no {rel} {start} -> {end}"
    return found


def no_edge(client: TestClient, rel: str, start: str, end: str) -> None:
    assert (rel, start, end) not in edges_of(client, start)


def quotes(item: dict[str, Any]) -> list[str]:
    return [s["quote"] for s in item["sources"]]


def entity(client: TestClient, node: str, **params: Any) -> Any:
    return get(client, f"/entities/{node}", **params)


# --- 1. wrong facts, corrected ------------------------------------------------------------------


def test_the_te_offices_are_subordinate_only_by_implication(client: TestClient) -> None:
    part_of = edge(client, "PART_OF", "org-te-toimistot", "org-ely-keskukset")
    assert (part_of["qualifier"], part_of["assertion"]) == ("subordinate_to", "implied")
    assert quotes(part_of) == [
        "de underställda arbets- och näringsbyråernas tjänster och verksamhet"
    ]


def test_steering_inherited_through_an_implied_edge_is_implied(client: TestClient) -> None:
    body = get(client, "/entities/org-te-toimistot/steered-by")
    links = {link["entity"]["id"]: link for link in body["items"]}
    coordination = links["grp-ely-johtoryhma"]  # it coordinates the centres, not the offices
    assert coordination["inherited"] is True
    assert coordination["assertion"] == "implied"
    assert links["org-tem"]["assertion"] == "stated"  # TEM steers the offices directly


def test_no_text_names_a_substantive_steering_mode(client: TestClient) -> None:
    modes = get(client, "/stats")["edge_qualifiers"]["STEERS"]
    assert "substantive" not in modes
    assert modes["unspecified"] == 4
    assert get(client, "/entities/org-ely-keskukset/steered-by", expect=422, mode="substantive")


def test_joint_steering_has_no_mode_and_names_its_partners(client: TestClient) -> None:
    steers = [e for e in edges_of(client, "org-tem").values() if e["type"] == "STEERS"]
    (joint,) = [e for e in steers if e["attributes"].get("joint")]
    assert joint["qualifier"] == "unspecified"
    assert joint["attributes"]["jointly_with"] == ["org-hallinnonalat"]
    assert joint["assertion"] == "implied"
    assert quotes(joint) == ["NTM-centralerna styrs i samarbete med andra förvaltningsområden."]
    by_mode = {
        e["qualifier"]: e
        for e in edges_of(client, "org-ely-ohjaavat-ministeriot").values()
        if e["type"] == "STEERS"
    }
    assert by_mode["unspecified"]["assertion"] == "stated"
    assert "keskuksia ohjaavien ministeriöiden kansliapäälliköitä" in quotes(by_mode["unspecified"])


def test_the_board_date_is_the_presentation_not_the_proposal(client: TestClient) -> None:
    proposal = edge(client, "PRODUCES", "grp-tvv-ledningsgrupp", "doc-tvv-styrmodell")
    assert proposal["qualifier"] == "proposes"
    assert proposal["date_text"] is None
    presentation = edge(client, "PREPARES_FOR", "grp-tvv-ledningsgrupp", "grp-tvv-styrelse")
    assert (presentation["date_text"], presentation["status"]) == ("23 oktober", "planned")
    assert quotes(presentation) == [
        "ett färdigt förslag att presentera för styrelsen den 23 oktober"
    ]
    model = entity(client, "doc-tvv-styrmodell")
    assert (model["status"], model["date_text"]) == ("proposed", None)


RESULT_AREAS = [
    "goal-tvv-ra-forenkling",
    "goal-tvv-ra-kompetensforsorjning",
    "goal-tvv-ra-digitalisering",
    "goal-tvv-ra-affarsutveckling",
    "goal-tvv-ra-regional-kapacitet",
    "goal-tvv-ra-modern-myndighet",
]
EARLIER_GOALS = [
    "goal-tvv-malbild",
    "goal-tvv-tidigare-overgripande-mal",
    "goal-tvv-tidigare-interna-mal",
    "goal-tvv-tidigare-prioriteringar",
]


def test_a_proposed_structure_has_proposed_goals_and_no_goal_yet_removed(
    client: TestClient,
) -> None:
    for goal in ["goal-tvv-overgripande-mal", *RESULT_AREAS]:
        assert entity(client, goal)["status"] == "proposed", goal
        assert edge(client, "HAS_GOAL", "org-tillvaxtverket", goal)["status"] == "proposed"
        assert edge(client, "PART_OF", goal, "doc-tvv-styrmodell")["status"] == "proposed"
    for goal in EARLIER_GOALS:
        assert entity(client, goal)["status"] is None, goal
        assert edge(client, "HAS_GOAL", "org-tillvaxtverket", goal)["status"] is None
    for goal in ("goal-tvv-malbild", "goal-tvv-tidigare-prioriteringar"):
        removal = edge(client, "CONCERNS", "doc-tvv-styrmodell", goal)
        assert (removal["qualifier"], removal["status"]) == ("removes", "proposed")
    replaced = edge(client, "DERIVES_FROM", "goal-tvv-ra-modern-myndighet", EARLIER_GOALS[2])
    assert (replaced["qualifier"], replaced["status"]) == ("replaces", "proposed")


def test_the_representative_is_the_chair_only_by_inference(client: TestClient) -> None:
    seat = edge(client, "MEMBER_OF", "post-ely-ylijohtajien-pj", "grp-ely-johtoryhma")
    assert (seat["qualifier"], seat["assertion"]) == ("representative", "inferred")
    assert {s["doc"] for s in seat["sources"]} == {"src-000", "src-004"}


def test_every_citation_on_the_okm_group_supports_it(client: TestClient) -> None:
    member = edge(client, "PART_OF", "org-okm", "org-okm-konserni")
    assert quotes(member) == [
        "Projekt för utveckling av koncernen inom undervisnings- och kulturministeriet",
        "inom undervisnings- och kulturministeriets koncern",
    ]


# --- 2. inventions, removed ----------------------------------------------------------------------


def test_tillvaxtverket_has_no_invented_director_general(client: TestClient) -> None:
    get(client, "/entities/post-tvv-gd", expect=404)
    assert [
        e for e in edges_of(client, "org-tvv-gd-stab").values() if e["type"] == "SUPPORTS"
    ] == []
    assert "director-general" not in (entity(client, "org-tvv-gd-stab")["gloss_en"] or "")


@pytest.mark.parametrize(
    ("node", "words"),
    [
        ("org-ely-ohjaavat-tahot", "ministries and agencies"),
        ("post-ely-ylijohtaja", "one per centre"),
        ("org-tem", "Ministry of Employment and the Economy"),
    ],
)
def test_outside_glosses_are_gone(client: TestClient, node: str, words: str) -> None:
    shown = entity(client, node, lang="en")
    assert words not in str(shown)


def test_the_centre_is_not_called_an_agency(client: TestClient) -> None:
    assert entity(client, "org-keha")["kind"] == "other"


def test_okm_is_not_a_name_from_the_documents(client: TestClient) -> None:
    ministry = entity(client, "org-okm")
    assert "OKM" not in ministry["alt_names"]
    assert ministry["abbr"] == {"fi": None, "sv": None, "en": None}
    assert ministry["reference"]["abbr"]["fi"] == "OKM"  # the reference list's abbreviation
    assert [s["doc"] for s in ministry["reference"]["sources"]] == ["ref-official-names"]


COMPOSED = {
    "doc-avi-tulossopimukset": "regionförvaltningsverkens resultatavtal",
    "doc-keha-tulossopimus": "utvecklings- och förvaltningscentrets resultatavtal",
    "doc-pienryhmien-periaatteet": "verksamhetsprinciper för smågrupperna",
    "evt-jjp-2019": "Dagen för offentligt ledarskap 2019",
    "evt-jjp-2022": "Dagen för offentligt ledarskap 2022",
    "evt-johdon-foorumi-tapaamiset": "möten för ledningsforumet",
    "evt-hjf-aamutapaamiset": "forumets morgonträffar",
    "evt-tvv-styrelsebeslut": "styrelsens beslut den 23 oktober",
    "goal-ohjausuudistus-tavoite": (
        "mer strategisk, lättare, mer tväradministrativ och enhetligare styrning"
    ),
    "grp-ely-johtoryhma": "ledningsgruppen för NTM-centralerna",
    "post-hjf-puheenjohtaja": "forumets ordförande",
    "prg-uudistuja": "förnyarprogrammet",
    "per-aslog-odmark": "Aslog Odmark",
}


@pytest.mark.parametrize(("node", "composed"), sorted(COMPOSED.items()))
def test_composed_names_are_neither_shown_nor_searched(
    client: TestClient, node: str, composed: str
) -> None:
    shown = entity(client, node, lang="sv")
    assert composed not in [shown["name"], *shown["names"].values(), *shown["alt_names"]]
    hits = get(client, "/search", q=composed, limit=100)["items"]
    assert all(not (h["id"] == node and h["name"] == composed) for h in hits)


# --- 3. missing facts, added ----------------------------------------------------------------------

ADDED = [
    (
        "CONCERNS",
        "grp-tvv-chefsgrupp",
        "doc-tvv-styrmodell",
        "Chefgruppen samtalar om nya styrsystemet.",
    ),
    (
        "HAS_GOAL",
        "prj-tvv-styrning-forenkling",
        "goal-tvv-forenkling-mal",
        "Före sommaren startade ett arbete med att förenkla vår struktur för den interna "
        "styrningen. Målet har varit färre styrande formuleringar",
    ),
    (
        "CONCERNS",
        "prj-tvv-styrmodell-utveckling",
        "doc-tvv-styrmodell",
        "Parallellt med det fortsätter arbetet med att utveckla styrmodellen.",
    ),
    (
        "SUPPORTS",
        "org-keha",
        "org-ely-keskukset",
        "NTM-centralernas och arbets- och näringsbyråernas utvecklings- och förvaltningscenter",
    ),
    (
        "SUPPORTS",
        "org-keha",
        "org-te-toimistot",
        "NTM-centralernas och arbets- och näringsbyråernas utvecklings- och förvaltningscenter",
    ),
    (
        "STEERS",
        "org-okm",
        "org-okm-virastot",
        "ett projekt för utveckling av koncernen som omfattar ämbetsverken inom hela "
        "ansvarsområdet",
    ),
    (
        "PART_OF",
        "grp-tem-digitalisaation-johtoryhma",
        "org-tem",
        "Digitalisaation johtoryhmä toimii johdon tukena konsernin digitalisaatioon liittyvien "
        "linjausten",
    ),
    (
        "PART_OF",
        "prg-uudistuja",
        "prg-johtamisvalmennukset",
        "gemensamma träningsprogram för ledningen bl.a. Förnyelse-programmet",
    ),
    (
        "PART_OF",
        "net-valmennusalumnit",
        "net-kehittamisverkostot",
        "I aktuella projekt utnyttjar man sådana utvecklingsnätverk som i större eller mindre "
        "utsträckning baserar sig på frivillighet. Ett nätverk utgörs av de som deltagit i "
        "gemensamma träningsprogram för ledningen",
    ),
    (
        "PARTICIPATES_IN",
        "org-vm",
        "net-vm-virtuella-natverk",
        "Även finansministeriet har tagit i bruk allt fler elektroniska eller virtuella nätverk",
    ),
    *[
        (
            "DERIVES_FROM",
            document,
            "evt-valtiontalouden-suunnittelu",
            "Utgångspunkten i beredningen av dokumenten är att länkningen från "
            "regeringsprogrammet och planeringen av statsfinanserna till "
            "resultatstyrningsdokumenten är tydlig.",
        )
        for document in (
            "doc-avi-ely-strategia-asiakirja",
            "doc-ely-tulossopimukset",
            "doc-avi-tulossopimukset",
            "doc-keha-tulossopimus",
        )
    ],
    *[
        (
            "SUPPORTS",
            "goal-tvv-ra-modern-myndighet",
            area,
            "Ett av de sex resultatområdena, modern myndighet, handlar om hur vi ska arbeta för "
            "att åstadkomma det vi har föresatt oss inom de övriga fem.",
        )
        for area in RESULT_AREAS[:5]
    ],
]


@pytest.mark.parametrize(
    ("rel", "start", "end", "quote"), ADDED, ids=[f"{a[0]}-{a[2]}" for a in ADDED]
)
def test_a_missing_fact_is_added_with_its_quote(
    client: TestClient, rel: str, start: str, end: str, quote: str
) -> None:
    assert quote in quotes(edge(client, rel, start, end))


def test_the_simplifications_aim_and_the_opinions_are_properties(client: TestClient) -> None:
    aim = entity(client, "goal-tvv-forenkling-mal")
    assert aim["text"] == (
        "Målet har varit färre styrande formuleringar och istället större tyngd åt de som "
        "blir kvar."
    )
    assert "Tydlighet har varit ett ledord." in quotes(aim)
    planning = entity(client, "evt-tvv-verksamhetsplanering")
    assert any("resurstilldelning" in q for q in quotes(planning))
    assert "resource allocation" in planning["note"]
    meeting = entity(client, "evt-tvv-chefsmote")
    assert any("Lättöverskådlig med en tydlig röd tråd" in q for q in quotes(meeting))
    work = entity(client, "prj-tvv-styrmodell-utveckling")
    assert work["status"] == "current"


def test_the_modes_of_the_added_facts(client: TestClient) -> None:
    okm = edge(client, "STEERS", "org-okm", "org-okm-virastot")
    assert (okm["qualifier"], okm["assertion"]) == ("unspecified", "implied")
    assert edge(client, "SUPPORTS", "org-keha", "org-ely-keskukset")["qualifier"] == "serves"
    digi = edge(client, "PART_OF", "grp-tem-digitalisaation-johtoryhma", "org-tem")
    assert digi["qualifier"] == "body_of"
    steered = get(client, "/entities/org-okm/steers")
    assert "org-okm-virastot" in [link["entity"]["id"] for link in steered["items"]]


# --- 4. names from outside the texts, marked as such -------------------------------------------

REFERENCE = {
    "org-tem": (
        "työ- ja elinkeinoministeriö",
        "Ministry of Economic Affairs and Employment of Finland",
    ),
    "org-vm": ("valtiovarainministeriö", "Ministry of Finance of Finland"),
    "org-okm": ("opetus- ja kulttuuriministeriö", "Ministry of Education and Culture of Finland"),
    "org-ely-keskukset": (
        "elinkeino-, liikenne- ja ympäristökeskukset",
        "Centres for Economic Development, Transport and the Environment",
    ),
    "org-avit": ("aluehallintovirastot", "Regional State Administrative Agencies"),
    "org-te-toimistot": (
        "työ- ja elinkeinotoimistot",
        "Employment and Economic Development Offices",
    ),
    "org-keha": (
        "ELY-keskusten ja TE-toimistojen kehittämis- ja hallintokeskus",
        "Development and Administrative Services Centre for ELY Centres and TE Offices",
    ),
    "org-haus": ("HAUS kehittämiskeskus Oy", "HAUS Finnish Institute of Public Management Ltd"),
}


@pytest.mark.parametrize(("node", "names"), sorted(REFERENCE.items()))
def test_reference_names_are_shown_with_their_source(
    client: TestClient, node: str, names: tuple[str, str]
) -> None:
    finnish, english = names
    shown = entity(client, node, lang="fi")
    if node != "org-ely-keskukset":  # src-004 gives ELY-keskukset its own Finnish name
        assert shown["name"] == finnish
    assert entity(client, node, lang="en")["name"] == english
    reference = shown["reference"]
    assert reference["names"]["en"] == english
    assert [s["doc"] for s in reference["sources"]] == ["ref-official-names"]
    assert all(s["doc"] != "ref-official-names" for s in shown["sources"])
    source = entity(client, "ref-official-names")
    assert source["kind"] == "reference"


def test_the_documents_names_come_before_the_references(client: TestClient) -> None:
    tem = entity(client, "org-tem", lang="sv")
    assert tem["name"] == "Arbets- och näringsministeriet"  # src-000's own spelling
    assert tem["names"]["sv"] == "Arbets- och näringsministeriet"
    assert tem["names"]["fi"] is None  # no document gives TEM a Finnish name
    assert tem["reference"]["names"]["fi"] == "työ- ja elinkeinoministeriö"


def test_no_fact_rests_on_the_reference_list(client: TestClient) -> None:
    body = get(client, "/entities", limit=1000)
    for item in body["items"]:
        if item["type"] == "Source":
            continue
        node = entity(client, item["id"])
        assert "ref-official-names" not in [s["doc"] for s in node["sources"]], item["id"]
        for found in edges_of(client, item["id"]).values():
            assert "ref-official-names" not in [s["doc"] for s in found["sources"]]
