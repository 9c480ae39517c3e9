"""The explorer and the exported maps in a real browser: they load with no console error and
no request to another host, show what the API holds, explain a clicked node with its sources,
download a map that works offline, and show hostile names as text."""

import json
import re
from pathlib import Path
from urllib.request import urlopen

from playwright.sync_api import Browser, Page

from app.config import Settings
from app.graph.load import load_bundle
from app.model import GraphBundle
from app.model.common import Names
from app.store.ladybug import LadybugStore
from tests.browser.conftest import LiveServer, Watched, record_dialogs

FRAME = "document.getElementById('map').contentWindow"
SCREENSHOTS = Path(__file__).parent / "screenshots"  # git-ignored: what a user sees


def api_elements(server: LiveServer, path: str) -> dict[str, list[object]]:
    with urlopen(f"{server.url}{path}") as answer:
        data: dict[str, list[object]] = json.load(answer)["elements"]
    return data


def wait_for_map(page: Page, view: str) -> None:
    page.wait_for_function(
        f"() => {{ const f = {FRAME}; return f && f.orgmap && f.orgmap.ready"
        f" && f.location.pathname === '/api/v1/views/{view}.html'; }}"
    )


def click_node(page: Page, node_id: str) -> None:
    """Click where vis-network draws the node, as a user would."""
    spot = page.evaluate(
        f"(id) => {{ const w = {FRAME}, n = w.orgmap.network;"
        " const p = n.canvasToDOM(n.getPositions([id])[id]);"
        " const c = w.document.getElementById('map').getBoundingClientRect();"
        " return {x: c.left + p.x, y: c.top + p.y}; }",
        node_id,
    )
    box = page.locator("#map").bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])


def test_find_tem_draw_its_steering_tree_and_download_it(
    watched: Watched, live_server: LiveServer, browser: Browser, tmp_path: Path
) -> None:
    page = watched.page
    page.goto(f"{live_server.url}/map")
    page.fill("#q", "TEM")
    page.click('#results button[data-id="org-tem"]')
    page.select_option("#view", "steers")
    wait_for_map(page, "steers")

    drawn = page.evaluate(f"() => [{FRAME}.orgmap.nodes.length, {FRAME}.orgmap.edges.length]")
    expected = api_elements(
        live_server, "/api/v1/views/steers?id=org-tem&depth=2&lang=fi&format=json"
    )
    assert drawn == [len(expected["nodes"]), len(expected["edges"])]
    assert drawn[0] >= 3
    assert (
        page.locator("#status")
        .inner_text()
        .startswith(f"solmuja {drawn[0]}, suhteita {drawn[1]}")  # the page speaks Finnish first
    )

    click_node(page, "org-tem")
    page.wait_for_function(
        "() => document.getElementById('details').textContent.includes('org-tem')"
    )
    details = page.locator("#details").inner_text()
    assert "organisaatio · ministeriö · org-tem" in details
    assert re.search(r"src-\d+: “.+”", details)

    with page.expect_download() as download:
        page.click("#download")
    saved = tmp_path / "tem.html"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "orgmap-steers-org-tem.html"

    assert watched.console_errors == []
    assert watched.foreign_requests() == []
    assert any("/api/v1/search" in url for url in watched.requests)

    # The downloaded file with the network cable pulled.
    offline = browser.new_context()
    offline.set_offline(True)
    requests: list[str] = []
    errors: list[str] = []
    file_page = offline.new_page()
    file_page.on("request", lambda r: requests.append(r.url))
    file_page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    file_page.on("pageerror", lambda e: errors.append(str(e)))
    file_page.goto(saved.as_uri())
    file_page.wait_for_function("() => window.orgmap && window.orgmap.ready")
    assert file_page.evaluate("() => window.orgmap.nodes.length") == drawn[0]
    assert file_page.evaluate("() => window.orgmap.edges.length") == drawn[1]
    assert errors == []
    assert all(url.startswith(("file:", "data:")) for url in requests), requests
    offline.close()


def test_every_view_loads_clean_in_the_explorer(watched: Watched, live_server: LiveServer) -> None:
    page = watched.page
    page.goto(f"{live_server.url}/map")
    page.fill("#q", "virkamiesjohtoryhmä")
    page.click('#results button[data-id="grp-tem-virkamiesjohtoryhma"]')
    for view in ("neighbourhood", "members", "preparation-chain", "steered-by", "graph"):
        page.select_option("#view", view)
        wait_for_map(page, view)
    assert watched.console_errors == []
    assert watched.foreign_requests() == []


HOSTILE = {
    "org-tem": '<img src=x onerror="window.__xss=1">',
    "org-ely-keskukset": "</script><script>window.__xss=2</script>",
}


