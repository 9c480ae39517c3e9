"""Writes are serialised end to end: imports and loads run at once in separate processes,
and the graph they leave is the one they would leave one after the other, in the order of the
revisions they report. Killing a load or an import at any moment leaves the previous graph."""

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from app.graph import read
from app.graph.dump import dump_lines
from app.graph.load import load_bundle
from app.interop.imports import import_popolo
from app.model import GraphBundle
from app.model.vocabulary import Lang
from app.store.ladybug import LadybugStore
from tests.conftest import SEED_DIR

CLI = [sys.executable, "-m", "app.cli"]
REVISION = re.compile(r"\(revision (\d+)\)")


def popolo_file(folder: Path, name: str, people: int) -> Path:
    """A small Popolo file of its own: a body and its members."""
    body = f"org-{name}-board"
    document = {
        "organizations": [{"id": body, "name": f"Board {name}", "classification": "board"}],
        "persons": [{"id": f"per-{name}-{i}", "name": f"Person {name} {i}"} for i in range(people)],
        "memberships": [
            {"id": f"m-{name}-{i}", "person_id": f"per-{name}-{i}", "organization_id": body}
            for i in range(people)
        ],
    }
    path = folder / f"{name}.json"
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


def graph_of(path: Path) -> dict[str, Any]:
    """What a graph holds, leaving out when it was loaded."""
    lines = list(dump_lines(LadybugStore(path, cache_rows=0)))[1:]
    return {"stats": read.graph_stats(LadybugStore(path)), "items": sorted(map(json.dumps, lines))}


def start(command: list[str], db: Path) -> "subprocess.Popen[str]":
    env = {**os.environ, "ORGMAP_DB_PATH": str(db)}
    return subprocess.Popen(
        [*CLI, *command], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_two_imports_and_a_load_at_once_lose_nothing(
    tmp_path: Path, loaded_db: Path, seed_bundle: GraphBundle
) -> None:
    live = tmp_path / "live.lbug"
    live.write_bytes(loaded_db.read_bytes())
    base = int(read.graph_meta(LadybugStore(live)).revision or 0)
    files = {name: popolo_file(tmp_path, name, 30) for name in ("alpha", "beta")}
    writes: dict[str, list[str]] = {
        "alpha": ["import", "popolo", str(files["alpha"])],
        "beta": ["import", "popolo", str(files["beta"])],
        "load": ["load", str(SEED_DIR)],
    }
    running = {name: start(command, live) for name, command in writes.items()}
    revisions = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, (name, stderr)
        match = REVISION.search(stdout)
        assert match, stdout
        revisions[name] = int(match.group(1))
    # Each write read the graph the one before it left: one revision each, none shared.
    assert sorted(revisions.values()) == [base + 1, base + 2, base + 3], revisions

    replay = tmp_path / "replay.lbug"
    replay.write_bytes(loaded_db.read_bytes())
    store = LadybugStore(replay)
    for name in sorted(revisions, key=revisions.__getitem__):
        if name == "load":
            load_bundle(store, seed_bundle, SEED_DIR)
        else:
            import_popolo(store, files[name], lang=Lang.EN)
    assert graph_of(live) == graph_of(replay)


KILLS = 4  # random moments per kind of write, and one while the new graph is being built


@pytest.mark.parametrize("write", ["load", "import"])
def test_killing_a_write_at_any_moment_keeps_the_previous_graph(
    tmp_path: Path, loaded_db: Path, write: str
) -> None:
    live = tmp_path / "live.lbug"
    live.write_bytes(loaded_db.read_bytes())
    before, meta = graph_of(live), read.graph_meta(LadybugStore(live))
    command = (
        ["load", str(SEED_DIR)]
        if write == "load"
        else ["import", "popolo", str(popolo_file(tmp_path, "gamma", 300))]
    )
    timed = start(command, live)  # how long the write takes here, to kill it within that
    started = time.monotonic()
    assert timed.wait(timeout=300) == 0
    duration = time.monotonic() - started
    after = graph_of(live)
    live.write_bytes(loaded_db.read_bytes())  # undo it

    kept = 0
    for percent in [*random.Random(13).sample(range(5, 95), KILLS), None]:
        process = start(command, live)
        if percent is None:  # the moment the new graph is being built beside the live one
            staging = live.with_name(f"{live.name}.loading-{process.pid}")
            while not staging.exists() and process.poll() is None:
                time.sleep(0.002)
        else:
            time.sleep(duration * percent / 100)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        now = graph_of(live)  # it answers, whole: the one before, or (killed after its swap)
        assert now in (before, after), f"killed at {percent}% of the {write}"
        if read.graph_meta(LadybugStore(live)) == meta:
            assert now == before
            kept += 1
        live.write_bytes(loaded_db.read_bytes())
    assert kept >= KILLS  # most kills landed before the swap: the test tested something
    finished = start(command, live)  # and the next write finishes the job
    assert finished.wait(timeout=300) == 0
    assert read.graph_meta(LadybugStore(live)).revision == str(int(meta.revision or 0) + 1)
