"""Hierarchical maps are laid out by Graphviz's dot: parents above children, a unit reached
both directly and through a middle level drawn under that level, wide levels wrapped into rows,
and no two label boxes overlapping."""

import itertools
import json
import re

from app.graph.walk import Budget
from app.model.vocabulary import Lang
from app.store.base import GraphStore
from app.viz.graph import ViewGraph
from app.viz.labels import FONT_SIZE, MAX_LINES, MIN_SCREEN_FONT, box_size, wrap
from app.viz.layout import fitted_scale, hierarchy_layout, hierarchy_positions
from app.viz.maps import VIEWS, build_view
from app.viz.overview import HUBS, graphviz_positions, hub_fonts
from app.viz.page import render_html
from tests.viz.test_page import entity, steers


def page_positions(view: ViewGraph) -> dict[str, tuple[float, float]]:
    html = render_html(view, Lang.FI)
    found = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert data["options"]["physics"]["enabled"] is False
    return {node["id"]: (node["x"], node["y"]) for node in data["nodes"]}


def test_tem_steers_the_centres_directly_and_the_offices_sit_under_the_centres(
    store: GraphStore,
) -> None:
    params = VIEWS["steers"].params.model_validate({"depth": 3})
    view = build_view(store, "steers", "org-tem", params, Budget(10.0, 100_000))
    y = {node_id: xy[1] for node_id, xy in page_positions(view).items()}
    assert y["org-tem"] < y["org-ely-keskukset"] < y["org-te-toimistot"]


def overlapping(boxes: dict[str, tuple[float, float, float, float]]) -> list[tuple[str, str]]:
    clashes = []
    for (a, (ax, ay, aw, ah)), (b, (bx, by, bw, bh)) in itertools.combinations(boxes.items(), 2):
        if abs(ax - bx) * 2 < aw + bw and abs(ay - by) * 2 < ah + bh:
            clashes.append((a, b))
    return clashes


def test_sixty_seven_children_wrap_into_rows_with_no_label_over_another() -> None:
    view = ViewGraph("a ministry and its agencies", focus="org-fi", hierarchical=True)
    agencies = [entity(f"org-a{i:02d}", f"Agency number {i} of the state") for i in range(67)]
    view.add_entities([entity("org-fi", "Finansdepartementet", "ministry"), *agencies])
    view.add_edges(steers("org-fi", a.id) for a in agencies)
    sizes = {n.id: box_size(wrap(n.name)) for n in view.nodes.values()}
    positions = hierarchy_positions(view, sizes)
    rows = {round(positions[a.id][1]) for a in agencies}
    assert 5 <= len(rows) <= 12, rows
    assert all(positions["org-fi"][1] < positions[a.id][1] for a in agencies)
    xs = [positions[a.id][0] for a in agencies]
    ys = [positions[a.id][1] for a in agencies]
    assert (max(xs) - min(xs)) < 2.5 * (max(ys) - min(ys))  # a block, not one long line
    boxes = {i: (*positions[i], *sizes[i]) for i in view.nodes}
    assert overlapping(boxes) == []


def test_wrapped_labels_keep_to_their_width() -> None:
    label = wrap("Arbets- och näringsministeriets förvaltningsområdes ledningsgrupp")
    assert all(len(line) <= 18 or " " not in line for line in label.split("\n"))
    assert len(label.split("\n")) <= MAX_LINES


def test_a_large_view_is_spread_by_graphviz_and_labels_hubs_apart() -> None:
    view = ViewGraph("a large view")
    hubs = [entity(f"org-h{i}", f"Hub {i}", "ministry") for i in range(20)]
    leaves = [entity(f"org-l{i:03d}", f"Leaf {i}") for i in range(400)]
    view.add_entities([*hubs, *leaves])
    view.add_edges(steers(hubs[i % 20].id, leaf.id) for i, leaf in enumerate(leaves))
    view.add_edges(steers(hubs[0].id, hub.id) for hub in hubs[1:])
    positions = graphviz_positions(view)
    assert positions.keys() == view.nodes.keys()
    assert len(set(positions.values())) == len(positions)  # no two on one spot
    labels = {n.id: wrap(n.name) for n in view.nodes.values()}
    fonts = hub_fonts(view, positions, labels)
    assert "org-h0" in fonts and set(fonts) <= {h.id for h in hubs} and len(fonts) <= HUBS
    assert min(fonts.values()) >= FONT_SIZE
    size = next(iter(fonts.values()))
    boxes = {hub: (*positions[hub], *box_size(labels[hub], size)) for hub in fonts}
    assert overlapping(boxes) == []


def test_hierarchy_layout_wraps_labels_narrower_before_it_wraps_a_level_into_rows() -> None:
    view = ViewGraph("a ministry and ten agencies", focus="org-fi", hierarchical=True)
    agencies = [entity(f"org-a{i}", f"Agency for the affairs of region {i}") for i in range(10)]
    view.add_entities([entity("org-fi", "Finansdepartementet", "ministry"), *agencies])
    view.add_edges(steers("org-fi", a.id) for a in agencies)
    labels, positions = hierarchy_layout(view, {n.id: wrap(n.name) for n in view.nodes.values()})
    assert len({positions[a.id][1] for a in agencies}) == 1  # one row
    assert max(len(line) for a in agencies for line in labels[a.id].split("\n")) <= 12
    sizes = {n: box_size(text) for n, text in labels.items()}
    assert fitted_scale(positions, sizes) * FONT_SIZE >= MIN_SCREEN_FONT
