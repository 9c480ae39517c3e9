"""The map page: whole by itself, names kept as text, large views laid out here."""

import json
import re

from app.model.answers import EdgeRef, EntityRef
from app.model.common import Citation, Names
from app.model.vocabulary import Assertion, Label, Lang, RelType
from app.viz.graph import ViewGraph
from app.viz.page import PHYSICS_LIMIT, render_html

HOSTILE = ["<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>", "a & 'b' \"c\""]


def entity(entity_id: str, name: str, kind: str = "agency") -> EntityRef:
    return EntityRef(
        id=entity_id, type=Label.ORGANIZATION, kind=kind, name=name, names=Names(fi=name)
    )


def steers(start: str, end: str, quote: str = "steers") -> EdgeRef:
    return EdgeRef(
        id=f"steers.{start}.{end}",
        type=RelType.STEERS,
        **{"from": start},
        to=end,
        qualifier="performance",
        assertion=Assertion.STATED,
        sources=[Citation(doc="src-000", quote=quote)],
    )


def page_data(html: str) -> dict[str, list[dict[str, object]]]:
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.S)
    assert match is not None
    data: dict[str, list[dict[str, object]]] = json.loads(match.group(1))
    return data


def test_hostile_names_and_quotes_stay_text() -> None:
    view = ViewGraph(title=HOSTILE[0], focus="org-a")
    view.add_entities([entity("org-a", HOSTILE[0], "ministry"), entity("org-b", HOSTILE[1])])
    view.add_entities([entity("org-c", HOSTILE[2])])
    view.add_edges([steers("org-a", "org-b", HOSTILE[1]), steers("org-b", "org-c")])
    html = render_html(view)
    for text in HOSTILE:
        assert text not in html  # escaped wherever it appears, in markup and in JSON alike
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the title, as text
    data = page_data(html)
    # labels are wrapped into lines: the words are the name's, as text
    assert [" ".join(str(n["label"]).split()) for n in data["nodes"]] == HOSTILE
    assert HOSTILE[1] in str(data["edges"][0]["title"])
    harmless = ViewGraph(title="t")
    harmless.add_entities([entity("org-a", "A")])
    assert html.count("<script") == render_html(harmless).count("<script")  # nothing injected


def test_the_page_requests_nothing_from_anywhere() -> None:
    view = ViewGraph(title="t", focus="org-a")
    view.add_entities([entity("org-a", "A"), entity("org-b", "B")])
    view.add_edges([steers("org-a", "org-b")])
    html = render_html(view)
    assert re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I) is None
    assert "default-src 'none'" in html
    assert "@import" not in html and "url(http" not in html


def test_large_views_are_laid_out_here_with_physics_off() -> None:
    view = ViewGraph(title="big", focus="org-0")
    count = PHYSICS_LIMIT + 50
    view.add_entities([entity(f"org-{i}", f"Org {i}") for i in range(count)])
    view.add_edges([steers(f"org-{i // 3}", f"org-{i}") for i in range(1, count)])
    data = page_data(render_html(view))
    assert all("x" in n and "y" in n for n in data["nodes"])
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == count  # no two nodes on top of each other
    assert data["options"]["physics"] == {"enabled": False}  # type: ignore[call-overload]
    small = ViewGraph(title="small", focus="org-0")
    small.add_entities([entity("org-0", "A")])
    assert page_data(render_html(small))["options"]["physics"]["enabled"] is True  # type: ignore[call-overload]


def test_edges_with_an_end_off_the_map_are_not_drawn() -> None:
    view = ViewGraph(title="t")
    view.add_entities([entity("org-a", "A")])
    view.add_edges([steers("org-a", "org-missing")])
    assert page_data(render_html(view))["edges"] == []


def test_tooltips_say_undated_for_facts_without_dates() -> None:
    view = ViewGraph(title="t", lang=Lang.EN)
    dated = entity("org-b", "B").model_copy(update={"valid_from": "2020", "undated": False})
    view.add_entities([entity("org-a", "A").model_copy(update={"undated": True}), dated])
    later = steers("org-b", "org-a").model_copy(update={"valid_from": "2021-05-01"})
    view.add_edges([steers("org-a", "org-b"), later])
    assert "undated" in view.nodes["org-a"].tooltip
    assert "undated" not in view.nodes["org-b"].tooltip
    assert "valid 2020 – …" in view.nodes["org-b"].tooltip
    undated_edge, dated_edge = view.edges["steers.org-a.org-b"], view.edges["steers.org-b.org-a"]
    assert "undated" in undated_edge.tooltip and "assertion: stated" in undated_edge.tooltip
    assert "undated" not in dated_edge.tooltip and "valid 2021-05-01 – …" in dated_edge.tooltip
    view.localise(Lang.FI)  # told again in Finnish, the ends by their names
    undated_edge, dated_edge = view.edges["steers.org-a.org-b"], view.edges["steers.org-b.org-a"]
    assert undated_edge.tooltip.startswith("ohjaa (tulosohjaus): A → B")
    assert "ajoittamaton: päivämääriä ei ole kirjattu" in undated_edge.tooltip
    assert "tiedon peruste: todettu lähteessä" in undated_edge.tooltip
    assert "voimassa 2021-05-01 – …" in dated_edge.tooltip
    assert "voimassa 2020 – …" in view.nodes["org-b"].tooltip
