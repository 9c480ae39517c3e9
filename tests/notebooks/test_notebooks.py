"""The analysts' notebooks run top to bottom against the seed graph, as committed: without
outputs, without pasted Cypher, opening the store through the app's settings."""

import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from app.config import PROJECT_ROOT, Settings, get_settings
from tests.conftest import BACKEND

NOTEBOOKS = sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))
CYPHER = re.compile(r"\b(MATCH|MERGE|RETURN|UNWIND)\b|\bstore\.(read|write)\(")


def test_the_four_notebooks_are_there() -> None:
    assert [p.stem for p in NOTEBOOKS] == [
        "01_who_steers_whom",
        "02_groups_and_interlocks",
        "03_org_maps",
        "04_network_analysis",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs_and_without_cypher(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert all(cell.outputs == [] and cell.execution_count is None for cell in code)
    assert not any(CYPHER.search(cell.source) for cell in code)
    assert any("open_graph()" in cell.source for cell in code)  # the app's settings


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_top_to_bottom_on_the_seed_graph(
    path: Path, seed_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ORGMAP_BACKEND", BACKEND)
    monkeypatch.setenv("ORGMAP_DB_PATH", str(seed_settings.db_path))
    get_settings.cache_clear()
    copy = tmp_path / path.name  # exports land in tmp_path, not in the checkout
    shutil.copy(path, copy)
    notebook = nbformat.read(copy, as_version=4)
    where = {"metadata": {"path": str(tmp_path)}}
    client = NotebookClient(notebook, timeout=300, kernel_name="python3", resources=where)
    client.execute()  # raises CellExecutionError, with the cell and the traceback, on any error
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert len(outputs) >= 5
    get_settings.cache_clear()
