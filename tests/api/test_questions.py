"""Analysts' questions, answered through the API, with answers worked out by hand from the
five source documents. Some honest answers are "not stated in the sources": the API must then
answer with nothing, or with what is stated and how (implied, inferred), never with a guess."""

from typing import Any

from fastapi.testclient import TestClient

API = "/api/v1"


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(API + path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def ids(items: list[dict[str, Any]], key: str = "entity") -> list[str]:
    return [item[key]["id"] if key else item["id"] for item in items]


def quotes(edge: dict[str, Any]) -> list[str]:
    return [source["quote"] for source in edge["sources"]]


# --- single facts ----------------------------------------------------------------------------


def test_q01_who_administratively_steers_the_ntm_centres(client: TestClient) -> None:
    body = get(
        client, "/entities/org-ely-keskukset/steered-by", mode="administrative", transitive="false"
    )
    assert ids(body["items"]) == ["org-tem"]
    (link,) = body["items"]
    assert (link["depth"], link["inherited"], link["modes"]) == (1, False, ["administrative"])
    (path,) = link["paths"]
    assert [e["id"] for e in path] == ["steers.org-tem.org-ely-keskukset.administrative"]
    assert quotes(path[0]) == [
        "Arbets- och näringsministeriet ansvarar för den administrativa styrningen av "
        "NTM-centralerna"
    ]


def test_q02_who_chairs_the_senior_officials_management_group(client: TestClient) -> None:
    body = get(client, "/entities/grp-tem-virkamiesjohtoryhma/members")
    chairs = [m for m in body["items"] if m["role"] == "chair"]
    assert [(m["member"]["id"], m["basis"]) for m in chairs] == [
        ("post-tem-kansliapaallikko", "ex_officio")
    ]
    assert chairs[0]["holders"] == []  # the source names no holder of the seat
    assert quotes(chairs[0]["edge"]) == [
        "Virkamiesjohtoryhmän puheenjohtajana toimii kansliapäällikkö."
    ]


def test_q03_the_okm_project_mandate_and_case_number(client: TestClient) -> None:
    body = client.get(f"{API}/entities/prj-okm071-00-2021").json()
    assert (body["valid_from"], body["valid_to"], body["status"]) == (
        "2021-10-13",
        "2022-09-30",
        "completed",
    )
    assert (body["project_code"], body["case_numbers"]) == ("OKM071:00/2021", ["VN/24284/2021"])


def test_q04_when_the_tillvaxtverket_board_decides_year_not_stated(client: TestClient) -> None:
    body = client.get(f"{API}/entities/evt-tvv-styrelsebeslut").json()
    assert (body["valid_from"], body["date_text"], body["status"]) == (
        None,
        "23 oktober",
        "planned",
    )


# --- chains ----------------------------------------------------------------------------------


def test_q05_who_steers_the_te_offices_directly_by_inheritance_and_by_chain(
    client: TestClient,
) -> None:
    body = get(client, "/entities/org-te-toimistot/steered-by")
    got = {(i["entity"]["id"], i["depth"], i["inherited"]) for i in body["items"]}
    assert got == {
        ("org-tem", 1, False),
        ("org-ely-ohjaavat-ministeriot", 1, True),
        ("org-ely-ohjaavat-tahot", 1, True),
        ("grp-ely-johtoryhma", 1, True),
        ("grp-tem-ministerion-johtoryhma", 2, False),
    }
    assert body["total"] == 5


def test_q06_steering_inherited_through_part_of_is_shown_as_such(client: TestClient) -> None:
    body = get(client, "/entities/org-te-toimistot/steered-by")
    link = next(i for i in body["items"] if i["entity"]["id"] == "grp-ely-johtoryhma")
    (path,) = link["paths"]
    assert [(e["type"], e["from"], e["to"], e["qualifier"]) for e in path] == [
        ("STEERS", "grp-ely-johtoryhma", "org-ely-keskukset", "coordination"),
        ("PART_OF", "org-te-toimistot", "org-ely-keskukset", "subordinate_to"),
    ]
    assert quotes(path[1]) == [
        "de underställda arbets- och näringsbyråernas tjänster och verksamhet"
    ]


def test_q07_whom_the_ministrys_management_group_steers(client: TestClient) -> None:
    body = get(client, "/entities/grp-tem-ministerion-johtoryhma/steers")
    # By name within a depth, in the bodies' own language (Finnish): "TEM:n hallinnonala" before
    # "työ- ja elinkeinoministeriö" (the reference list's name), "ELY-keskukset" before
    # "työ- ja elinkeinotoimistot".
    assert [(i["entity"]["id"], i["depth"]) for i in body["items"]] == [
        ("org-tem-hallinnonala", 1),
        ("org-tem", 1),
        ("org-ely-keskukset", 2),
        ("org-te-toimistot", 2),
    ]
    swedish = get(client, "/entities/grp-tem-ministerion-johtoryhma/steers", lang="sv")
    assert ids(swedish["items"]) == [
        "org-tem",  # "Arbets- och näringsministeriet"
        "org-tem-hallinnonala",
        "org-te-toimistot",  # "arbets- och näringsbyråerna"
        "org-ely-keskukset",  # "NTM-centralerna"
    ]


def test_q08_a_depth_limit_stops_the_chain(client: TestClient) -> None:
    body = get(client, "/entities/grp-tem-ministerion-johtoryhma/steers", max_depth=1)
    assert ids(body["items"]) == ["org-tem-hallinnonala", "org-tem"]


def test_q09_who_performance_steers_the_ntm_centres_is_only_implied(client: TestClient) -> None:
    body = get(client, "/entities/org-ely-keskukset/steered-by", mode="performance")
    (link,) = body["items"]
    assert link["entity"]["id"] == "org-ely-ohjaavat-ministeriot"
    (path,) = link["paths"]
    assert (path[0]["assertion"], path[0]["confidence"]) == ("implied", "medium")
    assert path[0]["attributes"]["instruments"] == [
        "doc-avi-ely-strategia-asiakirja",
        "doc-ely-tulossopimukset",
    ]


def test_q10_nobody_is_stated_to_steer_the_ministry_of_finance(client: TestClient) -> None:
    body = get(client, "/entities/org-vm/steered-by")
    assert (body["items"], body["total"]) == ([], 0)


def test_q11_tillvaxtverket_is_steered_only_by_its_own_management_group(
    client: TestClient,
) -> None:
    body = get(client, "/entities/org-tillvaxtverket/steered-by")
    assert [(i["entity"]["id"], i["modes"]) for i in body["items"]] == [
        ("grp-tvv-ledningsgrupp", ["internal_guidance"])
    ]


def test_q12_the_preparation_chain_above_the_senior_officials_group(client: TestClient) -> None:
    body = get(client, "/entities/grp-tem-virkamiesjohtoryhma/preparation-chain")
    assert [(i["entity"]["id"], i["depth"]) for i in body["items"]] == [
        ("post-tem-kansliapaallikko", 1),
        ("grp-tem-ministerion-johtoryhma", 1),
        ("post-elinkeinoministeri", 2),
        ("post-tyoministeri", 2),
    ]


def test_q13_the_cross_administrative_group_prepares_for_the_management_group(
    client: TestClient,
) -> None:
    body = get(client, "/entities/grp-ohjauksen-valmisteluryhma/preparation-chain")
    (step,) = body["items"]
    assert (step["entity"]["id"], step["depth"]) == ("grp-ely-johtoryhma", 1)
    assert quotes(step["edges"][0])[0] == (
        "Den förvaltningsövergripande beredningsgruppen bereder ärenden för behandling i "
        "ledningsgruppen."
    )


def test_q14_how_petri_peltonen_connects_to_the_ntm_centres(client: TestClient) -> None:
    body = get(
        client,
        "/paths",
        **{
            "from": "per-petri-peltonen",
            "to": "org-ely-keskukset",
            "types": "HOLDS,POST_IN,STEERS",
        },
    )
    assert body["total"] == 3
    for path in body["items"]:
        assert [n["id"] for n in path["nodes"]] == [
            "per-petri-peltonen",
            "post-tem-alivaltiosihteeri",
            "org-tem",
            "org-ely-keskukset",
        ]
    assert sorted(p["edges"][-1]["qualifier"] for p in body["items"]) == [
        "administrative",
        "development",
        "unspecified",  # the joint steering "i samarbete med andra förvaltningsområden"
    ]


def test_q15_no_path_within_the_limit_is_an_empty_answer(client: TestClient) -> None:
    body = get(client, "/paths", **{"from": "per-aslog-odmark", "to": "org-vm", "max_length": 2})
    assert (body["items"], body["total"]) == ([], 0)


# --- groups and people -----------------------------------------------------------------------


def test_q16_who_sits_on_the_tem_group_management_group_and_on_what_basis(
    client: TestClient,
) -> None:
    body = get(client, "/entities/grp-tem-konsernin-johtoryhma/members")
    got = [
        (m["member"]["id"], m["role"], m["basis"], (m["designated_by"] or {}).get("id"))
        for m in body["items"]
    ]
    assert got == [
        ("post-tem-kansliapaallikko", "chair", "ex_officio", None),
        ("post-tem-osastopaallikot", "member", "ex_officio", None),
        ("post-tem-kj-pj-osoittamat", "member", "designated", "post-tem-kansliapaallikko"),
        ("post-tem-konserni-paallikot", "member", "ex_officio", None),
    ]
    assert body["chair_stated"] is True


def test_q17_the_digitalisation_group_chair_seat_and_its_holder(client: TestClient) -> None:
    body = get(client, "/entities/grp-tem-digitalisaation-johtoryhma/members")
    seat = next(m for m in body["items"] if m["member"]["id"] == "post-tem-alivaltiosihteeri")
    assert seat["role"] == "chair"
    assert [h["person"]["id"] for h in seat["holders"]] == ["per-petri-peltonen"]
    person = next(m for m in body["items"] if m["member"]["id"] == "per-petri-peltonen")
    assert (person["basis"], person["via_post"]["id"]) == ("via_post", "post-tem-alivaltiosihteeri")


def test_q18_what_petri_peltonen_chairs_and_through_which_post(client: TestClient) -> None:
    body = get(client, "/entities/per-petri-peltonen/chairs")
    (chair,) = body["items"]
    assert (chair["group"]["id"], chair["through"]["id"]) == (
        "grp-tem-digitalisaation-johtoryhma",
        "post-tem-alivaltiosihteeri",
    )
    assert {e["type"] for e in chair["edges"]} == {"HOLDS", "MEMBER_OF"}


def test_q19_where_petri_peltonen_sits_through_his_post(client: TestClient) -> None:
    body = get(client, "/entities/per-petri-peltonen/memberships")
    assert [(m["group"]["id"], m["role"]) for m in body["items"]] == [
        ("grp-tem-digitalisaation-johtoryhma", "chair"),
        ("grp-tem-virkamiesjohtoryhma", "member"),
    ]


def test_q20_what_the_permanent_secretary_chairs(client: TestClient) -> None:
    body = get(client, "/entities/post-tem-kansliapaallikko/chairs")
    assert sorted(c["group"]["id"] for c in body["items"]) == [
        "grp-ely-johtoryhma",
        "grp-tem-konsernin-johtoryhma",
        "grp-tem-virkamiesjohtoryhma",
    ]


def test_q21_the_ministrys_management_group_has_no_stated_chair(client: TestClient) -> None:
    body = get(client, "/entities/grp-tem-ministerion-johtoryhma/members")
    assert (body["items"], body["chair_stated"]) == ([], False)
    unchaired = ids(get(client, "/groups/unchaired")["items"], key="")
    assert "grp-tem-ministerion-johtoryhma" in unchaired
    assert "grp-tem-virkamiesjohtoryhma" not in unchaired
    assert len(unchaired) == 15


def test_q22_the_hr_forum_has_a_chair_whose_holder_is_not_stated(client: TestClient) -> None:
    body = get(client, "/entities/grp-hjf/members")
    assert [(m["member"]["id"], m["role"], m["holders"]) for m in body["items"]] == [
        ("post-hjf-puheenjohtaja", "chair", []),
        ("post-hr-johto", "member", []),
    ]


def test_q23_which_groups_interlock_and_who_sits_in_most(client: TestClient) -> None:
    body = get(client, "/interlocks", min_shared=2)
    assert [
        ([g["id"] for g in pair["groups"]], [m["id"] for m in pair["shared"]])
        for pair in body["items"]
    ] == [
        (
            ["grp-tem-konsernin-johtoryhma", "grp-tem-virkamiesjohtoryhma"],
            ["post-tem-kansliapaallikko", "post-tem-osastopaallikot"],
        )
    ]
    top = body["busiest"][0]
    assert (top["member"]["id"], top["count"]) == ("post-tem-kansliapaallikko", 3)


# --- search, time, language ------------------------------------------------------------------


def test_q24_search_finds_swedish_finnish_and_variant_names(client: TestClient) -> None:
    first = {
        q: get(client, "/search", q=q)["items"][0]["id"]
        for q in ("NTM-centralerna", "ELY-keskukset", "aslog odmark", "Chefgruppen", "TEM")
    }
    assert first == {
        "NTM-centralerna": "org-ely-keskukset",
        "ELY-keskukset": "org-ely-keskukset",
        "aslog odmark": "per-aslog-odmark",
        "Chefgruppen": "grp-tvv-chefsgrupp",
        "TEM": "org-tem",
    }


def test_q25_search_filters_by_type_and_kind(client: TestClient) -> None:
    body = get(client, "/search", q="johtoryhmä", type="Organization", kind="management_group")
    assert sorted(ids(body["items"], key="")) == [
        "grp-ely-johtoryhma",
        "grp-tem-digitalisaation-johtoryhma",
        "grp-tem-konsernin-johtoryhma",
        "grp-tem-ministerion-johtoryhma",
        "grp-tem-virkamiesjohtoryhma",  # "virkamiesjohtoryhmä" contains it
        "grp-tvv-ledningsgrupp",  # a management group: "johtoryhmä" is its kind's word
    ]


def test_q26_what_began_or_ended_in_2022(client: TestClient) -> None:
    body = get(client, "/changes", **{"from": "2022-01-01", "to": "2022-12-31"})
    entity_changes = [
        (c["change"], c["date"], c["entity"]["id"]) for c in body["items"] if c["entity"]
    ]
    assert entity_changes == [
        ("began", "2022-02-16", "evt-jjp-2022"),
        ("ended", "2022-02-16", "evt-jjp-2022"),
        ("ended", "2022-09-30", "prj-okm071-00-2021"),
    ]
    assert body["total"] == 9  # plus the three audience edges of the 2022 day, begun and ended


def test_q27_as_of_a_day_leaves_out_what_was_not_valid_then(client: TestClient) -> None:
    around = {
        day: ids(get(client, "/entities/evt-jjp-sarja/neighbourhood", as_of=day)["nodes"], "")
        for day in ("2019-06-01", "2020-06-01", "2022-02-16")
    }
    assert "evt-jjp-2019" in around["2019-06-01"]
    assert not {"evt-jjp-2019", "evt-jjp-2022"} & set(around["2020-06-01"])
    assert "evt-jjp-2022" in around["2022-02-16"]
    stats = get(client, "/stats", as_of="2020-06-01")
    assert (stats["nodes"]["Project"], stats["nodes"]["Event"]) == (6, 12)


def test_q28_names_follow_the_callers_language(client: TestClient) -> None:
    answers = {
        lang: get(client, "/entities/org-te-toimistot/steered-by", lang=lang)["items"]
        for lang in ("fi", "sv", "en")
    }
    names = {
        lang: next(i for i in items if i["entity"]["id"] == "org-ely-ohjaavat-ministeriot")
        for lang, items in answers.items()
    }
    assert {lang: item["entity"]["name"] for lang, item in names.items()} == {
        "fi": "keskuksia ohjaavat ministeriöt",
        "sv": "de styrande ministerierna",
        "en": "the ministries that steer the ELY centres (not listed in the sources)",
    }
    assert names["en"]["entity"]["names"] == {
        "fi": "keskuksia ohjaavat ministeriöt",
        "sv": "de styrande ministerierna",
        "en": None,
    }


def test_q29_who_is_the_contact_for_the_steering_page(client: TestClient) -> None:
    body = get(client, "/entities/src-000/neighbourhood", types="CONTACT_FOR")
    assert [(e["from"], e["attributes"]) for e in body["edges"]] == [
        ("per-marko-laiho", {"channel": "email", "basis": "explicit"})
    ]


def test_every_edge_in_every_answer_carries_its_sources(client: TestClient) -> None:
    answers = [
        get(client, "/entities/org-te-toimistot/steered-by"),
        get(client, "/entities/grp-tem-konsernin-johtoryhma/members"),
        get(client, "/entities/per-petri-peltonen/memberships"),
        get(client, "/entities/grp-tem-virkamiesjohtoryhma/preparation-chain"),
        get(client, "/entities/org-tem/neighbourhood", depth=2),
        get(client, "/changes", **{"from": "2019-01-01", "to": "2022-12-31"}),
    ]
    edges: list[dict[str, Any]] = []

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            if "sources" in value and "from" in value:
                edges.append(value)
            for child in value.values():
                collect(child)
        elif isinstance(value, list):
            for child in value:
                collect(child)

    collect(answers)
    assert len(edges) > 50
    assert all(e["sources"] and all(s["quote"] for s in e["sources"]) for e in edges)
