"""Killing `orgmap load` in the middle of a load leaves the previous graph answering."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from app.graph import read
from app.model import GraphBundle
from app.store.ladybug import LadybugStore
from tests.conftest import SEED_DIR

LOAD = [sys.executable, "-c", "from app.cli import app; app()", "load", str(SEED_DIR)]


def test_killing_a_load_mid_way_keeps_the_previous_graph(
    tmp_path: Path, loaded_db: Path, seed_bundle: GraphBundle
) -> None:
    path = tmp_path / "live.lbug"
    path.write_bytes(loaded_db.read_bytes())
    before = read.graph_meta(LadybugStore(path))
    env = {**os.environ, "ORGMAP_DB_PATH": str(path)}
    loader = subprocess.Popen(LOAD, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    staging = path.with_name(f"{path.name}.loading-{loader.pid}")
    deadline = time.monotonic() + 60
    while not staging.exists():  # the new graph is being built beside the live one
        assert loader.poll() is None, loader.stderr.read() if loader.stderr else ""
        assert time.monotonic() < deadline, "the load never started building"
        time.sleep(0.005)
    loader.send_signal(signal.SIGKILL)
    loader.wait(timeout=30)
    assert loader.returncode == -signal.SIGKILL

    reader = LadybugStore(path)
    assert read.graph_meta(reader) == before
    assert read.graph_stats(reader).total_nodes == len(seed_bundle.nodes) + len(seed_bundle.sources)
    assert read.get_entity(reader, "org-tem").id == "org-tem"  # type: ignore[attr-defined]

    # The next load finishes the job and clears what the killed one left behind.
    finished = subprocess.run(LOAD, env=env, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert not staging.exists()
    assert read.graph_meta(LadybugStore(path)).loaded_at != before.loaded_at
