"""What is particular to the embedded store: files, staging and labels of its own."""

from pathlib import Path

import pytest

from app.errors import LoadFailedError, NoGraphError
from app.graph.load import load_bundle
from app.model import GraphBundle
from app.model.vocabulary import Label
from app.store.ladybug import LadybugStore
from tests.store.test_conformance import broken_tables


def test_a_failed_load_leaves_no_staging_files(tmp_path: Path, seed_bundle: GraphBundle) -> None:
    store = LadybugStore(tmp_path / "atomic.lbug")
    load_bundle(store, seed_bundle, "seed")
    with pytest.raises(LoadFailedError):
        store.replace_graph(broken_tables(seed_bundle))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atomic.lbug", "atomic.lbug.lock"]


def test_reading_before_any_load_says_so(tmp_path: Path) -> None:
    with pytest.raises(NoGraphError, match=r"no graph at .*: run `orgmap load` first"):
        LadybugStore(tmp_path / "empty.lbug").read("RETURN 1", {})


def test_labels_of_the_graph(loaded_db: Path) -> None:
    store = LadybugStore(loaded_db)
    labels = {r["l"] for r in store.read("MATCH (n) RETURN DISTINCT label(n) AS l", {})}
    assert labels == {*(label.value for label in Label), "OrgMapMeta", "EntityIndex"}
