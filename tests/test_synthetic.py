"""The synthetic administration: deterministic, valid, about 2.5 relationships a node."""

import hashlib
from pathlib import Path

from app.graph import read
from app.graph.load import bundle_tables, load_tables
from app.graph.steering import steering
from app.graph.walk import Budget, Window
from app.ingest.seed_files import validate_directory
from app.model.params import SearchParams, SteeringParams
from app.model.vocabulary import Label
from app.store.ladybug import LadybugStore
from app.synthetic import generate


def digest(folder: Path) -> str:
    return hashlib.sha256(
        b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())
    ).hexdigest()


def test_the_same_seed_gives_the_same_files(tmp_path: Path) -> None:
    first = generate(2000, 7, tmp_path / "a")
    generate(2000, 7, tmp_path / "b")
    generate(2000, 8, tmp_path / "c")
    assert digest(tmp_path / "a") == digest(tmp_path / "b") != digest(tmp_path / "c")
    assert 1900 <= first["nodes"] <= 2100
    assert abs(first["edges"] / first["nodes"] - 2.5) < 0.1


def test_generated_data_validates_loads_and_answers(tmp_path: Path) -> None:
    folder = tmp_path / "gen"
    generate(3000, 1, folder)
    report = validate_directory(folder, folder / "sources")
    assert report.ok, report.problems[:5]
    assert report.quotes_checked
    assert report.bundle is not None
    counts = report.node_counts()
    assert {"Organization", "Post", "Person", "Project", "Document"} <= set(counts)
    assert {"STEERS", "MEMBER_OF", "HOLDS", "PART_OF", "POST_IN"} <= set(report.edge_counts())
    store = LadybugStore(tmp_path / "gen.lbug")
    load_tables(store, bundle_tables(report.bundle, "gen", report.csv_parts))
    answer = steering(store, "unit-1", "up", SteeringParams(limit=100), Budget(30, 100_000))
    assert answer.total >= 1
    assert all(link.paths for link in answer.items)
    # Search totals: counted by a second scan only when the best-1000 window is full.
    kinds = read.kinds_found("a")[0]  # kinds whose words hold an "a"
    window = {"label": "", "kind": "", "kinds": kinds, **Window.as_of(None).params()}
    counted = store.run("search_count", {"q": "a", **window})[0]["total"]
    wide = read.search(store, SearchParams(q="a", limit=5))
    assert wide.total == counted > 1000 and len(wide.items) == 5
    # A page as wide as the window: more than the API lets a request ask for, so unvalidated.
    narrow = read.search(store, SearchParams.model_construct(q="a", type=Label.PROJECT, limit=1000))
    assert narrow.total == len(narrow.items) < 1000
    assert (
        narrow.total
        == store.run("search_count", {"q": "a", **window, "label": "Project"})[0]["total"]
    )
