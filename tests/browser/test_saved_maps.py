"""A saved map in a real browser: drawn in the explorer, annotated step by step, saved with
the write key, listed, reopened by its URL, and presented one step at a time."""

import json
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen

import pytest
from pydantic import SecretStr

from app.config import Settings
from tests.browser.conftest import LiveServer, Watched
from tests.browser.test_maps import FRAME, wait_for_map

KEY = "a-browser-test-key"
ELY = "org-ely-keskukset"


@pytest.fixture
def writable_server(own_db: Path) -> Iterator[LiveServer]:
    with LiveServer(Settings(db_path=own_db, api_key=SecretStr(KEY))) as server:
        yield server


def test_a_map_is_annotated_saved_reopened_and_told_step_by_step(
    watched: Watched, writable_server: LiveServer
) -> None:
    page = watched.page
    page.goto(f"{writable_server.url}/map")
    page.fill("#q", "TEM")
    page.click('#results button[data-id="org-tem"]')
    page.select_option("#view", "steers")
    wait_for_map(page, "steers")
    page.click("#saving summary")
    page.fill("#map-name", "TEM and its centres")
    page.evaluate(f"() => {FRAME}.orgmap.network.selectNodes(['org-tem', '{ELY}'])")
    page.fill("#caption", "TEM steers the ELY centres directly.")
    page.click("#add-step")
    page.evaluate(f"() => {FRAME}.orgmap.network.selectNodes(['{ELY}'])")
    page.fill("#caption", "The centres in turn steer the TE offices.")
    page.click("#add-step")
    assert page.locator("#steps li").count() == 2
    page.evaluate(f"() => {FRAME}.orgmap.network.selectNodes(['org-te-toimistot'])")
    page.click("#hide-selected")
    assert page.evaluate(f"() => {FRAME}.orgmap.nodes.get('org-te-toimistot')") is None
    assert page.locator("#hidden-count").inner_text() == "piilotettu: 1"

    page.fill("#write-key", "wrong")
    page.click("#save")
    page.wait_for_function(  # refused, in the explorer's language (fi), with the reason
        "() => document.getElementById('status').textContent.startsWith('Ei tallennettu')"
    )
    assert "X-API-Key" in page.locator("#status").inner_text()
    page.fill("#write-key", KEY)
    page.click("#save")
    page.wait_for_function(
        "() => /map-[0-9a-f]{12}/.test(document.getElementById('status').textContent)"
    )
    found = re.search(r"map-[0-9a-f]{12}", page.locator("#status").inner_text())
    assert found is not None
    map_id = found.group()
    page.wait_for_selector(f'#maps a[data-id="{map_id}"]')

    with urlopen(f"{writable_server.url}/api/v1/maps/{map_id}") as answer:
        saved = json.load(answer)
    assert [a["nodes"] for a in saved["annotations"]] == [["org-tem", ELY], [ELY]]
    assert set(saved["positions"]) == {"org-tem", ELY}  # the hidden one has no place
    assert saved["hidden"] == ["org-te-toimistot"]
    assert saved["params"] == {"lang": "fi"}

    # Reopened by its URL: the story's first step shown, then the next, as a presenter would.
    page.goto(f"{writable_server.url}/map?saved={map_id}")
    page.wait_for_function(
        f"() => {{ const f = {FRAME}; return f && f.orgmap && f.orgmap.step === 0; }}"
    )
    frame = page.frame_locator("#map")
    assert frame.locator("#story-caption").inner_text() == "TEM steers the ELY centres directly."
    assert frame.locator("#story-step").inner_text() == "1 / 2"
    selected = f"() => {FRAME}.orgmap.network.getSelectedNodes().sort()"
    assert page.evaluate(selected) == sorted(["org-tem", ELY])
    frame.locator("#story-next").click()
    assert (
        frame.locator("#story-caption").inner_text() == "The centres in turn steer the TE offices."
    )
    assert page.evaluate(selected) == [ELY]
    frame.locator("#story-next").click()  # the last step stays the last
    assert frame.locator("#story-step").inner_text() == "2 / 2"
    frame.locator("#story-prev").click()
    assert frame.locator("#story-step").inner_text() == "1 / 2"
    positions = page.evaluate(f"() => {FRAME}.orgmap.network.getPositions(['org-tem'])['org-tem']")
    assert [round(positions["x"]), round(positions["y"])] == [
        round(v) for v in saved["positions"]["org-tem"]
    ]
    # The one refused save is the only error the browser saw.
    assert watched.console_errors == [
        "Failed to load resource: the server responded with a status of 401 (Unauthorized)"
    ]
    assert watched.foreign_requests() == []