def test_hostile_names_show_as_text_and_run_nothing(
    browser: Browser, seed_bundle: GraphBundle, tmp_path: Path
) -> None:
    nodes = [
        n.model_copy(update={"names": Names(fi=HOSTILE[n.id])}) if n.id in HOSTILE else n
        for n in seed_bundle.nodes
    ]
    store = LadybugStore(tmp_path / "hostile.lbug")
    load_bundle(store, GraphBundle(seed_bundle.sources, nodes, seed_bundle.edges), "hostile")
    store.close()
    with LiveServer(Settings(db_path=tmp_path / "hostile.lbug")) as server:
        context = browser.new_context()
        page = context.new_page()
        dialogs: list[str] = []
        record_dialogs(page, dialogs)
        page.goto(f"{server.url}/map")
        page.fill("#q", "img src")
        button = page.locator('#results button[data-id="org-tem"]')
        assert button.inner_text().startswith(HOSTILE["org-tem"])
        button.click()
        page.select_option("#view", "steers")
        wait_for_map(page, "steers")
        labels = page.evaluate(f"() => {FRAME}.orgmap.nodes.get().map(n => [n.id, n.label])")
        assert [HOSTILE[i] for i, label in labels if i in HOSTILE] == [
            " ".join(label.split())
            for i, label in labels
            if i in HOSTILE  # wrapped into lines
        ]
        assert len([i for i, _ in labels if i in HOSTILE]) == 2
        click_node(page, "org-ely-keskukset")
        page.wait_for_function(
            "() => document.getElementById('details').textContent.includes('org-ely')"
        )
        assert HOSTILE["org-ely-keskukset"] in page.locator("#details").inner_text()
        assert page.evaluate(f"() => [window.__xss, {FRAME}.__xss]") == [None, None]
        assert page.locator("img").count() == 0
        assert dialogs == []
        context.close()


def test_the_language_switch_tells_the_page_again(
    watched: Watched, live_server: LiveServer
) -> None:
    """The explorer's own words, the map's words, legend and tooltips follow the language."""
    page = watched.page
    page.goto(f"{live_server.url}/map")
    assert page.locator("label[for=view]").inner_text() == "Näkymä"
    page.select_option("#lang", "sv")
    assert page.evaluate("() => document.documentElement.lang") == "sv"
    assert page.locator("label[for=view]").inner_text() == "Vy"
    assert page.locator("label[for=lang]").inner_text() == "Språk"
    assert page.locator("#draw").inner_text() == "Rita"
    assert page.locator("#download").inner_text() == "Ladda ner vyn"
    assert page.locator("#q").get_attribute("placeholder") == "t.ex. ANM, ministeriet, Peltonen"
    assert page.locator('#view option[value="steers"]').inner_text().startswith("vem den styr")
    assert page.locator('#rel option[value="STEERS"]').inner_text() == "styr"
    page.click("#draw")  # no entity picked yet: said in Swedish
    assert page.locator("#status").inner_text() == "Sök och välj först vad kartan ska visa."

    page.fill("#q", "TEM")
    button = page.locator('#results button[data-id="org-tem"]')
    assert "(organisation, ministerium" in button.inner_text()
    button.click()
    page.select_option("#view", "steers")
    wait_for_map(page, "steers")
    frame = page.frame_locator("#map")
    assert frame.locator("aside h2").all_inner_texts()[-2:] == ["Uppgifter", "Teckenförklaring"]
    assert frame.locator("#details").inner_text() == "Klicka på en nod eller en relation."
    legend = frame.locator("#legend li").all_inner_texts()
    assert "ministerium" in legend and any(t.startswith("styr: ") for t in legend)
    assert frame.locator("#legend-lines li").first.inner_text() == "anges i källan"
    assert page.locator("#status").inner_text().startswith("noder: ")
    tooltip = page.evaluate(f"() => {FRAME}.orgmap.nodes.get('org-tem').title")
    assert "organisation · ministerium · org-tem" in tooltip and "uppgiftens grund" in tooltip
    click_node(page, "org-tem")
    page.wait_for_function(
        "() => document.getElementById('details').textContent.includes('org-tem')"
    )
    assert "organisation · ministerium · org-tem" in page.locator("#details").inner_text()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "explorer-sv-steers-tem.png")

    page.fill("#q", "TEM")
    page.wait_for_selector('#results button[data-id="org-tem"]')
    page.select_option("#lang", "en")  # and back: the map is drawn again in English
    page.wait_for_function(
        f"() => {{ const f = {FRAME}; return f && f.document && f.orgmap && f.orgmap.ready"
        " && f.document.documentElement.lang === 'en'; }"
    )
    assert page.locator("#draw").inner_text() == "Draw"
    page.wait_for_function(  # the search's hits are told again too
        "() => (document.querySelector('#results button') || {}).textContent"
        " && document.querySelector('#results button').textContent.includes('ministry')"
    )
    assert page.frame_locator("#map").locator("aside h2").last.inner_text() == "Legend"
    assert watched.console_errors == []


def test_the_explorer_opens_in_the_language_its_address_asks(
    watched: Watched, live_server: LiveServer
) -> None:
    page = watched.page
    page.goto(f"{live_server.url}/map?lang=en")
    assert page.locator("#lang").input_value() == "en"
    assert page.locator("label[for=view]").inner_text() == "View"
    assert page.title() == "OrgMap explorer"
    page.goto(f"{live_server.url}/map?lang=xx")  # not a language: Finnish, as by default
    assert page.locator("label[for=view]").inner_text() == "Näkymä"
    assert watched.console_errors == []
