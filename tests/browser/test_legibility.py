"""The maps read at first sight in Chromium at 1440×900: every label at 12 px or more on
screen, inside the canvas, and no two labels over each other in the hierarchical layouts; a
large whole-graph view labels its hubs; the explorer gives the map most of a narrow screen.
Screenshots of the four briefing maps go to tests/browser/screenshots/ (git-ignored)."""

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, ViewportSize

from app.config import Settings
from app.graph.load import bundle_tables, load_bundle, load_tables
from app.ingest.seed_files import validate_directory
from app.interop.imports import import_org
from app.interop.popolo_import import file_source
from app.model import GraphBundle
from app.model.edges import Edge, Steers
from app.model.nodes import Node, Organization
from app.model.vocabulary import Country, Lang
from app.store.ladybug import LadybugStore
from app.synthetic import generate
from tests.browser.conftest import LiveServer

REAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "real"
BERLIN = REAL / "org-berlin" / "SenWGP.ttl"
BERLIN_TOP = "org-https-berlin-github-io-lod-organigram-organisation-fc88719adc"
AGENCIES = REAL / "se-agencies" / "stkt.json"
MINISTRY = "Finansdepartementet"
SCREENSHOTS = Path(__file__).parent / "screenshots"
SCREEN: ViewportSize = {"width": 1440, "height": 900}
MIN_PX = 12

# Every node's label box in screen pixels, its font on screen, and the canvas's size.
MEASURE = """() => {
  const n = window.orgmap.network, scale = n.getScale();
  const canvas = document.querySelector('#map canvas');
  const labels = Object.entries(n.body.nodes).map(([id, node]) => {
    const s = node.labelModule.size;
    const a = n.canvasToDOM({x: s.left, y: s.top});
    const b = n.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
    return {id: id, left: a.x, top: a.y, right: b.x, bottom: b.y,
            px: node.labelModule.fontOptions.size * scale,
            drawn: node.labelModule.fontOptions.size * scale
              >= node.options.scaling.label.drawThreshold - 1};
  });
  return {labels: labels, width: canvas.clientWidth, height: canvas.clientHeight};
}"""


def open_map(page: Page, server: LiveServer, view: str, **params: str) -> dict[str, Any]:
    page.set_viewport_size(SCREEN)
    page.goto(f"{server.url}/api/v1/views/{view}.html?{urlencode(params)}")
    page.wait_for_function("() => window.orgmap && window.orgmap.drawn")
    measured: dict[str, Any] = page.evaluate(MEASURE)
    return measured


def overlaps(labels: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [
        (a["id"], b["id"])
        for a, b in itertools.combinations(labels, 2)
        if a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    ]


def assert_legible(measured: dict[str, Any]) -> None:
    labels = measured["labels"]
    assert labels
    small = [(x["id"], round(x["px"], 1)) for x in labels if x["px"] < MIN_PX]
    assert small == [], small
    outside = [
        x["id"]
        for x in labels
        if x["left"] < 0
        or x["top"] < 0
        or x["right"] > measured["width"]
        or x["bottom"] > measured["height"]
    ]
    assert outside == [], outside
    assert overlaps(labels) == []


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=SCREEN)
    opened = context.new_page()
    yield opened
    context.close()


@pytest.fixture(scope="module")
def berlin_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The real W3C ORG organogram of Berlin's Senate Department, as `orgmap import org`."""
    path = tmp_path_factory.mktemp("berlin") / "berlin.lbug"
    store = LadybugStore(path)
    import_org(store, BERLIN, lang=Lang.EN)
    store.close()
    with LiveServer(Settings(db_path=path)) as server:
        yield server


def ministry_bundle() -> GraphBundle:
    """The Swedish ministry with most agencies in Statskontoret's register, steering them."""
    source = file_source(AGENCIES, "stkt", "Statskontoret's agency register", Lang.SV, Country.SE)
    register = json.loads(AGENCIES.read_text(encoding="utf-8"))
    cite = [{"doc": source.id, "quote": f'"department": "{MINISTRY}"'}]
    ministry = Organization.model_validate(
        {"id": "org-se-fi", "kind": "ministry", "names": {"sv": MINISTRY}, "sources": cite}
    )
    nodes: list[Node] = [ministry]
    edges: list[Edge] = []
    for index, name in enumerate(
        sorted(n for n, a in register.items() if a["department"] == MINISTRY)
    ):
        agency = f"org-se-a{index:02d}"
        nodes.append(
            Organization.model_validate(
                {"id": agency, "kind": "agency", "names": {"sv": name}, "sources": cite}
            )
        )
        edges.append(
            Steers.model_validate(
                {"type": "STEERS", "from": ministry.id, "to": agency, "mode": "unspecified",
                 "sources": cite}
            )
        )  # fmt: skip
    return GraphBundle([source], nodes, edges)


