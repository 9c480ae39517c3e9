"""What is particular to the embedded store: files, staging and labels of its own."""

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from app.config import Settings
from app.errors import LoadFailedError, NoGraphError
from app.graph.load import load_bundle
from app.model import GraphBundle
from app.model.vocabulary import Label, RelType
from app.store import ladybug as ladybug_store
from app.store import open_store
from app.store.base import Row
from app.store.ladybug import LadybugStore
from app.store.statements import statement as query
from tests.store.test_conformance import broken_tables


def test_a_failed_load_leaves_no_staging_files(tmp_path: Path, seed_bundle: GraphBundle) -> None:
    store = LadybugStore(tmp_path / "atomic.lbug")
    load_bundle(store, seed_bundle, "seed")
    with pytest.raises(LoadFailedError):
        store.replace_graph(broken_tables(seed_bundle))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atomic.lbug", "atomic.lbug.lock"]


def test_reading_before_any_load_says_so(tmp_path: Path) -> None:
    with pytest.raises(NoGraphError, match=r"^no graph is loaded: run `orgmap load` first$") as no:
        LadybugStore(tmp_path / "empty.lbug").read("RETURN 1", {})
    assert no.value.internal == f"no file at {tmp_path / 'empty.lbug'}"  # for the log, the CLI


def test_labels_of_the_graph(loaded_db: Path) -> None:
    store = LadybugStore(loaded_db)
    labels = {r["l"] for r in store.read("MATCH (n) RETURN DISTINCT label(n) AS l", {})}
    assert labels == {*(label.value for label in Label), "OrgMapMeta", "EntityIndex"}


def test_a_remembered_answer_is_handed_out_as_a_copy(loaded_db: Path) -> None:
    store = LadybugStore(loaded_db)
    query = "MATCH (n:Organization {id: $id}) RETURN n, n.alt_names AS alt"
    first = store.read(query, {"id": "org-tem"})
    first[0]["n"]["name"] = "changed by a caller"
    first[0]["alt"].append("changed too")
    first.append({"n": None})
    again = store.read(query, {"id": "org-tem"})
    assert len(again) == 1
    assert again[0]["n"]["name"] != "changed by a caller"
    assert "changed too" not in again[0]["alt"]


def test_remembered_answers_are_forgotten_when_another_graph_is_swapped_in(
    tmp_path: Path, seed_bundle: GraphBundle
) -> None:
    """A reader that has answered a question answers it again from the new graph."""
    path = tmp_path / "swap.lbug"
    reader, loader = LadybugStore(path), LadybugStore(path)
    load_bundle(loader, seed_bundle, "seed")
    query = "MATCH (n:Organization {id: $id}) RETURN n.id AS id"
    assert reader.read(query, {"id": "org-tem"}) == [{"id": "org-tem"}]
    smaller = GraphBundle(
        sources=seed_bundle.sources,
        nodes=[n for n in seed_bundle.nodes if n.id != "org-tem"],
        edges=[e for e in seed_bundle.edges if "org-tem" not in (e.from_, e.to)],
    )
    load_bundle(loader, smaller, "without TEM")
    assert reader.read(query, {"id": "org-tem"}) == []


@pytest.mark.parametrize(
    ("name", "slots", "params"),
    [
        ("expand_out", {"types": list(RelType)}, {"id": "org-tem"}),
        ("expand_in", {"types": list(RelType)}, {"id": "org-tem"}),
        ("entity", {}, {"id": "org-tem"}),
        (
            "search",
            {},
            {"q": "tem", "id": "", "kinds": [""], "word_kinds": [""], "today": "2024-01-01"}
            | {"label": "", "kind": ""},
        ),
    ],
)
def test_large_answers_come_through_arrow_exactly_as_small_ones_row_by_row(
    loaded_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    slots: dict[str, Any],
    params: dict[str, Any],
) -> None:
    statement = query(name, "ladybug")
    if "label" in statement.slots:
        slots = {**slots, "label": Label.ORGANIZATION}
    rendered = statement.render(**slots)
    values = {"valid_lo": "0001-01-01", "valid_hi": "9999-12-31", **params}
    bound = rendered.bind({k: v for k, v in values.items() if k in rendered.params})

    def answer(arrow_from: int) -> list[str]:
        monkeypatch.setattr(ladybug_store, "ARROW_FROM", arrow_from)
        rows = LadybugStore(loaded_db).read(rendered.text, bound)
        return sorted(json.dumps(row, sort_keys=True, default=str) for row in rows)

    row_by_row = answer(10**9)
    assert row_by_row and answer(-1) == row_by_row


def _sent_to_engine(store: LadybugStore, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements `store` hands to the engine from now on."""
    sent: list[str] = []
    engine = store._execute

    def execute(conn: Any, text: str, params: Mapping[str, Any]) -> list[Row]:
        sent.append(text)
        return engine(conn, text, params)

    monkeypatch.setattr(store, "_execute", execute)
    return sent


def test_the_read_cache_can_be_turned_off(loaded_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """ORGMAP_READ_CACHE_ROWS=0: every read goes to the engine (what the bench compares)."""
    question = "MATCH (n:Organization {id: $id}) RETURN n.id AS id"
    uncached = open_store(Settings(db_path=loaded_db, read_cache_rows=0))
    assert isinstance(uncached, LadybugStore)
    cached = open_store(Settings(db_path=loaded_db))
    assert isinstance(cached, LadybugStore)
    for store, engine_reads in ((uncached, 3), (cached, 1)):
        sent = _sent_to_engine(store, monkeypatch)
        answers = [store.read(question, {"id": "org-tem"}) for _ in range(3)]
        assert answers == [[{"id": "org-tem"}]] * 3
        assert len(sent) == engine_reads
