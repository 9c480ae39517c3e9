"""Pictures of a view (SVG, PNG, PDF) drawn by the real Graphviz, read back by standard readers:
rsvg-convert (librsvg) and pdftotext (poppler), as a reader's viewer would show them. `make
unit` installs both (Debian's librsvg2-bin and poppler-utils)."""

import struct
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import app as cli
from app.config import Settings, get_settings
from app.model.common import Citation
from app.model.vocabulary import Assertion, Label, Lang, RelType
from app.viz.changes import CHANGE_STYLES, Change
from app.viz.graph import ViewEdge, ViewGraph, ViewNode
from app.viz.image import image_graph, render
from app.viz.words import qualifier_word, say, term
from tests.viz.test_views_api import CASES

TEM_TREE = "steers?id=org-tem&depth=3"
TEM_NAMES = ("työ- ja elinkeinoministeriö", "ELY-keskukset", "työ- ja elinkeinotoimistot")
TEM_SOURCES = ("src-000", "src-004")
HOSTILE = "A<b>&amp;\"'{x|y}\\N\nB</b>"  # markup, an entity, quotes, record braces, DOT's \N
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SVG = "{http://www.w3.org/2000/svg}"


def _words(text: str) -> str:
    return " ".join(text.split())


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The text a PDF reader finds, in drawing order, its white space folded."""
    path = tmp_path / "read.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=True,
    )
    return _words(done.stdout.decode())


def svg_as_pdf(svg: bytes, tmp_path: Path) -> bytes:
    path = tmp_path / "read.svg"
    path.write_bytes(svg)
    done = subprocess.run(["rsvg-convert", "-f", "pdf", str(path)], capture_output=True, check=True)
    assert done.stdout.startswith(b"%PDF")
    return done.stdout


def png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG_SIGNATURE)
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def _get(client: TestClient, query: str, fmt: str) -> Any:
    answer = client.get(f"/api/v1/views/{query}&format={fmt}")
    assert answer.status_code == 200, answer.text
    return answer


@pytest.fixture
def tem_title(client: TestClient) -> str:
    """The view's title as the map names it (in the view's language)."""
    title: str = _get(client, TEM_TREE, "json").json()["data"]["name"]
    assert title.startswith("työ- ja elinkeinoministeriö: ")
    return _words(title)


def _steering(mode: str, lang: Lang = Lang.FI) -> str:
    """A steering mode's legend entry, as the page's legend words it."""
    return f"{term(RelType.STEERS, lang)}: {qualifier_word(RelType.STEERS, mode, lang)}"


def _assert_tem_tree(text: str, title: str, day: str | None = None) -> None:
    for name in TEM_NAMES:
        assert name in text, name
    assert title in text
    assert (say("day_shown", Lang.FI, day=day) if day else say("day_today", Lang.FI)) in text
    for source in TEM_SOURCES:
        assert source in text
    assert _steering("administrative") in text  # the legend, in the view's language
    assert term(Assertion.IMPLIED, Lang.FI) in text and say("legend", Lang.FI) in text


def test_an_svg_of_tems_steering_tree_reads_back_with_librsvg(
    client: TestClient, tmp_path: Path, tem_title: str
) -> None:
    answer = _get(client, TEM_TREE, "svg")
    assert answer.headers["content-type"] == "image/svg+xml"
    assert 'filename="orgmap-steers-org-tem.svg"' in answer.headers["content-disposition"]
    assert answer.headers["content-security-policy"].startswith("default-src 'none'")
    svg = answer.content
    root = ElementTree.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert b"href" not in svg and b"<script" not in svg  # nothing to fetch, nothing to run
    _assert_tem_tree(pdf_text(svg_as_pdf(svg, tmp_path), tmp_path), tem_title)


def test_a_pdf_of_tems_steering_tree_reads_back_with_pdftotext(
    client: TestClient, tmp_path: Path, tem_title: str
) -> None:
    answer = _get(client, TEM_TREE, "pdf")
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF")
    _assert_tem_tree(pdf_text(answer.content, tmp_path), tem_title)


def test_a_png_of_tems_steering_tree_is_a_png_of_a_sane_size(client: TestClient) -> None:
    answer = _get(client, TEM_TREE, "png")
    assert answer.headers["content-type"] == "image/png"
    width, height = png_size(answer.content)
    assert 400 <= width <= 2000 and 400 <= height <= 2000, (width, height)


def test_the_picture_says_which_day_it_shows(client: TestClient, tmp_path: Path) -> None:
    query = f"{TEM_TREE}&as_of=2024-05-01"
    title = _words(_get(client, query, "json").json()["data"]["name"])
    _assert_tem_tree(pdf_text(_get(client, query, "pdf").content, tmp_path), title, "2024-05-01")


@pytest.mark.parametrize("lang", [Lang.SV, Lang.EN])
def test_the_picture_speaks_the_views_language(
    client: TestClient, tmp_path: Path, lang: Lang
) -> None:
    query = f"{TEM_TREE}&lang={lang.value}"
    title = _words(_get(client, query, "json").json()["data"]["name"])
    text = pdf_text(_get(client, query, "pdf").content, tmp_path)
    words = [title, say("day_today", lang), say("legend", lang), say("sources_cited", lang)]
    for expected in [*words, _steering("development", lang), term(Assertion.STATED, lang)]:
        assert expected in text, expected
    assert (lang is Lang.EN) == ("as of today" in text)


def test_a_view_laid_out_by_neato_shows_every_label(client: TestClient, tmp_path: Path) -> None:
    query = "members?id=grp-tem-virkamiesjohtoryhma"
    elements = client.get(f"/api/v1/views/{query}&format=json").json()["elements"]
    text = pdf_text(_get(client, query, "pdf").content, tmp_path)
    labels = {_words(n["data"]["label"]) for n in elements["nodes"]}
    assert len(labels) >= 4
    for label in labels:
        assert label in text, label
    sources = {doc for e in elements["edges"] for doc in e["data"]["source_docs"]}
    assert sources and all(doc in text for doc in sources)


@pytest.mark.parametrize("view", sorted(CASES))
def test_every_view_is_drawn_with_every_label(client: TestClient, view: str) -> None:
    query = f"{view}?{CASES[view]}"
    elements = _get(client, query, "json").json()["elements"]
    svg = _get(client, query, "svg").content
    root = ElementTree.fromstring(svg)
    drawn = "".join("".join(e.itertext()) for e in root.iter(f"{SVG}text")).replace(" ", "")
    labels = {"".join(n["data"]["label"].split()) for n in elements["nodes"]}  # wrapped anyhow
    missing = [label for label in labels if label not in drawn]
    # A very long name ends in an ellipsis on the map (labels.py): its start is drawn.
    assert all(label[:12] in drawn for label in missing), missing
    assert len(missing) <= len(labels) // 4, missing
    assert say("legend", Lang.FI) in drawn


def test_hidden_nodes_are_neither_drawn_nor_explained(tmp_path: Path) -> None:
    view = _wide_tree(children=2)
    view.nodes["per-x"] = ViewNode("per-x", Label.PERSON, "person", "Hidden Person", "")
    view.edges["h"] = ViewEdge("h", RelType.HOLDS, "per-x", "org-0", None, "")
    view.hidden = {"per-x"}
    text = pdf_text(render(view, "pdf"), tmp_path)
    assert "Virasto 0" in text and "Hidden Person" not in text
    assert term(Label.PERSON, Lang.FI) not in text and term(RelType.HOLDS, Lang.FI) not in text


def test_a_comparison_marks_what_began_as_the_page_does(client: TestClient) -> None:
    query = "neighbourhood?id=org-okm&depth=1&as_of=2022-06-01&since=2020-06-01"
    svg = _get(client, query, "svg").content
    root = ElementTree.fromstring(svg)
    began = CHANGE_STYLES[Change.BEGAN].colour
    project = next(
        g
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "node" and "Projekt" in "".join(g.itertext())
    )
    assert any(shape.get("stroke") == began for shape in project if shape.tag != f"{SVG}text")
    drawn = " ".join("".join(e.itertext()) for e in root.iter(f"{SVG}text"))
    assert say("Change.began", Lang.FI) in drawn  # the legend explains the mark


def _hostile_view() -> ViewGraph:
    view = ViewGraph(f"Title {HOSTILE}", day=None, hierarchical=True, focus="org-a")
    for node_id, name in (("org-a", HOSTILE), ("org-b", "plain")):
        view.nodes[node_id] = ViewNode(
            node_id,
            Label.ORGANIZATION,
            "ministry",
            name,
            "",
            sources=(Citation(doc="src-1", quote="a quote"),),
        )
    view.edges["e"] = ViewEdge("e", RelType.STEERS, "org-a", "org-b", "administrative", "")
    view.notice = HOSTILE
    return view


def test_hostile_names_are_drawn_as_text(tmp_path: Path) -> None:
    svg = render(_hostile_view(), "svg")
    root = ElementTree.fromstring(svg)  # still well-formed XML
    assert not [e for e in root.iter() if e.tag in (f"{SVG}b", "b", f"{SVG}script")]
    drawn = _words(" ".join("".join(e.itertext()) for e in root.iter(f"{SVG}text")))
    expected = _words(HOSTILE)
    assert drawn.count(expected) == 3  # the node's label, the title and the notice
    assert f"Title {expected}" in drawn
    assert expected in pdf_text(render(_hostile_view(), "pdf"), tmp_path)


def _wide_tree(children: int = 67) -> ViewGraph:
    """A ministry performance-steering `children` agencies: the leaves are wrapped into rows."""
    view = ViewGraph("A ministry and its agencies", hierarchical=True, focus="org-m")
    view.nodes["org-m"] = ViewNode("org-m", Label.ORGANIZATION, "ministry", "Ministeriö", "")
    for i in range(children):
        view.nodes[f"org-{i}"] = ViewNode(
            f"org-{i}", Label.ORGANIZATION, "agency", f"Virasto {i}", ""
        )
        view.edges[f"e{i}"] = ViewEdge(
            f"e{i}", RelType.STEERS, "org-m", f"org-{i}", "performance", ""
        )
    return view


def test_many_leaves_are_drawn_with_one_line_to_their_frame(tmp_path: Path) -> None:
    view = _wide_tree()
    assert image_graph(view).source.count("->") == 1  # not 67 lines across the labels
    text = pdf_text(render(view, "pdf"), tmp_path)
    for node in view.nodes.values():
        assert f" {node.name} " in f" {text} ", node.name
    assert "× 67" in text and _steering("performance") in text


def test_a_leaf_keeps_a_relationship_the_others_have_not(tmp_path: Path) -> None:
    view = _wide_tree()
    view.edges["admin"] = ViewEdge("admin", RelType.STEERS, "org-m", "org-0", "administrative", "")
    source = image_graph(view).source
    assert source.count("->") == 2  # the bundle, and org-0's own
    assert _steering("administrative") in pdf_text(render(view, "pdf"), tmp_path)
    few = _wide_tree(children=8)  # a level this narrow is not wrapped: a line each
    assert image_graph(few).source.count("->") == 8


@pytest.fixture
def seed_cli(seed_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("ORGMAP_DB_PATH", str(seed_settings.db_path))
    monkeypatch.setenv("ORGMAP_BACKEND", seed_settings.backend)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_orgmap_export_map_writes_pictures(
    seed_cli: None, tmp_path: Path, tem_title: str, fmt: str
) -> None:
    target = tmp_path / f"tem.{fmt}"
    args = ["export", "map", "--view", "steers", "--id", "org-tem", "-f", fmt, "-o", str(target)]
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == 0, done.output
    assert f"wrote {target} ({fmt}: 3 nodes, 6 relationships)" in _words(done.stdout)
    body = target.read_bytes()
    if fmt == "png":
        assert min(png_size(body)) >= 400
    else:
        pdf = svg_as_pdf(body, tmp_path) if fmt == "svg" else body
        _assert_tem_tree(pdf_text(pdf, tmp_path), tem_title)


def test_without_graphviz_a_picture_is_a_clear_503(
    client: TestClient, seed_cli: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no dot, no neato: as on a machine without them
    answer = client.get(f"/api/v1/views/{TEM_TREE}&format=svg")
    assert answer.status_code == 503
    assert answer.headers["content-type"] == "application/problem+json"
    assert "Graphviz" in answer.json()["detail"]
    args = ["export", "map", "--view", "graph", "-f", "png", "-o", str(tmp_path / "g.png")]
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == 1 and done.stderr.startswith("error: pictures are drawn by Graphviz")
    assert not (tmp_path / "g.png").exists()
