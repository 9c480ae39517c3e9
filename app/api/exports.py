"""Whole-graph exports over HTTP, written once per revision of the graph and served from the
file. A request never builds one: the first request for a revision starts `orgmap export
graph` in a process of its own (so that no worker's memory or event loop pays for it), waits
for it within its time budget, and otherwise answers 503 with Retry-After. Any number of
workers share the files; an export of an older revision is removed once a newer one is
written."""

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

from fastapi.responses import FileResponse, Response

from app import deadline
from app.config import Settings, settings_env
from app.errors import OrgMapError, StoreUnavailableError
from app.graph.read import graph_meta
from app.interop.exports import GRAPH_FORMATS
from app.store.base import GraphStore

log = logging.getLogger("orgmap.api")
RETRY_AFTER_S = 10
_POLL_S = 0.1
_MARGIN_S = 0.3  # of the request's budget, kept to answer


class ExportPendingError(StoreUnavailableError):
    title = "Export being written"
    retry_after = RETRY_AFTER_S

    def __init__(self) -> None:
        super().__init__(
            f"the export of this revision of the graph is being written; try again in "
            f"{RETRY_AFTER_S} s"
        )


class ExportFailedError(OrgMapError):
    title = "Export failed"
    status = 500

    def __init__(self) -> None:
        super().__init__("writing the export failed; the server log says why")


def exported_file(store: GraphStore, settings: Settings, format_name: str) -> Response:
    fmt = GRAPH_FORMATS[format_name]
    target = export_path(store, settings, fmt.suffix)
    marker = target.with_name(target.name + ".writing")
    if not target.is_file():
        _start_writing(settings, format_name, target, marker)
        _wait_for(target, marker)
    if not target.is_file():
        raise ExportPendingError() if marker.exists() else ExportFailedError()
    return FileResponse(target, media_type=fmt.media_type, filename=f"orgmap.{fmt.suffix}")


def export_path(store: GraphStore, settings: Settings, suffix: str) -> Path:
    """Where the export of the graph's current revision lives: one folder per revision (and
    load time, so that a graph loaded afresh never meets an old graph's files)."""
    meta = graph_meta(store)
    stamp = hashlib.sha256(f"{meta.revision}|{meta.loaded_at}".encode()).hexdigest()[:16]
    return settings.exports / f"r{meta.revision or 0}-{stamp}" / f"orgmap.{suffix}"


def _start_writing(settings: Settings, format_name: str, target: Path, marker: Path) -> None:
    """Start the writer unless one is at work; the marker file says who is."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        if _alive(marker):
            return None
        marker.unlink(missing_ok=True)  # its writer's parent died: start afresh
        return _start_writing(settings, format_name, target, marker)
    with os.fdopen(fd, "w") as handle:
        handle.write(str(os.getpid()))  # until the writer runs: then the writer's own pid
    _remove_older(target.parent)
    command = [sys.executable, "-m", "app.cli", "export", "graph"]
    command += ["-f", format_name, "-o", str(target)]
    errors = target.with_name(target.name + ".log")
    with errors.open("w") as log_file:
        writer = subprocess.Popen(  # noqa: S603 (our own command, no user input)
            command,
            env={**os.environ, **settings_env(settings)},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    marker.write_text(str(writer.pid))  # a server that restarts meanwhile waits for it
    threading.Thread(target=_reap, args=(writer, marker, errors), daemon=True).start()
    return None


def _reap(writer: "subprocess.Popen[bytes]", marker: Path, errors: Path) -> None:
    """Wait for the writer, say in the log when it failed, and let the next one start."""
    code = writer.wait()
    if code != 0:
        tail = errors.read_text(errors="replace")[-2000:] if errors.exists() else ""
        log.error("writing %s failed (exit %s): %s", marker.parent, code, tail.strip())
    marker.unlink(missing_ok=True)


def _alive(marker: Path) -> bool:
    """Whether the writer the marker names (or the process starting it) still runs."""
    try:
        pid = int(marker.read_text() or "0")
        os.kill(pid, 0)
    except (ValueError, ProcessLookupError, FileNotFoundError):
        return False
    except PermissionError:
        return True
    return True


def _remove_older(current: Path) -> None:
    for folder in current.parent.iterdir():
        if folder.is_dir() and folder != current:
            shutil.rmtree(folder, ignore_errors=True)


def _wait_for(target: Path, marker: Path) -> None:
    """Until the file is there, its writer has stopped, or the budget is nearly spent."""
    while not target.is_file() and marker.exists():
        left = deadline.remaining()
        if left is not None and left <= _MARGIN_S:
            return
        time.sleep(_POLL_S)
