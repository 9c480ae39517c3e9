"""The map's styling means something: the dash pattern is the assertion (stated solid, implied
dashed, inferred dotted) on edges and node borders alike, colour and width the relationship,
a chair's seat wider, each group kind its own colour and a shape no organisation has; and the
legend shows exactly the shapes, colours, widths and dashes the view draws."""

import json
import re
from dataclasses import replace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.model.answers import EdgeRef, EntityRef
from app.model.common import Names
from app.model.vocabulary import GROUP_KINDS, Assertion, Label, Lang, RelType
from app.viz.graph import ViewGraph
from app.viz.legend import dash_array
from app.viz.page import render_html
from app.viz.style import GROUP_STYLES, KIND_STYLES, NODE_STYLES, dashes, edge_style


def ref(node_id: str, label: Label, kind: str) -> EntityRef:
    return EntityRef(id=node_id, type=label, kind=kind, name=node_id, names=Names(fi=node_id))


def edge(rel: RelType, start: str, end: str, qualifier: str | None, assertion: str) -> EdgeRef:
    attributes = {"role": qualifier, "basis": "ex_officio"} if rel is RelType.MEMBER_OF else {}
    return EdgeRef(
        id=f"{rel.value.lower()}.{start}.{end}",
        type=rel,
        **{"from": start},
        to=end,
        qualifier=qualifier,
        attributes=attributes,
        assertion=Assertion(assertion),
        sources=[],
    )


def mixed_view(hierarchical: bool) -> ViewGraph:
    view = ViewGraph(title="t", focus="grp-a", hierarchical=hierarchical, lang=Lang.EN)
    view.add_entities(
        [
            ref("org-m", Label.ORGANIZATION, "ministry"),
            ref("org-a", Label.ORGANIZATION, "agency"),
            ref("org-s", Label.ORGANIZATION, "state_company"),  # no kind style: the type's
            ref("grp-a", Label.ORGANIZATION, "management_group"),
            ref("grp-w", Label.ORGANIZATION, "working_group"),
            ref("post-c", Label.POST, "permanent_secretary"),
            ref("post-m", Label.POST, "head_of_department"),
            ref("per-p", Label.PERSON, "person"),
        ]
    )
    view.add_edges(
        [
            edge(RelType.STEERS, "org-m", "org-a", "performance", "stated"),
            edge(RelType.STEERS, "org-m", "org-s", "administrative", "implied"),
            edge(RelType.MEMBER_OF, "post-c", "grp-a", "chair", "stated"),
            edge(RelType.MEMBER_OF, "post-m", "grp-a", "member", "inferred"),
            edge(RelType.HOLDS, "per-p", "post-c", None, "stated"),
            edge(RelType.PART_OF, "grp-w", "org-m", "body_of", "implied"),
        ]
    )
    view.nodes["grp-w"] = replace(view.nodes["grp-w"], assertion="implied")
    return view


def page(view: ViewGraph) -> tuple[str, dict[str, Any]]:
    html = render_html(view, view.lang)
    match = re.search(r'id="graph-data">(.*?)</script>', html, re.S)
    assert match is not None
    return html, json.loads(match.group(1))


def legend_items(html: str) -> list[dict[str, str]]:
    return [
        dict(re.findall(r'data-([a-z]+)="([^"]*)"', attrs), text=text)
        for attrs, text in re.findall(r"<li (data-kind[^>]*)>.*?<span>([^<]*)</span></li>", html)
    ]


def fill(node: dict[str, Any]) -> str:
    colour = node["color"]
    return str(colour["background"] if isinstance(colour, dict) else colour)


@pytest.mark.parametrize("hierarchical", [False, True])
def test_the_legend_shows_exactly_the_styles_the_view_draws(hierarchical: bool) -> None:
    html, data = page(mixed_view(hierarchical))
    items = legend_items(html)
    drawn_nodes = {(n["shape"], fill(n)) for n in data["nodes"]}
    drawn_edges = {(e["color"], float(e["width"])) for e in data["edges"]}
    drawn_lines = {dash_array(e["dashes"]) for e in data["edges"]}
    drawn_lines |= {
        dash_array(n["shapeProperties"]["borderDashes"])
        for n in data["nodes"]
        if "shapeProperties" in n
    }
    assert {(i["shape"], i["colour"]) for i in items if i["kind"] == "node"} == drawn_nodes
    assert {(i["colour"], float(i["width"])) for i in items if i["kind"] == "edge"} == drawn_edges
    assert {i["dashes"] for i in items if i["kind"] == "line"} == drawn_lines == {"", "8 5", "2 4"}
    if hierarchical:  # every label in a box: the legend shows boxes in the nodes' colours
        assert {shape for shape, _ in drawn_nodes} == {"box"}
    texts = [i["text"] for i in items]
    assert texts == [
        "agency", "management group", "ministry", "organisation", "person", "post",
        "working group",
        "holds", "member of", "member of: chair", "part of", "steers: administrative",
        "steers: performance",
        "stated", "implied", "inferred",
    ]  # fmt: skip