@pytest.fixture(scope="module")
def ministry_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    path = tmp_path_factory.mktemp("ministry") / "ministry.lbug"
    store = LadybugStore(path)
    load_bundle(store, ministry_bundle(), AGENCIES)
    store.close()
    with LiveServer(Settings(db_path=path)) as server:
        yield server


def shoot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png")


def test_tem_steering_tree_reads_at_first_sight(page: Page, live_server: LiveServer) -> None:
    measured = open_map(page, live_server, "steers", id="org-tem", lang="fi")
    shoot(page, "tem-steers")
    assert {"org-tem", "org-ely-keskukset", "org-te-toimistot"} <= {
        x["id"] for x in measured["labels"]
    }
    assert_legible(measured)


def test_composition_of_tem_virkamiesjohtoryhma_reads_at_first_sight(
    page: Page, live_server: LiveServer
) -> None:
    measured = open_map(page, live_server, "members", id="grp-tem-virkamiesjohtoryhma", lang="fi")
    shoot(page, "tem-virkamiesjohtoryhma-members")
    assert len(measured["labels"]) >= 4
    assert_legible(measured)


def test_berlin_organisation_chart_reads_at_first_sight(
    page: Page, berlin_server: LiveServer
) -> None:
    measured = open_map(page, berlin_server, "org-chart", id=BERLIN_TOP, lang="en")
    shoot(page, "berlin-org-chart")
    boxes = {x["id"]: x for x in measured["labels"]}
    assert len(boxes) >= 15  # the department, its post and holder, its units with theirs
    top = boxes[BERLIN_TOP]
    assert all(top["bottom"] <= x["top"] for i, x in boxes.items() if i != BERLIN_TOP)
    assert_legible(measured)


def test_sixty_seven_agencies_read_on_one_screen(page: Page, ministry_server: LiveServer) -> None:
    measured = open_map(page, ministry_server, "steers", id="org-se-fi", lang="sv")
    shoot(page, "ministry-67-agencies")
    assert len(measured["labels"]) == 68
    assert_legible(measured)


def test_a_large_whole_graph_labels_its_hubs(
    page: Page, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("synthetic")
    generate(900, 1, folder / "csv")
    report = validate_directory(folder / "csv", folder / "csv" / "sources")
    assert report.ok and report.bundle is not None
    store = LadybugStore(folder / "synthetic.lbug")
    load_tables(store, bundle_tables(report.bundle, str(folder), report.csv_parts))
    store.close()
    with LiveServer(Settings(db_path=folder / "synthetic.lbug")) as server:
        measured = open_map(page, server, "graph", lang="en")
        shoot(page, "whole-graph")
    drawn = [x for x in measured["labels"] if x["drawn"]]
    assert len(measured["labels"]) > 300  # laid out on the server, physics off
    assert 5 <= len(drawn) <= 30, len(drawn)
    assert all(x["px"] >= MIN_PX for x in drawn)


def map_share(page: Page, server: LiveServer, width: int) -> float:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{server.url}/map")
    page.fill("#q", "TEM")
    page.click('#results button[data-id="org-tem"]')
    page.select_option("#view", "steers")
    page.wait_for_function(
        "() => { const f = document.getElementById('map').contentWindow;"
        " return f && f.orgmap && f.orgmap.drawn; }"
    )
    inner: dict[str, float] = page.evaluate(
        "() => document.getElementById('map').contentDocument"
        ".getElementById('map').getBoundingClientRect().toJSON()"
    )
    shoot(page, f"explorer-{width}")
    assert inner["height"] >= 0.75 * 800  # the map as tall as the screen, the controls above
    return inner["width"] / width


@pytest.mark.parametrize(("width", "share"), [(1024, 0.7), (800, 0.95)])
def test_the_explorer_gives_the_map_most_of_a_narrow_screen(
    page: Page, live_server: LiveServer, width: int, share: float
) -> None:
    assert map_share(page, live_server, width) >= share


@pytest.mark.parametrize(
    ("view", "entity"),
    [
        ("steered-by", "org-te-toimistot"),
        ("preparation-chain", "grp-tem-virkamiesjohtoryhma"),
        ("members", "grp-tem-konsernin-johtoryhma"),
        ("org-chart", "org-tem"),
        ("steers", "grp-tem-ministerion-johtoryhma"),
    ],
)
def test_every_seed_hierarchy_reads_at_first_sight(
    page: Page, live_server: LiveServer, view: str, entity: str
) -> None:
    assert_legible(open_map(page, live_server, view, id=entity, lang="sv"))
