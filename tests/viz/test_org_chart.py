"""The organisation chart: a body's units (PART_OF), their posts (POST_IN) and the posts'
holders (HOLDS), drawn top-down, on the seed graph and on Berlin's real W3C ORG organogram."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.graph.walk import Budget
from app.interop.imports import import_org
from app.model.vocabulary import Label, Lang, RelType
from app.store import GraphStore
from app.store.ladybug import LadybugStore
from app.viz.graph import ViewGraph
from app.viz.maps import VIEWS, build_view
from tests.viz.test_layout import page_positions

BERLIN = Path(__file__).resolve().parents[3] / "shared" / "data" / "real" / "org-berlin"
TOP = "org-https-berlin-github-io-lod-organigram-organisation-fc88719adc"
HEALTH = "org-https-berlin-github-io-lod-organigram-organisation-6a7e03c821"  # Geschäftsbereich


def chart(store: GraphStore, entity_id: str, **params: object) -> ViewGraph:
    asked = VIEWS["org-chart"].params.model_validate(params)
    return build_view(store, "org-chart", entity_id, asked, Budget(10.0, 100_000))


@pytest.fixture(scope="module")
def berlin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    store = LadybugStore(tmp_path_factory.mktemp("berlin") / "berlin.lbug")
    import_org(store, BERLIN / "SenWGP.ttl", lang=Lang.EN)
    yield store
    store.close()


def test_units_above_their_posts_above_their_holders(berlin: GraphStore) -> None:
    view = chart(berlin, HEALTH, depth=2)
    y = {node_id: xy[1] for node_id, xy in page_positions(view).items()}
    links = {(e.rel, e.start, e.end) for e in view.drawable_edges()}
    assert {rel for rel, _, _ in links} == {RelType.PART_OF, RelType.POST_IN, RelType.HOLDS}
    for _, lower, upper in links:  # every relationship of the chart points upwards
        assert y[lower] > y[upper], (view.nodes[lower].name, view.nodes[upper].name)
    names = {n.name for n in view.nodes.values()}
    assert {"Abteilung I - Gesundheit", "I A", "Referatsleitung", "Ellen Haußdörfer"} <= names


def test_the_depth_counts_levels_of_units_each_with_its_posts_and_holders(
    berlin: GraphStore,
) -> None:
    one, two = chart(berlin, TOP), chart(berlin, TOP, depth=2)
    kinds = [n.label for n in one.nodes.values()]
    assert kinds.count(Label.ORGANIZATION) == 8  # the department and its seven parts
    assert kinds.count(Label.POST) == kinds.count(Label.PERSON) == 5
    assert len(two.nodes) > len(one.nodes) and len(chart(berlin, TOP, depth=5).nodes) == 96
    cut = chart(berlin, TOP, depth=5, limit=40, lang="en")
    assert len(cut.nodes) == 40 and "40" in cut.notice


def test_tem_chart_holds_its_bodies_posts_and_holders(store: GraphStore) -> None:
    view = chart(store, "org-tem")
    rels = {e.rel for e in view.drawable_edges()}
    assert rels == {RelType.PART_OF, RelType.POST_IN, RelType.HOLDS}
    assert "grp-tem-virkamiesjohtoryhma" in view.nodes  # a body of the ministry
    assert "post-tem-kansliapaallikko" in view.nodes
    assert view.hierarchical
