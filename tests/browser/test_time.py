"""The time slider in a real browser: it stops on the days the graph changes, steps and plays
through them, redraws the map as of each, and marks what changed since the stop before."""

import json
from urllib.request import urlopen

from tests.browser.conftest import LiveServer, Watched
from tests.browser.test_maps import FRAME


def _map_for(day: str) -> str:
    """Waits until the frame shows the whole-graph view as of `day`; returns its title."""
    return (
        f"() => {{ const f = {FRAME}; return f && f.orgmap && f.orgmap.ready"
        f" && f.location.search.includes('as_of={day}'); }}"
    )


def test_the_slider_steps_plays_and_compares(watched: Watched, live_server: LiveServer) -> None:
    with urlopen(f"{live_server.url}/api/v1/dates") as answer:
        days = json.load(answer)["days"]
    page = watched.page
    page.goto(f"{live_server.url}/map")
    page.select_option("#lang", "en")
    page.select_option("#view", "graph")
    page.wait_for_selector("#timeline:not(.hidden)")
    assert page.locator("#day-slider").get_attribute("max") == str(len(days) - 1)

    page.click("#day-forward")  # from the start: the second stop
    page.wait_for_function(_map_for(days[1]))
    assert page.locator("#as_of").input_value() == days[1]
    assert page.locator("#day-label").inner_text() == days[1]
    title = page.frame_locator("#map").locator("#title").inner_text()
    assert title.endswith(f"as of {days[1]}")

    page.check("#compare")
    page.wait_for_function(
        f"() => {FRAME}.location.search.includes('since={days[0]}')"
        f" && {FRAME}.orgmap && {FRAME}.orgmap.ready"
    )
    notice = page.frame_locator("#map").locator("#notice").inner_text()
    assert f"{days[0]} → {days[1]}:" in notice and "ended" in notice

    page.click("#day-back")
    page.wait_for_function(_map_for(days[0]))
    assert "since=" not in page.evaluate(f"() => {FRAME}.location.search")  # no stop before

    page.click("#day-play")  # plays on by itself: each stop 2.5 s after it is drawn
    page.wait_for_function(_map_for(days[2]), timeout=15_000)
    page.click("#day-play")  # pause
    stopped = page.locator("#as_of").input_value()
    page.wait_for_timeout(3000)
    assert page.locator("#as_of").input_value() == stopped
    assert watched.console_errors == []
    assert watched.foreign_requests() == []