def test_each_swatch_draws_its_entry_s_shape_colour_and_dashes() -> None:
    html, _ = page(mixed_view(False))
    for li in re.findall(r"<li data-kind.*?</li>", html, re.S):
        attrs = dict(re.findall(r'data-([a-z]+)="([^"]*)"', li))
        svg = re.search(r"<svg.*?</svg>", li, re.S)
        assert svg is not None
        if attrs["kind"] == "node":
            assert f'fill="{attrs["colour"]}"' in svg.group(0)
            tag = {"dot": "<circle", "square": "<rect", "box": "<rect"}.get(attrs["shape"])
            assert tag is None or tag in svg.group(0)
        elif attrs["kind"] == "edge":
            assert f'stroke="{attrs["colour"]}" stroke-width="{attrs["width"]}"' in svg.group(0)
        else:
            assert ("stroke-dasharray" in svg.group(0)) == bool(attrs["dashes"])


def test_dashes_mean_the_assertion_and_colour_the_relationship() -> None:
    view = mixed_view(False)
    _, data = page(view)
    edges = {e["id"]: e for e in data["edges"]}
    assert edges["steers.org-m.org-a"]["dashes"] is False
    assert edges["steers.org-m.org-s"]["dashes"] == [8, 5]  # implied
    assert edges["member_of.post-m.grp-a"]["dashes"] == [2, 4]  # inferred
    assert len({dash_array(dashes(a)) for a in Assertion}) == 3
    # Two steering modes differ in colour, never in dashes.
    assert edges["steers.org-m.org-a"]["color"] != edges["steers.org-m.org-s"]["color"]
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["grp-w"]["shapeProperties"] == {"borderDashes": [8, 5]}
    assert "shapeProperties" not in nodes["grp-a"]


def test_a_chair_sits_wider_and_every_seat_says_its_basis() -> None:
    _, data = page(mixed_view(False))
    edges = {e["id"]: e for e in data["edges"]}
    chair, member = edges["member_of.post-c.grp-a"], edges["member_of.post-m.grp-a"]
    assert chair["width"] > member["width"] >= 1
    assert chair["width"] == edge_style(RelType.MEMBER_OF, "chair").width
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels["post-c"].split("\n")[0] == "post-c"
    assert " ".join(labels["post-c"].split()) == "post-c (chair · ex officio)"
    assert " ".join(labels["post-m"].split()) == "post-m (member · ex officio)"
    assert labels["per-p"] == "per-p"  # a holder is no seat


def test_every_group_kind_has_a_style_of_its_own() -> None:
    assert set(GROUP_STYLES) == GROUP_KINDS
    group_colours = [s.colour for s in GROUP_STYLES.values()]
    assert len(set(group_colours)) == len(GROUP_KINDS)
    others = {s.colour for s in NODE_STYLES.values()}
    others |= {s.colour for k, s in KIND_STYLES.items() if k not in GROUP_KINDS}
    assert not others & set(group_colours)
    organisation_shapes = {NODE_STYLES[Label.ORGANIZATION].shape}
    organisation_shapes |= {s.shape for k, s in KIND_STYLES.items() if k not in GROUP_KINDS}
    assert all(s.shape not in organisation_shapes for s in GROUP_STYLES.values())


def test_the_composition_of_tem_s_management_group_shows_its_chair(client: TestClient) -> None:
    answer = client.get("/api/v1/views/members.html?id=grp-tem-virkamiesjohtoryhma&lang=fi")
    assert answer.status_code == 200
    match = re.search(r'id="graph-data">(.*?)</script>', answer.text, re.S)
    assert match is not None
    data = json.loads(match.group(1))
    labels = {n["id"]: " ".join(n["label"].split()) for n in data["nodes"]}
    assert labels["post-tem-kansliapaallikko"].endswith("(puheenjohtaja · viran puolesta)")
    assert labels["post-tem-kp-maaraamat-virkamiehet"].endswith("(jäsen · määrätty)")
    widths = {e["id"].split(".")[-1]: e["width"] for e in data["edges"] if "member-of" in e["id"]}
    assert widths["chair"] > widths["member"]
    assert "jäsenenä: puheenjohtaja" in legend_texts(answer.text)


def legend_texts(html: str) -> list[str]:
    return [i["text"] for i in legend_items(html)]


@pytest.mark.parametrize(
    "query",
    [
        "neighbourhood.html?id=org-tem&depth=2",
        "steers.html?id=org-tem&depth=3&lang=sv",
        "members.html?id=grp-ely-johtoryhma&lang=en",
        "graph.html?lang=fi",
    ],
)
def test_the_legend_of_a_real_view_matches_its_drawing(client: TestClient, query: str) -> None:
    answer = client.get(f"/api/v1/views/{query}")
    assert answer.status_code == 200, answer.text
    match = re.search(r'id="graph-data">(.*?)</script>', answer.text, re.S)
    assert match is not None
    data = json.loads(match.group(1))
    items = legend_items(answer.text)
    assert {(i["shape"], i["colour"]) for i in items if i["kind"] == "node"} == {
        (n["shape"], fill(n)) for n in data["nodes"]
    }
    assert {(i["colour"], float(i["width"])) for i in items if i["kind"] == "edge"} == {
        (e["color"], float(e["width"])) for e in data["edges"]
    }
    assert {i["dashes"] for i in items if i["kind"] == "line"} >= {
        dash_array(e["dashes"]) for e in data["edges"]
    }


def test_no_two_node_styles_share_a_colour() -> None:
    """Two kinds in one colour would be one entry's swatch for two things on the map."""
    colours = [s.colour for s in NODE_STYLES.values()] + [s.colour for s in KIND_STYLES.values()]
    assert len(colours) == len(set(colours))
